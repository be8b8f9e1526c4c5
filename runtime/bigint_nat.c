/* Natural-number kernels (see bigint_nat.h): digit loops, then multiplication
 * (schoolbook, Karatsuba, unbalanced operands), then division (Knuth's algorithm D and
 * Burnikel-Ziegler recursive division).
 *
 * Every loop works on 32-bit digits with 64-bit intermediates: a digit product plus two
 * digits, (2^32 - 1)^2 + 2 (2^32 - 1) = 2^64 - 1, never overflows. */
#include "bigint_nat.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"

/* Below this many digits in the shorter operand, schoolbook multiplication beats
 * Karatsuba (measured on x86-64 with gcc -O2). */
#define KARATSUBA_CUTOFF 40
/* Below this many divisor digits, or quotient digits, Knuth's division beats
 * Burnikel-Ziegler; also the block size at the bottom of its recursion. */
#define BZ_CUTOFF 80

/* ---- Scratch memory ------------------------------------------------------------- */

/* Failure injection for tests: the allocation that takes this to zero fails. */
static _Thread_local long fail_countdown;

void wf_bigint_fail_alloc_after(long n)
{
    fail_countdown = n;
}

wf_digit *wf_nat_alloc(size_t n)
{
    if (WF_UNLIKELY(fail_countdown > 0) && --fail_countdown == 0)
        return NULL;
    if (n > WF_BIGINT_MAX_DIGITS)
        return NULL;
    return malloc(n ? n * sizeof(wf_digit) : 1);
}

void wf_nat_free(wf_digit *p)
{
    free(p);
}

/* ---- Digit loops ---------------------------------------------------------------- */

int wf_nat_cmp(const wf_digit *a, size_t na, const wf_digit *b, size_t nb)
{
    na = wf_nat_normlen(a, na);
    nb = wf_nat_normlen(b, nb);
    if (na != nb)
        return na < nb ? -1 : 1;
    for (size_t i = na; i-- > 0;) {
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    }
    return 0;
}

wf_digit wf_nat_add(wf_digit *r, const wf_digit *a, size_t na, const wf_digit *b, size_t nb)
{
    WF_ASSERT(na >= nb);
    wf_twodigit carry = 0;
    size_t i = 0;
    for (; i < nb; i++) {
        carry += (wf_twodigit)a[i] + b[i];
        r[i] = (wf_digit)carry;
        carry >>= WF_DIGIT_BITS;
    }
    for (; i < na; i++) {
        carry += a[i];
        r[i] = (wf_digit)carry;
        carry >>= WF_DIGIT_BITS;
    }
    return (wf_digit)carry;
}

wf_digit wf_nat_sub(wf_digit *r, const wf_digit *a, size_t na, const wf_digit *b, size_t nb)
{
    WF_ASSERT(na >= nb);
    wf_digit borrow = 0;
    size_t i = 0;
    for (; i < nb; i++) {
        wf_twodigit d = (wf_twodigit)a[i] - b[i] - borrow;
        r[i] = (wf_digit)d;
        borrow = (wf_digit)(d >> 63); /* the subtraction wrapped */
    }
    for (; i < na; i++) {
        wf_twodigit d = (wf_twodigit)a[i] - borrow;
        r[i] = (wf_digit)d;
        borrow = (wf_digit)(d >> 63);
    }
    return borrow;
}

wf_digit wf_nat_add_1(wf_digit *r, const wf_digit *a, size_t n, wf_digit d)
{
    wf_twodigit carry = d;
    for (size_t i = 0; i < n; i++) {
        carry += a[i];
        r[i] = (wf_digit)carry;
        carry >>= WF_DIGIT_BITS;
    }
    return (wf_digit)carry;
}

wf_digit wf_nat_sub_1(wf_digit *r, const wf_digit *a, size_t n, wf_digit d)
{
    wf_digit borrow = d;
    for (size_t i = 0; i < n; i++) {
        wf_twodigit t = (wf_twodigit)a[i] - borrow;
        r[i] = (wf_digit)t;
        borrow = (wf_digit)(t >> 63);
    }
    return borrow;
}

wf_digit wf_nat_addmul_1(wf_digit *r, const wf_digit *a, size_t n, wf_digit m)
{
    wf_twodigit carry = 0;
    for (size_t i = 0; i < n; i++) {
        carry += (wf_twodigit)a[i] * m + r[i];
        r[i] = (wf_digit)carry;
        carry >>= WF_DIGIT_BITS;
    }
    return (wf_digit)carry;
}

