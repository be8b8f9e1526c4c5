/* bytearray under concurrency: four threads append to one bytearray, extend it while
 * others pop, and replace its whole contents while others read it; every single
 * operation is atomic, so the final contents are exact and no reader sees a torn state.
 * Runs under ASan (replaced buffers must stay readable: QSBR) and TSan (no data races). */
#include "harness.h"

#include <string.h>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/singletons.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "threading/threads.h"

#define NTHREADS 4
#define PER      (WF_TSAN ? 1000 : 10000)

#define I(n) wf_smallint_box(n)

static wf_value shared;
static _Atomic int bad, pops, writer_done;

/* shared.name(*args), on the calling thread's state. */
static wf_value call(wf_thread *t, const char *name, const wf_value *args, size_t nargs)
{
    return wf_call_method(t, shared, wf_str_intern_cstr(t, name), args, nargs);
}

static void begin_test(wf_thread *t, const char *contents, size_t n)
{
    wf_types_init(t);
    shared = wf_bytearray_from_data(t, contents, n);
    atomic_store(&bad, 0);
    atomic_store(&pops, 0);
    atomic_store(&writer_done, 0);
}

/* Each worker appends PER bytes of its own value (its index) and now and then counts
 * its own bytes, which can only grow. */
static void append_worker(int index, void *arg)
{
    (void)arg;
    wf_thread *t = test_thread_begin();
    int64_t seen = 0;
    for (int i = 0; i < PER; i++) {
        wf_value v = I(index);
        wf_value r = call(t, "append", &v, 1);
        if (r != WF_NONE)
            atomic_fetch_add(&bad, 1);
        if (i % 64 == 0) {
            wf_value c = call(t, "count", &v, 1);
            int64_t n = c ? wf_smallint_unbox(c) : -1;
            if (n < seen || n > i + 1)
                atomic_fetch_add(&bad, 1);
            seen = n;
            wf_eval_breaker_check(t);
        }
    }
    test_thread_end(t);
}

static void test_bytearray_append_from_four_threads_keeps_every_byte(void **state)
{
    (void)state;
    wf_thread *t = test_thread_begin();
    begin_test(t, "", 0);
    test_run_threads(NTHREADS, append_worker, NULL);
    assert_int_equal(atomic_load(&bad), 0);
    assert_int_equal(wf_len(t, shared), NTHREADS * PER);
    for (int k = 0; k < NTHREADS; k++) {
        wf_value v = I(k);
        wf_value c = call(t, "count", &v, 1);
        assert_true(c == I(PER));
    }
    wf_value_decref(t, shared);
    test_thread_end(t);
}

/* Threads 0 and 1 extend by b"abc" PER times; threads 2 and 3 pop until the extenders
 * are done: every pop returns one of a, b, c or raises IndexError on empty. */
static void extend_pop_worker(int index, void *arg)
{
    (void)arg;
    wf_thread *t = test_thread_begin();
    if (index < 2) {
        wf_value abc = wf_bytes_from_data(t, "abc", 3);
        for (int i = 0; i < PER; i++) {
            if (call(t, "extend", &abc, 1) != WF_NONE)
                atomic_fetch_add(&bad, 1);
            if (i % 64 == 0)
                wf_eval_breaker_check(t);
        }
        wf_value_decref(t, abc);
        atomic_fetch_add(&writer_done, 1);
    } else {
        for (int i = 0; atomic_load(&writer_done) < 2; i++) {
            wf_value r = call(t, "pop", NULL, 0);
            if (!r && wf_err_matches(t, &wf_exc_IndexError))
                wf_err_clear(t);
            else if (r == I('a') || r == I('b') || r == I('c'))
                atomic_fetch_add(&pops, 1);
            else
                atomic_fetch_add(&bad, 1);
            if (i % 64 == 0)
                wf_eval_breaker_check(t);
        }
    }
    test_thread_end(t);
}

static void test_bytearray_extend_and_pop_from_four_threads_balance(void **state)
{
    (void)state;
    wf_thread *t = test_thread_begin();
    begin_test(t, "", 0);
    test_run_threads(NTHREADS, extend_pop_worker, NULL);
    assert_int_equal(atomic_load(&bad), 0);
    assert_int_equal(wf_len(t, shared), 2 * PER * 3 - atomic_load(&pops));
    wf_value_decref(t, shared);
    test_thread_end(t);
}

/* Thread 0 keeps replacing the whole contents (shared[:] = ...) with 8 x's or 4096 y's,
 * which replaces the buffer; the others read snapshots (bytes(shared)), items and
 * method results, which must always show one of the two states. */
static bool is_state(const char *p, size_t n)
{
    char c = n == 8 ? 'x' : n == 4096 ? 'y' : 0;
    for (size_t i = 0; c && i < n; i++)
        if (p[i] != c)
            return false;
    return c != 0;
}

static void replace_read_worker(int index, void *arg)
{
    (void)arg;
    wf_thread *t = test_thread_begin();
    if (index == 0) {
        static char ys[4096];
        memset(ys, 'y', sizeof ys);
        wf_value states[2] = {wf_bytes_from_data(t, "xxxxxxxx", 8),
                              wf_bytes_from_data(t, ys, sizeof ys)};
        wf_value all = wf_slice_new(t, WF_NONE, WF_NONE, WF_NONE);
        for (int i = 0; i < PER / 4; i++) {
            if (wf_setitem(t, shared, all, states[i % 2]) < 0)
                atomic_fetch_add(&bad, 1);
            wf_eval_breaker_check(t);
        }
        wf_value_decref(t, all);
        wf_value_decref(t, states[0]);
        wf_value_decref(t, states[1]);
        atomic_store(&writer_done, 1);
    } else {
        for (int i = 0; !atomic_load(&writer_done); i++) {
            wf_value snap = wf_bytearray_to_bytes(t, shared);
            if (!is_state(wf_bytes_data(snap), wf_bytes_size(snap)))
                atomic_fetch_add(&bad, 1);
            wf_value_decref(t, snap);
            wf_value item = wf_getitem(t, shared, I(-1));
            if (item != I('x') && item != I('y'))
                atomic_fetch_add(&bad, 1);
            wf_value upper = call(t, "upper", NULL, 0);
            int64_t n = upper ? wf_len(t, upper) : -1;
            if (n != 8 && n != 4096)
                atomic_fetch_add(&bad, 1);
            if (upper)
                wf_value_decref(t, upper);
            if (i % 16 == 0)
                wf_eval_breaker_check(t);
        }
    }
    test_thread_end(t);
}

static void test_bytearray_replaced_while_read_shows_whole_states(void **state)
{
    (void)state;
    wf_thread *t = test_thread_begin();
    begin_test(t, "xxxxxxxx", 8);
    test_run_threads(NTHREADS, replace_read_worker, NULL);
    assert_int_equal(atomic_load(&bad), 0);
    assert_true(wf_len(t, shared) == 8 || wf_len(t, shared) == 4096);
    wf_value_decref(t, shared);
    test_thread_end(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bytearray_append_from_four_threads_keeps_every_byte),
        cmocka_unit_test(test_bytearray_extend_and_pop_from_four_threads_balance),
        cmocka_unit_test(test_bytearray_replaced_while_read_shows_whole_states),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
