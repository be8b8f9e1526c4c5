/* The object header and biased reference counting.
 *
 * Header (32 bytes):
 *   ob_tid        id of the owning thread (wf_thread.tid); 0 once the counts are merged.
 *   ob_mutex      the object's wf_mutex (critical sections lock it).
 *   ob_gc_bits    WF_GC_* bits; set with atomic fetch_or by any thread.
 *   ob_flags      for tracked objects: slot of the tracked list holding them
 *                 (runtime/tracked.c); otherwise 0.
 *   ob_ref_local  the owner's count: only the owner writes it, with a relaxed load and a
 *                 relaxed store (no read-modify-write). WF_REF_IMMORTAL = not counted.
 *   ob_ref_shared every other thread's count, atomic: (count << 2) | state.
 *   ob_type       the type; written before the object is published, then read-only.
 *
 * The true reference count is ob_ref_local + (ob_ref_shared >> 2), minus one while the
 * object sits in its owner's merge queue (the queue holds the decrement that put it
 * there). Shared states:
 *   DEFAULT   counts are split between owner and others;
 *   WEAKREFS  like DEFAULT, but wf_try_incref may succeed on a shared count of zero;
 *   QUEUED    a non-owner's decrement took the shared count below zero: the object is
 *             on its owner's merge queue, further shared decrements go negative;
 *   MERGED    ob_ref_local is folded in and ob_tid is 0: every thread counts on
 *             ob_ref_shared and whoever takes it to zero frees the object.
 * Thread ids are never reused, so "owner" is never confused with a later thread. */
#ifndef WF_OBJECT_H
#define WF_OBJECT_H

#include <stdatomic.h>

#include "common.h"
#include "mutex.h"
#include "thread.h"
#include "value.h"

typedef struct wf_type wf_type;

typedef struct wf_object {
    _Atomic uintptr_t ob_tid;
    wf_mutex ob_mutex;
    _Atomic uint8_t ob_gc_bits;
    _Atomic uint16_t ob_flags;
    _Atomic uint32_t ob_ref_local;
    _Atomic intptr_t ob_ref_shared;
    wf_type *ob_type;
} wf_object;

_Static_assert(sizeof(wf_object) == 32, "object header is four words");

#define WF_REF_IMMORTAL     UINT32_MAX
#define WF_REF_SHARED_SHIFT 2
#define WF_REF_SHARED_ONE   ((intptr_t)1 << WF_REF_SHARED_SHIFT)
#define WF_REF_STATE_MASK   ((intptr_t)3)
#define WF_REF_DEFAULT      ((intptr_t)0)
#define WF_REF_WEAKREFS     ((intptr_t)1)
#define WF_REF_QUEUED       ((intptr_t)2)
#define WF_REF_MERGED       ((intptr_t)3)

/* ob_gc_bits */
#define WF_GC_TRACKED   (1u << 0) /* has a tracked pre-header (runtime/tracked.c) */
#define WF_GC_FINALIZED (1u << 1)
#define WF_GC_SHARED    (1u << 2) /* was visible to other threads: free through QSBR */
#define WF_GC_DEFERRED  (1u << 3)

/* Minimal type object: the language core extends it. Types are immortal. */
typedef void (*wf_dealloc_fn)(wf_thread *t, wf_object *o);
struct wf_type {
    wf_object ob_base;
    const char *tp_name;
    size_t tp_basicsize;
    unsigned tp_flags;
    wf_dealloc_fn tp_dealloc; /* finalizes o, then calls wf_object_free */
};
#define WF_TPFLAG_TRACKED (1u << 0) /* instances carry the tracked pre-header */

/* ---- Slow paths (runtime/refcount.c) ----------------------------------------------- */

void wf_refcount_merge_zero_local(wf_thread *t, wf_object *o);
void wf_refcount_decref_shared(wf_thread *t, wf_object *o);
intptr_t wf_refcount_merge(wf_object *o, intptr_t extra);
void wf_object_set_immortal(wf_object *o);
void wf_object_enable_try_incref(wf_object *o);
intptr_t wf_refcount_total(wf_object *o);

