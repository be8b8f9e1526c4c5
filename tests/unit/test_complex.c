/* complex (runtime/complex.c) and the float operations that meet it: repr of signed
 * zeros and special values, CPython's hash, the reflected slots that let int and float
 * operands reach complex arithmetic, division and power errors, complex(str), a
 * negative float to a fractional power, and float.fromhex. */
#include "harness.h"

#include <math.h>
#include <string.h>

#include "runtime/abstract.h"
#include "runtime/complex.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
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

/* The pending exception is `type` with message `msg`; clears it. */
static void assert_raised(wf_type *type, const char *msg)
{
    wf_value e = wf_err_fetch(t);
    assert_non_null((void *)e);
    assert_string_equal(wf_type_name(wf_type_of(e)), type->tp_name);
    assert_text(wf_str(t, e), msg);
    wf_value_decref(t, e);
}

static void assert_repr(double re, double im, const char *want)
{
    wf_value c = wf_complex_new(t, re, im);
    assert_text(wf_repr(t, c), want);
    wf_value_decref(t, c);
}

/* The complex v (consumed) has exactly these parts, signs of zeros included. */
static void assert_parts(wf_value v, double re, double im)
{
    assert_non_null((void *)v);
    assert_true(wf_complex_check(v));
    assert_memory_equal(&((wf_complex_object *)wf_to_object(v))->real, &re, sizeof re);
    assert_memory_equal(&((wf_complex_object *)wf_to_object(v))->imag, &im, sizeof im);
    wf_value_decref(t, v);
}

/* complex(text) through the type's constructor. */
static wf_value complex_of(const char *text)
{
    wf_value s = wf_str_from_cstr(t, text);
    wf_value r = wf_call(t, wf_type_value(&wf_complex_type), &s, 1, 0);
    wf_value_decref(t, s);
    return r;
}

static void test_repr_leaves_out_a_positive_zero_real_part(void **state)
{
    (void)state;
    assert_repr(1, 2, "(1+2j)");
    assert_repr(0.0, 4, "4j");
    assert_repr(1.5, -2, "(1.5-2j)");
    assert_repr(-0.0, -0.0, "(-0-0j)");
    assert_repr(0.0, -0.0, "-0j");
    assert_repr(NAN, INFINITY, "(nan+infj)");
    assert_repr(-NAN, -NAN, "(nan+nanj)");
    assert_repr(1e-5, 1e16, "(1e-05+1e+16j)");
}

static void test_hash_matches_cpython_and_equal_reals(void **state)
{
    (void)state;
    wf_value c = wf_complex_new(t, 1, 2);
    assert_int_equal(wf_hash(t, c), 2000007);
    wf_value_decref(t, c);
    c = wf_complex_new(t, -1, 0); /* hash(-1.0) is -2, and so is the sum */
    assert_int_equal(wf_hash(t, c), -2);
    wf_value_decref(t, c);
    c = wf_complex_new(t, 0, -1);
    assert_int_equal(wf_hash(t, c), -2000006);
    wf_value_decref(t, c);
    c = wf_complex_new(t, 0.5, 0);
    wf_value f = wf_float_new(t, 0.5);
    assert_int_equal(wf_hash(t, c), wf_hash(t, f));
    assert_true(wf_richcompare_bool(t, c, f, WF_CMP_EQ) == 1);
    wf_value_decref(t, f);
    wf_value_decref(t, c);
}

static void test_int_and_float_operands_reach_the_complex_slot(void **state)
{
    (void)state;
    wf_value j = wf_complex_new(t, 0, 1);
    assert_parts(wf_binary_op(t, wf_smallint_box(2), j, WF_NB_MULTIPLY), 0, 2);
    wf_value f = wf_float_new(t, 1.5);
    assert_parts(wf_binary_op(t, f, j, WF_NB_SUBTRACT), 1.5, -1);
    assert_parts(wf_binary_op(t, j, f, WF_NB_ADD), 1.5, 1);
    wf_value_decref(t, f);
    assert_true(wf_binary_op(t, j, wf_smallint_box(1), WF_NB_FLOOR_DIVIDE) == 0);
    assert_raised(&wf_exc_TypeError, "unsupported operand type(s) for //: 'complex' and 'int'");
    assert_true(wf_richcompare(t, j, wf_smallint_box(1), WF_CMP_LT) == 0);
    assert_raised(&wf_exc_TypeError, "'<' not supported between instances of 'complex' and 'int'");
    wf_value_decref(t, j);
}

