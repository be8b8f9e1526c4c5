/* Containers, sequences: tuple, list, slice and range through their C API and their
 * type slots, checked against CPython 3.11's reprs, hashes and error messages. */
#include "harness.h"

#include <string.h>

#include "runtime/abstract.h"
#include "runtime/callable.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/range.h"
#include "runtime/singletons.h"
#include "runtime/slice.h"
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

/* repr(v) equals the expected text; v is consumed. */
static void check_repr(wf_value v, const char *expected)
{
    assert_true(v != WF_NULL);
    wf_value r = wf_repr(t, v);
    assert_true(r != WF_NULL);
    assert_string_equal(wf_str_utf8(r), expected);
    wf_value_decref(t, r);
    wf_value_decref(t, v);
}

/* The pending exception is of `type` with str(args[0]) == msg; it is cleared. */
static void check_error(wf_type *type, const char *msg)
{
    assert_true(wf_err_occurred(t));
    bool matches = wf_err_matches(t, type);
    wf_value exc = wf_err_fetch(t);
    wf_value s = wf_str(t, exc);
    if (!matches)
        fail_msg("expected %s(%s), got %s(%s)", type->tp_name, msg, wf_type_name(wf_type_of(exc)),
                 s ? wf_str_utf8(s) : "?");
    assert_true(s != WF_NULL);
    assert_string_equal(wf_str_utf8(s), msg);
    wf_value_decref(t, s);
    wf_value_decref(t, exc);
}

/* self.name(*args) */
static wf_value call(wf_value self, const char *name, const wf_value *args, size_t nargs)
{
    return wf_call_method(t, self, wf_str_intern_cstr(t, name), args, nargs);
}

static wf_value list_of(int n, const int64_t *items)
{
    wf_value l = wf_list_new(t, 0);
    for (int i = 0; i < n; i++)
        assert_int_equal(wf_list_append(t, l, I(items[i])), 0);
    return l;
}

/* ---- tuple ------------------------------------------------------------------------- */

static void test_tuple_repr_matches_cpython(void **state)
{
    (void)state;
    check_repr(wf_tuple_empty(), "()");
    check_repr(wf_tuple_pack(t, 1, I(1)), "(1,)");
    wf_value inner = wf_tuple_pack(t, 2, I(2), I(3));
    check_repr(wf_tuple_pack(t, 2, I(1), inner), "(1, (2, 3))");
    wf_value_decref(t, inner);
}

static void test_tuple_hash_is_cpython_xxhash(void **state)
{
    (void)state;
    /* values printed by CPython 3.11: hash(()), hash((1,)), hash((1, 2, 3)) */
    wf_value e = wf_tuple_empty(), one = wf_tuple_pack(t, 1, I(1));
    wf_value three = wf_tuple_pack(t, 3, I(1), I(2), I(3));
    assert_true(wf_hash(t, e) == 5740354900026072187LL);
    assert_true(wf_hash(t, one) == -6644214454873602895LL);
    assert_true(wf_hash(t, three) == 529344067295497451LL);
    wf_value_decref(t, one);
    wf_value_decref(t, three);
}

static void test_tuple_compares_lexicographically(void **state)
{
    (void)state;
    wf_value a = wf_tuple_pack(t, 2, I(1), I(2)), b = wf_tuple_pack(t, 2, I(1), I(3));
    wf_value c = wf_tuple_pack(t, 3, I(1), I(2), I(0));
    assert_int_equal(wf_richcompare_bool(t, a, b, WF_CMP_LT), 1);
    assert_int_equal(wf_richcompare_bool(t, a, c, WF_CMP_LT), 1);
    assert_int_equal(wf_richcompare_bool(t, c, a, WF_CMP_GE), 1);
    assert_int_equal(wf_richcompare_bool(t, a, b, WF_CMP_EQ), 0);
    wf_value a2 = wf_tuple_pack(t, 2, I(1), I(2));
    assert_int_equal(wf_richcompare_bool(t, a, a2, WF_CMP_EQ), 1);
    wf_value vals[] = {a, b, c, a2};
    for (int i = 0; i < 4; i++)
        wf_value_decref(t, vals[i]);
}

