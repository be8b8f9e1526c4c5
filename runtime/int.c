/* int: tagged small ints and heap big ints (runtime/int.h), the number slots, hashing,
 * repr, the int() constructor and the methods of int.
 *
 * Invariants: a heap int of exact type int never holds a value in the tagged range
 * (int_finish demotes); True and False and instances of int subclasses are heap ints
 * whatever their value. Every operation reads its operands through wf_int_bigint, so
 * bools and subclass instances behave as their value, and results are always of type
 * int. Heap ints are immutable after they are published, so no locking is needed. */
#include "int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "abstract.h"
#include "alloc.h"
#include "bytes.h"
#include "callable.h"
#include "error.h"
#include "exceptions.h"
#include "float.h"
#include "format.h"
#include "singletons.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "unicode_db.h"
#include "utf8.h"

_Atomic int wf_int_max_str_digits = WF_INT_DEFAULT_MAX_STR_DIGITS;

/* ---- Representation ---------------------------------------------------------------- */

bool wf_int_check(wf_value v)
{
    return wf_is_smallint(v) || (wf_to_object(v)->ob_type->tp_flags & WF_TPFLAG_INT_SUBCLASS);
}

const wf_bigint *wf_int_bigint(wf_value v, wf_bigint64 *tmp)
{
    if (wf_is_smallint(v)) {
        wf_bigint_from_int64(&tmp->big, wf_smallint_unbox(v));
        return &tmp->big;
    }
    return &((wf_int_object *)wf_to_object(v))->big;
}

int wf_int_sign(wf_value v)
{
    if (wf_is_smallint(v)) {
        intptr_t i = wf_smallint_unbox(v);
        return (i > 0) - (i < 0);
    }
    return wf_bigint_sign(&((wf_int_object *)wf_to_object(v))->big);
}

/* A heap int of `type` with room for n digits (value 0 until written). */
static wf_int_object *int_alloc_type(wf_thread *t, wf_type *type, size_t n)
{
    if (n == WF_BIGINT_TOO_BIG || n > WF_BIGINT_MAX_DIGITS) {
        wf_err_no_memory(t);
        return NULL;
    }
    size_t base = offsetof(wf_int_object, big);
    if (type->tp_basicsize > sizeof(wf_int_object))
        base += type->tp_basicsize - sizeof(wf_int_object);
    wf_int_object *o = (wf_int_object *)wf_object_alloc(t, type, base + WF_BIGINT_BYTES(n));
    if (!o) {
        wf_err_no_memory(t);
        return NULL;
    }
    o->big.size = 0;
    return o;
}

static wf_int_object *int_alloc(wf_thread *t, size_t n)
{
    return int_alloc_type(t, &wf_int_type, n);
}

/* Publish a computed result: tagged when it fits (the object is freed), else o. */
static wf_value int_finish(wf_thread *t, wf_int_object *o)
{
    int64_t i;
    if (wf_bigint_ndigits(&o->big) <= 2 && wf_bigint_to_int64(&o->big, &i) == WF_BIGINT_OK &&
        wf_smallint_fits(i)) {
        wf_object_free(t, &o->ob);
        return wf_smallint_box((intptr_t)i);
    }
    return wf_from_object(&o->ob);
}

static void int_dealloc(wf_thread *t, wf_object *o)
{
    wf_object_free(t, o);
}

/* Raise the exception a wf_bigint_status names. */
static wf_value bigint_error(wf_thread *t, int status)
{
    const char *exc = wf_bigint_status_exception(status);
    const char *msg = wf_bigint_status_message(status);
    if (status == WF_BIGINT_ENOMEM || !exc)
        return wf_err_no_memory(t);
    wf_type *type = &wf_exc_ValueError;
    if (strcmp(exc, "ZeroDivisionError") == 0)
        type = &wf_exc_ZeroDivisionError;
    else if (strcmp(exc, "OverflowError") == 0)
        type = &wf_exc_OverflowError;
    return wf_err_set(t, type, "%s", msg);
}

wf_value wf_int_from_int64(wf_thread *t, int64_t i)
{
    if (wf_smallint_fits(i))
        return wf_smallint_box((intptr_t)i);
    wf_int_object *o = int_alloc(t, WF_BIGINT_DIGITS_64);
    if (!o)
        return WF_NULL;
    wf_bigint_from_int64(&o->big, i);
    return wf_from_object(&o->ob);
}

wf_value wf_int_from_uint64(wf_thread *t, uint64_t u)
{
    if (u <= (uint64_t)WF_SMALLINT_MAX)
        return wf_smallint_box((intptr_t)u);
    wf_int_object *o = int_alloc(t, WF_BIGINT_DIGITS_64);
    if (!o)
        return WF_NULL;
    wf_bigint_from_uint64(&o->big, u);
    return wf_from_object(&o->ob);
}

wf_value wf_int_from_bigint(wf_thread *t, const wf_bigint *b)
{
    int64_t i;
    if (wf_bigint_ndigits(b) <= 2 && wf_bigint_to_int64(b, &i) == WF_BIGINT_OK &&
        wf_smallint_fits(i))
        return wf_smallint_box((intptr_t)i);
    wf_int_object *o = int_alloc(t, wf_bigint_ndigits(b));
    if (!o)
        return WF_NULL;
    wf_bigint_copy(&o->big, b);
    return wf_from_object(&o->ob);
}

bool wf_int_as_int64(wf_thread *t, wf_value v, int64_t *out)
{
    if (wf_is_smallint(v)) {
        *out = wf_smallint_unbox(v);
        return true;
    }
    int status = wf_bigint_to_int64(&((wf_int_object *)wf_to_object(v))->big, out);
    if (status != WF_BIGINT_OK) {
        bigint_error(t, status);
        return false;
    }
    return true;
}

bool wf_int_as_double(wf_thread *t, wf_value v, double *out)
{
    if (wf_is_smallint(v)) {
        *out = (double)wf_smallint_unbox(v);
        return true;
    }
    int status = wf_bigint_to_double(&((wf_int_object *)wf_to_object(v))->big, out);
    if (status != WF_BIGINT_OK) {
        bigint_error(t, status);
        return false;
    }
    return true;
}

