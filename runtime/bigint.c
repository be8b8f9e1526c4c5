/* Python int semantics on sign-magnitude big integers (see bigint.h): statuses,
 * inspection, conversions, then the arithmetic in the order of bigint.h, bits last.
 * The magnitude work is in bigint_nat.c; this file decides signs, sizes and rounding.
 *
 * Every function here leaves its result normalized (top digit nonzero, zero has size 0)
 * and relies on its inputs being so. */
#include "bigint.h"

#include <string.h>

#include "bigint_nat.h"
#include "common.h"

_Static_assert(WF_BIGINT_BYTES(0) % sizeof(wf_digit) == 0, "header is a whole number of digits");

/* ---- Statuses --------------------------------------------------------------------- */

typedef struct status_text {
    const char *exception, *message;
} status_text;

static const status_text status_texts[] = {
    [-WF_BIGINT_ENOMEM] = {"MemoryError", ""},
    [-WF_BIGINT_EDIVMOD_BY_ZERO] = {"ZeroDivisionError", "integer division or modulo by zero"},
    [-WF_BIGINT_EMOD_BY_ZERO] = {"ZeroDivisionError", "integer modulo by zero"},
    [-WF_BIGINT_ETRUEDIV_BY_ZERO] = {"ZeroDivisionError", "division by zero"},
    [-WF_BIGINT_EINT64_OVERFLOW] = {"OverflowError", "Python int too large to convert to C long"},
    [-WF_BIGINT_EFLOAT_OVERFLOW] = {"OverflowError", "int too large to convert to float"},
    [-WF_BIGINT_ETRUEDIV_OVERFLOW] = {"OverflowError",
                                      "integer division result too large for a float"},
    [-WF_BIGINT_EFLOAT_INFINITY] = {"OverflowError", "cannot convert float infinity to integer"},
    [-WF_BIGINT_EFLOAT_NAN] = {"ValueError", "cannot convert float NaN to integer"},
    [-WF_BIGINT_ENEGATIVE_SHIFT] = {"ValueError", "negative shift count"},
    [-WF_BIGINT_EPOW_ZERO_MODULUS] = {"ValueError", "pow() 3rd argument cannot be 0"},
    [-WF_BIGINT_ENOT_INVERTIBLE] = {"ValueError", "base is not invertible for the given modulus"},
    [-WF_BIGINT_EINVALID_LITERAL] = {"ValueError", "invalid literal for int()"},
};

static const status_text *status_lookup(int status)
{
    if (status >= 0 || -status >= (int)(sizeof status_texts / sizeof *status_texts))
        return NULL;
    return &status_texts[-status];
}

const char *wf_bigint_status_exception(int status)
{
    const status_text *t = status_lookup(status);
    return t ? t->exception : NULL;
}

const char *wf_bigint_status_message(int status)
{
    const status_text *t = status_lookup(status);
    return t ? t->message : NULL;
}

/* ---- Helpers ----------------------------------------------------------------------- */

static inline bool is_neg(const wf_bigint *a)
{
    return a->size < 0;
}

/* dst->size from a digit count that may include leading zeros, and a sign. */
static void set_size(wf_bigint *dst, size_t n, bool neg)
{
    n = wf_nat_normlen(dst->digits, n);
    dst->size = neg ? -(intptr_t)n : (intptr_t)n;
}

/* A scratch wf_bigint with room for n digits, or NULL. */
static wf_bigint *big_new(size_t n)
{
    if (n > WF_BIGINT_MAX_DIGITS)
        return NULL;
    wf_bigint *b = (wf_bigint *)(void *)wf_nat_alloc(n + WF_BIGINT_BYTES(0) / sizeof(wf_digit));
    if (b)
        b->size = 0;
    return b;
}

static void big_free(wf_bigint *b)
{
    wf_nat_free((wf_digit *)(void *)b);
}

static size_t max_size(size_t a, size_t b)
{
    return a > b ? a : b;
}

static size_t min_size(size_t a, size_t b)
{
    return a < b ? a : b;
}

/* A digit count, or WF_BIGINT_TOO_BIG past the limit. */
static size_t limit_digits(size_t n)
{
    return n > WF_BIGINT_MAX_DIGITS ? WF_BIGINT_TOO_BIG : n;
}

/* ---- Inspection --------------------------------------------------------------------- */

int wf_bigint_is_valid(const wf_bigint *a)
{
    size_t n = wf_bigint_ndigits(a);
    return n == 0 || a->digits[n - 1] != 0;
}

int wf_bigint_cmp(const wf_bigint *a, const wf_bigint *b)
{
    if (a->size != b->size)
        return a->size < b->size ? -1 : 1;
    int c = wf_nat_cmp(a->digits, wf_bigint_ndigits(a), b->digits, wf_bigint_ndigits(b));
    return is_neg(a) ? -c : c;
}

static uint64_t nat_bit_length(const wf_digit *a, size_t n)
{
    if (n == 0)
        return 0;
    return (uint64_t)(n - 1) * WF_DIGIT_BITS + (uint64_t)(WF_DIGIT_BITS - __builtin_clz(a[n - 1]));
}