static void test_division_and_power_errors(void **state)
{
    (void)state;
    wf_value zero = wf_complex_new(t, 0, 0), one = wf_complex_new(t, 1, 2);
    assert_true(wf_binary_op(t, one, zero, WF_NB_TRUE_DIVIDE) == 0);
    assert_raised(&wf_exc_ZeroDivisionError, "complex division by zero");
    assert_true(wf_binary_op(t, zero, wf_smallint_box(-1), WF_NB_POWER) == 0);
    assert_raised(&wf_exc_ZeroDivisionError, "0.0 to a negative or complex power");
    assert_true(wf_power3(t, one, wf_smallint_box(2), wf_smallint_box(3)) == 0);
    assert_raised(&wf_exc_ValueError, "complex modulo");
    wf_value big = wf_complex_new(t, 1.5e308, 1.5e308);
    assert_true(wf_absolute(t, big) == 0);
    assert_raised(&wf_exc_OverflowError, "absolute value too large");
    wf_value_decref(t, big);
    wf_value_decref(t, zero);
    wf_value_decref(t, one);
}

static void test_integral_exponents_multiply_exactly(void **state)
{
    (void)state;
    /* c_powi: (1+1j)**101 by repeated squaring, as CPython (polar form would round) */
    assert_parts(wf_complex_pow_parts(t, 1, 1, 101, 0), -1125899906842634.5, -1125899906842629.5);
    assert_parts(wf_complex_pow_parts(t, 1, 1, -3, 0), -0.25, -0.25);
    assert_parts(wf_complex_pow_parts(t, 0, 2, 2, 0), -4, 0);
}

static void test_negative_float_to_fractional_power_is_complex(void **state)
{
    (void)state;
    assert_parts(wf_float_pow_doubles(t, -8, 0.5), 1.7319121124709868e-16, 2.8284271247461903);
    wf_value r = wf_float_pow_doubles(t, -8, 2.0);
    assert_true(wf_float_check(r) && wf_float_value(r) == 64.0);
    wf_value_decref(t, r);
}

static void test_complex_from_strings(void **state)
{
    (void)state;
    assert_parts(complex_of(" (3-4J) "), 3, -4);
    assert_parts(complex_of("1e3j"), 0, 1000);
    assert_parts(complex_of("-j"), 0, -1);
    assert_parts(complex_of("1+j"), 1, 1);
    assert_parts(complex_of("1_0.5j"), 0, 10.5);
    assert_parts(complex_of("-inf"), -INFINITY, 0);
    assert_true(complex_of("1 + 2j") == 0);
    assert_raised(&wf_exc_ValueError, "complex() arg is a malformed string");
    assert_true(complex_of("1e") == 0);
    assert_raised(&wf_exc_ValueError, "complex() arg is a malformed string");
    assert_true(complex_of("1__2j") == 0);
    assert_raised(&wf_exc_ValueError, "could not convert string to complex: '1__2j'");
}

static wf_value fromhex(const char *text)
{
    wf_value s = wf_str_from_cstr(t, text);
    wf_value r =
        wf_call_method(t, wf_type_value(&wf_float_type), wf_str_intern_cstr(t, "fromhex"), &s, 1);
    wf_value_decref(t, s);
    return r;
}

static void assert_fromhex(const char *text, double want)
{
    wf_value r = fromhex(text);
    assert_non_null((void *)r);
    assert_memory_equal(&((wf_float_object *)wf_to_object(r))->value, &want, sizeof want);
    wf_value_decref(t, r);
}

static void test_fromhex_rounds_half_even_and_reports_errors(void **state)
{
    (void)state;
    assert_fromhex("0x1.8p1", 3.0);
    assert_fromhex("-0x1p-2", -0.25);
    assert_fromhex(" 0X1P-1074 ", 5e-324);
    assert_fromhex("0x1.00000000000008p0", 1.0);                /* tie: to even */
    assert_fromhex("0x1.00000000000018p0", 1.0000000000000004); /* tie: up to even */
    assert_fromhex("0x1.8p-1075", 5e-324);
    assert_fromhex("-Infinity", -INFINITY);
    assert_true(fromhex("0x1.fffffffffffff8p1023") == 0);
    assert_raised(&wf_exc_OverflowError, "hexadecimal value too large to represent as a float");
    assert_true(fromhex("0x1p") == 0);
    assert_raised(&wf_exc_ValueError, "invalid hexadecimal floating-point string");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_repr_leaves_out_a_positive_zero_real_part),
        cmocka_unit_test(test_hash_matches_cpython_and_equal_reals),
        cmocka_unit_test(test_int_and_float_operands_reach_the_complex_slot),
        cmocka_unit_test(test_division_and_power_errors),
        cmocka_unit_test(test_integral_exponents_multiply_exactly),
        cmocka_unit_test(test_negative_float_to_fractional_power_is_complex),
        cmocka_unit_test(test_complex_from_strings),
        cmocka_unit_test(test_fromhex_rounds_half_even_and_reports_errors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