/* The borrow never exceeds m: it is at most ceil(a * m / 2^(32 i)) over a prefix. */
wf_digit wf_nat_submul_1(wf_digit *r, const wf_digit *a, size_t n, wf_digit m)
{
    wf_twodigit borrow = 0;
    for (size_t i = 0; i < n; i++) {
        wf_twodigit p = (wf_twodigit)a[i] * m + borrow;
        wf_digit lo = (wf_digit)p, ri = r[i];
        r[i] = ri - lo;
        borrow = (p >> WF_DIGIT_BITS) + (ri < lo);
    }
    return (wf_digit)borrow;
}

wf_digit wf_nat_mul_1(wf_digit *r, const wf_digit *a, size_t n, wf_digit m, wf_digit c)
{
    wf_twodigit carry = c;
    for (size_t i = 0; i < n; i++) {
        carry += (wf_twodigit)a[i] * m;
        r[i] = (wf_digit)carry;
        carry >>= WF_DIGIT_BITS;
    }
    return (wf_digit)carry;
}

wf_digit wf_nat_divrem_1(wf_digit *q, const wf_digit *a, size_t n, wf_digit d)
{
    WF_ASSERT(d != 0);
    wf_twodigit rem = 0;
    if (q) {
        for (size_t i = n; i-- > 0;) {
            rem = (rem << WF_DIGIT_BITS) | a[i];
            q[i] = (wf_digit)(rem / d);
            rem %= d;
        }
    } else {
        for (size_t i = n; i-- > 0;)
            rem = ((rem << WF_DIGIT_BITS) | a[i]) % d;
    }
    return (wf_digit)rem;
}

/* From the top down, so that r == a works. */
wf_digit wf_nat_shl(wf_digit *r, const wf_digit *a, size_t n, unsigned s)
{
    WF_ASSERT(s < WF_DIGIT_BITS);
    if (s == 0) {
        memmove(r, a, n * sizeof *r);
        return 0;
    }
    if (n == 0)
        return 0;
    wf_digit out = a[n - 1] >> (WF_DIGIT_BITS - s);
    for (size_t i = n - 1; i > 0; i--)
        r[i] = (a[i] << s) | (a[i - 1] >> (WF_DIGIT_BITS - s));
    r[0] = a[0] << s;
    return out;
}

/* From the bottom up, so that r == a works. */
wf_digit wf_nat_shr(wf_digit *r, const wf_digit *a, size_t n, unsigned s)
{
    WF_ASSERT(s < WF_DIGIT_BITS);
    if (s == 0) {
        memmove(r, a, n * sizeof *r);
        return 0;
    }
    if (n == 0)
        return 0;
    wf_digit out = a[0] << (WF_DIGIT_BITS - s);
    for (size_t i = 0; i + 1 < n; i++)
        r[i] = (a[i] >> s) | (a[i + 1] << (WF_DIGIT_BITS - s));
    r[n - 1] = a[n - 1] >> s;
    return out;
}

/* ---- Multiplication --------------------------------------------------------------- */

/* r[0..na+nb) = a * b, na >= nb >= 1: one row of the product per digit of b. */
static void mul_school(wf_digit *r, const wf_digit *a, size_t na, const wf_digit *b, size_t nb)
{
    r[na] = wf_nat_mul_1(r, a, na, b[0], 0);
    for (size_t i = 1; i < nb; i++)
        r[i + na] = wf_nat_addmul_1(r + i, a, na, b[i]);
}

/* r[0..2n) = a^2: each cross product a[i] a[j] (i < j) once, doubled, plus the squares
 * on the diagonal, which is about half the work of mul_school. */
static void sqr_school(wf_digit *r, const wf_digit *a, size_t n)
{
    memset(r, 0, 2 * n * sizeof *r);
    for (size_t i = 0; i + 1 < n; i++)
        r[i + n] = wf_nat_addmul_1(r + 2 * i + 1, a + i + 1, n - i - 1, a[i]);
    wf_digit top = wf_nat_shl(r, r, 2 * n, 1);
    WF_ASSERT(top == 0);
    (void)top;
    wf_twodigit carry = 0;
    for (size_t i = 0; i < n; i++) {
        wf_twodigit sq = (wf_twodigit)a[i] * a[i];
        carry += (wf_twodigit)r[2 * i] + (wf_digit)sq;
        r[2 * i] = (wf_digit)carry;
        carry >>= WF_DIGIT_BITS;
        carry += (wf_twodigit)r[2 * i + 1] + (sq >> WF_DIGIT_BITS);
        r[2 * i + 1] = (wf_digit)carry;
        carry >>= WF_DIGIT_BITS;
    }
    WF_ASSERT(carry == 0);
}