uint64_t wf_bigint_bit_length(const wf_bigint *a)
{
    return nat_bit_length(a->digits, wf_bigint_ndigits(a));
}

uint64_t wf_bigint_bit_count(const wf_bigint *a)
{
    uint64_t c = 0;
    for (size_t i = 0, n = wf_bigint_ndigits(a); i < n; i++)
        c += (uint64_t)__builtin_popcount(a->digits[i]);
    return c;
}

/* Modulo P = 2^61 - 1, where 2^61 == 1: multiplying by 2^32 rotates the 61 bits. */
int64_t wf_bigint_hash(const wf_bigint *a)
{
    const uint64_t P = ((uint64_t)1 << 61) - 1;
    uint64_t h = 0;
    for (size_t i = wf_bigint_ndigits(a); i-- > 0;) {
        h = ((h << 32) & P) | (h >> 29);
        h += a->digits[i];
        if (h >= P)
            h -= P;
    }
    int64_t r = is_neg(a) ? -(int64_t)h : (int64_t)h;
    return r == -1 ? -2 : r;
}

/* ---- Conversions --------------------------------------------------------------------- */

void wf_bigint_from_uint64(wf_bigint *dst, uint64_t v)
{
    dst->digits[0] = (wf_digit)v;
    dst->digits[1] = (wf_digit)(v >> WF_DIGIT_BITS);
    set_size(dst, 2, false);
}

void wf_bigint_from_int64(wf_bigint *dst, int64_t v)
{
    uint64_t m = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    wf_bigint_from_uint64(dst, m);
    if (v < 0)
        dst->size = -dst->size;
}

/* IEEE 754 binary64 fields, read and built by hand so that no libm is needed. */
#define DBL_FRAC_BITS 52
#define DBL_EXP_MASK  0x7ffu
#define DBL_FRAC_MASK (((uint64_t)1 << DBL_FRAC_BITS) - 1)
#define DBL_INF_BITS  ((uint64_t)DBL_EXP_MASK << DBL_FRAC_BITS)

static uint64_t double_bits(double x)
{
    uint64_t u;
    memcpy(&u, &x, sizeof u);
    return u;
}

static double bits_double(uint64_t u)
{
    double x;
    memcpy(&x, &u, sizeof x);
    return x;
}

/* Biased exponent of x (0x7ff for inf and nan). */
static unsigned double_exponent(double x)
{
    return (unsigned)(double_bits(x) >> DBL_FRAC_BITS) & DBL_EXP_MASK;
}

size_t wf_bigint_from_double_max(double x)
{
    unsigned e = double_exponent(x);
    if (e == DBL_EXP_MASK || e < 1023) /* inf, nan, or |x| < 1 */
        return 0;
    return (e - 1022 + WF_DIGIT_BITS - 1) / WF_DIGIT_BITS; /* |x| has e - 1022 bits */
}

/* |x| = mant 2^shift with a 53-bit mant: shifted into place, the fraction dropped. */
int wf_bigint_from_double(wf_bigint *dst, double x)
{
    uint64_t u = double_bits(x), frac = u & DBL_FRAC_MASK;
    unsigned e = double_exponent(x);
    if (e == DBL_EXP_MASK)
        return frac ? WF_BIGINT_EFLOAT_NAN : WF_BIGINT_EFLOAT_INFINITY;
    size_t n = wf_bigint_from_double_max(x);
    uint64_t mant = frac | ((uint64_t)1 << DBL_FRAC_BITS);
    int shift = (int)e - 1075;
    memset(dst->digits, 0, n * sizeof(wf_digit));
    if (n == 0) {
        /* |x| < 1 */
    } else if (shift <= 0) {
        uint64_t v = mant >> -shift;
        dst->digits[0] = (wf_digit)v;
        if (n > 1)
            dst->digits[1] = (wf_digit)(v >> WF_DIGIT_BITS);
    } else {
        size_t d = (size_t)shift / WF_DIGIT_BITS;
        wf_digit lo[2] = {(wf_digit)mant, (wf_digit)(mant >> WF_DIGIT_BITS)};
        /* the 53 bits span digits d, d + 1 and maybe d + 2, the last one being n - 1 */
        wf_digit top = wf_nat_shl(dst->digits + d, lo, 2, (unsigned)shift % WF_DIGIT_BITS);
        if (d + 2 < n)
            dst->digits[d + 2] = top;
    }
    set_size(dst, n, u >> 63);
    return WF_BIGINT_OK;
}

int wf_bigint_to_int64(const wf_bigint *a, int64_t *out)
{
    size_t n = wf_bigint_ndigits(a);
    if (n > 2)
        return WF_BIGINT_EINT64_OVERFLOW;
    uint64_t m = 0;
    for (size_t i = n; i-- > 0;)
        m = (m << WF_DIGIT_BITS) | a->digits[i];
    if (is_neg(a)) {
        if (m > (uint64_t)INT64_MAX + 1)
            return WF_BIGINT_EINT64_OVERFLOW;
        *out = (int64_t)(0 - m);
    } else {
        if (m > (uint64_t)INT64_MAX)
            return WF_BIGINT_EINT64_OVERFLOW;
        *out = (int64_t)m;
    }
    return WF_BIGINT_OK;
}

