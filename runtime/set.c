/* set and frozenset (runtime/set.h).
 *
 * The table is CPython's: open addressing over (key, hash) entries, probing
 * LINEAR_PROBES neighbours before jumping with i = i*5 + 1 + perturb (perturb >>= 5);
 * deleted entries become DUMMY (hash -1) and are reused by later insertions; the table
 * grows to more than 4x the live items (2x above 50000) once it is 3/5 full, from an
 * 8-entry inline table. Every step that decides where a key lands — the merge
 * shortcuts, the pre-sizing of update() from a dict, the "last dummy seen" reuse —
 * follows setobject.c, because those decide the iteration order users see.
 *
 * Locking. A set's table is read and written only inside a critical section on the
 * set (two-object sections when another set is read); `used` is also read without the
 * lock (len()), hence atomic. A frozenset is filled before anyone else sees it and is
 * then read-only, but takes the same sections (uncontended, cheap) so one code path
 * serves both. Comparing keys may run a user __eq__, which may change the set: the
 * lookup then restarts, as CPython's does. */
#include "set.h"

#include <stdio.h>
#include <string.h>

#include "abstract.h"
#include "alloc.h"
#include "callable.h"
#include "critical_section.h"
#include "dict.h"
#include "error.h"
#include "generic_alias.h"
#include "exceptions.h"
#include "iterators.h"
#include "list.h"
#include "singletons.h"
#include "slice.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

#define MINSIZE       8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

typedef struct set_entry {
    wf_value key; /* 0: never used; DUMMY: deleted */
    int64_t hash; /* 0 for unused entries, -1 for dummies */
} set_entry;

typedef struct wf_set_object {
    wf_object ob;
    int64_t fill;         /* active + dummy entries */
    _Atomic int64_t used; /* active entries; written under the lock */
    size_t mask;          /* table size - 1 */
    set_entry *table;     /* smalltable or a wf_mem_alloc'd block */
    int64_t hash;         /* frozenset: cached hash, -1 until computed */
    size_t finger;        /* where pop() looks next */
    set_entry smalltable[MINSIZE];
} wf_set_object;

/* The dummy key: an address no value can have (never dereferenced or exposed). */
static const wf_object dummy_marker;
#define DUMMY ((wf_value)&dummy_marker)

static inline wf_set_object *as_set(wf_value v)
{
    return (wf_set_object *)wf_to_object(v);
}

static inline bool active(const set_entry *e)
{
    return e->key != 0 && e->key != DUMMY;
}

static inline int64_t used_of(wf_set_object *so)
{
    return atomic_load_explicit(&so->used, memory_order_relaxed); /* see the file comment */
}

static inline void used_add(wf_set_object *so, int64_t d)
{
    atomic_store_explicit(&so->used, used_of(so) + d, memory_order_relaxed);
}

bool wf_set_check(wf_value v)
{
    return wf_is_object(v) && wf_type_is_subtype(wf_to_object(v)->ob_type, &wf_set_type);
}

bool wf_frozenset_check(wf_value v)
{
    return wf_is_object(v) && wf_type_is_subtype(wf_to_object(v)->ob_type, &wf_frozenset_type);
}

int64_t wf_set_size(wf_value s)
{
    return used_of(as_set(s));
}

static int64_t key_hash(wf_thread *t, wf_value key)
{
    if (wf_str_check_exact(key))
        return wf_str_hash(key);
    return wf_hash(t, key);
}

/* ---- The table (caller holds the set's lock) ----------------------------------------- */

