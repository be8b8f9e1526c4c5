/* The object core under threads: lazy readiness of a static type raced by many threads,
 * classes made and used on many threads at once, and one instance's attributes written
 * from several threads. */
#include "harness.h"

#include <stdio.h>
#include <string.h>

#include "runtime/abstract.h"
#include "runtime/callable.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

#define NTHREADS 4
#define ROUNDS   (WF_TSAN ? 50 : 200)

static wf_value m_answer(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                         wf_value kw)
{
    (void)t, (void)self, (void)args, (void)nargs, (void)kw;
    return wf_smallint_box(42);
}

static const wf_method_def lazy_methods[] = {
    {"answer", m_answer, WF_METH_STATIC},
    {NULL},
};

/* Never readied before the race below. */
static wf_type lazy_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "lazy",
    .tp_basicsize = sizeof(wf_object),
    .tp_methods = lazy_methods,
};

static _Atomic int lazy_ok;

static void ready_racer(int index, void *arg)
{
    (void)index;
    (void)arg;
    wf_thread *t = test_thread_begin();
    /* lazy.answer(): the first lookup readies the type */
    wf_value r =
        wf_call_method(t, wf_type_value(&lazy_type), wf_str_intern_cstr(t, "answer"), NULL, 0);
    if (r == wf_smallint_box(42))
        atomic_fetch_add(&lazy_ok, 1);
    test_thread_end(t);
}

static void test_racing_threads_ready_a_type_once(void **state)
{
    (void)state;
    wf_thread *t = test_thread_begin();
    wf_types_init(t);
    test_thread_end(t);
    atomic_store(&lazy_ok, 0);
    test_run_threads(NTHREADS, ready_racer, NULL);
    assert_int_equal(atomic_load(&lazy_ok), NTHREADS);
    assert_true(lazy_type.tp_flags & WF_TPFLAG_READY);
}

static _Atomic int classes_ok;

/* Each round: a class with a class attribute, an instance, an instance attribute, and
 * a lookup of both. */
static void class_maker(int index, void *arg)
{
    (void)arg;
    wf_thread *t = test_thread_begin();
    wf_value name = wf_str_intern_cstr(t, "C");
    wf_value attr = wf_str_intern_cstr(t, "a"), cattr = wf_str_intern_cstr(t, "k");
    for (int i = 0; i < ROUNDS; i++) {
        wf_value dict = wf_dict_new(t);
        wf_dict_set(t, dict, cattr, wf_smallint_box(index));
        wf_value cls = wf_type_new(t, name, wf_tuple_empty(), dict);
        wf_value_decref(t, dict);
        wf_value obj = cls ? wf_call(t, cls, NULL, 0, 0) : 0;
        if (!obj || wf_setattr(t, obj, attr, wf_smallint_box(i)) < 0)
            break;
        wf_value a = wf_getattr(t, obj, attr), k = wf_getattr(t, obj, cattr);
        if (a == wf_smallint_box(i) && k == wf_smallint_box(index))
            atomic_fetch_add(&classes_ok, 1);
        wf_value_decref(t, obj);
    }
    test_thread_end(t);
}

static void test_classes_made_on_many_threads(void **state)
{
    (void)state;
    atomic_store(&classes_ok, 0);
    test_run_threads(NTHREADS, class_maker, NULL);
    assert_int_equal(atomic_load(&classes_ok), NTHREADS * ROUNDS);
}

static wf_value shared_obj;

/* Each thread writes its own attribute name ROUNDS times on the same instance. */
static void attr_writer(int index, void *arg)
{
    (void)arg;
    wf_thread *t = test_thread_begin();
    char buf[16];
    snprintf(buf, sizeof buf, "t%d", index);
    wf_value attr = wf_str_intern_cstr(t, buf);
    for (int i = 0; i < ROUNDS; i++)
        wf_setattr(t, shared_obj, attr, wf_smallint_box(i));
    test_thread_end(t);
}

static void test_one_instance_written_by_many_threads(void **state)
{
    (void)state;
    wf_thread *t = test_thread_begin();
    wf_value cls =
        wf_type_new(t, wf_str_intern_cstr(t, "Shared"), wf_tuple_empty(), wf_dict_new(t));
    shared_obj = wf_call(t, cls, NULL, 0, 0);
    test_run_threads(NTHREADS, attr_writer, NULL);
    for (int i = 0; i < NTHREADS; i++) {
        char buf[16];
        snprintf(buf, sizeof buf, "t%d", i);
        wf_value v = wf_getattr(t, shared_obj, wf_str_intern_cstr(t, buf));
        assert_true(v == wf_smallint_box(ROUNDS - 1));
    }
    assert_int_equal(wf_dict_size(wf_object_dict(t, shared_obj)), NTHREADS);
    wf_value_decref(t, shared_obj);
    test_thread_end(t);
}

static wf_value cls_under_change;
static _Atomic int reads_ok;

/* Thread 0 reassigns a class attribute; the others read it through an instance (the
 * lookup cache is filled and invalidated under them) and must only ever see values
 * that were assigned. */
