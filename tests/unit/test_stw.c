/* Stop-the-world: every attached thread parks, detached threads are held until the
 * release, threads created meanwhile start held, and requesters take turns. */
#include "harness.h"

#include <pthread.h>

#define NWORKERS 3
#define ROUNDS   1000
#define WAIT_MS  60000

static wf_thread *workers[NWORKERS];
static _Atomic long progress[NWORKERS];
static _Atomic int workers_ready, workers_stop;

/* An attached thread doing "work" and checking its eval breaker, as the loop will. */
static void busy_worker(int index, void *arg)
{
    (void)arg;
    wf_thread *t = test_thread_begin();
    workers[index] = t;
    atomic_fetch_add(&workers_ready, 1);
    while (!atomic_load_explicit(&workers_stop, memory_order_relaxed)) {
        atomic_fetch_add_explicit(&progress[index], 1, memory_order_relaxed);
        wf_eval_breaker_check(t);
    }
    test_thread_end(t);
}

static void *run_busy_workers(void *arg)
{
    test_run_threads(NWORKERS, busy_worker, arg);
    return NULL;
}

static void test_every_attached_thread_parks_1000_times(void **state)
{
    (void)state;
    atomic_store(&workers_ready, 0);
    atomic_store(&workers_stop, 0);
    pthread_t pt;
    pthread_create(&pt, NULL, run_busy_workers, NULL);
    while (atomic_load(&workers_ready) < NWORKERS)
        test_sleep_ms(1);
    wf_thread *t = test_thread_begin();
    for (int round = 0; round < ROUNDS; round++) {
        wf_stop_the_world(t);
        long before[NWORKERS];
        for (int i = 0; i < NWORKERS; i++) {
            assert_int_equal(atomic_load(&workers[i]->state), WF_THREAD_SUSPENDED);
            before[i] = atomic_load(&progress[i]);
        }
        for (int spin = 0; spin < 100; spin++)
            sched_yield();
        for (int i = 0; i < NWORKERS; i++)
            assert_int_equal(atomic_load(&progress[i]), before[i]); /* nobody ran */
        wf_start_the_world(t);
    }
    atomic_store(&workers_stop, 1);
    wf_thread_detach(t);
    pthread_join(pt, NULL);
    wf_thread_attach(t);
    test_thread_end(t);
}

static wf_thread *sleeper;
static _Atomic int sleeper_round, sleeper_trying, sleeper_attached, sleeper_exit;

/* A detached thread that, each round, tries to attach while the world is stopped. */
static void *detached_thread(void *arg)
{
    (void)arg;
    sleeper = wf_thread_new();
    for (int round = 1; round <= ROUNDS; round++) {
        while (atomic_load(&sleeper_round) < round)
            sched_yield();
        atomic_store(&sleeper_trying, round);
        wf_thread_attach(sleeper);
        atomic_store(&sleeper_attached, round);
        wf_thread_detach(sleeper);
    }
    test_wait_flag(&sleeper_exit, WAIT_MS);
    wf_thread_attach(sleeper);
    wf_thread_delete(sleeper);
    return NULL;
}

static void test_detached_thread_cannot_attach_until_release(void **state)
{
    (void)state;
    pthread_t pt;
    pthread_create(&pt, NULL, detached_thread, NULL);
    wf_thread *t = test_thread_begin();
    for (int round = 1; round <= ROUNDS; round++) {
        wf_stop_the_world(t);
        atomic_store(&sleeper_round, round);
        while (atomic_load(&sleeper_trying) < round)
            sched_yield();
        if (round % 50 == 0)
            test_sleep_ms(2); /* now and then, give it real time to misbehave */
        else
            for (int spin = 0; spin < 20; spin++)
                sched_yield();
        assert_true(atomic_load(&sleeper_attached) < round);
        wf_start_the_world(t);
        while (atomic_load(&sleeper_attached) < round)
            sched_yield();
    }
    atomic_store(&sleeper_exit, 1);
    wf_thread_detach(t);
    pthread_join(pt, NULL);
    wf_thread_attach(t);
    test_thread_end(t);
}

static _Atomic int newcomer_attached;

static void *newcomer(void *arg)
{
    (void)arg;
    wf_thread *t = wf_thread_new();
    assert_int_equal(atomic_load(&t->state), WF_THREAD_SUSPENDED);
    wf_thread_attach(t);
    atomic_store(&newcomer_attached, 1);
    wf_thread_delete(t);
    return NULL;
}

static void test_thread_created_while_stopped_waits_for_release(void **state)
{
    (void)state;
    wf_thread *t = test_thread_begin();
    wf_stop_the_world(t);
    size_t before = wf_thread_count();
    pthread_t pt;
    pthread_create(&pt, NULL, newcomer, NULL);
    while (wf_thread_count() == before)
        sched_yield();
    test_sleep_ms(20);
    assert_int_equal(atomic_load(&newcomer_attached), 0);
    wf_start_the_world(t);
    wf_thread_detach(t);
    pthread_join(pt, NULL);
    wf_thread_attach(t);
    assert_int_equal(atomic_load(&newcomer_attached), 1);
    test_thread_end(t);
}

static _Atomic int inside; /* threads currently holding the world stopped */

static void competing_requester(int index, void *arg)
{
    (void)index;
    (void)arg;
    wf_thread *t = test_thread_begin();
    for (int round = 0; round < ROUNDS / 4; round++) {
        wf_stop_the_world(t);
        assert_int_equal(atomic_fetch_add(&inside, 1), 0);
        atomic_fetch_sub(&inside, 1);
        wf_start_the_world(t);
        wf_eval_breaker_check(t);
    }
    test_thread_end(t);
}

static void test_competing_requesters_take_turns(void **state)
{
    (void)state;
    atomic_store(&inside, 0);
    test_run_threads(3, competing_requester, NULL);
    assert_int_equal(atomic_load(&inside), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_attached_thread_parks_1000_times),
        cmocka_unit_test(test_detached_thread_cannot_attach_until_release),
        cmocka_unit_test(test_thread_created_while_stopped_waits_for_release),
        cmocka_unit_test(test_competing_requesters_take_turns),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
