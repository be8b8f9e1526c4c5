/* float: a boxed double (runtime/float.h). Arithmetic with floats and ints, exact
 * comparison with ints, CPython's hash, repr through runtime/dtoa.h, float(), round()
 * and the methods of float. A float is immutable after it is published. */
#include "float.h"

#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <string.h>

#include "abstract.h"
#include "alloc.h"
#include "bytes.h"
#include "callable.h"
#include "complex.h"
#include "dtoa.h"
#include "error.h"
#include "exceptions.h"
#include "format.h"
#include "int.h"
#include "singletons.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "unicode_db.h"
#include "utf8.h"

bool wf_float_check(wf_value v)
{
    return wf_is_object(v) && wf_isinstance_type(v, &wf_float_type);
}

static wf_value float_new_type(wf_thread *t, wf_type *type, double d)
{
    size_t size =
        type->tp_basicsize > sizeof(wf_float_object) ? type->tp_basicsize : sizeof(wf_float_object);
    wf_float_object *o = (wf_float_object *)wf_object_alloc(t, type, size);
    if (!o)
        return wf_err_no_memory(t);
    o->value = d;
    return wf_from_object(&o->ob);
}

wf_value wf_float_new(wf_thread *t, double d)
{
    return float_new_type(t, &wf_float_type, d);
}

static void float_dealloc(wf_thread *t, wf_object *o)
{
    wf_object_free(t, o);
}

/* An operand of float arithmetic as a double: floats, and ints converted (OverflowError
 * for huge ints). Returns 0 for another type (the slot answers NotImplemented), -1 on
 * error, 1 on success. */
static int operand(wf_thread *t, wf_value v, double *out)
{
    if (wf_float_check(v)) {
        *out = wf_float_value(v);
        return 1;
    }
    if (wf_int_check(v))
        return wf_int_as_double(t, v, out) ? 1 : -1;
    return 0;
}

/* Both operands as doubles, or return NotImplemented / the error from the slot. */
#define FLOAT_OPERANDS(a, b, x, y)                                                                 \
    double x, y;                                                                                   \
    {                                                                                              \
        int ra_ = operand(t, a, &x);                                                               \
        int rb_ = ra_ > 0 ? operand(t, b, &y) : 0;                                                 \
        if (ra_ < 0 || rb_ < 0)                                                                    \
            return WF_NULL;                                                                        \
        if (ra_ == 0 || rb_ == 0)                                                                  \
            return WF_NOTIMPLEMENTED;                                                              \
    }

/* ---- Arithmetic ------------------------------------------------------------------------ */

static wf_value float_add(wf_thread *t, wf_value a, wf_value b)
{
    FLOAT_OPERANDS(a, b, x, y);
    return wf_float_new(t, x + y);
}

static wf_value float_sub(wf_thread *t, wf_value a, wf_value b)
{
    FLOAT_OPERANDS(a, b, x, y);
    return wf_float_new(t, x - y);
}

static wf_value float_mul(wf_thread *t, wf_value a, wf_value b)
{
    FLOAT_OPERANDS(a, b, x, y);
    return wf_float_new(t, x * y);
}

static wf_value float_truediv(wf_thread *t, wf_value a, wf_value b)
{
    FLOAT_OPERANDS(a, b, x, y);
    if (y == 0.0)
        return wf_err_set(t, &wf_exc_ZeroDivisionError, "float division by zero");
    return wf_float_new(t, x / y);
}

/* Python's modulo: the result has the sign of y (CPython's float_rem). */
static double py_fmod(double x, double y)
{
    double mod = fmod(x, y);
    if (mod != 0.0) {
        if ((y < 0) != (mod < 0))
            mod += y;
    } else {
        mod = copysign(0.0, y);
    }
    return mod;
}

/* Python's floor division (CPython's float_divmod), y != 0. */
static double py_floordiv(double x, double y)
{
    double mod = fmod(x, y);
    double div = (x - mod) / y;
    if (mod != 0.0 && (y < 0) != (mod < 0))
        div -= 1.0;
    if (div == 0.0)
        return copysign(0.0, x / y);
    double floordiv = floor(div);
    if (div - floordiv > 0.5)
        floordiv += 1.0;
    return floordiv;
}