/* 64 bits of a starting at bit `at` (bits past the top are zero). */
static uint64_t bits64_at(const wf_digit *a, size_t n, uint64_t at)
{
    size_t d = (size_t)(at / WF_DIGIT_BITS);
    unsigned s = (unsigned)(at % WF_DIGIT_BITS);
    uint64_t w[3] = {0, 0, 0};
    for (size_t i = 0; i < 3 && d + i < n; i++)
        w[i] = a[d + i];
    uint64_t lo = w[0] | (w[1] << 32);
    return s == 0 ? lo : (lo >> s) | (w[2] << (64 - s));
}

/* True if any of the low `bits` bits of a is set. */
static bool any_bits_below(const wf_digit *a, size_t n, uint64_t bits)
{
    size_t d = (size_t)(bits / WF_DIGIT_BITS);
    for (size_t i = 0; i < d && i < n; i++) {
        if (a[i])
            return true;
    }
    unsigned s = (unsigned)(bits % WF_DIGIT_BITS);
    return s != 0 && d < n && (a[d] & (((wf_digit)1 << s) - 1)) != 0;
}

/* m 2^e as a double, for m <= 2^53 and m 2^e a multiple of 2^-1074, so that it is
 * exact; +inf when it is 2^1024 or more. */
static double exact_double(uint64_t m, int64_t e)
{
    if (m == 0)
        return 0.0;
    int len = 64 - __builtin_clzll(m);
    WF_ASSERT(len < 54 || m == (uint64_t)1 << 53);
    int64_t top = e + len - 1; /* exponent of the leading bit */
    if (top > 1023)
        return bits_double(DBL_INF_BITS);
    if (top >= -1022) {
        uint64_t mant = len <= 53 ? m << (53 - len) : m >> (len - 53);
        return bits_double(((uint64_t)(top + 1023) << DBL_FRAC_BITS) | (mant & DBL_FRAC_MASK));
    }
    WF_ASSERT(e >= -1074);
    return bits_double(m << (e + 1074)); /* subnormal: the fraction field is m 2^(e+1074) */
}

static bool is_inf(double v)
{
    return (double_bits(v) & ~((uint64_t)1 << 63)) == DBL_INF_BITS;
}

/* The double nearest to (q + f) 2^e, ties to even, where 0 <= f < 1 is nonzero exactly
 * when `sticky`, after dropping the low `drop` bits of q (0 < drop < 64). The caller
 * picks drop so that at most 53 bits remain and the lowest kept bit is worth at least
 * 2^-1074; the result is then exact, or infinite on overflow. */
static double round_to_double(uint64_t q, unsigned drop, bool sticky, int64_t e)
{
    WF_ASSERT(drop > 0 && drop < 64);
    uint64_t m = q >> drop, rem = q & (((uint64_t)1 << drop) - 1);
    uint64_t half = (uint64_t)1 << (drop - 1);
    if (rem > half || (rem == half && (sticky || (m & 1))))
        m++;
    return exact_double(m, e + drop);
}

int wf_bigint_to_double(const wf_bigint *a, double *out)
{
    size_t n = wf_bigint_ndigits(a);
    uint64_t bits = nat_bit_length(a->digits, n);
    double v;
    if (bits <= 53) {
        v = (double)bits64_at(a->digits, n, 0);
    } else {
        /* the top 64 bits when there are that many, else all of them shifted up */
        uint64_t at = bits > 64 ? bits - 64 : 0;
        uint64_t q = bits64_at(a->digits, n, at);
        unsigned width = bits > 64 ? 64 : (unsigned)bits;
        bool sticky = any_bits_below(a->digits, n, at);
        v = round_to_double(q, width - 53, sticky, (int64_t)at);
        if (is_inf(v))
            return WF_BIGINT_EFLOAT_OVERFLOW;
    }
    *out = is_neg(a) ? -v : v;
    return WF_BIGINT_OK;
}

void wf_bigint_copy(wf_bigint *dst, const wf_bigint *a)
{
    WF_ASSERT(dst != a);
    memcpy(dst->digits, a->digits, wf_bigint_ndigits(a) * sizeof(wf_digit));
    dst->size = a->size;
}

void wf_bigint_neg(wf_bigint *dst, const wf_bigint *a)
{
    wf_bigint_copy(dst, a);
    dst->size = -dst->size;
}

void wf_bigint_abs(wf_bigint *dst, const wf_bigint *a)
{
    wf_bigint_copy(dst, a);
    if (dst->size < 0)
        dst->size = -dst->size;
}

/* ---- Addition and subtraction ---------------------------------------------------------- */

size_t wf_bigint_add_max(const wf_bigint *a, const wf_bigint *b)
{
    return max_size(wf_bigint_ndigits(a), wf_bigint_ndigits(b)) + 1;
}

