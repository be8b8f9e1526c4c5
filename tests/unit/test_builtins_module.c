/* The builtins part: modules, the builtins and sys modules, file objects. Each test
 * calls the functions as Python code would (through the module dicts and methods) and
 * checks values and CPython's messages. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "interp/fileio.h"
#include "interp/module.h"
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

static wf_thread *begin(void)
{
    wf_thread *t = test_thread_begin();
    wf_types_init(t);
    assert_true(wf_builtins_module(t) != WF_NULL);
    return t;
}

static wf_value str(wf_thread *t, const char *s)
{
    wf_value v = wf_str_from_cstr(t, s);
    assert_true(v != WF_NULL);
    return v;
}

/* builtins.<name>, borrowed (the module is immortal and holds it). */
static wf_value builtin(wf_thread *t, const char *name)
{
    wf_value v = wf_dict_get_cstr(t, wf_module_dict(wf_builtins_module(t)), name);
    assert_true(v != WF_NULL);
    wf_value_decref(t, v);
    return v;
}

/* The pending exception's type and str(), as Python prints them; clears it. */
static void assert_raised(wf_thread *t, wf_type *type, const char *message)
{
    assert_true(wf_err_occurred(t));
    assert_true(wf_err_matches(t, type));
    wf_value exc = wf_err_fetch(t);
    wf_value s = wf_str(t, exc);
    assert_true(s != WF_NULL);
    assert_string_equal(wf_str_utf8(s), message);
    wf_value_decref(t, s);
    wf_value_decref(t, exc);
}

static void assert_str(wf_thread *t, wf_value v, const char *expected)
{
    assert_true(v != WF_NULL);
    assert_true(wf_str_check(v));
    assert_string_equal(wf_str_utf8(v), expected);
    wf_value_decref(t, v);
}

static wf_value call1(wf_thread *t, const char *fn, wf_value arg)
{
    return wf_call(t, builtin(t, fn), &arg, 1, WF_NULL);
}

static void test_module_repr_and_missing_attribute_message(void **state)
{
    (void)state;
    wf_thread *t = begin();
    wf_value sys = wf_sys_module(t);
    assert_str(t, wf_repr(t, sys), "<module 'sys' (built-in)>");
    wf_value m = wf_module_new(t, "m");
    assert_str(t, wf_repr(t, m), "<module 'm'>");
    wf_value file = str(t, "/x/m.py");
    assert_int_equal(wf_dict_set_cstr(t, wf_module_dict(m), "__file__", file), 0);
    assert_str(t, wf_repr(t, m), "<module 'm' from '/x/m.py'>");
    wf_value name = str(t, "nosuch");
    assert_true(wf_getattr(t, sys, name) == WF_NULL);
    assert_raised(t, &wf_exc_AttributeError, "module 'sys' has no attribute 'nosuch'");
    assert_int_equal(wf_setattr(t, m, name, wf_smallint_box(5)), 0);
    wf_value got = wf_getattr(t, m, name);
    assert_true(got == wf_smallint_box(5));
    wf_value_decref(t, name);
    wf_value_decref(t, file);
    wf_value_decref(t, m);
    test_thread_end(t);
}

static void test_import_module_returns_the_same_object_and_reports_missing(void **state)
{
    (void)state;
    wf_thread *t = begin();
    wf_value name = str(t, "sys");
    wf_value a = wf_import_module(t, name);
    wf_value b = wf_import_module(t, name);
    assert_true(a != WF_NULL && a == b && a == wf_sys_module(t));
    wf_value missing = str(t, "no_such_module");
    assert_true(wf_import_module(t, missing) == WF_NULL);
    assert_raised(t, &wf_exc_ModuleNotFoundError, "No module named 'no_such_module'");
    wf_value_decref(t, missing);
    wf_value_decref(t, name);
    test_thread_end(t);
}