/* Karatsuba, for normalized na >= nb > h = ceil(na / 2): with a = a1 B^h + a0 and
 * b = b1 B^h + b0,
 *   a b = a1 b1 B^2h + ((a0 + a1)(b0 + b1) - a0 b0 - a1 b1) B^h + a0 b0,
 * three half-size products instead of four. Squares when a == b. */
static int mul_karatsuba(wf_digit *r, const wf_digit *a, size_t na, const wf_digit *b, size_t nb)
{
    bool square = a == b && na == nb;
    size_t h = (na + 1) / 2, na1 = na - h, nb1 = nb - h;
    WF_ASSERT(nb > h && na1 <= h && nb1 <= h);
    wf_digit *t = wf_nat_alloc(4 * h + 4);
    if (!t)
        return -1;
    wf_digit *sa = t, *sb = t + h + 1, *p = t + 2 * h + 2;
    sa[h] = wf_nat_add(sa, a, h, a + h, na1);
    if (!square)
        sb[h] = wf_nat_add(sb, b, h, b + h, nb1);
    if (wf_nat_mul(r, a, h, b, h) < 0 || wf_nat_mul(r + 2 * h, a + h, na1, b + h, nb1) < 0 ||
        wf_nat_mul(p, sa, h + 1, square ? sa : sb, h + 1) < 0) {
        wf_nat_free(t);
        return -1;
    }
    wf_digit borrow = wf_nat_sub(p, p, 2 * h + 2, r, 2 * h);
    borrow |= wf_nat_sub(p, p, 2 * h + 2, r + 2 * h, na1 + nb1);
    /* the middle term fits below the top of r, since the whole product does */
    size_t np = wf_nat_normlen(p, 2 * h + 2);
    WF_ASSERT(np <= na + nb - h);
    wf_digit carry = wf_nat_add(r + h, r + h, na + nb - h, p, np);
    WF_ASSERT(borrow == 0 && carry == 0);
    (void)borrow;
    (void)carry;
    wf_nat_free(t);
    return 0;
}

/* na much larger than nb (nb <= ceil(na / 2)): a in slices of nb digits, each a
 * balanced product, added into place. */
static int mul_unbalanced(wf_digit *r, const wf_digit *a, size_t na, const wf_digit *b, size_t nb)
{
    wf_digit *t = wf_nat_alloc(2 * nb);
    if (!t)
        return -1;
    memset(r, 0, (na + nb) * sizeof *r);
    for (size_t off = 0; off < na; off += nb) {
        size_t n = na - off < nb ? na - off : nb;
        if (wf_nat_mul(t, a + off, n, b, nb) < 0) {
            wf_nat_free(t);
            return -1;
        }
        wf_digit carry = wf_nat_add(r + off, r + off, na + nb - off, t, n + nb);
        WF_ASSERT(carry == 0);
        (void)carry;
    }
    wf_nat_free(t);
    return 0;
}

int wf_nat_mul(wf_digit *r, const wf_digit *a, size_t na, const wf_digit *b, size_t nb)
{
    bool square = a == b && na == nb;
    size_t total = na + nb;
    na = wf_nat_normlen(a, na);
    nb = wf_nat_normlen(b, nb);
    if (na < nb) {
        const wf_digit *t = a;
        a = b;
        b = t;
        size_t n = na;
        na = nb;
        nb = n;
    }
    memset(r + na + nb, 0, (total - na - nb) * sizeof *r);
    if (nb == 0) {
        memset(r, 0, (na + nb) * sizeof *r);
        return 0;
    }
    if (nb < KARATSUBA_CUTOFF) {
        if (square)
            sqr_school(r, a, na);
        else
            mul_school(r, a, na, b, nb);
        return 0;
    }
    if (nb <= (na + 1) / 2)
        return mul_unbalanced(r, a, na, b, nb);
    return mul_karatsuba(r, a, na, b, nb);
}

