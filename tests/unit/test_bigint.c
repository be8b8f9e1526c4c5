/* Big integers (runtime/bigint.h) against CPython 3.11.
 *
 * The bulk is differential: tests/unit/bigint_cases.txt holds cases whose expected values
 * CPython computed (tools/gen_bigint_cases.py; the line format is described there), one
 * test per operation. Operands and expected values are read from hex by this file's own
 * reader, so no test depends on the library's parser except the parsing test. Every
 * result goes into a buffer of exactly the `_max` helper's size followed by canary
 * digits, which must survive; the inputs must come back unchanged.
 *
 * Named tests cover what a table cannot: the speed of large decimal conversions, algebraic
 * identities far into Karatsuba and Burnikel-Ziegler sizes, out-of-memory reporting on
 * every allocation, and concurrent use. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/bigint.h"
#include "runtime/common.h"

/* ---- Values: hex reading and writing, independent of the library ------------------------ */

static unsigned hex_value(char c)
{
    return c <= '9' ? (unsigned)(c - '0') : (unsigned)(c - 'a' + 10);
}

static wf_bigint *big_alloc(size_t ndigits)
{
    wf_bigint *b = malloc(WF_BIGINT_BYTES(ndigits ? ndigits : 1));
    assert_non_null(b);
    b->size = 0;
    return b;
}

/* "-1f" etc. into a new normalized value. */
static wf_bigint *big_hex(const char *s)
{
    bool neg = *s == '-';
    s += neg;
    size_t len = strlen(s), n = (len + 7) / 8;
    wf_bigint *b = big_alloc(n);
    for (size_t i = 0; i < n; i++) {
        size_t end = len - 8 * i, start = end >= 8 ? end - 8 : 0;
        wf_digit d = 0;
        for (size_t j = start; j < end; j++)
            d = d * 16 + hex_value(s[j]);
        b->digits[i] = d;
    }
    while (n > 0 && b->digits[n - 1] == 0)
        n--;
    b->size = neg ? -(intptr_t)n : (intptr_t)n;
    return b;
}

static wf_bigint *big_int(int64_t v)
{
    wf_bigint *b = big_alloc(WF_BIGINT_DIGITS_64);
    wf_bigint_from_int64(b, v);
    return b;
}

/* Hex of a for messages, the middle elided when long; one static buffer per slot. */
static const char *show(const wf_bigint *a, int slot)
{
    static char bufs[2][200];
    char *out = bufs[slot & 1], *p = out;
    size_t n = wf_bigint_ndigits(a);
    p += sprintf(p, "%s%x", a->size < 0 ? "-" : "", n ? a->digits[n - 1] : 0);
    for (size_t i = n - 1; n > 0 && i-- > 0;) {
        if (n > 10 && i == n - 5) {
            p += sprintf(p, "...(%zu digits)...", n);
            i = 4;
        }
        p += sprintf(p, "%08x", a->digits[i]);
    }
    return out;
}

static bool big_eq(const wf_bigint *a, const wf_bigint *b)
{
    return a->size == b->size &&
           memcmp(a->digits, b->digits, wf_bigint_ndigits(a) * sizeof(wf_digit)) == 0;
}

/* A result buffer: exactly `cap` digits, then canaries that no operation may touch. */
#define CANARIES 4
#define CANARY   0xdeadbeefu

/* Results larger than this are treated as failed allocations, as the int type would
 * see them (CPython raises MemoryError). */
#define TEST_MAX_DIGITS ((size_t)1 << 24)

typedef struct dst {
    wf_bigint *b;
    size_t cap;
} dst;

static dst dst_new(size_t cap)
{
    dst d = {big_alloc(cap + CANARIES), cap};
    d.b->size = 0x5a5a;
    for (size_t i = 0; i < CANARIES; i++)
        d.b->digits[cap + i] = CANARY;
    return d;
}

/* The canaries are intact and the result is normalized. */
static bool dst_ok(dst d)
{
    for (size_t i = 0; i < CANARIES; i++) {
        if (d.b->digits[d.cap + i] != CANARY)
            return false;
    }
    return wf_bigint_ndigits(d.b) <= d.cap && wf_bigint_is_valid(d.b);
}

static void dst_free(dst d)
{
    free(d.b);
}

/* ---- The case table ------------------------------------------------------------------------- */

#define MAX_FIELDS 8

typedef struct case_line {
    char *f[MAX_FIELDS]; /* f[0] is the operation */
    int nf;
    int lineno;
} case_line;

static struct {
    char *text;
    case_line *lines;
    size_t count;
} cases;

