/* Float <-> string conversion (runtime/dtoa.h) against CPython 3.11.
 *
 * The bulk is differential: tests/unit/dtoa_cases.txt holds cases whose expected values
 * CPython computed (tools/gen_dtoa_cases.py; the line format is described there).
 * WF_DTOA_CASES=path runs another such file, e.g. a larger one made with --scale.
 * Then properties checked against glibc, whose strtod and printf are exact: parsing
 * agrees with strtod, 'e' 'f' 'g' agree with printf, round() agrees with printf's %.Nf
 * read back, and repr reads back as the same double. A few named cases state the
 * behaviour the brief asks for, with values printed by python3. */
#include "harness.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/dtoa.h"

/* ---- Helpers ---------------------------------------------------------------------------- */

static uint64_t bits(double x)
{
    uint64_t b;
    memcpy(&b, &x, sizeof b);
    return b;
}

static double from_bits(uint64_t b)
{
    double x;
    memcpy(&x, &b, sizeof x);
    return x;
}

static bool is_finite(double x)
{
    return x == x && x - x == 0;
}

/* xorshift64: a fixed sequence per seed, so a failure reproduces. */
static uint64_t next_random(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static double random_finite(uint64_t *s)
{
    for (;;) {
        double x = from_bits(next_random(s));
        if (is_finite(x))
            return x;
    }
}

static const char *repr_of(double x)
{
    static char buf[WF_FLOAT_REPR_SIZE];
    size_t n = wf_float_repr(x, buf, sizeof buf);
    assert_true(n < sizeof buf);
    return buf;
}

static const char *format_of(double x, char type, int precision, unsigned flags)
{
    static char buf[4096];
    size_t n = wf_float_format(x, type, precision, flags, buf, sizeof buf);
    assert_true(n < sizeof buf);
    return buf;
}

static bool parses_as(const char *s, double *out)
{
    return wf_float_parse(s, strlen(s), out);
}

/* ---- The CPython table ------------------------------------------------------------------ */

typedef struct table {
    char *text;
    char **lines; /* the case lines (comments skipped), each NUL-terminated in text */
    size_t count;
} table;

static table cases;

/* The cases file: $WF_DTOA_CASES, or dtoa_cases.txt beside this source file. */
static int load_cases(void **state)
{
    (void)state;
    char path[4096];
    const char *env = getenv("WF_DTOA_CASES");
    if (env) {
        snprintf(path, sizeof path, "%s", env);
    } else {
        const char *slash = strrchr(__FILE__, '/');
        int dir = slash ? (int)(slash - __FILE__) + 1 : 0;
        snprintf(path, sizeof path, "%.*sdtoa_cases.txt", dir, __FILE__);
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "test_dtoa: cannot open %s\n", path);
        return -1;
    }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    cases.text = malloc((size_t)size + 1);
    size_t got = fread(cases.text, 1, (size_t)size, f);
    fclose(f);
    cases.text[got] = '\0';
    size_t cap = 1;
    for (size_t i = 0; i < got; i++)
        cap += cases.text[i] == '\n';
    cases.lines = malloc(cap * sizeof *cases.lines);
    cases.count = 0;
    for (char *p = cases.text; *p;) {
        char *end = strchr(p, '\n');
        if (end)
            *end = '\0';
        if (*p && *p != '#')
            cases.lines[cases.count++] = p;
        if (!end)
            break;
        p = end + 1;
    }
    return 0;
}

static int free_cases(void **state)
{
    (void)state;
    free(cases.lines);
    free(cases.text);
    return 0;
}

/* Splits line (a copy) at tabs into at most max fields; returns how many. */
static int split(const char *line, char *copy, size_t copy_size, char **fields, int max)
{
    snprintf(copy, copy_size, "%s", line);
    assert_true(strlen(line) < copy_size);
    int n = 0;
    char *p = copy;
    fields[n++] = p;
    while (n < max && (p = strchr(p, '\t'))) {
        *p++ = '\0';
        fields[n++] = p;
    }
    return n;
}

static double hex_double(const char *hex)
{
    return from_bits(strtoull(hex, NULL, 16));
}

