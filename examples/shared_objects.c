/* weft-demo: N threads sharing objects on the weft runtime core.
 *
 * Until the interpreter exists this is what `scripts/run.sh` runs. Each worker thread
 * attaches, takes and drops references to a shared object owned by the main thread,
 * and increments a counter inside a critical section on that object; the main thread
 * then checks the exact totals and that the object is freed exactly once.
 *
 * usage: weft-demo [threads] [iterations] */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "include/weft.h"
#include "runtime/alloc.h"
#include "runtime/critical_section.h"
#include "threading/threads.h"

typedef struct counter {
    wf_object base;
    long value; /* guarded by base.ob_mutex */
} counter;

static _Atomic int frees;

static void counter_dealloc(wf_thread *t, wf_object *o)
{
    atomic_fetch_add(&frees, 1);
    wf_object_free(t, o);
}

static wf_type counter_type = {
    .ob_base = {.ob_ref_local = WF_REF_IMMORTAL},
    .tp_name = "counter",
    .tp_basicsize = sizeof(counter),
    .tp_dealloc = counter_dealloc,
};

static counter *shared;
static long iterations;

static void *worker(void *arg)
{
    (void)arg;
    wf_thread *t = wf_thread_new();
    if (!t)
        return NULL;
    wf_thread_attach(t);
    for (long i = 0; i < iterations; i++) {
        wf_incref(t, &shared->base);
        WF_BEGIN_CRITICAL_SECTION(t, &shared->base);
        shared->value++;
        WF_END_CRITICAL_SECTION(t);
        wf_decref(t, &shared->base);
        if ((i & 255) == 0)
            wf_eval_breaker_check(t);
    }
    wf_thread_delete(t);
    return NULL;
}

int main(int argc, char **argv)
{
    int nthreads = argc > 1 ? atoi(argv[1]) : 4;
    iterations = argc > 2 ? atol(argv[2]) : 200000;
    if (nthreads < 1 || nthreads > 256 || iterations < 0) {
        fprintf(stderr, "usage: weft-demo [threads 1..256] [iterations]\n");
        return 2;
    }
    wf_thread *t = wf_thread_new();
    wf_thread_attach(t);
    shared = (counter *)wf_object_alloc(t, &counter_type, sizeof(counter));
    if (!shared) {
        fprintf(stderr, "out of memory\n");
        return 1;
    }
    shared->value = 0;

    pthread_t *threads = malloc(sizeof *threads * (size_t)nthreads);
    for (int i = 0; i < nthreads; i++)
        pthread_create(&threads[i], NULL, worker, NULL);
    wf_thread_detach(t); /* we block in join: let a stop-the-world proceed without us */
    for (int i = 0; i < nthreads; i++)
        pthread_join(threads[i], NULL);
    wf_thread_attach(t);
    free(threads);

    long expected = (long)nthreads * iterations;
    printf("weft %s runtime demo\n", weft_version());
    printf("%d threads x %ld critical-section increments = %ld (expected %ld)\n", nthreads,
           iterations, shared->value, expected);
    bool ok = shared->value == expected && wf_refcount_total(&shared->base) == 1;
    wf_decref(t, &shared->base);
    printf("shared object freed %d time(s)\n", atomic_load(&frees));
    ok = ok && atomic_load(&frees) == 1;
    wf_thread_delete(t);
    printf("%s\n", ok ? "ok" : "MISMATCH");
    return ok ? 0 : 1;
}