/* An exact-int copy of an int value (bool and subclass instances become plain ints). */
wf_value wf_int_exact(wf_thread *t, wf_value v)
{
    if (wf_is_smallint(v) || wf_to_object(v)->ob_type == &wf_int_type)
        return wf_newref(t, v);
    return wf_int_from_bigint(t, &((wf_int_object *)wf_to_object(v))->big);
}

/* ---- Arithmetic on big ints ---------------------------------------------------------
 *
 * Each operation has a fast path for two tagged ints and a general path through
 * runtime/bigint.h that computes straight into a new heap int, which int_finish then
 * demotes if the value fits. */

typedef size_t (*max2_fn)(const wf_bigint *, const wf_bigint *);
typedef void (*op2_fn)(wf_bigint *, const wf_bigint *, const wf_bigint *);
typedef int (*op2s_fn)(wf_bigint *, const wf_bigint *, const wf_bigint *);

/* a op b for an operation that cannot fail beyond running out of memory. */
static wf_value big_op(wf_thread *t, wf_value a, wf_value b, max2_fn max, op2_fn op)
{
    wf_bigint64 ta, tb;
    const wf_bigint *x = wf_int_bigint(a, &ta), *y = wf_int_bigint(b, &tb);
    wf_int_object *o = int_alloc(t, max(x, y));
    if (!o)
        return WF_NULL;
    op(&o->big, x, y);
    return int_finish(t, o);
}

/* a op b for an operation that reports a status. */
static wf_value big_op_status(wf_thread *t, wf_value a, wf_value b, max2_fn max, op2s_fn op)
{
    wf_bigint64 ta, tb;
    const wf_bigint *x = wf_int_bigint(a, &ta), *y = wf_int_bigint(b, &tb);
    wf_int_object *o = int_alloc(t, max(x, y));
    if (!o)
        return WF_NULL;
    int status = op(&o->big, x, y);
    if (status != WF_BIGINT_OK) {
        wf_object_free(t, &o->ob);
        return bigint_error(t, status);
    }
    return int_finish(t, o);
}

static int big_mul(wf_bigint *d, const wf_bigint *a, const wf_bigint *b)
{
    return wf_bigint_mul(d, a, b);
}

static int big_floordiv(wf_bigint *d, const wf_bigint *a, const wf_bigint *b)
{
    return wf_bigint_divmod(d, NULL, a, b);
}

static int big_mod(wf_bigint *d, const wf_bigint *a, const wf_bigint *b)
{
    return wf_bigint_divmod(NULL, d, a, b);
}

static int big_pow(wf_bigint *d, const wf_bigint *a, const wf_bigint *b)
{
    return wf_bigint_pow(d, a, b);
}

/* True if both operands are ints; the slots answer NotImplemented otherwise. */
#define BOTH_INTS(a, b)  (wf_int_check(a) && wf_int_check(b))
#define BOTH_SMALL(a, b) (wf_is_smallint(a) && wf_is_smallint(b))

static wf_value int_add(wf_thread *t, wf_value a, wf_value b)
{
    wf_value r;
    if (BOTH_SMALL(a, b) && wf_smallint_add(wf_smallint_unbox(a), wf_smallint_unbox(b), &r))
        return r;
    if (!BOTH_INTS(a, b))
        return WF_NOTIMPLEMENTED;
    return big_op(t, a, b, wf_bigint_add_max, wf_bigint_add);
}

static wf_value int_sub(wf_thread *t, wf_value a, wf_value b)
{
    wf_value r;
    if (BOTH_SMALL(a, b) && wf_smallint_sub(wf_smallint_unbox(a), wf_smallint_unbox(b), &r))
        return r;
    if (!BOTH_INTS(a, b))
        return WF_NOTIMPLEMENTED;
    return big_op(t, a, b, wf_bigint_add_max, wf_bigint_sub);
}

static wf_value int_mul(wf_thread *t, wf_value a, wf_value b)
{
    wf_value r;
    if (BOTH_SMALL(a, b) && wf_smallint_mul(wf_smallint_unbox(a), wf_smallint_unbox(b), &r))
        return r;
    if (!BOTH_INTS(a, b))
        return WF_NOTIMPLEMENTED;
    return big_op_status(t, a, b, wf_bigint_mul_max, big_mul);
}