/* The entry holding key, or an entry with key 0 when absent; NULL on error. */
static set_entry *set_lookkey(wf_thread *t, wf_set_object *so, wf_value key, int64_t hash)
{
restart:;
    size_t mask = so->mask, i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    for (;;) {
        set_entry *entry = &so->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == 0)
                return entry;
            if (entry->hash == hash && entry->key != DUMMY) {
                wf_value start = entry->key;
                if (start == key)
                    return entry;
                if (wf_str_check_exact(start) && wf_str_check_exact(key)) {
                    if (wf_str_equal(start, key))
                        return entry;
                } else if (!(wf_is_smallint(start) && wf_is_smallint(key))) {
                    set_entry *table = so->table;
                    wf_value_incref(t, start);
                    int cmp = wf_richcompare_bool(t, start, key, WF_CMP_EQ);
                    wf_value_decref(t, start);
                    if (cmp < 0)
                        return NULL;
                    if (table != so->table || entry->key != start)
                        goto restart;
                    if (cmp > 0)
                        return entry;
                    mask = so->mask;
                }
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Place a key known to be absent into a table with no dummies (resizing, merging). */
static void set_insert_clean(set_entry *table, size_t mask, wf_value key, int64_t hash)
{
    size_t i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    set_entry *entry;
    for (;;) {
        entry = &table[i];
        if (entry->key == 0)
            goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == 0)
                    goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found:
    entry->key = key;
    entry->hash = hash;
}

/* Rebuild the table at the smallest size > minused, dropping dummies. */
static int set_table_resize(wf_thread *t, wf_set_object *so, int64_t minused)
{
    size_t newsize = MINSIZE;
    while (newsize <= (size_t)minused)
        newsize <<= 1;
    set_entry *oldtable = so->table;
    size_t oldmask = so->mask;
    bool old_malloced = oldtable != so->smalltable;
    set_entry small_copy[MINSIZE];
    set_entry *newtable;
    if (newsize == MINSIZE) {
        newtable = so->smalltable;
        if (newtable == oldtable) {
            if (so->fill == used_of(so))
                return 0; /* no dummies: nothing to do */
            memcpy(small_copy, oldtable, sizeof(small_copy));
            oldtable = small_copy;
        }
    } else {
        newtable = wf_mem_alloc(t, newsize * sizeof(set_entry));
        if (!newtable) {
            wf_err_no_memory(t);
            return -1;
        }
    }
    memset(newtable, 0, newsize * sizeof(set_entry));
    so->mask = newsize - 1;
    so->table = newtable;
    so->fill = used_of(so);
    for (size_t i = 0; i <= oldmask; i++)
        if (active(&oldtable[i]))
            set_insert_clean(newtable, so->mask, oldtable[i].key, oldtable[i].hash);
    if (old_malloced)
        wf_mem_free(oldtable);
    return 0;
}

/* Add key (borrowed; a reference is taken when it is stored). */
static int set_add_entry(wf_thread *t, wf_set_object *so, wf_value key, int64_t hash)
{
restart:;
    size_t mask = so->mask, i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    set_entry *freeslot = NULL, *entry;
    for (;;) {
        entry = &so->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == 0)
                goto found_unused_or_dummy;
            if (entry->hash == hash && entry->key != DUMMY) {
                wf_value start = entry->key;
                if (start == key)
                    return 0;
                if (wf_str_check_exact(start) && wf_str_check_exact(key)) {
                    if (wf_str_equal(start, key))
                        return 0;
                } else if (!(wf_is_smallint(start) && wf_is_smallint(key))) {
                    set_entry *table = so->table;
                    wf_value_incref(t, start);
                    int cmp = wf_richcompare_bool(t, start, key, WF_CMP_EQ);
                    wf_value_decref(t, start);
                    if (cmp > 0)
                        return 0;
                    if (cmp < 0)
                        return -1;
                    if (table != so->table || entry->key != start)
                        goto restart;
                    mask = so->mask;
                }
            } else if (entry->hash == -1) {
                freeslot = entry; /* the last dummy on the path, as CPython 3.11 */
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot) {
        used_add(so, 1);
        freeslot->key = wf_newref(t, key);
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    used_add(so, 1);
    entry->key = wf_newref(t, key);
    entry->hash = hash;
    if ((size_t)so->fill * 5 < mask * 3)
        return 0;
    int64_t used = used_of(so);
    return set_table_resize(t, so, used > 50000 ? used * 2 : used * 4);
}

/* 1 removed, 0 absent, -1 error. The key's reference is dropped after the entry is a
 * dummy, so a finalizer sees a consistent set. */
static int set_discard_entry(wf_thread *t, wf_set_object *so, wf_value key, int64_t hash)
{
    set_entry *entry = set_lookkey(t, so, key, hash);
    if (!entry)
        return -1;
    if (entry->key == 0)
        return 0;
    wf_value old = entry->key;
    entry->key = DUMMY;
    entry->hash = -1;
    used_add(so, -1);
    wf_value_decref(t, old);
    return 1;
}

/* The next active entry at or after *pos (table order), or NULL. */
static set_entry *set_next(wf_set_object *so, size_t *pos)
{
    size_t i = *pos;
    while (i <= so->mask && !active(&so->table[i]))
        i++;
    *pos = i + 1;
    return i <= so->mask ? &so->table[i] : NULL;
}

/* Empty the set; the keys are dropped after it is consistent again. */
static void set_clear_internal(wf_thread *t, wf_set_object *so)
{
    set_entry *table = so->table;
    size_t mask = so->mask;
    bool malloced = table != so->smalltable;
    set_entry small_copy[MINSIZE];
    if (!malloced) {
        memcpy(small_copy, table, sizeof(small_copy));
        table = small_copy;
    }
    memset(so->smalltable, 0, sizeof(so->smalltable));
    so->table = so->smalltable;
    so->mask = MINSIZE - 1;
    so->fill = 0;
    atomic_store_explicit(&so->used, 0, memory_order_relaxed);
    so->hash = -1;
    for (size_t i = 0; i <= mask; i++)
        if (active(&table[i]))
            wf_value_decref(t, table[i].key);
    if (malloced)
        wf_mem_free(table);
}

/* Add every key of other (a set or frozenset) into so; both locked by the caller. */
static int set_merge(wf_thread *t, wf_set_object *so, wf_set_object *other)
{
    int64_t other_used = used_of(other);
    if (other == so || other_used == 0)
        return 0;
    if ((so->fill + other_used) * 5 >= (int64_t)so->mask * 3 &&
        set_table_resize(t, so, (used_of(so) + other_used) * 2) < 0)
        return -1;
    if (so->fill == 0 && so->mask == other->mask && other->fill == other_used) {
        for (size_t i = 0; i <= other->mask; i++) { /* same layout: copy the slots */
            if (other->table[i].key) {
                so->table[i].key = wf_newref(t, other->table[i].key);
                so->table[i].hash = other->table[i].hash;
            }
        }
        so->fill = other->fill;
        atomic_store_explicit(&so->used, other_used, memory_order_relaxed);
        return 0;
    }
    if (so->fill == 0) {
        so->fill = other_used;
        atomic_store_explicit(&so->used, other_used, memory_order_relaxed);
        for (size_t i = 0; i <= other->mask; i++)
            if (active(&other->table[i]))
                set_insert_clean(so->table, so->mask, wf_newref(t, other->table[i].key),
                                 other->table[i].hash);
        return 0;
    }
    for (size_t i = 0; i <= other->mask; i++) {
        set_entry *e = &other->table[i];
        if (active(e) && set_add_entry(t, so, e->key, e->hash) < 0)
            return -1;
    }
    return 0;
}

/* ---- Locked operations on one or two sets --------------------------------------------- */

static wf_set_object *set_alloc(wf_thread *t, wf_type *type)
{
    size_t size =
        type->tp_basicsize > sizeof(wf_set_object) ? type->tp_basicsize : sizeof(wf_set_object);
    wf_set_object *so = (wf_set_object *)wf_object_alloc(t, type, size);
    if (!so) {
        wf_err_no_memory(t);
        return NULL;
    }
    so->fill = 0;
    atomic_init(&so->used, 0);
    so->mask = MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
    so->finger = 0;
    memset(so->smalltable, 0, sizeof(so->smalltable));
    return so;
}

/* so.update(other) for one iterable: sets merge, an exact dict pre-sizes the table as
 * CPython does, anything else is iterated. */
static int set_update_internal(wf_thread *t, wf_set_object *so, wf_value other)
{
    int r = 0;
    if (wf_anyset_check(other)) {
        wf_set_object *o = as_set(other);
        WF_BEGIN_CRITICAL_SECTION2(t, &so->ob, &o->ob);
        r = set_merge(t, so, o);
        WF_END_CRITICAL_SECTION2(t);
        return r;
    }
    bool is_dict = wf_is_object(other) && wf_to_object(other)->ob_type == &wf_dict_type;
    wf_value keys = is_dict ? wf_dict_keys_list(t, other) : WF_NULL;
    if (is_dict && !keys)
        return -1;
    wf_value it = wf_iter(t, keys ? keys : other);
    if (!it) {
        if (keys)
            wf_value_decref(t, keys);
        return -1;
    }
    WF_BEGIN_CRITICAL_SECTION(t, &so->ob);
    if (keys) {
        int64_t n = wf_list_size(keys);
        if ((so->fill + n) * 5 >= (int64_t)so->mask * 3)
            r = set_table_resize(t, so, (used_of(so) + n) * 2);
    }
    wf_value key;
    while (r == 0 && (key = wf_iter_next(t, it))) {
        int64_t hash = key_hash(t, key);
        r = hash == -1 ? -1 : set_add_entry(t, so, key, hash);
        wf_value_decref(t, key);
    }
    WF_END_CRITICAL_SECTION(t);
    wf_value_decref(t, it);
    if (keys)
        wf_value_decref(t, keys);
    return r < 0 || wf_err_occurred(t) ? -1 : 0;
}

/* A new set of type `type` (set, frozenset or a subclass) holding iterable's keys. */
static wf_value make_new_set(wf_thread *t, wf_type *type, wf_value iterable)
{
    wf_set_object *so = set_alloc(t, type);
    if (!so)
        return WF_NULL;
    wf_value v = wf_from_object(&so->ob);
    if (iterable && set_update_internal(t, so, iterable) < 0) {
        wf_value_decref(t, v);
        return WF_NULL;
    }
    return v;
}

/* Results of set operations are plain sets or frozensets, whatever the subclass. */
static wf_value make_new_set_basetype(wf_thread *t, wf_value like, wf_value iterable)
{
    wf_type *type = wf_set_check(like) ? &wf_set_type : &wf_frozenset_type;
    return make_new_set(t, type, iterable);
}

wf_value wf_set_new(wf_thread *t, wf_value iterable)
{
    return make_new_set(t, &wf_set_type, iterable);
}

wf_value wf_frozenset_new(wf_thread *t, wf_value iterable)
{
    return make_new_set(t, &wf_frozenset_type, iterable);
}

int wf_set_update(wf_thread *t, wf_value s, wf_value iterable)
{
    return set_update_internal(t, as_set(s), iterable);
}

int wf_set_add(wf_thread *t, wf_value s, wf_value key)
{
    int64_t hash = key_hash(t, key);
    if (hash == -1)
        return -1;
    wf_set_object *so = as_set(s);
    int r;
    WF_BEGIN_CRITICAL_SECTION(t, &so->ob);
    r = set_add_entry(t, so, key, hash);
    WF_END_CRITICAL_SECTION(t);
    return r;
}

static int contains_hashed(wf_thread *t, wf_set_object *so, wf_value key, int64_t hash)
{
    int r;
    WF_BEGIN_CRITICAL_SECTION(t, &so->ob);
    set_entry *e = set_lookkey(t, so, key, hash);
    r = e ? e->key != 0 : -1;
    WF_END_CRITICAL_SECTION(t);
    return r;
}

static int contains_key(wf_thread *t, wf_set_object *so, wf_value key)
{
    int64_t hash = key_hash(t, key);
    if (hash == -1)
        return -1;
    return contains_hashed(t, so, key, hash);
}

static int discard_key(wf_thread *t, wf_set_object *so, wf_value key)
{
    int64_t hash = key_hash(t, key);
    if (hash == -1)
        return -1;
    int r;
    WF_BEGIN_CRITICAL_SECTION(t, &so->ob);
    r = set_discard_entry(t, so, key, hash);
    WF_END_CRITICAL_SECTION(t);
    return r;
}

/* op(so, key) retried with frozenset(key) when key is an unhashable set, as CPython
 * lets `{1} in {frozenset({1})}` and s.remove({1}) work. */
static int with_frozen_key(wf_thread *t, wf_set_object *so, wf_value key,
                           int (*op)(wf_thread *, wf_set_object *, wf_value))
{
    int r = op(t, so, key);
    if (r >= 0 || !wf_set_check(key) || !wf_err_matches(t, &wf_exc_TypeError))
        return r;
    wf_err_clear(t);
    wf_value frozen = wf_frozenset_new(t, key);
    if (!frozen)
        return -1;
    r = op(t, so, frozen);
    wf_value_decref(t, frozen);
    return r;
}

int wf_set_contains(wf_thread *t, wf_value s, wf_value key)
{
    return with_frozen_key(t, as_set(s), key, contains_key);
}

int wf_set_discard(wf_thread *t, wf_value s, wf_value key)
{
    return with_frozen_key(t, as_set(s), key, discard_key);
}

bool wf_set_next(wf_thread *t, wf_value s, size_t *pos, wf_value *key)
{
    wf_set_object *so = as_set(s);
    bool found = false;
    WF_BEGIN_CRITICAL_SECTION(t, &so->ob);
    set_entry *e = set_next(so, pos);
    if (e) {
        *key = wf_newref(t, e->key);
        found = true;
    }
    WF_END_CRITICAL_SECTION(t);
    return found;
}

/* ---- Set algebra (setobject.c's algorithms, for the same result layouts) ------------- */

/* A snapshot of a set's (key, hash) pairs in table order, taken under its lock, so
 * the other set can be probed without holding both locks across user __eq__. */
typedef struct snapshot {
    set_entry *entries; /* owned references in .key */
    int64_t n;
} snapshot;

static bool take_snapshot(wf_thread *t, wf_set_object *so, snapshot *s)
{
    bool ok = true;
    WF_BEGIN_CRITICAL_SECTION(t, &so->ob);
    s->n = 0;
    s->entries = wf_mem_alloc(t, ((size_t)used_of(so) + 1) * sizeof(set_entry));
    if (!s->entries) {
        wf_err_no_memory(t);
        ok = false;
    } else {
        size_t pos = 0;
        set_entry *e;
        while ((e = set_next(so, &pos))) {
            s->entries[s->n].key = wf_newref(t, e->key);
            s->entries[s->n++].hash = e->hash;
        }
    }
    WF_END_CRITICAL_SECTION(t);
    return ok;
}

static void drop_snapshot(wf_thread *t, snapshot *s)
{
    for (int64_t i = 0; i < s->n; i++)
        wf_value_decref(t, s->entries[i].key);
    wf_mem_free(s->entries);
}

static wf_value set_copy_of(wf_thread *t, wf_value so)
{
    return make_new_set_basetype(t, so, so);
}

/* A new set of so's base type with the keys of so that are also in other. */
static wf_value set_intersection(wf_thread *t, wf_value so, wf_value other)
{
    if (so == other)
        return set_copy_of(t, so);
    wf_value result = make_new_set_basetype(t, so, WF_NULL);
    if (!result)
        return WF_NULL;
    wf_set_object *res = as_set(result);
    if (wf_anyset_check(other)) {
        wf_value big = so, small = other;
        if (wf_set_size(other) > wf_set_size(so)) {
            big = other;
            small = so;
        }
        snapshot s;
        if (!take_snapshot(t, as_set(small), &s)) {
            wf_value_decref(t, result);
            return WF_NULL;
        }
        int r = 0;
        for (int64_t i = 0; r == 0 && i < s.n; i++) {
            int c = contains_hashed(t, as_set(big), s.entries[i].key, s.entries[i].hash);
            r = c < 0 ? -1 : c ? set_add_entry(t, res, s.entries[i].key, s.entries[i].hash) : 0;
        }
        drop_snapshot(t, &s);
        if (r < 0) {
            wf_value_decref(t, result);
            return WF_NULL;
        }
        return result;
    }
    wf_value it = wf_iter(t, other);
    if (!it) {
        wf_value_decref(t, result);
        return WF_NULL;
    }
    wf_value key;
    int r = 0;
    while (r == 0 && (key = wf_iter_next(t, it))) {
        int64_t hash = key_hash(t, key);
        int c = hash == -1 ? -1 : contains_hashed(t, as_set(so), key, hash);
        r = c < 0 ? -1 : c ? set_add_entry(t, res, key, hash) : 0;
        wf_value_decref(t, key);
        if (r == 0 && c > 0 && used_of(res) >= wf_set_size(so))
            break;
    }
    wf_value_decref(t, it);
    if (r < 0 || wf_err_occurred(t)) {
        wf_value_decref(t, result);
        return WF_NULL;
    }
    return result;
}

/* Give so the contents of tmp (a new set nobody else sees) and tmp the old ones. */
static void set_swap_bodies(wf_thread *t, wf_set_object *a, wf_set_object *b)
{
    WF_BEGIN_CRITICAL_SECTION(t, &a->ob);
    int64_t fill = a->fill, used = used_of(a);
    size_t mask = a->mask;
    set_entry *table = a->table;
    set_entry small[MINSIZE];
    memcpy(small, a->smalltable, sizeof(small));
    a->fill = b->fill;
    atomic_store_explicit(&a->used, used_of(b), memory_order_relaxed);
    a->mask = b->mask;
    if (b->table == b->smalltable) {
        memcpy(a->smalltable, b->smalltable, sizeof(small));
        a->table = a->smalltable;
    } else {
        a->table = b->table;
    }
    b->fill = fill;
    atomic_store_explicit(&b->used, used, memory_order_relaxed);
    b->mask = mask;
    if (table == a->smalltable) {
        memcpy(b->smalltable, small, sizeof(small));
        b->table = b->smalltable;
    } else {
        b->table = table;
    }
    a->hash = b->hash = -1;
    WF_END_CRITICAL_SECTION(t);
}

static int set_intersection_update(wf_thread *t, wf_value so, wf_value other)
{
    wf_value tmp = set_intersection(t, so, other);
    if (!tmp)
        return -1;
    set_swap_bodies(t, as_set(so), as_set(tmp));
    wf_value_decref(t, tmp);
    return 0;
}

/* Remove from so every key of other; compacts when more than 1/4 are dummies. */
static int set_difference_update_internal(wf_thread *t, wf_value so, wf_value other)
{
    wf_set_object *s = as_set(so);
    if (so == other) {
        WF_BEGIN_CRITICAL_SECTION(t, &s->ob);
        set_clear_internal(t, s);
        WF_END_CRITICAL_SECTION(t);
        return 0;
    }
    int r = 0;
    if (wf_anyset_check(other)) {
        wf_value src = (wf_set_size(other) >> 3) > wf_set_size(so) ? set_intersection(t, so, other)
                                                                   : wf_newref(t, other);
        snapshot snap;
        if (!src || !take_snapshot(t, as_set(src), &snap)) {
            if (src)
                wf_value_decref(t, src);
            return -1;
        }
        WF_BEGIN_CRITICAL_SECTION(t, &s->ob);
        for (int64_t i = 0; r == 0 && i < snap.n; i++)
            r = set_discard_entry(t, s, snap.entries[i].key, snap.entries[i].hash) < 0 ? -1 : 0;
        WF_END_CRITICAL_SECTION(t);
        drop_snapshot(t, &snap);
        wf_value_decref(t, src);
    } else {
        wf_value it = wf_iter(t, other);
        if (!it)
            return -1;
        wf_value key;
        while (r == 0 && (key = wf_iter_next(t, it))) {
            r = discard_key(t, s, key) < 0 ? -1 : 0;
            wf_value_decref(t, key);
        }
        wf_value_decref(t, it);
        if (wf_err_occurred(t))
            r = -1;
    }
    if (r < 0)
        return -1;
    WF_BEGIN_CRITICAL_SECTION(t, &s->ob);
    if ((size_t)(s->fill - used_of(s)) > s->mask / 4) {
        int64_t used = used_of(s);
        r = set_table_resize(t, s, used > 50000 ? used * 2 : used * 4);
    }
    WF_END_CRITICAL_SECTION(t);
    return r;
}

static wf_value set_copy_and_difference(wf_thread *t, wf_value so, wf_value other)
{
    wf_value result = set_copy_of(t, so);
    if (result && set_difference_update_internal(t, result, other) < 0) {
        wf_value_decref(t, result);
        return WF_NULL;
    }
    return result;
}

static wf_value set_difference(wf_thread *t, wf_value so, wf_value other)
{
    bool is_dict = wf_is_object(other) && wf_to_object(other)->ob_type == &wf_dict_type;
    int64_t other_size;
    if (wf_anyset_check(other))
        other_size = wf_set_size(other);
    else if (is_dict)
        other_size = wf_dict_size(other);
    else
        return set_copy_and_difference(t, so, other);
    if ((wf_set_size(so) >> 2) > other_size)
        return set_copy_and_difference(t, so, other);
    wf_value result = make_new_set_basetype(t, so, WF_NULL);
    snapshot snap;
    if (!result || !take_snapshot(t, as_set(so), &snap)) {
        if (result)
            wf_value_decref(t, result);
        return WF_NULL;
    }
    int r = 0;
    for (int64_t i = 0; r == 0 && i < snap.n; i++) {
        set_entry *e = &snap.entries[i];
        int c;
        if (is_dict) {
            wf_value v = wf_dict_get(t, other, e->key);
            c = v ? 1 : wf_err_occurred(t) ? -1 : 0;
            if (v)
                wf_value_decref(t, v);
        } else {
            c = contains_hashed(t, as_set(other), e->key, e->hash);
        }
        r = c < 0 ? -1 : c ? 0 : set_add_entry(t, as_set(result), e->key, e->hash);
    }
    drop_snapshot(t, &snap);
    if (r < 0) {
        wf_value_decref(t, result);
        return WF_NULL;
    }
    return result;
}

/* so ^= other: keys of other absent from so are added, present ones removed. */
static int set_symmetric_difference_update(wf_thread *t, wf_value so, wf_value other)
{
    wf_set_object *s = as_set(so);
    if (so == other) {
        WF_BEGIN_CRITICAL_SECTION(t, &s->ob);
        set_clear_internal(t, s);
        WF_END_CRITICAL_SECTION(t);
        return 0;
    }
    wf_value src;
    if (wf_anyset_check(other))
        src = wf_newref(t, other);
    else if (wf_is_object(other) && wf_to_object(other)->ob_type == &wf_dict_type)
        src = wf_dict_keys_list(t, other); /* dict order, as _PyDict_Next */
    else
        src = make_new_set_basetype(t, so, other);
    if (!src)
        return -1;
    int r = 0;
    snapshot snap = {NULL, 0};
    if (wf_anyset_check(src)) {
        if (!take_snapshot(t, as_set(src), &snap))
            r = -1;
    } else {
        int64_t n = wf_list_size(src);
        snap.entries = wf_mem_alloc(t, ((size_t)n + 1) * sizeof(set_entry));
        if (!snap.entries) {
            wf_err_no_memory(t);
            r = -1;
        }
        for (int64_t i = 0; r == 0 && i < n; i++) {
            wf_value k = wf_list_get(t, src, i);
            int64_t h = k ? key_hash(t, k) : -1;
            if (h == -1) {
                if (k)
                    wf_value_decref(t, k);
                r = -1;
                break;
            }
            snap.entries[snap.n].key = k;
            snap.entries[snap.n++].hash = h;
        }
    }
    WF_BEGIN_CRITICAL_SECTION(t, &s->ob);
    for (int64_t i = 0; r == 0 && i < snap.n; i++) {
        int c = set_discard_entry(t, s, snap.entries[i].key, snap.entries[i].hash);
        r = c < 0    ? -1
            : c == 0 ? set_add_entry(t, s, snap.entries[i].key, snap.entries[i].hash)
                     : 0;
    }
    WF_END_CRITICAL_SECTION(t);
    drop_snapshot(t, &snap);
    wf_value_decref(t, src);
    return r;
}

static wf_value set_symmetric_difference(wf_thread *t, wf_value so, wf_value other)
{
    wf_value result = make_new_set_basetype(t, so, other);
    if (result && set_symmetric_difference_update(t, result, so) < 0) {
        wf_value_decref(t, result);
        return WF_NULL;
    }
    return result;
}

/* so <= other: 1, 0, -1. */
static int set_issubset(wf_thread *t, wf_value so, wf_value other)
{
    if (!wf_anyset_check(other)) {
        wf_value tmp = set_intersection(t, so, other);
        if (!tmp)
            return -1;
        int r = wf_set_size(tmp) == wf_set_size(so);
        wf_value_decref(t, tmp);
        return r;
    }
    if (wf_set_size(so) > wf_set_size(other))
        return 0;
    snapshot snap;
    if (!take_snapshot(t, as_set(so), &snap))
        return -1;
    int r = 1;
    for (int64_t i = 0; r == 1 && i < snap.n; i++)
        r = contains_hashed(t, as_set(other), snap.entries[i].key, snap.entries[i].hash);
    drop_snapshot(t, &snap);
    return r;
}

static int set_issuperset(wf_thread *t, wf_value so, wf_value other)
{
    if (wf_anyset_check(other))
        return set_issubset(t, other, so);
    wf_value it = wf_iter(t, other);
    if (!it)
        return -1;
    int r = 1;
    wf_value key;
    while (r == 1 && (key = wf_iter_next(t, it))) {
        r = contains_key(t, as_set(so), key);
        wf_value_decref(t, key);
    }
    wf_value_decref(t, it);
    return r == 1 && wf_err_occurred(t) ? -1 : r;
}

static int set_isdisjoint(wf_thread *t, wf_value so, wf_value other)
{
    if (so == other)
        return wf_set_size(so) == 0;
    if (wf_anyset_check(other)) {
        wf_value big = so, small = other;
        if (wf_set_size(other) > wf_set_size(so)) {
            big = other;
            small = so;
        }
        snapshot snap;
        if (!take_snapshot(t, as_set(small), &snap))
            return -1;
        int r = 1;
        for (int64_t i = 0; r == 1 && i < snap.n; i++) {
            int c = contains_hashed(t, as_set(big), snap.entries[i].key, snap.entries[i].hash);
            r = c < 0 ? -1 : !c;
        }
        drop_snapshot(t, &snap);
        return r;
    }
    wf_value it = wf_iter(t, other);
    if (!it)
        return -1;
    int r = 1;
    wf_value key;
    while (r == 1 && (key = wf_iter_next(t, it))) {
        int c = contains_key(t, as_set(so), key);
        r = c < 0 ? -1 : !c;
        wf_value_decref(t, key);
    }
    wf_value_decref(t, it);
    return r == 1 && wf_err_occurred(t) ? -1 : r;
}

/* ---- Slots ------------------------------------------------------------------------------ */

static void set_dealloc(wf_thread *t, wf_object *o)
{
    wf_set_object *so = (wf_set_object *)o;
    for (size_t i = 0; i <= so->mask; i++)
        if (active(&so->table[i]))
            wf_value_decref(t, so->table[i].key);
    if (so->table != so->smalltable)
        wf_mem_free(so->table);
    wf_object_free(t, o);
}

static int64_t set_length(wf_thread *t, wf_value self)
{
    (void)t;
    return wf_set_size(self);
}

/* "{1, 2}", "set()", "frozenset({1})", "MySet({1})"; "set(...)" inside itself. */
static wf_value set_repr(wf_thread *t, wf_value self)
{
    wf_type *type = wf_to_object(self)->ob_type;
    const char *name = wf_type_name(type);
    int entered = wf_repr_enter(t, self);
    if (entered != 0)
        return entered > 0 ? wf_str_printf(t, "%s(...)", name) : WF_NULL;
    wf_value r = WF_NULL;
    snapshot snap;
    if (wf_set_size(self) == 0) {
        r = wf_str_printf(t, "%s()", name);
    } else if (take_snapshot(t, as_set(self), &snap)) {
        wf_reprbuf b = {0};
        bool ok = (type == &wf_set_type ||
                   (wf_reprbuf_add_cstr(t, &b, name) && wf_reprbuf_add_cstr(t, &b, "("))) &&
                  wf_reprbuf_add_cstr(t, &b, "{");
        for (int64_t i = 0; ok && i < snap.n; i++)
            ok = (i == 0 || wf_reprbuf_add_cstr(t, &b, ", ")) &&
                 wf_reprbuf_add_repr(t, &b, snap.entries[i].key);
        ok = ok && wf_reprbuf_add_cstr(t, &b, type == &wf_set_type ? "}" : "})");
        r = ok ? wf_reprbuf_finish(t, &b) : (wf_reprbuf_discard(&b), WF_NULL);
        drop_snapshot(t, &snap);
    }
    wf_repr_leave(t, self);
    return r;
}

static uint64_t shuffle_bits(uint64_t h)
{
    return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL;
}

/* CPython's frozenset hash: xor of the shuffled entry hashes, independent of order,
 * then mixed with the size. (CPython xors over all slots and cancels the unused and
 * dummy ones; xoring over the active entries gives the same value.) */
static int64_t frozenset_hash(wf_thread *t, wf_value self)
{
    wf_set_object *so = as_set(self);
    int64_t cached = __atomic_load_n(&so->hash, __ATOMIC_RELAXED);
    if (cached != -1)
        return cached;
    uint64_t hash = 0;
    WF_BEGIN_CRITICAL_SECTION(t, &so->ob);
    for (size_t i = 0; i <= so->mask; i++)
        if (active(&so->table[i]))
            hash ^= shuffle_bits((uint64_t)so->table[i].hash);
    WF_END_CRITICAL_SECTION(t);
    hash ^= ((uint64_t)wf_set_size(self) + 1) * 1927868237ULL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923ULL;
    if (hash == UINT64_MAX)
        hash = 590923713ULL;
    /* relaxed: every thread computes the same value */
    __atomic_store_n(&so->hash, (int64_t)hash, __ATOMIC_RELAXED);
    return (int64_t)hash;
}

static int set_contains_slot(wf_thread *t, wf_value self, wf_value key)
{
    return wf_set_contains(t, self, key);
}

static wf_value set_richcompare(wf_thread *t, wf_value v, wf_value w, int op)
{
    if (!wf_anyset_check(v) || !wf_anyset_check(w))
        return wf_newref(t, WF_NOTIMPLEMENTED);
    int64_t lv = wf_set_size(v), lw = wf_set_size(w);
    int r;
    switch (op) {
    case WF_CMP_EQ:
    case WF_CMP_NE:
        r = lv == lw ? set_issubset(t, v, w) : 0;
        if (r >= 0 && op == WF_CMP_NE)
            r = !r;
        break;
    case WF_CMP_LE:
        r = set_issubset(t, v, w);
        break;
    case WF_CMP_GE:
        r = set_issuperset(t, v, w);
        break;
    case WF_CMP_LT:
        r = lv < lw ? set_issubset(t, v, w) : 0;
        break;
    default: /* GT */
        r = lv > lw ? set_issuperset(t, v, w) : 0;
        break;
    }
    return r < 0 ? WF_NULL : wf_bool(r);
}

/* The binary operators take sets only (set | list is a TypeError, unlike union()). */
static wf_value set_or(wf_thread *t, wf_value a, wf_value b)
{
    if (!wf_anyset_check(a) || !wf_anyset_check(b))
        return wf_newref(t, WF_NOTIMPLEMENTED);
    wf_value r = set_copy_of(t, a);
    if (r && a != b && set_update_internal(t, as_set(r), b) < 0) {
        wf_value_decref(t, r);
        return WF_NULL;
    }
    return r;
}

static wf_value set_and(wf_thread *t, wf_value a, wf_value b)
{
    if (!wf_anyset_check(a) || !wf_anyset_check(b))
        return wf_newref(t, WF_NOTIMPLEMENTED);
    return set_intersection(t, a, b);
}

static wf_value set_sub(wf_thread *t, wf_value a, wf_value b)
{
    if (!wf_anyset_check(a) || !wf_anyset_check(b))
        return wf_newref(t, WF_NOTIMPLEMENTED);
    return set_difference(t, a, b);
}

static wf_value set_xor(wf_thread *t, wf_value a, wf_value b)
{
    if (!wf_anyset_check(a) || !wf_anyset_check(b))
        return wf_newref(t, WF_NOTIMPLEMENTED);
    return set_symmetric_difference(t, a, b);
}

/* In-place forms: only a set on the left (frozenset |= x rebinds via the plain op). */
static wf_value set_ior(wf_thread *t, wf_value a, wf_value b)
{
    if (!wf_set_check(a) || !wf_anyset_check(b))
        return wf_newref(t, WF_NOTIMPLEMENTED);
    return set_update_internal(t, as_set(a), b) < 0 ? WF_NULL : wf_newref(t, a);
}

static wf_value set_iand(wf_thread *t, wf_value a, wf_value b)
{
    if (!wf_set_check(a) || !wf_anyset_check(b))
        return wf_newref(t, WF_NOTIMPLEMENTED);
    return set_intersection_update(t, a, b) < 0 ? WF_NULL : wf_newref(t, a);
}

static wf_value set_isub(wf_thread *t, wf_value a, wf_value b)
{
    if (!wf_set_check(a) || !wf_anyset_check(b))
        return wf_newref(t, WF_NOTIMPLEMENTED);
    return set_difference_update_internal(t, a, b) < 0 ? WF_NULL : wf_newref(t, a);
}

static wf_value set_ixor(wf_thread *t, wf_value a, wf_value b)
{
    if (!wf_set_check(a) || !wf_anyset_check(b))
        return wf_newref(t, WF_NOTIMPLEMENTED);
    return set_symmetric_difference_update(t, a, b) < 0 ? WF_NULL : wf_newref(t, a);
}

/* ---- Iterator ---------------------------------------------------------------------------- */

typedef struct set_iter {
    wf_object ob;
    wf_value set;         /* owned */
    _Atomic int64_t used; /* size at creation; -1 after a size error */
    _Atomic int64_t pos;  /* next table slot; -1 when exhausted */
    _Atomic int64_t left;
} set_iter;

static wf_value set_iter_new(wf_thread *t, wf_value self)
{
    set_iter *it = (set_iter *)wf_object_alloc(t, &wf_set_iter_type, sizeof(set_iter));
    if (!it)
        return wf_err_no_memory(t);
    it->set = wf_newref(t, self);
    atomic_init(&it->used, wf_set_size(self));
    atomic_init(&it->pos, 0);
    atomic_init(&it->left, wf_set_size(self));
    return wf_from_object(&it->ob);
}

static void set_iter_dealloc(wf_thread *t, wf_object *o)
{
    wf_value_decref(t, ((set_iter *)o)->set);
    wf_object_free(t, o);
}

/* relaxed fields: threads sharing one iterator may see a key twice, never a bad one */
static wf_value set_iter_next(wf_thread *t, wf_value self)
{
    set_iter *it = (set_iter *)wf_to_object(self);
    int64_t pos = atomic_load_explicit(&it->pos, memory_order_relaxed);
    if (pos < 0)
        return WF_NULL;
    wf_set_object *so = as_set(it->set);
    wf_value key = WF_NULL;
    bool changed = false;
    size_t p = (size_t)pos;
    WF_BEGIN_CRITICAL_SECTION(t, &so->ob);
    if (used_of(so) != atomic_load_explicit(&it->used, memory_order_relaxed)) {
        changed = true;
    } else {
        set_entry *e = set_next(so, &p);
        if (e)
            key = wf_newref(t, e->key);
    }
    WF_END_CRITICAL_SECTION(t);
    if (changed) {
        atomic_store_explicit(&it->used, -1, memory_order_relaxed);
        return wf_err_set(t, &wf_exc_RuntimeError, "Set changed size during iteration");
    }
    atomic_store_explicit(&it->pos, key ? (int64_t)p : -1, memory_order_relaxed);
    if (key)
        atomic_fetch_sub_explicit(&it->left, 1, memory_order_relaxed);
    return key;
}

static wf_value set_iter_length_hint(wf_thread *t, wf_value self, const wf_value *args,
                                     size_t nargs, wf_value kwnames)
{
    (void)t, (void)args, (void)nargs, (void)kwnames;
    set_iter *it = (set_iter *)wf_to_object(self);
    bool live = atomic_load_explicit(&it->pos, memory_order_relaxed) >= 0 &&
                atomic_load_explicit(&it->used, memory_order_relaxed) == wf_set_size(it->set);
    return wf_smallint_box(live ? atomic_load_explicit(&it->left, memory_order_relaxed) : 0);
}

static const wf_method_def set_iter_methods[] = {
    {"__length_hint__", set_iter_length_hint, 0},
    {NULL, NULL, 0},
};

wf_type wf_set_iter_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "set_iterator",
    .tp_basicsize = sizeof(set_iter),
    .tp_flags = WF_TPFLAG_TRACKED,
    .tp_dealloc = set_iter_dealloc,
    .tp_iter = wf_self_iter,
    .tp_iternext = set_iter_next,
    .tp_methods = set_iter_methods,
};

/* ---- Methods ------------------------------------------------------------------------------ */

#define METHOD(name)                                                                               \
    static wf_value name(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,          \
                         wf_value kwnames)

/* Argument checks of a method taking exactly min..max positional arguments and no
 * keywords, with CPython's messages naming the type ("set.add() takes exactly one
 * argument (0 given)", "frozenset.copy() takes no arguments (1 given)"). */
static bool method_args(wf_thread *t, wf_value self, const char *name, size_t nargs,
                        wf_value kwnames, size_t min, size_t max)
{
    char qualified[64];
    snprintf(qualified, sizeof qualified, "%s.%s", wf_frozenset_check(self) ? "frozenset" : "set",
             name);
    return wf_check_no_kwargs(t, qualified, kwnames) &&
           wf_check_nargs(t, qualified, nargs, min, max);
}

/* Keywords only (methods taking *others). */
static bool method_no_kwargs(wf_thread *t, wf_value self, const char *name, wf_value kwnames)
{
    return method_args(t, self, name, 0, kwnames, 0, 0);
}

#define ONE_ARG(pyname)                                                                            \
    if (!method_args(t, self, pyname, nargs, kwnames, 1, 1))                                       \
    return WF_NULL
#define NO_ARGS(pyname)                                                                            \
    (void)args;                                                                                    \
    if (!method_args(t, self, pyname, nargs, kwnames, 0, 0))                                       \
    return WF_NULL

METHOD(set_m_add)
{
    ONE_ARG("add");
    return wf_set_add(t, self, args[0]) < 0 ? WF_NULL : WF_NONE;
}

METHOD(set_m_remove)
{
    ONE_ARG("remove");
    int r = wf_set_discard(t, self, args[0]);
    if (r < 0)
        return WF_NULL;
    if (r == 0)
        return wf_err_set_arg(t, &wf_exc_KeyError, args[0]);
    return WF_NONE;
}

METHOD(set_m_discard)
{
    ONE_ARG("discard");
    return wf_set_discard(t, self, args[0]) < 0 ? WF_NULL : WF_NONE;
}

/* Remove and return an arbitrary key, scanning on from where the last pop stopped. */
METHOD(set_m_pop)
{
    NO_ARGS("pop");
    wf_set_object *so = as_set(self);
    wf_value key = WF_NULL;
    WF_BEGIN_CRITICAL_SECTION(t, &so->ob);
    if (used_of(so) > 0) {
        set_entry *entry = so->table + (so->finger & so->mask);
        set_entry *limit = so->table + so->mask;
        while (!active(entry))
            entry = entry == limit ? so->table : entry + 1;
        key = entry->key;
        entry->key = DUMMY;
        entry->hash = -1;
        used_add(so, -1);
        so->finger = (size_t)(entry - so->table) + 1;
    }
    WF_END_CRITICAL_SECTION(t);
    if (!key)
        return wf_err_set(t, &wf_exc_KeyError, "pop from an empty set");
    return key;
}

METHOD(set_m_clear)
{
    NO_ARGS("clear");
    wf_set_object *so = as_set(self);
    WF_BEGIN_CRITICAL_SECTION(t, &so->ob);
    set_clear_internal(t, so);
    WF_END_CRITICAL_SECTION(t);
    return WF_NONE;
}

METHOD(set_m_copy)
{
    NO_ARGS("copy");
    return set_copy_of(t, self);
}

METHOD(frozenset_m_copy)
{
    NO_ARGS("copy");
    if (wf_to_object(self)->ob_type == &wf_frozenset_type)
        return wf_newref(t, self);
    return set_copy_of(t, self);
}

METHOD(set_m_update)
{
    if (!method_no_kwargs(t, self, "update", kwnames))
        return WF_NULL;
    for (size_t i = 0; i < nargs; i++)
        if (set_update_internal(t, as_set(self), args[i]) < 0)
            return WF_NULL;
    return WF_NONE;
}

METHOD(set_m_union)
{
    if (!method_no_kwargs(t, self, "union", kwnames))
        return WF_NULL;
    wf_value r = set_copy_of(t, self);
    for (size_t i = 0; r && i < nargs; i++) {
        if (args[i] != self && set_update_internal(t, as_set(r), args[i]) < 0) {
            wf_value_decref(t, r);
            r = WF_NULL;
        }
    }
    return r;
}

/* intersection(*others): chained, each step a new set. */
static wf_value intersection_multi(wf_thread *t, wf_value self, const wf_value *args, size_t nargs)
{
    if (nargs == 0)
        return set_copy_of(t, self);
    wf_value r = wf_newref(t, self);
    for (size_t i = 0; r && i < nargs; i++) {
        wf_value next = set_intersection(t, r, args[i]);
        wf_value_decref(t, r);
        r = next;
    }
    return r;
}

METHOD(set_m_intersection)
{
    if (!method_no_kwargs(t, self, "intersection", kwnames))
        return WF_NULL;
    return intersection_multi(t, self, args, nargs);
}

METHOD(set_m_intersection_update)
{
    if (!method_no_kwargs(t, self, "intersection_update", kwnames))
        return WF_NULL;
    wf_value tmp = intersection_multi(t, self, args, nargs);
    if (!tmp)
        return WF_NULL;
    set_swap_bodies(t, as_set(self), as_set(tmp));
    wf_value_decref(t, tmp);
    return WF_NONE;
}

METHOD(set_m_difference)
{
    if (!method_no_kwargs(t, self, "difference", kwnames))
        return WF_NULL;
    if (nargs == 0)
        return set_copy_of(t, self);
    wf_value r = set_difference(t, self, args[0]);
    for (size_t i = 1; r && i < nargs; i++) {
        if (set_difference_update_internal(t, r, args[i]) < 0) {
            wf_value_decref(t, r);
            r = WF_NULL;
        }
    }
    return r;
}

METHOD(set_m_difference_update)
{
    if (!method_no_kwargs(t, self, "difference_update", kwnames))
        return WF_NULL;
    for (size_t i = 0; i < nargs; i++)
        if (set_difference_update_internal(t, self, args[i]) < 0)
            return WF_NULL;
    return WF_NONE;
}

METHOD(set_m_symmetric_difference)
{
    ONE_ARG("symmetric_difference");
    return set_symmetric_difference(t, self, args[0]);
}

METHOD(set_m_symmetric_difference_update)
{
    ONE_ARG("symmetric_difference_update");
    return set_symmetric_difference_update(t, self, args[0]) < 0 ? WF_NULL : WF_NONE;
}

METHOD(set_m_issubset)
{
    ONE_ARG("issubset");
    int r = set_issubset(t, self, args[0]);
    return r < 0 ? WF_NULL : wf_bool(r);
}

METHOD(set_m_issuperset)
{
    ONE_ARG("issuperset");
    int r = set_issuperset(t, self, args[0]);
    return r < 0 ? WF_NULL : wf_bool(r);
}

METHOD(set_m_isdisjoint)
{
    ONE_ARG("isdisjoint");
    int r = set_isdisjoint(t, self, args[0]);
    return r < 0 ? WF_NULL : wf_bool(r);
}

METHOD(set_m_contains)
{
    ONE_ARG("__contains__");
    int r = wf_set_contains(t, self, args[0]);
    return r < 0 ? WF_NULL : wf_bool(r);
}

/* ---- Construction ------------------------------------------------------------------------- */

static wf_value set_tp_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    (void)args, (void)nargs, (void)kwnames; /* tp_init fills it */
    return make_new_set(t, type, WF_NULL);
}

static int set_tp_init(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                       wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "set", kwnames) || !wf_check_positional(t, "set", nargs, 0, 1))
        return -1;
    wf_set_object *so = as_set(self);
    WF_BEGIN_CRITICAL_SECTION(t, &so->ob);
    if (so->fill)
        set_clear_internal(t, so);
    WF_END_CRITICAL_SECTION(t);
    return nargs ? set_update_internal(t, so, args[0]) : 0;
}

