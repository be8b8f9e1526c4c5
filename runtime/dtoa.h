/* Float <-> decimal string conversion with CPython 3.11's exact results: repr(float),
 * float(str), the 'e' 'f' 'g' '%' and default presentation types of format(), and
 * round(x, ndigits).
 *
 * Every conversion is exact: parsing rounds the exact decimal value of the input
 * half-even to a double, and formatting rounds the exact binary value of the double
 * half-even to decimal. None of it depends on the C library's strtod or printf, on the
 * locale, or on global state, so every function is safe to call from any thread. */
#ifndef WF_DTOA_H
#define WF_DTOA_H

#include <stdbool.h>
#include <stddef.h>

/* Enough for any repr(float), "-1.7976931348623157e+308" included, and its NUL. */
#define WF_FLOAT_REPR_SIZE 32

/* repr(x) (which is also str(x)): the shortest decimal string that reads back as x,
 * in exponent form when the decimal exponent is < -4 or >= 16, e.g. "0.1", "1e+16",
 * "-0.0", "inf", "nan". Writes at most size bytes including a NUL (like snprintf) and
 * returns the full length without the NUL. */
size_t wf_float_repr(double x, char *buf, size_t size);

/* float(s) for s[0..len) that the caller has already stripped of leading and trailing
 * whitespace and whose non-ASCII decimal digits it has already mapped to ASCII (as
 * float() does before parsing). Accepts exactly what float() then accepts: an optional
 * sign, then "inf", "infinity" or "nan" in any case, or digits with an optional point
 * (at least one digit overall) and an optional exponent ('e' or 'E', optional sign,
 * digits); a single '_' may stand between two digits anywhere. The value is rounded
 * half-even; it overflows to +-inf and underflows to +-0.0. Returns false, leaving
 * *out unchanged, if s is not such a literal (an embedded NUL or a space makes it
 * invalid). */
bool wf_float_parse(const char *s, size_t len, double *out);

/* Flags for wf_float_format, from the format spec. */
enum {
    WF_FMT_ALT = 1,      /* '#': keep the point, and the trailing zeros of 'g' */
    WF_FMT_NO_NEG_0 = 2, /* 'z': no '-' when the rounded result is zero */
};

/* format(x, spec) for a spec with presentation type `type` ('e', 'E', 'f', 'F', 'g', 'G',
 * 'n' (read as 'g'), '%', or 0 for no type) and precision `precision` (-1 when the spec
 * gives none). The output is what CPython's float.__format__ pads and groups: a '-' for
 * a negative x (never for a nan, nor with WF_FMT_NO_NEG_0 when the result rounds to zero),
 * the digits, point and exponent, and the trailing '%' of type '%' (which formats
 * x * 100 computed in double, as CPython does). "inf" and "nan" are upper case for the
 * upper-case types. Widths, fill, '+' and ' ' signs and grouping are the caller's.
 * Writes at most size bytes including a NUL and returns the full length (which can be
 * large: precision is only limited by the caller). Returns 0 and writes nothing but a
 * NUL for an unknown type. */
size_t wf_float_format(double x, char type, int precision, unsigned flags, char *buf, size_t size);

/* round(x, ndigits) for a float: x rounded half-even, at the exact binary value, to a
 * multiple of 10**-ndigits, then read back as the nearest double. A nan or an infinity
 * is returned unchanged; a result that is infinite for a finite x means CPython raises
 * OverflowError("rounded value too large to represent"). The caller clips a Python int
 * ndigits to int; every int is handled (as CPython does, a large ndigits returns x and
 * a very negative one returns 0.0 with the sign of x). */
double wf_float_round(double x, int ndigits);

/* round(x) without ndigits: x rounded half-even to an integral double (the caller makes
 * the int, and raises for a nan or an infinity, which are returned unchanged). */
double wf_float_round_half_even(double x);

#endif
