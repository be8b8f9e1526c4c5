/* Arbitrary-precision integers with the exact semantics of Python 3.11's int, on their
 * own: no objects, no thread state. The int type wraps them.
 *
 * Representation. A wf_bigint is sign and magnitude. The magnitude is |size| digits of
 * 32 bits, least significant first; the sign of size is the sign of the value. The top
 * digit is never zero, so zero is size 0 with no digits and each value has exactly one
 * representation (wf_bigint_is_valid checks this). Why 32-bit digits rather than
 * CPython's 30: bitwise operations, shifts and the power-of-two bases are then plain word
 * operations, and a digit product plus two digits still fits in 64 bits, which is all the
 * multiplication and division kernels need.
 *
 * Memory: the caller provides every result. An operation writes its result into `dst`,
 * which the caller allocated with room for at least the number of digits that the
 * operation's `_max` helper returns (WF_BIGINT_BYTES(n) bytes). The int type can then put
 * the digits right after its object header and compute straight into the object, with
 * no copy and no second allocator interface. The result may use fewer digits than the
 * bound; a caller that keeps it for long may shrink the block. dst never overlaps an
 * input. Scratch memory (Karatsuba products, division, string conversion) comes from
 * malloc and is freed before the call returns.
 *
 * Errors: operations that can fail return WF_BIGINT_OK (0) or a negative
 * wf_bigint_status, and leave dst unspecified on failure. Every status names the
 * exception and message CPython raises in that case (wf_bigint_status_exception,
 * wf_bigint_status_message). Running out of memory is reported (WF_BIGINT_ENOMEM), never
 * fatal. A `_max` helper returns WF_BIGINT_TOO_BIG when the result cannot be represented
 * at all (more than WF_BIGINT_MAX_DIGITS digits); CPython raises MemoryError then.
 *
 * Threads: no function keeps state between calls, so any number of threads may use the
 * library at once on values that none of them is writing. */
#ifndef WF_BIGINT_H
#define WF_BIGINT_H

#include <stddef.h>
#include <stdint.h>

typedef uint32_t wf_digit;
#define WF_DIGIT_BITS 32

typedef struct wf_bigint {
    intptr_t size;     /* sign of the value; |size| = number of digits */
    wf_digit digits[]; /* little-endian; digits[|size| - 1] != 0 */
} wf_bigint;

/* Bytes for a wf_bigint with room for n digits. */
#define WF_BIGINT_BYTES(n) (offsetof(wf_bigint, digits) + (size_t)(n) * sizeof(wf_digit))

/* The largest digit count any value may have (2^58 bytes of digits, far beyond any
 * memory): bit lengths then fit in int64_t, and shifting a nonzero value by INT64_MAX
 * bits is over the limit. */
#define WF_BIGINT_MAX_DIGITS ((size_t)1 << 56)
/* What a `_max` helper returns for a result over WF_BIGINT_MAX_DIGITS. */
#define WF_BIGINT_TOO_BIG SIZE_MAX

/* Digits needed for any int64_t or uint64_t. */
#define WF_BIGINT_DIGITS_64 2

/* Room on the stack for any 64-bit value, e.g. a tagged int used as an operand:
 *   wf_bigint64 tmp; wf_bigint_from_int64(&tmp.big, v); */
typedef union wf_bigint64 {
    wf_bigint big;
    unsigned char bytes[WF_BIGINT_BYTES(WF_BIGINT_DIGITS_64)];
} wf_bigint64;

typedef enum wf_bigint_status {
    WF_BIGINT_OK = 0,
    WF_BIGINT_ENOMEM = -1,             /* MemoryError */
    WF_BIGINT_EDIVMOD_BY_ZERO = -2,    /* ZeroDivisionError from //, divmod */
    WF_BIGINT_EMOD_BY_ZERO = -3,       /* ZeroDivisionError from % */
    WF_BIGINT_ETRUEDIV_BY_ZERO = -4,   /* ZeroDivisionError from / */
    WF_BIGINT_EINT64_OVERFLOW = -5,    /* OverflowError: does not fit int64_t */
    WF_BIGINT_EFLOAT_OVERFLOW = -6,    /* OverflowError: int too large for a float */
    WF_BIGINT_ETRUEDIV_OVERFLOW = -7,  /* OverflowError: quotient too large for a float */
    WF_BIGINT_EFLOAT_INFINITY = -8,    /* OverflowError: int(inf) */
    WF_BIGINT_EFLOAT_NAN = -9,         /* ValueError: int(nan) */
    WF_BIGINT_ENEGATIVE_SHIFT = -10,   /* ValueError */
    WF_BIGINT_EPOW_ZERO_MODULUS = -11, /* ValueError: pow(a, b, 0) */
    WF_BIGINT_ENOT_INVERTIBLE = -12,   /* ValueError: pow(a, -b, m), a not invertible */
    WF_BIGINT_EINVALID_LITERAL = -13,  /* ValueError: int(s, base), s is not a literal */
} wf_bigint_status;

