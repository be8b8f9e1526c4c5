/* Biased reference counting: owner and non-owner paths, merge queues, dead owners,
 * immortal objects and the conditional incref. */
#include "harness.h"

#include <pthread.h>

#define NTHREADS 4
#define ITERS    (WF_TSAN ? 20000 : 200000)

static wf_object *shared_obj;

static void setup_counts(void)
{
    atomic_store(&test_frees, 0);
}

/* Each worker: M incref/decref pairs, then M increfs followed by M decrefs. */
static void pairs_worker(int index, void *arg)
{
    (void)index;
    (void)arg;
    wf_thread *t = test_thread_begin();
    for (int i = 0; i < ITERS; i++) {
        wf_incref(t, shared_obj);
        wf_decref(t, shared_obj);
        if ((i & 1023) == 0)
            wf_eval_breaker_check(t);
    }
    for (int i = 0; i < ITERS / 10; i++)
        wf_incref(t, shared_obj);
    for (int i = 0; i < ITERS / 10; i++)
        wf_decref(t, shared_obj);
    test_thread_end(t);
}

static void test_nonowner_pairs_with_live_owner_leave_exact_count(void **state)
{
    (void)state;
    setup_counts();
    wf_thread *t = test_thread_begin();
    shared_obj = test_object_new(t);
    test_run_threads(NTHREADS, pairs_worker, NULL);
    assert_int_equal(wf_refcount_total(shared_obj), 1);
    assert_int_equal(atomic_load(&test_frees), 0);
    wf_decref(t, shared_obj);
    assert_int_equal(atomic_load(&test_frees), 1);
    test_thread_end(t);
}

/* The owner counts on its own object while the non-owners count on theirs. */
static void *pairs_thread(void *p)
{
    pairs_worker(0, p);
    return NULL;
}

static void test_owner_and_nonowners_count_concurrently(void **state)
{
    (void)state;
    setup_counts();
    wf_thread *t = test_thread_begin();
    shared_obj = test_object_new(t);
    pthread_t others[NTHREADS];
    for (int i = 0; i < NTHREADS; i++)
        pthread_create(&others[i], NULL, pairs_thread, NULL);
    for (int i = 0; i < ITERS; i++) {
        wf_incref(t, shared_obj);
        wf_decref(t, shared_obj);
    }
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(others[i], NULL);
    assert_int_equal(wf_refcount_total(shared_obj), 1);
    wf_decref(t, shared_obj);
    assert_int_equal(atomic_load(&test_frees), 1);
    test_thread_end(t);
}

/* An owner thread creates the object, hands its reference to us and exits. */
static void *create_and_exit(void *p)
{
    (void)p;
    wf_thread *t = test_thread_begin();
    wf_object *o = test_object_new(t);
    test_thread_end(t);
    return o;
}

static wf_object *object_of_dead_owner(void)
{
    pthread_t pt;
    void *o;
    pthread_create(&pt, NULL, create_and_exit, NULL);
    pthread_join(pt, &o);
    return o;
}

static void test_nonowner_pairs_after_owner_exit_leave_exact_count(void **state)
{
    (void)state;
    setup_counts();
    shared_obj = object_of_dead_owner();
    test_run_threads(NTHREADS, pairs_worker, NULL);
    wf_thread *t = test_thread_begin();
    assert_int_equal(wf_refcount_total(shared_obj), 1);
    assert_int_equal(atomic_load(&test_frees), 0);
    wf_decref(t, shared_obj); /* last reference, owner gone: merged in place */
    assert_int_equal(atomic_load(&test_frees), 1);
    test_thread_end(t);
}

static void drop_reference(int index, void *arg)
{
    (void)index;
    wf_thread *t = test_thread_begin();
    wf_decref(t, arg);
    test_thread_end(t);
}

static void test_nonowner_last_decref_is_queued_then_merged_by_owner(void **state)
{
    (void)state;
    setup_counts();
    wf_thread *t = test_thread_begin();
    wf_object *o = test_object_new(t);
    test_run_threads(1, drop_reference, o); /* our only reference goes to the other thread */
    assert_int_equal(atomic_load(&o->ob_ref_shared) & WF_REF_STATE_MASK, WF_REF_QUEUED);
    assert_int_equal(atomic_load(&test_frees), 0);
    assert_true(atomic_load(&t->eval_breaker) & WF_EB_MERGE_REFCOUNTS);
    wf_eval_breaker_check(t);
    assert_int_equal(atomic_load(&test_frees), 1);
    assert_int_equal(atomic_load(&t->eval_breaker) & WF_EB_MERGE_REFCOUNTS, 0);
    wf_eval_breaker_check(t);
    assert_int_equal(atomic_load(&test_frees), 1);
    test_thread_end(t);
}

#define NOBJS 1000
static wf_object *objs[NOBJS];