/* dst = (nega ? -|a| : |a|) + (negb ? -|b| : |b|) */
static void add_signed(wf_bigint *dst, const wf_bigint *a, bool nega, const wf_bigint *b, bool negb)
{
    WF_ASSERT(dst != a && dst != b);
    size_t na = wf_bigint_ndigits(a), nb = wf_bigint_ndigits(b);
    if (na < nb || (na == nb && nega != negb && wf_nat_cmp(a->digits, na, b->digits, nb) < 0)) {
        const wf_bigint *t = a;
        a = b;
        b = t;
        bool tn = nega;
        nega = negb;
        negb = tn;
        size_t n = na;
        na = nb;
        nb = n;
    }
    /* now |a| >= |b| when the signs differ, and na >= nb always */
    if (nega == negb) {
        dst->digits[na] = wf_nat_add(dst->digits, a->digits, na, b->digits, nb);
        set_size(dst, na + 1, nega);
    } else {
        wf_nat_sub(dst->digits, a->digits, na, b->digits, nb);
        set_size(dst, na, nega);
    }
}

void wf_bigint_add(wf_bigint *dst, const wf_bigint *a, const wf_bigint *b)
{
    add_signed(dst, a, is_neg(a), b, is_neg(b));
}

void wf_bigint_sub(wf_bigint *dst, const wf_bigint *a, const wf_bigint *b)
{
    add_signed(dst, a, is_neg(a), b, !is_neg(b));
}

/* ---- Multiplication ----------------------------------------------------------------------- */

size_t wf_bigint_mul_max(const wf_bigint *a, const wf_bigint *b)
{
    return wf_bigint_ndigits(a) + wf_bigint_ndigits(b);
}

int wf_bigint_mul(wf_bigint *dst, const wf_bigint *a, const wf_bigint *b)
{
    WF_ASSERT(dst != a && dst != b);
    size_t na = wf_bigint_ndigits(a), nb = wf_bigint_ndigits(b);
    if (wf_nat_mul(dst->digits, a->digits, na, b->digits, nb) < 0)
        return WF_BIGINT_ENOMEM;
    set_size(dst, na + nb, is_neg(a) != is_neg(b));
    return WF_BIGINT_OK;
}

/* ---- Division ----------------------------------------------------------------------------- */

size_t wf_bigint_div_max(const wf_bigint *a, const wf_bigint *b)
{
    size_t na = wf_bigint_ndigits(a), nb = wf_bigint_ndigits(b);
    /* the truncated quotient has na - nb + 1 digits; flooring may carry into one more */
    return na >= nb ? na - nb + 2 : 1;
}

size_t wf_bigint_mod_max(const wf_bigint *a, const wf_bigint *b)
{
    (void)a;
    return wf_bigint_ndigits(b);
}

/* Truncated division of magnitudes, then the floor correction: when the signs differ
 * and the remainder is nonzero, |q| grows by one and r becomes |b| - r. The remainder
 * takes b's sign. */
int wf_bigint_divmod(wf_bigint *q, wf_bigint *r, const wf_bigint *a, const wf_bigint *b)
{
    WF_ASSERT(q || r);
    WF_ASSERT(q != a && q != b && r != a && r != b);
    size_t na = wf_bigint_ndigits(a), nb = wf_bigint_ndigits(b);
    if (nb == 0)
        return q ? WF_BIGINT_EDIVMOD_BY_ZERO : WF_BIGINT_EMOD_BY_ZERO;
    bool negq = is_neg(a) != is_neg(b) && na > 0;
    wf_digit *rd = r ? r->digits : NULL, *scratch = NULL;
    size_t nq = 0;
    if (na < nb) {
        if (r) {
            memcpy(rd, a->digits, na * sizeof *rd);
            memset(rd + na, 0, (nb - na) * sizeof *rd);
        } else {
            rd = NULL; /* zeroness of the remainder is na > 0 */
        }
    } else {
        nq = na - nb + 1;
        if (!rd && negq) {
            rd = scratch = wf_nat_alloc(nb);
            if (!rd)
                return WF_BIGINT_ENOMEM;
        }
        if (wf_nat_divrem(q ? q->digits : NULL, rd, a->digits, na, b->digits, nb) < 0) {
            wf_nat_free(scratch);
            return WF_BIGINT_ENOMEM;
        }
    }
    bool rem_nonzero = na < nb ? na > 0 : (rd && wf_nat_normlen(rd, nb) > 0);
    bool adjust = negq && rem_nonzero;
    if (q) {
        if (adjust)
            q->digits[nq] = wf_nat_add_1(q->digits, q->digits, nq, 1);
        set_size(q, nq + adjust, negq);
    }
    if (r) {
        if (adjust)
            wf_nat_sub(rd, b->digits, nb, rd, nb);
        set_size(r, nb, is_neg(b));
    }
    wf_nat_free(scratch);
    return WF_BIGINT_OK;
}

/* |a| / |b| with 55 or 56 quotient bits and a sticky bit for the rest, then one
 * rounding: q = floor(|a| / (|b| 2^s)) for s = bits(a) - bits(b) - 55; shifting a right
 * by s first gives the same floor, and the remainder is zero only if both the shifted
 * out bits and the division remainder are. Results below half the smallest subnormal
 * round to zero, results that round to 2^1024 or beyond overflow. */
