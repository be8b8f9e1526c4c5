/* Float <-> decimal conversion (dtoa.h): repr, float(str), format() and round(), each
 * exact and each giving CPython 3.11's result.
 *
 * Everything rests on one exact tool, a fixed-capacity big natural number (`bignum`),
 * and two exact procedures over it, one per direction.
 *
 * Decimal to double (parsing; round() reading its digits back). The literal is the
 * exact value D * 10^E10 with D an integer of n significant digits. Writing 10^E10 as
 * 5^E10 * 2^E10 gives value = N / M * 2^E10 with N, M integers; shifting one of them
 * makes 2^62 < N / M < 2^64, and a 64-step restoring division gives q = floor(N / M)
 * and whether the remainder is zero. Those 64 bits plus the "inexact" bit decide
 * round-half-even exactly: the 53 (or, for subnormals, fewer) top bits of q are the
 * mantissa, and the rest of q with the sticky bit is compared with one half.
 *   Invariant that bounds the work: at most DEC_KEEP (800) significant digits are
 * kept. The result can only change where the value crosses a double or a midpoint
 * between adjacent doubles (2^1024 - 2^970 included), and each of those is m * 2^e
 * with m < 2^54 and e >= -1075, whose decimal expansion has at most 768 significant
 * digits (m * 5^1075 < 10^768). Cut the input after 800 digits, at decimal position
 * 10^p: every such point above 10^-31 times the input has its last nonzero digit at
 * or above 10^p, so it is a multiple of 10^p (smaller points are far below anything
 * compared here). If the dropped digits are all zero the cut is exact; otherwise the
 * input lies strictly between two adjacent multiples of 10^p, and so does the cut
 * value with a '1' appended at 10^(p-1): no such point separates them, so both round
 * the same way.
 *   Fast path (Clinger): when D <= 2^53 and |E10| <= 22, D and 10^|E10| are exact
 * doubles and one IEEE multiply or divide rounds the exact product or quotient
 * half-even, which is the answer.
 *
 * Double to decimal. x = m * 2^e exactly; R / S = x / 10^K in [1, 10) with R, S big
 * integers and K = floor(log10 x). A digit is floor(R / S); R keeps the remainder and
 * is multiplied by 10 for the next digit, so the digits are those of x's exact
 * expansion, which ends (R == 0) after at most 767 significant digits.
 *   - Fixed precision ('e', 'f', 'g', round()): after the last wanted digit, 2R vs S
 *     says whether the rest is below, at or above half a unit, so the rounding is
 *     half-even on the exact value.
 *   - Shortest (repr): Steele & White's free-format generation. M+ / S and M- / S are
 *     the distances from x to the ends of its rounding interval (half an ulp each way,
 *     a quarter below at a power of two, ends included when the mantissa is even, as
 *     round-half-even parsing reads them). After each digit the truncation t and
 *     t + 10^p are the multiples of 10^p nearest x on each side, so the first position
 *     p at which one of them lies in the interval is the largest power of ten with a
 *     multiple in the interval: that multiple has the fewest significant digits of
 *     anything that reads back as x. If both do, the closer to x is taken, the even
 *     digit on a tie (which is what CPython's mode 0 does).
 *
 * Then CPython's own layout rules (Python/pystrtod.c, format_float_short) turn a digit
 * string and its decimal point position into repr or format() output. */
#include "dtoa.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "common.h"

/* ---- Big natural numbers ---------------------------------------------------------------- */

/* The largest value any caller builds is below 2^2800 (parsing with DEC_KEEP + 1 digits,
 * see decimal_to_double); 3072 bits leave room, and bn_need makes any breach fatal. */
#define BN_LIMBS 96

/* A natural number in base 2^32, little-endian. Invariant: len == 0 for zero, otherwise
 * d[len - 1] != 0; limbs at len and above are garbage. */
typedef struct bignum {
    int len;
    uint32_t d[BN_LIMBS];
} bignum;

