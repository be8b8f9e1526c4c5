/* Errors and exceptions: the hierarchy of every built-in exception type, raising and
 * fetching, MemoryError without memory, and the str/repr/attributes of exceptions as
 * CPython 3.11 prints them. */
#include "harness.h"

#include <string.h>

#include "runtime/abstract.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
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

/* str(v) or repr(v) as a C string compared with want. */
static void assert_text(wf_value s, const char *want)
{
    assert_non_null((void *)s);
    assert_string_equal(wf_str_utf8(s), want);
    wf_value_decref(t, s);
}

static wf_value str_of(const char *s)
{
    wf_value v = wf_str_from_cstr(t, s);
    assert_non_null((void *)v);
    return v;
}

/* type(*args) for an exception type. */
static wf_value make_exc(wf_type *type, size_t n, const wf_value *args)
{
    wf_value tuple = wf_tuple_from_array(t, args, n);
    wf_value e = wf_exception_new(t, type, tuple);
    wf_value_decref(t, tuple);
    assert_non_null((void *)e);
    return e;
}

static void test_every_exception_has_its_cpython_base(void **state)
{
    (void)state;
#define wf_exc_object wf_object_type /* BaseException's base */
#define CHECK_BASE(name, base)                                                                     \
    do {                                                                                           \
        wf_type *b = &wf_exc_##base;                                                               \
        assert_ptr_equal(wf_exc_##name.tp_base, b);                                                \
        assert_true(wf_type_is_subtype(&wf_exc_##name, &wf_exc_BaseException));                    \
        assert_true(wf_exc_##name.tp_flags &WF_TPFLAG_EXC_SUBCLASS);                               \
    } while (0);
    WF_EXCEPTIONS(CHECK_BASE)
#undef CHECK_BASE
#undef wf_exc_object
    assert_true(wf_type_is_subtype(&wf_exc_BrokenPipeError, &wf_exc_OSError));
    assert_false(wf_type_is_subtype(&wf_exc_KeyboardInterrupt, &wf_exc_Exception));
}

static void test_err_set_then_fetch_gives_the_instance(void **state)
{
    (void)state;
    assert_int_equal(wf_err_set(t, &wf_exc_ValueError, "bad value %d", 42), 0);
    assert_true(wf_err_occurred(t));
    assert_true(wf_err_matches(t, &wf_exc_Exception));
    assert_false(wf_err_matches(t, &wf_exc_TypeError));
    wf_value e = wf_err_fetch(t);
    assert_false(wf_err_occurred(t));
    assert_ptr_equal(wf_type_of(e), &wf_exc_ValueError);
    assert_text(wf_str(t, e), "bad value 42");
    assert_text(wf_repr(t, e), "ValueError('bad value 42')");
    wf_value_decref(t, e);
}

static void test_memory_error_is_preallocated(void **state)
{
    (void)state;
    wf_err_no_memory(t);
    assert_true(wf_err_matches(t, &wf_exc_MemoryError));
    wf_value e = wf_err_fetch(t);
    assert_text(wf_repr(t, e), "MemoryError()");
    assert_text(wf_str(t, e), "");
    wf_value_decref(t, e);
}

static void test_base_exception_str_and_repr_by_arg_count(void **state)
{
    (void)state;
    wf_value a = str_of("a");
    wf_value args[2] = {a, wf_smallint_box(2)};
    wf_value e0 = make_exc(&wf_exc_ValueError, 0, args);
    wf_value e1 = make_exc(&wf_exc_ValueError, 1, args);
    wf_value e2 = make_exc(&wf_exc_ValueError, 2, args);
    assert_text(wf_str(t, e0), "");
    assert_text(wf_repr(t, e0), "ValueError()");
    assert_text(wf_str(t, e1), "a");
    assert_text(wf_str(t, e2), "('a', 2)");
    assert_text(wf_repr(t, e2), "ValueError('a', 2)");
    wf_value_decref(t, e0);
    wf_value_decref(t, e1);
    wf_value_decref(t, e2);
    wf_value_decref(t, a);
}

static void test_key_error_str_is_the_key_repr(void **state)
{
    (void)state;
    wf_value k = str_of("k");
    wf_value e = make_exc(&wf_exc_KeyError, 1, &k);
    assert_text(wf_str(t, e), "'k'");
    assert_text(wf_repr(t, e), "KeyError('k')");
    wf_value_decref(t, e);
    wf_value_decref(t, k);
}

static void test_oserror_with_errno_becomes_the_subclass(void **state)
{
    (void)state;
    wf_value args[3] = {wf_smallint_box(2), str_of("No such file or directory"), str_of("x")};
    wf_value e = make_exc(&wf_exc_OSError, 3, args);
    assert_ptr_equal(wf_type_of(e), &wf_exc_FileNotFoundError);
    assert_text(wf_str(t, e), "[Errno 2] No such file or directory: 'x'");
    assert_text(wf_repr(t, e), "FileNotFoundError(2, 'No such file or directory')");
    assert_text(wf_repr(t, wf_getattr_cstr(t, e, "filename")), "'x'");
    wf_value errno_v = wf_getattr_cstr(t, e, "errno");
    assert_true(errno_v == wf_smallint_box(2));
    wf_value_decref(t, e);
    wf_value_decref(t, args[1]);
    wf_value_decref(t, args[2]);
}

static void test_syntax_error_str_names_file_and_line(void **state)
{
    (void)state;
    wf_value info_items[4] = {str_of("dir/f.py"), wf_smallint_box(3), wf_smallint_box(4),
                              str_of("x")};
    wf_value info = wf_tuple_from_array(t, info_items, 4);
    wf_value args[2] = {str_of("bad"), info};
    wf_value e = make_exc(&wf_exc_SyntaxError, 2, args);
    assert_text(wf_str(t, e), "bad (f.py, line 3)");
    assert_true(wf_getattr_cstr(t, e, "offset") == wf_smallint_box(4));
    assert_true(wf_getattr_cstr(t, e, "end_lineno") == WF_NONE);
    wf_value_decref(t, e);
    wf_value_decref(t, args[0]);
    wf_value_decref(t, info);
    wf_value_decref(t, info_items[0]);
    wf_value_decref(t, info_items[3]);
}

static void test_stop_iteration_value_and_system_exit_code(void **state)
{
    (void)state;
    wf_value five = wf_smallint_box(5);
    wf_value s = make_exc(&wf_exc_StopIteration, 1, &five);
    assert_true(wf_getattr_cstr(t, s, "value") == five);
    wf_value_decref(t, s);
    wf_value none_args[1] = {0};
    wf_value x = make_exc(&wf_exc_SystemExit, 0, none_args);
    assert_true(wf_getattr_cstr(t, x, "code") == WF_NONE);
    wf_value_decref(t, x);
    wf_value two[2] = {wf_smallint_box(1), wf_smallint_box(2)};
    wf_value y = make_exc(&wf_exc_SystemExit, 2, two);
    assert_text(wf_repr(t, wf_getattr_cstr(t, y, "code")), "(1, 2)");
    wf_value_decref(t, y);
}

static void test_raising_while_handling_sets_context(void **state)
{
    (void)state;
    wf_err_set(t, &wf_exc_KeyError, "first");
    wf_value first = wf_err_fetch(t);
    t->handled = wf_to_object(first);
    wf_err_set(t, &wf_exc_ValueError, "second");
    wf_value second = wf_err_fetch(t);
    t->handled = NULL;
    wf_value ctx = wf_getattr_cstr(t, second, "__context__");
    assert_true(ctx == first);
    wf_value_decref(t, ctx);
    assert_true(wf_getattr_cstr(t, second, "__cause__") == WF_NONE);
    assert_true(wf_getattr_cstr(t, second, "__suppress_context__") == WF_FALSE);
    wf_value_decref(t, second);
    wf_value_decref(t, first);
}

static void test_cause_must_be_an_exception(void **state)
{
    (void)state;
    wf_value e = make_exc(&wf_exc_ValueError, 0, NULL);
    wf_value name = wf_str_intern_cstr(t, "__cause__");
    assert_int_equal(wf_setattr(t, e, name, wf_smallint_box(1)), -1);
    wf_value err = wf_err_fetch(t);
    assert_ptr_equal(wf_type_of(err), &wf_exc_TypeError);
    assert_text(wf_str(t, err), "exception cause must be None or derive from BaseException");
    wf_value_decref(t, err);
    wf_value_decref(t, e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_exception_has_its_cpython_base),
        cmocka_unit_test(test_err_set_then_fetch_gives_the_instance),
        cmocka_unit_test(test_memory_error_is_preallocated),
        cmocka_unit_test(test_base_exception_str_and_repr_by_arg_count),
        cmocka_unit_test(test_key_error_str_is_the_key_repr),
        cmocka_unit_test(test_oserror_with_errno_becomes_the_subclass),
        cmocka_unit_test(test_syntax_error_str_names_file_and_line),
        cmocka_unit_test(test_stop_iteration_value_and_system_exit_code),
        cmocka_unit_test(test_raising_while_handling_sets_context),
        cmocka_unit_test(test_cause_must_be_an_exception),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
