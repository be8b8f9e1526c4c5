/* Tagged small ints: boxing, boundaries at +-2^62, and the points where arithmetic
 * must promote to a heap big int. */
#include "harness.h"

static void test_box_unbox_round_trips_at_the_boundaries(void **state)
{
    (void)state;
    intptr_t samples[] = {0,
                          1,
                          -1,
                          42,
                          -42,
                          WF_SMALLINT_MAX,
                          WF_SMALLINT_MIN,
                          WF_SMALLINT_MAX - 1,
                          WF_SMALLINT_MIN + 1};
    for (size_t i = 0; i < sizeof samples / sizeof *samples; i++) {
        wf_value v = wf_smallint_box(samples[i]);
        assert_true(wf_is_smallint(v));
        assert_false(wf_is_object(v));
        assert_true(wf_smallint_unbox(v) == samples[i]);
    }
}

static void test_range_is_exactly_63_bits(void **state)
{
    (void)state;
    assert_true(WF_SMALLINT_MAX == ((intptr_t)1 << 62) - 1);
    assert_true(WF_SMALLINT_MIN == -((intptr_t)1 << 62));
    assert_true(wf_smallint_fits(WF_SMALLINT_MAX));
    assert_true(wf_smallint_fits(WF_SMALLINT_MIN));
    assert_false(wf_smallint_fits((int64_t)1 << 62));
    assert_false(wf_smallint_fits(-((int64_t)1 << 62) - 1));
    assert_false(wf_smallint_fits(INT64_MAX));
    assert_false(wf_smallint_fits(INT64_MIN));
}

static void test_pointers_are_not_ints(void **state)
{
    (void)state;
    wf_object o;
    wf_value v = wf_from_object(&o);
    assert_true(wf_is_object(v));
    assert_false(wf_is_smallint(v));
    assert_ptr_equal(wf_to_object(v), &o);
}

static void test_add_promotes_exactly_past_max(void **state)
{
    (void)state;
    wf_value out = 0;
    assert_true(wf_smallint_add(WF_SMALLINT_MAX - 1, 1, &out));
    assert_true(wf_smallint_unbox(out) == WF_SMALLINT_MAX);
    assert_false(wf_smallint_add(WF_SMALLINT_MAX, 1, &out));
    assert_false(wf_smallint_add(WF_SMALLINT_MAX, WF_SMALLINT_MAX, &out));
    assert_true(wf_smallint_add(WF_SMALLINT_MIN, WF_SMALLINT_MAX, &out));
    assert_true(wf_smallint_unbox(out) == -1);
}

static void test_sub_promotes_exactly_past_min(void **state)
{
    (void)state;
    wf_value out = 0;
    assert_true(wf_smallint_sub(WF_SMALLINT_MIN + 1, 1, &out));
    assert_true(wf_smallint_unbox(out) == WF_SMALLINT_MIN);
    assert_false(wf_smallint_sub(WF_SMALLINT_MIN, 1, &out));
    assert_false(wf_smallint_sub(WF_SMALLINT_MIN, WF_SMALLINT_MAX, &out));
    assert_false(wf_smallint_neg(WF_SMALLINT_MIN, &out));
    assert_true(wf_smallint_neg(WF_SMALLINT_MAX, &out));
    assert_true(wf_smallint_unbox(out) == WF_SMALLINT_MIN + 1);
}

static void test_mul_boundaries(void **state)
{
    (void)state;
    wf_value out = 0;
    intptr_t two31 = (intptr_t)1 << 31;
    /* 2^62 does not fit, -2^62 does */
    assert_false(wf_smallint_mul(two31, two31, &out));
    assert_true(wf_smallint_mul(-two31, two31, &out));
    assert_true(wf_smallint_unbox(out) == WF_SMALLINT_MIN);
    /* overflows 64 bits, not just 63 */
    assert_false(wf_smallint_mul(WF_SMALLINT_MAX, WF_SMALLINT_MAX, &out));
    assert_false(wf_smallint_mul(WF_SMALLINT_MIN, -1, &out));
    assert_true(wf_smallint_mul(WF_SMALLINT_MAX, -1, &out));
    assert_true(wf_smallint_unbox(out) == -WF_SMALLINT_MAX);
    assert_true(wf_smallint_mul(3037000499, 1518500249, &out));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_box_unbox_round_trips_at_the_boundaries),
        cmocka_unit_test(test_range_is_exactly_63_bits),
        cmocka_unit_test(test_pointers_are_not_ints),
        cmocka_unit_test(test_add_promotes_exactly_past_max),
        cmocka_unit_test(test_sub_promotes_exactly_past_min),
        cmocka_unit_test(test_mul_boundaries),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
