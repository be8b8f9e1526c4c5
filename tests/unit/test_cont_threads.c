/* Containers under concurrency: four threads append to one list and read it lock-free,
 * four threads set and get keys of one dict; the final contents are exact. Runs under
 * ASan (freed item arrays must stay readable: QSBR) and TSan (no data races). */
#include "harness.h"

#include <stdlib.h>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "threading/threads.h"

#define NTHREADS 4
#define PER      (WF_TSAN ? 2000 : 20000)

#define I(n) wf_smallint_box(n)

static wf_value shared_list, shared_dict;
static _Atomic int bad_reads;

/* Each worker appends its own PER values and reads items other threads appended;
 * a read item must be one some thread appended (a value below NTHREADS * PER). Every
 * tenth value is a heap object (a 1-tuple) so reads take references on shared objects. */
static void list_worker(int index, void *arg)
{
    (void)arg;
    wf_thread *t = test_thread_begin();
    for (int64_t i = 0; i < PER; i++) {
        int64_t v = index * PER + i;
        wf_value item = i % 10 == 0 ? wf_tuple_pack(t, 1, I(v)) : I(v);
        assert_int_equal(wf_list_append(t, shared_list, item), 0);
        wf_value_decref(t, item);
        int64_t n = wf_list_size(shared_list);
        wf_value got = wf_list_get(t, shared_list, (i * 7919) % n);
        if (!got) {
            atomic_fetch_add(&bad_reads, 1);
            wf_err_clear(t);
            continue;
        }
        wf_value x = wf_is_smallint(got) ? got : WF_TUPLE_ITEMS(got)[0];
        if (wf_smallint_unbox(x) < 0 || wf_smallint_unbox(x) >= NTHREADS * PER)
            atomic_fetch_add(&bad_reads, 1);
        wf_value_decref(t, got);
        if ((i & 255) == 0)
            wf_eval_breaker_check(t);
    }
    test_thread_end(t);
}

static void test_list_append_and_get_from_four_threads(void **state)
{
    (void)state;
    wf_thread *t = test_thread_begin();
    shared_list = wf_list_new(t, 0);
    atomic_store(&bad_reads, 0);
    test_run_threads(NTHREADS, list_worker, NULL);
    assert_int_equal(atomic_load(&bad_reads), 0);
    assert_int_equal(wf_list_size(shared_list), NTHREADS * PER);
    /* every value exactly once */
    char *seen = calloc(NTHREADS * PER, 1);
    for (int64_t i = 0; i < NTHREADS * PER; i++) {
        wf_value got = wf_list_get(t, shared_list, i);
        wf_value x = wf_is_smallint(got) ? got : WF_TUPLE_ITEMS(got)[0];
        int64_t v = wf_smallint_unbox(x);
        assert_false(seen[v]);
        seen[v] = 1;
        wf_value_decref(t, got);
    }
    free(seen);
    wf_value_decref(t, shared_list);
    test_thread_end(t);
}

/* Each worker sets keys index, index + NTHREADS, ... to key * 2 and reads back keys
 * of every thread; a key read back must hold its value. Half the keys are strs. */
static wf_value key_of(wf_thread *t, int64_t k)
{
    return k % 2 ? wf_str_printf(t, "k%lld", (long long)k) : I(k);
}

static void dict_worker(int index, void *arg)
{
    (void)arg;
    wf_thread *t = test_thread_begin();
    for (int64_t i = 0; i < PER; i++) {
        int64_t k = i * NTHREADS + index;
        wf_value key = key_of(t, k);
        assert_int_equal(wf_dict_set(t, shared_dict, key, I(k * 2)), 0);
        wf_value_decref(t, key);
        int64_t probe = (i * 7919) % (k + 1);
        wf_value pk = key_of(t, probe);
        wf_value v = wf_dict_get(t, shared_dict, pk);
        if (v && v != I(probe * 2))
            atomic_fetch_add(&bad_reads, 1);
        if (!v && wf_err_occurred(t))
            atomic_fetch_add(&bad_reads, 1);
        wf_value_decref(t, pk);
        if ((i & 255) == 0)
            wf_eval_breaker_check(t);
    }
    test_thread_end(t);
}