static void bn_need(int limbs)
{
    if (limbs > BN_LIMBS)
        wf_fatal("dtoa: bignum capacity exceeded");
}

static void bn_trim(bignum *a)
{
    while (a->len > 0 && a->d[a->len - 1] == 0)
        a->len--;
}

static void bn_set_u64(bignum *a, uint64_t v)
{
    a->len = 0;
    while (v) {
        a->d[a->len++] = (uint32_t)v;
        v >>= 32;
    }
}

static void bn_copy(bignum *dst, const bignum *src)
{
    dst->len = src->len;
    memcpy(dst->d, src->d, (size_t)src->len * sizeof src->d[0]);
}

/* a = a * m + add */
static void bn_mul_add_small(bignum *a, uint32_t m, uint32_t add)
{
    uint64_t carry = add;
    for (int i = 0; i < a->len; i++) {
        uint64_t p = (uint64_t)a->d[i] * m + carry;
        a->d[i] = (uint32_t)p;
        carry = p >> 32;
    }
    if (carry) {
        bn_need(a->len + 1);
        a->d[a->len++] = (uint32_t)carry;
    }
    bn_trim(a);
}

static const uint32_t pow5_small[14] = {
    1u,     5u,      25u,      125u,     625u,      3125u,      15625u,
    78125u, 390625u, 1953125u, 9765625u, 48828125u, 244140625u, 1220703125u,
};

/* a = a * 5^k, k >= 0 */
static void bn_mul_pow5(bignum *a, int64_t k)
{
    for (; k >= 13; k -= 13)
        bn_mul_add_small(a, pow5_small[13], 0);
    if (k > 0)
        bn_mul_add_small(a, pow5_small[k], 0);
}

/* a = a * 2^bits, bits >= 0 */
static void bn_shl(bignum *a, int64_t bits)
{
    if (a->len == 0 || bits == 0)
        return;
    int limbs = (int)(bits / 32), sh = (int)(bits % 32);
    int len = a->len;
    bn_need(len + limbs + 1);
    if (sh == 0) {
        memmove(a->d + limbs, a->d, (size_t)len * sizeof a->d[0]);
        a->d[len + limbs] = 0;
    } else {
        /* High to low, so each source limb is read before its slot is overwritten. */
        a->d[len + limbs] = a->d[len - 1] >> (32 - sh);
        for (int i = len - 1; i > 0; i--)
            a->d[i + limbs] = (a->d[i] << sh) | (a->d[i - 1] >> (32 - sh));
        a->d[limbs] = a->d[0] << sh;
    }
    memset(a->d, 0, (size_t)limbs * sizeof a->d[0]);
    a->len = len + limbs + 1;
    bn_trim(a);
}

/* a = a * 10^k, k >= 0 */
static void bn_mul_pow10(bignum *a, int64_t k)
{
    bn_mul_pow5(a, k);
    bn_shl(a, k);
}

static int bn_cmp(const bignum *a, const bignum *b)
{
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    for (int i = a->len - 1; i >= 0; i--)
        if (a->d[i] != b->d[i])
            return a->d[i] < b->d[i] ? -1 : 1;
    return 0;
}

/* a = a - b; requires a >= b */
static void bn_sub(bignum *a, const bignum *b)
{
    WF_ASSERT(bn_cmp(a, b) >= 0);
    uint64_t borrow = 0;
    for (int i = 0; i < a->len; i++) {
        uint64_t sub = (i < b->len ? b->d[i] : 0) + borrow;
        uint64_t ai = a->d[i];
        a->d[i] = (uint32_t)(ai - sub);
        borrow = ai < sub;
    }
    bn_trim(a);
}

/* The sign of (a + b) - c. */
static int bn_cmp_sum(const bignum *a, const bignum *b, const bignum *c)
{
    bignum sum;
    int len = a->len > b->len ? a->len : b->len;
    uint64_t carry = 0;
    for (int i = 0; i < len; i++) {
        carry += (uint64_t)(i < a->len ? a->d[i] : 0) + (i < b->len ? b->d[i] : 0);
        sum.d[i] = (uint32_t)carry;
        carry >>= 32;
    }
    sum.len = len;
    if (carry) {
        bn_need(len + 1);
        sum.d[sum.len++] = (uint32_t)carry;
    }
    bn_trim(&sum);
    return bn_cmp(&sum, c);
}