static void drop_share(int index, void *arg)
{
    (void)arg;
    wf_thread *t = test_thread_begin();
    for (int i = index; i < NOBJS; i += NTHREADS)
        wf_decref(t, objs[i]);
    test_thread_end(t);
}

static void test_many_queued_objects_are_each_freed_once(void **state)
{
    (void)state;
    setup_counts();
    wf_thread *t = test_thread_begin();
    for (int i = 0; i < NOBJS; i++)
        objs[i] = test_object_new(t);
    test_run_threads(NTHREADS, drop_share, NULL);
    assert_int_equal(atomic_load(&test_frees), 0);
    wf_eval_breaker_check(t);
    assert_int_equal(atomic_load(&test_frees), NOBJS);
    test_thread_end(t);
}

static void test_queued_object_of_exiting_owner_is_freed_once(void **state)
{
    (void)state;
    setup_counts();
    wf_thread *t = test_thread_begin();
    wf_object *o = test_object_new(t);
    test_run_threads(1, drop_reference, o);
    assert_int_equal(atomic_load(&test_frees), 0);
    test_thread_end(t); /* the owner's exit merges its queue */
    assert_int_equal(atomic_load(&test_frees), 1);
}

static void test_nonowner_last_decref_with_dead_owner_merges_in_place(void **state)
{
    (void)state;
    setup_counts();
    wf_object *o = object_of_dead_owner();
    test_run_threads(1, drop_reference, o);
    assert_int_equal(atomic_load(&test_frees), 1);
}

static _Atomic int held, release_it;

static void *hold_until_released(void *o)
{
    wf_thread *t = test_thread_begin();
    wf_incref(t, o);
    atomic_store(&held, 1);
    test_wait_flag(&release_it, 60000);
    wf_decref(t, o); /* the last reference, on a merged object: freed here */
    test_thread_end(t);
    return NULL;
}

static void test_owner_zero_with_shared_refs_merges_and_last_frees(void **state)
{
    (void)state;
    setup_counts();
    atomic_store(&held, 0);
    atomic_store(&release_it, 0);
    wf_thread *t = test_thread_begin();
    wf_object *o = test_object_new(t);
    pthread_t pt;
    pthread_create(&pt, NULL, hold_until_released, o);
    assert_true(test_wait_flag(&held, 60000));
    wf_decref(t, o); /* local reaches zero with one shared reference left */
    assert_int_equal(atomic_load(&test_frees), 0);
    assert_int_equal(atomic_load(&o->ob_tid), 0);
    assert_int_equal(atomic_load(&o->ob_ref_shared), WF_REF_SHARED_ONE | WF_REF_MERGED);
    atomic_store(&release_it, 1);
    pthread_join(pt, NULL);
    assert_int_equal(atomic_load(&test_frees), 1);
    test_thread_end(t);
}

static void test_immortal_objects_are_not_counted(void **state)
{
    (void)state;
    setup_counts();
    wf_thread *t = test_thread_begin();
    wf_object *o = test_object_new(t);
    wf_object_set_immortal(o);
    for (int i = 0; i < 10; i++)
        wf_decref(t, o);
    wf_incref(t, o);
    assert_true(wf_is_immortal(o));
    assert_int_equal(atomic_load(&o->ob_ref_shared), 0);
    assert_true(wf_try_incref(t, o));
    assert_int_equal(atomic_load(&test_frees), 0);
    test_thread_end(t);
    wf_mem_free(o);
}

static wf_object *try_target;
static _Atomic int try_result;

static void try_incref_from_other_thread(int index, void *arg)
{
    (void)index;
    (void)arg;
    wf_thread *t = test_thread_begin();
    bool ok = wf_try_incref(t, try_target);
    atomic_store(&try_result, ok ? 1 : 2);
    if (ok)
        wf_decref(t, try_target);
    test_thread_end(t);
}

static void test_try_incref_needs_a_nonzero_shared_word(void **state)
{
    (void)state;
    setup_counts();
    wf_thread *t = test_thread_begin();
    try_target = test_object_new(t);
    assert_true(wf_try_incref(t, try_target)); /* the owner always may */
    wf_decref(t, try_target);

    test_run_threads(1, try_incref_from_other_thread, NULL);
    assert_int_equal(atomic_load(&try_result), 2); /* shared word 0: refused */

    wf_object_enable_try_incref(try_target);
    test_run_threads(1, try_incref_from_other_thread, NULL);
    assert_int_equal(atomic_load(&try_result), 1);
    wf_eval_breaker_check(t); /* its decref was queued (state WEAKREFS, count 0) */
    assert_int_equal(wf_refcount_total(try_target), 1);
    wf_decref(t, try_target);
    assert_int_equal(atomic_load(&test_frees), 1);
    test_thread_end(t);
}

