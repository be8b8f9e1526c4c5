/* Tracked objects: the two-word pre-header and the per-thread tracked lists that the
 * cycle collector walks.
 *
 * Every tracked object sits in exactly one list: the list of the thread that allocated
 * it, or, after that thread exits, the global orphan list (slot 0). A list is a
 * circular doubly linked list with a sentinel, guarded by its own wf_mutex, so an
 * object freed by a thread other than its allocator can be unlinked. The object's
 * ob_flags holds the slot of its list; it changes only under the old list's lock
 * (when an exiting thread splices its list onto the orphan list), so an unlinker
 * reads the slot, locks that list, and retries if the slot moved meanwhile. */
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
    wf_mutex lock;
    uint16_t slot;   /* immutable */
    wf_gc_link head; /* sentinel; guarded by lock */
    size_t count;    /* guarded by lock */
} wf_tracked_list;

/* Give t a list (fails with false when 65535 threads already have one). */
bool wf_tracked_thread_init(wf_thread *t);
/* Splice t's list onto the orphan list and give its slot back. */
void wf_tracked_thread_fini(wf_thread *t);

void wf_tracked_insert(wf_thread *t, wf_object *o);
void wf_tracked_remove(wf_object *o);

/* Counts, for tests and statistics. */
size_t wf_tracked_count(wf_thread *t);
size_t wf_tracked_orphan_count(void);

#endif