static void test_dict_set_and_get_from_four_threads(void **state)
{
    (void)state;
    wf_thread *t = test_thread_begin();
    shared_dict = wf_dict_new(t);
    atomic_store(&bad_reads, 0);
    test_run_threads(NTHREADS, dict_worker, NULL);
    assert_int_equal(atomic_load(&bad_reads), 0);
    assert_int_equal(wf_dict_size(shared_dict), NTHREADS * PER);
    for (int64_t k = 0; k < NTHREADS * PER; k++) {
        wf_value key = key_of(t, k);
        wf_value v = wf_dict_get(t, shared_dict, key);
        assert_true(v == I(k * 2));
        wf_value_decref(t, key);
    }
    wf_value_decref(t, shared_dict);
    test_thread_end(t);
}

/* Thread 0 keeps replacing every value of a fixed-size dict (k*2 <-> k*3, heap tuples
 * so references matter); the others iterate over items and must only ever see one of
 * the two values for each key, and every key once per pass. */
#define NKEYS 64
static _Atomic int writer_done;

static void iterate_worker(int index, void *arg)
{
    (void)arg;
    wf_thread *t = test_thread_begin();
    if (index == 0) {
        for (int round = 0; round < PER / 10; round++) {
            for (int64_t k = 0; k < NKEYS; k++) {
                wf_value v = wf_tuple_pack(t, 1, I(k * (round % 2 ? 3 : 2)));
                assert_int_equal(wf_dict_set(t, shared_dict, I(k), v), 0);
                wf_value_decref(t, v);
            }
            wf_eval_breaker_check(t);
        }
        atomic_store(&writer_done, 1);
    } else {
        while (!atomic_load(&writer_done)) {
            size_t pos = 0;
            wf_value k, v;
            int64_t seen = 0;
            wf_value it = wf_iter(t, shared_dict);
            while ((k = wf_iter_next(t, it))) {
                v = wf_dict_get(t, shared_dict, k);
                int64_t x = wf_smallint_unbox(WF_TUPLE_ITEMS(v)[0]), key = wf_smallint_unbox(k);
                if (x != key * 2 && x != key * 3)
                    atomic_fetch_add(&bad_reads, 1);
                wf_value_decref(t, v);
                seen++;
            }
            if (wf_err_occurred(t) || seen != NKEYS)
                atomic_fetch_add(&bad_reads, 1);
            wf_value_decref(t, it);
            (void)pos;
            wf_eval_breaker_check(t);
        }
    }
    test_thread_end(t);
}

static void test_dict_iteration_while_values_change(void **state)
{
    (void)state;
    wf_thread *t = test_thread_begin();
    shared_dict = wf_dict_new(t);
    for (int64_t k = 0; k < NKEYS; k++) {
        wf_value v = wf_tuple_pack(t, 1, I(k * 2));
        wf_dict_set(t, shared_dict, I(k), v);
        wf_value_decref(t, v);
    }
    /* ready the iterator type before the threads race to (types are readied at
     * start-up in a real run, by wf_types_init) */
    wf_value warm = wf_iter(t, shared_dict);
    wf_value_decref(t, warm);
    atomic_store(&bad_reads, 0);
    atomic_store(&writer_done, 0);
    test_run_threads(NTHREADS, iterate_worker, NULL);
    assert_int_equal(atomic_load(&bad_reads), 0);
    assert_int_equal(wf_dict_size(shared_dict), NKEYS);
    wf_value_decref(t, shared_dict);
    test_thread_end(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_list_append_and_get_from_four_threads),
        cmocka_unit_test(test_dict_set_and_get_from_four_threads),
        cmocka_unit_test(test_dict_iteration_while_values_change),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
