/* The lock-free read protocol end to end: readers load an object from a shared slot
 * without a lock, take a reference with wf_try_incref, re-check the slot, and read the
 * object, while a writer keeps replacing it and dropping the old one. Objects that
 * other threads could see are freed through QSBR, so a reader that lost the race
 * still reads valid memory (ASan checks), TSan sees every ordering, and every object
 * is finalized exactly once. */
#include "harness.h"

#include "runtime/qsbr.h"

#define NREADERS  3
#define WRITES    (WF_TSAN ? 3000 : 30000) /* at least; more until readers got through */
#define MIN_READS 1000
#define MAGIC     0x600dcafe

typedef struct item {
    wf_object base;
    long magic;  /* written before publication, then read-only */
    long serial; /* likewise */
} item;

static _Atomic int items_freed;

static void item_dealloc(wf_thread *t, wf_object *o)
{
    ((item *)o)->magic = 0; /* a reader that still trusted o would now see garbage */
    atomic_fetch_add(&items_freed, 1);
    wf_object_free(t, o);
}

static wf_type item_type = {
    .ob_base = {.ob_ref_local = WF_REF_IMMORTAL},
    .tp_name = "item",
    .tp_basicsize = sizeof(item),
    .tp_dealloc = item_dealloc,
};

static _Atomic(wf_object *) slot; /* holds one reference to its object */
static _Atomic int writer_done;
static _Atomic long reads_ok;
static long writes; /* written by the writer, read after it is joined */

static item *item_new(wf_thread *t, long serial)
{
    item *it = (item *)wf_object_alloc(t, &item_type, sizeof(item));
    assert_non_null(it);
    it->magic = MAGIC;
    it->serial = serial;
    wf_object_mark_shared(&it->base);       /* other threads will see it */
    wf_object_enable_try_incref(&it->base); /* and take references without a lock */
    return it;
}

/* Load the slot's object with a new reference, or NULL if we lost a race. */
static item *read_slot(wf_thread *t)
{
    wf_object *o = atomic_load_explicit(&slot, memory_order_acquire);
    if (!wf_try_incref(t, o))
        return NULL;
    if (o != atomic_load_explicit(&slot, memory_order_acquire)) {
        wf_decref(t, o); /* replaced meanwhile: our reference may be the last */
        return NULL;
    }
    return (item *)o;
}

static void reader(wf_thread *t)
{
    long last = -1;
    while (!atomic_load_explicit(&writer_done, memory_order_relaxed)) {
        item *it = read_slot(t);
        if (it) {
            assert_int_equal(it->magic, MAGIC);
            assert_true(it->serial >= last);
            last = it->serial;
            wf_decref(t, &it->base);
            atomic_fetch_add_explicit(&reads_ok, 1, memory_order_relaxed);
        }
        wf_eval_breaker_check(t);
    }
}

/* Replace the slot's object WRITES times, and on until the readers have succeeded
 * MIN_READS times (on two cores the writer can otherwise finish before they run). */
static bool keep_writing(long n, int64_t give_up)
{
    if (n <= WRITES)
        return true;
    return atomic_load_explicit(&reads_ok, memory_order_relaxed) < MIN_READS &&
           wf_monotonic_ns() < give_up;
}

static void writer(wf_thread *t)
{
    int64_t give_up = wf_monotonic_ns() + (int64_t)60 * 1000000000;
    long n;
    for (n = 1; keep_writing(n, give_up); n++) {
        item *fresh = item_new(t, n);
        wf_object *old = atomic_exchange_explicit(&slot, &fresh->base, memory_order_acq_rel);
        wf_decref(t, old); /* the slot's reference */
        if ((n & 31) == 0)
            wf_eval_breaker_check(t);
    }
    writes = n - 1;
    atomic_store(&writer_done, 1);
}

static void worker(int index, void *arg)
{
    (void)arg;
    wf_thread *t = test_thread_begin();
    if (index == 0)
        writer(t);
    else
        reader(t);
    test_thread_end(t);
}

static void test_lock_free_readers_and_a_replacing_writer(void **state)
{
    (void)state;
    atomic_store(&items_freed, 0);
    atomic_store(&writer_done, 0);
    atomic_store(&reads_ok, 0);
    wf_thread *t = test_thread_begin();
    atomic_store(&slot, &item_new(t, 0)->base);
    wf_thread_detach(t);
    test_run_threads(1 + NREADERS, worker, NULL);
    wf_thread_attach(t);
    wf_decref(t, atomic_exchange(&slot, NULL));
    test_thread_end(t);
    wf_qsbr_drain();
    assert_int_equal(atomic_load(&items_freed), writes + 1);
    assert_true(atomic_load(&reads_ok) >= MIN_READS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lock_free_readers_and_a_replacing_writer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
