/* micro_runtime: the cost of the runtime's hottest fast paths, in nanoseconds per pair.
 *
 * Each measurement times one loop of `iterations` pairs (an operation and its inverse)
 * with the monotonic clock (wf_monotonic_ns), repeats it REPEATS times, and reports the median
 * and the minimum:
 *   baseline            plain (non-atomic) increment + decrement of a uint32_t field;
 *   owner               wf_incref + wf_decref on an object the calling thread owns;
 *   non-owner           the same pair on an object owned by another (idle) thread;
 *   wf_mutex            uncontended wf_mutex_lock + wf_mutex_unlock;
 *   pthread_mutex       uncontended pthread_mutex_lock + pthread_mutex_unlock (default attrs).
 * Every loop puts the same compiler barrier after each operation, so the baseline really
 * loads and stores the counter each time and no loop is folded away. It then prints the
 * ratios owner / baseline and wf_mutex / pthread_mutex.
 *
 * usage: build/release/micro_runtime [iterations] [--json]
 *   iterations  pairs per timed loop (default 50000000)
 *   --json      print the figures as one JSON object instead of a table */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "runtime/alloc.h"
#include "runtime/mutex.h"
#include "runtime/object.h"
#include "runtime/qsbr.h"
#include "threading/threads.h"

#define DEFAULT_ITERATIONS 50000000L
#define REPEATS            5
#define NBENCH             5

/* The compiler must assume any memory changed: values are stored before it and
 * reloaded after it. Emits no instruction. */
#define COMPILER_BARRIER() __asm__ volatile("" ::: "memory")

/* ---- The object type ------------------------------------------------------------------ */

static _Atomic int frees;

/* tp_dealloc of bench_type: count the free, then release the memory. */
static void bench_dealloc(wf_thread *t, wf_object *o)
{
    atomic_fetch_add(&frees, 1);
    wf_object_free(t, o);
}

static wf_type bench_type = {
    .ob_base = {.ob_ref_local = WF_REF_IMMORTAL},
    .tp_name = "bench",
    .tp_basicsize = sizeof(wf_object),
    .tp_dealloc = bench_dealloc,
};

/* ---- The timed loops ------------------------------------------------------------------ */

typedef void (*bench_loop)(void *arg, long n);

/* What the refcount loops work on: the calling thread's state and the object. */
typedef struct rc_arg {
    wf_thread *t;
    wf_object *o;
} rc_arg;

/* The baseline's counter: a uint32_t field, like ob_ref_local, in static memory. */
static struct {
    uint32_t count;
} plain;

/* Baseline: n plain increment/decrement pairs of a uint32_t in memory. */
static void loop_plain(void *arg, long n)
{
    uint32_t *count = arg;
    for (long i = 0; i < n; i++) {
        (*count)++;
        COMPILER_BARRIER();
        (*count)--;
        COMPILER_BARRIER();
    }
}

/* n wf_incref/wf_decref pairs; owner or non-owner depends on the object passed. */
static void loop_refcount(void *arg, long n)
{
    rc_arg *a = arg;
    wf_thread *t = a->t; /* in registers, like the baseline's pointer */
    wf_object *o = a->o;
    for (long i = 0; i < n; i++) {
        wf_incref(t, o);
        COMPILER_BARRIER();
        wf_decref(t, o);
        COMPILER_BARRIER();
    }
}

/* n uncontended wf_mutex lock/unlock pairs. */
static void loop_wf_mutex(void *arg, long n)
{
    wf_mutex *m = arg;
    for (long i = 0; i < n; i++) {
        wf_mutex_lock(m);
        COMPILER_BARRIER();
        wf_mutex_unlock(m);
        COMPILER_BARRIER();
    }
}

/* n uncontended pthread_mutex lock/unlock pairs. */
static void loop_pthread_mutex(void *arg, long n)
{
    pthread_mutex_t *m = arg;
    for (long i = 0; i < n; i++) {
        pthread_mutex_lock(m);
        COMPILER_BARRIER();
        pthread_mutex_unlock(m);
        COMPILER_BARRIER();
    }
}

/* ---- Timing ------------------------------------------------------------------------------ */

typedef struct result {
    const char *key;    /* JSON name */
    const char *label;  /* table row */
    double median, min; /* ns per pair */
} result;

/* qsort comparator for doubles, ascending. */
static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Time `loop` REPEATS times over n pairs; fill r with the median and minimum ns/pair.
 * The eval breaker is checked between repeats, outside the timed region. */
static void measure(result *r, wf_thread *t, bench_loop loop, void *arg, long n)
{
    double ns[REPEATS];
    for (int i = 0; i < REPEATS; i++) {
        int64_t start = wf_monotonic_ns();
        loop(arg, n);
        ns[i] = (double)(wf_monotonic_ns() - start) / (double)n;
        wf_eval_breaker_check(t);
    }
    qsort(ns, REPEATS, sizeof ns[0], cmp_double);
    r->median = ns[REPEATS / 2];
    r->min = ns[0];
}

/* ---- The other thread, which owns the non-owner object --------------------------------- */

static _Atomic(wf_object *) foreign; /* published by the owner, release */
static _Atomic bool measuring_done;  /* set by main once it dropped its reference */

/* Sleep about one millisecond. */
static void nap(void)
{
    struct timespec ts = {0, 1000000};
    nanosleep(&ts, NULL);
}

/* The owner thread: make an object, publish it, wait detached (it blocks) until the
 * main thread is done with it, then drop its reference (which frees it) and exit. */