static void test_tuple_indexing_and_errors(void **state)
{
    (void)state;
    wf_value tu = wf_tuple_pack(t, 3, I(10), I(20), I(30));
    wf_value v = wf_getitem(t, tu, I(-1));
    assert_true(v == I(30));
    assert_true(wf_getitem(t, tu, I(3)) == WF_NULL);
    check_error(&wf_exc_IndexError, "tuple index out of range");
    wf_value s = wf_slice_new(t, WF_NONE, WF_NONE, I(-2));
    check_repr(wf_getitem(t, tu, s), "(30, 10)");
    wf_value_decref(t, s);
    wf_value key = wf_str_from_cstr(t, "a");
    assert_true(wf_getitem(t, tu, key) == WF_NULL);
    check_error(&wf_exc_TypeError, "tuple indices must be integers or slices, not str");
    wf_value_decref(t, key);
    assert_true(call(tu, "index", (wf_value[]){I(20)}, 1) == I(1));
    assert_true(call(tu, "index", (wf_value[]){I(5)}, 1) == WF_NULL);
    check_error(&wf_exc_ValueError, "tuple.index(x): x not in tuple");
    assert_true(call(tu, "count", (wf_value[]){I(10)}, 1) == I(1));
    assert_int_equal(wf_contains(t, tu, I(20)), 1);
    assert_int_equal(wf_contains(t, tu, I(21)), 0);
    wf_value_decref(t, tu);
}

static void test_tuple_concat_and_repeat(void **state)
{
    (void)state;
    wf_value a = wf_tuple_pack(t, 1, I(1)), b = wf_tuple_pack(t, 2, I(2), I(3));
    check_repr(wf_binary_op(t, a, b, WF_NB_ADD), "(1, 2, 3)");
    check_repr(wf_binary_op(t, b, I(2), WF_NB_MULTIPLY), "(2, 3, 2, 3)");
    check_repr(wf_binary_op(t, I(0), b, WF_NB_MULTIPLY), "()");
    assert_true(wf_binary_op(t, a, I(1), WF_NB_ADD) == WF_NULL);
    check_error(&wf_exc_TypeError, "can only concatenate tuple (not \"int\") to tuple");
    wf_value_decref(t, a);
    wf_value_decref(t, b);
}

/* ---- list -------------------------------------------------------------------------- */

static void test_list_methods_and_messages(void **state)
{
    (void)state;
    wf_value l = list_of(3, (int64_t[]){1, 2, 3});
    assert_true(call(l, "insert", (wf_value[]){I(-100), I(0)}, 2) == WF_NONE);
    assert_true(call(l, "insert", (wf_value[]){I(100), I(4)}, 2) == WF_NONE);
    check_repr(wf_newref(t, l), "[0, 1, 2, 3, 4]");
    assert_true(call(l, "pop", NULL, 0) == I(4));
    assert_true(call(l, "pop", (wf_value[]){I(0)}, 1) == I(0));
    assert_true(call(l, "pop", (wf_value[]){I(7)}, 1) == WF_NULL);
    check_error(&wf_exc_IndexError, "pop index out of range");
    assert_true(call(l, "remove", (wf_value[]){I(2)}, 1) == WF_NONE);
    assert_true(call(l, "remove", (wf_value[]){I(2)}, 1) == WF_NULL);
    check_error(&wf_exc_ValueError, "list.remove(x): x not in list");
    assert_true(call(l, "index", (wf_value[]){I(9)}, 1) == WF_NULL);
    check_error(&wf_exc_ValueError, "9 is not in list");
    assert_true(call(l, "index", (wf_value[]){I(3), I(-1)}, 2) == I(1));
    assert_true(call(l, "reverse", NULL, 0) == WF_NONE);
    check_repr(wf_newref(t, l), "[3, 1]");
    assert_true(call(l, "clear", NULL, 0) == WF_NONE);
    assert_true(call(l, "pop", NULL, 0) == WF_NULL);
    check_error(&wf_exc_IndexError, "pop from empty list");
    assert_true(wf_list_get(t, l, 0) == WF_NULL);
    check_error(&wf_exc_IndexError, "list index out of range");
    wf_value_decref(t, l);
}