static int bn_bitlen(const bignum *a)
{
    if (a->len == 0)
        return 0;
    return 32 * a->len - __builtin_clz(a->d[a->len - 1]);
}

/* The digits '0'..'9' of s[0..n) as a number. */
static void bn_from_digits(bignum *a, const char *s, int n)
{
    static const uint32_t pow10_small[10] = {1,      10,      100,      1000,      10000,
                                             100000, 1000000, 10000000, 100000000, 1000000000};
    a->len = 0;
    for (int i = 0; i < n;) {
        int chunk = n - i < 9 ? n - i : 9;
        uint32_t v = 0;
        for (int j = 0; j < chunk; j++)
            v = v * 10 + (uint32_t)(s[i + j] - '0');
        bn_mul_add_small(a, pow10_small[chunk], v);
        i += chunk;
    }
}

/* ---- Doubles as bits ------------------------------------------------------------------- */

static uint64_t bits_of(double x)
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

#define MANT_BITS 52
#define MANT_MASK ((UINT64_C(1) << MANT_BITS) - 1)
#define HIDDEN    (UINT64_C(1) << MANT_BITS)
#define MIN_E2    (-1074) /* exponent of the lowest mantissa bit of a subnormal */

/* x (finite, > 0) as m * 2^e with m an integer (m < 2^53). */
static void decompose(double x, uint64_t *m, int *e)
{
    uint64_t b = bits_of(x);
    int field = (int)((b >> MANT_BITS) & 0x7ff);
    if (field == 0) {
        *m = b & MANT_MASK;
        *e = MIN_E2;
    } else {
        *m = (b & MANT_MASK) | HIDDEN;
        *e = field - 1075;
    }
}

/* ---- Decimal to double ----------------------------------------------------------------- */

/* Significant digits kept from a literal; see the invariant at the top. */
#define DEC_KEEP 800

/* The positive double nearest to (mant + frac) * 2^f, ties to even, where q = mant is
 * nonzero and frac is 0 (sticky false) or in (0, 1) (sticky true). */
static double round_to_double(uint64_t q, bool sticky, int64_t f)
{
    WF_ASSERT(q != 0);
    int lq = 64 - __builtin_clzll(q);
    int64_t lsb = lq - 53 + f; /* exponent of the last mantissa bit, were it normal */
    if (lsb < MIN_E2)
        lsb = MIN_E2;
    int64_t shift = lsb - f; /* bits of q below the mantissa */
    uint64_t mant, rest, half;
    WF_ASSERT(lq >= 63 && shift >= 10); /* q >= 2^62 from the division */
    if (shift > 64)
        return 0.0; /* q < 2^64 <= half a unit: below half the smallest subnormal */
    if (shift == 64) {
        mant = 0, rest = q, half = UINT64_C(1) << 63;
    } else {
        mant = q >> shift;
        rest = q & ((UINT64_C(1) << shift) - 1);
        half = UINT64_C(1) << (shift - 1);
    }
    if (rest > half || (rest == half && (sticky || (mant & 1))))
        mant++;
    if (mant == HIDDEN << 1) {
        mant >>= 1;
        lsb++;
    }
    if (mant == 0)
        return 0.0;
    if (mant < HIDDEN) {
        WF_ASSERT(lsb == MIN_E2);
        return from_bits(mant); /* subnormal */
    }
    int64_t field = lsb + 1075;
    if (field >= 0x7ff)
        return INFINITY;
    return from_bits(((uint64_t)field << MANT_BITS) | (mant & MANT_MASK));
}

static const double exact_pow10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                       1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                       1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* The double nearest to digits[0..n) * 10^e10, ties to even: digits are '0'..'9' with
 * digits[0] != '0', 1 <= n <= DEC_KEEP + 1. */