/* The cases file: $WF_BIGINT_CASES, or bigint_cases.txt beside this source file. */
static int load_cases(void **state)
{
    (void)state;
    char path[4096];
    const char *env = getenv("WF_BIGINT_CASES");
    if (env) {
        snprintf(path, sizeof path, "%s", env);
    } else {
        const char *slash = strrchr(__FILE__, '/');
        int dir = slash ? (int)(slash - __FILE__) + 1 : 0;
        snprintf(path, sizeof path, "%.*sbigint_cases.txt", dir, __FILE__);
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
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
    cases.lines = calloc(cap, sizeof *cases.lines);
    cases.count = 0;
    int lineno = 0;
    for (char *p = cases.text; *p;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        lineno++;
        if (*p && *p != '#') {
            case_line *c = &cases.lines[cases.count++];
            c->lineno = lineno;
            for (char *q = p; q && c->nf < MAX_FIELDS;) {
                c->f[c->nf++] = q;
                q = strchr(q, '\t');
                if (q)
                    *q++ = '\0';
            }
        }
        if (!nl)
            break;
        p = nl + 1;
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

/* Failures are counted per test and the first few printed with their line. */
typedef struct tally {
    int checked, failed;
} tally;

static void fail_case(tally *t, const case_line *c, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void fail_case(tally *t, const case_line *c, const char *fmt, ...)
{
    if (++t->failed <= 10) {
        va_list ap;
        va_start(ap, fmt);
        fprintf(stderr, "bigint_cases.txt:%d %s: ", c->lineno, c->f[0]);
        vfprintf(stderr, fmt, ap);
        fprintf(stderr, "\n");
        va_end(ap);
    }
}

/* Every case was right, and there were at least `min` of them. */
static void assert_tally(const tally *t, int min)
{
    if (t->failed)
        fprintf(stderr, "%d of %d cases failed\n", t->failed, t->checked);
    assert_int_equal(t->failed, 0);
    assert_true(t->checked >= min);
}

static bool is_error(const char *field)
{
    return field[0] == '!';
}

/* Whether status st is the error "!Type[:message]" that CPython raised. Invalid
 * literals: CPython's message continues after the library's fixed prefix. */
static bool status_matches(int st, const char *field)
{
    if (!is_error(field) || st >= 0)
        return false;
    const char *exc = wf_bigint_status_exception(st), *msg = wf_bigint_status_message(st);
    const char *colon = strchr(field, ':');
    size_t tlen = colon ? (size_t)(colon - field - 1) : strlen(field + 1);
    if (strlen(exc) != tlen || strncmp(exc, field + 1, tlen) != 0)
        return false;
    if (!colon)
        return true;
    if (st == WF_BIGINT_EINVALID_LITERAL)
        return strncmp(colon + 1, msg, strlen(msg)) == 0 &&
               strncmp(colon + 1 + strlen(msg), " with base ", 11) == 0;
    return strcmp(colon + 1, msg) == 0;
}

/* Checks a result against the expected field (a hex value or an error). */
static void check_result(tally *t, const case_line *c, const char *what, int st, dst d,
                         const char *expected)
{
    if (is_error(expected)) {
        if (!status_matches(st, expected))
            fail_case(t, c, "%s: status %d, expected %s", what, st, expected);
        return;
    }
    if (st != WF_BIGINT_OK) {
        fail_case(t, c, "%s: status %d, expected %.60s", what, st, expected);
        return;
    }
    if (!dst_ok(d)) {
        fail_case(t, c, "%s: wrote past its bound of %zu digits, or not normalized", what, d.cap);
        return;
    }
    wf_bigint *e = big_hex(expected);
    if (!big_eq(d.b, e)) {
        size_t i = 0, n = wf_bigint_ndigits(e) < wf_bigint_ndigits(d.b) ? wf_bigint_ndigits(e)
                                                                        : wf_bigint_ndigits(d.b);
        while (i < n && d.b->digits[i] == e->digits[i])
            i++;
        fail_case(t, c,
                  "%s: got %s, expected %s (sizes %lld and %lld, first difference in digit %zu)",
                  what, show(d.b, 0), show(e, 1), (long long)d.b->size, (long long)e->size, i);
    }
    free(e);
}

/* The inputs after the operation: still what they were. */
static void check_unchanged(tally *t, const case_line *c, const wf_bigint *a, const char *hex)
{
    wf_bigint *e = big_hex(hex);
    if (!big_eq(a, e))
        fail_case(t, c, "an input changed");
    free(e);
}

#define FOR_CASES(op, c)                                                                           \
    for (size_t i_ = 0; i_ < cases.count; i_++)                                                    \
        for (const case_line *c = &cases.lines[i_]; c && strcmp(c->f[0], op) == 0; c = NULL)

/* ---- Arithmetic -------------------------------------------------------------------------- */

static void test_add_and_sub_match_cpython(void **state)
{
    (void)state;
    tally t = {0};
    FOR_CASES("addsub", c)
    {
        t.checked++;
        wf_bigint *a = big_hex(c->f[1]), *b = big_hex(c->f[2]);
        dst s = dst_new(wf_bigint_add_max(a, b)), d = dst_new(wf_bigint_add_max(a, b));
        wf_bigint_add(s.b, a, b);
        check_result(&t, c, "a + b", WF_BIGINT_OK, s, c->f[3]);
        wf_bigint_sub(d.b, a, b);
        check_result(&t, c, "a - b", WF_BIGINT_OK, d, c->f[4]);
        check_unchanged(&t, c, a, c->f[1]);
        check_unchanged(&t, c, b, c->f[2]);
        dst_free(s);
        dst_free(d);
        free(a);
        free(b);
    }
    assert_tally(&t, 800);
}

static void test_mul_matches_cpython_in_both_orders(void **state)
{
    (void)state;
    tally t = {0};
    FOR_CASES("mul", c)
    {
        t.checked++;
        wf_bigint *a = big_hex(c->f[1]), *b = big_hex(c->f[2]);
        dst ab = dst_new(wf_bigint_mul_max(a, b)), ba = dst_new(wf_bigint_mul_max(b, a));
        check_result(&t, c, "a * b", wf_bigint_mul(ab.b, a, b), ab, c->f[3]);
        check_result(&t, c, "b * a", wf_bigint_mul(ba.b, b, a), ba, c->f[3]);
        check_unchanged(&t, c, a, c->f[1]);
        check_unchanged(&t, c, b, c->f[2]);
        dst_free(ab);
        dst_free(ba);
        free(a);
        free(b);
    }
    assert_tally(&t, 800);
}

static void test_squaring_matches_cpython(void **state)
{
    (void)state;
    tally t = {0};
    FOR_CASES("sqr", c)
    {
        t.checked++;
        wf_bigint *a = big_hex(c->f[1]);
        dst d = dst_new(wf_bigint_mul_max(a, a));
        check_result(&t, c, "a * a", wf_bigint_mul(d.b, a, a), d, c->f[2]);
        dst_free(d);
        free(a);
    }
    assert_tally(&t, 300);
}

/* Each case three ways: both results, the quotient alone (//) and the remainder alone
 * (%), which also differ in their ZeroDivisionError message. */
static void test_divmod_floors_like_cpython(void **state)
{
    (void)state;
    tally t = {0};
    FOR_CASES("divmod", c)
    {
        t.checked++;
        wf_bigint *a = big_hex(c->f[1]), *b = big_hex(c->f[2]);
        const char *eq = c->f[3], *er = c->f[4];
        dst q = dst_new(wf_bigint_div_max(a, b)), r = dst_new(wf_bigint_mod_max(a, b));
        int st = wf_bigint_divmod(q.b, r.b, a, b);
        check_result(&t, c, "divmod q", st, q, eq);
        if (!is_error(eq))
            check_result(&t, c, "divmod r", st, r, er);
        dst q2 = dst_new(wf_bigint_div_max(a, b)), r2 = dst_new(wf_bigint_mod_max(a, b));
        check_result(&t, c, "a // b", wf_bigint_divmod(q2.b, NULL, a, b), q2, eq);
        check_result(&t, c, "a % b", wf_bigint_divmod(NULL, r2.b, a, b), r2, er);
        check_unchanged(&t, c, a, c->f[1]);
        check_unchanged(&t, c, b, c->f[2]);
        dst_free(q);
        dst_free(r);
        dst_free(q2);
        dst_free(r2);
        free(a);
        free(b);
    }
    assert_tally(&t, 1000);
}

static bool check_double(tally *t, const case_line *c, const char *what, int st, double v,
                         const char *expected)
{
    if (is_error(expected)) {
        if (!status_matches(st, expected)) {
            fail_case(t, c, "%s: status %d, expected %s", what, st, expected);
            return false;
        }
        return true;
    }
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    if (st != WF_BIGINT_OK || bits != strtoull(expected, NULL, 16)) {
        fail_case(t, c, "%s: status %d, bits %016llx, expected %s", what, st,
                  (unsigned long long)bits, expected);
        return false;
    }
    return true;
}

static void test_true_division_rounds_like_cpython(void **state)
{
    (void)state;
    tally t = {0};
    FOR_CASES("truediv", c)
    {
        t.checked++;
        wf_bigint *a = big_hex(c->f[1]), *b = big_hex(c->f[2]);
        double v = 0;
        int st = wf_bigint_truediv(a, b, &v);
        check_double(&t, c, "a / b", st, v, c->f[3]);
        free(a);
        free(b);
    }
    assert_tally(&t, 1500);
}

static void test_pow_matches_cpython(void **state)
{
    (void)state;
    tally t = {0};
    FOR_CASES("pow", c)
    {
        t.checked++;
        wf_bigint *a = big_hex(c->f[1]), *e = big_hex(c->f[2]);
        dst d = dst_new(wf_bigint_pow_max(a, e));
        check_result(&t, c, "a ** e", wf_bigint_pow(d.b, a, e), d, c->f[3]);
        check_unchanged(&t, c, a, c->f[1]);
        dst_free(d);
        free(a);
        free(e);
    }
    assert_tally(&t, 400);
}

static void test_three_argument_pow_matches_cpython(void **state)
{
    (void)state;
    tally t = {0};
    FOR_CASES("powmod", c)
    {
        t.checked++;
        wf_bigint *a = big_hex(c->f[1]), *e = big_hex(c->f[2]), *m = big_hex(c->f[3]);
        dst d = dst_new(wf_bigint_powmod_max(m));
        check_result(&t, c, "pow(a, e, m)", wf_bigint_powmod(d.b, a, e, m), d, c->f[4]);
        check_unchanged(&t, c, a, c->f[1]);
        check_unchanged(&t, c, e, c->f[2]);
        check_unchanged(&t, c, m, c->f[3]);
        dst_free(d);
        free(a);
        free(e);
        free(m);
    }
    assert_tally(&t, 1000);
}

/* ---- Bits ---------------------------------------------------------------------------------- */

static void test_bitwise_operations_use_twos_complement(void **state)
{
    (void)state;
    tally t = {0};
    FOR_CASES("bitwise", c)
    {
        t.checked++;
        wf_bigint *a = big_hex(c->f[1]), *b = big_hex(c->f[2]);
        dst x = dst_new(wf_bigint_and_max(a, b)), y = dst_new(wf_bigint_or_max(a, b)),
            z = dst_new(wf_bigint_xor_max(a, b));
        wf_bigint_and(x.b, a, b);
        check_result(&t, c, "a & b", WF_BIGINT_OK, x, c->f[3]);
        wf_bigint_or(y.b, a, b);
        check_result(&t, c, "a | b", WF_BIGINT_OK, y, c->f[4]);
        wf_bigint_xor(z.b, a, b);
        check_result(&t, c, "a ^ b", WF_BIGINT_OK, z, c->f[5]);
        dst_free(x);
        dst_free(y);
        dst_free(z);
        free(a);
        free(b);
    }
    assert_tally(&t, 1200);
}

static void test_invert_negate_and_abs_match_cpython(void **state)
{
    (void)state;
    tally t = {0};
    FOR_CASES("unary", c)
    {
        t.checked++;
        wf_bigint *a = big_hex(c->f[1]);
        dst inv = dst_new(wf_bigint_invert_max(a)), neg = dst_new(wf_bigint_ndigits(a)),
            abs = dst_new(wf_bigint_ndigits(a));
        wf_bigint_invert(inv.b, a);
        check_result(&t, c, "~a", WF_BIGINT_OK, inv, c->f[2]);
        wf_bigint_neg(neg.b, a);
        check_result(&t, c, "-a", WF_BIGINT_OK, neg, c->f[3]);
        wf_bigint_abs(abs.b, a);
        check_result(&t, c, "abs(a)", WF_BIGINT_OK, abs, c->f[4]);
        check_unchanged(&t, c, a, c->f[1]);
        dst_free(inv);
        dst_free(neg);
        dst_free(abs);
        free(a);
    }
    assert_tally(&t, 300);
}

/* A `_max` of WF_BIGINT_TOO_BIG, or one no test should allocate, is a MemoryError. */
static int shift_op(bool left, wf_bigint *a, int64_t n, dst *d)
{
    size_t cap = left ? wf_bigint_lshift_max(a, n) : wf_bigint_rshift_max(a, n);
    *d = dst_new(0);
    if (cap == WF_BIGINT_TOO_BIG || cap > TEST_MAX_DIGITS)
        return WF_BIGINT_ENOMEM;
    dst_free(*d);
    *d = dst_new(cap);
    return left ? wf_bigint_lshift(d->b, a, n) : wf_bigint_rshift(d->b, a, n);
}

static void test_shifts_match_cpython(void **state)
{
    (void)state;
    tally t = {0};
    FOR_CASES("shift", c)
    {
        t.checked++;
        wf_bigint *a = big_hex(c->f[1]);
        int64_t n = strtoll(c->f[2], NULL, 10);
        dst d;
        check_result(&t, c, "a << n", shift_op(true, a, n, &d), d, c->f[3]);
        dst_free(d);
        check_result(&t, c, "a >> n", shift_op(false, a, n, &d), d, c->f[4]);
        dst_free(d);
        free(a);
    }
    assert_tally(&t, 1500);
}

/* ---- Inspection and conversions ------------------------------------------------------------ */

static void test_compare_orders_like_cpython(void **state)
{
    (void)state;
    tally t = {0};
    FOR_CASES("cmp", c)
    {
        t.checked++;
        wf_bigint *a = big_hex(c->f[1]), *b = big_hex(c->f[2]);
        int want = atoi(c->f[3]);
        if (wf_bigint_cmp(a, b) != want || wf_bigint_cmp(b, a) != -want)
            fail_case(&t, c, "cmp gave %d and %d, expected %d", wf_bigint_cmp(a, b),
                      wf_bigint_cmp(b, a), want);
        if (wf_bigint_cmp(a, a) != 0)
            fail_case(&t, c, "a != a");
        free(a);
        free(b);
    }
    assert_tally(&t, 1000);
}

static void test_hash_bit_length_bit_count_and_int64(void **state)
{
    (void)state;
    tally t = {0};
    FOR_CASES("inspect", c)
    {
        t.checked++;
        wf_bigint *a = big_hex(c->f[1]);
        long long h = strtoll(c->f[2], NULL, 10);
        unsigned long long bl = strtoull(c->f[3], NULL, 10), bc = strtoull(c->f[4], NULL, 10);
        if (wf_bigint_hash(a) != h)
            fail_case(&t, c, "hash %lld, expected %lld", (long long)wf_bigint_hash(a), h);
        if (wf_bigint_bit_length(a) != bl || wf_bigint_bit_count(a) != bc)
            fail_case(&t, c, "bit_length %llu, bit_count %llu",
                      (unsigned long long)wf_bigint_bit_length(a),
                      (unsigned long long)wf_bigint_bit_count(a));
        int64_t v = 0;
        int st = wf_bigint_to_int64(a, &v);
        if (is_error(c->f[5])) {
            if (!status_matches(st, c->f[5]))
                fail_case(&t, c, "to_int64 status %d, expected %s", st, c->f[5]);
        } else if (st != WF_BIGINT_OK || v != strtoll(c->f[5], NULL, 10)) {
            fail_case(&t, c, "to_int64 status %d value %lld", st, (long long)v);
        } else {
            wf_bigint64 back; /* and back through the stack buffer */
            wf_bigint_from_int64(&back.big, v);
            if (!big_eq(&back.big, a))
                fail_case(&t, c, "from_int64(%lld) is %s", (long long)v, show(&back.big, 0));
        }
        free(a);
    }
    assert_tally(&t, 1500);
}

static void test_to_double_rounds_half_even_like_cpython(void **state)
{
    (void)state;
    tally t = {0};
    FOR_CASES("todouble", c)
    {
        t.checked++;
        wf_bigint *a = big_hex(c->f[1]);
        double v = 0;
        int st = wf_bigint_to_double(a, &v);
        check_double(&t, c, "float(a)", st, v, c->f[2]);
        free(a);
    }
    assert_tally(&t, 1000);
}

static void test_from_double_truncates_like_cpython(void **state)
{
    (void)state;
    tally t = {0};
    FOR_CASES("fromdouble", c)
    {
        t.checked++;
        uint64_t bits = strtoull(c->f[1], NULL, 16);
        double x;
        memcpy(&x, &bits, sizeof x);
        dst d = dst_new(wf_bigint_from_double_max(x));
        check_result(&t, c, "int(x)", wf_bigint_from_double(d.b, x), d, c->f[2]);
        dst_free(d);
    }
    assert_tally(&t, 800);
}

/* ---- Strings ----------------------------------------------------------------------------- */

static void test_format_matches_cpython_in_every_base(void **state)
{
    (void)state;
    tally t = {0};
    FOR_CASES("format", c)
    {
        t.checked++;
        int base = atoi(c->f[1]);
        wf_bigint *a = big_hex(c->f[2]);
        size_t max = wf_bigint_format_max(a, base), len = 0;
        char *out = malloc(max);
        int st = wf_bigint_format(out, &len, a, base);
        if (st != WF_BIGINT_OK || len != strlen(c->f[3]) || strcmp(out, c->f[3]) != 0)
            fail_case(&t, c, "status %d, got %.60s (%zu chars), expected %.60s (%zu)", st,
                      st == 0 ? out : "", len, c->f[3], strlen(c->f[3]));
        else if (len + 1 > max)
            fail_case(&t, c, "format_max %zu is below %zu", max, len + 1);
        free(out);
        free(a);
    }
    assert_tally(&t, 1000);
}

static void test_parse_accepts_and_rejects_like_int(void **state)
{
    (void)state;
    tally t = {0};
    FOR_CASES("parse", c)
    {
        t.checked++;
        int base = atoi(c->f[1]);
        const char *s = c->f[2];
        dst d = dst_new(wf_bigint_parse_max(strlen(s), base));
        check_result(&t, c, "int(s, base)", wf_bigint_parse(d.b, s, strlen(s), base), d, c->f[3]);
        dst_free(d);
    }
    assert_tally(&t, 2000);
}

static void test_digit_count_matches_len_of_str(void **state)
{
    (void)state;
    tally t = {0};
    FOR_CASES("digits", c)
    {
        t.checked++;
        int base = atoi(c->f[1]);
        wf_bigint *a = big_hex(c->f[2]);
        size_t n = 0;
        int st = wf_bigint_digit_count(a, base, &n);
        if (st != WF_BIGINT_OK || n != strtoull(c->f[3], NULL, 10))
            fail_case(&t, c, "status %d, %zu digits, expected %s", st, n, c->f[3]);
        free(a);
    }
    assert_tally(&t, 1000);
}

/* str(10**100000) and back, well under a second (checked in the optimized build only;
 * sanitizers make everything several times slower). */
static void test_decimal_conversion_of_10_to_the_100000_is_fast(void **state)
{
    (void)state;
    size_t n = 100000;
    char *text = malloc(n + 2);
    text[0] = '1';
    memset(text + 1, '0', n);
    text[n + 1] = '\0';
    int64_t t0 = wf_monotonic_ns();
    dst v = dst_new(wf_bigint_parse_max(n + 1, 10));
    assert_int_equal(wf_bigint_parse(v.b, text, n + 1, 10), WF_BIGINT_OK);
    int64_t t1 = wf_monotonic_ns();
    size_t max = wf_bigint_format_max(v.b, 10), len = 0;
    char *out = malloc(max);
    assert_int_equal(wf_bigint_format(out, &len, v.b, 10), WF_BIGINT_OK);
    int64_t t2 = wf_monotonic_ns();
    assert_int_equal(len, n + 1);
    assert_string_equal(out, text);
    /* the parsed value is 10 ** 100000 */
    wf_bigint *ten = big_int(10), *e = big_int((int64_t)n);
    dst p = dst_new(wf_bigint_pow_max(ten, e));
    assert_int_equal(wf_bigint_pow(p.b, ten, e), WF_BIGINT_OK);
    assert_true(big_eq(p.b, v.b));
    size_t count = 0;
    assert_int_equal(wf_bigint_digit_count(v.b, 10, &count), WF_BIGINT_OK);
    assert_int_equal(count, n + 1);
    fprintf(stderr, "10**100000: parse %.1f ms, str %.1f ms\n", (double)(t1 - t0) / 1e6,
            (double)(t2 - t1) / 1e6);
#if defined(NDEBUG) && !WF_ASAN && !WF_TSAN
    assert_true(t2 - t0 < 1000000000);
#endif
    dst_free(p);
    free(ten);
    free(e);
    free(out);
    dst_free(v);
    free(text);
}

/* ---- Identities at sizes the table does not reach ---------------------------------------------
 */

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static uint64_t rng_next(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15u); /* splitmix64 */
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

/* n random digits, the top one nonzero; every fourth has long runs of ones or zeros. */
static wf_bigint *big_random(size_t n, bool neg)
{
    wf_bigint *b = big_alloc(n);
    int style = (int)(rng_next() % 4);
    for (size_t i = 0; i < n; i++) {
        wf_digit d = (wf_digit)rng_next();
        b->digits[i] = style == 0 ? (i % 97 < 50 ? 0xffffffffu : (i % 89 == 0 ? d : 0)) : d;
    }
    if (n)
        b->digits[n - 1] |= 1u << (rng_next() % 32);
    b->size = neg ? -(intptr_t)n : (intptr_t)n;
    return b;
}

static wf_bigint *op_mul(const wf_bigint *a, const wf_bigint *b)
{
    wf_bigint *r = big_alloc(wf_bigint_mul_max(a, b));
    assert_int_equal(wf_bigint_mul(r, a, b), WF_BIGINT_OK);
    return r;
}

static wf_bigint *op_add(const wf_bigint *a, const wf_bigint *b)
{
    wf_bigint *r = big_alloc(wf_bigint_add_max(a, b));
    wf_bigint_add(r, a, b);
    return r;
}

/* (a b) c == a (b c) and a (b + c) == a b + a c, with sizes from schoolbook through
 * several Karatsuba levels and very unbalanced operands. */
static void test_multiplication_identities_at_large_sizes(void **state)
{
    (void)state;
    size_t sizes[][3] = {{39, 41, 40},     {80, 81, 79},    {300, 299, 7},
                         {1000, 999, 500}, {4000, 37, 900}, {3001, 2999, 3000}};
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        wf_bigint *a = big_random(sizes[k][0], k & 1), *b = big_random(sizes[k][1], false),
                  *c = big_random(sizes[k][2], k & 2);
        wf_bigint *ab = op_mul(a, b), *bc = op_mul(b, c);
        wf_bigint *ab_c = op_mul(ab, c), *a_bc = op_mul(a, bc);
        assert_true(big_eq(ab_c, a_bc));
        wf_bigint *b_c = op_add(b, c), *ac = op_mul(a, c);
        wf_bigint *lhs = op_mul(a, b_c), *rhs = op_add(ab, ac);
        assert_true(big_eq(lhs, rhs));
        wf_bigint *aa = op_mul(a, a), *a_copy = big_alloc(wf_bigint_ndigits(a));
        wf_bigint_copy(a_copy, a);
        wf_bigint *a_acopy = op_mul(a, a_copy); /* squaring and general agree */
        assert_true(big_eq(aa, a_acopy));
        wf_bigint *all[] = {a, b, c, ab, bc, ab_c, a_bc, b_c, ac, lhs, rhs, aa, a_copy, a_acopy};
        for (size_t i = 0; i < sizeof all / sizeof *all; i++)
            free(all[i]);
    }
}

/* divmod(q b + r, b) == (q, r) for 0 <= r < |b|, with divisors and quotients deep into
 * Burnikel-Ziegler sizes (odd and even block counts) and every sign. */
static void test_division_identities_at_large_sizes(void **state)
{
    (void)state;
    size_t sizes[][2] = {{80, 80},   {81, 160},  {161, 400},   {700, 1300},
                         {1500, 90}, {90, 1500}, {2500, 2501}, {5000, 3333}};
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        for (int signs = 0; signs < 4; signs++) {
            wf_bigint *b = big_random(sizes[k][0], signs & 1);
            wf_bigint *q = big_random(sizes[k][1], false);
            /* r: below |b| with b's sign, so that floor division gives back q and r */
            wf_bigint *r = big_random(sizes[k][0] - 1, false);
            if (signs & 1)
                r->size = -r->size;
            wf_bigint *qb = op_mul(q, b), *a = op_add(qb, r);
            if (signs & 2) { /* -(q b + r) = (-q - 1) b + (b - r), and -q - 1 = ~q */
                a->size = -a->size;
                wf_bigint *nq = big_alloc(wf_bigint_invert_max(q));
                wf_bigint_invert(nq, q);
                free(q);
                q = nq;
                wf_bigint *nr = big_alloc(wf_bigint_add_max(b, r));
                wf_bigint_sub(nr, b, r);
                free(r);
                r = nr;
            }
            dst gq = dst_new(wf_bigint_div_max(a, b)), gr = dst_new(wf_bigint_mod_max(a, b));
            assert_int_equal(wf_bigint_divmod(gq.b, gr.b, a, b), WF_BIGINT_OK);
            assert_true(dst_ok(gq) && dst_ok(gr));
            assert_true(big_eq(gq.b, q));
            assert_true(big_eq(gr.b, r));
            dst_free(gq);
            dst_free(gr);
            free(qb);
            free(a);
            free(b);
            free(q);
            free(r);
        }
    }
}

/* ---- Errors and limits ---------------------------------------------------------------------- */

static void test_every_status_names_an_exception_and_message(void **state)
{
    (void)state;
    assert_null(wf_bigint_status_exception(WF_BIGINT_OK));
    assert_null(wf_bigint_status_message(WF_BIGINT_OK));
    for (int st = WF_BIGINT_ENOMEM; st >= WF_BIGINT_EINVALID_LITERAL; st--) {
        assert_non_null(wf_bigint_status_exception(st));
        assert_non_null(wf_bigint_status_message(st));
    }
    assert_null(wf_bigint_status_exception(WF_BIGINT_EINVALID_LITERAL - 1));
    assert_string_equal(wf_bigint_status_exception(WF_BIGINT_EINT64_OVERFLOW), "OverflowError");
}

static void test_results_too_big_to_represent_are_reported_by_the_helpers(void **state)
{
    (void)state;
    wf_bigint *two = big_int(2), *one = big_int(1), *mone = big_int(-1), *zero = big_int(0);
    wf_bigint *e64 = big_hex("10000000000000000"), *huge = big_int(INT64_MAX);
    assert_int_equal(wf_bigint_pow_max(two, e64), WF_BIGINT_TOO_BIG);
    assert_int_equal(wf_bigint_pow_max(two, huge), WF_BIGINT_TOO_BIG);
    assert_int_equal(wf_bigint_lshift_max(one, INT64_MAX), WF_BIGINT_TOO_BIG);
    assert_int_equal(wf_bigint_lshift_max(zero, INT64_MAX), 0);
    assert_int_equal(wf_bigint_lshift_max(one, -1), 0);
    /* pow with such an exponent is fine for 0, 1 and -1 */
    dst d = dst_new(wf_bigint_pow_max(mone, e64));
    assert_int_equal(wf_bigint_pow(d.b, mone, e64), WF_BIGINT_OK);
    assert_true(big_eq(d.b, one));
    dst_free(d);
    d = dst_new(1);
    assert_int_equal(wf_bigint_pow(d.b, two, e64), WF_BIGINT_ENOMEM);
    assert_int_equal(wf_bigint_lshift(d.b, one, INT64_MAX), WF_BIGINT_ENOMEM);
    assert_int_equal(wf_bigint_rshift(d.b, mone, INT64_MAX), WF_BIGINT_OK);
    assert_true(big_eq(d.b, mone));
    dst_free(d);
    size_t parse_max = wf_bigint_parse_max(SIZE_MAX / 2, 10);
    assert_int_equal(parse_max, WF_BIGINT_TOO_BIG);
    free(two);
    free(one);
    free(mone);
    free(zero);
    free(e64);
    free(huge);
}

static void test_parse_stops_at_nothing_but_the_given_length(void **state)
{
    (void)state;
    dst d = dst_new(wf_bigint_parse_max(4, 10));
    assert_int_equal(wf_bigint_parse(d.b, "12\0003", 4, 10), WF_BIGINT_EINVALID_LITERAL);
    assert_int_equal(wf_bigint_parse(d.b, "1234", 2, 10), WF_BIGINT_OK);
    wf_bigint *twelve = big_int(12);
    assert_true(big_eq(d.b, twelve));
    assert_int_equal(wf_bigint_parse(d.b, " 12", 3, 10), WF_BIGINT_EINVALID_LITERAL);
    free(twelve);
    dst_free(d);
}

static void test_int64_and_uint64_extremes_fit_the_stack_buffer(void **state)
{
    (void)state;
    wf_bigint64 v;
    wf_bigint_from_int64(&v.big, INT64_MIN);
    int64_t back = 0;
    assert_int_equal(wf_bigint_to_int64(&v.big, &back), WF_BIGINT_OK);
    assert_true(back == INT64_MIN);
    wf_bigint_from_uint64(&v.big, UINT64_MAX);
    assert_int_equal(v.big.size, 2);
    assert_int_equal(wf_bigint_to_int64(&v.big, &back), WF_BIGINT_EINT64_OVERFLOW);
    wf_bigint_from_uint64(&v.big, 0);
    assert_int_equal(v.big.size, 0);
}

/* An operation with its expected result, run with the k-th scratch allocation failing
 * for k = 1, 2, ... until it succeeds: each run must report ENOMEM or give the right
 * result, and leak nothing (the ASan build checks). */
typedef int (*alloc_op)(const void *ctx, wf_bigint *out);

typedef struct mem_case {
    const char *name;
    alloc_op op;
    const void *ctx;
    size_t cap;
} mem_case;

typedef struct two {
    wf_bigint *a, *b, *c;
} two;

static int op_mul_ctx(const void *ctx, wf_bigint *out)
{
    const two *t = ctx;
    return wf_bigint_mul(out, t->a, t->b);
}

static int op_div_ctx(const void *ctx, wf_bigint *out)
{
    const two *t = ctx;
    return wf_bigint_divmod(out, NULL, t->a, t->b);
}

static int op_mod_ctx(const void *ctx, wf_bigint *out)
{
    const two *t = ctx;
    return wf_bigint_divmod(NULL, out, t->a, t->b);
}

static int op_pow_ctx(const void *ctx, wf_bigint *out)
{
    const two *t = ctx;
    return wf_bigint_pow(out, t->a, t->b);
}

static int op_powmod_ctx(const void *ctx, wf_bigint *out)
{
    const two *t = ctx;
    return wf_bigint_powmod(out, t->a, t->b, t->c);
}

/* The result is the double's bits. */
static int op_truediv_ctx(const void *ctx, wf_bigint *out)
{
    const two *t = ctx;
    double v;
    int st = wf_bigint_truediv(t->a, t->b, &v);
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    wf_bigint_from_uint64(out, bits);
    return st;
}

/* Format then parse back; the result is the parsed value. */
static int op_format_parse_ctx(const void *ctx, wf_bigint *out)
{
    const two *t = ctx;
    int base = (int)t->b->digits[0];
    size_t len;
    char *s = malloc(wf_bigint_format_max(t->a, base));
    int st = wf_bigint_format(s, &len, t->a, base);
    if (st == WF_BIGINT_OK)
        st = wf_bigint_parse(out, s, len, base);
    free(s);
    return st;
}

static int op_digit_count_ctx(const void *ctx, wf_bigint *out)
{
    const two *t = ctx;
    size_t n = 0;
    int st = wf_bigint_digit_count(t->a, 10, &n);
    wf_bigint_from_uint64(out, n);
    return st;
}

static void run_with_failures(const mem_case *m)
{
    dst want = dst_new(m->cap);
    assert_int_equal(m->op(m->ctx, want.b), WF_BIGINT_OK);
    long k = 1;
    for (;; k++) {
        dst got = dst_new(m->cap);
        wf_bigint_fail_alloc_after(k);
        int st = m->op(m->ctx, got.b);
        wf_bigint_fail_alloc_after(0);
        if (st == WF_BIGINT_ENOMEM) {
            dst_free(got);
            continue;
        }
        if (st != WF_BIGINT_OK || !big_eq(got.b, want.b))
            fail_msg("%s: with allocation %ld failing: status %d", m->name, k, st);
        dst_free(got);
        break;
    }
    /* k - 1 allocations failed, each reported; every case here allocates */
    assert_true(k > 1);
    dst_free(want);
}

static void test_every_allocation_failure_is_reported(void **state)
{
    (void)state;
    two mul = {big_random(300, true), big_random(200, false), NULL};
    two div = {big_random(500, false), big_random(210, true), NULL};
    two pw = {big_int(3), big_int(5000), NULL};
    two pm = {NULL, big_int(-12345), big_random(30, false)};
    wf_bigint *one = big_int(1);
    pm.a = big_alloc(wf_bigint_add_max(pm.c, one));
    wf_bigint_add(pm.a, pm.c, one); /* m + 1: invertible modulo m */
    free(one);
    two td = {big_random(160, false), big_random(150, true), NULL};
    two fp10 = {big_random(300, true), big_int(10), NULL};
    two fp7 = {big_random(300, false), big_int(7), NULL};
    wf_bigint *ten = big_int(10), *e = big_int(3000);
    two dc = {big_alloc(wf_bigint_pow_max(ten, e)), NULL, NULL};
    assert_int_equal(wf_bigint_pow(dc.a, ten, e), WF_BIGINT_OK);
    mem_case ms[] = {
        {"mul", op_mul_ctx, &mul, wf_bigint_mul_max(mul.a, mul.b)},
        {"div", op_div_ctx, &div, wf_bigint_div_max(div.a, div.b)},
        {"mod", op_mod_ctx, &div, wf_bigint_mod_max(div.a, div.b)},
        {"pow", op_pow_ctx, &pw, wf_bigint_pow_max(pw.a, pw.b)},
        {"powmod", op_powmod_ctx, &pm, wf_bigint_powmod_max(pm.c)},
        {"truediv", op_truediv_ctx, &td, WF_BIGINT_DIGITS_64},
        {"str10", op_format_parse_ctx, &fp10, wf_bigint_parse_max(3000, 10)},
        {"str7", op_format_parse_ctx, &fp7, wf_bigint_parse_max(4000, 7)},
        {"digit_count", op_digit_count_ctx, &dc, WF_BIGINT_DIGITS_64},
    };
    for (size_t i = 0; i < sizeof ms / sizeof *ms; i++)
        run_with_failures(&ms[i]);
    two *all[] = {&mul, &div, &pw, &pm, &td, &fp10, &fp7, &dc};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
        free(all[i]->a);
        free(all[i]->b);
        free(all[i]->c);
    }
    free(ten);
    free(e);
}

/* ---- Threads --------------------------------------------------------------------------------- */

static _Atomic int thread_failures;

/* Every thread runs the same multiplication, division and conversion cases on its own
 * buffers (they share only the read-only operands). */
static void thread_body(int index, void *arg)
{
    (void)arg;
    for (size_t i = (size_t)index; i < cases.count; i += 3) {
        const case_line *c = &cases.lines[i];
        if (strcmp(c->f[0], "mul") == 0 || strcmp(c->f[0], "divmod") == 0) {
            wf_bigint *a = big_hex(c->f[1]), *b = big_hex(c->f[2]), *want = NULL;
            dst d;
            int st;
            if (c->f[0][0] == 'm') {
                d = dst_new(wf_bigint_mul_max(a, b));
                st = wf_bigint_mul(d.b, a, b);
                want = big_hex(c->f[3]);
            } else {
                d = dst_new(wf_bigint_mod_max(a, b));
                st = wf_bigint_divmod(NULL, d.b, a, b);
                want = is_error(c->f[4]) ? NULL : big_hex(c->f[4]);
            }
            if (want ? st != WF_BIGINT_OK || !big_eq(d.b, want) : st == WF_BIGINT_OK)
                atomic_fetch_add(&thread_failures, 1);
            free(want);
            dst_free(d);
            free(a);
            free(b);
        } else if (strcmp(c->f[0], "format") == 0) {
            wf_bigint *a = big_hex(c->f[2]);
            int base = atoi(c->f[1]);
            size_t len;
            char *s = malloc(wf_bigint_format_max(a, base));
            if (wf_bigint_format(s, &len, a, base) != WF_BIGINT_OK || strcmp(s, c->f[3]) != 0)
                atomic_fetch_add(&thread_failures, 1);
            free(s);
            free(a);
        }
    }
}

static void test_threads_share_nothing_but_their_operands(void **state)
{
    (void)state;
    atomic_store(&thread_failures, 0);
    test_run_threads(4, thread_body, NULL);
    assert_int_equal(atomic_load(&thread_failures), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_add_and_sub_match_cpython),
        cmocka_unit_test(test_mul_matches_cpython_in_both_orders),
        cmocka_unit_test(test_squaring_matches_cpython),
        cmocka_unit_test(test_divmod_floors_like_cpython),
        cmocka_unit_test(test_true_division_rounds_like_cpython),
        cmocka_unit_test(test_pow_matches_cpython),
        cmocka_unit_test(test_three_argument_pow_matches_cpython),
        cmocka_unit_test(test_bitwise_operations_use_twos_complement),
        cmocka_unit_test(test_invert_negate_and_abs_match_cpython),
        cmocka_unit_test(test_shifts_match_cpython),
        cmocka_unit_test(test_compare_orders_like_cpython),
        cmocka_unit_test(test_hash_bit_length_bit_count_and_int64),
        cmocka_unit_test(test_to_double_rounds_half_even_like_cpython),
        cmocka_unit_test(test_from_double_truncates_like_cpython),
        cmocka_unit_test(test_format_matches_cpython_in_every_base),
        cmocka_unit_test(test_parse_accepts_and_rejects_like_int),
        cmocka_unit_test(test_digit_count_matches_len_of_str),
        cmocka_unit_test(test_decimal_conversion_of_10_to_the_100000_is_fast),
        cmocka_unit_test(test_multiplication_identities_at_large_sizes),
        cmocka_unit_test(test_division_identities_at_large_sizes),
        cmocka_unit_test(test_every_status_names_an_exception_and_message),
        cmocka_unit_test(test_results_too_big_to_represent_are_reported_by_the_helpers),
        cmocka_unit_test(test_parse_stops_at_nothing_but_the_given_length),
        cmocka_unit_test(test_int64_and_uint64_extremes_fit_the_stack_buffer),
        cmocka_unit_test(test_every_allocation_failure_is_reported),
        cmocka_unit_test(test_threads_share_nothing_but_their_operands),
    };
    return cmocka_run_group_tests(tests, load_cases, free_cases);
}