static void test_list_slices_get_set_delete(void **state)
{
    (void)state;
    wf_value l = list_of(6, (int64_t[]){0, 1, 2, 3, 4, 5});
    wf_value s = wf_slice_new(t, I(1), I(5), I(2));
    check_repr(wf_getitem(t, l, s), "[1, 3]");
    wf_value three = list_of(3, (int64_t[]){7, 8, 9});
    assert_int_equal(wf_setitem(t, l, s, three), -1);
    check_error(&wf_exc_ValueError,
                "attempt to assign sequence of size 3 to extended slice of size 2");
    wf_value two = list_of(2, (int64_t[]){7, 8});
    assert_int_equal(wf_setitem(t, l, s, two), 0);
    check_repr(wf_newref(t, l), "[0, 7, 2, 8, 4, 5]");
    wf_value rev = wf_slice_new(t, WF_NONE, WF_NONE, I(-2));
    assert_int_equal(wf_delitem(t, l, rev), 0); /* deletes indices 5, 3, 1 */
    check_repr(wf_newref(t, l), "[0, 2, 4]");
    wf_value head = wf_slice_new(t, I(0), I(1), WF_NONE);
    assert_int_equal(wf_setitem(t, l, head, three), 0); /* grows */
    check_repr(wf_newref(t, l), "[7, 8, 9, 2, 4]");
    assert_int_equal(wf_setitem(t, l, head, I(1)), -1);
    check_error(&wf_exc_TypeError, "can only assign an iterable");
    wf_value zero = wf_slice_new(t, I(0), I(1), I(0));
    assert_true(wf_getitem(t, l, zero) == WF_NULL);
    check_error(&wf_exc_ValueError, "slice step cannot be zero");
    wf_value vals[] = {l, s, three, two, rev, head, zero};
    for (int i = 0; i < 7; i++)
        wf_value_decref(t, vals[i]);
}

static void test_list_repr_guards_recursion(void **state)
{
    (void)state;
    wf_value l = list_of(1, (int64_t[]){1});
    assert_int_equal(wf_list_append(t, l, l), 0);
    check_repr(wf_newref(t, l), "[1, [...]]");
    assert_true(call(l, "clear", NULL, 0) == WF_NONE); /* break the cycle */
    wf_value_decref(t, l);
}

static void test_list_operators(void **state)
{
    (void)state;
    wf_value a = list_of(2, (int64_t[]){1, 2}), b = list_of(1, (int64_t[]){3});
    check_repr(wf_binary_op(t, a, b, WF_NB_ADD), "[1, 2, 3]");
    check_repr(wf_binary_op(t, b, I(3), WF_NB_MULTIPLY), "[3, 3, 3]");
    wf_value tu = wf_tuple_pack(t, 1, I(1));
    assert_true(wf_binary_op(t, a, tu, WF_NB_ADD) == WF_NULL);
    check_error(&wf_exc_TypeError, "can only concatenate list (not \"tuple\") to list");
    wf_value r = wf_binary_op(t, a, tu, WF_NB_INPLACE + WF_NB_ADD); /* += takes any iterable */
    assert_true(r == a);
    wf_value_decref(t, r);
    check_repr(wf_newref(t, a), "[1, 2, 1]");
    assert_int_equal(wf_richcompare_bool(t, a, b, WF_CMP_LT), 1);
    wf_value_decref(t, a);
    wf_value_decref(t, b);
    wf_value_decref(t, tu);
}

/* key(item) = item[0], a built-in function made for the test. */
static wf_value first_item(wf_thread *th, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    (void)self, (void)nargs, (void)kwnames;
    return wf_getitem(th, args[0], I(0));
}
static const wf_method_def first_item_def = {"first", first_item, 0};

