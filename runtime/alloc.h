/* Memory: per-thread mimalloc heaps, and object allocation.
 *
 * Release builds allocate from the calling thread's mimalloc heap; any thread may free
 * (cross-thread frees are mimalloc's job). ASan and TSan builds use libc malloc
 * instead, because mimalloc is not instrumented (WF_ALLOC_LIBC; the only switch). */
#ifndef WF_ALLOC_H
#define WF_ALLOC_H

#include "object.h"

/* Per-thread heap set-up and tear-down; the thread itself calls them. */
void wf_alloc_thread_init(wf_thread *t);
void wf_alloc_thread_fini(wf_thread *t);

/* Memory owned by t's heap. NULL when out of memory (callers raise MemoryError). */
void *wf_mem_alloc(wf_thread *t, size_t n);
void *wf_mem_realloc(wf_thread *t, void *p, size_t n);
/* Free from any thread. */
void wf_mem_free(void *p);
size_t wf_mem_usable_size(void *p);

/* Process-wide memory for runtime tables, not tied to a thread. */
void *wf_raw_alloc(size_t n);
void *wf_raw_realloc(void *p, size_t n);
void wf_raw_free(void *p);

/* A new object of `type`, `size` bytes (header included), owned by t, reference count
 * one, linked into t's tracked list if the type is tracked. NULL when out of memory. */
wf_object *wf_object_alloc(wf_thread *t, wf_type *type, size_t size);

/* Release o's memory (called by tp_dealloc once o is finalized): unlinks a tracked
 * object, and defers the free through QSBR if o was ever shared. */
void wf_object_free(wf_thread *t, wf_object *o);
/* The memory of dead object o, pre-header included, through QSBR if o was shared (the
 * part of wf_object_free after o left its tracked list). */
void wf_object_free_memory(wf_thread *t, wf_object *o);

#endif
