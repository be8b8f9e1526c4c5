/* Text conversions of big integers (see bigint.h): parsing, formatting and digit counts.
 *
 * Power-of-two bases map characters straight to bits, in linear time. Other bases work
 * in "words" of k characters, W = base^k being the largest power below 2^32, and by
 * divide and conquer over the powers P[j] = W^(2^j):
 *   - parsing splits the text into a high part and a low part of k 2^j characters and
 *     combines them as high * P[j] + low;
 *   - formatting divides by P[j] and formats quotient and remainder as halves, the
 *     remainder padded with zeros to its full width.
 * Both bottom out in the quadratic word-at-a-time loops once a part is small. With
 * Karatsuba multiplication and Burnikel-Ziegler division underneath, the cost is
 * O(n^1.58 log n) instead of O(n^2). */
#include "bigint.h"

#include <string.h>

#include "bigint_nat.h"
#include "common.h"

/* Sizes at or below which parsing (in words of k characters) and formatting (in 32-bit
 * digits) use the quadratic loops. */
#define PARSE_LEAF_WORDS 48
#define FORMAT_LEAF      48

static const char digit_chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

/* ---- Bases ---------------------------------------------------------------------------- */

/* floor(log2(base) 2^32), so that this is a lower bound on log2(base) and one more an
 * upper bound: sizes without floating point. Computed with Python's decimal module at 60
 * digits, int(Decimal(b).ln() / Decimal(2).ln() * 2**32). */
static const uint64_t log2_base_q32[37] = {
    0,           0,           4294967296,  6807362105,  8589934592,  9972605231,  11102329401,
    12057497578, 12884901888, 13614724211, 14267572527, 14858145664, 15397296697, 15893267570,
    16352464874, 16779967337, 17179869184, 17555519226, 17909691507, 18244709746, 18562539823,
    18864859684, 19153112960, 19428550662, 19692263993, 19945210462, 20188234866, 20422086317,
    20647432170, 20864869498, 21074934633, 21278111131, 21474836480, 21665507770, 21850486522,
    22030102809, 22204658803,
};

typedef unsigned __int128 u128;

/* Upper bound on the bits of `chars` characters in base. */
static u128 bits_for_chars(size_t chars, int base)
{
    return ((u128)chars * (log2_base_q32[base] + 1) >> 32) + 1;
}

/* Upper bound on floor(bits / log2(base)). */
static u128 chars_for_bits(uint64_t bits, int base)
{
    return ((u128)bits << 32) / log2_base_q32[base];
}

/* log2(base) when base is a power of two, else 0. */
static unsigned pow2_bits(int base)
{
    return (base & (base - 1)) == 0 ? (unsigned)__builtin_ctz((unsigned)base) : 0;
}

/* k and W = base^k, the largest power of base below 2^32. */
static void base_word(int base, unsigned *k, wf_digit *w)
{
    uint64_t p = (uint64_t)base;
    unsigned n = 1;
    while (p * (uint64_t)base <= WF_DIGIT_MAX) {
        p *= (uint64_t)base;
        n++;
    }
    *k = n;
    *w = (wf_digit)p;
}

/* 0..35 for a digit character in any base, 99 for anything else. */
static unsigned digit_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

/* The powers P[j] = W^(2^j), each normalized, built by squaring as far as needed. */
typedef struct pow_table {
    wf_digit *p[64];
    size_t n[64];
    int count;
} pow_table;

/* Extend t to hold P[0..j]. */
static int powers_upto(pow_table *t, wf_digit w, int j)
{
    while (t->count <= j) {
        int i = t->count;
        size_t n = i == 0 ? 1 : 2 * t->n[i - 1];
        wf_digit *p = wf_nat_alloc(n);
        if (!p)
            return -1;
        if (i == 0) {
            p[0] = w;
        } else if (wf_nat_mul(p, t->p[i - 1], t->n[i - 1], t->p[i - 1], t->n[i - 1]) < 0) {
            wf_nat_free(p);
            return -1;
        }
        t->p[i] = p;
        t->n[i] = wf_nat_normlen(p, n);
        t->count++;
    }
    return 0;
}