/* frozenset(iterable): frozenset(f) of an exact frozenset is f itself. */
static wf_value frozenset_tp_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                                 wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "frozenset", kwnames) ||
        !wf_check_positional(t, "frozenset", nargs, 0, 1))
        return WF_NULL;
    wf_value iterable = nargs ? args[0] : WF_NULL;
    if (type == &wf_frozenset_type && iterable && wf_is_object(iterable) &&
        wf_to_object(iterable)->ob_type == &wf_frozenset_type)
        return wf_newref(t, iterable);
    return make_new_set(t, type, iterable);
}

/* ---- The types ---------------------------------------------------------------------------- */

static const wf_number_methods set_as_number = {
    .binop[WF_NB_OR] = set_or,
    .binop[WF_NB_AND] = set_and,
    .binop[WF_NB_SUBTRACT] = set_sub,
    .binop[WF_NB_XOR] = set_xor,
    .inplace[WF_NB_OR] = set_ior,
    .inplace[WF_NB_AND] = set_iand,
    .inplace[WF_NB_SUBTRACT] = set_isub,
    .inplace[WF_NB_XOR] = set_ixor,
};

static const wf_number_methods frozenset_as_number = {
    .binop[WF_NB_OR] = set_or,
    .binop[WF_NB_AND] = set_and,
    .binop[WF_NB_SUBTRACT] = set_sub,
    .binop[WF_NB_XOR] = set_xor,
};