/* The CPython exception for a status ("ValueError", ...), and its message. For
 * WF_BIGINT_EINVALID_LITERAL the message is the fixed prefix "invalid literal for int()";
 * the caller appends " with base %d: %R" as CPython does. NULL for WF_BIGINT_OK. */
const char *wf_bigint_status_exception(int status);
const char *wf_bigint_status_message(int status);

/* ---- Inspection ------------------------------------------------------------------ */

static inline size_t wf_bigint_ndigits(const wf_bigint *a)
{
    return a->size < 0 ? (size_t)-a->size : (size_t)a->size;
}

/* -1, 0 or 1. */
static inline int wf_bigint_sign(const wf_bigint *a)
{
    return (a->size > 0) - (a->size < 0);
}

/* True if the top digit of a is nonzero (or a is zero with size 0). */
int wf_bigint_is_valid(const wf_bigint *a);

/* -1, 0 or 1 as a < b, a == b, a > b. */
int wf_bigint_cmp(const wf_bigint *a, const wf_bigint *b);

/* int.bit_length() and int.bit_count(): of |a|. */
uint64_t wf_bigint_bit_length(const wf_bigint *a);
uint64_t wf_bigint_bit_count(const wf_bigint *a);

/* hash(a) as CPython computes it: |a| mod 2^61 - 1 with a's sign, -1 becoming -2. */
int64_t wf_bigint_hash(const wf_bigint *a);

/* ---- Conversions ----------------------------------------------------------------- */

/* dst needs WF_BIGINT_DIGITS_64 digits. */
void wf_bigint_from_int64(wf_bigint *dst, int64_t v);
void wf_bigint_from_uint64(wf_bigint *dst, uint64_t v);

/* int(x) for a float: truncates toward zero. Fails with EFLOAT_INFINITY or EFLOAT_NAN.
 * The helper gives the exact digit count (0 for |x| < 1 and for inf and nan). */
size_t wf_bigint_from_double_max(double x);
int wf_bigint_from_double(wf_bigint *dst, double x);

/* EINT64_OVERFLOW when a is outside int64_t. */
int wf_bigint_to_int64(const wf_bigint *a, int64_t *out);

/* float(a), correctly rounded (round half to even); EFLOAT_OVERFLOW when the rounded
 * value would be 2^1024 or more in magnitude. */
int wf_bigint_to_double(const wf_bigint *a, double *out);

/* dst needs wf_bigint_ndigits(a) digits. */
void wf_bigint_copy(wf_bigint *dst, const wf_bigint *a);
void wf_bigint_neg(wf_bigint *dst, const wf_bigint *a);
void wf_bigint_abs(wf_bigint *dst, const wf_bigint *a);

/* ---- Arithmetic ------------------------------------------------------------------ */

/* a + b and a - b. */
size_t wf_bigint_add_max(const wf_bigint *a, const wf_bigint *b);
void wf_bigint_add(wf_bigint *dst, const wf_bigint *a, const wf_bigint *b);
void wf_bigint_sub(wf_bigint *dst, const wf_bigint *a, const wf_bigint *b);

/* a * b: schoolbook below a threshold, Karatsuba above it. */
size_t wf_bigint_mul_max(const wf_bigint *a, const wf_bigint *b);
int wf_bigint_mul(wf_bigint *dst, const wf_bigint *a, const wf_bigint *b);

/* Floor division: q = floor(a / b), r = a - q*b, so r has the sign of b (or is zero).
 * Either q or r may be NULL, not both. b == 0 fails with EDIVMOD_BY_ZERO, or with
 * EMOD_BY_ZERO when q is NULL (that is a % b). */
size_t wf_bigint_div_max(const wf_bigint *a, const wf_bigint *b);
size_t wf_bigint_mod_max(const wf_bigint *a, const wf_bigint *b);
int wf_bigint_divmod(wf_bigint *q, wf_bigint *r, const wf_bigint *a, const wf_bigint *b);