/* Python's floor division and modulo of two C integers (b != 0). */
static int64_t floor_div64(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

static int64_t floor_mod64(int64_t a, int64_t b)
{
    int64_t r = a % b;
    return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
}

static wf_value int_floordiv(wf_thread *t, wf_value a, wf_value b)
{
    if (BOTH_SMALL(a, b) && b != wf_smallint_box(0))
        return wf_int_from_int64(t, floor_div64(wf_smallint_unbox(a), wf_smallint_unbox(b)));
    if (!BOTH_INTS(a, b))
        return WF_NOTIMPLEMENTED;
    return big_op_status(t, a, b, wf_bigint_div_max, big_floordiv);
}

static wf_value int_mod(wf_thread *t, wf_value a, wf_value b)
{
    if (BOTH_SMALL(a, b) && b != wf_smallint_box(0))
        return wf_smallint_box((intptr_t)floor_mod64(wf_smallint_unbox(a), wf_smallint_unbox(b)));
    if (!BOTH_INTS(a, b))
        return WF_NOTIMPLEMENTED;
    return big_op_status(t, a, b, wf_bigint_mod_max, big_mod);
}

wf_value wf_int_divmod(wf_thread *t, wf_value a, wf_value b)
{
    wf_value q = int_floordiv(t, a, b);
    if (!q)
        return WF_NULL;
    wf_value r = int_mod(t, a, b);
    if (!r) {
        wf_value_decref(t, q);
        return WF_NULL;
    }
    wf_value tuple = wf_tuple_pack(t, 2, q, r);
    wf_value_decref(t, q);
    wf_value_decref(t, r);
    return tuple;
}

/* a / b, correctly rounded. Below 2^53 both convert exactly and one division rounds. */
static wf_value int_truediv(wf_thread *t, wf_value a, wf_value b)
{
    if (!BOTH_INTS(a, b))
        return WF_NOTIMPLEMENTED;
    const int64_t exact = (int64_t)1 << 53;
    if (BOTH_SMALL(a, b) && b != wf_smallint_box(0)) {
        int64_t x = wf_smallint_unbox(a), y = wf_smallint_unbox(b);
        if (x >= -exact && x <= exact && y >= -exact && y <= exact)
            return wf_float_new(t, (double)x / (double)y);
    }
    wf_bigint64 ta, tb;
    double d;
    int status = wf_bigint_truediv(wf_int_bigint(a, &ta), wf_int_bigint(b, &tb), &d);
    if (status != WF_BIGINT_OK)
        return bigint_error(t, status);
    return wf_float_new(t, d);
}

/* a ** b: a negative exponent gives float(a) ** float(b), as CPython does. */
static wf_value int_pow(wf_thread *t, wf_value a, wf_value b)
{
    if (!BOTH_INTS(a, b))
        return WF_NOTIMPLEMENTED;
    if (wf_int_sign(b) < 0) {
        double x, y;
        if (!wf_int_as_double(t, a, &x) || !wf_int_as_double(t, b, &y))
            return WF_NULL;
        return wf_float_pow_doubles(t, x, y);
    }
    wf_bigint64 ta, tb;
    size_t max = wf_bigint_pow_max(wf_int_bigint(a, &ta), wf_int_bigint(b, &tb));
    if (max == WF_BIGINT_TOO_BIG)
        return wf_err_no_memory(t);
    return big_op_status(t, a, b, wf_bigint_pow_max, big_pow);
}

static wf_value int_pow3(wf_thread *t, wf_value a, wf_value b, wf_value m)
{
    if (m == WF_NONE)
        return int_pow(t, a, b);
    if (!BOTH_INTS(a, b) || !wf_int_check(m))
        return WF_NOTIMPLEMENTED;
    wf_bigint64 ta, tb, tm;
    const wf_bigint *x = wf_int_bigint(a, &ta), *y = wf_int_bigint(b, &tb);
    const wf_bigint *z = wf_int_bigint(m, &tm);
    wf_int_object *o = int_alloc(t, wf_bigint_powmod_max(z));
    if (!o)
        return WF_NULL;
    int status = wf_bigint_powmod(&o->big, x, y, z);
    if (status != WF_BIGINT_OK) {
        wf_object_free(t, &o->ob);
        return bigint_error(t, status);
    }
    return int_finish(t, o);
}

/* ---- Bits and shifts ------------------------------------------------------------------ */

static wf_value int_and(wf_thread *t, wf_value a, wf_value b)
{
    if (BOTH_SMALL(a, b))
        return a & b; /* both tags are 1, so the tag survives */
    if (!BOTH_INTS(a, b))
        return WF_NOTIMPLEMENTED;
    return big_op(t, a, b, wf_bigint_and_max, wf_bigint_and);
}

static wf_value int_or(wf_thread *t, wf_value a, wf_value b)
{
    if (BOTH_SMALL(a, b))
        return a | b;
    if (!BOTH_INTS(a, b))
        return WF_NOTIMPLEMENTED;
    return big_op(t, a, b, wf_bigint_or_max, wf_bigint_or);
}

static wf_value int_xor(wf_thread *t, wf_value a, wf_value b)
{
    if (BOTH_SMALL(a, b))
        return (a ^ b) | 1;
    if (!BOTH_INTS(a, b))
        return WF_NOTIMPLEMENTED;
    return big_op(t, a, b, wf_bigint_xor_max, wf_bigint_xor);
}

/* The shift count of b: ValueError when negative; counts beyond int64 clamp. */
static bool shift_count(wf_thread *t, wf_value b, int64_t *n)
{
    if (wf_int_sign(b) < 0) {
        wf_err_set(t, &wf_exc_ValueError, "negative shift count");
        return false;
    }
    if (!wf_int_as_int64(t, b, n)) {
        wf_err_clear(t);
        *n = INT64_MAX;
    }
    return true;
}

static wf_value int_lshift(wf_thread *t, wf_value a, wf_value b)
{
    if (!BOTH_INTS(a, b))
        return WF_NOTIMPLEMENTED;
    int64_t n;
    if (!shift_count(t, b, &n))
        return WF_NULL;
    if (wf_int_sign(a) == 0)
        return wf_smallint_box(0);
    if (wf_is_smallint(a) && n < 62) {
        int64_t x = wf_smallint_unbox(a);
        int64_t r = (int64_t)((uint64_t)x << n);
        if (r >> n == x && wf_smallint_fits(r))
            return wf_smallint_box((intptr_t)r);
    }
    if (n == INT64_MAX)
        return wf_err_set(t, &wf_exc_OverflowError, "too many digits in integer");
    wf_bigint64 ta;
    const wf_bigint *x = wf_int_bigint(a, &ta);
    wf_int_object *o = int_alloc(t, wf_bigint_lshift_max(x, n));
    if (!o)
        return WF_NULL;
    int status = wf_bigint_lshift(&o->big, x, n);
    if (status != WF_BIGINT_OK) {
        wf_object_free(t, &o->ob);
        return bigint_error(t, status);
    }
    return int_finish(t, o);
}

static wf_value int_rshift(wf_thread *t, wf_value a, wf_value b)
{
    if (!BOTH_INTS(a, b))
        return WF_NOTIMPLEMENTED;
    int64_t n;
    if (!shift_count(t, b, &n))
        return WF_NULL;
    if (wf_is_smallint(a))
        return wf_smallint_box(wf_smallint_unbox(a) >> (n > 63 ? 63 : n));
    wf_bigint64 ta;
    const wf_bigint *x = wf_int_bigint(a, &ta);
    wf_int_object *o = int_alloc(t, wf_bigint_rshift_max(x, n));
    if (!o)
        return WF_NULL;
    int status = wf_bigint_rshift(&o->big, x, n);
    if (status != WF_BIGINT_OK) {
        wf_object_free(t, &o->ob);
        return bigint_error(t, status);
    }
    return int_finish(t, o);
}

/* ---- Unary operations ------------------------------------------------------------------ */

typedef size_t (*max1_fn)(const wf_bigint *);

static size_t ndigits_max(const wf_bigint *a)
{
    return wf_bigint_ndigits(a) + 1;
}

static wf_value big_unary(wf_thread *t, wf_value v, max1_fn max,
                          void (*op)(wf_bigint *, const wf_bigint *))
{
    wf_bigint64 tv;
    const wf_bigint *x = wf_int_bigint(v, &tv);
    wf_int_object *o = int_alloc(t, max(x));
    if (!o)
        return WF_NULL;
    op(&o->big, x);
    return int_finish(t, o);
}

static wf_value int_neg(wf_thread *t, wf_value v)
{
    wf_value r;
    if (wf_is_smallint(v) && wf_smallint_neg(wf_smallint_unbox(v), &r))
        return r;
    return big_unary(t, v, ndigits_max, wf_bigint_neg);
}

static wf_value int_pos(wf_thread *t, wf_value v)
{
    return wf_int_exact(t, v);
}

static wf_value int_abs(wf_thread *t, wf_value v)
{
    if (wf_int_sign(v) < 0)
        return int_neg(t, v);
    return wf_int_exact(t, v);
}

static wf_value int_invert(wf_thread *t, wf_value v)
{
    if (wf_is_smallint(v))
        return wf_smallint_box(~wf_smallint_unbox(v)); /* ~x stays in range */
    return big_unary(t, v, wf_bigint_invert_max, wf_bigint_invert);
}

static int int_truth(wf_thread *t, wf_value v)
{
    (void)t;
    return wf_int_sign(v) != 0;
}

static wf_value int_to_float(wf_thread *t, wf_value v)
{
    double d;
    if (!wf_int_as_double(t, v, &d))
        return WF_NULL;
    return wf_float_new(t, d);
}

/* ---- Comparison and hash ----------------------------------------------------------------- */

int wf_int_compare(wf_value a, wf_value b)
{
    if (BOTH_SMALL(a, b)) {
        intptr_t x = wf_smallint_unbox(a), y = wf_smallint_unbox(b);
        return (x > y) - (x < y);
    }
    wf_bigint64 ta, tb;
    return wf_bigint_cmp(wf_int_bigint(a, &ta), wf_int_bigint(b, &tb));
}

/* True if comparison result c (-1, 0, 1) satisfies op. */
bool wf_cmp_result(int c, int op)
{
    switch (op) {
    case WF_CMP_LT:
        return c < 0;
    case WF_CMP_LE:
        return c <= 0;
    case WF_CMP_EQ:
        return c == 0;
    case WF_CMP_NE:
        return c != 0;
    case WF_CMP_GT:
        return c > 0;
    default:
        return c >= 0;
    }
}

/* int with int only: int with float is float's slot (it compares exactly both ways). */
static wf_value int_richcompare(wf_thread *t, wf_value a, wf_value b, int op)
{
    (void)t;
    if (!BOTH_INTS(a, b))
        return WF_NOTIMPLEMENTED;
    return wf_bool(wf_cmp_result(wf_int_compare(a, b), op));
}

#define HASH_MODULUS (((int64_t)1 << 61) - 1)

int64_t wf_int_hash(wf_value v)
{
    if (wf_is_smallint(v)) {
        int64_t x = wf_smallint_unbox(v);
        int64_t h = (x < 0 ? -x : x) % HASH_MODULUS;
        h = x < 0 ? -h : h;
        return h == -1 ? -2 : h;
    }
    return wf_bigint_hash(&((wf_int_object *)wf_to_object(v))->big);
}

static int64_t int_tp_hash(wf_thread *t, wf_value v)
{
    (void)t;
    return wf_int_hash(v);
}

/* ---- repr ---------------------------------------------------------------------------- */

/* ValueError when |v| has more decimal digits than sys.get_int_max_str_digits(). */
static bool check_str_digits(wf_thread *t, const wf_bigint *b)
{
    int limit = atomic_load_explicit(&wf_int_max_str_digits, memory_order_relaxed);
    /* 3.32 bits per decimal digit: below this bit length the count cannot exceed it */
    if (limit <= 0 || wf_bigint_bit_length(b) <= (uint64_t)limit * 3)
        return true;
    size_t count;
    if (wf_bigint_digit_count(b, 10, &count) != WF_BIGINT_OK) {
        wf_err_no_memory(t);
        return false;
    }
    if (count <= (size_t)limit)
        return true;
    wf_err_set(t, &wf_exc_ValueError,
               "Exceeds the limit (%d digits) for integer string conversion; use "
               "sys.set_int_max_str_digits() to increase the limit",
               limit);
    return false;
}

/* v in base 2..36 with lowercase letters and a '-' for negatives, no prefix. */
wf_value wf_int_to_base(wf_thread *t, wf_value v, int base)
{
    if (wf_is_smallint(v) && base == 10) {
        char buf[32];
        int n = snprintf(buf, sizeof buf, "%lld", (long long)wf_smallint_unbox(v));
        return wf_str_from_utf8(t, buf, (size_t)n);
    }
    wf_bigint64 tv;
    const wf_bigint *b = wf_int_bigint(v, &tv);
    if (base == 10 && !check_str_digits(t, b))
        return WF_NULL;
    size_t max = wf_bigint_format_max(b, base);
    char *buf = wf_mem_alloc(t, max);
    if (!buf)
        return wf_err_no_memory(t);
    size_t len;
    int status = wf_bigint_format(buf, &len, b, base);
    wf_value r = status == WF_BIGINT_OK ? wf_str_from_utf8(t, buf, len) : bigint_error(t, status);
    wf_mem_free(buf);
    return r;
}

wf_value wf_int_repr(wf_thread *t, wf_value v)
{
    return wf_int_to_base(t, v, 10);
}

/* ---- Parsing: int(text, base) ----------------------------------------------------------- */

/* ValueError "invalid literal for int() with base 10: 'x'" with the repr of orig. */
static wf_value invalid_literal(wf_thread *t, int base, wf_value orig)
{
    wf_value r = wf_repr(t, orig);
    if (!r)
        return WF_NULL;
    wf_err_set(t, &wf_exc_ValueError, "invalid literal for int() with base %d: %s", base,
               wf_str_utf8(r));
    wf_value_decref(t, r);
    return WF_NULL;
}

/* Digits in an ASCII literal (for the str-digits limit): alphanumerics after the prefix. */
static size_t literal_digits(const char *s, size_t n)
{
    size_t i = 0, count = 0;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        i++;
    for (; i < n; i++)
        count += (s[i] >= '0' && s[i] <= '9') || ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z');
    return count;
}

/* Parse an ASCII literal; orig is what the error message shows. */
static wf_value parse_ascii(wf_thread *t, const char *s, size_t n, int base, wf_value orig)
{
    int limit = atomic_load_explicit(&wf_int_max_str_digits, memory_order_relaxed);
    bool pow2 = (base & (base - 1)) == 0 && base != 0;
    if (limit > 0 && !pow2 && n > (size_t)limit) {
        size_t digits = literal_digits(s, n);
        if (digits > (size_t)limit)
            return wf_err_set(t, &wf_exc_ValueError,
                              "Exceeds the limit (%d digits) for integer string conversion: "
                              "value has %zu digits; use sys.set_int_max_str_digits() to "
                              "increase the limit",
                              limit, digits);
    }
    wf_int_object *o = int_alloc(t, wf_bigint_parse_max(n, base));
    if (!o)
        return WF_NULL;
    int status = wf_bigint_parse(&o->big, s, n, base);
    if (status != WF_BIGINT_OK) {
        wf_object_free(t, &o->ob);
        if (status == WF_BIGINT_EINVALID_LITERAL)
            return invalid_literal(t, base, orig);
        return bigint_error(t, status);
    }
    return int_finish(t, o);
}

static bool check_base(wf_thread *t, int64_t base)
{
    if (base == 0 || (base >= 2 && base <= 36))
        return true;
    wf_err_set(t, &wf_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    return false;
}

/* int(text, base) for UTF-8 text; orig (a str or bytes) is shown in the error. */
static wf_value parse_text(wf_thread *t, const char *s, size_t n, int base, wf_value orig)
{
    if (!check_base(t, base))
        return WF_NULL;
    char small[64];
    char *buf = n <= sizeof small ? small : wf_mem_alloc(t, n);
    if (!buf)
        return wf_err_no_memory(t);
    size_t len;
    wf_value r;
    if (wf_str_number_text(s, n, buf, &len) && memchr(buf, '\0', len) == NULL)
        r = parse_ascii(t, buf, len, base, orig);
    else
        r = invalid_literal(t, base, orig);
    if (buf != small)
        wf_mem_free(buf);
    return r;
}

wf_value wf_int_from_string(wf_thread *t, const char *s, size_t len, int base)
{
    wf_value orig = wf_str_from_utf8(t, s, len);
    if (!orig)
        return WF_NULL;
    wf_value r = parse_text(t, s, len, base, orig);
    wf_value_decref(t, orig);
    return r;
}

/* ---- int() ------------------------------------------------------------------------------ */

/* int(x) for x without a base: ints, the number slots, __trunc__, str and bytes. */
static wf_value int_from_object(wf_thread *t, wf_value x)
{
    if (wf_int_check(x))
        return wf_int_exact(t, x);
    if (wf_str_check(x))
        return parse_text(t, wf_str_utf8(x), wf_str_size(x), 10, x);
    if (wf_bytes_check(x) || wf_bytearray_check(x)) {
        wf_value b = wf_bytes_check(x) ? wf_newref(t, x) : wf_bytearray_to_bytes(t, x);
        if (!b)
            return WF_NULL;
        wf_value r = parse_text(t, wf_bytes_data(b), wf_bytes_size(b), 10, x);
        wf_value_decref(t, b);
        return r;
    }
    const wf_number_methods *nb = wf_type_of(x)->tp_as_number;
    wf_unary_fn fn = nb && nb->to_int ? nb->to_int : nb && nb->index ? nb->index : NULL;
    const char *what = nb && nb->to_int ? "__int__" : "__index__";
    wf_value r;
    if (fn) {
        r = fn(t, x);
    } else {
        static wf_value trunc_name;
        if (!trunc_name)
            trunc_name = wf_str_intern_cstr(t, "__trunc__");
        if (!trunc_name || !wf_type_lookup(t, wf_type_of(x), trunc_name))
            return wf_err_set(t, &wf_exc_TypeError,
                              "int() argument must be a string, a bytes-like object or a real "
                              "number, not '%s'",
                              wf_type_name(wf_type_of(x)));
        wf_value res = wf_call_method(t, x, trunc_name, NULL, 0);
        if (!res || wf_int_check(res))
            return res;
        r = wf_index(t, res);
        wf_value_decref(t, res);
        if (!r && wf_err_matches(t, &wf_exc_TypeError)) {
            wf_err_clear(t);
            wf_err_set(t, &wf_exc_TypeError, "__trunc__ returned non-Integral (type %s)",
                       wf_type_name(wf_type_of(x)));
        }
        return r;
    }
    if (r && !wf_int_check(r)) {
        wf_err_set(t, &wf_exc_TypeError, "%s returned non-int (type %s)", what,
                   wf_type_name(wf_type_of(r)));
        wf_value_decref(t, r);
        return WF_NULL;
    }
    return r;
}

/* int(x, base): x must be text. */
static wf_value int_from_text_base(wf_thread *t, wf_value x, wf_value base_v)
{
    int64_t base;
    if (!wf_int_check(base_v)) {
        base = wf_as_ssize(t, base_v);
        if (base == -1 && wf_err_occurred(t))
            return WF_NULL;
    } else if (!wf_int_as_int64(t, base_v, &base)) {
        wf_err_clear(t);
        base = -1;
    }
    if (!check_base(t, base))
        return WF_NULL;
    if (wf_str_check(x))
        return parse_text(t, wf_str_utf8(x), wf_str_size(x), (int)base, x);
    if (wf_bytes_check(x))
        return parse_text(t, wf_bytes_data(x), wf_bytes_size(x), (int)base, x);
    if (wf_bytearray_check(x)) {
        wf_value b = wf_bytearray_to_bytes(t, x);
        if (!b)
            return WF_NULL;
        wf_value r = parse_text(t, wf_bytes_data(b), wf_bytes_size(b), (int)base, b);
        wf_value_decref(t, b);
        return r;
    }
    return wf_err_set(t, &wf_exc_TypeError, "int() can't convert non-string with explicit base");
}

/* A new instance of an int subclass with the value of v (an exact int). */
wf_value wf_int_subtype_new(wf_thread *t, wf_type *type, wf_value v)
{
    wf_bigint64 tv;
    const wf_bigint *b = wf_int_bigint(v, &tv);
    wf_int_object *o = int_alloc_type(t, type, wf_bigint_ndigits(b));
    if (!o)
        return WF_NULL;
    wf_bigint_copy(&o->big, b);
    return wf_from_object(&o->ob);
}

/* int(x=0, /, base=10) */
static wf_value int_tp_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    if (type == &wf_bool_type)
        return wf_err_set(t, &wf_exc_TypeError,
                          "int.__new__(bool) is not safe, use bool.__new__()");
    size_t nkw = kwnames ? wf_tuple_size(kwnames) : 0;
    wf_value x = nargs > 0 ? args[0] : WF_NULL, base = nargs > 1 ? args[1] : WF_NULL;
    if (nargs > 2)
        return wf_err_set(t, &wf_exc_TypeError, "int() takes at most 2 arguments (%zu given)",
                          nargs + nkw);
    for (size_t i = 0; i < nkw; i++) {
        wf_value name = WF_TUPLE_ITEMS(kwnames)[i];
        if (strcmp(wf_str_utf8(name), "base") != 0)
            return wf_err_set(t, &wf_exc_TypeError, "'%s' is an invalid keyword argument for int()",
                              wf_str_utf8(name));
        if (base)
            return wf_err_set(t, &wf_exc_TypeError,
                              "argument for int() given by name ('base') and position (2)");
        base = args[nargs + i];
    }
    wf_value r;
    if (!x)
        r = base ? wf_err_set(t, &wf_exc_TypeError, "int() missing string argument")
                 : wf_smallint_box(0);
    else if (base)
        r = int_from_text_base(t, x, base);
    else
        r = int_from_object(t, x);
    if (!r || type == &wf_int_type)
        return r;
    wf_value sub = wf_int_subtype_new(t, type, r);
    wf_value_decref(t, r);
    return sub;
}

/* ---- Methods ------------------------------------------------------------------------------ */

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

static wf_value int_bit_length(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                               wf_value kwnames)
{
    (void)args;
    if (!no_args(t, "int.bit_length", nargs, kwnames))
        return WF_NULL;
    wf_bigint64 tv;
    return wf_int_from_uint64(t, wf_bigint_bit_length(wf_int_bigint(self, &tv)));
}

static wf_value int_bit_count(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    (void)args;
    if (!no_args(t, "int.bit_count", nargs, kwnames))
        return WF_NULL;
    wf_bigint64 tv;
    return wf_int_from_uint64(t, wf_bigint_bit_count(wf_int_bigint(self, &tv)));
}

/* conjugate, __int__, __index__, __trunc__, __floor__, __ceil__, __pos__-like: the value
 * as an exact int. */
static wf_value int_self(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                         wf_value kwnames)
{
    (void)args;
    if (!no_args(t, "int.conjugate", nargs, kwnames))
        return WF_NULL;
    return wf_int_exact(t, self);
}

static wf_value int_as_integer_ratio(wf_thread *t, wf_value self, const wf_value *args,
                                     size_t nargs, wf_value kwnames)
{
    (void)args;
    if (!no_args(t, "int.as_integer_ratio", nargs, kwnames))
        return WF_NULL;
    wf_value n = wf_int_exact(t, self);
    if (!n)
        return WF_NULL;
    wf_value r = wf_tuple_pack(t, 2, n, wf_smallint_box(1));
    wf_value_decref(t, n);
    return r;
}

/* round(self, ndigits) for ndigits < 0: half to even at a multiple of 10**-ndigits. */
static wf_value round_negative(wf_thread *t, wf_value self, wf_value ndigits)
{
    wf_value e = int_neg(t, ndigits), p = WF_NULL, q = WF_NULL, r = WF_NULL, res = WF_NULL;
    if (e)
        p = int_pow(t, wf_smallint_box(10), e);
    if (p)
        q = int_floordiv(t, self, p);
    if (q)
        r = int_mod(t, self, p);
    if (r) {
        /* compare 2r with p; ties go to the even quotient */
        wf_value r2 = int_add(t, r, r);
        int c = r2 ? wf_int_compare(r2, p) : 0;
        wf_value one = wf_smallint_box(1);
        bool odd = int_and(t, q, one) == one; /* q & 1 is always a tagged 0 or 1 */
        if (r2 && (c > 0 || (c == 0 && odd))) {
            wf_value q1 = int_add(t, q, one);
            wf_value_decref(t, q);
            q = q1;
        }
        if (r2 && q)
            res = int_mul(t, q, p);
        if (r2)
            wf_value_decref(t, r2);
    }
    wf_value vals[] = {e, p, q, r};
    for (size_t i = 0; i < 4; i++)
        if (vals[i])
            wf_value_decref(t, vals[i]);
    return res;
}

static wf_value int_round(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    if (kwnames && wf_tuple_size(kwnames))
        return wf_err_set(t, &wf_exc_TypeError, "int.__round__() takes no keyword arguments");
    if (nargs > 1)
        return wf_err_set(t, &wf_exc_TypeError, "__round__ expected at most 1 argument, got %zu",
                          nargs);
    if (nargs == 0)
        return wf_int_exact(t, self);
    wf_value nd = wf_index(t, args[0]);
    if (!nd)
        return WF_NULL;
    wf_value r = wf_int_sign(nd) >= 0 ? wf_int_exact(t, self) : round_negative(t, self, nd);
    wf_value_decref(t, nd);
    return r;
}

/* The byteorder argument: 'big' or 'little'. */
static bool byteorder_arg(wf_thread *t, wf_value v, bool *little)
{
    if (!v) {
        *little = false;
        return true;
    }
    if (!wf_str_check(v)) {
        wf_err_set(t, &wf_exc_TypeError, "to_bytes() argument 'byteorder' must be str, not %s",
                   wf_type_name(wf_type_of(v)));
        return false;
    }
    if (strcmp(wf_str_utf8(v), "little") == 0 || strcmp(wf_str_utf8(v), "big") == 0) {
        *little = wf_str_utf8(v)[0] == 'l';
        return true;
    }
    wf_err_set(t, &wf_exc_ValueError, "byteorder must be either 'little' or 'big'");
    return false;
}

/* Little-endian two's complement bytes of b into out[0..len), which must be enough. */
static void twos_complement_bytes(const wf_bigint *b, unsigned char *out, size_t len)
{
    size_t nd = wf_bigint_ndigits(b);
    for (size_t i = 0; i < len; i++) {
        size_t d = i / 4;
        out[i] = d < nd ? (unsigned char)(b->digits[d] >> (8 * (i % 4))) : 0;
    }
    if (b->size < 0) { /* -m = ~m + 1 */
        unsigned carry = 1;
        for (size_t i = 0; i < len; i++) {
            unsigned v = (unsigned char)~out[i] + carry;
            out[i] = (unsigned char)v;
            carry = v >> 8;
        }
    }
}

static wf_value int_to_bytes(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    static const char *const names[] = {"length", "byteorder", "signed"};
    wf_value a[3];
    if (nargs > 2) /* signed is keyword-only */
        return wf_err_set(t, &wf_exc_TypeError,
                          "to_bytes() takes at most 2 positional arguments (%zu given)", nargs);
    if (!wf_parse_args(t, "to_bytes", args, nargs, kwnames, names, 3, 0, a))
        return WF_NULL;
    int64_t len = 1;
    bool little, is_signed = false;
    if (a[0] && (len = wf_ssize_arg(t, a[0])) == -1 && wf_err_occurred(t))
        return WF_NULL;
    if (len < 0)
        return wf_err_set(t, &wf_exc_ValueError, "length argument must be non-negative");
    if (!byteorder_arg(t, a[1], &little))
        return WF_NULL;
    if (a[2]) {
        int s = wf_truth(t, a[2]);
        if (s < 0)
            return WF_NULL;
        is_signed = s;
    }
    wf_bigint64 tv;
    const wf_bigint *b = wf_int_bigint(self, &tv);
    if (b->size < 0 && !is_signed)
        return wf_err_set(t, &wf_exc_OverflowError, "can't convert negative int to unsigned");
    /* bits needed: the magnitude's, or for negatives that of ~v = |v| - 1, plus a sign */
    uint64_t bits = wf_bigint_bit_length(b);
    if (b->size < 0 && wf_bigint_bit_count(b) == 1)
        bits--; /* -2^k fits in k bits plus the sign */
    uint64_t need = b->size == 0 ? 0 : bits + (is_signed ? 1 : 0);
    if (need > (uint64_t)len * 8)
        return wf_err_set(t, &wf_exc_OverflowError, "int too big to convert");
    wf_bytes_object *r = wf_bytes_alloc(t, (size_t)len);
    if (!r)
        return WF_NULL;
    unsigned char *out = (unsigned char *)r->data;
    twos_complement_bytes(b, out, (size_t)len);
    for (size_t i = 0; !little && i < (size_t)len / 2; i++) {
        unsigned char c = out[i];
        out[i] = out[len - 1 - (int64_t)i];
        out[len - 1 - (int64_t)i] = c;
    }
    return wf_from_object(&r->ob);
}

/* The int whose little-endian two's complement (or unsigned) bytes are p[0..n). */
static wf_value int_from_le_bytes(wf_thread *t, const unsigned char *p, size_t n, bool is_signed)
{
    size_t nd = (n + 3) / 4;
    wf_int_object *o = int_alloc(t, nd + 1);
    if (!o)
        return WF_NULL;
    bool neg = is_signed && n > 0 && (p[n - 1] & 0x80);
    memset(o->big.digits, 0, nd * sizeof(wf_digit));
    unsigned carry = 1;
    for (size_t i = 0; i < n; i++) {
        unsigned v = p[i];
        if (neg) { /* magnitude of a negative: ~bytes + 1 */
            v = (unsigned char)~v + carry;
            carry = v >> 8;
            v &= 0xFF;
        }
        o->big.digits[i / 4] |= (wf_digit)v << (8 * (i % 4));
    }
    while (nd > 0 && o->big.digits[nd - 1] == 0)
        nd--;
    o->big.size = neg ? -(intptr_t)nd : (intptr_t)nd;
    return int_finish(t, o);
}

static wf_value int_from_bytes(wf_thread *t, wf_value cls, const wf_value *args, size_t nargs,
                               wf_value kwnames)
{
    static const char *const names[] = {"bytes", "byteorder", "signed"};
    wf_value a[3];
    if (nargs > 2) /* signed is keyword-only */
        return wf_err_set(t, &wf_exc_TypeError,
                          "from_bytes() takes at most 2 positional arguments (%zu given)", nargs);
    if (!wf_parse_args(t, "from_bytes", args, nargs, kwnames, names, 3, 1, a))
        return WF_NULL;
    bool little, is_signed = false;
    if (!byteorder_arg(t, a[1], &little))
        return WF_NULL;
    if (a[2]) {
        int s = wf_truth(t, a[2]);
        if (s < 0)
            return WF_NULL;
        is_signed = s;
    }
    wf_value b = wf_bytes_check(a[0]) ? wf_newref(t, a[0])
                                      : wf_call(t, wf_type_value(&wf_bytes_type), a, 1, 0);
    if (!b)
        return WF_NULL;
    size_t n = wf_bytes_size(b);
    unsigned char small[64];
    unsigned char *le = n <= sizeof small ? small : wf_mem_alloc(t, n);
    wf_value r = WF_NULL;
    if (le) {
        const unsigned char *src = (const unsigned char *)wf_bytes_data(b);
        for (size_t i = 0; i < n; i++)
            le[i] = little ? src[i] : src[n - 1 - i];
        r = int_from_le_bytes(t, le, n, is_signed);
        if (le != small)
            wf_mem_free(le);
    } else {
        wf_err_no_memory(t);
    }
    wf_value_decref(t, b);
    if (r && cls != wf_type_value(&wf_int_type)) {
        wf_value sub = wf_call(t, cls, &r, 1, 0);
        wf_value_decref(t, r);
        r = sub;
    }
    return r;
}

static wf_value int_dunder_format(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                  wf_value kwnames)
{
    if (kwnames && wf_tuple_size(kwnames))
        return wf_err_set(t, &wf_exc_TypeError, "int.__format__() takes no keyword arguments");
    if (nargs != 1)
        return wf_err_set(t, &wf_exc_TypeError, "__format__ expected 1 argument, got %zu", nargs);
    if (!wf_str_check(args[0]))
        return wf_err_set(t, &wf_exc_TypeError, "__format__() argument must be str, not %s",
                          wf_type_name(wf_type_of(args[0])));
    return wf_format_int(t, self, args[0]);
}

static wf_value int_getnewargs(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                               wf_value kwnames)
{
    (void)args;
    if (!no_args(t, "int.__getnewargs__", nargs, kwnames))
        return WF_NULL;
    wf_value v = wf_int_exact(t, self);
    if (!v)
        return WF_NULL;
    wf_value r = wf_tuple_pack(t, 1, v);
    wf_value_decref(t, v);
    return r;
}

/* int.__divmod__ / __rdivmod__ (what divmod() looks up); NotImplemented unless both
 * operands are ints. */
static wf_value int_dunder_divmod(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                  wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "__divmod__", kwnames) ||
        !wf_check_nargs(t, "__divmod__", nargs, 1, 1))
        return WF_NULL;
    if (!wf_int_check(args[0]))
        return WF_NOTIMPLEMENTED;
    return wf_int_divmod(t, self, args[0]);
}

