/* Critical sections: nesting, two-object sections, and suspension while blocked. */
#include "harness.h"

#include <pthread.h>

#include "runtime/critical_section.h"

#define ITERS (WF_TSAN ? 20000 : 100000)

typedef struct box {
    wf_object base;
    long value; /* guarded by base.ob_mutex */
} box;

static box *a, *b;

static void make_boxes(wf_thread *t)
{
    a = (box *)test_object_new(t);
    b = (box *)test_object_new(t);
    a->value = b->value = 0;
}

static void free_boxes(wf_thread *t)
{
    wf_decref(t, &a->base);
    wf_decref(t, &b->base);
}

static void two_object_worker(int index, void *arg)
{
    (void)arg;
    wf_thread *t = test_thread_begin();
    box *first = index % 2 ? a : b, *second = index % 2 ? b : a;
    for (int i = 0; i < ITERS; i++) {
        WF_BEGIN_CRITICAL_SECTION2(t, &first->base, &second->base);
        first->value++;
        second->value++;
        WF_END_CRITICAL_SECTION2(t);
    }
    test_thread_end(t);
}

static void test_two_object_sections_in_opposite_orders_do_not_deadlock(void **state)
{
    (void)state;
    wf_thread *t = test_thread_begin();
    make_boxes(t);
    wf_thread_detach(t);
    test_run_threads(2, two_object_worker, NULL);
    wf_thread_attach(t);
    assert_int_equal(a->value, 2L * ITERS);
    assert_int_equal(b->value, 2L * ITERS);
    free_boxes(t);
    test_thread_end(t);
}

/* Nested one-object sections in opposite orders: the classic lock-order deadlock,
 * which suspension on blocking breaks. */
static void nested_worker(int index, void *arg)
{
    (void)arg;
    wf_thread *t = test_thread_begin();
    box *outer = index % 2 ? a : b, *inner = index % 2 ? b : a;
    for (int i = 0; i < ITERS; i++) {
        WF_BEGIN_CRITICAL_SECTION(t, &outer->base);
        outer->value++;
        WF_BEGIN_CRITICAL_SECTION(t, &inner->base);
        inner->value++;
        WF_END_CRITICAL_SECTION(t);
        outer->value++; /* the outer section is active again here */
        WF_END_CRITICAL_SECTION(t);
    }
    test_thread_end(t);
}

static void test_nested_sections_in_opposite_orders_do_not_deadlock(void **state)
{
    (void)state;
    wf_thread *t = test_thread_begin();
    make_boxes(t);
    wf_thread_detach(t);
    test_run_threads(2, nested_worker, NULL);
    wf_thread_attach(t);
    assert_int_equal(a->value, 3L * ITERS);
    assert_int_equal(b->value, 3L * ITERS);
    free_boxes(t);
    test_thread_end(t);
}

static wf_mutex plain = WF_MUTEX_INIT;
static _Atomic int in_section, section_relocked;
static long seen_value;

static void *block_inside_section(void *arg)
{
    (void)arg;
    wf_thread *t = test_thread_begin();
    WF_BEGIN_CRITICAL_SECTION(t, &a->base);
    a->value = 1;
    atomic_store(&in_section, 1);
    wf_mutex_lock(&plain); /* held by the main thread: we block, and suspend */
    atomic_store(&section_relocked, wf_mutex_is_locked(&a->base.ob_mutex));
    seen_value = a->value;
    wf_mutex_unlock(&plain);
    WF_END_CRITICAL_SECTION(t);
    test_thread_end(t);
    return NULL;
}

static void test_blocking_in_a_section_lets_another_thread_take_the_object(void **state)
{
    (void)state;
    wf_thread *t = test_thread_begin();
    make_boxes(t);
    atomic_store(&in_section, 0);
    wf_mutex_lock(&plain);
    pthread_t pt;
    pthread_create(&pt, NULL, block_inside_section, NULL);
    assert_true(test_wait_flag(&in_section, 60000));
    while (!(atomic_load(&plain.v) & WF_MUTEX_HAS_PARKED))
        test_sleep_ms(1);
    /* The other thread is parked inside its section on a: we can take a. */
    WF_BEGIN_CRITICAL_SECTION(t, &a->base);
    assert_int_equal(a->value, 1);
    a->value = 2;
    WF_END_CRITICAL_SECTION(t);
    wf_mutex_unlock(&plain);
    wf_thread_detach(t);
    pthread_join(pt, NULL);
    wf_thread_attach(t);
    assert_int_equal(atomic_load(&section_relocked), 1);
    assert_int_equal(seen_value, 2);
    assert_false(wf_mutex_is_locked(&a->base.ob_mutex));
    free_boxes(t);
    test_thread_end(t);
}

static void test_relocking_the_innermost_object_is_a_noop(void **state)
{
    (void)state;
    wf_thread *t = test_thread_begin();
    make_boxes(t);
    WF_BEGIN_CRITICAL_SECTION(t, &a->base);
    WF_BEGIN_CRITICAL_SECTION(t, &a->base);
    a->value++;
    WF_END_CRITICAL_SECTION(t);
    assert_true(wf_mutex_is_locked(&a->base.ob_mutex));
    WF_BEGIN_CRITICAL_SECTION2(t, &a->base, &a->base);
    a->value++;
    WF_END_CRITICAL_SECTION2(t);
    assert_true(wf_mutex_is_locked(&a->base.ob_mutex));
    WF_END_CRITICAL_SECTION(t);
    assert_false(wf_mutex_is_locked(&a->base.ob_mutex));
    assert_int_equal(t->critical_section, 0);
    assert_int_equal(a->value, 2);
    free_boxes(t);
    test_thread_end(t);
}

static void test_detach_releases_and_attach_relocks_the_innermost(void **state)
{
    (void)state;
    wf_thread *t = test_thread_begin();
    make_boxes(t);
    WF_BEGIN_CRITICAL_SECTION(t, &a->base);
    WF_BEGIN_CRITICAL_SECTION2(t, &a->base, &b->base);
    wf_thread_detach(t);
    assert_false(wf_mutex_is_locked(&a->base.ob_mutex));
    assert_false(wf_mutex_is_locked(&b->base.ob_mutex));
    wf_thread_attach(t);
    assert_true(wf_mutex_is_locked(&a->base.ob_mutex));
    assert_true(wf_mutex_is_locked(&b->base.ob_mutex));
    WF_END_CRITICAL_SECTION2(t);
    /* the outer section is re-locked as the inner one ends */
    assert_true(wf_mutex_is_locked(&a->base.ob_mutex));
    assert_false(wf_mutex_is_locked(&b->base.ob_mutex));
    WF_END_CRITICAL_SECTION(t);
    assert_false(wf_mutex_is_locked(&a->base.ob_mutex));
    free_boxes(t);
    test_thread_end(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_two_object_sections_in_opposite_orders_do_not_deadlock),
        cmocka_unit_test(test_nested_sections_in_opposite_orders_do_not_deadlock),
        cmocka_unit_test(test_blocking_in_a_section_lets_another_thread_take_the_object),
        cmocka_unit_test(test_relocking_the_innermost_object_is_a_noop),
        cmocka_unit_test(test_detach_releases_and_attach_relocks_the_innermost),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
