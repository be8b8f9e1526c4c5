/* Tracked objects: the two-word pre-header and the per-thread tracked lists that the
 * cycle collector walks.
 *
 * Every tracked object sits in exactly one list: the list of the thread that allocated
 * it, or, after that thread exits, the global orphan list (slot 0). A list is a
 * circular doubly linked list with a sentinel. Its links are written only by the
 * thread that owns the list, so allocating and freeing one's own objects takes no lock
 * and no atomic read-modify-write. The orphan list is guarded by its lock.
 *
 * An object freed by another thread stays linked: that thread pushes it (dead, its
 * dealloc done) onto the owner's `pending` stack under the list's pending_lock and
 * sets the owner's WF_EB_TRACKED bit; the owner unlinks and frees it at its next
 * eval-breaker check, its next tracked allocation, or its exit. The collector, which
 * walks the lists with the world stopped, drains every pending stack first.
 *
 * The object's ob_flags holds the slot of its list. It changes only when an exiting
 * thread splices its list onto the orphan list, holding both the orphan lock and its
 * own pending_lock and marking the list closed; a pusher re-checks the slot and
 * `closed` under pending_lock and goes to the orphan list if the object moved. */
#ifndef WF_TRACKED_H
#define WF_TRACKED_H

#include "object.h"

typedef struct wf_gc_link {
    struct wf_gc_link *next, *prev;
} wf_gc_link;

_Static_assert(sizeof(wf_gc_link) == 16, "pre-header is two words");

static inline wf_gc_link *wf_gc_link_of(wf_object *o)
{
    return (wf_gc_link *)o - 1;
}

static inline wf_object *wf_gc_object_of(wf_gc_link *l)
{
    return (wf_object *)(l + 1);
}

typedef struct wf_tracked_list {
    wf_mutex lock;   /* the orphan list's guard (unused by thread lists) */
    uint16_t slot;   /* immutable */
    wf_gc_link head; /* sentinel; owner only (orphans: guarded by lock) */
    size_t count;    /* owner only (orphans: guarded by lock) */
    /* Objects other threads freed, linked through ob_tid (dead objects have no owner
     * to compare against it). Pushed under pending_lock; the owner may peek without
     * it. */
    wf_mutex pending_lock;
    _Atomic(wf_object *) pending;
    bool closed;      /* guarded by pending_lock: the owner has exited */
    wf_thread *owner; /* guarded by pending_lock; valid while !closed */
} wf_tracked_list;

/* Give t a list (fails with false when 65535 threads already have one). */
bool wf_tracked_thread_init(wf_thread *t);
/* Splice t's list onto the orphan list and give its slot back. */
void wf_tracked_thread_fini(wf_thread *t);

void wf_tracked_insert(wf_thread *t, wf_object *o);
/* o (dead, dealloc done) leaves its list. True: the caller frees its memory now;
 * false: o went to its owner's pending stack and the owner frees it. */
bool wf_tracked_remove(wf_thread *t, wf_object *o);
/* Unlink and free the objects other threads freed from t's list (WF_EB_TRACKED). */
void wf_tracked_drain(wf_thread *t);

/* Counts, for tests and statistics. */
size_t wf_tracked_count(wf_thread *t);
size_t wf_tracked_orphan_count(void);

#endif
