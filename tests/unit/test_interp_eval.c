/* The compiler and evaluation loop end to end: source strings compiled with
 * wf_compile_source and run with wf_eval_code; each test checks the repr of a result
 * (or the exception's type and message) against what CPython 3.11 gives. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "interp/frame.h"
#include "interp/run.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/str.h"
#include "runtime/type.h"

static wf_thread *T;

static int setup(void **state)
{
    (void)state;
    T = test_thread_begin();
    return wf_interp_init(T) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    /* the frame stack outlives every call; threads/ has no exit hook for it yet */
    wf_frame_stack_fini(T);
    test_thread_end(T);
    return 0;
}

/* Run src as a module and return repr(result) (a global the program sets), or
 * "Type: message" when it raises; malloc'd. */
static char *run(const char *src)
{
    wf_thread *t = T;
    char *out = NULL;
    wf_value globals = wf_dict_new(t);
    assert_true(globals);
    wf_value code = wf_compile_source(t, src, strlen(src), "<test>", "exec");
    wf_value r = code ? wf_eval_code(t, code, globals, globals) : 0;
    if (r) {
        wf_value_decref(t, r);
        wf_value v = wf_dict_get_cstr(t, globals, "result");
        wf_value s = v ? wf_repr(t, v) : 0;
        out = strdup(s ? wf_str_utf8(s) : "<no result>");
        if (s)
            wf_value_decref(t, s);
        if (v)
            wf_value_decref(t, v);
    }
    if (wf_err_occurred(t)) {
        wf_value exc = wf_err_fetch(t);
        wf_value s = wf_str(t, exc);
        size_t n = 512;
        out = malloc(n);
        snprintf(out, n, "%s: %s", wf_type_name(wf_type_of(exc)), s ? wf_str_utf8(s) : "?");
        if (s)
            wf_value_decref(t, s);
        wf_value_decref(t, exc);
    }
    wf_value_decref(t, globals);
    return out;
}

#define CHECK(src, expected)                                                                       \
    do {                                                                                           \
        char *got_ = run(src);                                                                     \
        assert_string_equal(got_, expected);                                                       \
        free(got_);                                                                                \
    } while (0)

static void test_arithmetic_and_folding(void **state)
{
    (void)state;
    CHECK("result = 1 + 2 * 3 - 4 // 3", "6");
    CHECK("result = (2 ** 100, -5 % 3, 7 / 2)", "(1267650600228229401496703205376, 1, 3.5)");
    CHECK("x = 3\nx += 4\nx *= 2\nresult = x", "14");
    CHECK("result = 1 / 0 if False else 'lazy'", "'lazy'");
    CHECK("def f(): return 1 / 0\nresult = 'compiled'", "'compiled'");
}

static void test_comparisons_and_boolean_operators(void **state)
{
    (void)state;
    CHECK("result = (1 < 2 < 3, 1 < 3 < 2, 2 == 2 != 3)", "(True, False, True)");
    CHECK("result = (0 or 'a', 1 and 0, not 1, None is None, 1 in [1, 2], 3 not in [1])",
          "('a', 0, False, True, True, True)");
    CHECK("calls = []\ndef f(x):\n    calls.append(x)\n    return x\n"
          "f(1) < f(0) < f(5)\nresult = calls",
          "[1, 0]");
}

static void test_functions_and_arguments(void **state)
{
    (void)state;
    CHECK("def f(a, b=2, *args, c, d=4, **kw): return (a, b, args, c, d, kw)\n"
          "result = f(1, c=3, e=5)",
          "(1, 2, (), 3, 4, {'e': 5})");
    CHECK("def f(a, /, b): return a + b\nresult = f(1, b=2)", "3");
    CHECK("def f(x): pass\nf()", "TypeError: f() missing 1 required positional argument: 'x'");
    CHECK("def f(x, y): pass\nf(1, 2, 3)",
          "TypeError: f() takes 2 positional arguments but 3 were given");
    CHECK("def f(x): pass\nf(1, z=2)", "TypeError: f() got an unexpected keyword argument 'z'");
    CHECK("def f(x): pass\nf(1, x=2)", "TypeError: f() got multiple values for argument 'x'");
    CHECK("def f(*, k): pass\nf()", "TypeError: f() missing 1 required keyword-only argument: 'k'");
    CHECK("def f(a, /): pass\nf(a=1)",
          "TypeError: f() got some positional-only arguments passed as keyword arguments: 'a'");
    CHECK("def f(a, b, c): pass\nf()",
          "TypeError: f() missing 3 required positional arguments: 'a', 'b', and 'c'");
    CHECK("def f(*a, **k): return a, k\nresult = f(*[1, 2], 3, **{'x': 1}, y=2)",
          "((1, 2, 3), {'x': 1, 'y': 2})");
}

