/* wf_mutex slow paths: bounded spinning, parking, and fair handoff (see mutex.h). */
#include "mutex.h"

#include <sched.h>

#include "parking_lot.h"

#define MAX_SPINS 40

/* A parked locker's record, on its stack; the unlocker reads fair_after and writes
 * handed_off under the parking-lot bucket lock, before the wake-up. */
typedef struct mutex_waiter {
    int64_t fair_after;
    bool handed_off;
} mutex_waiter;

void wf_mutex_lock_slow(wf_mutex *m, bool detach)
{
    /* relaxed: only a hint; the CAS below decides */
    uint8_t v = atomic_load_explicit(&m->v, memory_order_relaxed);
    int spins = 0;
    int64_t fair_after = 0;
    for (;;) {
        if (!(v & WF_MUTEX_LOCKED)) {
            /* acquire: pairs with the unlocker's release */
            if (atomic_compare_exchange_weak_explicit(&m->v, &v, v | WF_MUTEX_LOCKED,
                                                      memory_order_acquire, memory_order_relaxed))
                return;
            continue;
        }
        if (!(v & WF_MUTEX_HAS_PARKED) && spins < MAX_SPINS) {
            spins++;
            sched_yield();
            v = atomic_load_explicit(&m->v, memory_order_relaxed);
            continue;
        }
        if (!(v & WF_MUTEX_HAS_PARKED)) {
            uint8_t nv = v | WF_MUTEX_HAS_PARKED;
            if (!atomic_compare_exchange_weak_explicit(&m->v, &v, nv, memory_order_relaxed,
                                                       memory_order_relaxed))
                continue;
            v = nv;
        }
        if (fair_after == 0)
            fair_after = wf_monotonic_ns() + WF_MUTEX_FAIR_NS;
        mutex_waiter w = {.fair_after = fair_after, .handed_off = false};
        enum wf_park_result r = wf_parking_lot_park(&m->v, &v, 1, -1, &w, detach);
        if (r == WF_PARK_OK && w.handed_off)
            return; /* the unlocker left LOCKED set for us; the semaphore gave acquire */
        v = atomic_load_explicit(&m->v, memory_order_relaxed);
    }
}

/* Runs under the bucket lock: decide the mutex's next value and whether the woken
 * waiter (if any) gets the lock handed to it. */
static void mutex_unpark(void *arg, void *park_arg, bool has_more_waiters)
{
    wf_mutex *m = arg;
    uint8_t v = 0;
    mutex_waiter *w = park_arg;
    if (w) {
        w->handed_off = wf_monotonic_ns() >= w->fair_after;
        if (w->handed_off)
            v |= WF_MUTEX_LOCKED;
    }
    if (has_more_waiters)
        v |= WF_MUTEX_HAS_PARKED;
    /* release: our critical section happens before the next owner's (the woken waiter
     * on handoff, or whoever CASes LOCKED next) */
    atomic_store_explicit(&m->v, v, memory_order_release);
}

void wf_mutex_unlock_slow(wf_mutex *m)
{
    uint8_t v = atomic_load_explicit(&m->v, memory_order_relaxed);
    for (;;) {
        if (!(v & WF_MUTEX_LOCKED))
            wf_fatal("wf_mutex_unlock: mutex is not locked");
        if (v & WF_MUTEX_HAS_PARKED) {
            wf_parking_lot_unpark(&m->v, mutex_unpark, m);
            return;
        }
        if (atomic_compare_exchange_weak_explicit(&m->v, &v, v & ~WF_MUTEX_LOCKED,
                                                  memory_order_release, memory_order_relaxed))
            return;
    }
}