static void test_builtin_functions_values_and_messages(void **state)
{
    (void)state;
    wf_thread *t = begin();
    wf_value items[] = {wf_smallint_box(3), wf_smallint_box(1), wf_smallint_box(2)};
    wf_value list = wf_list_from_array(t, items, 3);
    wf_value r = call1(t, "len", list);
    assert_true(r == wf_smallint_box(3));
    r = call1(t, "max", list);
    assert_true(r == wf_smallint_box(3));
    r = call1(t, "min", list);
    assert_true(r == wf_smallint_box(1));
    r = call1(t, "sum", list);
    assert_true(r == wf_smallint_box(6));
    r = call1(t, "sorted", list);
    assert_str(t, wf_repr(t, r), "[1, 2, 3]");
    wf_value_decref(t, r);
    assert_str(t, call1(t, "hex", wf_smallint_box(-255)), "-0xff");
    assert_str(t, call1(t, "chr", wf_smallint_box(0x20AC)), "\xe2\x82\xac");
    wf_value euro = str(t, "\xe2\x82\xac");
    assert_true(call1(t, "ord", euro) == wf_smallint_box(0x20AC));
    wf_value empty = wf_list_new(t, 0);
    assert_true(call1(t, "max", empty) == WF_NULL);
    assert_raised(t, &wf_exc_ValueError, "max() arg is an empty sequence");
    assert_true(wf_call(t, builtin(t, "max"), NULL, 0, WF_NULL) == WF_NULL);
    assert_raised(t, &wf_exc_TypeError, "max expected at least 1 argument, got 0");
    assert_true(wf_call(t, builtin(t, "len"), NULL, 0, WF_NULL) == WF_NULL);
    assert_raised(t, &wf_exc_TypeError, "len() takes exactly one argument (0 given)");
    wf_value ab = str(t, "ab");
    assert_true(call1(t, "ord", ab) == WF_NULL);
    assert_raised(t, &wf_exc_TypeError, "ord() expected a character, but string of length 2 found");
    wf_value sum_args[] = {list, ab};
    assert_true(wf_call(t, builtin(t, "sum"), sum_args, 2, WF_NULL) == WF_NULL);
    assert_raised(t, &wf_exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    wf_value values[] = {ab, euro, list, empty};
    for (size_t i = 0; i < 4; i++)
        wf_value_decref(t, values[i]);
    test_thread_end(t);
}

/* A file in a fresh temporary directory; returns its path as a str. */
static wf_value temp_path(wf_thread *t, const char *leaf)
{
    char dir[] = "/tmp/weft_builtins_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, leaf);
    return str(t, path);
}

static wf_value open_file(wf_thread *t, wf_value path, const char *mode, const char *newline)
{
    wf_value m = str(t, mode);
    wf_value nl = newline ? str(t, newline) : WF_NULL;
    wf_value f = wf_file_open(t, path, m, 0, 0, 0, nl, 0);
    wf_value_decref(t, m);
    if (nl)
        wf_value_decref(t, nl);
    assert_true(f != WF_NULL);
    return f;
}

static wf_value method(wf_thread *t, wf_value self, const char *name, wf_value *args, size_t n)
{
    return wf_call_method(t, self, wf_str_intern_cstr(t, name), args, n);
}

static void test_text_file_round_trip_with_universal_newlines_and_exact_tell(void **state)
{
    (void)state;
    wf_thread *t = begin();
    wf_value path = temp_path(t, "a.txt");
    wf_value f = open_file(t, path, "w", NULL);
    wf_value text = str(t, "one\r\ntwo\rthree\n\xc3\xa9nd");
    wf_value n = method(t, f, "write", &text, 1);
    assert_true(n == wf_smallint_box(18)); /* characters, not bytes */
    wf_value_decref(t, method(t, f, "close", NULL, 0));
    wf_value_decref(t, f);
    f = open_file(t, path, "r", NULL);
    assert_str(t, method(t, f, "readline", NULL, 0), "one\n");
    wf_value tell = method(t, f, "tell", NULL, 0);
    assert_true(tell == wf_smallint_box(5)); /* the raw offset, "\r\n" counted twice */
    wf_value three = wf_smallint_box(3);
    assert_str(t, method(t, f, "read", &three, 1), "two");
    assert_str(t, method(t, f, "read", NULL, 0), "\nthree\n\xc3\xa9nd");
    assert_str(t, method(t, f, "read", NULL, 0), "");
    wf_value_decref(t, method(t, f, "close", NULL, 0));
    assert_true(method(t, f, "read", NULL, 0) == WF_NULL);
    assert_raised(t, &wf_exc_ValueError, "I/O operation on closed file.");
    wf_value_decref(t, f);
    f = open_file(t, path, "r", "");
    assert_str(t, method(t, f, "readline", NULL, 0), "one\r\n");
    assert_str(t, method(t, f, "readline", NULL, 0), "two\r");
    wf_value_decref(t, f);
    wf_value_decref(t, text);
    wf_value_decref(t, path);
    test_thread_end(t);
}

static void test_open_errors_match_cpython(void **state)
{
    (void)state;
    wf_thread *t = begin();
    wf_value missing = str(t, "/nonexistent/dir/x");
    wf_value m = str(t, "r");
    assert_true(wf_file_open(t, missing, m, 0, 0, 0, 0, 0) == WF_NULL);
    assert_raised(t, &wf_exc_FileNotFoundError,
                  "[Errno 2] No such file or directory: '/nonexistent/dir/x'");
    wf_value rw = str(t, "rw");
    assert_true(wf_file_open(t, missing, rw, 0, 0, 0, 0, 0) == WF_NULL);
    assert_raised(t, &wf_exc_ValueError, "must have exactly one of create/read/write/append mode");
    wf_value path = temp_path(t, "w.txt");
    wf_value f = open_file(t, path, "w", NULL);
    assert_true(method(t, f, "read", NULL, 0) == WF_NULL);
    assert_true(wf_err_matches(t, &wf_exc_ValueError) && wf_err_matches(t, &wf_exc_OSError));
    assert_raised(t, wf_unsupported_operation_type(t), "not readable");
    wf_value values[] = {missing, m, rw, path, f};
    for (size_t i = 0; i < 5; i++)
        wf_value_decref(t, values[i]);
    test_thread_end(t);
}

static void test_print_writes_through_the_file_write_method(void **state)
{
    (void)state;
    wf_thread *t = begin();
    wf_value path = temp_path(t, "p.txt");
    wf_value f = open_file(t, path, "w", NULL);
    wf_value sep = str(t, "-"), end = str(t, "!");
    wf_value kwnames = wf_tuple_pack(t, 3, wf_str_intern_cstr(t, "sep"),
                                     wf_str_intern_cstr(t, "end"), wf_str_intern_cstr(t, "file"));
    wf_value args[] = {wf_smallint_box(1), sep, wf_smallint_box(2), sep, end, f};
    wf_value r = wf_call(t, builtin(t, "print"), args, 3, kwnames);
    assert_true(r == WF_NONE);
    wf_value bad[] = {wf_smallint_box(1), wf_smallint_box(5), end, f};
    assert_true(wf_call(t, builtin(t, "print"), bad, 1, kwnames) == WF_NULL);
    assert_raised(t, &wf_exc_TypeError, "sep must be None or a string, not int");
    wf_value_decref(t, method(t, f, "close", NULL, 0));
    wf_value_decref(t, f);
    f = open_file(t, path, "r", NULL);
    assert_str(t, method(t, f, "read", NULL, 0), "1---2!");
    wf_value values[] = {f, sep, end, kwnames, path};
    for (size_t i = 0; i < 5; i++)
        wf_value_decref(t, values[i]);
    test_thread_end(t);
}

/* Many threads write whole lines to one shared file object: every line arrives intact
 * (one write is atomic with respect to the file's buffer) and none is lost. */
#define WRITERS 4
#define LINES   2000
static wf_value shared_file;

static void writer(int index, void *arg)
{
    (void)arg;
    wf_thread *t = test_thread_begin();
    char buf[64];
    snprintf(buf, sizeof buf, "writer %d says hello\n", index);
    wf_value line = str(t, buf);
    for (int i = 0; i < LINES; i++) {
        wf_value r = method(t, shared_file, "write", &line, 1);
        assert_true(r != WF_NULL);
        if ((i & 63) == 0)
            wf_eval_breaker_check(t);
    }
    wf_value_decref(t, line);
    test_thread_end(t);
}

static void test_concurrent_writers_keep_every_line_whole(void **state)
{
    (void)state;
    wf_thread *t = begin();
    wf_value path = temp_path(t, "shared.txt");
    shared_file = open_file(t, path, "w", NULL);
    wf_object_mark_shared(wf_to_object(shared_file));
    test_run_threads(WRITERS, writer, NULL);
    wf_value_decref(t, method(t, shared_file, "close", NULL, 0));
    wf_value f = open_file(t, path, "r", NULL);
    wf_value lines = method(t, f, "readlines", NULL, 0);
    assert_int_equal(wf_list_size(lines), WRITERS * LINES);
    int counts[WRITERS] = {0};
    for (int64_t i = 0; i < wf_list_size(lines); i++) {
        wf_value l = wf_list_get(t, lines, i);
        int who = -1;
        assert_int_equal(sscanf(wf_str_utf8(l), "writer %d says hello\n", &who), 1);
        assert_int_equal((int)wf_str_size(l), (int)strlen("writer 0 says hello\n"));
        counts[who]++;
        wf_value_decref(t, l);
    }
    for (int i = 0; i < WRITERS; i++)
        assert_int_equal(counts[i], LINES);
    wf_value values[] = {lines, f, shared_file, path};
    for (size_t i = 0; i < 4; i++)
        wf_value_decref(t, values[i]);
    test_thread_end(t);
}

/* Many threads read lines from one shared file object: every line is read by exactly
 * one thread, whole (readline runs under the file's lock, including the refills). */
#define READERS    4
#define READ_LINES 20000
static _Atomic int lines_read[READ_LINES];
static _Atomic int bad_lines;

static void reader(int index, void *arg)
{
    (void)index;
    (void)arg;
    wf_thread *t = test_thread_begin();
    for (int i = 0;; i++) {
        wf_value line = method(t, shared_file, "readline", NULL, 0);
        assert_true(line != WF_NULL);
        size_t n = wf_str_size(line);
        int k = -1;
        if (n == 0) {
            wf_value_decref(t, line);
            break;
        }
        if (sscanf(wf_str_utf8(line), "line %d\n", &k) != 1 || k < 0 || k >= READ_LINES ||
            wf_str_utf8(line)[n - 1] != '\n')
            atomic_fetch_add(&bad_lines, 1);
        else
            atomic_fetch_add(&lines_read[k], 1);
        wf_value_decref(t, line);
        if ((i & 63) == 0)
            wf_eval_breaker_check(t);
    }
    test_thread_end(t);
}

static void test_concurrent_readers_split_the_lines_exactly(void **state)
{
    (void)state;
    wf_thread *t = begin();
    wf_value path = temp_path(t, "lines.txt");
    wf_value f = open_file(t, path, "w", NULL);
    for (int i = 0; i < READ_LINES; i++) {
        char buf[32];
        snprintf(buf, sizeof buf, "line %d\n", i);
        wf_value s = str(t, buf);
        wf_value_decref(t, method(t, f, "write", &s, 1));
        wf_value_decref(t, s);
    }
    wf_value_decref(t, method(t, f, "close", NULL, 0));
    wf_value_decref(t, f);
    shared_file = open_file(t, path, "r", NULL);
    wf_object_mark_shared(wf_to_object(shared_file));
    test_run_threads(READERS, reader, NULL);
    assert_int_equal(atomic_load(&bad_lines), 0);
    for (int i = 0; i < READ_LINES; i++)
        assert_int_equal(atomic_load(&lines_read[i]), 1);
    wf_value_decref(t, shared_file);
    wf_value_decref(t, path);
    test_thread_end(t);
}

/* sys values a program reads, and the per-thread recursion limit. */
static void test_sys_values_and_recursion_limit(void **state)
{
    (void)state;
    wf_thread *t = begin();
    wf_value sys = wf_sys_module(t);
    wf_value v = wf_getattr_cstr(t, sys, "platform");
    assert_str(t, v, "linux");
    v = wf_getattr_cstr(t, sys, "byteorder");
    assert_str(t, v, "little");
    v = wf_getattr_cstr(t, sys, "maxsize");
    int64_t maxsize = 0;
    assert_true(v && wf_int_as_int64(t, v, &maxsize) && maxsize == INT64_MAX);
    wf_value_decref(t, v);
    v = wf_getattr_cstr(t, sys, "version_info");
    assert_str(t, wf_repr(t, v),
               "sys.version_info(major=3, minor=11, micro=7, releaselevel='final', serial=0)");
    wf_value_decref(t, v);
    wf_value set = wf_getattr_cstr(t, sys, "setrecursionlimit");
    wf_value limit = wf_smallint_box(1234);
    wf_value r = wf_call(t, set, &limit, 1, WF_NULL);
    assert_true(r == WF_NONE);
    assert_int_equal(t->recursion_limit, 1234);
    assert_int_equal(wf_sys_recursion_limit(), 1234);
    wf_value zero = wf_smallint_box(0);
    assert_true(wf_call(t, set, &zero, 1, WF_NULL) == WF_NULL);
    assert_raised(t, &wf_exc_ValueError, "recursion limit must be greater or equal than 1");
    wf_value exit_fn = wf_getattr_cstr(t, sys, "exit");
    wf_value code = wf_smallint_box(3);
    assert_true(wf_call(t, exit_fn, &code, 1, WF_NULL) == WF_NULL);
    assert_true(wf_err_matches(t, &wf_exc_SystemExit));
    wf_err_clear(t);
    t->recursion_limit = 1000;
    wf_value_decref(t, set);
    wf_value_decref(t, exit_fn);
    test_thread_end(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_module_repr_and_missing_attribute_message),
        cmocka_unit_test(test_import_module_returns_the_same_object_and_reports_missing),
        cmocka_unit_test(test_builtin_functions_values_and_messages),
        cmocka_unit_test(test_text_file_round_trip_with_universal_newlines_and_exact_tell),
        cmocka_unit_test(test_open_errors_match_cpython),
        cmocka_unit_test(test_print_writes_through_the_file_write_method),
        cmocka_unit_test(test_concurrent_writers_keep_every_line_whole),
        cmocka_unit_test(test_concurrent_readers_split_the_lines_exactly),
        cmocka_unit_test(test_sys_values_and_recursion_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
