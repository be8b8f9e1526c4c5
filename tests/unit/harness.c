#include "harness.h"

#include <pthread.h>
#include <sched.h>
#include <time.h>

_Atomic int test_frees;

static void test_dealloc(wf_thread *t, wf_object *o)
{
    atomic_fetch_add(&test_frees, 1);
    wf_object_free(t, o);
}

wf_type test_type = {
    .ob_base = {.ob_ref_local = WF_REF_IMMORTAL},
    .tp_name = "test",
    .tp_basicsize = sizeof(wf_object) + 16,
    .tp_dealloc = test_dealloc,
};

wf_object *test_object_new(wf_thread *t)
{
    wf_object *o = wf_object_alloc(t, &test_type, test_type.tp_basicsize);
    assert_non_null(o);
    return o;
}

wf_thread *test_thread_begin(void)
{
    wf_thread *t = wf_thread_new();
    assert_non_null(t);
    wf_thread_attach(t);
    return t;
}

void test_thread_end(wf_thread *t)
{
    wf_thread_delete(t);
}

typedef struct runner {
    pthread_t pt;
    int index;
    test_thread_fn fn;
    void *arg;
    pthread_barrier_t *barrier;
} runner;

static void *runner_main(void *p)
{
    runner *r = p;
    pthread_barrier_wait(r->barrier);
    r->fn(r->index, r->arg);
    return NULL;
}

void test_run_threads(int n, test_thread_fn fn, void *arg)
{
    runner rs[64];
    assert_true(n > 0 && n <= 64);
    pthread_barrier_t barrier;
    pthread_barrier_init(&barrier, NULL, (unsigned)n);
    for (int i = 0; i < n; i++) {
        rs[i] = (runner){.index = i, .fn = fn, .arg = arg, .barrier = &barrier};
        assert_int_equal(pthread_create(&rs[i].pt, NULL, runner_main, &rs[i]), 0);
    }
    for (int i = 0; i < n; i++)
        pthread_join(rs[i].pt, NULL);
    pthread_barrier_destroy(&barrier);
}

void test_sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000};
    nanosleep(&ts, NULL);
}

int test_wait_flag(_Atomic int *flag, int ms)
{
    int64_t deadline = wf_monotonic_ns() + (int64_t)ms * 1000000;
    int v;
    while (!(v = atomic_load(flag)) && wf_monotonic_ns() < deadline)
        sched_yield();
    return v;
}