static void test_closures_and_scopes(void **state)
{
    (void)state;
    CHECK("def outer():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n"
          "        return n\n    return inc\ni = outer()\ni()\nresult = i()",
          "2");
    CHECK("def f():\n    x\n    x = 1\nf()",
          "UnboundLocalError: cannot access local variable 'x' where it is not associated with "
          "a value");
    CHECK("undefined_name", "NameError: name 'undefined_name' is not defined");
    CHECK("g = 1\ndef f():\n    global g\n    g = 5\nf()\nresult = g", "5");
    CHECK("result = [lambda: i for i in range(3)][0]()", "2");
}

static void test_control_flow(void **state)
{
    (void)state;
    CHECK("r = []\nfor i in range(10):\n    if i == 2: continue\n    if i == 5: break\n"
          "    r.append(i)\nelse:\n    r.append('no')\nresult = r",
          "[0, 1, 3, 4]");
    CHECK("i = 0\nwhile i < 3:\n    i += 1\nelse:\n    i = -i\nresult = i", "-3");
    CHECK("a, (b, *c), d = 1, (2, 3, 4), 5\nresult = (a, b, c, d)", "(1, 2, [3, 4], 5)");
    CHECK("a, b = [1]", "ValueError: not enough values to unpack (expected 2, got 1)");
    CHECK("a, b = 1, 2, 3", "ValueError: too many values to unpack (expected 2)");
}

static void test_exceptions(void **state)
{
    (void)state;
    CHECK("try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    result = str(e)",
          "'division by zero'");
    CHECK("r = []\ndef f():\n    try:\n        return 1\n    finally:\n        r.append('f')\n"
          "result = (f(), r)",
          "(1, ['f'])");
    CHECK("try:\n    try:\n        raise ValueError('a')\n    except ValueError:\n"
          "        raise KeyError('b')\nexcept KeyError as e:\n"
          "    result = (repr(e.__context__), e.__cause__)",
          "(\"ValueError('a')\", None)");
    CHECK("try:\n    raise TypeError('x') from ValueError('y')\nexcept TypeError as e:\n"
          "    result = (repr(e.__cause__), e.__suppress_context__)",
          "(\"ValueError('y')\", True)");
    CHECK("raise", "RuntimeError: No active exception to reraise");
    CHECK("assert 1 == 2, 'msg'", "AssertionError: msg");
    CHECK("try:\n    raise ValueError\nexcept ValueError as e:\n    pass\nresult = 'e' in dir()",
          "False");
    CHECK("def f(): f()\nf()", "RecursionError: maximum recursion depth exceeded");
}

static void test_with_statement(void **state)
{
    (void)state;
    CHECK("log = []\nclass CM:\n    def __enter__(self):\n        log.append('in')\n"
          "        return 7\n    def __exit__(self, t, v, tb):\n        log.append(t.__name__ if t "
          "else None)\n        return True\nwith CM() as x:\n    log.append(x)\n"
          "    raise ValueError\nresult = log",
          "['in', 7, 'ValueError']");
    CHECK("with 1: pass", "TypeError: 'int' object does not support the context manager "
                          "protocol");
}

static void test_classes(void **state)
{
    (void)state;
    CHECK("class A:\n    x = 1\n    def m(self): return self.x + 1\nresult = (A().m(), "
          "A.__qualname__, A.m.__qualname__)",
          "(2, 'A', 'A.m')");
    CHECK("class A:\n    def f(self): return 'A'\nclass B(A):\n    def f(self): return 'B' + "
          "super().f()\nresult = B().f()",
          "'BA'");
}

