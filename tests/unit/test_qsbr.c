/* QSBR: a deferred free waits for every online reader to pass a quiescent state (or
 * go offline), then runs; the backlog stays bounded; an exiting thread hands its
 * pending frees on. */
#include "harness.h"

#include <pthread.h>

#include "runtime/qsbr.h"

#define WAIT_MS 60000

static _Atomic int freed;

static void mark_freed(void *p)
{
    (void)p;
    atomic_fetch_add(&freed, 1);
}

/* Defer mark_freed and hand it to liburcu at once (going offline hands a batch on). */
static void defer_marker(wf_thread *t)
{
    wf_qsbr_defer(t, mark_freed, NULL, 0);
    wf_thread_detach(t);
    wf_thread_attach(t);
}

typedef struct reader {
    pthread_t pt;
    _Atomic int ready;
    _Atomic int command; /* 1: run (checking the eval breaker), 2: go offline (detach) */
    _Atomic int done;
} reader;

/* An attached (online) reader that sits silent until told to run or to detach. */
static void *reader_main(void *p)
{
    reader *r = p;
    wf_thread *t = test_thread_begin();
    atomic_store(&r->ready, 1);
    test_wait_flag(&r->command, WAIT_MS);
    if (atomic_load(&r->command) == 1) {
        /* running: the hand-on asked us for quiescent states at our checks */
        while (!atomic_load(&r->done))
            wf_eval_breaker_check(t);
    } else {
        wf_thread_detach(t);
        test_wait_flag(&r->done, WAIT_MS);
        wf_thread_attach(t);
    }
    test_thread_end(t);
    return NULL;
}

static void start_reader(reader *r)
{
    atomic_store(&r->ready, 0);
    atomic_store(&r->command, 0);
    atomic_store(&r->done, 0);
    pthread_create(&r->pt, NULL, reader_main, r);
    assert_true(test_wait_flag(&r->ready, WAIT_MS));
}

static void finish_reader(reader *r)
{
    atomic_store(&r->done, 1);
    pthread_join(r->pt, NULL);
}

/* Wait, detached (so we are not the reader holding things up), for `freed` to reach n. */
static int wait_freed(wf_thread *t, int n, int ms)
{
    wf_thread_detach(t);
    int64_t deadline = wf_monotonic_ns() + (int64_t)ms * 1000000;
    while (atomic_load(&freed) < n && wf_monotonic_ns() < deadline)
        test_sleep_ms(1);
    wf_thread_attach(t);
    return atomic_load(&freed);
}

static void test_free_waits_for_an_online_reader_then_runs_after_its_quiescent_state(void **s)
{
    (void)s;
    atomic_store(&freed, 0);
    reader r;
    start_reader(&r);
    wf_thread *t = test_thread_begin();
    defer_marker(t);
    assert_int_equal(wait_freed(t, 1, 200), 0); /* r is online and has not reported */
    atomic_store(&r.command, 1);
    assert_int_equal(wait_freed(t, 1, WAIT_MS), 1);
    finish_reader(&r);
    test_thread_end(t);
}

static void test_free_runs_once_the_reader_goes_offline(void **s)
{
    (void)s;
    atomic_store(&freed, 0);
    reader r;
    start_reader(&r);
    wf_thread *t = test_thread_begin();
    defer_marker(t);
    assert_int_equal(wait_freed(t, 1, 200), 0);
    atomic_store(&r.command, 2);
    assert_int_equal(wait_freed(t, 1, WAIT_MS), 1);
    finish_reader(&r);
    test_thread_end(t);
}

static void test_free_waits_for_every_reader(void **s)
{
    (void)s;
    atomic_store(&freed, 0);
    reader r1, r2;
    start_reader(&r1);
    start_reader(&r2);
    wf_thread *t = test_thread_begin();
    defer_marker(t);
    atomic_store(&r1.command, 1);
    assert_int_equal(wait_freed(t, 1, 200), 0); /* r2 still online, silent */
    atomic_store(&r2.command, 2);
    assert_int_equal(wait_freed(t, 1, WAIT_MS), 1);
    finish_reader(&r1);
    finish_reader(&r2);
    test_thread_end(t);
}

static void *defer_and_exit(void *p)
{
    (void)p;
    wf_thread *t = test_thread_begin();
    wf_qsbr_defer(t, mark_freed, NULL, 0); /* not handed on: still in our batch */
    test_thread_end(t);
    return NULL;
}

static void test_exiting_thread_hands_on_its_pending_frees(void **s)
{
    (void)s;
    atomic_store(&freed, 0);
    pthread_t pt;
    pthread_create(&pt, NULL, defer_and_exit, NULL);
    pthread_join(pt, NULL);
    wf_qsbr_drain(); /* no thread state here: we are not a reader */
    assert_int_equal(atomic_load(&freed), 1);
}

/* Readers follow a published pointer while a writer replaces it and frees the old one
 * through QSBR: no reader sees freed memory (ASan) and TSan sees the grace period. */
typedef struct cell {
    long magic;
    long serial;
} cell;

#define MAGIC 0x5eed
static _Atomic(cell *) published;
static _Atomic int writer_done;

