/* Thread states: creation, deletion, the all-threads list, the runtime hooks. */
#include <pthread.h>
#include <string.h>

#include "../include/weft.h"
#include "../runtime/alloc.h"
#include "../runtime/qsbr.h"
#include "../runtime/tracked.h"
#include "registry.h"

_Thread_local wf_thread *wf_current_thread;
wf_hooks_t wf_hooks;

wf_mutex wf_head_lock = WF_MUTEX_INIT;
wf_thread *wf_threads_head;
static size_t nthreads; /* guarded by wf_head_lock */

static _Atomic uint64_t next_tid = 1; /* 0 means "no owner" */

const char *weft_version(void)
{
    return WEFT_VERSION;
}

/* Ask every attached thread to report a quiescent state at its next check. */
static void request_quiescent_all(void)
{
    wf_mutex_lock_internal(&wf_head_lock);
    for (wf_thread *u = wf_threads_head; u; u = u->next)
        if (wf_thread_is_attached(u))
            wf_eval_breaker_set(u, WF_EB_QSBR);
    wf_mutex_unlock(&wf_head_lock);
}

static void install_hooks(void)
{
    wf_hooks.detach = wf_thread_detach;
    wf_hooks.attach = wf_thread_attach;
    wf_hooks.brc_queue = wf_brc_queue;
    wf_hooks.request_quiescent = request_quiescent_all;
    wf_hooks.stop_the_world = wf_stop_the_world;
    wf_hooks.start_the_world = wf_start_the_world;
}

void wf_runtime_init(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, install_hooks);
}

wf_thread *wf_thread_new(void)
{
    wf_runtime_init();
    WF_ASSERT(wf_current_thread == NULL);
    wf_thread *t = wf_raw_alloc(sizeof *t);
    if (!t)
        return NULL;
    memset(t, 0, sizeof *t);
    /* relaxed: uniqueness is all that matters */
    t->tid = atomic_fetch_add_explicit(&next_tid, 1, memory_order_relaxed);
    t->recursion_limit = 1000; /* sys.getrecursionlimit() in CPython */
    if (!wf_tracked_thread_init(t)) {
        wf_raw_free(t);
        return NULL;
    }
    wf_alloc_thread_init(t);
    wf_qsbr_register(t);
    wf_brc_register(t);
    wf_current_thread = t;

    wf_mutex_lock_internal(&wf_head_lock);
    atomic_init(&t->state, wf_stw_initial_state_locked());
    t->next = wf_threads_head;
    if (wf_threads_head)
        wf_threads_head->prev = t;
    wf_threads_head = t;
    nthreads++;
    wf_mutex_unlock(&wf_head_lock);
    return t;
}

void (*wf_thread_language_fini)(wf_thread *t);

void wf_thread_delete(wf_thread *t)
{
    WF_ASSERT(t == wf_current_thread && wf_thread_is_attached(t));
    WF_ASSERT(t->critical_section == 0);
    if (wf_thread_language_fini)
        wf_thread_language_fini(t);
    wf_brc_unregister(t); /* merges our queue; from here on non-owners merge in place */
    wf_tracked_thread_fini(t);
    wf_thread_detach(t);
    wf_qsbr_unregister(t);

    wf_mutex_lock_internal(&wf_head_lock);
    wf_stw_thread_gone_locked(t);
    if (t->prev)
        t->prev->next = t->next;
    else
        wf_threads_head = t->next;
    if (t->next)
        t->next->prev = t->prev;
    nthreads--;
    wf_mutex_unlock(&wf_head_lock);

    wf_alloc_thread_fini(t);
    wf_current_thread = NULL;
    wf_raw_free(t);
}

size_t wf_thread_count(void)
{
    wf_mutex_lock_internal(&wf_head_lock);
    size_t n = nthreads;
    wf_mutex_unlock(&wf_head_lock);
    return n;
}