static wf_value float_mod(wf_thread *t, wf_value a, wf_value b)
{
    FLOAT_OPERANDS(a, b, x, y);
    if (y == 0.0)
        return wf_err_set(t, &wf_exc_ZeroDivisionError, "float modulo");
    return wf_float_new(t, py_fmod(x, y));
}

static wf_value float_floordiv(wf_thread *t, wf_value a, wf_value b)
{
    FLOAT_OPERANDS(a, b, x, y);
    if (y == 0.0)
        return wf_err_set(t, &wf_exc_ZeroDivisionError, "float floor division by zero");
    return wf_float_new(t, py_floordiv(x, y));
}

wf_value wf_float_divmod(wf_thread *t, wf_value a, wf_value b)
{
    FLOAT_OPERANDS(a, b, x, y);
    if (y == 0.0)
        return wf_err_set(t, &wf_exc_ZeroDivisionError, "float divmod()");
    wf_value q = wf_float_new(t, py_floordiv(x, y));
    wf_value r = q ? wf_float_new(t, py_fmod(x, y)) : WF_NULL;
    wf_value tuple = r ? wf_tuple_pack(t, 2, q, r) : WF_NULL;
    if (q)
        wf_value_decref(t, q);
    if (r)
        wf_value_decref(t, r);
    return tuple;
}

static bool is_odd_integer(double y)
{
    return fabs(fmod(y, 2.0)) == 1.0;
}

/* x ** y following CPython's float_pow special cases, in its order. */
wf_value wf_float_pow_doubles(wf_thread *t, double x, double y)
{
    if (y == 0.0)
        return wf_float_new(t, 1.0);
    if (isnan(x))
        return wf_float_new(t, x);
    if (isnan(y))
        return wf_float_new(t, x == 1.0 ? 1.0 : y);
    if (isinf(y)) {
        double ax = fabs(x);
        if (ax == 1.0)
            return wf_float_new(t, 1.0);
        return wf_float_new(t, (y > 0.0) == (ax > 1.0) ? INFINITY : 0.0);
    }
    if (isinf(x)) {
        bool odd = is_odd_integer(y);
        double r = y > 0.0 ? fabs(x) : 0.0;
        return wf_float_new(t, odd ? copysign(r, x) : r);
    }
    if (x == 0.0) {
        if (y < 0.0)
            return wf_err_set(t, &wf_exc_ZeroDivisionError,
                              "0.0 cannot be raised to a negative power");
        return wf_float_new(t, is_odd_integer(y) ? x : 0.0);
    }
    if (x < 0.0 && y != floor(y)) /* a complex result, as complex ** complex computes it */
        return wf_complex_pow_parts(t, x, 0.0, y, 0.0);
    double r = pow(x, y);
    if (isinf(r))
        return wf_err_set(t, &wf_exc_OverflowError, "(34, 'Numerical result out of range')");
    return wf_float_new(t, r);
}

static wf_value float_pow(wf_thread *t, wf_value a, wf_value b)
{
    FLOAT_OPERANDS(a, b, x, y);
    return wf_float_pow_doubles(t, x, y);
}

static wf_value float_pow3(wf_thread *t, wf_value a, wf_value b, wf_value m)
{
    if (m != WF_NONE)
        return wf_err_set(t, &wf_exc_TypeError,
                          "pow() 3rd argument not allowed unless all arguments are integers");
    return float_pow(t, a, b);
}

static wf_value float_neg(wf_thread *t, wf_value v)
{
    return wf_float_new(t, -wf_float_value(v));
}

static wf_value float_pos(wf_thread *t, wf_value v)
{
    if (wf_to_object(v)->ob_type == &wf_float_type)
        return wf_newref(t, v);
    return wf_float_new(t, wf_float_value(v));
}

static wf_value float_abs(wf_thread *t, wf_value v)
{
    return wf_float_new(t, fabs(wf_float_value(v)));
}

static int float_truth(wf_thread *t, wf_value v)
{
    (void)t;
    return wf_float_value(v) != 0.0;
}

