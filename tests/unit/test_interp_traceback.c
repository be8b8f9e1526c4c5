/* Uncaught exceptions printed as CPython 3.11's default excepthook prints them: source
 * lines and caret lines, chained exceptions, repeated frames cut, "Did you mean". The
 * expected texts were produced by CPython 3.11 running the same files; {P} stands for the
 * temporary file's path. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "interp/frame.h"
#include "interp/run.h"
#include "runtime/dict.h"
#include "runtime/error.h"

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
    wf_frame_stack_fini(T);
    test_thread_end(T);
    return 0;
}

/* Run src from a file as a module and return what wf_print_exception writes to stderr
 * for the exception it raises (malloc'd), with the file's path replaced by {P}. */
static char *traceback_of(const char *src)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/weft_tb_%d.py", (int)getpid());
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(src, fp);
    fclose(fp);
    wf_value globals = wf_dict_new(T);
    wf_value code = wf_compile_source(T, src, strlen(src), path, "exec");
    assert_true(code);
    wf_value r = wf_eval_code(T, code, globals, globals);
    assert_false(r);
    wf_value exc = wf_err_fetch(T);

    fflush(stderr);
    FILE *cap = tmpfile();
    int saved = dup(2);
    dup2(fileno(cap), 2);
    wf_print_exception(T, exc);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    wf_value_decref(T, exc);
    wf_value_decref(T, globals);
    unlink(path);

    long n = ftell(cap);
    rewind(cap);
    char *text = calloc((size_t)n + 1, 1);
    assert_int_equal(fread(text, 1, (size_t)n, cap), (size_t)n);
    fclose(cap);
    /* path -> {P} */
    char *out = calloc((size_t)n + 1, 1);
    size_t plen = strlen(path), k = 0;
    for (const char *s = text; *s;) {
        if (strncmp(s, path, plen) == 0) {
            memcpy(out + k, "{P}", 3);
            k += 3;
            s += plen;
        } else {
            out[k++] = *s++;
        }
    }
    free(text);
    return out;
}

#define CHECK_TB(src, expected)                                                                    \
    do {                                                                                           \
        char *got_ = traceback_of(src);                                                            \
        assert_string_equal(got_, expected);                                                       \
        free(got_);                                                                                \
    } while (0)

static void test_binary_op_carets_and_context(void **state)
{
    (void)state;
    CHECK_TB("def f(a):\n"
             "    return a[1] + a[0]\n"
             "def g():\n"
             "    try:\n"
             "        f([1, \"x\"])\n"
             "    except TypeError:\n"
             "        raise KeyError(\"k\")\n"
             "g()\n",
             "Traceback (most recent call last):\n"
             "  File \"{P}\", line 5, in g\n"
             "    f([1, \"x\"])\n"
             "  File \"{P}\", line 2, in f\n"
             "    return a[1] + a[0]\n"
             "           ~~~~~^~~~~~\n"
             "TypeError: can only concatenate str (not \"int\") to str\n"
             "\n"
             "During handling of the above exception, another exception occurred:\n"
             "\n"
             "Traceback (most recent call last):\n"
             "  File \"{P}\", line 8, in <module>\n"
             "    g()\n"
             "  File \"{P}\", line 7, in g\n"
             "    raise KeyError(\"k\")\n"
             "KeyError: 'k'\n");
}

static void test_repeated_frames_are_cut(void **state)
{
    (void)state;
    CHECK_TB("def down(n):\n"
             "    if n == 0:\n"
             "        raise ValueError(\"bottom\")\n"
             "    return down(n - 1)\n"
             "down(10)\n",
             "Traceback (most recent call last):\n"
             "  File \"{P}\", line 5, in <module>\n"
             "    down(10)\n"
             "  File \"{P}\", line 4, in down\n"
             "    return down(n - 1)\n"
             "           ^^^^^^^^^^^\n"
             "  File \"{P}\", line 4, in down\n"
             "    return down(n - 1)\n"
             "           ^^^^^^^^^^^\n"
             "  File \"{P}\", line 4, in down\n"
             "    return down(n - 1)\n"
             "           ^^^^^^^^^^^\n"
             "  [Previous line repeated 7 more times]\n"
             "  File \"{P}\", line 3, in down\n"
             "    raise ValueError(\"bottom\")\n"
             "ValueError: bottom\n");
}

static void test_cause_and_name_suggestion(void **state)
{
    (void)state;
    CHECK_TB("counter = 1\n"
             "def bump():\n"
             "    return countr + 1\n"
             "try:\n"
             "    bump()\n"
             "except NameError as e:\n"
             "    raise RuntimeError(\"wrapped\") from e\n",
             "Traceback (most recent call last):\n"
             "  File \"{P}\", line 5, in <module>\n"
             "    bump()\n"
             "  File \"{P}\", line 3, in bump\n"
             "    return countr + 1\n"
             "           ^^^^^^\n"
             "NameError: name 'countr' is not defined. Did you mean: 'counter'?\n"
             "\n"
             "The above exception was the direct cause of the following exception:\n"
             "\n"
             "Traceback (most recent call last):\n"
             "  File \"{P}\", line 7, in <module>\n"
             "    raise RuntimeError(\"wrapped\") from e\n"
             "RuntimeError: wrapped\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_binary_op_carets_and_context),
        cmocka_unit_test(test_repeated_frames_are_cut),
        cmocka_unit_test(test_cause_and_name_suggestion),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