static void reader_loop(int index, void *arg)
{
    (void)index;
    (void)arg;
    wf_thread *t = test_thread_begin();
    long last = 0;
    while (!atomic_load(&writer_done)) {
        for (int i = 0; i < 100; i++) {
            cell *c = atomic_load_explicit(&published, memory_order_acquire);
            assert_int_equal(c->magic, MAGIC);
            assert_true(c->serial >= last);
            last = c->serial;
        }
        wf_qsbr_quiescent(t);
    }
    test_thread_end(t);
}

static void writer_loop(int index, void *arg)
{
    (void)arg;
    if (index > 0) {
        reader_loop(index, arg);
        return;
    }
    wf_thread *t = test_thread_begin();
    for (long n = 1; n <= (WF_TSAN ? 2000 : 20000); n++) {
        cell *c = wf_mem_alloc(t, sizeof *c);
        c->magic = MAGIC;
        c->serial = n;
        cell *old = atomic_exchange_explicit(&published, c, memory_order_acq_rel);
        wf_qsbr_free(t, old);
        if (n % 64 == 0)
            wf_eval_breaker_check(t);
    }
    atomic_store(&writer_done, 1);
    test_thread_end(t);
}

static void test_readers_never_see_memory_freed_under_them(void **s)
{
    (void)s;
    wf_thread *t = test_thread_begin();
    cell *first = wf_mem_alloc(t, sizeof *first);
    first->magic = MAGIC;
    first->serial = 0;
    atomic_store(&published, first);
    atomic_store(&writer_done, 0);
    wf_thread_detach(t);
    test_run_threads(3, writer_loop, NULL);
    wf_thread_attach(t);
    wf_qsbr_free(t, atomic_load(&published));
    test_thread_end(t);
    wf_qsbr_drain();
    assert_int_equal(wf_qsbr_backlog_bytes(), 0);
}

/* Freeing megabytes through QSBR in a loop keeps the backlog bounded. */
static void test_backlog_stays_bounded(void **s)
{
    (void)s;
    wf_thread *t = test_thread_begin();
    size_t peak = 0;
    size_t block = 256 * 1024;
    for (int i = 0; i < (WF_TSAN || WF_ASAN ? 400 : 2000); i++) {
        void *p = wf_mem_alloc(t, block);
        assert_non_null(p);
        wf_qsbr_free(t, p);
        wf_eval_breaker_check(t);
        size_t now = wf_qsbr_backlog_bytes();
        if (now > peak)
            peak = now;
    }
    test_thread_end(t);
    wf_qsbr_drain();
    assert_true(peak <= WF_QSBR_BACKLOG_BYTES + 2 * WF_QSBR_BATCH_BYTES);
    assert_int_equal(wf_qsbr_backlog_bytes(), 0);
}

/* Regression: a thread that attaches while a batch already waits for its grace period
 * is asked for quiescent states too, so it cannot stall reclamation while it runs. */
static _Atomic int late_go, late_running_saw_free, late_stop;

static void *late_attacher(void *arg)
{
    wf_thread *t = wf_thread_new(); /* detached until told */
    (void)arg;
    test_wait_flag(&late_go, WAIT_MS);
    wf_thread_attach(t);
    int64_t deadline = wf_monotonic_ns() + (int64_t)WAIT_MS * 1000000;
    while (!atomic_load(&freed) && wf_monotonic_ns() < deadline)
        wf_eval_breaker_check(t); /* running: never detaches while waiting */
    atomic_store(&late_running_saw_free, atomic_load(&freed));
    test_wait_flag(&late_stop, WAIT_MS);
    wf_thread_delete(t);
    return NULL;
}

static void test_thread_attaching_during_a_grace_period_reports_too(void **s)
{
    (void)s;
    atomic_store(&freed, 0);
    atomic_store(&late_go, 0);
    atomic_store(&late_stop, 0);
    atomic_store(&late_running_saw_free, 0);
    reader silent;
    start_reader(&silent); /* online and silent: holds the grace period open */
    pthread_t pt;
    pthread_create(&pt, NULL, late_attacher, NULL);
    wf_thread *t = test_thread_begin();
    defer_marker(t);
    atomic_store(&late_go, 1);
    test_sleep_ms(50);                /* the late thread is attached and running */
    atomic_store(&silent.command, 2); /* the silent reader goes offline */
    wf_thread_detach(t);
    atomic_store(&late_stop, 1);
    pthread_join(pt, NULL);
    wf_thread_attach(t);
    assert_int_equal(atomic_load(&late_running_saw_free), 1);
    finish_reader(&silent);
    test_thread_end(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_free_waits_for_an_online_reader_then_runs_after_its_quiescent_state),
        cmocka_unit_test(test_free_runs_once_the_reader_goes_offline),
        cmocka_unit_test(test_free_waits_for_every_reader),
        cmocka_unit_test(test_exiting_thread_hands_on_its_pending_frees),
        cmocka_unit_test(test_readers_never_see_memory_freed_under_them),
        cmocka_unit_test(test_backlog_stays_bounded),
        cmocka_unit_test(test_thread_attaching_during_a_grace_period_reports_too),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