int wf_bigint_truediv(const wf_bigint *a, const wf_bigint *b, double *out)
{
    size_t na = wf_bigint_ndigits(a), nb = wf_bigint_ndigits(b);
    if (nb == 0)
        return WF_BIGINT_ETRUEDIV_BY_ZERO;
    bool neg = is_neg(a) != is_neg(b);
    uint64_t abits = nat_bit_length(a->digits, na), bbits = nat_bit_length(b->digits, nb);
    if (abits <= 53 && bbits <= 53) { /* both exact as doubles: IEEE division rounds once */
        double v = (double)bits64_at(a->digits, na, 0) / (double)bits64_at(b->digits, nb, 0);
        *out = neg ? -v : v;
        return WF_BIGINT_OK;
    }
    int64_t diff = (int64_t)abits - (int64_t)bbits; /* 2^(diff-1) < |a/b| < 2^(diff+1) */
    if (na == 0 || diff < -1078) {                  /* below 2^-1078: rounds to zero */
        *out = neg ? -0.0 : 0.0;
        return WF_BIGINT_OK;
    }
    if (diff > 1026)
        return WF_BIGINT_ETRUEDIV_OVERFLOW;
    int64_t s = diff - 55;
    size_t nx = s >= 0 ? na - (size_t)(s / WF_DIGIT_BITS) : na + (size_t)(-s / WF_DIGIT_BITS) + 1;
    wf_digit *x = wf_nat_alloc(nx + 3 + nb);
    if (!x)
        return WF_BIGINT_ENOMEM;
    wf_digit *qd = x + nx, *rd = qd + 3;
    bool sticky;
    if (s >= 0) {
        size_t d = (size_t)s / WF_DIGIT_BITS;
        wf_nat_shr(x, a->digits + d, nx, (unsigned)(s % WF_DIGIT_BITS));
        sticky = any_bits_below(a->digits, na, (uint64_t)s);
    } else {
        size_t d = (size_t)(-s) / WF_DIGIT_BITS;
        memset(x, 0, d * sizeof *x);
        x[nx - 1] = wf_nat_shl(x + d, a->digits, na, (unsigned)((-s) % WF_DIGIT_BITS));
        sticky = false;
    }
    nx = wf_nat_normlen(x, nx);
    WF_ASSERT(nx >= nb && nx - nb + 1 <= 3);
    memset(qd, 0, 3 * sizeof *qd);
    if (wf_nat_divrem(qd, rd, x, nx, b->digits, nb) < 0) {
        wf_nat_free(x);
        return WF_BIGINT_ENOMEM;
    }
    sticky = sticky || wf_nat_normlen(rd, nb) > 0;
    uint64_t q = bits64_at(qd, 3, 0);
    wf_nat_free(x);
    unsigned width = 64 - (unsigned)__builtin_clzll(q); /* 55 or 56 */
    /* keep 53 bits, or fewer where the result is subnormal (lowest bit 2^-1074) */
    int64_t drop = (int64_t)width - 53;
    if (-1074 - s > drop)
        drop = -1074 - s;
    double v = round_to_double(q, (unsigned)drop, sticky, s);
    if (is_inf(v))
        return WF_BIGINT_ETRUEDIV_OVERFLOW;
    *out = neg ? -v : v;
    return WF_BIGINT_OK;
}

/* ---- Powers ------------------------------------------------------------------------------- */

/* e as a uint64_t, or false when it is larger. e >= 0. */
static bool fits_uint64(const wf_bigint *e, uint64_t *out)
{
    size_t n = wf_bigint_ndigits(e);
    if (n > 2)
        return false;
    *out = bits64_at(e->digits, n, 0);
    return true;
}

static bool is_one(const wf_digit *a, size_t n)
{
    return n == 1 && a[0] == 1;
}

size_t wf_bigint_pow_max(const wf_bigint *a, const wf_bigint *e)
{
    WF_ASSERT(!is_neg(e));
    size_t na = wf_bigint_ndigits(a);
    if (e->size == 0 || is_one(a->digits, na))
        return 1;
    if (na == 0)
        return 0;
    uint64_t n, bits;
    if (!fits_uint64(e, &n) || __builtin_mul_overflow(wf_bigint_bit_length(a), n, &bits))
        return WF_BIGINT_TOO_BIG;
    /* |a|^n < 2^bits; the two spare digits are for the unnormalized products that
     * wf_bigint_pow writes while getting there */
    return limit_digits((size_t)(bits / WF_DIGIT_BITS + 3));
}

/* Left-to-right binary powering: square for each bit of e below the top, multiply by |a|
 * for each set bit; the products alternate between dst and one scratch buffer. */
