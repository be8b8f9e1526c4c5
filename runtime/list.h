/* list: a mutable array. Every mutation runs in a critical section on the list
 * (runtime/critical_section.h); wf_list_get reads without the lock (DESIGN "Lock-free
 * reads"): the item array is replaced on resize and the old one freed through QSBR. */
#ifndef WF_LIST_H
#define WF_LIST_H

#include "object.h"

extern wf_type wf_list_type;

bool wf_list_check(wf_value v);                      /* list or a subclass */
wf_value wf_list_new(wf_thread *t, size_t capacity); /* empty */
/* A list holding copies of the n values. */
wf_value wf_list_from_array(wf_thread *t, const wf_value *items, size_t n);
int wf_list_append(wf_thread *t, wf_value list, wf_value item); /* 0 or -1 */
/* list[i] for 0 <= i < len, new reference; 0 with IndexError "list index out of range". */
wf_value wf_list_get(wf_thread *t, wf_value list, int64_t i);
int wf_list_set(wf_thread *t, wf_value list, int64_t i, wf_value item);
int64_t wf_list_size(wf_value list);
/* list.extend(iterable). */
int wf_list_extend(wf_thread *t, wf_value list, wf_value iterable);
/* tuple(list) snapshot. */
wf_value wf_list_as_tuple(wf_thread *t, wf_value list);
/* list.sort(key=key, reverse=reverse); key may be 0. Stable. */
int wf_list_sort(wf_thread *t, wf_value list, wf_value key, bool reverse);
/* list[lo:hi] for 0 <= lo <= hi, clamped to the current size. */
wf_value wf_list_slice(wf_thread *t, wf_value list, int64_t lo, int64_t hi);

extern wf_type wf_list_iter_type, wf_list_reviter_type;

/* Stable sort of n values in place (runtime/list_sort.c): by key(item) when key is not
 * 0, descending when reverse (still stable, as CPython: equal items keep their order).
 * Comparisons use wf_richcompare_bool(LT); on an error (a failed comparison or key
 * call) the array holds the same values in some order and -1 is returned. */
int wf_sort_values(wf_thread *t, wf_value *items, size_t n, wf_value key, bool reverse);

/* Every static type of the containers part (tuple, list, dict, set, range, slice, the
 * views and all their iterators), NULL-terminated: for wf_types_init to ready them all
 * before threads start, including the ones Python code never names. */
extern wf_type *const wf_container_types[];

/* ---- Helpers shared by the container reprs (runtime/list.c) ------------------------
 *
 * A growable UTF-8 buffer that becomes a str, and the per-thread "repr in progress"
 * guard that makes a container containing itself print as [...] / {...} / (...) as
 * CPython's Py_ReprEnter does. The guard is a small stack owned by the calling OS
 * thread (one wf_thread per OS thread). */
typedef struct wf_reprbuf {
    char *data; /* wf_mem_alloc'd; NULL until the first byte */
    size_t len, cap;
} wf_reprbuf;

bool wf_reprbuf_add(wf_thread *t, wf_reprbuf *b, const char *s, size_t n); /* false: MemoryError */
bool wf_reprbuf_add_cstr(wf_thread *t, wf_reprbuf *b, const char *s);
bool wf_reprbuf_add_repr(wf_thread *t, wf_reprbuf *b, wf_value v); /* repr(v) appended */
wf_value wf_reprbuf_finish(wf_thread *t, wf_reprbuf *b);           /* the str; b is released */
void wf_reprbuf_discard(wf_reprbuf *b);

/* open + ", ".join(map(repr, items)) + close */
wf_value wf_repr_join(wf_thread *t, const char *open, const wf_value *items, size_t n,
                      const char *close);
/* 1: obj's repr is already running on this thread (print the ellipsis form); 0: entered,
 * call wf_repr_leave when done; -1: error (MemoryError). */
int wf_repr_enter(wf_thread *t, wf_value obj);
void wf_repr_leave(wf_thread *t, wf_value obj);

#endif