/* Regression: an exiting owner merges its queue; the objects that frees drop references
 * to another object X it owns while a non-owner drops its reference to X and, finding
 * the owner gone, merges X in place. X must be freed exactly once, after the owner's
 * last use. */
static _Atomic int x_frees, x_premature, t_holds_x, ready, q1_dropped, go_d2, d2_done, go_c;
static wf_object *X, *Q1, *Q2;

static void x_dealloc(wf_thread *t, wf_object *o)
{
    if (atomic_load(&t_holds_x))
        atomic_fetch_add(&x_premature, 1);
    atomic_fetch_add(&x_frees, 1);
    wf_object_free(t, o);
}

static wf_type x_type = {.ob_base = {.ob_ref_local = WF_REF_IMMORTAL},
                         .tp_name = "x",
                         .tp_basicsize = sizeof(wf_object),
                         .tp_dealloc = x_dealloc};

/* Q1 is merged first (while the owner is registered) and lets Q2 be queued; Q2's
 * dealloc, late in the exit, counts on X and drops the owner's reference to it. */
static void q_dealloc(wf_thread *t, wf_object *o)
{
    if (o == Q1) {
        atomic_store(&go_d2, 1);
        test_wait_flag(&d2_done, 60000);
    } else {
        atomic_store(&go_c, 1);
        for (int i = 0; i < 3000; i++) {
            wf_incref(t, X);
            wf_decref(t, X);
        }
        atomic_store(&t_holds_x, 0);
        wf_decref(t, X);
    }
    wf_object_free(t, o);
}

static wf_type q_type = {.ob_base = {.ob_ref_local = WF_REF_IMMORTAL},
                         .tp_name = "q",
                         .tp_basicsize = sizeof(wf_object),
                         .tp_dealloc = q_dealloc};

static void *exiting_owner(void *arg)
{
    (void)arg;
    wf_thread *t = test_thread_begin();
    X = wf_object_alloc(t, &x_type, sizeof(wf_object));
    wf_incref(t, X); /* one reference for us, one handed to the dropper */
    Q1 = wf_object_alloc(t, &q_type, sizeof(wf_object));
    Q2 = wf_object_alloc(t, &q_type, sizeof(wf_object));
    atomic_store(&t_holds_x, 1);
    atomic_store(&ready, 1);
    test_wait_flag(&q1_dropped, 60000);
    test_thread_end(t);
    return NULL;
}

static void *queuer(void *arg)
{
    (void)arg;
    wf_thread *t = test_thread_begin();
    test_wait_flag(&ready, 60000);
    wf_decref(t, Q1);
    atomic_store(&q1_dropped, 1);
    test_wait_flag(&go_d2, 60000);
    wf_decref(t, Q2);
    atomic_store(&d2_done, 1);
    test_thread_end(t);
    return NULL;
}

static void *x_dropper(void *arg)
{
    (void)arg;
    wf_thread *t = test_thread_begin();
    test_wait_flag(&go_c, 60000);
    wf_decref(t, X);
    test_thread_end(t);
    return NULL;
}

static void test_owner_exit_racing_an_in_place_merge_frees_once(void **state)
{
    (void)state;
    for (int trial = 0; trial < (WF_TSAN ? 100 : 1000); trial++) {
        atomic_store(&x_frees, 0);
        atomic_store(&x_premature, 0);
        atomic_store(&ready, 0);
        atomic_store(&q1_dropped, 0);
        atomic_store(&go_d2, 0);
        atomic_store(&d2_done, 0);
        atomic_store(&go_c, 0);
        pthread_t a, b, c;
        pthread_create(&a, NULL, exiting_owner, NULL);
        pthread_create(&b, NULL, queuer, NULL);
        pthread_create(&c, NULL, x_dropper, NULL);
        pthread_join(a, NULL);
        pthread_join(b, NULL);
        pthread_join(c, NULL);
        assert_int_equal(atomic_load(&x_premature), 0);
        assert_int_equal(atomic_load(&x_frees), 1);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nonowner_pairs_with_live_owner_leave_exact_count),
        cmocka_unit_test(test_owner_and_nonowners_count_concurrently),
        cmocka_unit_test(test_nonowner_pairs_after_owner_exit_leave_exact_count),
        cmocka_unit_test(test_nonowner_last_decref_is_queued_then_merged_by_owner),
        cmocka_unit_test(test_many_queued_objects_are_each_freed_once),
        cmocka_unit_test(test_queued_object_of_exiting_owner_is_freed_once),
        cmocka_unit_test(test_nonowner_last_decref_with_dead_owner_merges_in_place),
        cmocka_unit_test(test_owner_zero_with_shared_refs_merges_and_last_frees),
        cmocka_unit_test(test_immortal_objects_are_not_counted),
        cmocka_unit_test(test_try_incref_needs_a_nonzero_shared_word),
        cmocka_unit_test(test_owner_exit_racing_an_in_place_merge_frees_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