/* ---- Division: Knuth's algorithm D ---------------------------------------------------- */

/* u[0..nu) / v[0..nv), for nv >= 2, v's top bit set, and u's top nv digits below v.
 * Writes the nu - nv quotient digits to q; leaves the remainder in u[0..nv) and zeros
 * in u[nv..nu). Each step estimates a quotient digit from the top two digits of the
 * window and the top two of v; the estimate is at most one too large after the
 * refinement, and the add-back corrects that case. */
static void knuth_core(wf_digit *q, wf_digit *u, size_t nu, const wf_digit *v, size_t nv)
{
    WF_ASSERT(nv >= 2 && nu >= nv && (v[nv - 1] >> (WF_DIGIT_BITS - 1)) == 1);
    wf_digit vtop = v[nv - 1], vnext = v[nv - 2];
    for (size_t j = nu - nv; j-- > 0;) {
        wf_digit utop = u[j + nv];
        wf_twodigit num = ((wf_twodigit)utop << WF_DIGIT_BITS) | u[j + nv - 1];
        wf_twodigit qhat = num / vtop, rhat = num % vtop;
        if (qhat > WF_DIGIT_MAX) {
            qhat = WF_DIGIT_MAX;
            rhat = num - qhat * vtop;
        }
        while (rhat <= WF_DIGIT_MAX && qhat * vnext > ((rhat << WF_DIGIT_BITS) | u[j + nv - 2])) {
            qhat--;
            rhat += vtop;
        }
        wf_digit borrow = wf_nat_submul_1(u + j, v, nv, (wf_digit)qhat);
        if (utop < borrow) {
            qhat--;
            wf_nat_add(u + j, u + j, nv, v, nv); /* the carry cancels the borrow */
        } else {
            WF_ASSERT(utop == borrow);
        }
        u[j + nv] = 0;
        q[j] = (wf_digit)qhat;
    }
}

/* ---- Division: Burnikel-Ziegler ----------------------------------------------------------
 *
 * Burnikel and Ziegler, "Fast Recursive Division" (1998). Dividing 2n digits by n is two
 * divisions of 3 halves by 2 halves; each of those is one 2h-by-h division of the top
 * parts plus a multiplication to correct for the low half of the divisor. With
 * Karatsuba underneath, the cost is O(n^1.58 log n) rather than O(n^2).
 *
 * The functions work in place: the dividend's buffer ends up holding the remainder in
 * its low digits and zeros above. The divisor always has its top bit set. */

static int bz_3n2n(wf_digit *q, wf_digit *a, const wf_digit *b, size_t h);

/* a[0..2n) / b[0..n), a's top n digits below b: quotient to q[0..n), remainder to
 * a[0..n). Odd or small n use Knuth. */
static int bz_2n1n(wf_digit *q, wf_digit *a, const wf_digit *b, size_t n)
{
    if ((n & 1) || n <= BZ_CUTOFF) {
        knuth_core(q, a, 2 * n, b, n);
        return 0;
    }
    size_t h = n / 2;
    if (bz_3n2n(q + h, a + h, b, h) < 0) /* [A1 A2 A3] / [B1 B2] */
        return -1;
    return bz_3n2n(q, a, b, h); /* [R1 R2 A4] / [B1 B2] */
}

/* a[0..3h) / b[0..2h), a's top 2h digits below b: quotient (h digits) to q, remainder to
 * a[0..2h). With a = [A1 A2 A3] and b = [B1 B2] in halves: estimate
 * Q = [A1 A2] / B1, then R = [A1 A2 A3] - Q b, and while R < 0 add b back and decrement
 * Q (at most twice, as the top bit of b is set). */
