/* complex: a pair of doubles (runtime/complex.h), immutable once published, so no
 * locking is needed. Arithmetic follows CPython 3.11's Objects/complexobject.c step by
 * step (the same formulas, so the same roundings, nans and signed zeros): an int or a
 * float operand is first widened to (x, 0.0). int and float slots answer NotImplemented
 * for a complex operand, so `2 * 1j` reaches complex's slot through the reflected path.
 *
 * Sections: allocation, complex arithmetic on plain doubles, the number slots,
 * comparison and hash, repr, parsing complex(str), the constructor, format(), methods. */
#include "complex.h"

#include <math.h>
#include <string.h>

#include "abstract.h"
#include "alloc.h"
#include "callable.h"
#include "dtoa.h"
#include "error.h"
#include "exceptions.h"
#include "float.h"
#include "int.h"
#include "singletons.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "utf8.h"

/* ---- Allocation ------------------------------------------------------------------------------ */

bool wf_complex_check(wf_value v)
{
    return wf_is_object(v) && wf_isinstance_type(v, &wf_complex_type);
}

/* A complex of `type` (complex or a subclass); room for a subclass's extra fields. */
static wf_value complex_new_type(wf_thread *t, wf_type *type, double real, double imag)
{
    size_t size = type->tp_basicsize > sizeof(wf_complex_object) ? type->tp_basicsize
                                                                 : sizeof(wf_complex_object);
    wf_complex_object *o = (wf_complex_object *)wf_object_alloc(t, type, size);
    if (!o)
        return wf_err_no_memory(t);
    o->real = real;
    o->imag = imag;
    return wf_from_object(&o->ob);
}

wf_value wf_complex_new(wf_thread *t, double real, double imag)
{
    return complex_new_type(t, &wf_complex_type, real, imag);
}

static void complex_dealloc(wf_thread *t, wf_object *o)
{
    wf_object_free(t, o);
}

/* ---- Complex arithmetic on doubles (CPython's _Py_c_* functions) ----------------------------- */

typedef struct cpx {
    double re, im;
} cpx;

static cpx c_sum(cpx a, cpx b)
{
    return (cpx){a.re + b.re, a.im + b.im};
}

static cpx c_diff(cpx a, cpx b)
{
    return (cpx){a.re - b.re, a.im - b.im};
}