/* a / b correctly rounded to a double (round half to even, gradual underflow; a zero
 * result has the sign of the exact quotient). ETRUEDIV_BY_ZERO, ETRUEDIV_OVERFLOW. */
int wf_bigint_truediv(const wf_bigint *a, const wf_bigint *b, double *out);

/* a ** e for e >= 0 (0 ** 0 is 1); the caller turns negative exponents into floats.
 * The helper returns WF_BIGINT_TOO_BIG for results that cannot be represented. */
size_t wf_bigint_pow_max(const wf_bigint *a, const wf_bigint *e);
int wf_bigint_pow(wf_bigint *dst, const wf_bigint *a, const wf_bigint *e);

/* pow(a, e, m): the result has the sign of m, as a % m does. A negative e uses the
 * inverse of a modulo m (ENOT_INVERTIBLE when there is none); m == 0 fails with
 * EPOW_ZERO_MODULUS. */
size_t wf_bigint_powmod_max(const wf_bigint *m);
int wf_bigint_powmod(wf_bigint *dst, const wf_bigint *a, const wf_bigint *e, const wf_bigint *m);

/* ---- Bits: infinite two's complement, as Python defines them ---------------------- */

size_t wf_bigint_and_max(const wf_bigint *a, const wf_bigint *b);
size_t wf_bigint_or_max(const wf_bigint *a, const wf_bigint *b);
size_t wf_bigint_xor_max(const wf_bigint *a, const wf_bigint *b);
void wf_bigint_and(wf_bigint *dst, const wf_bigint *a, const wf_bigint *b);
void wf_bigint_or(wf_bigint *dst, const wf_bigint *a, const wf_bigint *b);
void wf_bigint_xor(wf_bigint *dst, const wf_bigint *a, const wf_bigint *b);

/* ~a == -a - 1. */
size_t wf_bigint_invert_max(const wf_bigint *a);
void wf_bigint_invert(wf_bigint *dst, const wf_bigint *a);

/* a << n and a >> n (floor(a / 2^n)); a negative n fails with ENEGATIVE_SHIFT, and the
 * helpers return 0 for it. A count beyond int64_t may be clamped to INT64_MAX by the
 * caller: the result is the same (0 or -1 for >>, WF_BIGINT_TOO_BIG for a nonzero <<). */
size_t wf_bigint_lshift_max(const wf_bigint *a, int64_t n);
size_t wf_bigint_rshift_max(const wf_bigint *a, int64_t n);
int wf_bigint_lshift(wf_bigint *dst, const wf_bigint *a, int64_t n);
int wf_bigint_rshift(wf_bigint *dst, const wf_bigint *a, int64_t n);

/* ---- Strings (runtime/bigint_str.c) --------------------------------------------- */

/* int(s, base) for base 0 or 2..36 (the caller rejects other bases), on ASCII text whose
 * surrounding whitespace the caller stripped (and whose non-ASCII digits it translated,
 * as CPython does). Accepted: an optional sign; for base 0, 16, 8, 2 the prefix 0x, 0o,
 * 0b (either case) of that base, base 0 choosing the base from it; single underscores
 * between digits and after a prefix; in base 0 without a prefix, no leading zero unless
 * every digit is zero. Anything else is EINVALID_LITERAL. Parsing a power-of-two base
 * is linear; other bases convert by divide and conquer (subquadratic with Karatsuba).
 * The limit on digits (sys.int_info.default_max_str_digits) is the caller's to apply. */
size_t wf_bigint_parse_max(size_t len, int base);
int wf_bigint_parse(wf_bigint *dst, const char *s, size_t len, int base);

/* a in base 2..36 with lowercase letters, a '-' for negatives and no prefix, NUL
 * terminated; *len gets the length without the NUL. out needs wf_bigint_format_max
 * bytes (NUL included). */
size_t wf_bigint_format_max(const wf_bigint *a, int base);
int wf_bigint_format(char *out, size_t *len, const wf_bigint *a, int base);

/* The exact number of base-`base` digits of |a| (1 for zero), for the caller's limit on
 * str() digits. Cheap unless a's bit length leaves two counts possible; then one power
 * of the base is computed. */
int wf_bigint_digit_count(const wf_bigint *a, int base, size_t *count);

/* ---- Testing --------------------------------------------------------------------- */

/* Make the n-th scratch allocation from now on in the calling thread fail (n >= 1), to
 * test that every path reports ENOMEM; 0 turns it off. */
void wf_bigint_fail_alloc_after(long n);

#endif