static void test_generators_and_comprehensions(void **state)
{
    (void)state;
    CHECK("def g():\n    yield 1\n    x = yield 2\n    return x\nit = g()\n"
          "result = [next(it), next(it)]\ntry:\n    it.send(5)\nexcept StopIteration as e:\n"
          "    result.append(e.value)",
          "[1, 2, 5]");
    CHECK("def g():\n    yield from [1, 2]\n    yield 3\nresult = list(g())", "[1, 2, 3]");
    CHECK("result = ([x * x for x in range(4) if x % 2], {k: v for k, v in [(1, 2)]}, "
          "sum(x for x in range(5)))",
          "([1, 9], {1: 2}, 10)");
}

static void test_fstrings(void **state)
{
    (void)state;
    CHECK("x = 3.5\nresult = f'{x!r:>6}|{x:.2f}|{\"s\"!r}'", "\"   3.5|3.50|'s'\"");
}

static void test_syntax_errors_from_compiler(void **state)
{
    (void)state;
    CHECK("return 1", "SyntaxError: 'return' outside function (<test>, line 1)");
    CHECK("while 1:\n    pass\nbreak", "SyntaxError: 'break' outside loop (<test>, line 3)");
    CHECK("yield 1", "SyntaxError: 'yield' outside function (<test>, line 1)");
}

/* ---- Many threads running one function ----------------------------------------------- */

typedef struct shared_fn {
    wf_value func;
    _Atomic int wrong;
} shared_fn;

/* Each thread calls work(i) many times; every result must be exact. */
static void call_from_thread(int index, void *arg)
{
    shared_fn *s = arg;
    wf_thread *t = test_thread_begin();
    for (int round = 0; round < 200; round++) {
        int64_t n = 50 + index + round % 7;
        wf_value a = wf_smallint_box(n);
        wf_value r = wf_call(t, s->func, &a, 1, 0);
        if (!r || !wf_is_smallint(r) || wf_smallint_unbox(r) != n * (n - 1) / 2 + 3 * n) {
            if (!r)
                wf_err_clear(t);
            atomic_fetch_add(&s->wrong, 1);
        }
        if (r)
            wf_value_decref(t, r);
    }
    wf_frame_stack_fini(t);
    test_thread_end(t);
}

static void test_threads_run_one_function_at_once(void **state)
{
    (void)state;
    const char *src = "K = 3\n"
                      "def helper(i):\n"
                      "    return i + K\n"
                      "def work(n):\n"
                      "    total = 0\n"
                      "    for i in range(n):\n"
                      "        try:\n"
                      "            total += helper(i)\n"
                      "        finally:\n"
                      "            pass\n"
                      "    return total\n";
    wf_value globals = wf_dict_new(T);
    wf_value code = wf_compile_source(T, src, strlen(src), "<threads>", "exec");
    assert_true(code);
    wf_value r = wf_eval_code(T, code, globals, globals);
    assert_true(r);
    wf_value_decref(T, r);
    shared_fn s = {.func = wf_dict_get_cstr(T, globals, "work")};
    assert_true(s.func);
    test_run_threads(4, call_from_thread, &s);
    assert_int_equal(atomic_load(&s.wrong), 0);
    wf_value_decref(T, s.func);
    wf_value_decref(T, globals);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arithmetic_and_folding),
        cmocka_unit_test(test_comparisons_and_boolean_operators),
        cmocka_unit_test(test_functions_and_arguments),
        cmocka_unit_test(test_closures_and_scopes),
        cmocka_unit_test(test_control_flow),
        cmocka_unit_test(test_exceptions),
        cmocka_unit_test(test_with_statement),
        cmocka_unit_test(test_classes),
        cmocka_unit_test(test_generators_and_comprehensions),
        cmocka_unit_test(test_fstrings),
        cmocka_unit_test(test_syntax_errors_from_compiler),
        cmocka_unit_test(test_threads_run_one_function_at_once),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