/* int(x): truncation toward zero; OverflowError for inf, ValueError for nan. */
wf_value wf_float_to_int(wf_thread *t, double x)
{
    if (fabs(x) < 4.0e18) /* exact in int64 */
        return wf_int_from_int64(t, (int64_t)x);
    size_t n = wf_bigint_from_double_max(x);
    wf_bigint *b = wf_mem_alloc(t, WF_BIGINT_BYTES(n + 1));
    if (!b)
        return wf_err_no_memory(t);
    int status = wf_bigint_from_double(b, x);
    wf_value r;
    if (status == WF_BIGINT_OK)
        r = wf_int_from_bigint(t, b);
    else if (status == WF_BIGINT_EFLOAT_NAN)
        r = wf_err_set(t, &wf_exc_ValueError, "%s", wf_bigint_status_message(status));
    else
        r = wf_err_set(t, &wf_exc_OverflowError, "%s", wf_bigint_status_message(status));
    wf_mem_free(b);
    return r;
}

static wf_value float_to_int(wf_thread *t, wf_value v)
{
    return wf_float_to_int(t, wf_float_value(v));
}

/* ---- Comparison ---------------------------------------------------------------------------- */

/* -1, 0, 1 comparing a finite double with an int, exactly. */
static int compare_double_int(wf_thread *t, double x, wf_value i, bool *error)
{
    const int64_t exact = (int64_t)1 << 53;
    if (wf_is_smallint(i) && wf_smallint_unbox(i) >= -exact && wf_smallint_unbox(i) <= exact) {
        double y = (double)wf_smallint_unbox(i);
        return (x > y) - (x < y);
    }
    /* compare floor(x) as an int, then the fraction breaks a tie */
    double fl = floor(x);
    wf_value xi = wf_float_to_int(t, fl);
    if (!xi) {
        *error = true;
        return 0;
    }
    int c = wf_int_compare(xi, i);
    wf_value_decref(t, xi);
    if (c == 0 && x != fl)
        c = 1;
    return c;
}

static wf_value float_richcompare(wf_thread *t, wf_value a, wf_value b, int op)
{
    bool swapped = !wf_float_check(a);
    wf_value f = swapped ? b : a, other = swapped ? a : b;
    double x = wf_float_value(f);
    int c;
    if (wf_float_check(other)) {
        double y = wf_float_value(other);
        if (isnan(x) || isnan(y))
            return wf_bool(op == WF_CMP_NE);
        c = (x > y) - (x < y);
    } else if (wf_int_check(other)) {
        if (isnan(x))
            return wf_bool(op == WF_CMP_NE);
        if (isinf(x)) {
            c = x > 0 ? 1 : -1;
        } else {
            bool error = false;
            c = compare_double_int(t, x, other, &error);
            if (error)
                return WF_NULL;
        }
    } else {
        return WF_NOTIMPLEMENTED;
    }
    return wf_bool(wf_cmp_result(swapped ? -c : c, op));
}

/* ---- Hash ------------------------------------------------------------------------------ */

#define HASH_BITS    61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)
#define HASH_INF     314159

int64_t wf_float_hash_double(double v, wf_value identity)
{
    if (isinf(v))
        return v > 0 ? HASH_INF : -HASH_INF;
    if (isnan(v)) { /* CPython 3.10+: by identity, the address rotated by 4 bits */
        uint64_t y = (uint64_t)identity;
        int64_t h = (int64_t)((y >> 4) | (y << 60));
        return h == -1 ? -2 : h;
    }
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    /* x = m * 2^28k mod P, accumulated 28 bits at a time */
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0; /* 2**28 */
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MODULUS)
            x -= HASH_MODULUS;
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    int64_t h = (int64_t)x * sign;
    return h == -1 ? -2 : h;
}

static int64_t float_tp_hash(wf_thread *t, wf_value v)
{
    (void)t;
    return wf_float_hash_double(wf_float_value(v), v);
}

/* ---- repr and parsing ---------------------------------------------------------------------- */

static wf_value float_tp_repr(wf_thread *t, wf_value v)
{
    char buf[WF_FLOAT_REPR_SIZE];
    size_t n = wf_float_repr(wf_float_value(v), buf, sizeof buf);
    return wf_str_from_utf8(t, buf, n);
}