/* Undoes the generator's escapes (\\ and \xNN) into out; returns the length. */
static size_t unescape(const char *s, char *out)
{
    size_t n = 0;
    while (*s) {
        if (s[0] == '\\' && s[1] == 'x') {
            char hex[3] = {s[2], s[3], 0};
            out[n++] = (char)strtol(hex, NULL, 16);
            s += 4;
        } else if (s[0] == '\\') {
            out[n++] = s[1];
            s += 2;
        } else {
            out[n++] = *s++;
        }
    }
    out[n] = '\0';
    return n;
}

/* Counts a mismatch, describing the first few. */
static void mismatch(int *failures, const char *what, const char *line, const char *got)
{
    if (++*failures <= 10)
        fprintf(stderr, "%s mismatch: case \"%.300s\" got \"%.300s\"\n", what, line, got);
}

static char line_copy[1 << 16];

static void test_repr_matches_cpython(void **state)
{
    (void)state;
    int checked = 0, failures = 0;
    char *f[3] = {0};
    for (size_t i = 0; i < cases.count; i++) {
        if (cases.lines[i][0] != 'R')
            continue;
        assert_int_equal(split(cases.lines[i], line_copy, sizeof line_copy, f, 3), 3);
        const char *got = repr_of(hex_double(f[1]));
        if (strcmp(got, f[2]) != 0)
            mismatch(&failures, "repr", cases.lines[i], got);
        checked++;
    }
    fprintf(stderr, "repr: %d CPython cases\n", checked);
    assert_int_equal(failures, 0);
    assert_true(checked >= 5000);
}

static void test_parse_matches_cpython(void **state)
{
    (void)state;
    static char input[1 << 16];
    int checked = 0, failures = 0;
    char *f[3] = {0};
    for (size_t i = 0; i < cases.count; i++) {
        if (cases.lines[i][0] != 'P')
            continue;
        assert_int_equal(split(cases.lines[i], line_copy, sizeof line_copy, f, 3), 3);
        size_t len = unescape(f[1], input);
        double v = 12345.0;
        bool ok = wf_float_parse(input, len, &v);
        char got[32];
        if (ok)
            snprintf(got, sizeof got, "%016llx", (unsigned long long)bits(v));
        else
            snprintf(got, sizeof got, "INVALID");
        if (strcmp(got, f[2]) != 0)
            mismatch(&failures, "parse", cases.lines[i], got);
        if (!ok && v != 12345.0)
            mismatch(&failures, "parse wrote *out on failure", cases.lines[i], got);
        checked++;
    }
    fprintf(stderr, "parse: %d CPython cases\n", checked);
    assert_int_equal(failures, 0);
    assert_true(checked >= 5000);
}

static void test_format_matches_cpython(void **state)
{
    (void)state;
    int checked = 0, failures = 0;
    char *f[6] = {0};
    for (size_t i = 0; i < cases.count; i++) {
        if (cases.lines[i][0] != 'F')
            continue;
        assert_int_equal(split(cases.lines[i], line_copy, sizeof line_copy, f, 6), 6);
        char type = strcmp(f[2], "-") == 0 ? 0 : f[2][0];
        const char *got = format_of(hex_double(f[1]), type, atoi(f[3]), (unsigned)atoi(f[4]));
        if (strcmp(got, f[5]) != 0)
            mismatch(&failures, "format", cases.lines[i], got);
        checked++;
    }
    fprintf(stderr, "format: %d CPython cases\n", checked);
    assert_int_equal(failures, 0);
    assert_true(checked >= 5000);
}