static double decimal_to_double(const char *digits, int n, int64_t e10)
{
    WF_ASSERT(n >= 1 && n <= DEC_KEEP + 1 && digits[0] != '0');
    /* value is in [10^(n + e10 - 1), 10^(n + e10)) */
    if (n + e10 - 1 >= 309)
        return INFINITY; /* >= 1e309, beyond DBL_MAX and half an ulp */
    if (n + e10 <= -324)
        return 0.0; /* < 1e-324, below half the smallest subnormal (2^-1075 ~ 2.5e-324) */

#if FLT_EVAL_METHOD == 0 /* double arithmetic is done in double */
    if (n <= 19 && e10 >= -22 && e10 <= 22) {
        uint64_t d = 0;
        for (int i = 0; i < n; i++)
            d = d * 10 + (uint64_t)(digits[i] - '0');
        if (d <= (UINT64_C(1) << 53)) {
            /* Both operands exact, so one correctly rounded IEEE operation. */
            double v = (double)d;
            return e10 >= 0 ? v * exact_pow10[e10] : v / exact_pow10[-e10];
        }
    }
#endif

    /* Here -1124 <= e10 <= 308, so N and M below stay under 2^2700 (n <= 801 digits). */
    bignum num, den;
    bn_from_digits(&num, digits, n);
    bn_set_u64(&den, 1);
    if (e10 >= 0)
        bn_mul_pow5(&num, e10);
    else
        bn_mul_pow5(&den, -e10);
    /* value = num / den * 2^e10; scale so that 2^62 < num / den < 2^64 */
    int s = 63 - (bn_bitlen(&num) - bn_bitlen(&den));
    if (s > 0)
        bn_shl(&num, s);
    else
        bn_shl(&den, -s);
    /* q = floor(num / den), one bit at a time: at step i, num holds
     * (remainder) * 2^(63 - i) and is compared with den * 2^63. */
    bignum top;
    bn_copy(&top, &den);
    bn_shl(&top, 63);
    uint64_t q = 0;
    for (int i = 63; i >= 0; i--) {
        if (bn_cmp(&num, &top) >= 0) {
            bn_sub(&num, &top);
            q |= UINT64_C(1) << i;
        }
        if (i > 0)
            bn_shl(&num, 1);
    }
    return round_to_double(q, num.len != 0, e10 - s);
}

/* A decimal literal being read: value = digits * 10^e10, at most DEC_KEEP digits kept
 * (plus one sticky '1'), no leading zeros. */
typedef struct decimal {
    char digits[DEC_KEEP + 1];
    int n;
    bool inexact; /* a nonzero digit was dropped after the first DEC_KEEP */
    int64_t e10;
} decimal;

static void decimal_add_digit(decimal *dec, char c, bool fraction)
{
    if (dec->n == DEC_KEEP) {
        if (!fraction)
            dec->e10++;
        dec->inexact |= c != '0';
        return;
    }
    if (fraction)
        dec->e10--;
    if (dec->n > 0 || c != '0')
        dec->digits[dec->n++] = c;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Whether a run of digits goes on at s[*i]. After the run's first digit (started), a
 * single '_' may stand between two digits: *i then steps over it onto the digit. */
static bool at_digit(const char *s, size_t len, size_t *i, bool started)
{
    if (started && *i + 1 < len && s[*i] == '_' && is_digit(s[*i + 1]))
        ++*i;
    return *i < len && is_digit(s[*i]);
}

static bool equals_ignoring_case(const char *s, size_t len, const char *word)
{
    if (len != strlen(word))
        return false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != word[i])
            return false;
    }
    return true;
}

