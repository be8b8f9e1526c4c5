/* Attach, detach and stop-the-world: the thread-state machine (see threads.h).
 *
 * Invariants:
 * - only the thread itself moves ATTACHED -> DETACHED/SUSPENDED and
 *   DETACHED -> ATTACHED (CAS, so a concurrent DETACHED -> SUSPENDED wins or loses
 *   cleanly); the requester moves DETACHED -> SUSPENDED and back;
 * - countdown = threads counted at the request that have not yet become SUSPENDED
 *   (or left); whoever makes one SUSPENDED decrements it, under wf_head_lock. */
#include "../runtime/critical_section.h"
#include "../runtime/parking_lot.h"
#include "../runtime/qsbr.h"
#include "registry.h"

static struct {
    wf_mutex serial;        /* one stop-the-world at a time */
    _Atomic bool requested; /* written under wf_head_lock; read as a hint anywhere */
    _Atomic int countdown;  /* written under wf_head_lock; the requester parks on it */
    wf_thread *requester;   /* guarded by wf_head_lock */
} stw = {.serial = WF_MUTEX_INIT};

int wf_stw_initial_state_locked(void)
{
    return atomic_load_explicit(&stw.requested, memory_order_relaxed) ? WF_THREAD_SUSPENDED
                                                                      : WF_THREAD_DETACHED;
}

static void countdown_dec_locked(void)
{
    /* release: the stopped thread's writes happen before the requester's work, which
     * loads countdown with acquire */
    if (atomic_fetch_sub_explicit(&stw.countdown, 1, memory_order_acq_rel) == 1)
        wf_parking_lot_unpark_all(&stw.countdown);
}

void wf_stw_thread_gone_locked(wf_thread *t)
{
    if (atomic_load_explicit(&stw.requested, memory_order_relaxed) && t != stw.requester &&
        atomic_load_explicit(&t->state, memory_order_relaxed) != WF_THREAD_SUSPENDED)
        countdown_dec_locked();
}

/* Move a DETACHED thread to SUSPENDED if a stop-the-world wants it. */
static void hold_if_requested_locked(wf_thread *u)
{
    if (!atomic_load_explicit(&stw.requested, memory_order_relaxed) || u == stw.requester)
        return;
    int expected = WF_THREAD_DETACHED;
    /* acquire: pairs with the release store of DETACHED in wf_thread_detach */
    if (atomic_compare_exchange_strong_explicit(&u->state, &expected, WF_THREAD_SUSPENDED,
                                                memory_order_acquire, memory_order_relaxed))
        countdown_dec_locked();
}

void wf_thread_detach(wf_thread *t)
{
    WF_ASSERT(wf_thread_is_attached(t));
    if (t->critical_section)
        wf_cs_suspend_all(t);
    wf_qsbr_offline(t);
    /* release: everything this thread did while attached happens before a
     * stop-the-world requester that sees it DETACHED */
    atomic_store_explicit(&t->state, WF_THREAD_DETACHED, memory_order_release);
    if (atomic_load_explicit(&stw.requested, memory_order_relaxed)) {
        wf_mutex_lock_internal(&wf_head_lock);
        hold_if_requested_locked(t);
        wf_mutex_unlock(&wf_head_lock);
    }
}

void wf_thread_attach(wf_thread *t)
{
    WF_ASSERT(!wf_thread_is_attached(t));
    for (;;) {
        int expected = WF_THREAD_DETACHED;
        /* acquire: pairs with wf_start_the_world's release, so the stopped-world
         * work happens before we touch objects again */
        if (atomic_compare_exchange_strong_explicit(&t->state, &expected, WF_THREAD_ATTACHED,
                                                    memory_order_acquire, memory_order_relaxed))
            break;
        WF_ASSERT(expected == WF_THREAD_SUSPENDED);
        wf_parking_lot_park(&t->state, &expected, sizeof(int), -1, NULL, false);
    }
    wf_qsbr_online(t);
    if (t->critical_section)
        wf_cs_resume(t);
}

/* The eval breaker saw WF_EB_STOP_THE_WORLD: park until the world restarts. */
void wf_stw_park(wf_thread *t)
{
    if (!atomic_load_explicit(&stw.requested, memory_order_relaxed))
        return;          /* a stale bit from a stop-the-world that held us while detached */
    wf_thread_detach(t); /* becomes SUSPENDED and counts itself down */
    wf_thread_attach(t); /* waits for wf_start_the_world */
}

void wf_stop_the_world(wf_thread *t)
{
    WF_ASSERT(wf_thread_is_attached(t));
    wf_mutex_lock(&stw.serial); /* waits detached, so a running stop can hold us */

    wf_mutex_lock_internal(&wf_head_lock);
    int n = 0;
    for (wf_thread *u = wf_threads_head; u; u = u->next)
        n += u != t;
    stw.requester = t;
    atomic_store_explicit(&stw.countdown, n, memory_order_relaxed);
    atomic_store_explicit(&stw.requested, true, memory_order_relaxed);
    /* The bits go last: their release makes `requested` visible to a thread that
     * takes them (wf_eval_breaker_handle acquires). */
    for (wf_thread *u = wf_threads_head; u; u = u->next)
        if (u != t)
            wf_eval_breaker_set(u, WF_EB_STOP_THE_WORLD);
    wf_mutex_unlock(&wf_head_lock);

    for (;;) {
        wf_mutex_lock_internal(&wf_head_lock);
        for (wf_thread *u = wf_threads_head; u; u = u->next)
            hold_if_requested_locked(u);
        wf_mutex_unlock(&wf_head_lock);
        int left = atomic_load_explicit(&stw.countdown, memory_order_acquire);
        if (left == 0)
            break;
        /* a bounded wait: threads that detach without our help are found next round */
        wf_parking_lot_park(&stw.countdown, &left, sizeof(int), 1000 * 1000, NULL, false);
    }
}

bool wf_stw_held_by(wf_thread *t)
{
    wf_mutex_lock_internal(&wf_head_lock);
    bool held = atomic_load_explicit(&stw.requested, memory_order_relaxed) && stw.requester == t;
    wf_mutex_unlock(&wf_head_lock);
    return held;
}

void wf_start_the_world(wf_thread *t)
{
    wf_mutex_lock_internal(&wf_head_lock);
    WF_ASSERT(stw.requester == t);
    atomic_store_explicit(&stw.requested, false, memory_order_relaxed);
    stw.requester = NULL;
    for (wf_thread *u = wf_threads_head; u; u = u->next) {
        if (atomic_load_explicit(&u->state, memory_order_relaxed) != WF_THREAD_SUSPENDED)
            continue;
        /* release: pairs with the acquire CAS in wf_thread_attach */
        atomic_store_explicit(&u->state, WF_THREAD_DETACHED, memory_order_release);
        wf_parking_lot_unpark_all(&u->state);
    }
    wf_mutex_unlock(&wf_head_lock);
    wf_mutex_unlock(&stw.serial);
}
