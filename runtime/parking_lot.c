/* Parking lot: per-address wait queues in a fixed hash table (see parking_lot.h).
 *
 * Invariants:
 * - a waiter is in exactly one bucket queue from enqueue until an unparker or its own
 *   timeout removes it, always under that bucket's lock;
 * - an unparker removes the waiter before posting its semaphore, so a timed-out waiter
 *   that finds itself gone knows a post is coming and consumes it. */
#include "parking_lot.h"

#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "thread.h"

/* ---- Semaphore: one per waiter, on a futex ---------------------------------- */

typedef struct wf_sema {
    _Atomic uint32_t value; /* 1 = posted */
} wf_sema;

static long futex(_Atomic uint32_t *addr, int op, uint32_t val, const struct timespec *ts)
{
    return syscall(SYS_futex, (uint32_t *)addr, op | FUTEX_PRIVATE_FLAG, val, ts, NULL, 0);
}

static void sema_post(wf_sema *s)
{
    /* release: the unparker's writes (park_arg results) happen before the wake-up */
    atomic_store_explicit(&s->value, 1, memory_order_release);
    futex(&s->value, FUTEX_WAKE, 1, NULL);
}

/* Wait until posted or until the absolute monotonic deadline (< 0: forever).
 * Returns true if posted. */
static bool sema_wait(wf_sema *s, int64_t deadline_ns)
{
    for (;;) {
        uint32_t one = 1;
        /* acquire: pairs with sema_post */
        if (atomic_compare_exchange_strong_explicit(&s->value, &one, 0, memory_order_acquire,
                                                    memory_order_relaxed))
            return true;
        struct timespec ts, *tsp = NULL;
        if (deadline_ns >= 0) {
            int64_t left = deadline_ns - wf_monotonic_ns();
            if (left <= 0)
                return false;
            ts.tv_sec = left / 1000000000;
            ts.tv_nsec = left % 1000000000;
            tsp = &ts;
        }
        futex(&s->value, FUTEX_WAIT, 0, tsp);
    }
}

/* ---- Buckets ------------------------------------------------------------------- */

typedef struct wf_waiter {
    struct wf_waiter *next, *prev;
    const void *addr;
    void *park_arg;
    wf_sema sema;
} wf_waiter;

#define NBUCKETS 257

typedef struct bucket {
    pthread_mutex_t lock;
    wf_waiter *head, *tail; /* FIFO, guarded by lock */
} __attribute__((aligned(WF_CACHE_LINE))) bucket;

static bucket buckets[NBUCKETS];
static pthread_once_t buckets_once = PTHREAD_ONCE_INIT;

static void buckets_init(void)
{
    for (int i = 0; i < NBUCKETS; i++)
        pthread_mutex_init(&buckets[i].lock, NULL);
}

static bucket *bucket_for(const void *addr)
{
    pthread_once(&buckets_once, buckets_init);
    uintptr_t a = (uintptr_t)addr;
    return &buckets[(a ^ (a >> 17)) % NBUCKETS];
}

static void enqueue(bucket *b, wf_waiter *w)
{
    w->next = NULL;
    w->prev = b->tail;
    if (b->tail)
        b->tail->next = w;
    else
        b->head = w;
    b->tail = w;
}

static void dequeue(bucket *b, wf_waiter *w)
{
    if (w->prev)
        w->prev->next = w->next;
    else
        b->head = w->next;
    if (w->next)
        w->next->prev = w->prev;
    else
        b->tail = w->prev;
    w->next = w->prev = NULL;
    w->addr = NULL;
}

static bool holds(const void *addr, const void *expected, size_t size)
{
    /* relaxed loads: the bucket lock, not this read, orders park against unpark */
    switch (size) {
    case 1:
        return atomic_load_explicit((_Atomic uint8_t *)addr, memory_order_relaxed) ==
               *(const uint8_t *)expected;
    case 4:
        return atomic_load_explicit((_Atomic uint32_t *)addr, memory_order_relaxed) ==
               *(const uint32_t *)expected;
    case 8:
        return atomic_load_explicit((_Atomic uint64_t *)addr, memory_order_relaxed) ==
               *(const uint64_t *)expected;
    default:
        wf_fatal("parking lot: unsupported word size");
    }
}

static wf_waiter *first_waiter(bucket *b, const void *addr, bool *more)
{
    wf_waiter *found = NULL;
    *more = false;
    for (wf_waiter *w = b->head; w; w = w->next) {
        if (w->addr != addr)
            continue;
        if (found) {
            *more = true;
            break;
        }
        found = w;
    }
    return found;
}

/* ---- Park and unpark ------------------------------------------------------------ */

enum wf_park_result wf_parking_lot_park(const void *addr, const void *expected, size_t size,
                                        int64_t timeout_ns, void *park_arg, bool detach)
{
    bucket *b = bucket_for(addr);
    wf_waiter w = {.addr = addr, .park_arg = park_arg};
    atomic_init(&w.sema.value, 0);
    int64_t deadline = timeout_ns < 0 ? -1 : wf_monotonic_ns() + timeout_ns;

    pthread_mutex_lock(&b->lock);
    if (!holds(addr, expected, size)) {
        pthread_mutex_unlock(&b->lock);
        return WF_PARK_AGAIN;
    }
    enqueue(b, &w);
    pthread_mutex_unlock(&b->lock);

    wf_thread *t = detach ? wf_current_thread : NULL;
    bool was_attached = t && wf_thread_is_attached(t);
    if (was_attached)
        wf_hooks.detach(t);

    enum wf_park_result r = WF_PARK_OK;
    if (!sema_wait(&w.sema, deadline)) {
        pthread_mutex_lock(&b->lock);
        bool still_queued = w.addr != NULL;
        if (still_queued)
            dequeue(b, &w);
        pthread_mutex_unlock(&b->lock);
        if (still_queued)
            r = WF_PARK_TIMEOUT;
        else
            sema_wait(&w.sema, -1); /* an unparker took us: its post is on the way */
    }

    if (was_attached)
        wf_hooks.attach(t);
    return r;
}

void wf_parking_lot_unpark(const void *addr, wf_unpark_fn fn, void *arg)
{
    bucket *b = bucket_for(addr);
    pthread_mutex_lock(&b->lock);
    bool more;
    wf_waiter *w = first_waiter(b, addr, &more);
    if (w)
        dequeue(b, w);
    fn(arg, w ? w->park_arg : NULL, more);
    pthread_mutex_unlock(&b->lock);
    if (w)
        sema_post(&w->sema);
}

void wf_parking_lot_unpark_all(const void *addr)
{
    bucket *b = bucket_for(addr);
    wf_waiter *woken = NULL;
    pthread_mutex_lock(&b->lock);
    bool more = true;
    while (more) {
        wf_waiter *w = first_waiter(b, addr, &more);
        if (!w)
            break;
        dequeue(b, w);
        w->next = woken; /* the waiter is ours until posted: reuse its link */
        woken = w;
    }
    pthread_mutex_unlock(&b->lock);
    while (woken) {
        wf_waiter *next = woken->next;
        sema_post(&woken->sema); /* after this, woken may be gone */
        woken = next;
    }
}