static void test_round_matches_cpython(void **state)
{
    (void)state;
    int checked = 0, failures = 0;
    char *f[4] = {0};
    for (size_t i = 0; i < cases.count; i++) {
        const char *line = cases.lines[i];
        char got[32];
        if (line[0] == 'D') {
            assert_int_equal(split(line, line_copy, sizeof line_copy, f, 4), 4);
            double x = hex_double(f[1]);
            double r = wf_float_round(x, atoi(f[2]));
            if (is_finite(x) && !is_finite(r))
                snprintf(got, sizeof got, "OVERFLOW");
            else
                snprintf(got, sizeof got, "%016llx", (unsigned long long)bits(r));
            if (strcmp(got, f[3]) != 0)
                mismatch(&failures, "round", line, got);
            checked++;
        } else if (line[0] == 'I') {
            /* round(x) is an int in Python: only the value counts, not the zero's sign */
            assert_int_equal(split(line, line_copy, sizeof line_copy, f, 3), 3);
            double r = wf_float_round_half_even(hex_double(f[1]));
            snprintf(got, sizeof got, "%016llx", (unsigned long long)bits(r));
            if (r != hex_double(f[2]))
                mismatch(&failures, "round to int", line, got);
            checked++;
        }
    }
    fprintf(stderr, "round: %d CPython cases\n", checked);
    assert_int_equal(failures, 0);
    assert_true(checked >= 2000);
}

/* ---- Named cases (values printed by python3) --------------------------------------------- */

static void test_repr_is_shortest_with_exponent_outside_1e_4_to_1e16(void **state)
{
    (void)state;
    assert_string_equal(repr_of(0.1), "0.1");
    assert_string_equal(repr_of(1e16), "1e+16");
    assert_string_equal(repr_of(1e-05), "1e-05");
    assert_string_equal(repr_of(0.0001), "0.0001");
    assert_string_equal(repr_of(123456789012345.0), "123456789012345.0");
    assert_string_equal(repr_of(9999999999999998.0), "9999999999999998.0");
    assert_string_equal(repr_of(2e16 + 8), "2.000000000000001e+16");
    assert_string_equal(repr_of(1.2345678901234567e+16), "1.2345678901234568e+16");
    assert_string_equal(repr_of(-0.0), "-0.0");
    assert_string_equal(repr_of(5e-324), "5e-324");
    assert_string_equal(repr_of(1.7976931348623157e+308), "1.7976931348623157e+308");
}

static void test_repr_of_infinities_and_nans(void **state)
{
    (void)state;
    assert_string_equal(repr_of((double)INFINITY), "inf");
    assert_string_equal(repr_of(-(double)INFINITY), "-inf");
    assert_string_equal(repr_of((double)NAN), "nan");
    assert_string_equal(repr_of(-(double)NAN), "nan"); /* a nan's sign is never shown */
}

static void test_format_types_round_half_even_on_the_binary_value(void **state)
{
    (void)state;
    assert_string_equal(format_of(1234.5678, 'f', 2, 0), "1234.57");
    assert_string_equal(format_of(0.000012345, 'g', 3, 0), "1.23e-05");
    assert_string_equal(format_of(1e16, 'g', -1, 0), "1e+16");
    assert_string_equal(format_of(2.5, 'f', 0, 0), "2");
    assert_string_equal(format_of(0.125, 'f', 2, 0), "0.12"); /* an exact tie: even */
    assert_string_equal(format_of(0.375, 'f', 2, 0), "0.38");
    assert_string_equal(format_of(1.0, 'g', -1, 0), "1");
    assert_string_equal(format_of(0.1, 'f', 30, 0), "0.100000000000000005551115123126");
    assert_string_equal(format_of(0.5, '%', -1, 0), "50.000000%");
    assert_string_equal(format_of((double)INFINITY, 'E', -1, 0), "INF");
}

static void test_format_alternate_form_and_default_type(void **state)
{
    (void)state;
    assert_string_equal(format_of(1.0, 'f', 0, WF_FMT_ALT), "1.");
    assert_string_equal(format_of(1.0, 'g', -1, WF_FMT_ALT), "1.00000");
    assert_string_equal(format_of(1e16, 0, -1, WF_FMT_ALT), "1.e+16");
    assert_string_equal(format_of(1.0, 0, 3, 0), "1.0");
    assert_string_equal(format_of(1.5, 0, 0, 0), "2e+00");
    assert_string_equal(format_of(-0.001, 'f', 1, WF_FMT_NO_NEG_0), "0.0");
    assert_string_equal(format_of(-0.001, 'f', 1, 0), "-0.0");
}