bool wf_float_parse(const char *s, size_t len, double *out)
{
    size_t i = 0;
    bool neg = false;
    if (i < len && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    if (equals_ignoring_case(s + i, len - i, "inf") ||
        equals_ignoring_case(s + i, len - i, "infinity")) {
        *out = neg ? -INFINITY : INFINITY;
        return true;
    }
    if (equals_ignoring_case(s + i, len - i, "nan")) {
        *out = neg ? -NAN : NAN;
        return true;
    }

    decimal dec = {.n = 0, .inexact = false, .e10 = 0};
    size_t ndigits = 0, run;
    for (run = 0; at_digit(s, len, &i, run > 0); i++, run++)
        decimal_add_digit(&dec, s[i], false);
    ndigits += run;
    if (i < len && s[i] == '.') {
        i++;
        for (run = 0; at_digit(s, len, &i, run > 0); i++, run++)
            decimal_add_digit(&dec, s[i], true);
        ndigits += run;
    }
    if (ndigits == 0)
        return false;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        bool eneg = false;
        if (i < len && (s[i] == '+' || s[i] == '-'))
            eneg = s[i++] == '-';
        /* Saturates at 10^17: no string that fits in memory can move the point back. */
        int64_t expo = 0;
        for (run = 0; at_digit(s, len, &i, run > 0); i++, run++)
            if (expo < INT64_C(100000000000000000))
                expo = expo * 10 + (s[i] - '0');
        if (run == 0)
            return false;
        dec.e10 += eneg ? -expo : expo;
    }
    if (i != len)
        return false;

    double v;
    if (dec.inexact) {
        dec.digits[dec.n++] = '1'; /* strictly between the cut value and the next */
        dec.e10--;
    } else {
        while (dec.n > 0 && dec.digits[dec.n - 1] == '0') {
            dec.n--;
            dec.e10++;
        }
    }
    v = dec.n == 0 ? 0.0 : decimal_to_double(dec.digits, dec.n, dec.e10);
    *out = neg ? -v : v;
    return true;
}

/* ---- Double to decimal digits ---------------------------------------------------------- */

/* The most significant digits any finite double's exact expansion has is 767. */
#define DIGITS_MAX 800

/* Sets r / s = x / 10^k in [1, 10) for finite x > 0 and returns k. With mp and mm, also
 * sets mp / s and mm / s to the distances (divided by 10^k) from x to the upper and the
 * lower end of the interval of reals that round to x. */
static int scale(double x, bignum *r, bignum *s, bignum *mp, bignum *mm)
{
    uint64_t m;
    int e;
    decompose(x, &m, &e);
    /* r / s = 4m / 4; the half gaps are 2 / 4 of 2^e, the lower one 1 / 4 at a power of
     * two, where the double below is only half as far away. */
    bool asym = m == HIDDEN && e > MIN_E2;
    bn_set_u64(r, 4 * m);
    bn_set_u64(s, 4);
    if (mp) {
        bn_set_u64(mp, 2);
        bn_set_u64(mm, asym ? 1 : 2);
    }
    if (e >= 0) {
        bn_shl(r, e);
        if (mp) {
            bn_shl(mp, e);
            bn_shl(mm, e);
        }
    } else {
        bn_shl(s, -e);
    }
    /* floor(log2 x) * log10(2), floored: 78913 / 2^18 is log10(2) closely enough for
     * |v| <= 1650 to give floor(log10 x) or one less. */
    int v = e + (64 - __builtin_clzll(m)) - 1;
    int k = (int)((v * INT64_C(78913) - (v < 0 ? (1 << 18) - 1 : 0)) / (1 << 18));
    if (k >= 0) {
        bn_mul_pow10(s, k);
    } else {
        bn_mul_pow10(r, -k);
        if (mp) {
            bn_mul_pow10(mp, -k);
            bn_mul_pow10(mm, -k);
        }
    }
    for (;;) {
        bignum s10;
        bn_copy(&s10, s);
        bn_mul_add_small(&s10, 10, 0);
        if (bn_cmp(r, &s10) < 0)
            break;
        bn_copy(s, &s10);
        k++;
    }
    while (bn_cmp(r, s) < 0) {
        bn_mul_add_small(r, 10, 0);
        if (mp) {
            bn_mul_add_small(mp, 10, 0);
            bn_mul_add_small(mm, 10, 0);
        }
        k--;
    }
    return k;
}