int wf_bigint_pow(wf_bigint *dst, const wf_bigint *a, const wf_bigint *e)
{
    WF_ASSERT(!is_neg(e) && dst != a && dst != e);
    size_t cap = wf_bigint_pow_max(a, e), na = wf_bigint_ndigits(a);
    if (cap == WF_BIGINT_TOO_BIG)
        return WF_BIGINT_ENOMEM;
    if (e->size == 0 || is_one(a->digits, na)) { /* 1, or -1 for a = -1 and odd e */
        dst->digits[0] = 1;
        dst->size = is_neg(a) && e->size != 0 && (e->digits[0] & 1) ? -1 : 1;
        return WF_BIGINT_OK;
    }
    if (na == 0) {
        dst->size = 0;
        return WF_BIGINT_OK;
    }
    uint64_t n = 0;
    fits_uint64(e, &n); /* pow_max checked that it does */
    bool neg = is_neg(a) && (n & 1);
    wf_digit *tmp = wf_nat_alloc(cap);
    if (!tmp)
        return WF_BIGINT_ENOMEM;
    wf_digit *cur = dst->digits, *other = tmp;
    memcpy(cur, a->digits, na * sizeof *cur);
    size_t len = na;
    for (int bit = 62 - __builtin_clzll(n); bit >= 0; bit--) {
        if (wf_nat_mul(other, cur, len, cur, len) < 0)
            goto nomem;
        len = wf_nat_normlen(other, 2 * len);
        wf_digit *t = cur;
        cur = other;
        other = t;
        if ((n >> bit) & 1) {
            if (wf_nat_mul(other, cur, len, a->digits, na) < 0)
                goto nomem;
            len = wf_nat_normlen(other, len + na);
            t = cur;
            cur = other;
            other = t;
        }
    }
    if (cur != dst->digits)
        memcpy(dst->digits, cur, len * sizeof *cur);
    wf_nat_free(tmp);
    set_size(dst, len, neg);
    return WF_BIGINT_OK;
nomem:
    wf_nat_free(tmp);
    return WF_BIGINT_ENOMEM;
}

size_t wf_bigint_powmod_max(const wf_bigint *m)
{
    return wf_bigint_ndigits(m);
}

/* x^-1 mod m for 0 <= x < m, m > 1, into inv (nm digits of room): the extended Euclidean
 * algorithm keeping only the coefficient of x. ENOT_INVERTIBLE unless gcd(x, m) = 1. */
static int mod_inverse(wf_bigint *inv, const wf_bigint *x, const wf_bigint *m)
{
    /* every remainder and coefficient is at most m in magnitude, so q t1 = t0 - t2 is at
     * most 2m */
    size_t cap = wf_bigint_ndigits(m) + 2;
    wf_bigint *v[7] = {NULL};
    for (int i = 0; i < 7; i++) {
        v[i] = big_new(i == 6 ? 2 * cap : cap);
        if (!v[i]) {
            for (int j = 0; j < i; j++)
                big_free(v[j]);
            return WF_BIGINT_ENOMEM;
        }
    }
    wf_bigint *r0 = v[0], *r1 = v[1], *t0 = v[2], *t1 = v[3], *rn = v[4], *quo = v[5], *prod = v[6];
    int st = WF_BIGINT_OK;
    wf_bigint_copy(r0, m);
    wf_bigint_copy(r1, x);
    t0->size = 0;
    wf_bigint_from_uint64(t1, 1);
    while (r1->size != 0) {
        if ((st = wf_bigint_divmod(quo, rn, r0, r1)) < 0 || (st = wf_bigint_mul(prod, quo, t1)) < 0)
            goto done;
        wf_bigint *t = r0; /* (r0, r1) = (r1, r0 mod r1) */
        r0 = r1;
        r1 = rn;
        rn = t;
        wf_bigint_sub(rn, t0, prod); /* (t0, t1) = (t1, t0 - q t1) */
        t = t0;
        t0 = t1;
        t1 = rn;
        rn = t;
    }
    if (!is_one(r0->digits, wf_bigint_ndigits(r0)) || is_neg(r0))
        st = WF_BIGINT_ENOT_INVERTIBLE;
    else
        st = wf_bigint_divmod(NULL, inv, t0, m);
done:
    for (int i = 0; i < 7; i++)
        big_free(v[i]);
    return st;
}

/* r[0..nm) = p[0..np) mod m[0..nm) (m normalized); p and r do not overlap. */
static int mod_reduce(wf_digit *r, const wf_digit *p, size_t np, const wf_digit *m, size_t nm)
{
    np = wf_nat_normlen(p, np);
    if (np < nm) {
        memcpy(r, p, np * sizeof *r);
        memset(r + np, 0, (nm - np) * sizeof *r);
        return 0;
    }
    return wf_nat_divrem(NULL, r, p, np, m, nm);
}

/* Binary powering modulo |m| with a Knuth or Burnikel-Ziegler reduction after each
 * product; a negative exponent first replaces the base by its inverse. The result is
 * moved into [m + 1, 0] for negative m, like %. */