/* float(text); orig (a str or bytes) is shown in the error. */
static wf_value parse_float(wf_thread *t, const char *s, size_t n, wf_value orig)
{
    char small[64];
    char *buf = n <= sizeof small ? small : wf_mem_alloc(t, n);
    if (!buf)
        return wf_err_no_memory(t);
    size_t len;
    double d;
    wf_value r = WF_NULL;
    if (wf_str_number_text(s, n, buf, &len) && wf_float_parse(buf, len, &d)) {
        r = wf_float_new(t, d);
    } else {
        wf_value rep = wf_repr(t, orig);
        if (rep) {
            wf_err_set(t, &wf_exc_ValueError, "could not convert string to float: %s",
                       wf_str_utf8(rep));
            wf_value_decref(t, rep);
        }
    }
    if (buf != small)
        wf_mem_free(buf);
    return r;
}

wf_value wf_float_from_string(wf_thread *t, const char *s, size_t len)
{
    wf_value orig = wf_str_from_utf8(t, s, len);
    if (!orig)
        return WF_NULL;
    wf_value r = parse_float(t, s, len, orig);
    wf_value_decref(t, orig);
    return r;
}

/* float(x) for any x: a new float, or 0 with TypeError / ValueError. */
static wf_value float_from_object(wf_thread *t, wf_value x)
{
    if (wf_float_check(x))
        return float_pos(t, x);
    if (wf_str_check(x))
        return parse_float(t, wf_str_utf8(x), wf_str_size(x), x);
    if (wf_bytes_check(x))
        return parse_float(t, wf_bytes_data(x), wf_bytes_size(x), x);
    if (wf_bytearray_check(x)) {
        wf_value b = wf_bytearray_to_bytes(t, x);
        wf_value r = b ? parse_float(t, wf_bytes_data(b), wf_bytes_size(b), x) : WF_NULL;
        if (b)
            wf_value_decref(t, b);
        return r;
    }
    const wf_number_methods *nb = wf_type_of(x)->tp_as_number;
    if (!nb || (!nb->to_float && !nb->index))
        return wf_err_set(t, &wf_exc_TypeError,
                          "float() argument must be a string or a real number, not '%s'",
                          wf_type_name(wf_type_of(x)));
    double d;
    if (!wf_as_double(t, x, &d))
        return WF_NULL;
    return wf_float_new(t, d);
}

bool wf_as_double(wf_thread *t, wf_value v, double *out)
{
    if (wf_float_check(v)) {
        *out = wf_float_value(v);
        return true;
    }
    if (wf_int_check(v))
        return wf_int_as_double(t, v, out);
    const wf_number_methods *nb = wf_type_of(v)->tp_as_number;
    if (nb && nb->to_float) {
        wf_value f = nb->to_float(t, v);
        if (!f)
            return false;
        bool ok = wf_float_check(f);
        if (ok)
            *out = wf_float_value(f);
        else
            wf_err_set(t, &wf_exc_TypeError, "%s.__float__ returned non-float (type %s)",
                       wf_type_name(wf_type_of(v)), wf_type_name(wf_type_of(f)));
        wf_value_decref(t, f);
        return ok;
    }
    if (nb && nb->index) {
        wf_value i = wf_index(t, v);
        if (!i)
            return false;
        bool ok = wf_int_as_double(t, i, out);
        wf_value_decref(t, i);
        return ok;
    }
    wf_err_set(t, &wf_exc_TypeError, "must be real number, not %s", wf_type_name(wf_type_of(v)));
    return false;
}

/* float(x=0.0, /) */
static wf_value float_tp_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    if (kwnames && wf_tuple_size(kwnames))
        return wf_err_set(t, &wf_exc_TypeError, "float() takes no keyword arguments");
    if (nargs > 1)
        return wf_err_set(t, &wf_exc_TypeError, "float expected at most 1 argument, got %zu",
                          nargs);
    wf_value r = nargs ? float_from_object(t, args[0]) : wf_float_new(t, 0.0);
    if (!r || type == &wf_float_type)
        return r;
    wf_value sub = float_new_type(t, type, wf_float_value(r));
    wf_value_decref(t, r);
    return sub;
}

/* ---- Methods ------------------------------------------------------------------------------- */