static void attr_changer(int index, void *arg)
{
    (void)arg;
    wf_thread *t = test_thread_begin();
    wf_value name = wf_str_intern_cstr(t, "attr");
    if (index == 0) {
        for (int i = 1; i <= ROUNDS * 10; i++)
            wf_setattr(t, cls_under_change, name, wf_smallint_box(i));
    } else {
        wf_value obj = wf_call(t, cls_under_change, NULL, 0, 0);
        int ok = 0;
        for (int i = 0; i < ROUNDS * 10; i++) {
            wf_value v = wf_getattr(t, obj, name);
            if (v && wf_is_smallint(v) && wf_smallint_unbox(v) >= 0 &&
                wf_smallint_unbox(v) <= ROUNDS * 10)
                ok++;
        }
        if (ok == ROUNDS * 10)
            atomic_fetch_add(&reads_ok, 1);
        wf_value_decref(t, obj);
    }
    test_thread_end(t);
}

static void test_class_attribute_changing_under_readers(void **state)
{
    (void)state;
    wf_thread *t = test_thread_begin();
    wf_value dict = wf_dict_new(t);
    wf_dict_set_cstr(t, dict, "attr", wf_smallint_box(0));
    cls_under_change = wf_type_new(t, wf_str_intern_cstr(t, "Changing"), wf_tuple_empty(), dict);
    wf_value_decref(t, dict);
    atomic_store(&reads_ok, 0);
    test_run_threads(NTHREADS, attr_changer, NULL);
    assert_int_equal(atomic_load(&reads_ok), NTHREADS - 1);
    wf_value last = wf_getattr(t, cls_under_change, wf_str_intern_cstr(t, "attr"));
    assert_true(last == wf_smallint_box(ROUNDS * 10));
    test_thread_end(t);
}

/* __repr__ implementations to swap in: builtins do not bind, so they get no self. */
static wf_value repr_a(wf_thread *t, wf_value self, const wf_value *args, size_t nargs, wf_value kw)
{
    (void)self, (void)args, (void)nargs, (void)kw;
    return wf_str_from_cstr(t, "A");
}

static wf_value repr_b(wf_thread *t, wf_value self, const wf_value *args, size_t nargs, wf_value kw)
{
    (void)self, (void)args, (void)nargs, (void)kw;
    return wf_str_from_cstr(t, "B");
}

static const wf_method_def repr_a_def = {"repr_a", repr_a, 0};
static const wf_method_def repr_b_def = {"repr_b", repr_b, 0};
static wf_value cls_with_repr;
static _Atomic int repr_readers_ok;
static _Atomic int repr_readers_done;

/* Thread 0 assigns and deletes C.__repr__ (each change re-derives the tp_repr slot,
 * with the world stopped); the others call repr() on an instance and check their eval
 * breaker between calls, as the evaluation loop does. Every result must come from a
 * __repr__ that was in place: "A", "B", or object's default "<Swapped object at ...>". */
static void repr_swapper(int index, void *arg)
{
    (void)arg;
    wf_thread *t = test_thread_begin();
    wf_value name = wf_str_intern_cstr(t, "__repr__");
    if (index == 0) {
        wf_value fa = wf_builtin_new(t, &repr_a_def, 0), fb = wf_builtin_new(t, &repr_b_def, 0);
        for (int i = 0; atomic_load(&repr_readers_done) < NTHREADS - 1; i++) {
            if (i % 3 == 2)
                wf_setattr(t, cls_with_repr, name, 0);
            else
                wf_setattr(t, cls_with_repr, name, i % 3 ? fb : fa);
        }
        wf_value_decref(t, fa);
        wf_value_decref(t, fb);
    } else {
        wf_value obj = wf_call(t, cls_with_repr, NULL, 0, 0);
        int ok = 0;
        for (int i = 0; i < ROUNDS * 10; i++) {
            wf_value r = wf_repr(t, obj);
            const char *s = r ? wf_str_utf8(r) : "";
            if (strcmp(s, "A") == 0 || strcmp(s, "B") == 0 ||
                strncmp(s, "<Swapped object", 15) == 0)
                ok++;
            if (r)
                wf_value_decref(t, r);
            wf_eval_breaker_check(t);
        }
        if (ok == ROUNDS * 10)
            atomic_fetch_add(&repr_readers_ok, 1);
        atomic_fetch_add(&repr_readers_done, 1);
        wf_value_decref(t, obj);
    }
    test_thread_end(t);
}

static void test_dunder_reassigned_under_callers(void **state)
{
    (void)state;
    wf_thread *t = test_thread_begin();
    cls_with_repr =
        wf_type_new(t, wf_str_intern_cstr(t, "Swapped"), wf_tuple_empty(), wf_dict_new(t));
    atomic_store(&repr_readers_ok, 0);
    atomic_store(&repr_readers_done, 0);
    /* detached while it waits, or the stop-the-worlds would wait for it */
    wf_thread_detach(t);
    test_run_threads(NTHREADS, repr_swapper, NULL);
    wf_thread_attach(t);
    assert_int_equal(atomic_load(&repr_readers_ok), NTHREADS - 1);
    test_thread_end(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_racing_threads_ready_a_type_once),
        cmocka_unit_test(test_classes_made_on_many_threads),
        cmocka_unit_test(test_one_instance_written_by_many_threads),
        cmocka_unit_test(test_class_attribute_changing_under_readers),
        cmocka_unit_test(test_dunder_reassigned_under_callers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
