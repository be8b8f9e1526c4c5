/* Tokenizer behaviour that the differential corpus (tests/tokenizer/) cannot show:
 * newline translation, bad UTF-8 and source encodings as CPython reports them when it
 * runs a file (`python3 FILE`; compile() reports some of them differently), and the
 * limits. */
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

/* dump() of a NUL-terminated source. */
static char *dump_str(const char *src)
{
    return dump(src, strlen(src));
}

/* `lines` copies of "x = 1\n" between head and tail: a source longer than the 8 KiB
 * chunk CPython decodes at a time. */
static char *dump_long(const char *head, int lines, const char *tail, size_t tail_len)
{
    size_t hn = strlen(head), n = hn + 6 * (size_t)lines + tail_len;
    char *src = malloc(n);
    memcpy(src, head, hn);
    for (int i = 0; i < lines; i++)
        memcpy(src + hn + 6 * (size_t)i, "x = 1\n", 6);
    memcpy(src + n - tail_len, tail, tail_len);
    char *out = dump(src, n);
    free(src);
    return out;
}

static void test_unknown_encoding_is_reported_as_cpython_does_for_a_file(void **state)
{
    (void)state;
    /* compile() says "unknown encoding: foo"; running the file says this */
    assert_string_equal(dump_str("# coding: foo\nx = 1\n"), "ERROR:encoding problem: foo@0:0");
    assert_string_equal(dump_str("# -*- coding: Foo_Bar -*-\n"),
                        "ERROR:encoding problem: Foo_Bar@0:0");
    /* a codec, but not a text encoding */
    assert_string_equal(dump_str("# coding: rot13\nx = 1\n"), "ERROR:encoding problem: rot13@0:0");
}

static void test_encoding_python_has_and_weft_cannot_decode_is_named(void **state)
{
    (void)state;
    assert_string_equal(dump_str("# coding: big5\nx = 1\n"),
                        "ERROR:encoding not supported by weft yet: big5@0:0");
    assert_string_equal(dump_str("#!/usr/bin/python\n# vim: set fileencoding=UTF-16 :\n"),
                        "ERROR:encoding not supported by weft yet: UTF-16@0:0");
    assert_string_equal(dump_str("# coding: locale\n"),
                        "ERROR:encoding not supported by weft yet: locale@0:0");
}

static void test_bom_with_another_declaration_is_an_encoding_problem(void **state)
{
    (void)state;
    assert_string_equal(dump_str("\xEF\xBB\xBF# coding: latin-1\nx = 1\n"),
                        "ERROR:encoding problem: iso-8859-1 with BOM@0:0");
    /* "utf8" is not one of the spellings CPython folds into "utf-8" */
    assert_string_equal(dump_str("\xEF\xBB\xBF# coding: utf8\nx = 1\n"),
                        "ERROR:encoding problem: utf8 with BOM@0:0");
}

/* CPython decodes the first 8 KiB after the declaration when it opens the file. */
static void test_undecodable_byte_near_the_declaration_is_an_encoding_problem(void **state)
{
    (void)state;
    assert_string_equal(dump_str("# coding: cp1252\nx = '\x81'\n"),
                        "ERROR:encoding problem: cp1252@0:0");
    assert_string_equal(dump_str("# coding: ascii\nx = 1  # caf\xE9\n"),
                        "ERROR:encoding problem: ascii@0:0");
    assert_string_equal(dump_str("# coding: utf8\n# \xFF\n"), "ERROR:encoding problem: utf8@0:0");
}

/* Later chunks are decoded as the tokenizer reaches them; the error names the last line
 * read, the position within what the decoder was given, and no column. */
static void test_undecodable_byte_in_a_later_chunk_is_reported_on_the_last_line_read(void **state)
{
    (void)state;
    assert_string_equal(dump_long("# coding: cp1252\n", 3000, "y = '\x81'\n", 9),
                        "ERROR:(unicode error) 'charmap' codec can't decode byte 0x81 in position "
                        "1622: character maps to <undefined>@2731:0");
    assert_string_equal(dump_long("# coding: utf8\n", 2000, "y = '\xE4\xB8x'\n", 10),
                        "ERROR:(unicode error) 'utf-8' codec can't decode bytes in position "
                        "3814-3815: invalid continuation byte@1366:0");
    assert_string_equal(dump_long("# coding: utf8\n", 2000, "y = 1 # \xE4\xB8", 10),
                        "ERROR:(unicode error) 'utf-8' codec can't decode bytes in position 0-1: "
                        "unexpected end of data@2001:0");
}