static bool no_args(wf_thread *t, const char *qualname, size_t nargs, wf_value kwnames)
{
    if (kwnames && wf_tuple_size(kwnames)) {
        wf_err_set(t, &wf_exc_TypeError, "%s() takes no keyword arguments", qualname);
        return false;
    }
    if (nargs) {
        wf_err_set(t, &wf_exc_TypeError, "%s() takes no arguments (%zu given)", qualname, nargs);
        return false;
    }
    return true;
}

#define FLOAT_NOARGS(fname, qual, expr)                                                            \
    static wf_value fname(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,         \
                          wf_value kwnames)                                                        \
    {                                                                                              \
        (void)args;                                                                                \
        if (!no_args(t, qual, nargs, kwnames))                                                     \
            return WF_NULL;                                                                        \
        double x = wf_float_value(self);                                                           \
        (void)x;                                                                                   \
        return expr;                                                                               \
    }
FLOAT_NOARGS(float_conjugate, "float.conjugate", float_pos(t, self))
FLOAT_NOARGS(float_is_integer, "float.is_integer", wf_bool(isfinite(x) && x == floor(x)))
FLOAT_NOARGS(float_trunc, "float.__trunc__", wf_float_to_int(t, x))
FLOAT_NOARGS(float_floor, "float.__floor__", wf_float_to_int(t, floor(x)))
FLOAT_NOARGS(float_ceil, "float.__ceil__", wf_float_to_int(t, ceil(x)))

/* (numerator, denominator) in lowest terms, exactly. */
static wf_value float_as_integer_ratio(wf_thread *t, wf_value self, const wf_value *args,
                                       size_t nargs, wf_value kwnames)
{
    (void)args;
    if (!no_args(t, "float.as_integer_ratio", nargs, kwnames))
        return WF_NULL;
    double x = wf_float_value(self);
    if (isinf(x))
        return wf_err_set(t, &wf_exc_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(x))
        return wf_err_set(t, &wf_exc_ValueError, "cannot convert NaN to integer ratio");
    int e;
    double m = frexp(x, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    wf_value num = wf_float_to_int(t, m), den = wf_smallint_box(1);
    if (!num)
        return WF_NULL;
    wf_value shift = wf_smallint_box(e > 0 ? e : -e);
    wf_value *target = e > 0 ? &num : &den;
    wf_value shifted = wf_binary_op(t, *target, shift, WF_NB_LSHIFT);
    wf_value_decref(t, *target);
    *target = shifted;
    wf_value r = num && den ? wf_tuple_pack(t, 2, num, den) : WF_NULL;
    if (num)
        wf_value_decref(t, num);
    if (den)
        wf_value_decref(t, den);
    return r;
}

/* round(x) and round(x, ndigits). */
static wf_value float_round(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    if (kwnames && wf_tuple_size(kwnames))
        return wf_err_set(t, &wf_exc_TypeError, "float.__round__() takes no keyword arguments");
    if (nargs > 1)
        return wf_err_set(t, &wf_exc_TypeError, "__round__ expected at most 1 argument, got %zu",
                          nargs);
    double x = wf_float_value(self);
    if (nargs == 0 || args[0] == WF_NONE)
        return wf_float_to_int(t, wf_float_round_half_even(x));
    wf_value nd = wf_index(t, args[0]);
    if (!nd)
        return WF_NULL;
    int64_t n;
    if (!wf_int_as_int64(t, nd, &n)) {
        wf_err_clear(t);
        n = wf_int_sign(nd) < 0 ? INT32_MIN : INT32_MAX;
    }
    wf_value_decref(t, nd);
    int ndigits = n > INT32_MAX ? INT32_MAX : n < INT32_MIN ? INT32_MIN : (int)n;
    double r = wf_float_round(x, ndigits);
    if (isinf(r) && isfinite(x))
        return wf_err_set(t, &wf_exc_OverflowError, "rounded value too large to represent");
    return wf_float_new(t, r);
}

static wf_value float_dunder_format(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                    wf_value kwnames)
{
    if (kwnames && wf_tuple_size(kwnames))
        return wf_err_set(t, &wf_exc_TypeError, "float.__format__() takes no keyword arguments");
    if (nargs != 1)
        return wf_err_set(t, &wf_exc_TypeError, "__format__ expected 1 argument, got %zu", nargs);
    if (!wf_str_check(args[0]))
        return wf_err_set(t, &wf_exc_TypeError, "__format__() argument must be str, not %s",
                          wf_type_name(wf_type_of(args[0])));
    /* an empty spec is str(self): a subclass's __repr__ / __str__ shows */
    if (wf_str_size(args[0]) == 0 && wf_type_of(self) != &wf_float_type)
        return wf_str(t, self);
    return wf_format_float(t, wf_float_value(self), args[0]);
}

static wf_value float_getnewargs(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                 wf_value kwnames)
{
    (void)args;
    if (!no_args(t, "float.__getnewargs__", nargs, kwnames))
        return WF_NULL;
    wf_value v = wf_float_new(t, wf_float_value(self));
    wf_value r = v ? wf_tuple_pack(t, 1, v) : WF_NULL;
    if (v)
        wf_value_decref(t, v);
    return r;
}

/* float.hex(): CPython's exact hexadecimal form, 13 hex digits after the point
 * ("0x1.8000000000000p+0"); subnormals keep a leading 0. */
static wf_value float_hex(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    (void)args;
    if (!no_args(t, "float.hex", nargs, kwnames))
        return WF_NULL;
    double x = wf_float_value(self);
    if (!isfinite(x))
        return float_tp_repr(t, self);
    if (x == 0.0)
        return wf_str_from_cstr(t, copysign(1.0, x) < 0 ? "-0x0.0p+0" : "0x0.0p+0");
    static const char hex[] = "0123456789abcdef";
    int e;
    double m = frexp(fabs(x), &e);
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    char digits[20];
    int n = 0;
    digits[n++] = hex[(int)m];
    m -= (int)m;
    digits[n++] = '.';
    for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; i++) {
        m *= 16.0;
        digits[n++] = hex[(int)m];
        m -= (int)m;
    }
    digits[n] = '\0';
    return wf_str_printf(t, "%s0x%sp%c%d", x < 0 ? "-" : "", digits, e < 0 ? '-' : '+',
                         e < 0 ? -e : e);
}

