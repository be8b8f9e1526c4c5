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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_racing_threads_ready_a_type_once),
        cmocka_unit_test(test_classes_made_on_many_threads),
        cmocka_unit_test(test_one_instance_written_by_many_threads),
        cmocka_unit_test(test_class_attribute_changing_under_readers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
