/* QSBR deferred frees on liburcu's urcu-qsbr flavour (see qsbr.h).
 *
 * Release builds inline liburcu's fast paths (_LGPL_SOURCE); the TSan build calls its
 * library functions, as the design's "Sanitizer builds" section requires. */
#include "common.h"

#if !WF_TSAN
#define _LGPL_SOURCE
#endif
#include <urcu/urcu-qsbr.h>

#include "alloc.h"
#include "qsbr.h"

#if WF_TSAN
#include <sanitizer/tsan_interface.h>
#define TSAN_RELEASE(p) __tsan_release(p)
#define TSAN_ACQUIRE(p) __tsan_acquire(p)
#else
#define TSAN_RELEASE(p) ((void)(p))
#define TSAN_ACQUIRE(p) ((void)(p))
#endif

#define BATCH_ITEMS 126

typedef struct qsbr_item {
    wf_qsbr_fn fn; /* NULL: wf_mem_free */
    void *p;
} qsbr_item;

struct wf_qsbr_batch {
    struct rcu_head head;
    size_t n, bytes;
    qsbr_item items[BATCH_ITEMS];
};

/* Bytes and batches handed to call_rcu and not yet freed. relaxed: statistics and
 * thresholds, read only off the hot path. */
static _Atomic size_t backlog;
static _Atomic size_t batches_waiting;

/* Happens-before token for TSan: every quiescent report releases it, every callback
 * acquires it, which is exactly the edge a grace period provides. */
static char grace_token;

static void run_batch(struct rcu_head *head)
{
    struct wf_qsbr_batch *b = caa_container_of(head, struct wf_qsbr_batch, head);
    TSAN_ACQUIRE(&grace_token);
    TSAN_ACQUIRE(b);
    for (size_t i = 0; i < b->n; i++) {
        if (b->items[i].fn)
            b->items[i].fn(b->items[i].p);
        else
            wf_mem_free(b->items[i].p);
    }
    atomic_fetch_sub_explicit(&backlog, b->bytes, memory_order_relaxed);
    atomic_fetch_sub_explicit(&batches_waiting, 1, memory_order_relaxed);
    wf_raw_free(b);
}

static struct wf_qsbr_batch *new_batch(void)
{
    struct wf_qsbr_batch *b = wf_raw_alloc(sizeof *b);
    if (b) {
        b->n = 0;
        b->bytes = 0;
    }
    return b;
}

/* Hand t's batch to liburcu and ask every thread for a quiescent state. The next batch
 * is allocated now, so that deferring a free rarely needs memory. */
static void hand_on(wf_thread *t)
{
    struct wf_qsbr_batch *b = t->qsbr_batch;
    if (!b || b->n == 0)
        return;
    t->qsbr_batch = new_batch();
    atomic_fetch_add_explicit(&backlog, b->bytes, memory_order_relaxed);
    atomic_fetch_add_explicit(&batches_waiting, 1, memory_order_relaxed);
    TSAN_RELEASE(b); /* our writes to b happen before run_batch on liburcu's thread */
    urcu_qsbr_call_rcu(&b->head, run_batch);
    if (wf_hooks.request_quiescent)
        wf_hooks.request_quiescent();
}

void wf_qsbr_register(wf_thread *t)
{
    urcu_qsbr_register_thread();
    urcu_qsbr_thread_offline();
    t->qsbr_batch = NULL;
    t->qsbr_online = false;
}

void wf_qsbr_unregister(wf_thread *t)
{
    WF_ASSERT(!t->qsbr_online);
    hand_on(t);
    wf_raw_free(t->qsbr_batch); /* empty: the one hand_on allocated */
    t->qsbr_batch = NULL;
    urcu_qsbr_unregister_thread();
}

void wf_qsbr_online(wf_thread *t)
{
    WF_ASSERT(!t->qsbr_online);
    urcu_qsbr_thread_online();
    t->qsbr_online = true;
    /* a grace period may be waiting for us already: nobody else will ask us */
    if (wf_qsbr_waiting())
        wf_eval_breaker_set(t, WF_EB_QSBR);
}

void wf_qsbr_offline(wf_thread *t)
{
    WF_ASSERT(t->qsbr_online);
    hand_on(t);
    TSAN_RELEASE(&grace_token);
    urcu_qsbr_thread_offline();
    t->qsbr_online = false;
}

void wf_qsbr_quiescent(wf_thread *t)
{
    WF_ASSERT(t->qsbr_online);
    TSAN_RELEASE(&grace_token);
    urcu_qsbr_quiescent_state();
}

void wf_qsbr_defer(wf_thread *t, wf_qsbr_fn fn, void *p, size_t bytes)
{
    struct wf_qsbr_batch *b = t->qsbr_batch;
    if (!b && !(b = t->qsbr_batch = new_batch())) {
        /* Out of memory even for a batch: wait out a grace period here, detached so
         * that a stop-the-world (whose requester is an online reader) is not waiting
         * for us while we wait for it. */
        bool was_attached = wf_current_thread == t && wf_thread_is_attached(t);
        if (was_attached)
            wf_hooks.detach(t);
        urcu_qsbr_synchronize_rcu();
        if (was_attached)
            wf_hooks.attach(t);
        TSAN_ACQUIRE(&grace_token);
        fn ? fn(p) : wf_mem_free(p);
        return;
    }
    b->items[b->n++] = (qsbr_item){fn, p};
    b->bytes += bytes;
    if (b->n == BATCH_ITEMS || b->bytes >= WF_QSBR_BATCH_BYTES)
        hand_on(t);
}

void wf_qsbr_free(wf_thread *t, void *mem)
{
    wf_qsbr_defer(t, NULL, mem, wf_mem_usable_size(mem));
}

bool wf_qsbr_waiting(void)
{
    return atomic_load_explicit(&batches_waiting, memory_order_relaxed) != 0;
}

size_t wf_qsbr_backlog_bytes(void)
{
    return atomic_load_explicit(&backlog, memory_order_relaxed);
}

void wf_qsbr_drain(void)
{
    urcu_qsbr_barrier();
}