static void test_sort_is_stable_with_key_and_reverse(void **state)
{
    (void)state;
    /* pairs (key, original position): equal keys must keep their order */
    int64_t keys[] = {3, 1, 2, 1, 3, 2, 1, 0, 2, 3, 1, 0, 2, 1, 3, 0, 1, 2, 3, 1, 0};
    size_t n = sizeof keys / sizeof keys[0];
    wf_value l = wf_list_new(t, 0);
    for (size_t i = 0; i < n; i++) {
        wf_value p = wf_tuple_pack(t, 2, I(keys[i]), I((int64_t)i));
        wf_list_append(t, l, p);
        wf_value_decref(t, p);
    }
    wf_value key = wf_builtin_new(t, &first_item_def, WF_NULL);
    for (int reverse = 0; reverse <= 1; reverse++) {
        assert_int_equal(wf_list_sort(t, l, key, reverse), 0);
        for (size_t i = 1; i < n; i++) {
            wf_value a = wf_list_get(t, l, (int64_t)i - 1), b = wf_list_get(t, l, (int64_t)i);
            int64_t ka = wf_smallint_unbox(WF_TUPLE_ITEMS(a)[0]);
            int64_t kb = wf_smallint_unbox(WF_TUPLE_ITEMS(b)[0]);
            assert_true(reverse ? ka >= kb : ka <= kb);
            if (ka == kb) /* stable: original positions ascend */
                assert_true(wf_smallint_unbox(WF_TUPLE_ITEMS(a)[1]) <
                            wf_smallint_unbox(WF_TUPLE_ITEMS(b)[1]));
            wf_value_decref(t, a);
            wf_value_decref(t, b);
        }
        /* re-sort by position to undo for the next round */
        assert_int_equal(wf_list_sort(t, l, WF_NULL, false), 0);
    }
    wf_value_decref(t, key);
    wf_value_decref(t, l);
}

static void test_sort_propagates_comparison_errors(void **state)
{
    (void)state;
    wf_value l = list_of(2, (int64_t[]){1, 2});
    wf_value s = wf_str_from_cstr(t, "x");
    wf_list_append(t, l, s);
    assert_int_equal(wf_list_sort(t, l, WF_NULL, false), -1);
    check_error(&wf_exc_TypeError, "'<' not supported between instances of 'str' and 'int'");
    assert_int_equal(wf_list_size(l), 3); /* nothing lost */
    wf_value_decref(t, s);
    wf_value_decref(t, l);
}

static wf_value sort_list; /* the list a key function mutates */
static wf_value mutating_key(wf_thread *th, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    (void)self, (void)nargs, (void)kwnames;
    wf_list_append(th, sort_list, I(99));
    return wf_newref(th, args[0]);
}
static const wf_method_def mutating_key_def = {"k", mutating_key, 0};

static void test_sort_detects_modification(void **state)
{
    (void)state;
    sort_list = list_of(3, (int64_t[]){3, 2, 1});
    wf_value key = wf_builtin_new(t, &mutating_key_def, WF_NULL);
    assert_int_equal(wf_list_sort(t, sort_list, key, false), -1);
    check_error(&wf_exc_ValueError, "list modified during sort");
    check_repr(wf_newref(t, sort_list), "[1, 2, 3]");
    wf_value_decref(t, key);
    wf_value_decref(t, sort_list);
}

/* ---- slice ---------------------------------------------------------------------------- */

static void test_slice_adjust_matches_cpython(void **state)
{
    (void)state;
    /* slice(None, None, -1).indices(5) == (4, -1, -1); slice(-100, 100).indices(5) ==
     * (0, 5, 1); slice(10, 2, -3).indices(5) == (4, 2, -3) with 1 item */
    wf_value s = wf_slice_new(t, WF_NONE, WF_NONE, I(-1));
    check_repr(call(s, "indices", (wf_value[]){I(5)}, 1), "(4, -1, -1)");
    wf_value_decref(t, s);
    s = wf_slice_new(t, I(-100), I(100), WF_NONE);
    check_repr(call(s, "indices", (wf_value[]){I(5)}, 1), "(0, 5, 1)");
    wf_value_decref(t, s);
    int64_t start, stop, step;
    s = wf_slice_new(t, I(10), I(2), I(-3));
    assert_int_equal(wf_slice_unpack(t, s, &start, &stop, &step), 0);
    assert_true(wf_slice_adjust(5, &start, &stop, step) == 1);
    assert_true(start == 4 && stop == 2 && step == -3);
    check_repr(s, "slice(10, 2, -3)");
}

/* ---- range ---------------------------------------------------------------------------- */

static wf_value make_range(int64_t a, int64_t b, int64_t c)
{
    return wf_range_new(t, I(a), I(b), I(c));
}

