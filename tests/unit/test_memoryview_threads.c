/* memoryview over one bytearray from four threads: three threads write their own
 * eight-byte region through views (slice assignment, then an item), the fourth reads
 * whole snapshots through its view and tries to append. Each region is written in one
 * critical section, so a snapshot never shows half a region; while any view is alive
 * every append raises BufferError, and once all are released it succeeds. */
#include "harness.h"

#include <string.h>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/callable.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/memoryview.h"
#include "runtime/singletons.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "threading/threads.h"

#define NTHREADS 4
#define WRITERS  3
#define REGION   8
#define PER      (WF_TSAN ? 1000 : 10000)

#define I(n) wf_smallint_box(n)

static wf_value shared;
static _Atomic int bad, writers_done;

static wf_value method(wf_thread *t, wf_value self, const char *name, const wf_value *args,
                       size_t nargs)
{
    return wf_call_method(t, self, wf_str_intern_cstr(t, name), args, nargs);
}

static wf_value view_of(wf_thread *t, wf_value obj)
{
    return wf_call(t, wf_type_value(&wf_memoryview_type), &obj, 1, WF_NULL);
}

static void writer(wf_thread *t, int index)
{
    wf_value whole = view_of(t, shared);
    wf_value range = wf_slice_new(t, I(index * REGION), I((index + 1) * REGION), WF_NONE);
    wf_value v = wf_getitem(t, whole, range);
    wf_value all = wf_slice_new(t, WF_NONE, WF_NONE, WF_NONE);
    for (int i = 0; i < PER; i++) {
        char fill[REGION];
        memset(fill, i % 256, sizeof fill);
        wf_value b = wf_bytes_from_data(t, fill, sizeof fill);
        if (wf_setitem(t, v, all, b) < 0 || wf_setitem(t, v, I(i % REGION), I(i % 256)) < 0)
            atomic_fetch_add(&bad, 1);
        wf_value_decref(t, b);
        if (i % 64 == 0)
            wf_eval_breaker_check(t);
    }
    wf_value_decref(t, all);
    wf_value_decref(t, range);
    wf_value_decref(t, v);
    wf_value_decref(t, whole);
    atomic_fetch_add(&writers_done, 1);
}

/* Snapshots show whole regions; an append always meets this thread's own export. */
static void reader(wf_thread *t)
{
    wf_value v = view_of(t, shared);
    for (int i = 0; atomic_load(&writers_done) < WRITERS; i++) {
        wf_value snap = method(t, v, "tobytes", NULL, 0);
        for (int k = 0; snap && k < WRITERS; k++)
            for (int j = 1; j < REGION; j++)
                if (wf_bytes_data(snap)[k * REGION + j] != wf_bytes_data(snap)[k * REGION])
                    atomic_fetch_add(&bad, 1);
        if (!snap)
            atomic_fetch_add(&bad, 1);
        else
            wf_value_decref(t, snap);
        wf_value x = I(1);
        wf_value r = method(t, shared, "append", &x, 1);
        if (r || !wf_err_matches(t, &wf_exc_BufferError))
            atomic_fetch_add(&bad, 1);
        wf_err_clear(t);
        if (i % 16 == 0)
            wf_eval_breaker_check(t);
    }
    wf_value r = method(t, v, "release", NULL, 0);
    if (r != WF_NONE)
        atomic_fetch_add(&bad, 1);
    wf_value_decref(t, v);
}

static void worker(int index, void *arg)
{
    (void)arg;
    wf_thread *t = test_thread_begin();
    if (index < WRITERS)
        writer(t, index);
    else
        reader(t);
    test_thread_end(t);
}

static void test_memoryview_writes_snapshots_and_exports_from_four_threads(void **state)
{
    (void)state;
    wf_thread *t = test_thread_begin();
    wf_types_init(t);
    shared = wf_bytearray_from_data(t, NULL, 0);
    wf_value zeros = wf_bytes_from_data(t, NULL, WRITERS * REGION);
    assert_true(method(t, shared, "extend", &zeros, 1) == WF_NONE);
    wf_value_decref(t, zeros);
    atomic_store(&bad, 0);
    atomic_store(&writers_done, 0);
    test_run_threads(NTHREADS, worker, NULL);
    assert_int_equal(atomic_load(&bad), 0);
    assert_int_equal(((wf_bytearray_object *)wf_to_object(shared))->exports, 0);
    const char *d = wf_bytearray_data(shared);
    for (int i = 0; i < WRITERS * REGION; i++)
        assert_int_equal((unsigned char)d[i], (PER - 1) % 256);
    wf_value x = I(7);
    assert_true(method(t, shared, "append", &x, 1) == WF_NONE);
    assert_int_equal(wf_len(t, shared), WRITERS * REGION + 1);
    wf_value_decref(t, shared);
    test_thread_end(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_memoryview_writes_snapshots_and_exports_from_four_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