/* ---- float.fromhex --------------------------------------------------------------------------- */

static int hex_digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static bool is_c_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Does s start with the lower-case ASCII word w, in any case (whatever the locale)? */
static bool starts_with_ci(const char *s, const char *w)
{
    for (; *w; s++, w++)
        if ((*s | 0x20) != *w)
            return false;
    return true;
}

/* Length of an optionally signed inf / infinity / nan at s (any case), 0 if none;
 * *out gets its value. s is NUL-terminated. */
static size_t parse_inf_or_nan(const char *s, double *out)
{
    size_t i = 0;
    bool negate = s[0] == '-';
    if (s[0] == '-' || s[0] == '+')
        i++;
    const char *p = s + i;
    if (starts_with_ci(p, "inf")) {
        i += starts_with_ci(p + 3, "inity") ? 8 : 3;
        *out = negate ? -INFINITY : INFINITY;
        return i;
    }
    if (starts_with_ci(p, "nan")) {
        *out = negate ? -fabs(NAN) : fabs(NAN);
        return i + 3;
    }
    return 0;
}

/* The decimal exponent at s (optionally signed digits, at least one), saturating at
 * the range of long as strtol does. */
static long parse_exponent(const char *s)
{
    bool neg = *s == '-';
    if (*s == '-' || *s == '+')
        s++;
    long v = 0;
    for (; *s >= '0' && *s <= '9'; s++) {
        int d = *s - '0';
        if (v > (LONG_MAX - d) / 10)
            return neg ? LONG_MIN : LONG_MAX;
        v = v * 10 + d;
    }
    return neg ? -v : v;
}

/* float.fromhex(string): CPython's float_fromhex, rounding half-even to 53 bits, with
 * its limits and messages. [sign] ['0x'] hexdigits ['.' hexdigits] ['p' [sign] digits],
 * or inf / nan, surrounded by optional whitespace. */