static const wf_mapping_methods set_as_mapping = {
    .length = set_length,
    .contains = set_contains_slot,
};

static const wf_method_def set_methods[] = {
    {"add", set_m_add, 0},
    {"clear", set_m_clear, 0},
    {"__contains__", set_m_contains, 0},
    {"copy", set_m_copy, 0},
    {"discard", set_m_discard, 0},
    {"difference", set_m_difference, 0},
    {"difference_update", set_m_difference_update, 0},
    {"intersection", set_m_intersection, 0},
    {"intersection_update", set_m_intersection_update, 0},
    {"isdisjoint", set_m_isdisjoint, 0},
    {"issubset", set_m_issubset, 0},
    {"issuperset", set_m_issuperset, 0},
    {"pop", set_m_pop, 0},
    {"remove", set_m_remove, 0},
    {"symmetric_difference", set_m_symmetric_difference, 0},
    {"symmetric_difference_update", set_m_symmetric_difference_update, 0},
    {"union", set_m_union, 0},
    {"update", set_m_update, 0},
    {"__class_getitem__", wf_class_getitem, WF_METH_CLASS},
    {NULL, NULL, 0},
};

static const wf_method_def frozenset_methods[] = {
    {"__contains__", set_m_contains, 0},
    {"copy", frozenset_m_copy, 0},
    {"difference", set_m_difference, 0},
    {"intersection", set_m_intersection, 0},
    {"isdisjoint", set_m_isdisjoint, 0},
    {"issubset", set_m_issubset, 0},
    {"issuperset", set_m_issuperset, 0},
    {"symmetric_difference", set_m_symmetric_difference, 0},
    {"union", set_m_union, 0},
    {"__class_getitem__", wf_class_getitem, WF_METH_CLASS},
    {NULL, NULL, 0},
};

