/* set and frozenset: hash tables of keys with CPython's layout and probing (linear
 * probes of LINEAR_PROBES slots, then perturbation), the same table sizes and growth,
 * so iteration order — and so repr — matches CPython for the same operations.
 * Mutations of a set run in a critical section on it; a frozenset is filled by its
 * creator before anyone else sees it and never changes after. */
#ifndef WF_SET_H
#define WF_SET_H

#include "object.h"

extern wf_type wf_set_type, wf_frozenset_type, wf_set_iter_type;

bool wf_set_check(wf_value v);       /* set or a subclass */
bool wf_frozenset_check(wf_value v); /* frozenset or a subclass */
static inline bool wf_anyset_check(wf_value v)
{
    return wf_set_check(v) || wf_frozenset_check(v);
}

/* set(iterable) / frozenset(iterable); iterable 0 makes an empty one. */
wf_value wf_set_new(wf_thread *t, wf_value iterable);
wf_value wf_frozenset_new(wf_thread *t, wf_value iterable);
/* s.add(key) (also used to fill a new frozenset): 0 / -1 (unhashable key, ...). */
int wf_set_add(wf_thread *t, wf_value s, wf_value key);
/* key in s: 1, 0, -1. */
int wf_set_contains(wf_thread *t, wf_value s, wf_value key);
/* s.discard(key): 1 removed, 0 missing, -1 error. */
int wf_set_discard(wf_thread *t, wf_value s, wf_value key);
int64_t wf_set_size(wf_value s);
/* Iteration in table order: *pos starts at 0; true with a new reference in *key. */
bool wf_set_next(wf_thread *t, wf_value s, size_t *pos, wf_value *key);
/* s.update(iterable) */
int wf_set_update(wf_thread *t, wf_value s, wf_value iterable);

#endif
