/* Tokenizer behaviour that the differential corpus (tests/tokenizer/) cannot show:
 * newline translation, bad UTF-8 as CPython reports it for a file, and the limits. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp/tokenizer.h"

/* All tokens of src as "NAME:text" lines, or the error as "ERROR:msg@line:offset". */
static char *dump(const char *src, size_t len)
{
    static char out[1 << 16];
    size_t n = 0;
    wf_tokenizer tz;
    if (!wf_tokenizer_init(&tz, src, len, "t.py")) {
        snprintf(out, sizeof out, "ERROR:%s@%d:%d", tz.error.msg, tz.error.lineno, tz.error.offset);
        return out;
    }
    wf_token tok;
    do {
        if (wf_tokenizer_next(&tz, &tok) < 0) {
            n += (size_t)snprintf(out + n, sizeof out - n, "ERROR:%s@%d:%d", tz.error.msg,
                                  tz.error.lineno, tz.error.offset);
            break;
        }
        n += (size_t)snprintf(out + n, sizeof out - n, "%s:%.*s@%d,%d\n", wf_token_name(&tok),
                              (int)tok.len, tok.start, tok.lineno, tok.col);
    } while (tok.kind != WF_TOK_ENDMARKER && n < sizeof out - 256);
    wf_tokenizer_fini(&tz);
    return out;
}

static void assert_same_tokens(const char *a, const char *b)
{
    char *first = strdup(dump(a, strlen(a)));
    assert_string_equal(first, dump(b, strlen(b)));
    free(first);
}

static void test_crlf_and_lone_cr_read_as_newlines(void **state)
{
    (void)state;
    const char *lf = "x = 1\nif x:\n    y = '''a\nb'''\n";
    assert_same_tokens(lf, "x = 1\r\nif x:\r\n    y = '''a\r\nb'''\r\n");
    assert_same_tokens(lf, "x = 1\rif x:\r    y = '''a\rb'''\r");
}

/* What `python3 bad.py` prints for a file with a stray 0xff byte. */
static void test_invalid_utf8_is_reported_as_cpython_does_for_a_file(void **state)
{
    (void)state;
    assert_string_equal(dump("x = 1\ny = \"\xff\"\n", 12),
                        "ERROR:Non-UTF-8 code starting with '\\xff' in file t.py on line 2, "
                        "but no encoding declared; see https://peps.python.org/pep-0263/ for "
                        "details@0:0");
}

static void test_endmarker_repeats_after_the_end(void **state)
{
    (void)state;
    wf_tokenizer tz;
    assert_true(wf_tokenizer_init(&tz, "x", 1, "t.py"));
    wf_token tok;
    int kinds[6];
    for (int i = 0; i < 6; i++) {
        assert_int_equal(wf_tokenizer_next(&tz, &tok), 0);
        kinds[i] = tok.kind;
    }
    wf_tokenizer_fini(&tz);
    assert_int_equal(kinds[0], WF_TOK_NAME);
    assert_int_equal(kinds[1], WF_TOK_NEWLINE);
    for (int i = 2; i < 6; i++)
        assert_int_equal(kinds[i], WF_TOK_ENDMARKER);
}

static void test_deep_brackets_are_an_error_not_a_crash(void **state)
{
    (void)state;
    size_t n = 100000;
    char *src = malloc(n + 1);
    memset(src, '(', n);
    src[n] = '\0';
    assert_non_null(strstr(dump(src, n), "ERROR:too many nested parentheses@1:201"));
    free(src);
}

static void test_every_byte_value_is_handled(void **state)
{
    (void)state;
    /* one of each byte after a name: an error or tokens, never a crash */
    for (int b = 0; b < 256; b++) {
        char src[4] = {'x', (char)b, '\n', 0};
        const char *out = dump(src, 3);
        assert_non_null(out);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_crlf_and_lone_cr_read_as_newlines),
        cmocka_unit_test(test_invalid_utf8_is_reported_as_cpython_does_for_a_file),
        cmocka_unit_test(test_endmarker_repeats_after_the_end),
        cmocka_unit_test(test_deep_brackets_are_an_error_not_a_crash),
        cmocka_unit_test(test_every_byte_value_is_handled),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