/* CPython reads a line only when its tokenizer needs it. */
static void test_tokenizer_error_on_an_earlier_line_comes_first(void **state)
{
    (void)state;
    assert_string_equal(dump_long("# coding: cp1252\nx = 1_\n", 3000, "y = '\x81'\n", 9),
                        "ERROR:invalid decimal literal@2:6");
    assert_string_equal(dump_str("x = 1_\ny = 2\n# \xFF\n"), "ERROR:invalid decimal literal@1:6");
    /* a parser error does not: CPython then reads on to the end */
    assert_non_null(strstr(dump_str("x = (1 2)\ny = 2\n# \xFF\n"),
                           "ERROR:Non-UTF-8 code starting with '\\xff' in file t.py on line 3"));
}

static void test_line_1_must_be_utf8_before_a_declaration_on_line_2(void **state)
{
    (void)state;
    assert_string_equal(dump_str("# caf\xE9\n# coding: latin-1\nx = 1\n"),
                        "ERROR:Non-UTF-8 code starting with '\\xe9' in file t.py on line 1, but no "
                        "encoding declared; see https://peps.python.org/pep-0263/ for details@0:0");
}

static void test_declaration_after_a_line_of_code_is_ignored(void **state)
{
    (void)state;
    assert_string_equal(dump_str("x = 1\n# coding: latin-1\ny = '\xE9'\n"),
                        "ERROR:Non-UTF-8 code starting with '\\xe9' in file t.py on line 3, but no "
                        "encoding declared; see https://peps.python.org/pep-0263/ for details@0:0");
}

/* Under "utf-8" CPython checks bytes only where it makes a name or a string. */
static void test_undecodable_bytes_in_comments_pass_under_utf8(void **state)
{
    (void)state;
    const char *tokens = "NAME:x@3,0\nEQUAL:=@3,2\nNUMBER:1@3,4\nNEWLINE:\n@3,5\nENDMARKER:@4,0\n";
    assert_string_equal(dump_str("# coding: utf-8\n# caf\xE9\nx = 1\n"), tokens);
    assert_string_equal(dump_str("\xEF\xBB\xBF# caf\xE9\n\nx = 1\n"), tokens);
    assert_string_equal(dump_str("# coding: utf-8 caf\xE9\n\nx = 1\n"), tokens);
}

/* CPython decodes from the end of the declaration line, which stays a raw comment. */
static void test_declaration_line_itself_is_not_decoded(void **state)
{
    (void)state;
    assert_string_equal(dump_str("# coding: ascii caf\xE9\nx = 1\n"),
                        "NAME:x@2,0\nEQUAL:=@2,2\nNUMBER:1@2,4\nNEWLINE:\n@2,5\nENDMARKER:@3,0\n");
}

static void test_declared_encoding_is_decoded_to_utf8_with_newlines_translated(void **state)
{
    (void)state;
    const char *want = "NAME:x@2,0\nEQUAL:=@2,2\nSTRING:'\xC3\xA9'@2,4\nNEWLINE:\n@2,7\n"
                       "NAME:\xC3\xA9@3,0\nEQUAL:=@3,2\nNUMBER:1@3,4\nNEWLINE:\n@3,5\n"
                       "ENDMARKER:@4,0\n";
    assert_string_equal(dump_str("# coding: latin-1\nx = '\xE9'\n\xE9 = 1\n"), want);
    assert_string_equal(dump_str("# coding: latin-1\r\nx = '\xE9'\r\n\xE9 = 1\r\n"), want);
    assert_string_equal(dump_str("# coding: latin-1\rx = '\xE9'\r\xE9 = 1\r"), want);
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
        cmocka_unit_test(test_unknown_encoding_is_reported_as_cpython_does_for_a_file),
        cmocka_unit_test(test_encoding_python_has_and_weft_cannot_decode_is_named),
        cmocka_unit_test(test_bom_with_another_declaration_is_an_encoding_problem),
        cmocka_unit_test(test_undecodable_byte_near_the_declaration_is_an_encoding_problem),
        cmocka_unit_test(test_undecodable_byte_in_a_later_chunk_is_reported_on_the_last_line_read),
        cmocka_unit_test(test_tokenizer_error_on_an_earlier_line_comes_first),
        cmocka_unit_test(test_line_1_must_be_utf8_before_a_declaration_on_line_2),
        cmocka_unit_test(test_declaration_after_a_line_of_code_is_ignored),
        cmocka_unit_test(test_undecodable_bytes_in_comments_pass_under_utf8),
        cmocka_unit_test(test_declaration_line_itself_is_not_decoded),
        cmocka_unit_test(test_declared_encoding_is_decoded_to_utf8_with_newlines_translated),
        cmocka_unit_test(test_endmarker_repeats_after_the_end),
        cmocka_unit_test(test_deep_brackets_are_an_error_not_a_crash),
        cmocka_unit_test(test_every_byte_value_is_handled),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