static wf_value float_fromhex(wf_thread *t, wf_value cls, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    if (kwnames && wf_tuple_size(kwnames))
        return wf_err_set(t, &wf_exc_TypeError, "float.fromhex() takes no keyword arguments");
    if (nargs != 1)
        return wf_err_set(t, &wf_exc_TypeError,
                          "float.fromhex() takes exactly one argument (%zu given)", nargs);
    if (!wf_str_check(args[0]))
        return wf_err_set(t, &wf_exc_TypeError, "bad argument type for built-in operation");
    const char *s = wf_str_utf8(args[0]), *s_end = s + wf_str_size(args[0]);
    const char *coeff_start, *coeff_end, *s_store;
    double x;
    long exp, top_exp, lsb, key_digit;
    int64_t ndigits, fdigits;
    bool negate = false;

    while (is_c_space(*s))
        s++;
    size_t special = parse_inf_or_nan(s, &x);
    if (special) {
        s += special;
        goto finished;
    }
    if (*s == '-') {
        s++;
        negate = true;
    } else if (*s == '+') {
        s++;
    }
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        s += 2;
    /* coefficient: <integer> [. <fraction>] */
    coeff_start = s;
    while (hex_digit_value(*s) >= 0)
        s++;
    s_store = s;
    if (*s == '.') {
        s++;
        while (hex_digit_value(*s) >= 0)
            s++;
        coeff_end = s - 1;
    } else {
        coeff_end = s;
    }
    ndigits = coeff_end - coeff_start;
    fdigits = coeff_end - s_store;
    if (ndigits == 0)
        goto parse_error;
    if (ndigits > (DBL_MIN_EXP - DBL_MANT_DIG - LONG_MIN / 2) / 4 ||
        ndigits > (LONG_MAX / 2 + 1 - DBL_MAX_EXP) / 4)
        return wf_err_set(t, &wf_exc_ValueError, "hexadecimal string too long to convert");
    exp = 0;
    if (*s == 'p' || *s == 'P') {
        s++;
        const char *exp_start = s;
        if (*s == '-' || *s == '+')
            s++;
        if (!(*s >= '0' && *s <= '9'))
            goto parse_error;
        while (*s >= '0' && *s <= '9')
            s++;
        exp = parse_exponent(exp_start);
    }

/* the j-th most significant hex digit, 0 <= j < ndigits (skipping the point) */
#define HEX_DIGIT(j) hex_digit_value(*((j) < fdigits ? coeff_end - (j) : coeff_end - 1 - (j)))

    /* discard leading zeros; catch extreme overflow and underflow */
    while (ndigits > 0 && HEX_DIGIT(ndigits - 1) == 0)
        ndigits--;
    if (ndigits == 0 || exp < LONG_MIN / 2) {
        x = 0.0;
        goto finished;
    }
    if (exp > LONG_MAX / 2)
        goto overflow_error;
    exp -= 4 * (long)fdigits;
    /* top_exp: 1 more than the exponent of the coefficient's most significant bit */
    top_exp = exp + 4 * ((long)ndigits - 1);
    for (int digit = HEX_DIGIT(ndigits - 1); digit != 0; digit /= 2)
        top_exp++;
    if (top_exp < DBL_MIN_EXP - DBL_MANT_DIG) {
        x = 0.0;
        goto finished;
    }
    if (top_exp > DBL_MAX_EXP)
        goto overflow_error;
    /* lsb: the exponent of the rounded value's least significant bit */
    lsb = (top_exp > DBL_MIN_EXP ? top_exp : DBL_MIN_EXP) - DBL_MANT_DIG;
    x = 0.0;
    if (exp >= lsb) { /* exact */
        for (int64_t i = ndigits - 1; i >= 0; i--)
            x = 16.0 * x + HEX_DIGIT(i);
        x = ldexp(x, (int)exp);
        goto finished;
    }
    /* round half-even: key_digit holds the first bit rounded away */
    int half_eps = 1 << (int)((lsb - exp - 1) % 4);
    key_digit = (lsb - exp - 1) / 4;
    for (int64_t i = ndigits - 1; i > key_digit; i--)
        x = 16.0 * x + HEX_DIGIT(i);
    int digit = HEX_DIGIT(key_digit);
    x = 16.0 * x + (double)(digit & (16 - 2 * half_eps));
    if ((digit & half_eps) != 0) {
        bool round_up = false;
        if ((digit & (3 * half_eps - 1)) != 0 ||
            (half_eps == 8 && key_digit + 1 < ndigits && (HEX_DIGIT(key_digit + 1) & 1) != 0)) {
            round_up = true;
        } else {
            for (long i = key_digit - 1; i >= 0; i--)
                if (HEX_DIGIT(i) != 0) {
                    round_up = true;
                    break;
                }
        }
        if (round_up) {
            x += 2 * half_eps;
            if (top_exp == DBL_MAX_EXP && x == ldexp((double)(2 * half_eps), DBL_MANT_DIG))
                goto overflow_error; /* rounded up to 2**DBL_MAX_EXP */
        }
    }
    x = ldexp(x, (int)(exp + 4 * key_digit));
#undef HEX_DIGIT

finished:
    while (is_c_space(*s))
        s++;
    if (s != s_end)
        goto parse_error;
    wf_value r = wf_float_new(t, negate ? -x : x);
    if (r && cls != wf_type_value(&wf_float_type)) {
        wf_value sub = wf_call(t, cls, &r, 1, 0);
        wf_value_decref(t, r);
        r = sub;
    }
    return r;

overflow_error:
    return wf_err_set(t, &wf_exc_OverflowError,
                      "hexadecimal value too large to represent as a float");
parse_error:
    return wf_err_set(t, &wf_exc_ValueError, "invalid hexadecimal floating-point string");
}

