/* Biased reference counting: the owners' merge queues.
 *
 * A registry of live threads hashed by thread id; each bucket has a lock that also
 * guards the merge queues (brc_objects) of the threads in it. A non-owner whose
 * decrement took an object's shared count below zero pushes the object onto its
 * owner's queue and sets the owner's WF_EB_MERGE_REFCOUNTS bit; the owner merges at
 * its next eval-breaker check. If the owner is gone (not in the registry: it has
 * unregistered, and its ob_ref_local can no longer change), the pusher merges in place.
 * Registration and lookup share the bucket lock, so a push either lands before the
 * owner's final merge or finds the owner gone. */
#include "../runtime/alloc.h"
#include "registry.h"

#define NBUCKETS 257

typedef struct brc_bucket {
    wf_mutex lock;
    wf_thread *threads; /* singly linked through brc_next_in_bucket */
} __attribute__((aligned(WF_CACHE_LINE))) brc_bucket;

static brc_bucket buckets[NBUCKETS];

static brc_bucket *bucket_of(uint64_t tid)
{
    return &buckets[tid % NBUCKETS];
}

void wf_brc_register(wf_thread *t)
{
    brc_bucket *b = bucket_of(t->tid);
    wf_mutex_lock_internal(&b->lock);
    t->brc_next_in_bucket = b->threads;
    b->threads = t;
    wf_mutex_unlock(&b->lock);
}

/* Leave the registry for good, merging whatever is queued first. The unlink happens
 * under the same lock hold that saw the queue empty: after it, nothing can be queued
 * to t, and t (which touches no objects after this) can no longer change the local
 * count of an object that a non-owner merges in place. */
void wf_brc_unregister(wf_thread *t)
{
    brc_bucket *b = bucket_of(t->tid);
    for (;;) {
        wf_brc_merge(t); /* may free objects, whose deallocs may queue more to us */
        wf_mutex_lock_internal(&b->lock);
        if (t->brc_len == 0)
            break;
        wf_mutex_unlock(&b->lock);
    }
    for (wf_thread **p = &b->threads; *p; p = &(*p)->brc_next_in_bucket) {
        if (*p == t) {
            *p = t->brc_next_in_bucket;
            break;
        }
    }
    wf_mutex_unlock(&b->lock);
    wf_raw_free(t->brc_objects);
    t->brc_objects = NULL;
    t->brc_cap = 0;
}

static wf_thread *find_locked(brc_bucket *b, uint64_t tid)
{
    for (wf_thread *u = b->threads; u; u = u->brc_next_in_bucket)
        if (u->tid == tid)
            return u;
    return NULL;
}

static bool push_locked(wf_thread *owner, wf_object *o)
{
    if (owner->brc_len == owner->brc_cap) {
        size_t cap = owner->brc_cap ? owner->brc_cap * 2 : 64;
        wf_object **objs = wf_raw_realloc(owner->brc_objects, cap * sizeof *objs);
        if (!objs)
            return false;
        owner->brc_objects = objs;
        owner->brc_cap = cap;
    }
    owner->brc_objects[owner->brc_len++] = o;
    return true;
}

void wf_brc_queue(wf_thread *t, wf_object *o)
{
    /* relaxed: o is QUEUED by us, so nobody else merges it and ob_tid is stable */
    uint64_t tid = atomic_load_explicit(&o->ob_tid, memory_order_relaxed);
    WF_ASSERT(tid != 0 && tid != t->tid);
    brc_bucket *b = bucket_of(tid);
    wf_mutex_lock_internal(&b->lock);
    wf_thread *owner = find_locked(b, tid);
    bool queued = owner && push_locked(owner, o);
    if (queued)
        wf_eval_breaker_set(owner, WF_EB_MERGE_REFCOUNTS);
    wf_mutex_unlock(&b->lock);
    if (queued)
        return;

    intptr_t total;
    if (owner) {
        /* no memory to queue: merge while the owner is parked (it already is, if we
         * are the thread holding the world stopped) */
        bool stop = !wf_stw_held_by(t);
        if (stop)
            wf_stop_the_world(t);
        total = wf_refcount_merge(o, -1);
        if (stop)
            wf_start_the_world(t);
    } else {
        /* the bucket lock ordered the owner's last count before our lookup */
        total = wf_refcount_merge(o, -1);
    }
    if (total == 0)
        wf_dealloc(t, o);
}

void wf_brc_merge(wf_thread *t)
{
    brc_bucket *b = bucket_of(t->tid);
    wf_mutex_lock_internal(&b->lock);
    wf_object **objs = t->brc_objects;
    size_t n = t->brc_len;
    t->brc_objects = NULL;
    t->brc_len = t->brc_cap = 0;
    wf_mutex_unlock(&b->lock);

    for (size_t i = 0; i < n; i++)
        if (wf_refcount_merge(objs[i], -1) == 0)
            wf_dealloc(t, objs[i]);
    wf_raw_free(objs);
}
