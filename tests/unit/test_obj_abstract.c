/* The abstract operations' dispatch rules and CPython's TypeError messages when nothing
 * applies. */
#include "harness.h"

#include <string.h>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

static wf_thread *t;

static int setup(void **state)
{
    (void)state;
    t = test_thread_begin();
    wf_types_init(t);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    test_thread_end(t);
    return 0;
}

static void assert_text(wf_value s, const char *want)
{
    assert_non_null((void *)s);
    assert_string_equal(wf_str_utf8(s), want);
    wf_value_decref(t, s);
}

static void assert_raised(wf_type *type, const char *msg)
{
    wf_value e = wf_err_fetch(t);
    assert_non_null((void *)e);
    assert_string_equal(wf_type_name(wf_type_of(e)), type->tp_name);
    assert_text(wf_str(t, e), msg);
    wf_value_decref(t, e);
}

static const wf_value one = 3; /* wf_smallint_box(1) */

static void test_binary_op_without_a_slot_names_both_types(void **state)
{
    (void)state;
    wf_value s = wf_str_from_cstr(t, "a");
    assert_true(wf_binary_op(t, one, s, WF_NB_ADD) == 0);
    assert_raised(&wf_exc_TypeError, "unsupported operand type(s) for +: 'int' and 'str'");
    assert_true(wf_binary_op(t, WF_NONE, one, WF_NB_INPLACE + WF_NB_SUBTRACT) == 0);
    assert_raised(&wf_exc_TypeError, "unsupported operand type(s) for -=: 'NoneType' and 'int'");
    assert_true(wf_binary_op(t, WF_NONE, one, WF_NB_POWER) == 0);
    assert_raised(&wf_exc_TypeError,
                  "unsupported operand type(s) for ** or pow(): 'NoneType' and 'int'");
    wf_value_decref(t, s);
}

static void test_ordering_unrelated_types_is_a_type_error(void **state)
{
    (void)state;
    wf_value s = wf_str_from_cstr(t, "a");
    assert_true(wf_richcompare(t, one, s, WF_CMP_LT) == 0);
    assert_raised(&wf_exc_TypeError, "'<' not supported between instances of 'int' and 'str'");
    /* == falls back to identity */
    assert_true(wf_richcompare(t, one, s, WF_CMP_EQ) == WF_FALSE);
    assert_true(wf_richcompare(t, WF_NONE, WF_NONE, WF_CMP_EQ) == WF_TRUE);
    assert_int_equal(wf_richcompare_bool(t, WF_NONE, WF_ELLIPSIS, WF_CMP_NE), 1);
    wf_value_decref(t, s);
}

static void test_protocol_errors_match_cpython(void **state)
{
    (void)state;
    wf_value list = wf_list_new(t, 0);
    assert_int_equal(wf_hash(t, list), -1);
    assert_raised(&wf_exc_TypeError, "unhashable type: 'list'");
    assert_int_equal(wf_len(t, one), -1);
    assert_raised(&wf_exc_TypeError, "object of type 'int' has no len()");
    assert_true(wf_getitem(t, one, one) == 0);
    assert_raised(&wf_exc_TypeError, "'int' object is not subscriptable");
    assert_int_equal(wf_setitem(t, WF_NONE, one, one), -1);
    assert_raised(&wf_exc_TypeError, "'NoneType' object does not support item assignment");
    assert_true(wf_call(t, one, NULL, 0, 0) == 0);
    assert_raised(&wf_exc_TypeError, "'int' object is not callable");
    assert_true(wf_iter(t, one) == 0);
    assert_raised(&wf_exc_TypeError, "'int' object is not iterable");
    assert_int_equal(wf_contains(t, one, one), -1);
    assert_raised(&wf_exc_TypeError, "argument of type 'int' is not iterable");
    assert_true(wf_negative(t, WF_NONE) == 0);
    assert_raised(&wf_exc_TypeError, "bad operand type for unary -: 'NoneType'");
    assert_true(wf_absolute(t, WF_NONE) == 0);
    assert_raised(&wf_exc_TypeError, "bad operand type for abs(): 'NoneType'");
    assert_true(wf_index(t, WF_NONE) == 0);
    assert_raised(&wf_exc_TypeError, "'NoneType' object cannot be interpreted as an integer");
    wf_value_decref(t, list);
}