static void test_round_is_half_even_on_the_exact_value(void **state)
{
    (void)state;
    assert_true(wf_float_round(2.675, 2) == 2.67); /* 2.675 is a bit below 2.675 */
    assert_true(wf_float_round(0.5, 0) == 0.0);
    assert_true(wf_float_round(1.5, 0) == 2.0);
    assert_true(wf_float_round(2.5, 0) == 2.0);
    assert_true(wf_float_round(1250.0, -2) == 1200.0);
    assert_true(bits(wf_float_round(-0.4, 0)) == bits(-0.0));
    assert_true(wf_float_round_half_even(0.5) == 0.0);
    assert_true(wf_float_round_half_even(1.5) == 2.0);
    assert_true(wf_float_round_half_even(-2.5) == -2.0);
    /* CPython raises OverflowError here: the rounded value is infinite */
    assert_false(is_finite(wf_float_round(1.7976931348623157e308, -308)));
}

static void test_parse_accepts_python_float_literals(void **state)
{
    (void)state;
    double v;
    assert_true(parses_as("1_000.000_1", &v));
    assert_true(v == 0x1.f4000346dc5d6p+9);
    assert_true(parses_as("1e1_0", &v) && v == 1e10);
    assert_true(parses_as(".5", &v) && v == 0.5);
    assert_true(parses_as("5.", &v) && v == 5.0);
    assert_true(parses_as("-iNfInItY", &v) && v == -(double)INFINITY);
    assert_true(parses_as("-nan", &v) && v != v);
    /* the smallest subnormal, and the halfway point below it (a tie: to even, 0) */
    assert_true(parses_as("2.4703282292062328e-324", &v) && v == 0x0.0000000000001p-1022);
    assert_true(parses_as("2.4703282292062327e-324", &v) && bits(v) == 0);
    assert_true(parses_as("1.7976931348623158e308", &v) && v == 0x1.fffffffffffffp+1023);
    assert_true(parses_as("1.7976931348623159e308", &v) && v == (double)INFINITY);
    assert_true(parses_as("9007199254740993", &v) && v == 0x1p+53);
}

static void test_parse_rejects_what_python_rejects(void **state)
{
    (void)state;
    const char *bad[] = {"",     ".",    "e5",   "1e",    "1e+",  "1_",      "_1",
                         "1__0", "1_.5", "1._5", "1e_5",  "0x10", "infinit", "nan(1)",
                         " 1",   "1 ",   "+-1",  "1.5.5", "--1",  "in f"};
    double v = 0;
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_false(parses_as(bad[i], &v));
    assert_false(wf_float_parse("1\0", 2, &v)); /* an embedded NUL */
}

static void test_output_is_truncated_like_snprintf(void **state)
{
    (void)state;
    char buf[8];
    memset(buf, 'x', sizeof buf);
    assert_int_equal(wf_float_repr(1.7976931348623157e308, buf, 5), 23);
    assert_string_equal(buf, "1.79");
    assert_int_equal(buf[5], 'x');
    assert_int_equal(wf_float_repr(0.5, NULL, 0), 3);
    /* the length of a huge precision is counted, not built */
    assert_int_equal(wf_float_format(1.0, 'f', 1000000000, 0, buf, sizeof buf), 1000000002);
    assert_string_equal(buf, "1.00000");
    assert_int_equal(wf_float_format(1.0, 'x', -1, 0, buf, sizeof buf), 0);
    assert_string_equal(buf, "");
}

/* ---- Properties against glibc -------------------------------------------------------------- */

static void test_repr_reads_back_as_the_same_double(void **state)
{
    (void)state;
    uint64_t seed = 0x9e3779b97f4a7c15u;
    for (int i = 0; i < 100000; i++) {
        double x = random_finite(&seed), v;
        const char *s = repr_of(x);
        assert_true(parses_as(s, &v));
        if (bits(v) != bits(x))
            fail_msg("repr %s of %a reads back as %a", s, x, v);
        assert_true(strtod(s, NULL) == x);
    }
}