wf_type wf_set_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "set",
    .tp_basicsize = sizeof(wf_set_object),
    .tp_flags = WF_TPFLAG_TRACKED | WF_TPFLAG_BASETYPE,
    .tp_dealloc = set_dealloc,
    .tp_repr = set_repr,
    .tp_richcompare = set_richcompare,
    .tp_iter = set_iter_new,
    .tp_new = set_tp_new,
    .tp_init = set_tp_init,
    .tp_as_number = &set_as_number,
    .tp_as_mapping = &set_as_mapping,
    .tp_methods = set_methods,
    .tp_doc = "set() -> new empty set object\nset(iterable) -> new set object\n\nBuild an "
              "unordered collection of unique elements.",
};

wf_type wf_frozenset_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "frozenset",
    .tp_basicsize = sizeof(wf_set_object),
    .tp_flags = WF_TPFLAG_TRACKED | WF_TPFLAG_BASETYPE,
    .tp_dealloc = set_dealloc,
    .tp_repr = set_repr,
    .tp_hash = frozenset_hash,
    .tp_richcompare = set_richcompare,
    .tp_iter = set_iter_new,
    .tp_new = frozenset_tp_new,
    .tp_as_number = &frozenset_as_number,
    .tp_as_mapping = &set_as_mapping,
    .tp_methods = frozenset_methods,
    .tp_doc = "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object\n\n"
              "Build an immutable unordered collection of unique elements.",
};
