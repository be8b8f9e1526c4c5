/* wf_mutex: mutual exclusion under contention, and handoff to a long waiter. */
#include "harness.h"

#include <pthread.h>

#define NTHREADS 4
#define ITERS    (WF_TSAN ? 20000 : 200000)

static wf_mutex m = WF_MUTEX_INIT;
static long counter; /* guarded by m */

static void increment_worker(int index, void *arg)
{
    (void)arg;
    /* half the threads have an attached thread state (they detach while parked),
     * half are bare OS threads */
    wf_thread *t = index % 2 ? test_thread_begin() : NULL;
    for (int i = 0; i < ITERS; i++) {
        wf_mutex_lock(&m);
        counter++;
        wf_mutex_unlock(&m);
    }
    if (t)
        test_thread_end(t);
}

static void test_contended_increments_are_exact(void **state)
{
    (void)state;
    counter = 0;
    test_run_threads(NTHREADS, increment_worker, NULL);
    assert_int_equal(counter, (long)NTHREADS * ITERS);
    assert_false(wf_mutex_is_locked(&m));
}

static void internal_increment_worker(int index, void *arg)
{
    (void)index;
    (void)arg;
    for (int i = 0; i < ITERS; i++) {
        wf_mutex_lock_internal(&m);
        counter++;
        wf_mutex_unlock(&m);
    }
}

static void test_internal_lock_increments_are_exact(void **state)
{
    (void)state;
    counter = 0;
    test_run_threads(NTHREADS, internal_increment_worker, NULL);
    assert_int_equal(counter, (long)NTHREADS * ITERS);
}

static void test_trylock_fails_while_held(void **state)
{
    (void)state;
    wf_mutex x = WF_MUTEX_INIT;
    assert_true(wf_mutex_trylock(&x));
    assert_false(wf_mutex_trylock(&x));
    wf_mutex_unlock(&x);
    assert_true(wf_mutex_trylock(&x));
    wf_mutex_unlock(&x);
}

static _Atomic int waiter_has_lock, may_release;

static void *long_waiter(void *arg)
{
    (void)arg;
    wf_mutex_lock(&m);
    atomic_store(&waiter_has_lock, 1);
    test_wait_flag(&may_release, 60000);
    wf_mutex_unlock(&m);
    return NULL;
}

/* A waiter parked for longer than WF_MUTEX_FAIR_NS is handed the lock: the unlocker
 * cannot take it straight back. */
static void test_long_waiter_is_handed_the_lock(void **state)
{
    (void)state;
    atomic_store(&waiter_has_lock, 0);
    atomic_store(&may_release, 0);
    wf_mutex_lock(&m);
    pthread_t pt;
    pthread_create(&pt, NULL, long_waiter, NULL);
    while (!(atomic_load(&m.v) & WF_MUTEX_HAS_PARKED))
        test_sleep_ms(1);
    test_sleep_ms(100); /* well past the 1 ms fairness limit */
    wf_mutex_unlock(&m);
    assert_false(wf_mutex_trylock(&m)); /* handed off: still locked, for the waiter */
    assert_true(test_wait_flag(&waiter_has_lock, 60000));
    atomic_store(&may_release, 1);
    pthread_join(pt, NULL);
    assert_false(wf_mutex_is_locked(&m));
}

static _Atomic int hammer_stop, hammer_gave_up;
static _Atomic long hammer_rounds;

static void *hammer(void *arg)
{
    (void)arg;
    int64_t give_up = wf_monotonic_ns() + (int64_t)30 * 1000000000;
    while (!atomic_load_explicit(&hammer_stop, memory_order_relaxed) &&
           wf_monotonic_ns() < give_up) {
        wf_mutex_lock(&m);
        counter++;
        wf_mutex_unlock(&m);
        atomic_fetch_add_explicit(&hammer_rounds, 1, memory_order_relaxed);
    }
    if (!atomic_load(&hammer_stop))
        atomic_store(&hammer_gave_up, 1);
    return NULL;
}

/* A thread relocking in a tight loop does not starve another locker: the second
 * thread gets the lock 100 times while the first is still hammering. */
static void test_tight_relocking_does_not_starve_a_waiter(void **state)
{
    (void)state;
    atomic_store(&hammer_stop, 0);
    atomic_store(&hammer_gave_up, 0);
    atomic_store(&hammer_rounds, 0);
    pthread_t pt;
    pthread_create(&pt, NULL, hammer, NULL);
    while (atomic_load(&hammer_rounds) < 1000)
        test_sleep_ms(1);
    for (int i = 0; i < 100; i++) {
        wf_mutex_lock(&m);
        counter++;
        wf_mutex_unlock(&m);
    }
    atomic_store(&hammer_stop, 1);
    pthread_join(pt, NULL);
    assert_false(atomic_load(&hammer_gave_up));
    assert_false(wf_mutex_is_locked(&m));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_contended_increments_are_exact),
        cmocka_unit_test(test_internal_lock_increments_are_exact),
        cmocka_unit_test(test_trylock_fails_while_held),
        cmocka_unit_test(test_long_waiter_is_handed_the_lock),
        cmocka_unit_test(test_tight_relocking_does_not_starve_a_waiter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
