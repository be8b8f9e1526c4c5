/* Per-thread tracked lists and the orphan list (see tracked.h).
 *
 * Lock order: a list's pending_lock, then the orphan lock. Slots and their list
 * structs are recycled together; a list struct is never freed, so a pusher that read a
 * stale slot still locks valid memory and then sees the object has moved. */
#include "tracked.h"

#include <pthread.h>

#include "alloc.h"

#define NSLOTS 65536

static wf_tracked_list orphans = {.slot = 0, .head = {&orphans.head, &orphans.head}};
static _Atomic(wf_tracked_list *) lists[NSLOTS]; /* slot -> list; written under slots_lock */

static pthread_mutex_t slots_lock = PTHREAD_MUTEX_INITIALIZER;
static uint16_t free_slots[NSLOTS]; /* stack of recycled slots, guarded by slots_lock */
static size_t nfree;
static size_t next_unused = 1; /* guarded by slots_lock */

static void list_init(wf_tracked_list *l, uint16_t slot)
{
    l->slot = slot;
    l->head.next = l->head.prev = &l->head;
    l->count = 0;
}

static wf_tracked_list *list_at(uint16_t slot)
{
    if (slot == 0)
        return &orphans;
    /* acquire: pairs with the release store that published the list */
    return atomic_load_explicit(&lists[slot], memory_order_acquire);
}

bool wf_tracked_thread_init(wf_thread *t)
{
    pthread_mutex_lock(&slots_lock);
    wf_tracked_list *l = NULL;
    if (nfree > 0) {
        l = list_at(free_slots[--nfree]); /* empty since its thread spliced it away */
    } else if (next_unused < NSLOTS) {
        l = wf_raw_alloc(sizeof *l);
        if (l) {
            atomic_init(&l->lock.v, 0);
            atomic_init(&l->pending_lock.v, 0);
            atomic_init(&l->pending, NULL);
            list_init(l, (uint16_t)next_unused);
            atomic_store_explicit(&lists[next_unused++], l, memory_order_release);
        }
    }
    pthread_mutex_unlock(&slots_lock);
    if (l) {
        wf_mutex_lock_internal(&l->pending_lock);
        l->closed = false;
        l->owner = t;
        wf_mutex_unlock(&l->pending_lock);
    }
    t->tracked = l;
    return l != NULL;
}

static void link_before(wf_gc_link *pos, wf_gc_link *n)
{
    n->prev = pos->prev;
    n->next = pos;
    pos->prev->next = n;
    pos->prev = n;
}

static void unlink_node(wf_gc_link *n)
{
    n->prev->next = n->next;
    n->next->prev = n->prev;
    n->next = n->prev = NULL;
}

/* Unlink and free the objects on l's pending stack. The owner calls this (or the
 * exiting owner, holding pending_lock). */
static void free_pending(wf_thread *t, wf_tracked_list *l, wf_object *o)
{
    while (o) {
        /* relaxed: the chain was published by the pending_lock the caller took */
        wf_object *next = (wf_object *)atomic_load_explicit(&o->ob_tid, memory_order_relaxed);
        unlink_node(wf_gc_link_of(o));
        l->count--;
        wf_object_free_memory(t, o);
        o = next;
    }
}

void wf_tracked_drain(wf_thread *t)
{
    wf_tracked_list *l = t->tracked;
    /* relaxed peek: a push we miss set our WF_EB_TRACKED bit, so we come back */
    if (!atomic_load_explicit(&l->pending, memory_order_relaxed))
        return;
    wf_mutex_lock_internal(&l->pending_lock);
    wf_object *o = atomic_load_explicit(&l->pending, memory_order_relaxed);
    atomic_store_explicit(&l->pending, NULL, memory_order_relaxed);
    wf_mutex_unlock(&l->pending_lock);
    free_pending(t, l, o);
}

void wf_tracked_thread_fini(wf_thread *t)
{
    wf_tracked_list *l = t->tracked;
    wf_mutex_lock_internal(&l->pending_lock);
    free_pending(t, l, atomic_load_explicit(&l->pending, memory_order_relaxed));
    atomic_store_explicit(&l->pending, NULL, memory_order_relaxed);
    wf_mutex_lock_internal(&orphans.lock);
    for (wf_gc_link *n = l->head.next; n != &l->head; n = n->next)
        atomic_store_explicit(&wf_gc_object_of(n)->ob_flags, 0, memory_order_relaxed);
    if (l->count > 0) {
        wf_gc_link *first = l->head.next, *last = l->head.prev;
        first->prev = orphans.head.prev;
        orphans.head.prev->next = first;
        last->next = &orphans.head;
        orphans.head.prev = last;
        orphans.count += l->count;
    }
    l->head.next = l->head.prev = &l->head;
    l->count = 0;
    wf_mutex_unlock(&orphans.lock);
    l->closed = true; /* pushers that still see this slot go to the orphan list */
    l->owner = NULL;
    wf_mutex_unlock(&l->pending_lock);

    pthread_mutex_lock(&slots_lock);
    free_slots[nfree++] = l->slot;
    pthread_mutex_unlock(&slots_lock);
    t->tracked = NULL;
}

void wf_tracked_insert(wf_thread *t, wf_object *o)
{
    wf_tracked_list *l = t->tracked;
    if (WF_UNLIKELY(atomic_load_explicit(&l->pending, memory_order_relaxed) != NULL))
        wf_tracked_drain(t); /* bounds the pending stack of a thread that never checks */
    atomic_store_explicit(&o->ob_flags, l->slot, memory_order_relaxed);
    link_before(&l->head, wf_gc_link_of(o));
    l->count++;
}

/* Push dead o onto the pending stack of list l; false if o is no longer in l. */
static bool push_pending(wf_tracked_list *l, uint16_t slot, wf_object *o)
{
    wf_mutex_lock_internal(&l->pending_lock);
    bool here = !l->closed && atomic_load_explicit(&o->ob_flags, memory_order_relaxed) == slot;
    if (here) {
        wf_object *top = atomic_load_explicit(&l->pending, memory_order_relaxed);
        atomic_store_explicit(&o->ob_tid, (uintptr_t)top, memory_order_relaxed);
        atomic_store_explicit(&l->pending, o, memory_order_relaxed);
        wf_eval_breaker_set(l->owner, WF_EB_TRACKED);
    }
    wf_mutex_unlock(&l->pending_lock);
    return here;
}

bool wf_tracked_remove(wf_thread *t, wf_object *o)
{
    for (;;) {
        /* relaxed: only an exiting owner changes it, and the checks below re-read it
         * under the lock that exit holds */
        uint16_t slot = atomic_load_explicit(&o->ob_flags, memory_order_relaxed);
        if (t->tracked && slot == t->tracked->slot) { /* our own object */
            unlink_node(wf_gc_link_of(o));
            t->tracked->count--;
            return true;
        }
        if (slot == 0) {
            wf_mutex_lock_internal(&orphans.lock);
            unlink_node(wf_gc_link_of(o));
            orphans.count--;
            wf_mutex_unlock(&orphans.lock);
            return true;
        }
        if (push_pending(list_at(slot), slot, o))
            return false;
    }
}

static size_t locked_count(wf_tracked_list *l)
{
    wf_mutex_lock_internal(&l->lock);
    size_t n = l->count;
    wf_mutex_unlock(&l->lock);
    return n;
}

size_t wf_tracked_count(wf_thread *t)
{
    wf_tracked_drain(t);
    return t->tracked->count;
}

size_t wf_tracked_orphan_count(void)
{
    return locked_count(&orphans);
}
