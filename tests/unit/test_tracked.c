/* Allocation and tracked lists: tracked objects join their allocator's list, leave it
 * when freed by any thread, and move to the orphan list when their thread exits. */
#include "harness.h"

#include <pthread.h>

#include "runtime/tracked.h"

static void tracked_dealloc(wf_thread *t, wf_object *o)
{
    atomic_fetch_add(&test_frees, 1);
    wf_object_free(t, o);
}

static wf_type tracked_type = {
    .ob_base = {.ob_ref_local = WF_REF_IMMORTAL},
    .tp_name = "tracked",
    .tp_basicsize = sizeof(wf_object) + 8,
    .tp_flags = WF_TPFLAG_TRACKED,
    .tp_dealloc = tracked_dealloc,
};

static wf_object *tracked_new(wf_thread *t)
{
    wf_object *o = wf_object_alloc(t, &tracked_type, tracked_type.tp_basicsize);
    assert_non_null(o);
    return o;
}

static void test_new_object_header_is_owned_with_count_one(void **state)
{
    (void)state;
    wf_thread *t = test_thread_begin();
    wf_object *o = test_object_new(t);
    assert_true(wf_is_owner(t, o));
    assert_int_equal(wf_refcount_total(o), 1);
    assert_ptr_equal(o->ob_type, &test_type);
    assert_false(wf_mutex_is_locked(&o->ob_mutex));
    assert_int_equal((uintptr_t)o % 8, 0);
    wf_decref(t, o);
    test_thread_end(t);
}

static void test_tracked_objects_join_and_leave_their_list(void **state)
{
    (void)state;
    wf_thread *t = test_thread_begin();
    size_t base = wf_tracked_count(t);
    wf_object *objs[10];
    for (int i = 0; i < 10; i++)
        objs[i] = tracked_new(t);
    assert_int_equal(wf_tracked_count(t), base + 10);
    for (int i = 0; i < 10; i += 2)
        wf_decref(t, objs[i]);
    assert_int_equal(wf_tracked_count(t), base + 5);
    for (int i = 1; i < 10; i += 2)
        wf_decref(t, objs[i]);
    assert_int_equal(wf_tracked_count(t), base);
    test_thread_end(t);
}

#define NOBJ 64
static wf_object *handed[NOBJ];

static void *allocate_and_exit(void *arg)
{
    (void)arg;
    wf_thread *t = test_thread_begin();
    for (int i = 0; i < NOBJ; i++)
        handed[i] = tracked_new(t);
    test_thread_end(t);
    return NULL;
}

static void test_exiting_thread_orphans_its_objects_and_others_free_them(void **state)
{
    (void)state;
    atomic_store(&test_frees, 0);
    size_t orphans = wf_tracked_orphan_count();
    pthread_t pt;
    pthread_create(&pt, NULL, allocate_and_exit, NULL);
    pthread_join(pt, NULL);
    assert_int_equal(wf_tracked_orphan_count(), orphans + NOBJ);
    wf_thread *t = test_thread_begin();
    for (int i = 0; i < NOBJ; i++)
        wf_decref(t, handed[i]);
    assert_int_equal(atomic_load(&test_frees), NOBJ);
    assert_int_equal(wf_tracked_orphan_count(), orphans);
    test_thread_end(t);
}

#define ROUNDS (WF_TSAN ? 5000 : 50000)
static _Atomic(wf_object *) slots[NOBJ];

/* Each round: allocate an object, swap it into a shared slot, and drop whatever the
 * slot held, usually another thread's object (queued to its owner, or merged in
 * place and unlinked from the orphan list once that owner has exited). */
static void swap_worker(int index, void *arg)
{
    (void)arg;
    wf_thread *t = test_thread_begin();
    for (int round = 0; round < ROUNDS; round++) {
        wf_object *o = tracked_new(t);
        wf_object *old = atomic_exchange(&slots[(round * 7 + index) % NOBJ], o);
        if (old)
            wf_decref(t, old);
        if ((round & 63) == 0)
            wf_eval_breaker_check(t);
    }
    test_thread_end(t);
}

static void test_threads_freeing_each_others_tracked_objects(void **state)
{
    (void)state;
    atomic_store(&test_frees, 0);
    size_t orphans = wf_tracked_orphan_count();
    test_run_threads(4, swap_worker, NULL);
    wf_thread *t = test_thread_begin();
    for (int i = 0; i < NOBJ; i++) {
        wf_object *o = atomic_exchange(&slots[i], NULL);
        if (o)
            wf_decref(t, o);
    }
    test_thread_end(t);
    assert_int_equal(atomic_load(&test_frees), 4 * ROUNDS);
    assert_int_equal(wf_tracked_orphan_count(), orphans);
}

/* The owner allocates; another thread frees (the objects go to the owner's pending
 * stack, still linked); the owner's list shrinks when it drains, on the next count, or
 * else at exit. */
static _Atomic int stage;
static wf_object *owned[NOBJ];

static void owner_then_freer(int index, void *arg)
{
    bool exit_with_pending = arg != NULL;
    wf_thread *t = test_thread_begin();
    if (index == 0) {
        size_t base = wf_tracked_count(t);
        for (int i = 0; i < NOBJ; i++) {
            owned[i] = tracked_new(t);
            wf_refcount_merge(owned[i], 0); /* as when shared: the last decref frees */
        }
        wf_thread_detach(t); /* so the freer can run while we wait */
        atomic_store(&stage, 1);
        while (atomic_load(&stage) < 2)
            test_sleep_ms(1);
        wf_thread_attach(t);
        /* dead but still linked, waiting for us */
        assert_non_null(atomic_load(&t->tracked->pending));
        if (!exit_with_pending)
            assert_int_equal(wf_tracked_count(t), base); /* counting drains first */
    } else {
        while (atomic_load(&stage) < 1)
            test_sleep_ms(1);
        for (int i = 0; i < NOBJ; i++)
            wf_decref(t, owned[i]);
        atomic_store(&stage, 2);
    }
    test_thread_end(t);
}

static void test_objects_freed_by_another_thread_wait_for_their_owner(void **state)
{
    (void)state;
    for (int exit_with_pending = 0; exit_with_pending < 2; exit_with_pending++) {
        atomic_store(&test_frees, 0);
        atomic_store(&stage, 0);
        size_t orphans = wf_tracked_orphan_count();
        test_run_threads(2, owner_then_freer, exit_with_pending ? &stage : NULL);
        assert_int_equal(atomic_load(&test_frees), NOBJ);
        /* the pending objects were freed at exit, not orphaned */
        assert_int_equal(wf_tracked_orphan_count(), orphans);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_object_header_is_owned_with_count_one),
        cmocka_unit_test(test_tracked_objects_join_and_leave_their_list),
        cmocka_unit_test(test_exiting_thread_orphans_its_objects_and_others_free_them),
        cmocka_unit_test(test_threads_freeing_each_others_tracked_objects),
        cmocka_unit_test(test_objects_freed_by_another_thread_wait_for_their_owner),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