static void powers_free(pow_table *t)
{
    for (int i = 0; i < t->count; i++)
        wf_nat_free(t->p[i]);
}

/* ---- Parsing ---------------------------------------------------------------------------- */

/* Digits of `chars` characters in `base` need at most this many 32-bit digits (with
 * room for the unnormalized products of the divide and conquer). */
static u128 digits_for_chars_wide(size_t chars, int base)
{
    return bits_for_chars(chars, base) / WF_DIGIT_BITS + 3;
}

static size_t digits_for_chars(size_t chars, int base)
{
    return (size_t)digits_for_chars_wide(chars, base);
}

size_t wf_bigint_parse_max(size_t len, int base)
{
    /* base 0 parses at most 4 bits per character (a 0x literal) */
    u128 n = digits_for_chars_wide(len, base == 0 ? 16 : base);
    return n > WF_BIGINT_MAX_DIGITS ? WF_BIGINT_TOO_BIG : (size_t)n;
}

/* Check s against the literal grammar (bigint.h) and collect its digit values, most
 * significant first, into dv. Returns the number of digits, 0 when s is not a literal;
 * *base becomes the base the literal is in. */
static size_t scan_literal(const char *s, size_t len, int *base, bool *neg, unsigned char *dv)
{
    size_t i = 0, n = 0;
    int b = *base;
    *neg = false;
    if (i < len && (s[i] == '+' || s[i] == '-'))
        *neg = s[i++] == '-';
    bool prefixed = false;
    if (len - i >= 2 && s[i] == '0') {
        char c = (char)(s[i + 1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb != 0 && (b == 0 || b == pb)) {
            b = pb;
            i += 2;
            prefixed = true;
        }
    }
    bool unprefixed_base0 = b == 0;
    if (b == 0)
        b = 10;
    if (prefixed && i < len && s[i] == '_')
        i++;
    bool need_digit = true; /* at the start and after an underscore */
    for (; i < len; i++) {
        if (s[i] == '_') {
            if (need_digit)
                return 0;
            need_digit = true;
            continue;
        }
        unsigned v = digit_value((unsigned char)s[i]);
        if (v >= (unsigned)b)
            return 0;
        dv[n++] = (unsigned char)v;
        need_digit = false;
    }
    if (need_digit)
        return 0;
    if (unprefixed_base0 && dv[0] == 0) { /* "0", "00", "0_0" but not "07" */
        for (size_t j = 0; j < n; j++) {
            if (dv[j] != 0)
                return 0;
        }
    }
    *base = b;
    return n;
}

/* Power-of-two base: bits straight from the characters, least significant first. */
static size_t parse_pow2(wf_digit *out, const unsigned char *dv, size_t n, unsigned bits)
{
    size_t len = 0;
    uint64_t acc = 0;
    unsigned have = 0;
    for (size_t i = n; i-- > 0;) {
        acc |= (uint64_t)dv[i] << have;
        have += bits;
        if (have >= WF_DIGIT_BITS) {
            out[len++] = (wf_digit)acc;
            acc >>= WF_DIGIT_BITS;
            have -= WF_DIGIT_BITS;
        }
    }
    if (have > 0)
        out[len++] = (wf_digit)acc;
    return len;
}

typedef struct parse_ctx {
    int base;
    unsigned k; /* characters per word */
    wf_digit w; /* base^k */
    pow_table pow;
} parse_ctx;

/* out[0..cap) = the value of dv[0..n), word by word: out = out * base^g + group. */
static void parse_leaf(const parse_ctx *c, wf_digit *out, size_t cap, const unsigned char *dv,
                       size_t n)
{
    memset(out, 0, cap * sizeof *out);
    size_t len = 0, i = 0;
    size_t g = n % c->k ? n % c->k : c->k; /* the first group may be short */
    while (i < n) {
        wf_digit val = 0, mult = 1;
        for (size_t e = i + g; i < e; i++) {
            val = val * (wf_digit)c->base + dv[i];
            mult *= (wf_digit)c->base;
        }
        wf_digit carry = wf_nat_mul_1(out, out, len, mult, val);
        if (carry)
            out[len++] = carry;
        g = c->k;
    }
    WF_ASSERT(len <= cap);
}

/* out[0..cap) = the value of dv[0..n), cap >= digits_for_chars(n): split off the low
 * k 2^j characters for the largest such count below n, convert both parts, and
 * combine them as high * P[j] + low. */
static int parse_rec(parse_ctx *c, wf_digit *out, size_t cap, const unsigned char *dv, size_t n)
{
    if (n <= (size_t)PARSE_LEAF_WORDS * c->k) {
        parse_leaf(c, out, cap, dv, n);
        return 0;
    }
    int j = 0;
    while (((size_t)c->k << (j + 1)) < n)
        j++;
    size_t low_chars = (size_t)c->k << j, high_chars = n - low_chars;
    if (powers_upto(&c->pow, c->w, j) < 0)
        return -1;
    size_t nlow = digits_for_chars(low_chars, c->base);
    size_t nhigh = digits_for_chars(high_chars, c->base);
    wf_digit *low = wf_nat_alloc(nlow + nhigh);
    if (!low)
        return -1;
    wf_digit *high = low + nlow;
    if (parse_rec(c, low, nlow, dv + high_chars, low_chars) < 0 ||
        parse_rec(c, high, nhigh, dv, high_chars) < 0) {
        wf_nat_free(low);
        return -1;
    }
    size_t nh = wf_nat_normlen(high, nhigh), np = c->pow.n[j];
    WF_ASSERT(nh + np <= cap && np <= cap);
    memset(out + nh + np, 0, (cap - nh - np) * sizeof *out);
    if (wf_nat_mul(out, high, nh, c->pow.p[j], np) < 0) {
        wf_nat_free(low);
        return -1;
    }
    size_t nl = wf_nat_normlen(low, nlow);
    wf_digit carry = wf_nat_add(out, out, cap, low, nl);
    WF_ASSERT(carry == 0);
    (void)carry;
    wf_nat_free(low);
    return 0;
}

int wf_bigint_parse(wf_bigint *dst, const char *s, size_t len, int base)
{
    WF_ASSERT(base == 0 || (base >= 2 && base <= 36));
    unsigned char *dv = (unsigned char *)wf_nat_alloc(len / sizeof(wf_digit) + 1);
    if (!dv)
        return WF_BIGINT_ENOMEM;
    bool neg;
    size_t n = scan_literal(s, len, &base, &neg, dv);
    if (n == 0) {
        wf_nat_free((wf_digit *)(void *)dv);
        return WF_BIGINT_EINVALID_LITERAL;
    }
    size_t cap = digits_for_chars(n, base), ndig;
    unsigned bits = pow2_bits(base);
    if (bits) {
        ndig = parse_pow2(dst->digits, dv, n, bits);
    } else {
        parse_ctx c = {.base = base};
        base_word(base, &c.k, &c.w);
        int r = parse_rec(&c, dst->digits, cap, dv, n);
        powers_free(&c.pow);
        if (r < 0) {
            wf_nat_free((wf_digit *)(void *)dv);
            return WF_BIGINT_ENOMEM;
        }
        ndig = cap;
    }
    wf_nat_free((wf_digit *)(void *)dv);
    ndig = wf_nat_normlen(dst->digits, ndig);
    dst->size = neg ? -(intptr_t)ndig : (intptr_t)ndig;
    return WF_BIGINT_OK;
}

/* ---- Formatting ---------------------------------------------------------------------------- */

size_t wf_bigint_format_max(const wf_bigint *a, int base)
{
    /* floor(bits / log2(base)) + 1 characters at most, a sign, the NUL */
    return (size_t)chars_for_bits(wf_bigint_bit_length(a), base) + 1 + (a->size < 0) + 1;
}

/* Power-of-two base: the characters from the least significant end backwards; returns
 * how many were written before `end`. */
static size_t format_pow2(char *end, const wf_digit *d, size_t n, unsigned bits)
{
    char *p = end;
    uint64_t acc = 0;
    unsigned have = 0;
    size_t i = 0;
    while (i < n || have > 0) {
        if (have < bits && i < n) {
            acc |= (uint64_t)d[i++] << have;
            have += WF_DIGIT_BITS;
        }
        *--p = digit_chars[acc & ((1u << bits) - 1)];
        acc >>= bits;
        have = have > bits ? have - bits : 0;
        if (i == n && acc == 0)
            break;
    }
    return (size_t)(end - p);
}

typedef struct format_ctx {
    int base;
    unsigned k;
    wf_digit w;
    pow_table pow;
} format_ctx;

/* The characters of x (destroyed) backwards from `end`, k per word, the top word padded
 * to k as well; returns how many were written. */
static size_t format_leaf(const format_ctx *c, char *end, wf_digit *x, size_t n)
{
    char *p = end;
    n = wf_nat_normlen(x, n);
    while (n > 0) {
        wf_digit rem = wf_nat_divrem_1(x, x, n, c->w);
        n = wf_nat_normlen(x, n);
        for (unsigned i = 0; i < c->k; i++) {
            *--p = digit_chars[rem % (wf_digit)c->base];
            rem /= (wf_digit)c->base;
        }
    }
    return (size_t)(end - p);
}

/* Exactly k 2^(j+1) characters of x (destroyed) ending at `end`, zero padded; requires
 * x < P[j]^2. Splits into x / P[j] and x % P[j], each below P[j] = P[j-1]^2. */
static int format_rec(format_ctx *c, char *end, wf_digit *x, size_t n, int j)
{
    size_t width = (size_t)c->k << (j + 1), half = width / 2;
    n = wf_nat_normlen(x, n);
    if (n <= FORMAT_LEAF || j == 0) {
        size_t wrote = format_leaf(c, end, x, n);
        WF_ASSERT(wrote <= width);
        memset(end - width, '0', width - wrote);
        return 0;
    }
    const wf_digit *p = c->pow.p[j];
    size_t np = c->pow.n[j];
    if (n < np) { /* x < P[j]: the high half is all zeros */
        memset(end - width, '0', half);
        return format_rec(c, end, x, n, j - 1);
    }
    size_t nq = n - np + 1;
    wf_digit *q = wf_nat_alloc(nq + np);
    if (!q)
        return -1;
    wf_digit *r = q + nq;
    if (wf_nat_divrem(q, r, x, n, p, np) < 0 || format_rec(c, end, r, np, j - 1) < 0 ||
        format_rec(c, end - half, q, nq, j - 1) < 0) {
        wf_nat_free(q);
        return -1;
    }
    wf_nat_free(q);
    return 0;
}

/* The characters of |a| into a scratch buffer: *start points at the first, *count says
 * how many; the caller frees *buf. */
static int format_digits(const wf_bigint *a, int base, char **buf, char **start, size_t *count)
{
    size_t n = wf_bigint_ndigits(a);
    format_ctx c = {.base = base};
    base_word(base, &c.k, &c.w);
    /* the smallest J with |a| < B^n <= P[J]^2, i.e. 2 len(P[J]) - 2 >= n */
    int j = 0;
    if (n > FORMAT_LEAF) {
        for (;; j++) {
            if (powers_upto(&c.pow, c.w, j) < 0)
                goto nomem;
            if (2 * c.pow.n[j] - 2 >= n)
                break;
        }
    }
    /* room for k 2^(J+1) characters, or for the leaf's k per word */
    size_t width = n > FORMAT_LEAF ? (size_t)c.k << (j + 1) : c.k * (n * WF_DIGIT_BITS / 8 + 1);
    char *out = (char *)wf_nat_alloc(width / sizeof(wf_digit) + 1);
    wf_digit *x = wf_nat_alloc(n);
    if (!out || !x) {
        wf_nat_free((wf_digit *)(void *)out);
        wf_nat_free(x);
        goto nomem;
    }
    memcpy(x, a->digits, n * sizeof *x);
    size_t wrote;
    if (n > FORMAT_LEAF) {
        if (format_rec(&c, out + width, x, n, j) < 0) {
            wf_nat_free((wf_digit *)(void *)out);
            wf_nat_free(x);
            goto nomem;
        }
        wrote = width;
    } else {
        wrote = format_leaf(&c, out + width, x, n);
    }
    wf_nat_free(x);
    powers_free(&c.pow);
    char *s = out + width - wrote;
    while (wrote > 1 && *s == '0') {
        s++;
        wrote--;
    }
    *buf = out;
    *start = s;
    *count = wrote;
    return 0;
nomem:
    powers_free(&c.pow);
    return -1;
}

int wf_bigint_format(char *out, size_t *len, const wf_bigint *a, int base)
{
    WF_ASSERT(base >= 2 && base <= 36);
    char *p = out;
    if (a->size < 0)
        *p++ = '-';
    unsigned bits = pow2_bits(base);
    if (bits || a->size == 0) {
        size_t chars = a->size == 0 ? 1 : 0;
        if (a->size == 0)
            p[0] = '0';
        else {
            /* write at the far end of out, then move down */
            char *end = out + wf_bigint_format_max(a, base) - 1;
            chars = format_pow2(end, a->digits, wf_bigint_ndigits(a), bits);
            memmove(p, end - chars, chars);
        }
        p[chars] = '\0';
        *len = (size_t)(p - out) + chars;
        return WF_BIGINT_OK;
    }
    char *buf, *start;
    size_t count;
    if (format_digits(a, base, &buf, &start, &count) < 0)
        return WF_BIGINT_ENOMEM;
    WF_ASSERT((size_t)(p - out) + count + 1 <= wf_bigint_format_max(a, base));
    memcpy(p, start, count);
    p[count] = '\0';
    *len = (size_t)(p - out) + count;
    wf_nat_free((wf_digit *)(void *)buf);
    return WF_BIGINT_OK;
}

/* ---- Digit counts ------------------------------------------------------------------------- */

/* The count is the smallest c with |a| < base^c. From 2^(bits-1) <= |a| < 2^bits it is
 * between floor((bits - 1) / log2(base)) + 1 and floor(bits / log2(base)) + 1; the
 * bounds on log2(base) widen that a little. When the two ends differ, |a| is compared
 * with base^c from the low end up. */
int wf_bigint_digit_count(const wf_bigint *a, int base, size_t *count)
{
    WF_ASSERT(base >= 2 && base <= 36);
    size_t n = wf_bigint_ndigits(a);
    uint64_t bits = wf_bigint_bit_length(a);
    unsigned b2 = pow2_bits(base);
    if (n == 0) {
        *count = 1;
        return WF_BIGINT_OK;
    }
    if (b2) {
        *count = (size_t)((bits + b2 - 1) / b2);
        return WF_BIGINT_OK;
    }
    size_t lo = (size_t)(((u128)(bits - 1) << 32) / (log2_base_q32[base] + 1)) + 1;
    size_t hi = (size_t)chars_for_bits(bits, base) + 1;
    if (lo == hi) {
        *count = lo;
        return WF_BIGINT_OK;
    }
    wf_bigint64 bb, ee;
    wf_bigint_from_uint64(&bb.big, (uint64_t)base);
    wf_bigint_from_uint64(&ee.big, lo);
    size_t cap = wf_bigint_pow_max(&bb.big, &ee.big) + (hi - lo);
    wf_bigint *p = (wf_bigint *)(void *)wf_nat_alloc(cap + WF_BIGINT_BYTES(0) / sizeof(wf_digit));
    if (!p)
        return WF_BIGINT_ENOMEM;
    if (wf_bigint_pow(p, &bb.big, &ee.big) < 0) {
        wf_nat_free((wf_digit *)(void *)p);
        return WF_BIGINT_ENOMEM;
    }
    size_t c = lo; /* base^(lo - 1) <= |a|; p = base^c */
    while (c < hi && wf_nat_cmp(a->digits, n, p->digits, (size_t)p->size) >= 0) {
        size_t np = (size_t)p->size;
        p->digits[np] = wf_nat_mul_1(p->digits, p->digits, np, (wf_digit)base, 0);
        p->size = (intptr_t)wf_nat_normlen(p->digits, np + 1);
        c++;
    }
    wf_nat_free((wf_digit *)(void *)p);
    *count = c;
    return WF_BIGINT_OK;
}