/* A random literal: 1..25 or 100..900 digits, a point somewhere, an exponent. */
static size_t random_literal(uint64_t *seed, char *buf)
{
    size_t n = 0;
    if (next_random(seed) & 1)
        buf[n++] = '-';
    int digits = next_random(seed) % 8 == 0 ? 100 + (int)(next_random(seed) % 800)
                                            : 1 + (int)(next_random(seed) % 25);
    int point = (int)(next_random(seed) % (uint64_t)(digits + 1));
    for (int i = 0; i < digits; i++) {
        if (i == point)
            buf[n++] = '.';
        buf[n++] = (char)('0' + next_random(seed) % 10);
    }
    int e = (int)(next_random(seed) % 700) - 360;
    n += (size_t)sprintf(buf + n, "e%d", e);
    return n;
}

static void test_parse_agrees_with_strtod(void **state)
{
    (void)state;
    static char buf[2048];
    uint64_t seed = 0x2545f4914f6cdd1du;
    for (int i = 0; i < 100000; i++) {
        size_t len = random_literal(&seed, buf);
        double v;
        assert_true(wf_float_parse(buf, len, &v));
        double want = strtod(buf, NULL);
        if (bits(v) != bits(want))
            fail_msg("%s: got %a, strtod gives %a", buf, v, want);
    }
}

/* Literals of 700..1300 digits whose value sits at the ends of the double range (near
 * the smallest subnormal, the smallest normal, 1 and DBL_MAX): the largest numbers the
 * slow path builds, and digits past the 800 it keeps. */
static void test_long_literals_at_the_range_ends_agree_with_strtod(void **state)
{
    (void)state;
    static char buf[2048];
    static const int magnitudes[] = {-324, -323, -322, -309, -308, -307, 0, 1, 307, 308, 309};
    uint64_t seed = 0x5851f42d4c957f2du;
    for (size_t m = 0; m < sizeof magnitudes / sizeof *magnitudes; m++) {
        for (int i = 0; i < 200; i++) {
            int digits = 700 + (int)(next_random(&seed) % 600);
            size_t n = 0;
            buf[n++] = (char)('1' + next_random(&seed) % 9);
            for (int j = 1; j < digits; j++)
                buf[n++] = i % 4 == 0 && j > 1 ? '0' : (char)('0' + next_random(&seed) % 10);
            n += (size_t)sprintf(buf + n, "e%d", magnitudes[m] - digits);
            double v;
            assert_true(wf_float_parse(buf, n, &v));
            double want = strtod(buf, NULL);
            if (bits(v) != bits(want))
                fail_msg("%.40s...%s: got %a, strtod gives %a", buf, buf + n - 8, v, want);
        }
    }
}

/* A million digits, before or after the point: read in one pass, correctly rounded. */
static void test_million_digit_literals_agree_with_strtod(void **state)
{
    (void)state;
    enum { N = 1000000 };
    char *buf = malloc(N + 64);
    uint64_t seed = 0x14057b7ef767814fu;
    for (int shape = 0; shape < 4; shape++) {
        /* 1000...0 (inf), 0.000...01 (0), 0.1000...01 (just above 0.1), random e-999990 */
        size_t n = 0;
        if (shape == 1 || shape == 2) {
            memcpy(buf, "0.", 2);
            n = 2;
        }
        for (int i = 0; i < N; i++) {
            char c = shape == 3 ? (char)('0' + next_random(&seed) % 10) : '0';
            if ((i == 0 && shape != 1) || (i == N - 1 && shape != 0))
                c = '1';
            buf[n++] = c;
        }
        if (shape == 3)
            n += (size_t)sprintf(buf + n, "e-999990");
        buf[n] = '\0';
        double v;
        assert_true(wf_float_parse(buf, n, &v));
        double want = strtod(buf, NULL);
        assert_true(bits(v) == bits(want));
    }
    free(buf);
}

