/* The parking lot: threads wait on an address until another thread wakes them.
 *
 * A hash table of buckets keyed by address; each bucket holds a FIFO of waiters and a
 * lock. Park checks, under the bucket lock, that the watched word still holds the
 * expected value, so a wake-up between "decide to wait" and "wait" cannot be lost.
 * Each waiter sleeps on its own futex-backed semaphore. This is what lets wf_mutex be
 * one byte: all waiting state lives here, on the waiters' stacks. */
#ifndef WF_PARKING_LOT_H
#define WF_PARKING_LOT_H

#include "common.h"

enum wf_park_result {
    WF_PARK_OK,      /* woken by an unpark */
    WF_PARK_AGAIN,   /* the word did not hold the expected value */
    WF_PARK_TIMEOUT, /* the timeout passed first */
};

/* Called by wf_parking_lot_unpark under the bucket lock with the woken waiter's
 * park_arg (NULL when nobody was waiting) and whether more waiters remain. */
typedef void (*wf_unpark_fn)(void *arg, void *park_arg, bool has_more_waiters);

/* Park the calling thread on addr while the `size`-byte word there (1, 4 or 8 bytes)
 * equals *expected. timeout_ns < 0 waits forever. With detach, an attached calling
 * thread detaches for the wait (suspending its critical sections). */
enum wf_park_result wf_parking_lot_park(const void *addr, const void *expected, size_t size,
                                        int64_t timeout_ns, void *park_arg, bool detach);

/* Wake the longest-waiting thread parked on addr; fn runs first, under the bucket lock. */
void wf_parking_lot_unpark(const void *addr, wf_unpark_fn fn, void *arg);

/* Wake every thread parked on addr. */
void wf_parking_lot_unpark_all(const void *addr);

#endif
