/* wf_mutex: a one-byte lock that lives in every object header (or anywhere).
 *
 * Bits of the byte:
 *   WF_MUTEX_LOCKED      the lock is held;
 *   WF_MUTEX_HAS_PARKED  at least one thread may be parked on it in the parking lot.
 * Uncontended lock and unlock are one compare-and-swap each. A contended locker spins
 * a bounded number of times, then sets HAS_PARKED and parks (runtime/parking_lot.c).
 * Unlock with HAS_PARKED wakes one waiter; a waiter that has waited more than
 * WF_MUTEX_FAIR_NS is handed the lock directly (LOCKED stays set), which stops a thread
 * that relocks in a tight loop from starving it.
 *
 * wf_mutex_lock may detach the calling thread while it waits (suspending its critical
 * sections, going QSBR-offline), so a stop-the-world never waits on a lock waiter.
 * wf_mutex_lock_internal never detaches: use it only for runtime locks that are held
 * briefly and never across a point where the holder could park for a stop-the-world. */
#ifndef WF_MUTEX_H
#define WF_MUTEX_H

#include <stdatomic.h>

#include "common.h"

typedef struct wf_mutex {
    _Atomic uint8_t v;
} wf_mutex;

#define WF_MUTEX_INIT                                                                              \
    {                                                                                              \
        0                                                                                          \
    }
#define WF_MUTEX_LOCKED     1u
#define WF_MUTEX_HAS_PARKED 2u
#define WF_MUTEX_FAIR_NS    (1000 * 1000) /* 1 ms */

void wf_mutex_lock_slow(wf_mutex *m, bool detach);
void wf_mutex_unlock_slow(wf_mutex *m);

static inline bool wf_mutex_trylock(wf_mutex *m)
{
    uint8_t expected = 0;
    /* acquire: pairs with the release in wf_mutex_unlock / the unpark store */
    return atomic_compare_exchange_strong_explicit(&m->v, &expected, WF_MUTEX_LOCKED,
                                                   memory_order_acquire, memory_order_relaxed);
}

static inline void wf_mutex_lock(wf_mutex *m)
{
    if (!wf_mutex_trylock(m))
        wf_mutex_lock_slow(m, true);
}

static inline void wf_mutex_lock_internal(wf_mutex *m)
{
    if (!wf_mutex_trylock(m))
        wf_mutex_lock_slow(m, false);
}

static inline void wf_mutex_unlock(wf_mutex *m)
{
    uint8_t expected = WF_MUTEX_LOCKED;
    /* release: pairs with the acquire of the next locker */
    if (!atomic_compare_exchange_strong_explicit(&m->v, &expected, 0, memory_order_release,
                                                 memory_order_relaxed))
        wf_mutex_unlock_slow(m);
}

static inline bool wf_mutex_is_locked(wf_mutex *m)
{
    /* relaxed: a snapshot for assertions and tests only */
    return (atomic_load_explicit(&m->v, memory_order_relaxed) & WF_MUTEX_LOCKED) != 0;
}

#endif