static void *owner_main(void *unused)
{
    (void)unused;
    wf_thread *t = wf_thread_new();
    if (!t)
        wf_fatal("micro_runtime: cannot create a thread state");
    wf_thread_attach(t);
    wf_object *o = wf_object_alloc(t, &bench_type, bench_type.tp_basicsize);
    if (!o)
        wf_fatal("micro_runtime: out of memory");
    wf_object_mark_shared(o); /* another thread will see it: free it through QSBR */
    atomic_store_explicit(&foreign, o, memory_order_release);

    wf_thread_detach(t);
    while (!atomic_load_explicit(&measuring_done, memory_order_acquire))
        nap();
    wf_thread_attach(t);

    wf_decref(t, o);
    wf_thread_delete(t);
    return NULL;
}

/* Wait until the owner thread has published its object, and return it. */
static wf_object *wait_for_foreign(void)
{
    wf_object *o;
    while (!(o = atomic_load_explicit(&foreign, memory_order_acquire)))
        nap();
    return o;
}

/* ---- Output and arguments ---------------------------------------------------------------- */

enum { B_PLAIN, B_OWNER, B_NONOWNER, B_WF_MUTEX, B_PTHREAD_MUTEX };

/* Print the results as an aligned table followed by the two ratios. */
static void print_table(const result *r, long n)
{
    printf("micro_runtime: %ld pairs per loop, %d repeats, ns per pair\n\n", n, REPEATS);
    printf("%-32s %10s %10s\n", "benchmark", "median", "min");
    for (int i = 0; i < NBENCH; i++)
        printf("%-32s %10.3f %10.3f\n", r[i].label, r[i].median, r[i].min);
    printf("\n%-32s %10.2fx\n", "owner / baseline", r[B_OWNER].median / r[B_PLAIN].median);
    printf("%-32s %10.2fx\n", "wf_mutex / pthread_mutex",
           r[B_WF_MUTEX].median / r[B_PTHREAD_MUTEX].median);
}

/* Print the same figures as one JSON object. */
static void print_json(const result *r, long n)
{
    printf("{\"iterations\": %ld, \"repeats\": %d, \"unit\": \"ns_per_pair\"", n, REPEATS);
    for (int i = 0; i < NBENCH; i++)
        printf(", \"%s\": {\"median\": %.3f, \"min\": %.3f}", r[i].key, r[i].median, r[i].min);
    printf(", \"ratios\": {\"owner_over_baseline\": %.3f, "
           "\"wf_mutex_over_pthread_mutex\": %.3f}}\n",
           r[B_OWNER].median / r[B_PLAIN].median, r[B_WF_MUTEX].median / r[B_PTHREAD_MUTEX].median);
}

/* Parse `[iterations] [--json]` (either order). Returns false on a bad argument. */
static bool parse_args(int argc, char **argv, long *iterations, bool *json)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0) {
            *json = true;
            continue;
        }
        char *end;
        errno = 0;
        long v = strtol(argv[i], &end, 10);
        if (errno || end == argv[i] || *end || v <= 0)
            return false;
        *iterations = v;
    }
    return true;
}

int main(int argc, char **argv)
{
    long n = DEFAULT_ITERATIONS;
    bool json = false;
    if (!parse_args(argc, argv, &n, &json)) {
        fprintf(stderr, "usage: micro_runtime [iterations > 0] [--json]\n");
        return 2;
    }

    wf_thread *t = wf_thread_new();
    if (!t)
        wf_fatal("micro_runtime: cannot create a thread state");
    wf_thread_attach(t);
    wf_object *own = wf_object_alloc(t, &bench_type, bench_type.tp_basicsize);
    if (!own)
        wf_fatal("micro_runtime: out of memory");

    pthread_t owner;
    if (pthread_create(&owner, NULL, owner_main, NULL) != 0)
        wf_fatal("micro_runtime: cannot start the owner thread");
    wf_object *other = wait_for_foreign();
    wf_incref(t, other); /* our own reference: the shared count stays > 0 throughout */

    wf_mutex wm = WF_MUTEX_INIT;
    pthread_mutex_t pm;
    pthread_mutex_init(&pm, NULL);
    rc_arg owned = {t, own}, foreign_arg = {t, other};

    result r[NBENCH] = {
        [B_PLAIN] = {"baseline", "plain inc+dec (baseline)"},
        [B_OWNER] = {"owner_incref_decref", "owner incref+decref"},
        [B_NONOWNER] = {"nonowner_incref_decref", "non-owner incref+decref"},
        [B_WF_MUTEX] = {"wf_mutex_lock_unlock", "wf_mutex lock+unlock"},
        [B_PTHREAD_MUTEX] = {"pthread_mutex_lock_unlock", "pthread_mutex lock+unlock"},
    };
    measure(&r[B_PLAIN], t, loop_plain, &plain.count, n);
    measure(&r[B_OWNER], t, loop_refcount, &owned, n);
    measure(&r[B_NONOWNER], t, loop_refcount, &foreign_arg, n);
    measure(&r[B_WF_MUTEX], t, loop_wf_mutex, &wm, n);
    measure(&r[B_PTHREAD_MUTEX], t, loop_pthread_mutex, &pm, n);

    /* Clean up: drop our reference before the owner drops its own (which frees it). */
    wf_decref(t, other);
    atomic_store_explicit(&measuring_done, true, memory_order_release);
    pthread_join(owner, NULL);
    wf_decref(t, own);
    pthread_mutex_destroy(&pm);
    wf_thread_delete(t);
    wf_qsbr_drain(); /* run the owner's deferred (QSBR) free before we check */
    if (json)
        print_json(r, n);
    else
        print_table(r, n);
    if (atomic_load(&frees) != 2) {
        fprintf(stderr, "micro_runtime: %d of 2 objects freed\n", atomic_load(&frees));
        return 1;
    }
    return 0;
}
