/* wf_thread: everything one OS thread needs to run weft code.
 *
 * The struct is declared here, in the runtime layer, because every runtime function
 * takes `wf_thread *t` first and reads its fields (owner id for biased reference
 * counting, heap, critical-section stack, QSBR batch). Its life cycle — create,
 * attach, detach, stop-the-world, merge queues — belongs to threading/, which reaches
 * back down only through wf_hooks, registered once at start-up.
 *
 * Each field says who may touch it. */
#ifndef WF_THREAD_H
#define WF_THREAD_H

#include <stdatomic.h>

#include "common.h"
#include "mutex.h"

typedef struct wf_thread wf_thread;
struct wf_object;
struct wf_tracked_list;
struct wf_qsbr_batch;
struct mi_heap_s;

enum wf_thread_state {
    WF_THREAD_DETACHED = 0,  /* in a blocking call: must not touch objects */
    WF_THREAD_ATTACHED = 1,  /* may touch objects */
    WF_THREAD_SUSPENDED = 2, /* parked for a stop-the-world */
};

/* Eval-breaker bits: set by any thread with fetch_or, cleared by the owner. */
#define WF_EB_STOP_THE_WORLD  (1u << 0)
#define WF_EB_MERGE_REFCOUNTS (1u << 1)
#define WF_EB_QSBR            (1u << 2) /* report a quiescent state / drain deferred frees */
#define WF_EB_SIGNALS         (1u << 3) /* main thread only */
#define WF_EB_ASYNC_EXC       (1u << 4)
#define WF_EB_GC              (1u << 5)
#define WF_EB_TRACKED         (1u << 6) /* free what other threads freed (runtime/tracked.h) */

struct wf_thread {
    uint64_t tid;                    /* from a 64-bit counter, never reused; immutable */
    _Atomic uintptr_t eval_breaker;  /* WF_EB_* bits */
    _Atomic int state;               /* enum wf_thread_state; see threading/thread.c */
    uintptr_t critical_section;      /* owner only: tagged top of the critical-section stack */
    struct mi_heap_s *heap;          /* owner only: mimalloc heap (NULL in sanitizer builds) */
    struct wf_tracked_list *tracked; /* the list's own lock guards its contents */

    /* QSBR (owner only): deferred frees not yet handed to liburcu. */
    struct wf_qsbr_batch *qsbr_batch;
    bool qsbr_online;

    /* Language state (owner only). */
    struct wf_object *exc;           /* the exception being raised (runtime/error.h), or NULL */
    struct wf_object *handled;       /* the exception an except/finally block is handling */
    int recursion_depth;             /* nested calls, checked against recursion_limit */
    int dealloc_depth;               /* nested wf_dealloc calls (runtime/refcount.c) */
    struct wf_object *dealloc_later; /* deaths deferred past WF_DEALLOC_MAX_DEPTH */
    int recursion_limit;
    struct wf_frame *frame;        /* innermost running Python frame (interp/frame.h) */
    struct wf_frame_stack *frames; /* per-thread frame memory (interp/frame.h) */

    /* Biased RC merge queue: guarded by the lock of this thread's registry bucket. */
    wf_thread *brc_next_in_bucket;
    struct wf_object **brc_objects;
    size_t brc_len, brc_cap;

    /* All-threads list (threading/thread.c): guarded by the runtime head lock. */
    wf_thread *next, *prev;
};

/* The thread state of the calling OS thread (NULL if it has none). Slow paths only:
 * hot paths receive `t` as a parameter. */
extern _Thread_local wf_thread *wf_current_thread;

/* Calls from the runtime layer up into threading/, registered by wf_runtime_init
 * before any thread exists and never changed after. */
typedef struct wf_hooks {
    void (*detach)(wf_thread *t);
    void (*attach)(wf_thread *t);
    /* Hand o (whose shared count just went negative) to its owner's merge queue. */
    void (*brc_queue)(wf_thread *t, struct wf_object *o);
    /* Ask every attached thread to report a quiescent state soon. */
    void (*request_quiescent)(void);
    /* Pause every other thread at a safe point, then let them go (threading/stw.c). */
    void (*stop_the_world)(wf_thread *t);
    void (*start_the_world)(wf_thread *t);
} wf_hooks_t;
extern wf_hooks_t wf_hooks;

static inline bool wf_thread_is_attached(wf_thread *t)
{
    /* relaxed: only the thread itself changes ATTACHED <-> other states */
    return atomic_load_explicit(&t->state, memory_order_relaxed) == WF_THREAD_ATTACHED;
}

static inline void wf_eval_breaker_set(wf_thread *t, uintptr_t bits)
{
    /* release: the work the bit announces (queued objects, a stop request) is visible
     * to the owner's acquire in wf_eval_breaker_take */
    atomic_fetch_or_explicit(&t->eval_breaker, bits, memory_order_release);
}

#endif