int wf_bigint_powmod(wf_bigint *dst, const wf_bigint *a, const wf_bigint *e, const wf_bigint *m)
{
    WF_ASSERT(dst != a && dst != e && dst != m);
    size_t nm = wf_bigint_ndigits(m);
    if (nm == 0)
        return WF_BIGINT_EPOW_ZERO_MODULUS;
    if (is_one(m->digits, nm)) {
        dst->size = 0;
        return WF_BIGINT_OK;
    }
    wf_bigint *absm = big_new(nm), *base = big_new(nm), *inv = NULL;
    wf_digit *prod = wf_nat_alloc(2 * nm);
    int st = WF_BIGINT_ENOMEM;
    if (!absm || !base || !prod)
        goto done;
    wf_bigint_abs(absm, m);
    if ((st = wf_bigint_divmod(NULL, base, a, absm)) < 0)
        goto done;
    if (is_neg(e)) {
        if (!(inv = big_new(nm))) {
            st = WF_BIGINT_ENOMEM;
            goto done;
        }
        if ((st = mod_inverse(inv, base, absm)) < 0)
            goto done;
        wf_bigint *t = base;
        base = inv;
        inv = t;
    }
    /* r = 1, then for each exponent bit from the top: r = r^2 (mod m), r = r base */
    wf_digit *r = dst->digits;
    memset(r, 0, nm * sizeof *r);
    r[0] = 1;
    size_t nb = wf_bigint_ndigits(base);
    const wf_digit *ed = e->digits;
    uint64_t ebits = wf_bigint_bit_length(e);
    for (uint64_t k = ebits; k-- > 0;) {
        if (k + 1 < ebits && (wf_nat_mul(prod, r, nm, r, nm) < 0 ||
                              mod_reduce(r, prod, 2 * nm, m->digits, nm) < 0)) {
            st = WF_BIGINT_ENOMEM;
            goto done;
        }
        if ((ed[k / WF_DIGIT_BITS] >> (k % WF_DIGIT_BITS)) & 1) {
            if (wf_nat_mul(prod, r, nm, base->digits, nb) < 0 ||
                mod_reduce(r, prod, nm + nb, m->digits, nm) < 0) {
                st = WF_BIGINT_ENOMEM;
                goto done;
            }
        }
    }
    set_size(dst, nm, false);
    if (is_neg(m) && dst->size != 0) { /* r - |m| */
        wf_nat_sub(r, m->digits, nm, r, nm);
        set_size(dst, nm, true);
    }
    st = WF_BIGINT_OK;
done:
    big_free(absm);
    big_free(base);
    big_free(inv);
    wf_nat_free(prod);
    return st;
}

/* ---- Bitwise operations ---------------------------------------------------------------------
 *
 * A negative x is ...111 followed by the two's complement of |x|, i.e. ~(|x| - 1). The
 * digits are produced on the fly (~|x| + 1, with the +1 carried up), combined, and a
 * negative result turned back into a magnitude the same way. The `_max` bounds are
 * exact enough that the digits above them are pure sign extension:
 *   and: a >= 0 bounds it by a, likewise b; both negative: max + 1 digits.
 *   or: a < 0 gives a <= a | b < 0, so |a| bounds it, likewise b; else max digits.
 *   xor: max digits, one more when a sign is negative. */

typedef enum bit_op { BIT_AND, BIT_OR, BIT_XOR } bit_op;

/* Streams the two's complement digits of one operand. */
typedef struct tc_reader {
    const wf_digit *d;
    size_t n;
    bool neg;
    wf_digit carry;
} tc_reader;

static tc_reader tc_start(const wf_bigint *a)
{
    return (tc_reader){a->digits, wf_bigint_ndigits(a), is_neg(a), 1};
}

static inline wf_digit tc_next(tc_reader *r, size_t i)
{
    wf_digit m = i < r->n ? r->d[i] : 0;
    if (!r->neg)
        return m;
    wf_twodigit t = (wf_twodigit)(wf_digit)~m + r->carry;
    r->carry = (wf_digit)(t >> WF_DIGIT_BITS);
    return (wf_digit)t;
}

static wf_digit apply_op(bit_op op, wf_digit x, wf_digit y)
{
    return op == BIT_AND ? x & y : op == BIT_OR ? x | y : x ^ y;
}

static size_t bitop_max(bit_op op, const wf_bigint *a, const wf_bigint *b)
{
    size_t na = wf_bigint_ndigits(a), nb = wf_bigint_ndigits(b);
    bool nega = is_neg(a), negb = is_neg(b);
    switch (op) {
    case BIT_AND:
        if (!nega && !negb)
            return min_size(na, nb);
        if (!nega || !negb)
            return !nega ? na : nb;
        return max_size(na, nb) + 1;
    case BIT_OR:
        if (nega && negb)
            return min_size(na, nb);
        if (nega || negb)
            return nega ? na : nb;
        return max_size(na, nb);
    case BIT_XOR:
    default:
        return max_size(na, nb) + (nega || negb);
    }
}

