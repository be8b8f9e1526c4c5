/* Containers, iterators: zip (strict=True messages), enumerate, map, filter, reversed,
 * the sequence iterator and iter(callable, sentinel), through the types' constructors
 * as Python calls them. */
#include "harness.h"

#include "runtime/abstract.h"
#include "runtime/callable.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/iterators.h"
#include "runtime/list.h"
#include "runtime/set.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

static wf_thread *t;

static int setup(void **state)
{
    (void)state;
    t = test_thread_begin();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    test_thread_end(t);
    return 0;
}

#define I(n) wf_smallint_box(n)

static void check_repr(wf_value v, const char *expected)
{
    assert_true(v != WF_NULL);
    wf_value r = wf_repr(t, v);
    assert_true(r != WF_NULL);
    assert_string_equal(wf_str_utf8(r), expected);
    wf_value_decref(t, r);
    wf_value_decref(t, v);
}

static void check_error(wf_type *type, const char *msg)
{
    assert_true(wf_err_occurred(t));
    bool matches = wf_err_matches(t, type);
    wf_value exc = wf_err_fetch(t);
    wf_value s = wf_str(t, exc);
    if (!matches)
        fail_msg("expected %s(%s), got %s(%s)", type->tp_name, msg, wf_type_name(wf_type_of(exc)),
                 s ? wf_str_utf8(s) : "?");
    assert_string_equal(wf_str_utf8(s), msg);
    wf_value_decref(t, s);
    wf_value_decref(t, exc);
}

static wf_value range_list(int64_t n)
{
    wf_value l = wf_list_new(t, 0);
    for (int64_t i = 0; i < n; i++)
        wf_list_append(t, l, I(i));
    return l;
}

/* list(type(*args, **{kw: kwvalue})) */
static wf_value run(wf_type *type, const wf_value *args, size_t nargs, const char *kw,
                    wf_value kwvalue)
{
    wf_value argv[8];
    for (size_t i = 0; i < nargs; i++)
        argv[i] = args[i];
    wf_value kwnames = WF_NULL;
    if (kw) {
        wf_value name = wf_str_intern_cstr(t, kw);
        kwnames = wf_tuple_pack(t, 1, name);
        argv[nargs] = kwvalue;
    }
    wf_value it = wf_call(t, wf_type_value(type), argv, nargs, kwnames);
    if (kwnames)
        wf_value_decref(t, kwnames);
    if (!it)
        return WF_NULL;
    wf_value l = wf_list_new(t, 0);
    int r = wf_list_extend(t, l, it);
    wf_value_decref(t, it);
    if (r < 0) {
        wf_value_decref(t, l);
        return WF_NULL;
    }
    return l;
}

static void test_zip_strict_messages_match_cpython(void **state)
{
    (void)state;
    wf_value a = range_list(1), b = range_list(2), c = range_list(2);
    check_repr(run(&wf_zip_type, (wf_value[]){a, b}, 2, NULL, 0), "[(0, 0)]");
    assert_true(run(&wf_zip_type, (wf_value[]){a, b}, 2, "strict", WF_TRUE) == WF_NULL);
    check_error(&wf_exc_ValueError, "zip() argument 2 is longer than argument 1");
    assert_true(run(&wf_zip_type, (wf_value[]){b, a}, 2, "strict", WF_TRUE) == WF_NULL);
    check_error(&wf_exc_ValueError, "zip() argument 2 is shorter than argument 1");
    assert_true(run(&wf_zip_type, (wf_value[]){b, c, a}, 3, "strict", WF_TRUE) == WF_NULL);
    check_error(&wf_exc_ValueError, "zip() argument 3 is shorter than arguments 1-2");
    assert_true(run(&wf_zip_type, (wf_value[]){a, a, b}, 3, "strict", WF_TRUE) == WF_NULL);
    check_error(&wf_exc_ValueError, "zip() argument 3 is longer than arguments 1-2");
    check_repr(run(&wf_zip_type, (wf_value[]){b, c}, 2, "strict", WF_TRUE), "[(0, 0), (1, 1)]");
    assert_true(run(&wf_zip_type, (wf_value[]){a}, 1, "foo", WF_TRUE) == WF_NULL);
    check_error(&wf_exc_TypeError, "'foo' is an invalid keyword argument for zip()");
    wf_value_decref(t, a);
    wf_value_decref(t, b);
    wf_value_decref(t, c);
}