static void test_e_f_g_agree_with_printf(void **state)
{
    (void)state;
    static char want[2048];
    uint64_t seed = 0x853c49e6748fea9bu;
    for (int i = 0; i < 60000; i++) {
        double x = random_finite(&seed);
        if (i % 2)
            x = from_bits((bits(x) & 0x800fffffffffffffu) |
                          ((uint64_t)(1023 - 40 + next_random(&seed) % 80) << 52));
        int p = (int)(next_random(&seed) % 40);
        snprintf(want, sizeof want, "%.*e", p, x);
        assert_string_equal(format_of(x, 'e', p, 0), want);
        snprintf(want, sizeof want, "%.*g", p, x);
        assert_string_equal(format_of(x, 'g', p, 0), want);
        snprintf(want, sizeof want, "%#.*g", p, x);
        assert_string_equal(format_of(x, 'g', p, WF_FMT_ALT), want);
        snprintf(want, sizeof want, "%.*f", p, x);
        assert_string_equal(format_of(x, 'f', p, 0), want);
    }
}

/* round(x, n) for n >= 0 is x printed with n decimals (half-even on the exact value, as
 * glibc does) and read back. */
static void test_round_agrees_with_printf_read_back(void **state)
{
    (void)state;
    static char buf[2048];
    uint64_t seed = 0xda942042e4dd58b5u;
    for (int i = 0; i < 60000; i++) {
        double x = random_finite(&seed);
        x = from_bits((bits(x) & 0x800fffffffffffffu) |
                      ((uint64_t)(1023 - 60 + next_random(&seed) % 120) << 52));
        int n = (int)(next_random(&seed) % 25);
        snprintf(buf, sizeof buf, "%.*f", n, x);
        double want = strtod(buf, NULL), got = wf_float_round(x, n);
        if (bits(got) != bits(want))
            fail_msg("round(%a, %d): got %a, want %a (%s)", x, n, got, want, buf);
    }
}

/* ---- Threads ----------------------------------------------------------------------------- */

static _Atomic int round_trips;

static void convert_many(int index, void *arg)
{
    (void)arg;
    uint64_t seed = 0x1234567u + (uint64_t)index;
    char buf[WF_FLOAT_REPR_SIZE];
    for (int i = 0; i < 5000; i++) {
        double x = random_finite(&seed), v;
        size_t n = wf_float_repr(x, buf, sizeof buf);
        if (wf_float_parse(buf, n, &v) && bits(v) == bits(x))
            atomic_fetch_add(&round_trips, 1);
    }
}

static void test_conversions_run_on_many_threads_at_once(void **state)
{
    (void)state;
    atomic_store(&round_trips, 0);
    test_run_threads(4, convert_many, NULL);
    assert_int_equal(atomic_load(&round_trips), 4 * 5000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_repr_matches_cpython),
        cmocka_unit_test(test_parse_matches_cpython),
        cmocka_unit_test(test_format_matches_cpython),
        cmocka_unit_test(test_round_matches_cpython),
        cmocka_unit_test(test_repr_is_shortest_with_exponent_outside_1e_4_to_1e16),
        cmocka_unit_test(test_repr_of_infinities_and_nans),
        cmocka_unit_test(test_format_types_round_half_even_on_the_binary_value),
        cmocka_unit_test(test_format_alternate_form_and_default_type),
        cmocka_unit_test(test_round_is_half_even_on_the_exact_value),
        cmocka_unit_test(test_parse_accepts_python_float_literals),
        cmocka_unit_test(test_parse_rejects_what_python_rejects),
        cmocka_unit_test(test_output_is_truncated_like_snprintf),
        cmocka_unit_test(test_repr_reads_back_as_the_same_double),
        cmocka_unit_test(test_parse_agrees_with_strtod),
        cmocka_unit_test(test_long_literals_at_the_range_ends_agree_with_strtod),
        cmocka_unit_test(test_million_digit_literals_agree_with_strtod),
        cmocka_unit_test(test_e_f_g_agree_with_printf),
        cmocka_unit_test(test_round_agrees_with_printf_read_back),
        cmocka_unit_test(test_conversions_run_on_many_threads_at_once),
    };
    return cmocka_run_group_tests(tests, load_cases, free_cases);
}