static cpx c_prod(cpx a, cpx b)
{
    return (cpx){a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
}

/* a / b by Smith's method: divide through by the larger of b's parts. *edom is set (and
 * 0 returned) for a zero divisor; a nan in b gives nan parts. */
static cpx c_quot(cpx a, cpx b, bool *edom)
{
    double abs_re = b.re < 0 ? -b.re : b.re;
    double abs_im = b.im < 0 ? -b.im : b.im;
    if (abs_re >= abs_im) {
        if (abs_re == 0.0) {
            *edom = true;
            return (cpx){0.0, 0.0};
        }
        double ratio = b.im / b.re;
        double denom = b.re + b.im * ratio;
        return (cpx){(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
    }
    if (abs_im >= abs_re) {
        double ratio = b.re / b.im;
        double denom = b.re * ratio + b.im;
        return (cpx){(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
    }
    return (cpx){NAN, NAN}; /* a nan in b */
}

/* a ** b in polar form. *edom for 0 to a negative or complex power, and where CPython's
 * libm call reports a domain error (the cosine of an infinite phase). */
static cpx c_pow(cpx a, cpx b, bool *edom)
{
    if (b.re == 0.0 && b.im == 0.0)
        return (cpx){1.0, 0.0};
    if (a.re == 0.0 && a.im == 0.0) {
        if (b.im != 0.0 || b.re < 0.0)
            *edom = true;
        return (cpx){0.0, 0.0};
    }
    double vabs = hypot(a.re, a.im);
    double len = pow(vabs, b.re);
    double at = atan2(a.im, a.re);
    double phase = at * b.re;
    if (b.im != 0.0) {
        len /= exp(at * b.im);
        phase += b.im * log(vabs);
    }
    if (isinf(phase))
        *edom = true;
    return (cpx){len * cos(phase), len * sin(phase)};
}

/* x ** n for n >= 0 by binary powering. */
static cpx c_powu(cpx x, long n)
{
    cpx r = {1.0, 0.0}, p = x;
    for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
        if (n & mask)
            r = c_prod(r, p);
        p = c_prod(p, p);
    }
    return r;
}

/* x ** n for |n| <= 100. */
static cpx c_powi(cpx x, long n, bool *edom)
{
    if (n > 0)
        return c_powu(x, n);
    return c_quot((cpx){1.0, 0.0}, c_powu(x, -n), edom);
}

wf_value wf_complex_pow_parts(wf_thread *t, double ar, double ai, double br, double bi)
{
    cpx a = {ar, ai}, b = {br, bi}, p;
    bool edom = false;
    if (b.im == 0.0 && b.re == floor(b.re) && fabs(b.re) <= 100.0)
        p = c_powi(a, (long)b.re, &edom);
    else
        p = c_pow(a, b, &edom);
    if (edom)
        return wf_err_set(t, &wf_exc_ZeroDivisionError, "0.0 to a negative or complex power");
    if (isinf(p.re) || isinf(p.im))
        return wf_err_set(t, &wf_exc_OverflowError, "complex exponentiation");
    return wf_complex_new(t, p.re, p.im);
}

/* ---- Number slots ---------------------------------------------------------------------------- */

/* An operand of complex arithmetic: a complex, or an int or float widened to (x, 0.0).
 * 0 for another type (the slot answers NotImplemented), -1 on error (an int too large
 * for a float), 1 on success. */
static int operand(wf_thread *t, wf_value v, cpx *out)
{
    if (wf_complex_check(v)) {
        *out = (cpx){wf_complex_real(v), wf_complex_imag(v)};
        return 1;
    }
    if (wf_float_check(v)) {
        *out = (cpx){wf_float_value(v), 0.0};
        return 1;
    }
    if (wf_int_check(v)) {
        out->im = 0.0;
        return wf_int_as_double(t, v, &out->re) ? 1 : -1;
    }
    return 0;
}

/* Both operands as cpx, or return NotImplemented / the error from the slot. */
#define COMPLEX_OPERANDS(a, b, x, y)                                                               \
    cpx x, y;                                                                                      \
    {                                                                                              \
        int ra_ = operand(t, a, &x);                                                               \
        int rb_ = ra_ > 0 ? operand(t, b, &y) : 0;                                                 \
        if (ra_ < 0 || rb_ < 0)                                                                    \
            return WF_NULL;                                                                        \
        if (ra_ == 0 || rb_ == 0)                                                                  \
            return WF_NOTIMPLEMENTED;                                                              \
    }

static wf_value cpx_value(wf_thread *t, cpx c)
{
    return wf_complex_new(t, c.re, c.im);
}

static wf_value complex_add(wf_thread *t, wf_value a, wf_value b)
{
    COMPLEX_OPERANDS(a, b, x, y);
    return cpx_value(t, c_sum(x, y));
}

static wf_value complex_sub(wf_thread *t, wf_value a, wf_value b)
{
    COMPLEX_OPERANDS(a, b, x, y);
    return cpx_value(t, c_diff(x, y));
}

static wf_value complex_mul(wf_thread *t, wf_value a, wf_value b)
{
    COMPLEX_OPERANDS(a, b, x, y);
    return cpx_value(t, c_prod(x, y));
}

static wf_value complex_truediv(wf_thread *t, wf_value a, wf_value b)
{
    COMPLEX_OPERANDS(a, b, x, y);
    bool edom = false;
    cpx q = c_quot(x, y, &edom);
    if (edom)
        return wf_err_set(t, &wf_exc_ZeroDivisionError, "complex division by zero");
    return cpx_value(t, q);
}

static wf_value complex_pow(wf_thread *t, wf_value a, wf_value b)
{
    COMPLEX_OPERANDS(a, b, x, y);
    return wf_complex_pow_parts(t, x.re, x.im, y.re, y.im);
}

static wf_value complex_pow3(wf_thread *t, wf_value a, wf_value b, wf_value m)
{
    COMPLEX_OPERANDS(a, b, x, y);
    if (m != WF_NONE)
        return wf_err_set(t, &wf_exc_ValueError, "complex modulo");
    return wf_complex_pow_parts(t, x.re, x.im, y.re, y.im);
}

static wf_value complex_neg(wf_thread *t, wf_value v)
{
    return wf_complex_new(t, -wf_complex_real(v), -wf_complex_imag(v));
}

/* +c: c itself when exactly a complex, else a complex with its value. */
static wf_value complex_pos(wf_thread *t, wf_value v)
{
    if (wf_to_object(v)->ob_type == &wf_complex_type)
        return wf_newref(t, v);
    return wf_complex_new(t, wf_complex_real(v), wf_complex_imag(v));
}

/* abs(c): an infinite part wins over a nan (C99); OverflowError when the finite parts'
 * magnitude does not fit a double. */
static wf_value complex_abs(wf_thread *t, wf_value v)
{
    double re = wf_complex_real(v), im = wf_complex_imag(v);
    if (!isfinite(re) || !isfinite(im)) {
        if (isinf(re))
            return wf_float_new(t, fabs(re));
        if (isinf(im))
            return wf_float_new(t, fabs(im));
        return wf_float_new(t, NAN);
    }
    double r = hypot(re, im);
    if (!isfinite(r))
        return wf_err_set(t, &wf_exc_OverflowError, "absolute value too large");
    return wf_float_new(t, r);
}

static int complex_truth(wf_thread *t, wf_value v)
{
    (void)t;
    return wf_complex_real(v) != 0.0 || wf_complex_imag(v) != 0.0;
}

/* ---- Comparison and hash --------------------------------------------------------------------- */

/* == and != only (ordering answers NotImplemented, so the abstract layer raises
 * "'<' not supported between instances of 'complex' and 'int'"). A complex with a zero
 * imaginary part compares with an int exactly, through float's comparison. */
static wf_value complex_richcompare(wf_thread *t, wf_value a, wf_value b, int op)
{
    if (op != WF_CMP_EQ && op != WF_CMP_NE)
        return WF_NOTIMPLEMENTED;
    wf_value self = wf_complex_check(a) ? a : b, other = self == a ? b : a;
    double re = wf_complex_real(self), im = wf_complex_imag(self);
    bool equal;
    if (wf_int_check(other)) {
        if (im != 0.0) {
            equal = false;
        } else {
            wf_value f = wf_float_new(t, re);
            if (!f)
                return WF_NULL;
            wf_value r = wf_richcompare(t, f, other, (enum wf_cmp_op)op);
            wf_value_decref(t, f);
            return r;
        }
    } else if (wf_float_check(other)) {
        equal = re == wf_float_value(other) && im == 0.0;
    } else if (wf_complex_check(other)) {
        equal = re == wf_complex_real(other) && im == wf_complex_imag(other);
    } else {
        return WF_NOTIMPLEMENTED;
    }
    return wf_bool(equal == (op == WF_CMP_EQ));
}

/* hash(real) + 1000003 * hash(imag), in unsigned arithmetic; so hash(complex(x, 0)) ==
 * hash(x). A nan part hashes by the object's identity, as a nan float does. */
static int64_t complex_tp_hash(wf_thread *t, wf_value v)
{
    (void)t;
    uint64_t hr = (uint64_t)wf_float_hash_double(wf_complex_real(v), v);
    uint64_t hi = (uint64_t)wf_float_hash_double(wf_complex_imag(v), v);
    int64_t h = (int64_t)(hr + UINT64_C(1000003) * hi);
    return h == -1 ? -2 : h;
}

/* ---- repr ------------------------------------------------------------------------------------ */

/* Room for a part's repr with a sign, an added point and the NUL. */
#define PART_SIZE (WF_FLOAT_REPR_SIZE + 2)

/* x as complex's repr writes a part: float's shortest repr without the ".0" it adds to
 * an integral value ("2", "1.5", "1e+16", "inf", "nan"; a nan never shows a '-').
 * With alt ('#' in a format spec) a point is kept: "2.", "1.e+16". */
static size_t part_repr(double x, bool alt, char *buf)
{
    if (isnan(x)) {
        memcpy(buf, "nan", 4);
        return 3;
    }
    size_t n = wf_float_repr(x, buf, WF_FLOAT_REPR_SIZE);
    if (n >= 2 && buf[n - 2] == '.' && buf[n - 1] == '0')
        buf[n -= 2] = '\0';
    if (alt && isfinite(x) && !strchr(buf, '.')) {
        char *e = strchr(buf, 'e');
        size_t at = e ? (size_t)(e - buf) : n;
        memmove(buf + at + 1, buf + at, n - at + 1);
        buf[at] = '.';
        n++;
    }
    return n;
}

/* "(1+2j)", "4j" (a +0.0 real part is left out, with the parentheses), "(-0-0j)". */
static wf_value complex_tp_repr(wf_thread *t, wf_value v)
{
    double re = wf_complex_real(v), im = wf_complex_imag(v);
    char rbuf[PART_SIZE], ibuf[PART_SIZE];
    part_repr(im, false, ibuf);
    if (re == 0.0 && !signbit(re))
        return wf_str_printf(t, "%sj", ibuf);
    part_repr(re, false, rbuf);
    return wf_str_printf(t, "(%s%s%sj)", rbuf, ibuf[0] == '-' ? "" : "+", ibuf);
}

/* ---- complex(str) ---------------------------------------------------------------------------- */

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_ascii_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Does s[0..n) start with the lower-case word w, in any case? */
static bool starts_with_ci(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    if (n < k)
        return false;
    for (size_t i = 0; i < k; i++)
        if ((s[i] | 0x20) != w[i])
            return false;
    return true;
}

/* Length of the float literal starting s[0..n), as CPython's PyOS_string_to_double
 * reads a prefix: an optional sign, then inf / infinity / nan in any case, or digits
 * with an optional point (at least one digit) and an optional exponent (an exponent
 * without digits is not part of it). 0 when there is none. */
static size_t float_prefix(const char *s, size_t n)
{
    size_t i = 0;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        i++;
    if (starts_with_ci(s + i, n - i, "infinity"))
        return i + 8;
    if (starts_with_ci(s + i, n - i, "inf") || starts_with_ci(s + i, n - i, "nan"))
        return i + 3;
    size_t digits = 0;
    for (; i < n && is_digit(s[i]); i++)
        digits++;
    if (i < n && s[i] == '.')
        for (i++; i < n && is_digit(s[i]); i++)
            digits++;
    if (digits == 0)
        return 0;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        size_t j = i + 1;
        if (j < n && (s[j] == '+' || s[j] == '-'))
            j++;
        if (j < n && is_digit(s[j])) {
            while (j < n && is_digit(s[j]))
                j++;
            i = j;
        }
    }
    return i;
}

/* The float literal at s[0..len), which float_prefix accepted. */
static double prefix_value(const char *s, size_t len)
{
    double d = 0.0;
    bool ok = wf_float_parse(s, len, &d);
    WF_ASSERT(ok);
    (void)ok;
    return d;
}

/* CPython's complex_from_string_inner on s[0..n) (ASCII, underscores removed): one of
 * <float>, <float>j, <float><signed float>j, and the legacy <float><sign>j, <sign>j, j,
 * optionally in parentheses, with surrounding whitespace. */
static bool parse_complex_text(const char *s, size_t n, double *re, double *im)
{
    size_t i = 0, k;
    double x = 0.0, y = 0.0;
    bool bracket = false;
    while (i < n && is_ascii_space(s[i]))
        i++;
    if (i < n && s[i] == '(') {
        bracket = true;
        for (i++; i < n && is_ascii_space(s[i]); i++) {
        }
    }
    if ((k = float_prefix(s + i, n - i)) > 0) {
        double z = prefix_value(s + i, k);
        i += k;
        if (i < n && (s[i] == '+' || s[i] == '-')) {
            x = z; /* <float><signed-float>j or <float><sign>j */
            if ((k = float_prefix(s + i, n - i)) > 0) {
                y = prefix_value(s + i, k);
                i += k;
            } else {
                y = s[i++] == '+' ? 1.0 : -1.0;
            }
            if (i >= n || (s[i] != 'j' && s[i] != 'J'))
                return false;
            i++;
        } else if (i < n && (s[i] == 'j' || s[i] == 'J')) {
            y = z;
            i++;
        } else {
            x = z;
        }
    } else {
        if (i < n && (s[i] == '+' || s[i] == '-'))
            y = s[i++] == '+' ? 1.0 : -1.0;
        else
            y = 1.0;
        if (i >= n || (s[i] != 'j' && s[i] != 'J'))
            return false;
        i++;
    }
    while (i < n && is_ascii_space(s[i]))
        i++;
    if (bracket) {
        if (i >= n || s[i] != ')')
            return false;
        for (i++; i < n && is_ascii_space(s[i]); i++) {
        }
    }
    if (i != n)
        return false;
    *re = x;
    *im = y;
    return true;
}

/* complex(text) for a str: normalized as int() and float() normalize (surrounding
 * whitespace stripped, Unicode decimal digits made ASCII), then underscores removed
 * where they stand between digits (anywhere else: "could not convert string to
 * complex"), then parsed. */
static wf_value complex_from_str(wf_thread *t, wf_type *type, wf_value str)
{
    const char *s = wf_str_utf8(str);
    size_t n = wf_str_size(str);
    char small[64];
    char *buf = n <= sizeof small ? small : wf_mem_alloc(t, n);
    if (!buf)
        return wf_err_no_memory(t);
    size_t len = 0;
    wf_value r = WF_NULL;
    double re, im;
    bool text_ok = wf_str_number_text(s, n, buf, &len);
    bool underscores_ok = true;
    if (text_ok && memchr(buf, '_', len)) {
        size_t w = 0;
        char prev = '\0';
        for (size_t i = 0; i < len && underscores_ok; prev = buf[i++]) {
            if (buf[i] == '_')
                underscores_ok = is_digit(prev);
            else if (prev == '_' && !is_digit(buf[i]))
                underscores_ok = false;
            else
                buf[w++] = buf[i];
        }
        if (prev == '_')
            underscores_ok = false;
        len = w;
    }
    if (!underscores_ok) {
        wf_value rep = wf_repr(t, str);
        if (rep) {
            wf_err_set(t, &wf_exc_ValueError, "could not convert string to complex: %s",
                       wf_str_utf8(rep));
            wf_value_decref(t, rep);
        }
    } else if (text_ok && parse_complex_text(buf, len, &re, &im)) {
        r = complex_new_type(t, type, re, im);
    } else {
        wf_err_set(t, &wf_exc_ValueError, "complex() arg is a malformed string");
    }
    if (buf != small)
        wf_mem_free(buf);
    return r;
}

/* ---- complex() ------------------------------------------------------------------------------- */

/* x.__complex__() looked up on x's type, or 0 without an exception when x's type has
 * none. The result must be a complex. */
static wf_value call_dunder_complex(wf_thread *t, wf_value x)
{
    static _Atomic wf_value cached;
    /* acquire pairs with the release below: the interned str is fully built */
    wf_value name = atomic_load_explicit(&cached, memory_order_acquire);
    if (!name) {
        name = wf_str_intern_cstr(t, "__complex__");
        if (!name)
            return WF_NULL;
        /* interned strs are unique, so racing threads store the same value */
        atomic_store_explicit(&cached, name, memory_order_release);
    }
    wf_type *tp = wf_type_of(x);
    wf_value f = wf_type_lookup_ref(t, tp, name);
    if (!f)
        return WF_NULL;
    wf_descr_get_fn get = wf_type_of(f)->tp_descr_get;
    wf_value bound = get ? get(t, f, x, wf_type_value(tp)) : wf_newref(t, f);
    wf_value_decref(t, f);
    if (!bound)
        return WF_NULL;
    wf_value r = wf_call(t, bound, NULL, 0, 0);
    wf_value_decref(t, bound);
    if (r && !wf_complex_check(r)) {
        wf_err_set(t, &wf_exc_TypeError, "__complex__ returned non-complex (type %s)",
                   wf_type_name(wf_type_of(r)));
        wf_value_decref(t, r);
        return WF_NULL;
    }
    return r;
}

/* Can v be an argument of complex(): a complex, or a type with __float__ or __index__? */
static bool is_number(wf_value v)
{
    if (wf_complex_check(v))
        return true;
    const wf_number_methods *nb = wf_type_of(v)->tp_as_number;
    return nb && (nb->to_float || nb->index);
}

/* complex(real=0, imag=0): CPython's complex_new_impl, checks and messages in its order. */
static wf_value complex_tp_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                               wf_value kwnames)
{
    size_t nkw = kwnames ? wf_tuple_size(kwnames) : 0;
    if (nargs + nkw > 2)
        return wf_err_set(t, &wf_exc_TypeError, "complex() takes at most 2 %sarguments (%zu given)",
                          nargs ? "" : "keyword ", nargs + nkw);
    wf_value a[2] = {nargs > 0 ? args[0] : WF_NULL, nargs > 1 ? args[1] : WF_NULL};
    for (size_t k = 0; k < nkw; k++) {
        const char *key = wf_str_utf8(WF_TUPLE_ITEMS(kwnames)[k]);
        size_t i = strcmp(key, "real") == 0 ? 0 : strcmp(key, "imag") == 0 ? 1 : 2;
        if (i == 2)
            return wf_err_set(t, &wf_exc_TypeError,
                              "'%s' is an invalid keyword argument for complex()", key);
        if (a[i])
            return wf_err_set(t, &wf_exc_TypeError,
                              "argument for complex() given by name ('%s') and position (%zu)", key,
                              i + 1);
        a[i] = args[nargs + k];
    }
    wf_value r = a[0] ? a[0] : wf_smallint_box(0), i = a[1];
    if (!i && type == &wf_complex_type && wf_is_object(r) &&
        wf_to_object(r)->ob_type == &wf_complex_type)
        return wf_newref(t, r);
    if (wf_str_check(r)) {
        if (i)
            return wf_err_set(t, &wf_exc_TypeError,
                              "complex() can't take second arg if first is a string");
        return complex_from_str(t, type, r);
    }
    if (i && wf_str_check(i))
        return wf_err_set(t, &wf_exc_TypeError, "complex() second arg can't be a string");

    wf_value own_r = call_dunder_complex(t, r);
    if (!own_r && wf_err_occurred(t))
        return WF_NULL;
    if (own_r)
        r = own_r;
    wf_value result = WF_NULL;
    if (!is_number(r)) {
        wf_err_set(t, &wf_exc_TypeError,
                   "complex() first argument must be a string or a number, not '%s'",
                   wf_type_name(wf_type_of(r)));
    } else if (i && !is_number(i)) {
        wf_err_set(t, &wf_exc_TypeError, "complex() second argument must be a number, not '%s'",
                   wf_type_name(wf_type_of(i)));
    } else {
        /* real + imag*1j, where either may itself be complex */
        cpx cr = {0.0, 0.0}, ci = {0.0, 0.0};
        bool ok = true, r_complex = wf_complex_check(r), i_complex = i && wf_complex_check(i);
        if (r_complex)
            cr = (cpx){wf_complex_real(r), wf_complex_imag(r)};
        else
            ok = wf_as_double(t, r, &cr.re);
        if (ok && i_complex)
            ci = (cpx){wf_complex_real(i), wf_complex_imag(i)};
        else if (ok && i)
            ok = wf_as_double(t, i, &ci.re);
        else if (ok)
            ci.re = cr.im; /* no imag: the real argument's imaginary part is the result's */
        if (ok) {
            /* only a complex part adds to the other direction (so -0.0 parts stay) */
            if (i_complex)
                cr.re -= ci.im;
            if (r_complex && i)
                ci.re += cr.im;
            result = complex_new_type(t, type, cr.re, ci.re);
        }
    }
    if (own_r)
        wf_value_decref(t, own_r);
    return result;
}

/* ---- format() -------------------------------------------------------------------------------- */

/* A parsed format spec: [[fill]align][sign][z][#][0][width][grouping][.precision][type]. */
typedef struct spec {
    uint32_t fill;
    char align; /* '<', '>', '^', '=' */
    char sign;  /* 0, '+', '-', ' ' */
    bool no_neg_0, alt;
    int64_t width, precision; /* -1: not given */
    char grouping;            /* 0, ',', '_' */
    uint32_t type;            /* 0: not given */
} spec;

static bool is_align(uint32_t c)
{
    return c == '<' || c == '>' || c == '=' || c == '^';
}

/* Decimal digits at s[*i..n) into *out; false with ValueError when they overflow. */
static bool spec_integer(wf_thread *t, const char *s, size_t n, size_t *i, int64_t *out)
{
    int64_t v = 0;
    size_t start = *i;
    for (; *i < n && is_digit(s[*i]); (*i)++) {
        int d = s[*i] - '0';
        if (v > (INT64_MAX - d) / 10) {
            wf_err_set(t, &wf_exc_ValueError, "Too many decimal digits in format string");
            return false;
        }
        v = v * 10 + d;
    }
    *out = *i > start ? v : -1;
    return true;
}

/* CPython's parse_internal_render_format_spec for a complex (default alignment '>'). */
static bool parse_spec(wf_thread *t, wf_value spec_str, spec *f)
{
    const char *s = wf_str_utf8(spec_str);
    size_t n = wf_str_size(spec_str), i = 0;
    *f = (spec){.fill = ' ', .align = '>', .width = -1, .precision = -1};
    bool fill_given = false, align_given = false;
    uint32_t c0 = 0, c1 = 0;
    int k0 = n ? wf_utf8_decode_str(s, s + n, &c0) : 0;
    if (k0 > 0 && (size_t)k0 < n)
        wf_utf8_decode_str(s + k0, s + n, &c1);
    if (k0 > 0 && (size_t)k0 < n && is_align(c1)) {
        f->fill = c0;
        f->align = (char)c1;
        fill_given = align_given = true;
        i = (size_t)k0 + 1;
    } else if (k0 > 0 && is_align(c0)) {
        f->align = (char)c0;
        align_given = true;
        i = 1;
    }
    if (i < n && (s[i] == '+' || s[i] == '-' || s[i] == ' '))
        f->sign = s[i++];
    if (i < n && s[i] == 'z') {
        f->no_neg_0 = true;
        i++;
    }
    if (i < n && s[i] == '#') {
        f->alt = true;
        i++;
    }
    if (!fill_given && i < n && s[i] == '0') {
        f->fill = '0';
        if (!align_given)
            f->align = '=';
        i++;
    }
    if (!spec_integer(t, s, n, &i, &f->width))
        return false;
    if (i < n && s[i] == ',') {
        f->grouping = ',';
        i++;
    }
    if (i < n && s[i] == '_') {
        if (f->grouping) {
            wf_err_set(t, &wf_exc_ValueError, "Cannot specify both ',' and '_'.");
            return false;
        }
        f->grouping = '_';
        i++;
    }
    if (i < n && s[i] == ',' && f->grouping == '_') {
        wf_err_set(t, &wf_exc_ValueError, "Cannot specify both ',' and '_'.");
        return false;
    }
    if (i < n && s[i] == '.') {
        i++;
        if (!spec_integer(t, s, n, &i, &f->precision))
            return false;
        if (f->precision < 0) {
            wf_err_set(t, &wf_exc_ValueError, "Format specifier missing precision");
            return false;
        }
    }
    if (i < n) {
        uint32_t type;
        int k = wf_utf8_decode_str(s + i, s + n, &type);
        if (k <= 0 || i + (size_t)k < n) {
            wf_err_set(t, &wf_exc_ValueError,
                       "Invalid format specifier '%s' for object of type 'complex'", s);
            return false;
        }
        f->type = type;
    }
    if (f->grouping && (f->type >= 128 || !strchr("defgEGF%", (int)f->type))) {
        if (f->type > 32 && f->type < 128)
            wf_err_set(t, &wf_exc_ValueError, "Cannot specify '%c' with '%c'.", f->grouping,
                       (char)f->type);
        else
            wf_err_set(t, &wf_exc_ValueError, "Cannot specify '%c' with '\\x%x'.", f->grouping,
                       (unsigned)f->type);
        return false;
    }
    return true;
}

/* One part formatted: its sign character (0 for none) and its text without the sign. */
typedef struct part {
    char sign;
    char *text; /* heap (wf_mem) */
    size_t len;
} part;

/* x formatted with presentation type `type` ('r' for repr), then split into a sign
 * ('-', or `sign` for a value shown without one) and the rest. */
static bool format_part(wf_thread *t, double x, char type, int precision, const spec *f, char sign,
                        part *out)
{
    char small[PART_SIZE];
    char *buf = small;
    size_t n;
    if (type == 'r') {
        n = part_repr(f->no_neg_0 && x == 0.0 ? 0.0 : x, f->alt, small);
    } else {
        unsigned flags = (f->alt ? WF_FMT_ALT : 0) | (f->no_neg_0 ? WF_FMT_NO_NEG_0 : 0);
        n = wf_float_format(x, type, precision, flags, small, sizeof small);
        if (n >= sizeof small) {
            buf = wf_mem_alloc(t, n + 1);
            if (!buf) {
                wf_err_no_memory(t);
                return false;
            }
            wf_float_format(x, type, precision, flags, buf, n + 1);
        }
    }
    const char *p = buf;
    out->sign = sign == '-' ? 0 : sign;
    if (*p == '-') {
        out->sign = '-';
        p++;
        n--;
    }
    /* the integer digits are grouped by threes */
    size_t digits = 0;
    while (digits < n && is_digit(p[digits]))
        digits++;
    size_t seps = f->grouping && digits > 3 ? (digits - 1) / 3 : 0;
    out->text = wf_mem_alloc(t, n + seps + 1);
    if (!out->text) {
        if (buf != small)
            wf_mem_free(buf);
        wf_err_no_memory(t);
        return false;
    }
    size_t w = 0;
    for (size_t i = 0; i < digits; i++) {
        if (seps && i > 0 && (digits - i) % 3 == 0)
            out->text[w++] = f->grouping;
        out->text[w++] = p[i];
    }
    memcpy(out->text + w, p + digits, n - digits);
    out->len = w + n - digits;
    if (buf != small)
        wf_mem_free(buf);
    return true;
}

/* format(c, spec): CPython's format_complex_internal. An empty spec is str(c); no type
 * is like str(c) but honours precision (as 'g'), width and grouping; 'e', 'f', 'g' (and
 * upper case, and 'n' as 'g') format both parts and leave out the parentheses. */
static wf_value complex_format(wf_thread *t, wf_value self, wf_value spec_str)
{
    if (wf_str_size(spec_str) == 0)
        return wf_str(t, self);
    spec f;
    if (!parse_spec(t, spec_str, &f))
        return WF_NULL;
    if (f.type && (f.type >= 128 || !strchr("eEfFgGn", (int)f.type))) {
        if (f.type > 32 && f.type < 128)
            return wf_err_set(t, &wf_exc_ValueError,
                              "Unknown format code '%c' for object of type 'complex'",
                              (char)f.type);
        return wf_err_set(t, &wf_exc_ValueError,
                          "Unknown format code '\\x%x' for object of type 'complex'",
                          (unsigned)f.type);
    }
    if (f.fill == '0')
        return wf_err_set(t, &wf_exc_ValueError,
                          "Zero padding is not allowed in complex format specifier");
    if (f.align == '=')
        return wf_err_set(t, &wf_exc_ValueError,
                          "'=' alignment flag is not allowed in complex format specifier");
    double re = wf_complex_real(self), im = wf_complex_imag(self);
    char type = (char)f.type;
    int64_t default_precision = 6;
    bool skip_re = false, parens = false;
    if (type == 0) {
        type = 'r';
        default_precision = 0;
        if (re == 0.0 && !signbit(re))
            skip_re = true;
        else
            parens = true;
    }
    if (type == 'n')
        type = 'g';
    int64_t precision = f.precision;
    if (precision < 0)
        precision = default_precision;
    else if (type == 'r')
        type = 'g';
    if (precision > INT32_MAX)
        return wf_err_set(t, &wf_exc_ValueError, "precision too big");

    part pr = {0}, pi = {0};
    wf_value r = WF_NULL;
    if ((skip_re || format_part(t, re, type, (int)precision, &f, f.sign, &pr)) &&
        format_part(t, im, type, (int)precision, &f, skip_re ? f.sign : '+', &pi)) {
        size_t len = (size_t)parens * 2 + (skip_re ? 0 : (pr.sign != 0) + pr.len) + (pi.sign != 0) +
                     pi.len + 1;
        int64_t pad = f.width > (int64_t)len ? f.width - (int64_t)len : 0;
        int64_t left = f.align == '>' ? pad : f.align == '^' ? pad / 2 : 0;
        wf_strbuf b;
        wf_strbuf_init(&b);
        bool ok =
            wf_strbuf_append_fill(t, &b, f.fill, left) && wf_strbuf_append(t, &b, "(", parens) &&
            wf_strbuf_append(t, &b, &pr.sign, !skip_re && pr.sign) &&
            wf_strbuf_append(t, &b, skip_re ? "" : pr.text, skip_re ? 0 : pr.len) &&
            wf_strbuf_append(t, &b, &pi.sign, pi.sign != 0) &&
            wf_strbuf_append(t, &b, pi.text, pi.len) && wf_strbuf_append(t, &b, "j)", 1 + parens) &&
            wf_strbuf_append_fill(t, &b, f.fill, pad - left);
        if (ok)
            r = wf_strbuf_finish(t, &b);
        else
            wf_strbuf_free(&b);
    }
    if (pr.text)
        wf_mem_free(pr.text);
    if (pi.text)
        wf_mem_free(pi.text);
    return r;
}

/* ---- Methods and attributes ------------------------------------------------------------------ */

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

static wf_value complex_conjugate(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                  wf_value kwnames)
{
    (void)args;
    if (!no_args(t, "complex.conjugate", nargs, kwnames))
        return WF_NULL;
    return wf_complex_new(t, wf_complex_real(self), -wf_complex_imag(self));
}

static wf_value complex_dunder_complex(wf_thread *t, wf_value self, const wf_value *args,
                                       size_t nargs, wf_value kwnames)
{
    (void)args;
    if (!no_args(t, "complex.__complex__", nargs, kwnames))
        return WF_NULL;
    return complex_pos(t, self);
}

static wf_value complex_getnewargs(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                   wf_value kwnames)
{
    (void)args;
    if (!no_args(t, "complex.__getnewargs__", nargs, kwnames))
        return WF_NULL;
    wf_value re = wf_float_new(t, wf_complex_real(self));
    wf_value im = re ? wf_float_new(t, wf_complex_imag(self)) : WF_NULL;
    wf_value r = im ? wf_tuple_pack(t, 2, re, im) : WF_NULL;
    if (re)
        wf_value_decref(t, re);
    if (im)
        wf_value_decref(t, im);
    return r;
}

static wf_value complex_dunder_format(wf_thread *t, wf_value self, const wf_value *args,
                                      size_t nargs, wf_value kwnames)
{
    if (kwnames && wf_tuple_size(kwnames))
        return wf_err_set(t, &wf_exc_TypeError, "complex.__format__() takes no keyword arguments");
    if (nargs != 1)
        return wf_err_set(t, &wf_exc_TypeError, "__format__ expected 1 argument, got %zu", nargs);
    if (!wf_str_check(args[0]))
        return wf_err_set(t, &wf_exc_TypeError, "__format__() argument must be str, not %s",
                          wf_type_name(wf_type_of(args[0])));
    return complex_format(t, self, args[0]);
}

static const wf_method_def complex_methods[] = {
    {"conjugate", complex_conjugate},
    {"__complex__", complex_dunder_complex},
    {"__getnewargs__", complex_getnewargs},
    {"__format__", complex_dunder_format},
    {NULL},
};

static wf_value complex_get_real(wf_thread *t, wf_value self)
{
    return wf_float_new(t, wf_complex_real(self));
}

static wf_value complex_get_imag(wf_thread *t, wf_value self)
{
    return wf_float_new(t, wf_complex_imag(self));
}

static const wf_getset_def complex_getset[] = {
    {"real", complex_get_real},
    {"imag", complex_get_imag},
    {NULL},
};

/* No //, %, divmod(), int() or float(): CPython 3.11 has none for complex. */
static const wf_number_methods complex_as_number = {
    .binop =
        {
            [WF_NB_ADD] = complex_add,
            [WF_NB_SUBTRACT] = complex_sub,
            [WF_NB_MULTIPLY] = complex_mul,
            [WF_NB_TRUE_DIVIDE] = complex_truediv,
            [WF_NB_POWER] = complex_pow,
        },
    .power3 = complex_pow3,
    .negative = complex_neg,
    .positive = complex_pos,
    .absolute = complex_abs,
    .truth = complex_truth,
};

wf_type wf_complex_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "complex",
    .tp_basicsize = sizeof(wf_complex_object),
    .tp_flags = WF_TPFLAG_BASETYPE,
    .tp_dealloc = complex_dealloc,
    .tp_repr = complex_tp_repr,
    .tp_hash = complex_tp_hash,
    .tp_richcompare = complex_richcompare,
    .tp_new = complex_tp_new,
    .tp_as_number = &complex_as_number,
    .tp_methods = complex_methods,
    .tp_getset = complex_getset,
    .tp_doc = "Create a complex number from a real part and an optional imaginary part.\n\n"
              "This is equivalent to (real + imag*1j) where imag defaults to 0.",
};