static void bitop(wf_bigint *dst, bit_op op, const wf_bigint *a, const wf_bigint *b)
{
    WF_ASSERT(dst != a && dst != b);
    size_t n = bitop_max(op, a, b);
    tc_reader ra = tc_start(a), rb = tc_start(b);
    for (size_t i = 0; i < n; i++)
        dst->digits[i] = apply_op(op, tc_next(&ra, i), tc_next(&rb, i));
    bool neg = apply_op(op, is_neg(a), is_neg(b)) & 1;
    if (neg) {
        for (size_t i = 0; i < n; i++)
            dst->digits[i] = ~dst->digits[i];
        wf_nat_add_1(dst->digits, dst->digits, n, 1);
    }
    set_size(dst, n, neg);
}

size_t wf_bigint_and_max(const wf_bigint *a, const wf_bigint *b)
{
    return bitop_max(BIT_AND, a, b);
}

size_t wf_bigint_or_max(const wf_bigint *a, const wf_bigint *b)
{
    return bitop_max(BIT_OR, a, b);
}

size_t wf_bigint_xor_max(const wf_bigint *a, const wf_bigint *b)
{
    return bitop_max(BIT_XOR, a, b);
}

void wf_bigint_and(wf_bigint *dst, const wf_bigint *a, const wf_bigint *b)
{
    bitop(dst, BIT_AND, a, b);
}

void wf_bigint_or(wf_bigint *dst, const wf_bigint *a, const wf_bigint *b)
{
    bitop(dst, BIT_OR, a, b);
}

void wf_bigint_xor(wf_bigint *dst, const wf_bigint *a, const wf_bigint *b)
{
    bitop(dst, BIT_XOR, a, b);
}

size_t wf_bigint_invert_max(const wf_bigint *a)
{
    return wf_bigint_ndigits(a) + 1;
}

/* ~a = -(a + 1): |a| + 1 negated for a >= 0, |a| - 1 for a < 0. */
void wf_bigint_invert(wf_bigint *dst, const wf_bigint *a)
{
    WF_ASSERT(dst != a);
    size_t n = wf_bigint_ndigits(a);
    if (is_neg(a)) {
        wf_nat_sub_1(dst->digits, a->digits, n, 1);
        set_size(dst, n, false);
    } else {
        dst->digits[n] = wf_nat_add_1(dst->digits, a->digits, n, 1);
        set_size(dst, n + 1, true);
    }
}

/* ---- Shifts --------------------------------------------------------------------------------- */

size_t wf_bigint_lshift_max(const wf_bigint *a, int64_t n)
{
    size_t na = wf_bigint_ndigits(a);
    if (n < 0 || na == 0)
        return 0;
    uint64_t d = (uint64_t)n / WF_DIGIT_BITS;
    if (d > WF_BIGINT_MAX_DIGITS)
        return WF_BIGINT_TOO_BIG;
    return limit_digits(na + (size_t)d + 1);
}

size_t wf_bigint_rshift_max(const wf_bigint *a, int64_t n)
{
    size_t na = wf_bigint_ndigits(a);
    if (n < 0)
        return 0;
    uint64_t d = (uint64_t)n / WF_DIGIT_BITS;
    /* flooring a negative value may carry into one more digit */
    return d >= na ? 1 : na - (size_t)d + 1;
}

int wf_bigint_lshift(wf_bigint *dst, const wf_bigint *a, int64_t n)
{
    WF_ASSERT(dst != a);
    if (n < 0)
        return WF_BIGINT_ENEGATIVE_SHIFT;
    size_t na = wf_bigint_ndigits(a);
    if (na == 0) {
        dst->size = 0;
        return WF_BIGINT_OK;
    }
    if (wf_bigint_lshift_max(a, n) == WF_BIGINT_TOO_BIG)
        return WF_BIGINT_ENOMEM;
    size_t d = (size_t)((uint64_t)n / WF_DIGIT_BITS);
    memset(dst->digits, 0, d * sizeof(wf_digit));
    dst->digits[d + na] = wf_nat_shl(dst->digits + d, a->digits, na, (unsigned)(n % WF_DIGIT_BITS));
    set_size(dst, d + na + 1, is_neg(a));
    return WF_BIGINT_OK;
}

/* floor(a / 2^n): the magnitude shifted, plus one for a negative a that lost set bits. */
int wf_bigint_rshift(wf_bigint *dst, const wf_bigint *a, int64_t n)
{
    WF_ASSERT(dst != a);
    if (n < 0)
        return WF_BIGINT_ENEGATIVE_SHIFT;
    size_t na = wf_bigint_ndigits(a);
    bool neg = is_neg(a);
    if ((uint64_t)n >= wf_bigint_bit_length(a)) {
        dst->digits[0] = 1;
        dst->size = neg ? -1 : 0;
        return WF_BIGINT_OK;
    }
    size_t d = (size_t)((uint64_t)n / WF_DIGIT_BITS), len = na - d;
    wf_nat_shr(dst->digits, a->digits + d, len, (unsigned)(n % WF_DIGIT_BITS));
    dst->digits[len] = 0;
    if (neg && any_bits_below(a->digits, na, (uint64_t)n))
        dst->digits[len] = wf_nat_add_1(dst->digits, dst->digits, len, 1);
    set_size(dst, len + 1, neg);
    return WF_BIGINT_OK;
}
