/* Biased reference counting: the slow paths (see object.h for the states).
 *
 * Memory order: every update of ob_ref_shared that can lead to a free is acq_rel, so
 * all uses of the object by every thread happen before the thread that frees it. */
#include "object.h"

/* The owner's count just reached zero. If no other thread ever counted the object it
 * dies now; otherwise fold the shared state to MERGED and let the last count free it. */
void wf_refcount_merge_zero_local(wf_thread *t, wf_object *o)
{
    WF_ASSERT(atomic_load_explicit(&o->ob_ref_local, memory_order_relaxed) == 0);
    /* acquire: pairs with the release-CAS of the non-owner decrefs that brought the
     * shared count back to zero */
    intptr_t shared = atomic_load_explicit(&o->ob_ref_shared, memory_order_acquire);
    if (shared == 0) {
        wf_dealloc(t, o);
        return;
    }
    /* ob_tid = 0 before MERGED becomes visible: "tid 0" always implies merged counts */
    atomic_store_explicit(&o->ob_tid, 0, memory_order_relaxed);
    intptr_t merged;
    do {
        merged = (shared & ~WF_REF_STATE_MASK) | WF_REF_MERGED;
    } while (!atomic_compare_exchange_weak_explicit(&o->ob_ref_shared, &shared, merged,
                                                    memory_order_acq_rel, memory_order_acquire));
    if (merged == WF_REF_MERGED)
        wf_dealloc(t, o);
}

/* A non-owner drops a reference. Taking a zero shared count below zero queues the
 * object to its owner instead of subtracting: the queue entry holds that decrement. */
void wf_refcount_decref_shared(wf_thread *t, wf_object *o)
{
    intptr_t shared = atomic_load_explicit(&o->ob_ref_shared, memory_order_relaxed);
    intptr_t next;
    bool queue;
    do {
        queue = shared == WF_REF_DEFAULT || shared == WF_REF_WEAKREFS;
        next = queue ? WF_REF_QUEUED : shared - WF_REF_SHARED_ONE;
    } while (!atomic_compare_exchange_weak_explicit(&o->ob_ref_shared, &shared, next,
                                                    memory_order_acq_rel, memory_order_relaxed));
    if (queue)
        wf_hooks.brc_queue(t, o);
    else if (next == WF_REF_MERGED)
        wf_dealloc(t, o);
}

/* Fold both counts plus `extra` into ob_ref_shared as MERGED and return the total.
 * Only the owner may call this, or any thread once the owner has exited: in both
 * cases ob_ref_local cannot change underneath. */
intptr_t wf_refcount_merge(wf_object *o, intptr_t extra)
{
    WF_ASSERT(!wf_is_immortal(o));
    /* Clear the owner's fields before MERGED is published: once it is, another holder
     * may drop the last reference and free o at any moment. */
    intptr_t local = (intptr_t)atomic_load_explicit(&o->ob_ref_local, memory_order_relaxed);
    atomic_store_explicit(&o->ob_ref_local, 0, memory_order_relaxed);
    atomic_store_explicit(&o->ob_tid, 0, memory_order_relaxed);
    intptr_t shared = atomic_load_explicit(&o->ob_ref_shared, memory_order_relaxed);
    intptr_t total, merged;
    do {
        total = (shared >> WF_REF_SHARED_SHIFT) + local + extra;
        WF_ASSERT(total >= 0);
        merged = total * WF_REF_SHARED_ONE | WF_REF_MERGED;
    } while (!atomic_compare_exchange_weak_explicit(&o->ob_ref_shared, &shared, merged,
                                                    memory_order_acq_rel, memory_order_relaxed));
    return total;
}

/* Make o immortal: counting stops and it is never freed. Call before publishing o. */
void wf_object_set_immortal(wf_object *o)
{
    atomic_store_explicit(&o->ob_ref_local, WF_REF_IMMORTAL, memory_order_relaxed);
}

/* Let wf_try_incref succeed even while o's shared count is zero (state WEAKREFS).
 * Call it on an object before it becomes reachable by lock-free readers. */
void wf_object_enable_try_incref(wf_object *o)
{
    if (wf_is_immortal(o))
        return;
    intptr_t shared = atomic_load_explicit(&o->ob_ref_shared, memory_order_relaxed);
    while ((shared & WF_REF_STATE_MASK) == WF_REF_DEFAULT) {
        if (atomic_compare_exchange_weak_explicit(&o->ob_ref_shared, &shared,
                                                  shared | WF_REF_WEAKREFS, memory_order_relaxed,
                                                  memory_order_relaxed))
            return;
    }
}

/* The reference count as a snapshot: exact only when no other thread is counting. */
intptr_t wf_refcount_total(wf_object *o)
{
    if (wf_is_immortal(o))
        return -1;
    intptr_t shared = atomic_load_explicit(&o->ob_ref_shared, memory_order_acquire);
    intptr_t n = (shared >> WF_REF_SHARED_SHIFT) +
                 (intptr_t)atomic_load_explicit(&o->ob_ref_local, memory_order_relaxed);
    return (shared & WF_REF_STATE_MASK) == WF_REF_QUEUED ? n - 1 : n;
}

/* ---- Deferred deallocation (the trashcan; see wf_dealloc) ------------------------------ */

/* o is dead (no references) and waits on t's list. The list links through ob_tid: no
 * thread owns a dead object, and a lock-free reader's wf_try_incref only compares
 * ob_tid with its own small id, which no pointer equals, so it fails as for any dead
 * object. relaxed: only t reads the list. */
void wf_dealloc_defer(wf_thread *t, wf_object *o)
{
    atomic_store_explicit(&o->ob_tid, (uintptr_t)t->dealloc_later, memory_order_relaxed);
    t->dealloc_later = o;
}

/* Free every deferred object, at depth 0: each death may defer more, which this loop
 * then picks up, so the stack stays bounded however long the chain. */
void wf_dealloc_drain(wf_thread *t)
{
    WF_ASSERT(t->dealloc_depth == 0);
    t->dealloc_depth = 1; /* drains started by the deaths below wait for this one */
    wf_object *o;
    while ((o = t->dealloc_later) != NULL) {
        t->dealloc_later = (wf_object *)atomic_load_explicit(&o->ob_tid, memory_order_relaxed);
        atomic_store_explicit(&o->ob_tid, 0, memory_order_relaxed);
        o->ob_type->tp_dealloc(t, o);
    }
    t->dealloc_depth = 0;
}
