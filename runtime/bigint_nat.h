/* Natural-number kernels under runtime/bigint.c and runtime/bigint_str.c: unsigned
 * magnitudes as little-endian arrays of 32-bit digits, with explicit lengths. Internal
 * to the bigint files.
 *
 * Conventions: a "number" (a, na) may have leading zero digits unless a function says
 * it must be normalized; r is where the result goes and has the length stated. Outputs
 * overlap inputs only where a function says so. Functions returning int return 0, or -1
 * when a scratch allocation failed. */
#ifndef WF_BIGINT_NAT_H
#define WF_BIGINT_NAT_H

#include <stdbool.h>

#include "bigint.h"

typedef uint64_t wf_twodigit;
#define WF_DIGIT_MAX ((wf_digit)UINT32_MAX)

/* Scratch memory for n digits (NULL when out of memory, or when the test hook says so),
 * and its release. */
wf_digit *wf_nat_alloc(size_t n);
void wf_nat_free(wf_digit *p);

/* Length of a without its leading zero digits. */
static inline size_t wf_nat_normlen(const wf_digit *a, size_t n)
{
    while (n > 0 && a[n - 1] == 0)
        n--;
    return n;
}

/* -1, 0, 1 comparing the values (lengths may differ, leading zeros allowed). */
int wf_nat_cmp(const wf_digit *a, size_t na, const wf_digit *b, size_t nb);

/* r[0..na) = a + b, na >= nb; returns the carry. r may be a. */
wf_digit wf_nat_add(wf_digit *r, const wf_digit *a, size_t na, const wf_digit *b, size_t nb);
/* r[0..na) = a - b, na >= nb; returns the borrow. r may be a. */
wf_digit wf_nat_sub(wf_digit *r, const wf_digit *a, size_t na, const wf_digit *b, size_t nb);
/* r[0..n) = a + d and a - d; carry or borrow out. r may be a. */
wf_digit wf_nat_add_1(wf_digit *r, const wf_digit *a, size_t n, wf_digit d);
wf_digit wf_nat_sub_1(wf_digit *r, const wf_digit *a, size_t n, wf_digit d);

/* r[0..n) = a * m + r (addmul) or r - a * m (submul); the digit carried or borrowed out
 * of the top. */
wf_digit wf_nat_addmul_1(wf_digit *r, const wf_digit *a, size_t n, wf_digit m);
wf_digit wf_nat_submul_1(wf_digit *r, const wf_digit *a, size_t n, wf_digit m);
/* r[0..n) = a * m + c; the top digit out. r may be a. */
wf_digit wf_nat_mul_1(wf_digit *r, const wf_digit *a, size_t n, wf_digit m, wf_digit c);

/* q[0..n) = a / d (q may be a, or NULL); returns a % d. d != 0. */
wf_digit wf_nat_divrem_1(wf_digit *q, const wf_digit *a, size_t n, wf_digit d);

/* r[0..n) = a << s and a >> s for 0 <= s < 32; returns the bits shifted out (in the low
 * bits for <<, in the high bits for >>). r may be a. */
wf_digit wf_nat_shl(wf_digit *r, const wf_digit *a, size_t n, unsigned s);
wf_digit wf_nat_shr(wf_digit *r, const wf_digit *a, size_t n, unsigned s);

/* r[0..na+nb) = a * b. r overlaps neither input; a == b (same pointer and length)
 * squares, which is cheaper. */
int wf_nat_mul(wf_digit *r, const wf_digit *a, size_t na, const wf_digit *b, size_t nb);

/* q[0..na-nb+1) = a / b and r[0..nb) = a % b, for na >= nb and b normalized
 * (b[nb-1] != 0). Either output may be NULL; neither overlaps an input. Knuth's
 * algorithm D for short quotients or divisors, Burnikel-Ziegler recursion otherwise. */
int wf_nat_divrem(wf_digit *q, wf_digit *r, const wf_digit *a, size_t na, const wf_digit *b,
                  size_t nb);

#endif