static int bz_3n2n(wf_digit *q, wf_digit *a, const wf_digit *b, size_t h)
{
    const wf_digit *b1 = b + h, *b2 = b;
    if (wf_nat_cmp(a + 2 * h, h, b1, h) < 0) {
        if (bz_2n1n(q, a + h, b1, h) < 0) /* remainder [A1 A2] mod B1 now in a[h..2h) */
            return -1;
    } else {
        /* A1 == B1 (A1 > B1 would break the precondition): Q = B^h - 1, and
         * [A1 A2] - Q B1 = A2 + B1 */
        for (size_t i = 0; i < h; i++)
            q[i] = WF_DIGIT_MAX;
        a[2 * h] = wf_nat_add(a + h, a + h, h, b1, h);
        memset(a + 2 * h + 1, 0, (h - 1) * sizeof *a);
    }
    wf_digit *d = wf_nat_alloc(2 * h);
    if (!d || wf_nat_mul(d, q, h, b2, h) < 0) {
        wf_nat_free(d);
        return -1;
    }
    /* a[0..2h+1) = R1 B^h + A3 is what remains before subtracting d = Q B2 */
    while (wf_nat_cmp(a, 2 * h + 1, d, 2 * h) < 0) {
        wf_nat_add(a, a, 2 * h + 1, b, 2 * h);
        wf_nat_sub_1(q, q, h, 1);
    }
    wf_nat_sub(a, a, 2 * h + 1, d, 2 * h);
    WF_ASSERT(a[2 * h] == 0);
    wf_nat_free(d);
    return 0;
}

/* The whole division for large operands: the divisor is shifted to fill a block of
 * n = j 2^k digits (j <= BZ_CUTOFF, so the recursion halves evenly down to Knuth), the
 * dividend by the same amount, and the dividend's blocks are divided from the top down,
 * each remainder becoming the top block of the next 2n-digit dividend. */
static int bz_divrem(wf_digit *q, wf_digit *r, const wf_digit *a, size_t na, const wf_digit *b,
                     size_t nb)
{
    size_t m = 1;
    while (m * BZ_CUTOFF < nb)
        m *= 2;
    size_t n = (nb + m - 1) / m * m;
    size_t dshift = n - nb; /* whole digits of shift; s bits more */
    unsigned s = (unsigned)__builtin_clz(b[nb - 1]);
    /* blocks in the shifted dividend, counting the digit its shift may carry into */
    size_t t = (na + dshift + 1 + n - 1) / n;
    if (t < 2)
        t = 2;
    wf_digit *buf = wf_nat_alloc(n + t * n + (t - 1) * n);
    if (!buf)
        return -1;
    wf_digit *bs = buf, *as = buf + n, *qs = as + t * n;
    memset(bs, 0, dshift * sizeof *bs);
    wf_nat_shl(bs + dshift, b, nb, s);
    memset(as, 0, t * n * sizeof *as);
    as[dshift + na] = wf_nat_shl(as + dshift, a, na, s);
    /* The top block is below the divisor: its top digit is zero, or it is that carry
     * digit, below 2^s <= 2^31 while the divisor's top digit is at least 2^31. */
    WF_ASSERT(wf_nat_cmp(as + (t - 1) * n, n, bs, n) < 0);
    for (size_t i = t - 1; i-- > 0;) {
        if (bz_2n1n(qs + i * n, as + i * n, bs, n) < 0) {
            wf_nat_free(buf);
            return -1;
        }
    }
    if (q) {
        size_t nq = na - nb + 1;
        WF_ASSERT(nq <= (t - 1) * n && wf_nat_normlen(qs, (t - 1) * n) <= nq);
        memcpy(q, qs, nq * sizeof *q);
    }
    if (r)
        wf_nat_shr(r, as + dshift, nb, s);
    wf_nat_free(buf);
    return 0;
}

int wf_nat_divrem(wf_digit *q, wf_digit *r, const wf_digit *a, size_t na, const wf_digit *b,
                  size_t nb)
{
    WF_ASSERT(nb >= 1 && na >= nb && b[nb - 1] != 0);
    if (nb == 1) {
        wf_digit rem = wf_nat_divrem_1(q, a, na, b[0]);
        if (r)
            r[0] = rem;
        return 0;
    }
    if (nb >= BZ_CUTOFF && na - nb >= BZ_CUTOFF)
        return bz_divrem(q, r, a, na, b, nb);
    size_t nq = na - nb + 1;
    wf_digit *buf = wf_nat_alloc((na + 1) + nb + (q ? 0 : nq));
    if (!buf)
        return -1;
    wf_digit *u = buf, *v = buf + na + 1, *qq = q ? q : v + nb;
    unsigned s = (unsigned)__builtin_clz(b[nb - 1]);
    wf_nat_shl(v, b, nb, s);
    u[na] = wf_nat_shl(u, a, na, s);
    knuth_core(qq, u, na + 1, v, nb);
    if (r)
        wf_nat_shr(r, u, nb, s);
    wf_nat_free(buf);
    return 0;
}