static wf_value int_dunder_rdivmod(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                   wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "__rdivmod__", kwnames) ||
        !wf_check_nargs(t, "__rdivmod__", nargs, 1, 1))
        return WF_NULL;
    if (!wf_int_check(args[0]))
        return WF_NOTIMPLEMENTED;
    return wf_int_divmod(t, args[0], self);
}

static const wf_method_def int_methods[] = {
    {"conjugate", int_self},
    {"bit_length", int_bit_length},
    {"bit_count", int_bit_count},
    {"to_bytes", int_to_bytes},
    {"from_bytes", int_from_bytes, WF_METH_CLASS},
    {"as_integer_ratio", int_as_integer_ratio},
    {"__trunc__", int_self},
    {"__floor__", int_self},
    {"__ceil__", int_self},
    {"__round__", int_round},
    {"__getnewargs__", int_getnewargs},
    {"__divmod__", int_dunder_divmod},
    {"__rdivmod__", int_dunder_rdivmod},
    {"__format__", int_dunder_format},
    {NULL},
};

static wf_value int_get_self(wf_thread *t, wf_value self)
{
    return wf_int_exact(t, self);
}

static wf_value int_get_zero(wf_thread *t, wf_value self)
{
    (void)t;
    (void)self;
    return wf_smallint_box(0);
}