static void test_enumerate_map_filter(void **state)
{
    (void)state;
    wf_value l = range_list(3);
    check_repr(run(&wf_enumerate_type, &l, 1, "start", I(5)), "[(5, 0), (6, 1), (7, 2)]");
    assert_true(run(&wf_enumerate_type, NULL, 0, NULL, 0) == WF_NULL);
    check_error(&wf_exc_TypeError, "enumerate() missing required argument 'iterable'");
    wf_value s = wf_str_from_cstr(t, "a");
    assert_true(run(&wf_enumerate_type, &l, 1, "start", s) == WF_NULL);
    check_error(&wf_exc_TypeError, "'str' object cannot be interpreted as an integer");
    check_repr(run(&wf_filter_type, (wf_value[]){WF_NONE, l}, 2, NULL, 0), "[1, 2]");
    assert_true(run(&wf_filter_type, &l, 1, NULL, 0) == WF_NULL);
    check_error(&wf_exc_TypeError, "filter expected 2 arguments, got 1");
    assert_true(run(&wf_map_type, &l, 1, NULL, 0) == WF_NULL);
    check_error(&wf_exc_TypeError, "map() must have at least two arguments.");
    wf_value_decref(t, s);
    wf_value_decref(t, l);
}

static void test_reversed_uses_protocols(void **state)
{
    (void)state;
    wf_value l = range_list(3);
    check_repr(run(&wf_reversed_type, &l, 1, NULL, 0), "[2, 1, 0]");
    wf_value tu = wf_tuple_pack(t, 2, I(7), I(8)); /* no __reversed__: __len__/__getitem__ */
    check_repr(run(&wf_reversed_type, &tu, 1, NULL, 0), "[8, 7]");
    wf_value s = wf_set_new(t, l);
    assert_true(run(&wf_reversed_type, &s, 1, NULL, 0) == WF_NULL);
    check_error(&wf_exc_TypeError, "'set' object is not reversible");
    assert_true(run(&wf_reversed_type, (wf_value[]){I(1)}, 1, NULL, 0) == WF_NULL);
    check_error(&wf_exc_TypeError, "'int' object is not reversible");
    wf_value_decref(t, l);
    wf_value_decref(t, tu);
    wf_value_decref(t, s);
}

static void test_sequence_iterator_stops_at_index_error(void **state)
{
    (void)state;
    wf_value tu = wf_tuple_pack(t, 2, I(1), I(2));
    wf_value it = wf_seqiter_new(t, tu);
    assert_true(wf_iter_next(t, it) == I(1));
    assert_true(wf_iter_next(t, it) == I(2));
    assert_true(wf_iter_next(t, it) == WF_NULL);
    assert_false(wf_err_occurred(t));
    assert_true(wf_iter_next(t, it) == WF_NULL); /* stays exhausted */
    wf_value_decref(t, it);
    wf_value_decref(t, tu);
}

/* A callable returning 1, 2, 3, ... for iter(f, 3). */
static int64_t counter;
static wf_value count_up(wf_thread *th, wf_value self, const wf_value *args, size_t nargs,
                         wf_value kwnames)
{
    (void)th, (void)self, (void)args, (void)nargs, (void)kwnames;
    return I(++counter);
}
static const wf_method_def count_up_def = {"count_up", count_up, 0};

static void test_callable_iterator_stops_at_sentinel(void **state)
{
    (void)state;
    counter = 0;
    wf_value f = wf_builtin_new(t, &count_up_def, WF_NULL);
    wf_value it = wf_callable_iter_new(t, f, I(3));
    wf_value l = wf_list_new(t, 0);
    assert_int_equal(wf_list_extend(t, l, it), 0);
    check_repr(l, "[1, 2]");
    assert_true(wf_iter_next(t, it) == WF_NULL); /* exhausted: f is not called again */
    assert_true(counter == 3);
    wf_value_decref(t, it);
    wf_value_decref(t, f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_zip_strict_messages_match_cpython),
        cmocka_unit_test(test_enumerate_map_filter),
        cmocka_unit_test(test_reversed_uses_protocols),
        cmocka_unit_test(test_sequence_iterator_stops_at_index_error),
        cmocka_unit_test(test_callable_iterator_stops_at_sentinel),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