static void test_truth_uses_length_when_there_is_no_bool(void **state)
{
    (void)state;
    wf_value list = wf_list_new(t, 0);
    assert_int_equal(wf_truth(t, list), 0);
    assert_int_equal(wf_list_append(t, list, one), 0);
    assert_int_equal(wf_truth(t, list), 1);
    assert_int_equal(wf_truth(t, wf_smallint_box(0)), 0);
    assert_int_equal(wf_truth(t, WF_ELLIPSIS), 1);
    wf_value_decref(t, list);
}

static void test_object_format_accepts_only_the_empty_spec(void **state)
{
    (void)state;
    wf_value o = wf_call(t, wf_type_value(&wf_object_type), NULL, 0, 0);
    wf_value spec = wf_str_from_cstr(t, "x");
    assert_true(wf_format(t, o, spec) == 0);
    assert_raised(&wf_exc_TypeError, "unsupported format string passed to object.__format__");
    wf_value s = wf_format(t, o, 0);
    wf_value r = wf_repr(t, o);
    assert_string_equal(wf_str_utf8(s), wf_str_utf8(r));
    wf_value_decref(t, s);
    wf_value_decref(t, r);
    wf_value_decref(t, spec);
    wf_value_decref(t, o);
}

static void test_isinstance_with_tuples_and_bad_arguments(void **state)
{
    (void)state;
    wf_value types = wf_tuple_pack(t, 2, wf_type_value(&wf_str_type), wf_type_value(&wf_int_type));
    assert_int_equal(wf_isinstance(t, WF_TRUE, types), 1);
    assert_int_equal(wf_isinstance(t, WF_NONE, types), 0);
    assert_int_equal(wf_isinstance(t, WF_NONE, one), -1);
    assert_raised(&wf_exc_TypeError,
                  "isinstance() arg 2 must be a type, a tuple of types, or a union");
    assert_int_equal(wf_issubclass(t, wf_type_value(&wf_bool_type), types), 1);
    assert_int_equal(wf_issubclass(t, one, types), -1);
    assert_raised(&wf_exc_TypeError, "issubclass() arg 1 must be a class");
    wf_value_decref(t, types);
}

static void test_keyword_arguments_through_call_tuple_dict(void **state)
{
    (void)state;
    wf_value args = wf_tuple_pack(t, 1, one);
    wf_value kwargs = wf_dict_new(t);
    assert_int_equal(wf_dict_set_cstr(t, kwargs, "x", one), 0);
    assert_true(wf_call_tuple_dict(t, wf_type_value(&wf_exc_ValueError), args, kwargs) == 0);
    assert_raised(&wf_exc_TypeError, "ValueError() takes no keyword arguments");
    wf_value e = wf_call_tuple_dict(t, wf_type_value(&wf_exc_ValueError), args, 0);
    assert_text(wf_repr(t, e), "ValueError(1)");
    wf_value_decref(t, e);
    wf_value_decref(t, kwargs);
    wf_value_decref(t, args);
}

static void test_deep_repr_raises_recursion_error(void **state)
{
    (void)state;
    int saved = t->recursion_limit;
    t->recursion_limit = 50;
    wf_value v = wf_tuple_empty();
    for (int i = 0; i < 100; i++) {
        wf_value outer = wf_tuple_pack(t, 1, v);
        wf_value_decref(t, v);
        v = outer;
    }
    assert_true(wf_repr(t, v) == 0);
    assert_raised(&wf_exc_RecursionError,
                  "maximum recursion depth exceeded while getting the repr of an object");
    assert_int_equal(t->recursion_depth, 0);
    t->recursion_limit = saved;
    wf_value_decref(t, v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_binary_op_without_a_slot_names_both_types),
        cmocka_unit_test(test_ordering_unrelated_types_is_a_type_error),
        cmocka_unit_test(test_protocol_errors_match_cpython),
        cmocka_unit_test(test_truth_uses_length_when_there_is_no_bool),
        cmocka_unit_test(test_object_format_accepts_only_the_empty_spec),
        cmocka_unit_test(test_isinstance_with_tuples_and_bad_arguments),
        cmocka_unit_test(test_keyword_arguments_through_call_tuple_dict),
        cmocka_unit_test(test_deep_repr_raises_recursion_error),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