static inline void wf_dealloc(wf_thread *t, wf_object *o)
{
    o->ob_type->tp_dealloc(t, o);
}

/* ---- Fast paths --------------------------------------------------------------------- */

static inline bool wf_is_immortal(wf_object *o)
{
    return atomic_load_explicit(&o->ob_ref_local, memory_order_relaxed) == WF_REF_IMMORTAL;
}

/* True if t owns o. relaxed: ob_tid changes only from the owner's id to 0, and no other
 * thread's id can ever equal it, so a stale read gives the right answer. */
static inline bool wf_is_owner(wf_thread *t, wf_object *o)
{
    return atomic_load_explicit(&o->ob_tid, memory_order_relaxed) == t->tid;
}

/* New reference. The owner's path is a plain load and store (relaxed atomics so TSan
 * accepts other threads reading the count); a count that reaches UINT32_MAX makes the
 * object immortal, as in CPython. */
static inline void wf_incref(wf_thread *t, wf_object *o)
{
    uint32_t local = atomic_load_explicit(&o->ob_ref_local, memory_order_relaxed);
    if (local == WF_REF_IMMORTAL)
        return;
    if (WF_LIKELY(wf_is_owner(t, o)))
        atomic_store_explicit(&o->ob_ref_local, local + 1, memory_order_relaxed);
    else
        atomic_fetch_add_explicit(&o->ob_ref_shared, WF_REF_SHARED_ONE, memory_order_relaxed);
}

static inline void wf_decref(wf_thread *t, wf_object *o)
{
    uint32_t local = atomic_load_explicit(&o->ob_ref_local, memory_order_relaxed);
    if (local == WF_REF_IMMORTAL)
        return;
    if (WF_LIKELY(wf_is_owner(t, o))) {
        WF_ASSERT(local > 0);
        local--;
        atomic_store_explicit(&o->ob_ref_local, local, memory_order_relaxed);
        if (WF_UNLIKELY(local == 0))
            wf_refcount_merge_zero_local(t, o);
    } else {
        wf_refcount_decref_shared(t, o);
    }
}

/* Conditional incref for lock-free readers: succeeds unless the object may already be
 * on its way to being freed. The caller re-checks that the slot it loaded o from still
 * holds o (and drops the reference if not); on failure it takes the locked path. The
 * memory read here must stay valid: such objects are freed through QSBR. */
static inline bool wf_try_incref(wf_thread *t, wf_object *o)
{
    uint32_t local = atomic_load_explicit(&o->ob_ref_local, memory_order_relaxed);
    if (local == WF_REF_IMMORTAL)
        return true;
    if (wf_is_owner(t, o)) {
        atomic_store_explicit(&o->ob_ref_local, local + 1, memory_order_relaxed);
        return true;
    }
    intptr_t shared = atomic_load_explicit(&o->ob_ref_shared, memory_order_relaxed);
    for (;;) {
        /* shared == 0: the owner frees without a CAS when its count ends, so we cannot
         * race it; MERGED with count 0: already being freed. */
        if (shared == WF_REF_DEFAULT || shared == WF_REF_MERGED)
            return false;
        if (atomic_compare_exchange_weak_explicit(&o->ob_ref_shared, &shared,
                                                  shared + WF_REF_SHARED_ONE, memory_order_relaxed,
                                                  memory_order_relaxed))
            return true;
    }
}

static inline void wf_value_incref(wf_thread *t, wf_value v)
{
    if (wf_is_object(v))
        wf_incref(t, wf_to_object(v));
}

static inline void wf_value_decref(wf_thread *t, wf_value v)
{
    if (wf_is_object(v))
        wf_decref(t, wf_to_object(v));
}

static inline void wf_object_mark_shared(wf_object *o)
{
    if (!(atomic_load_explicit(&o->ob_gc_bits, memory_order_relaxed) & WF_GC_SHARED))
        atomic_fetch_or_explicit(&o->ob_gc_bits, WF_GC_SHARED, memory_order_relaxed);
}

#endif