static void test_range_repr_len_and_slices(void **state)
{
    (void)state;
    wf_value r = make_range(0, 10, 3);
    check_repr(wf_newref(t, r), "range(0, 10, 3)");
    assert_int_equal(wf_len(t, r), 4);
    wf_value rev = wf_slice_new(t, WF_NONE, WF_NONE, I(-1));
    check_repr(wf_getitem(t, r, rev), "range(9, -3, -3)");
    assert_true(wf_getitem(t, r, I(-1)) == I(9));
    assert_true(wf_getitem(t, r, I(4)) == WF_NULL);
    check_error(&wf_exc_IndexError, "range object index out of range");
    assert_int_equal(wf_contains(t, r, I(6)), 1);
    assert_int_equal(wf_contains(t, r, I(4)), 0);
    assert_true(call(r, "index", (wf_value[]){I(4)}, 1) == WF_NULL);
    check_error(&wf_exc_ValueError, "4 is not in range");
    check_repr(make_range(0, 5, 1), "range(0, 5)");
    wf_value ten = make_range(0, 10, 1), minus3 = wf_slice_new(t, WF_NONE, WF_NONE, I(-3));
    check_repr(wf_getitem(t, ten, minus3), "range(9, -1, -3)");
    wf_value_decref(t, ten);
    wf_value_decref(t, minus3);
    assert_true(wf_range_new(t, I(1), I(2), I(0)) == WF_NULL);
    check_error(&wf_exc_ValueError, "range() arg 3 must not be zero");
    wf_value_decref(t, rev);
    wf_value_decref(t, r);
}

static void test_range_equality_and_hash_as_cpython(void **state)
{
    (void)state;
    wf_value a = make_range(0, 0, 1), b = make_range(5, 1, 1);
    assert_int_equal(wf_richcompare_bool(t, a, b, WF_CMP_EQ), 1); /* both empty */
    wf_value c = make_range(0, 3, 1), d = make_range(0, 3, 2);
    assert_int_equal(wf_richcompare_bool(t, c, d, WF_CMP_EQ), 0);
    wf_value e = make_range(5, 6, 1), f = make_range(0, 10, 3), g = make_range(5, 7, 9);
    /* equal ranges hash alike (hash(None) varies per process, so only relations are
     * checked for those); hash(range(0, 10, 3)) is CPython 3.11's value */
    assert_true(wf_hash(t, a) == wf_hash(t, b));
    assert_true(wf_hash(t, e) == wf_hash(t, g));
    assert_int_equal(wf_richcompare_bool(t, e, g, WF_CMP_EQ), 1);
    assert_true(wf_hash(t, f) == -1816567394155750349LL);
    wf_value vals[] = {a, b, c, d, e, f, g};
    for (int i = 0; i < 7; i++)
        wf_value_decref(t, vals[i]);
}

static void test_range_iterates_forward_and_backward(void **state)
{
    (void)state;
    wf_value r = make_range(0, 10, 3);
    wf_value it = wf_iter(t, r);
    int64_t expect[] = {0, 3, 6, 9};
    for (int i = 0; i < 4; i++)
        assert_true(wf_iter_next(t, it) == I(expect[i]));
    assert_true(wf_iter_next(t, it) == WF_NULL && !wf_err_occurred(t));
    wf_value_decref(t, it);
    wf_value rit = call(r, "__reversed__", NULL, 0);
    for (int i = 3; i >= 0; i--)
        assert_true(wf_iter_next(t, rit) == I(expect[i]));
    assert_true(wf_iter_next(t, rit) == WF_NULL);
    wf_value_decref(t, rit);
    wf_value_decref(t, r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tuple_repr_matches_cpython),
        cmocka_unit_test(test_tuple_hash_is_cpython_xxhash),
        cmocka_unit_test(test_tuple_compares_lexicographically),
        cmocka_unit_test(test_tuple_indexing_and_errors),
        cmocka_unit_test(test_tuple_concat_and_repeat),
        cmocka_unit_test(test_list_methods_and_messages),
        cmocka_unit_test(test_list_slices_get_set_delete),
        cmocka_unit_test(test_list_repr_guards_recursion),
        cmocka_unit_test(test_list_operators),
        cmocka_unit_test(test_sort_is_stable_with_key_and_reverse),
        cmocka_unit_test(test_sort_propagates_comparison_errors),
        cmocka_unit_test(test_sort_detects_modification),
        cmocka_unit_test(test_slice_adjust_matches_cpython),
        cmocka_unit_test(test_range_repr_len_and_slices),
        cmocka_unit_test(test_range_equality_and_hash_as_cpython),
        cmocka_unit_test(test_range_iterates_forward_and_backward),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