/* floor(r / s) for r < 10 s; r keeps the remainder. */
static int next_digit(bignum *r, const bignum *s)
{
    int d = 0;
    while (bn_cmp(r, s) >= 0) {
        bn_sub(r, s);
        d++;
    }
    WF_ASSERT(d <= 9);
    return d;
}

/* Adds one unit in the last place of digits[0..n), carrying; returns true if the carry
 * ran out of the first digit (all were '9': now "1" followed by zeros). */
static bool increment_digits(char *digits, int n)
{
    for (int i = n - 1; i >= 0; i--) {
        if (digits[i] != '9') {
            digits[i]++;
            return false;
        }
        digits[i] = '0';
    }
    digits[0] = '1';
    return true;
}

static int strip_zeros(const char *digits, int n)
{
    while (n > 1 && digits[n - 1] == '0')
        n--;
    return n;
}

/* The shortest digits that read back as x (finite, > 0), closest to x among those, into
 * digits (at least 17 bytes). Returns their count; *decpt gets the decimal point
 * position (x ~ 0.DIGITS * 10^decpt). */
static int shortest_digits(double x, char *digits, int *decpt)
{
    bignum r, s, mp, mm, t;
    int k = scale(x, &r, &s, &mp, &mm);
    uint64_t m;
    int e;
    decompose(x, &m, &e);
    bool even = (m & 1) == 0; /* the interval's ends read back as x */

    /* The loop tries 10^k, 10^(k-1), ... The one coarser candidate, 10^(k+1), is
     * t + 10^k at the first digit when that digit is 9. With a first digit of 8 or less
     * it would lie more than 10^k > x / 9 above x, beyond any half gap (2^(e-1) with
     * m >= 5, so at most x / 10), except for the subnormals m = 1..4, whose upper ends
     * 7.4e-324, 1.7e-323 and 2.2e-323 stay below the next power of ten. */
    int n = 0;
    for (;;) {
        int d = next_digit(&r, &s);
        /* x - t = r / s and t + 10^p - x = (s - r) / s in units of this digit */
        int c = bn_cmp(&r, &mm);
        bool low_ok = c < 0 || (c == 0 && even);
        c = bn_cmp_sum(&r, &mp, &s);
        bool high_ok = c > 0 || (c == 0 && even);
        WF_ASSERT(n < 17);
        digits[n++] = (char)('0' + d);
        if (!low_ok && !high_ok) {
            bn_mul_add_small(&r, 10, 0);
            bn_mul_add_small(&mp, 10, 0);
            bn_mul_add_small(&mm, 10, 0);
            continue;
        }
        bool up = high_ok;
        if (low_ok && high_ok) {
            bn_copy(&t, &r);
            bn_shl(&t, 1);
            c = bn_cmp(&t, &s);
            up = c > 0 || (c == 0 && (d & 1));
        }
        if (up && increment_digits(digits, n))
            k++;
        break;
    }
    *decpt = k + 1;
    return strip_zeros(digits, n);
}

/* x (finite, > 0) rounded half-even to `count` significant digits (count >= 1), or, with
 * after_point, to a multiple of 10^-count (count of any sign): the digits go into
 * digits (DIGITS_MAX bytes) without trailing zeros and their count is returned; it is 0
 * when x rounds to zero (then *decpt = -count, as CPython's dtoa gives). *decpt gets the
 * decimal point position (result = 0.DIGITS * 10^decpt). */