static wf_value int_get_one(wf_thread *t, wf_value self)
{
    (void)t;
    (void)self;
    return wf_smallint_box(1);
}

static const wf_getset_def int_getset[] = {
    {"real", int_get_self},
    {"imag", int_get_zero},
    {"numerator", int_get_self},
    {"denominator", int_get_one},
    {NULL},
};

static const wf_number_methods int_as_number = {
    .binop =
        {
            [WF_NB_ADD] = int_add,
            [WF_NB_SUBTRACT] = int_sub,
            [WF_NB_MULTIPLY] = int_mul,
            [WF_NB_FLOOR_DIVIDE] = int_floordiv,
            [WF_NB_REMAINDER] = int_mod,
            [WF_NB_TRUE_DIVIDE] = int_truediv,
            [WF_NB_POWER] = int_pow,
            [WF_NB_LSHIFT] = int_lshift,
            [WF_NB_RSHIFT] = int_rshift,
            [WF_NB_AND] = int_and,
            [WF_NB_OR] = int_or,
            [WF_NB_XOR] = int_xor,
        },
    .power3 = int_pow3,
    .negative = int_neg,
    .positive = int_pos,
    .absolute = int_abs,
    .invert = int_invert,
    .truth = int_truth,
    .to_int = int_pos,
    .to_float = int_to_float,
    .index = int_pos,
};

static wf_value int_tp_repr(wf_thread *t, wf_value v)
{
    return wf_int_repr(t, v);
}

wf_type wf_int_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "int",
    .tp_basicsize = sizeof(wf_int_object),
    .tp_flags = WF_TPFLAG_BASETYPE | WF_TPFLAG_INT_SUBCLASS,
    .tp_dealloc = int_dealloc,
    .tp_repr = int_tp_repr,
    .tp_hash = int_tp_hash,
    .tp_richcompare = int_richcompare,
    .tp_new = int_tp_new,
    .tp_as_number = &int_as_number,
    .tp_methods = int_methods,
    .tp_getset = int_getset,
    .tp_doc = "int([x]) -> integer\nint(x, base=10) -> integer",
};
