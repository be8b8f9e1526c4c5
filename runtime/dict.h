/* dict: insertion-ordered hash table (CPython's compact layout: an index table and an
 * entry array). Mutations run in a critical section on the dict; lookups may read
 * without the lock where the design allows. Keys are compared with
 * wf_richcompare_bool(EQ) after hash equality, so user __eq__ may run (and may mutate
 * the dict: lookups then restart, as in CPython). */
#ifndef WF_DICT_H
#define WF_DICT_H

#include "object.h"

extern wf_type wf_dict_type;

bool wf_dict_check(wf_value v); /* dict or a subclass */
wf_value wf_dict_new(wf_thread *t);
/* d[key], new reference; 0 with no exception set when key is missing; 0 with an
 * exception (unhashable key, error in __eq__) otherwise. */
wf_value wf_dict_get(wf_thread *t, wf_value d, wf_value key);
/* The same for a str key given as a C string (no str is made when it is interned). */
wf_value wf_dict_get_cstr(wf_thread *t, wf_value d, const char *key);
int wf_dict_set(wf_thread *t, wf_value d, wf_value key, wf_value value); /* 0 / -1 */
int wf_dict_set_cstr(wf_thread *t, wf_value d, const char *key, wf_value value);
/* del d[key]: 1 removed, 0 missing (no exception), -1 error. */
int wf_dict_del(wf_thread *t, wf_value d, wf_value key);
int64_t wf_dict_size(wf_value d);
/* Iteration in insertion order: start with *pos = 0; returns true with new references
 * in *key and *value (either pointer may be NULL), false at the end. A snapshot is
 * not taken: for a dict other threads may change, iterate over wf_dict_items. */
bool wf_dict_next(wf_thread *t, wf_value d, size_t *pos, wf_value *key, wf_value *value);
/* list(d.items()) as a list of 2-tuples. */
wf_value wf_dict_items(wf_thread *t, wf_value d);
wf_value wf_dict_copy(wf_thread *t, wf_value d);
/* d.update(other) for a dict or an iterable of pairs / mapping with keys(). */
int wf_dict_update(wf_thread *t, wf_value d, wf_value other);
/* list(d) and list(d.values()): snapshots taken under the dict's lock. */
wf_value wf_dict_keys_list(wf_thread *t, wf_value d);
wf_value wf_dict_values_list(wf_thread *t, wf_value d);

/* ---- Views and iterators (runtime/dict_views.c) ------------------------------------ */

enum wf_dict_part { WF_DICT_KEYS, WF_DICT_VALUES, WF_DICT_ITEMS };

extern wf_type wf_dict_keys_type, wf_dict_values_type, wf_dict_items_type;
extern wf_type wf_dict_keyiter_type, wf_dict_valueiter_type, wf_dict_itemiter_type;
extern wf_type wf_dict_revkeyiter_type, wf_dict_revvalueiter_type, wf_dict_revitemiter_type;

/* d.keys() / d.values() / d.items() */
wf_value wf_dict_view_new(wf_thread *t, wf_value d, enum wf_dict_part part);
/* iter(d), iter(d.values()), ..., reversed(d) ...; RuntimeError "dictionary changed size
 * during iteration" when the dict's size changes meanwhile. */
wf_value wf_dict_iter_new(wf_thread *t, wf_value d, enum wf_dict_part part, bool reverse);

/* The first live entry at or after (dir 1) / at or before (dir -1) entry position pos
 * (INT64_MAX: the last entry), under the dict's lock: its position, with new
 * references in *key / *value (either may be NULL), or -1 at the end. *used gets the
 * dict's size read under the same lock. */
int64_t wf_dict_entry_at(wf_thread *t, wf_value d, int64_t pos, int dir, wf_value *key,
                         wf_value *value, int64_t *used);

#endif