static int rounded_digits(double x, bool after_point, int64_t count, char *digits, int *decpt)
{
    bignum r, s;
    int k = scale(x, &r, &s, NULL, NULL);
    int64_t n = after_point ? k + 1 + count : count; /* significant digits wanted */
    if (n <= 0) {
        /* x < 10^(k+1) <= 10^-count: zero, or 10^-count if x is above half of it */
        if (n == 0) {
            bn_mul_add_small(&s, 5, 0);
            if (bn_cmp(&r, &s) > 0) {
                digits[0] = '1';
                *decpt = k + 2;
                return 1;
            }
        }
        *decpt = (int)-count;
        return 0;
    }
    int len = 0;
    for (;;) {
        int d = next_digit(&r, &s);
        WF_ASSERT(len < DIGITS_MAX);
        digits[len++] = (char)('0' + d);
        if (r.len == 0)
            break; /* exact: every later digit is 0 */
        if (len == n) {
            bignum t;
            bn_copy(&t, &r);
            bn_shl(&t, 1);
            int c = bn_cmp(&t, &s);
            if ((c > 0 || (c == 0 && (d & 1))) && increment_digits(digits, len))
                k++;
            break;
        }
        bn_mul_add_small(&r, 10, 0);
    }
    *decpt = k + 1;
    return strip_zeros(digits, len);
}

/* ---- Layout (CPython's format_float_short) --------------------------------------------- */

/* Output that counts everything and stores what fits (like snprintf). */
typedef struct sink {
    char *buf;
    size_t size, n;
} sink;

static void put_char(sink *o, char c)
{
    if (o->n + 1 < o->size)
        o->buf[o->n] = c;
    o->n++;
}

static void put_repeat(sink *o, char c, int64_t count)
{
    if (count <= 0)
        return;
    size_t room = o->n + 1 < o->size ? o->size - 1 - o->n : 0;
    size_t fill = (uint64_t)count < room ? (size_t)count : room;
    if (fill)
        memset(o->buf + o->n, c, fill);
    o->n += (size_t)count;
}

static void put_str(sink *o, const char *s)
{
    while (*s)
        put_char(o, *s++);
}

static size_t sink_finish(sink *o)
{
    if (o->size > 0)
        o->buf[o->n < o->size ? o->n : o->size - 1] = '\0';
    return o->n;
}

/* Positions [lo, hi) of the infinite string ...000 DIGITS 000... (digits at 0..len). */
static void put_virtual_digits(sink *o, const char *digits, int len, int64_t lo, int64_t hi)
{
    if (lo >= hi)
        return;
    int64_t zeros_end = hi < 0 ? hi : 0;
    put_repeat(o, '0', zeros_end - lo);
    for (int64_t i = lo > 0 ? lo : 0; i < hi && i < len; i++)
        put_char(o, digits[i]);
    int64_t tail = lo > len ? lo : len;
    put_repeat(o, '0', hi - tail);
}

/* The digits come from shortest_digits or rounded_digits; the layout then follows
 * CPython's PyOS_double_to_string and format_float_short step by step. */