/* ---- divmod() -------------------------------------------------------------------------------- */

/* float.__divmod__ / __rdivmod__, which divmod() calls (its message for a zero divisor
 * is "float divmod()", not the floor division's). */
static wf_value float_dunder_divmod(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                    wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "__divmod__", kwnames) ||
        !wf_check_nargs(t, "__divmod__", nargs, 1, 1))
        return WF_NULL;
    return wf_float_divmod(t, self, args[0]);
}

static wf_value float_dunder_rdivmod(wf_thread *t, wf_value self, const wf_value *args,
                                     size_t nargs, wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "__rdivmod__", kwnames) ||
        !wf_check_nargs(t, "__rdivmod__", nargs, 1, 1))
        return WF_NULL;
    return wf_float_divmod(t, args[0], self);
}

static const wf_method_def float_methods[] = {
    {"conjugate", float_conjugate},
    {"is_integer", float_is_integer},
    {"hex", float_hex},
    {"fromhex", float_fromhex, WF_METH_CLASS},
    {"as_integer_ratio", float_as_integer_ratio},
    {"__trunc__", float_trunc},
    {"__floor__", float_floor},
    {"__ceil__", float_ceil},
    {"__round__", float_round},
    {"__format__", float_dunder_format},
    {"__getnewargs__", float_getnewargs},
    {"__divmod__", float_dunder_divmod},
    {"__rdivmod__", float_dunder_rdivmod},
    {NULL},
};

static wf_value float_get_real(wf_thread *t, wf_value self)
{
    return float_pos(t, self);
}

static wf_value float_get_imag(wf_thread *t, wf_value self)
{
    (void)self;
    return wf_float_new(t, 0.0);
}

static const wf_getset_def float_getset[] = {
    {"real", float_get_real},
    {"imag", float_get_imag},
    {NULL},
};

static const wf_number_methods float_as_number = {
    .binop =
        {
            [WF_NB_ADD] = float_add,
            [WF_NB_SUBTRACT] = float_sub,
            [WF_NB_MULTIPLY] = float_mul,
            [WF_NB_TRUE_DIVIDE] = float_truediv,
            [WF_NB_FLOOR_DIVIDE] = float_floordiv,
            [WF_NB_REMAINDER] = float_mod,
            [WF_NB_POWER] = float_pow,
        },
    .power3 = float_pow3,
    .negative = float_neg,
    .positive = float_pos,
    .absolute = float_abs,
    .truth = float_truth,
    .to_int = float_to_int,
    .to_float = float_pos,
};

wf_type wf_float_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "float",
    .tp_basicsize = sizeof(wf_float_object),
    .tp_flags = WF_TPFLAG_BASETYPE,
    .tp_dealloc = float_dealloc,
    .tp_repr = float_tp_repr,
    .tp_hash = float_tp_hash,
    .tp_richcompare = float_richcompare,
    .tp_new = float_tp_new,
    .tp_as_number = &float_as_number,
    .tp_methods = float_methods,
    .tp_getset = float_getset,
    .tp_doc = "Convert a string or number to a floating point number, if possible.",
};