size_t wf_float_format(double x, char type, int precision, unsigned flags, char *buf, size_t size)
{
    sink o = {buf, size, 0};
    bool upper = type == 'E' || type == 'F' || type == 'G';
    bool alt = flags & WF_FMT_ALT, add_dot_0 = false, percent = false;
    char mode;
    switch (type) {
    case 0: /* like repr, or like 'g' with at least one digit after the point */
        add_dot_0 = true;
        mode = precision < 0 ? 'r' : 'g';
        break;
    case 'e':
    case 'E':
        mode = 'e';
        break;
    case 'f':
    case 'F':
        mode = 'f';
        break;
    case 'g':
    case 'G':
    case 'n':
        mode = 'g';
        break;
    case '%':
        mode = 'f';
        x *= 100; /* in double, as CPython does */
        percent = true;
        break;
    default:
        return sink_finish(&o);
    }
    if (precision < 0)
        precision = 6;

    bool neg = signbit(x) && !isnan(x);
    if (!isfinite(x)) {
        if (neg)
            put_char(&o, '-');
        put_str(&o, isnan(x) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
        if (percent)
            put_char(&o, '%');
        return sink_finish(&o);
    }

    char digits[DIGITS_MAX];
    int len, decpt;
    double ax = neg ? -x : x;
    int g_precision = precision == 0 ? 1 : precision;
    if (ax == 0) {
        digits[0] = '0';
        len = 1, decpt = 1;
    } else if (mode == 'r') {
        len = shortest_digits(ax, digits, &decpt);
    } else if (mode == 'f') {
        len = rounded_digits(ax, true, precision, digits, &decpt);
    } else {
        len = rounded_digits(ax, false, mode == 'e' ? (int64_t)precision + 1 : g_precision, digits,
                             &decpt);
    }
    if ((flags & WF_FMT_NO_NEG_0) && (len == 0 || (len == 1 && digits[0] == '0')))
        neg = false;

    /* Print positions [vstart, vend) of ...000 DIGITS 000..., the point before
     * position decpt. */
    bool use_exp = false;
    int64_t vend = len, pt = decpt;
    switch (mode) {
    case 'e':
        use_exp = true;
        vend = (int64_t)precision + 1;
        break;
    case 'f':
        vend = pt + precision;
        break;
    case 'g':
        use_exp = pt <= -4 || pt > (add_dot_0 ? g_precision - 1 : g_precision);
        if (alt)
            vend = g_precision;
        break;
    default: /* 'r': exponent from 1e16 */
        use_exp = pt <= -4 || pt > 16;
        break;
    }
    int exponent = 0;
    if (use_exp) {
        exponent = decpt - 1;
        pt = 1;
    }
    int64_t vstart = pt <= 0 ? pt - 1 : 0;
    int64_t min_end = !use_exp && add_dot_0 ? pt + 1 : pt;
    if (vend < min_end)
        vend = min_end;

    if (neg)
        put_char(&o, '-');
    put_virtual_digits(&o, digits, len, vstart, pt);
    if (pt < vend || alt)
        put_char(&o, '.');
    put_virtual_digits(&o, digits, len, pt, vend);
    if (use_exp) {
        put_char(&o, upper ? 'E' : 'e');
        put_char(&o, exponent < 0 ? '-' : '+');
        int ae = exponent < 0 ? -exponent : exponent;
        if (ae >= 100)
            put_char(&o, (char)('0' + ae / 100));
        put_char(&o, (char)('0' + ae / 10 % 10));
        put_char(&o, (char)('0' + ae % 10));
    }
    if (percent)
        put_char(&o, '%');
    return sink_finish(&o);
}

size_t wf_float_repr(double x, char *buf, size_t size)
{
    return wf_float_format(x, 0, -1, 0, buf, size);
}

/* ---- round() --------------------------------------------------------------------------- */

/* CPython's bounds (Objects/floatobject.c): beyond them x rounds to itself or to 0. */
#define NDIGITS_MAX 323  /* (int)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103) */
#define NDIGITS_MIN -308 /* -(int)((DBL_MAX_EXP + 1) * 0.30103) */

double wf_float_round(double x, int ndigits)
{
    if (!isfinite(x) || ndigits > NDIGITS_MAX)
        return x;
    bool neg = signbit(x);
    if (ndigits < NDIGITS_MIN || x == 0)
        return neg ? -0.0 : 0.0;
    char digits[DIGITS_MAX];
    int decpt;
    int len = rounded_digits(neg ? -x : x, true, ndigits, digits, &decpt);
    double v = len == 0 ? 0.0 : decimal_to_double(digits, len, (int64_t)decpt - len);
    return neg ? -v : v;
}

double wf_float_round_half_even(double x)
{
    uint64_t m;
    int e;
    double ax = signbit(x) ? -x : x;
    if (!isfinite(x) || ax == 0)
        return x;
    decompose(ax, &m, &e);
    if (e >= 0)
        return x; /* already an integer */
    if (e < -53)
        return signbit(x) ? -0.0 : 0.0; /* x < 2^53 * 2^-54 = 0.5 */
    uint64_t whole = m >> -e, frac = m & ((UINT64_C(1) << -e) - 1);
    uint64_t half = UINT64_C(1) << (-e - 1);
    if (frac > half || (frac == half && (whole & 1)))
        whole++;
    double v = (double)whole; /* < 2^53: exact */
    return signbit(x) ? -v : v;
}
