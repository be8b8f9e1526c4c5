/* The abstract object operations (runtime/abstract.h): dispatch on the operands' slots
 * with Python's rules and CPython's error messages.
 *
 * Every operation makes sure the operand's type is ready first (one acquire load when
 * it is), so slots a static type inherits are filled in before they are read. */
#include "abstract.h"

#include <string.h>

#include "alloc.h"
#include "bytes.h"
#include "callable.h"
#include "dict.h"
#include "error.h"
#include "exceptions.h"
#include "int.h"
#include "iterators.h"
#include "list.h"
#include "singletons.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "union.h"
#include "utf8.h"

/* The type of v, readied. NULL with the exception set if readying failed. */
static wf_type *ready_type(wf_thread *t, wf_value v)
{
    wf_type *tp = wf_type_of(v);
    return wf_type_ready(t, tp) ? tp : NULL;
}

static const char *tname(wf_value v)
{
    return wf_type_name(wf_type_of(v));
}

/* Counts a level of C recursion; false with RecursionError past the limit. */
bool wf_enter_recursion(wf_thread *t, const char *where)
{
    if (++t->recursion_depth > t->recursion_limit) {
        t->recursion_depth--;
        wf_err_set(t, &wf_exc_RecursionError, "maximum recursion depth exceeded%s", where);
        return false;
    }
    return true;
}

void wf_leave_recursion(wf_thread *t)
{
    t->recursion_depth--;
}

/* ---- repr, str, ascii, format, hash ---------------------------------------------------- */

wf_value wf_repr(wf_thread *t, wf_value v)
{
    wf_type *tp = ready_type(t, v);
    if (!tp)
        return WF_NULL;
    if (!wf_enter_recursion(t, " while getting the repr of an object"))
        return WF_NULL;
    wf_value r = tp->tp_repr(t, v);
    wf_leave_recursion(t);
    if (r && !wf_str_check(r)) {
        wf_err_set(t, &wf_exc_TypeError, "__repr__ returned non-string (type %s)", tname(r));
        wf_value_decref(t, r);
        return WF_NULL;
    }
    return r;
}

wf_value wf_str(wf_thread *t, wf_value v)
{
    if (wf_str_check_exact(v))
        return wf_newref(t, v);
    wf_type *tp = ready_type(t, v);
    if (!tp)
        return WF_NULL;
    if (!tp->tp_str)
        return wf_repr(t, v);
    if (!wf_enter_recursion(t, " while getting the str of an object"))
        return WF_NULL;
    wf_value r = tp->tp_str(t, v);
    wf_leave_recursion(t);
    if (r && !wf_str_check(r)) {
        wf_err_set(t, &wf_exc_TypeError, "__str__ returned non-string (type %s)", tname(r));
        wf_value_decref(t, r);
        return WF_NULL;
    }
    return r;
}

/* Appends the escape of code point cp as repr() writes it in ascii(). */
static size_t ascii_escape(char *out, uint32_t cp)
{
    static const char hex[] = "0123456789abcdef";
    int digits = cp <= 0xff ? 2 : cp <= 0xffff ? 4 : 8;
    size_t n = 0;
    out[n++] = '\\';
    out[n++] = digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
    for (int i = digits - 1; i >= 0; i--)
        out[n++] = hex[(cp >> (4 * i)) & 0xf];
    return n;
}

/* repr(v) with every non-ASCII character escaped. */
wf_value wf_ascii(wf_thread *t, wf_value v)
{
    wf_value r = wf_repr(t, v);
    if (!r || ((wf_str_object *)wf_to_object(r))->ascii)
        return r;
    const char *p = wf_str_utf8(r), *end = p + wf_str_size(r);
    /* a code point of k >= 2 UTF-8 bytes becomes at most 10 ASCII bytes: 3x is enough */
    char *buf = wf_mem_alloc(t, 3 * wf_str_size(r) + 1);
    if (!buf) {
        wf_value_decref(t, r);
        return wf_err_no_memory(t);
    }
    size_t n = 0;
    while (p < end) {
        uint32_t cp;
        int len = wf_utf8_decode_str(p, end, &cp);
        if (len <= 0) { /* cannot happen for a str; keep the byte */
            cp = (unsigned char)*p;
            len = 1;
        }
        if (cp < 0x80)
            buf[n++] = (char)cp;
        else
            n += ascii_escape(buf + n, cp);
        p += len;
    }
    wf_value out = wf_str_from_utf8(t, buf, n);
    wf_mem_free(buf);
    wf_value_decref(t, r);
    return out;
}

/* format(v, spec): type(v).__format__(v, spec), which must return a str. The method
 * is looked up on the type (an instance attribute named __format__ does not count). */
wf_value wf_format(wf_thread *t, wf_value v, wf_value spec)
{
    if (wf_str_check_exact(v) && (!spec || wf_str_size(spec) == 0))
        return wf_newref(t, v);
    wf_value empty = WF_NULL;
    if (!spec) {
        empty = wf_str_from_cstr(t, "");
        if (!empty)
            return WF_NULL;
        spec = empty;
    }
    wf_type *tp = ready_type(t, v);
    wf_value f = tp ? wf_type_lookup_ref(t, tp, wf_str_intern_cstr(t, "__format__")) : WF_NULL;
    wf_value r = WF_NULL;
    if (f) {
        wf_descr_get_fn get = wf_type_of(f)->tp_descr_get;
        wf_value bound = get ? get(t, f, v, wf_type_value(tp)) : wf_newref(t, f);
        wf_value_decref(t, f);
        if (bound) {
            r = wf_call(t, bound, &spec, 1, 0);
            wf_value_decref(t, bound);
        }
    } else if (tp) {
        wf_err_set(t, &wf_exc_TypeError, "Type %s doesn't define __format__", wf_type_name(tp));
    }
    if (empty)
        wf_value_decref(t, empty);
    if (r && !wf_str_check(r)) {
        wf_err_set(t, &wf_exc_TypeError, "__format__ must return a str, not %s", tname(r));
        wf_value_decref(t, r);
        return WF_NULL;
    }
    return r;
}

int64_t wf_hash(wf_thread *t, wf_value v)
{
    wf_type *tp = ready_type(t, v);
    if (!tp)
        return -1;
    if (!tp->tp_hash) {
        wf_err_set(t, &wf_exc_TypeError, "unhashable type: '%s'", wf_type_name(tp));
        return -1;
    }
    return tp->tp_hash(t, v);
}

/* ---- Comparison and truth ------------------------------------------------------------- */

static const int swapped_op[] = {WF_CMP_GT, WF_CMP_GE, WF_CMP_EQ, WF_CMP_NE, WF_CMP_LT, WF_CMP_LE};
static const char *const cmp_symbol[] = {"<", "<=", "==", "!=", ">", ">="};

/* CPython's do_richcompare: the reflected method first when b's type is a proper
 * subclass of a's; == and != fall back to identity. */
static wf_value do_richcompare(wf_thread *t, wf_value a, wf_value b, int op)
{
    wf_type *ta = ready_type(t, a), *tb = ta ? ready_type(t, b) : NULL;
    if (!tb)
        return WF_NULL;
    bool checked_reverse = false;
    wf_value r;
    if (ta != tb && wf_type_is_subtype(tb, ta) && tb->tp_richcompare) {
        checked_reverse = true;
        r = tb->tp_richcompare(t, b, a, swapped_op[op]);
        if (r != WF_NOTIMPLEMENTED)
            return r;
    }
    if (ta->tp_richcompare) {
        r = ta->tp_richcompare(t, a, b, op);
        if (r != WF_NOTIMPLEMENTED)
            return r;
    }
    if (!checked_reverse && tb->tp_richcompare) {
        r = tb->tp_richcompare(t, b, a, swapped_op[op]);
        if (r != WF_NOTIMPLEMENTED)
            return r;
    }
    if (op == WF_CMP_EQ)
        return wf_bool(a == b);
    if (op == WF_CMP_NE)
        return wf_bool(a != b);
    return wf_err_set(t, &wf_exc_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                      cmp_symbol[op], wf_type_name(ta), wf_type_name(tb));
}

wf_value wf_richcompare(wf_thread *t, wf_value a, wf_value b, enum wf_cmp_op op)
{
    if (!wf_enter_recursion(t, " in comparison"))
        return WF_NULL;
    wf_value r = do_richcompare(t, a, b, (int)op);
    wf_leave_recursion(t);
    return r;
}

int wf_richcompare_bool(wf_thread *t, wf_value a, wf_value b, enum wf_cmp_op op)
{
    if (a == b && (op == WF_CMP_EQ || op == WF_CMP_NE))
        return op == WF_CMP_EQ;
    wf_value r = wf_richcompare(t, a, b, op);
    if (!r)
        return -1;
    if (r == WF_TRUE || r == WF_FALSE)
        return r == WF_TRUE;
    int truth = wf_truth(t, r);
    wf_value_decref(t, r);
    return truth;
}

int wf_truth(wf_thread *t, wf_value v)
{
    if (v == WF_TRUE)
        return 1;
    if (v == WF_FALSE || v == WF_NONE)
        return 0;
    if (wf_is_smallint(v))
        return wf_smallint_unbox(v) != 0;
    wf_type *tp = ready_type(t, v);
    if (!tp)
        return -1;
    if (tp->tp_as_number && tp->tp_as_number->truth)
        return tp->tp_as_number->truth(t, v);
    if (tp->tp_as_mapping && tp->tp_as_mapping->length) {
        int64_t n = tp->tp_as_mapping->length(t, v);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

/* ---- Number operations ----------------------------------------------------------------- */

static const char *const binop_symbol[] = {"+", "&",           "//", "<<", "@", "*", "%",
                                           "|", "** or pow()", ">>", "-",  "/", "^"};
static const char *const inplace_symbol[] = {
    "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^="};

static wf_binary_fn binop_slot(wf_type *tp, int op)
{
    return tp->tp_as_number ? tp->tp_as_number->binop[op] : NULL;
}

/* CPython's binary_op1: a's slot, then b's (b's first when b's type is a proper
 * subclass); NotImplemented when neither handles the pair. */
static wf_value binary_op1(wf_thread *t, wf_value a, wf_value b, int op)
{
    wf_type *ta = ready_type(t, a), *tb = ta ? ready_type(t, b) : NULL;
    if (!tb)
        return WF_NULL;
    wf_binary_fn slota = binop_slot(ta, op);
    wf_binary_fn slotb = ta != tb ? binop_slot(tb, op) : NULL;
    if (slotb == slota)
        slotb = NULL;
    wf_value r;
    if (slota) {
        if (slotb && wf_type_is_subtype(tb, ta)) {
            r = slotb(t, a, b);
            if (r != WF_NOTIMPLEMENTED)
                return r;
            slotb = NULL;
        }
        r = slota(t, a, b);
        if (r != WF_NOTIMPLEMENTED)
            return r;
    }
    if (slotb)
        return slotb(t, a, b);
    return WF_NOTIMPLEMENTED;
}

/* The sequence types whose concatenation and repetition CPython tries after the
 * number slots declined (sq_concat, sq_repeat): their name for the messages, or NULL. */
static const char *sequence_kind(wf_value v)
{
    if (wf_str_check(v))
        return "str";
    if (wf_list_check(v))
        return "list";
    if (wf_tuple_check(v))
        return "tuple";
    if (wf_bytes_check(v) || wf_bytearray_check(v))
        return "bytes";
    return NULL;
}

/* The TypeError of a + or * that no number slot took: CPython's sequence messages
 * when a sequence is involved, else "unsupported operand type(s)". */
static wf_value binary_op_error(wf_thread *t, wf_value a, wf_value b, int base, bool inplace)
{
    const char *ka = sequence_kind(a);
    if (base == WF_NB_ADD && ka) {
        if (strcmp(ka, "bytes") == 0)
            return wf_err_set(t, &wf_exc_TypeError, "can't concat %s to %s", tname(b), tname(a));
        return wf_err_set(t, &wf_exc_TypeError, "can only concatenate %s (not \"%s\") to %s", ka,
                          tname(b), ka);
    }
    if (base == WF_NB_MULTIPLY && (ka || sequence_kind(b)))
        return wf_err_set(t, &wf_exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                          tname(ka ? b : a));
    return wf_err_set(t, &wf_exc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                      inplace ? inplace_symbol[base] : binop_symbol[base], tname(a), tname(b));
}

wf_value wf_binary_op(wf_thread *t, wf_value a, wf_value b, int op)
{
    bool inplace = op >= WF_NB_INPLACE;
    int base = inplace ? op - WF_NB_INPLACE : op;
    WF_ASSERT(base >= 0 && base < WF_NB_COUNT);
    if (inplace) {
        wf_type *ta = ready_type(t, a);
        if (!ta)
            return WF_NULL;
        if (ta->tp_as_number && ta->tp_as_number->inplace[base]) {
            wf_value r = ta->tp_as_number->inplace[base](t, a, b);
            if (r != WF_NOTIMPLEMENTED)
                return r;
        }
    }
    wf_value r = binary_op1(t, a, b, base);
    if (r != WF_NOTIMPLEMENTED)
        return r;
    return binary_op_error(t, a, b, base, inplace);
}

/* pow(a, b, m): a's power3, then b's, then m's. */
wf_value wf_power3(wf_thread *t, wf_value a, wf_value b, wf_value m)
{
    if (!m || m == WF_NONE)
        return wf_binary_op(t, a, b, WF_NB_POWER);
    wf_value ops[3] = {a, b, m};
    wf_ternary_fn tried[3] = {NULL, NULL, NULL};
    for (int i = 0; i < 3; i++) {
        wf_type *tp = ready_type(t, ops[i]);
        if (!tp)
            return WF_NULL;
        wf_ternary_fn f = tp->tp_as_number ? tp->tp_as_number->power3 : NULL;
        if (!f || f == tried[0] || f == tried[1])
            continue;
        tried[i] = f;
        wf_value r = f(t, a, b, m);
        if (r != WF_NOTIMPLEMENTED)
            return r;
    }
    return wf_err_set(t, &wf_exc_TypeError,
                      "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'", tname(a),
                      tname(b), tname(m));
}

/* The unary slot at `offset` in wf_number_methods, or the TypeError for `what`. */
static wf_value unary_op(wf_thread *t, wf_value v, size_t offset, const char *what)
{
    wf_type *tp = ready_type(t, v);
    if (!tp)
        return WF_NULL;
    if (tp->tp_as_number) {
        wf_unary_fn f = *(const wf_unary_fn *)((const char *)tp->tp_as_number + offset);
        if (f)
            return f(t, v);
    }
    return wf_err_set(t, &wf_exc_TypeError, "bad operand type for %s: '%s'", what,
                      wf_type_name(tp));
}

wf_value wf_negative(wf_thread *t, wf_value v)
{
    return unary_op(t, v, offsetof(wf_number_methods, negative), "unary -");
}

wf_value wf_positive(wf_thread *t, wf_value v)
{
    return unary_op(t, v, offsetof(wf_number_methods, positive), "unary +");
}

wf_value wf_invert(wf_thread *t, wf_value v)
{
    return unary_op(t, v, offsetof(wf_number_methods, invert), "unary ~");
}

wf_value wf_absolute(wf_thread *t, wf_value v)
{
    return unary_op(t, v, offsetof(wf_number_methods, absolute), "abs()");
}

wf_value wf_index(wf_thread *t, wf_value v)
{
    if (wf_is_smallint(v))
        return v;
    if (wf_int_check(v))
        return wf_newref(t, v);
    wf_type *tp = ready_type(t, v);
    if (!tp)
        return WF_NULL;
    if (!tp->tp_as_number || !tp->tp_as_number->index)
        return wf_err_set(t, &wf_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          wf_type_name(tp));
    wf_value r = tp->tp_as_number->index(t, v);
    if (r && !wf_int_check(r)) {
        wf_err_set(t, &wf_exc_TypeError, "__index__ returned non-int (type %s)", tname(r));
        wf_value_decref(t, r);
        return WF_NULL;
    }
    return r;
}

/* v as an int64 through __index__; on overflow exc(message), where message is
 * CPython's for the caller's conversion. */
static int64_t as_ssize(wf_thread *t, wf_value v, wf_type *exc, bool c_arg)
{
    if (wf_is_smallint(v))
        return wf_smallint_unbox(v);
    wf_value i = wf_index(t, v);
    if (!i)
        return -1;
    int64_t out;
    bool ok = wf_int_as_int64(t, i, &out);
    wf_type *it = wf_type_of(i);
    wf_value_decref(t, i);
    if (!ok) {
        wf_err_clear(t);
        if (c_arg)
            wf_err_set(t, exc, "Python int too large to convert to C ssize_t");
        else
            wf_err_set(t, exc, "cannot fit '%s' into an index-sized integer", wf_type_name(it));
        return -1;
    }
    return out;
}

int64_t wf_as_ssize(wf_thread *t, wf_value v)
{
    return as_ssize(t, v, &wf_exc_IndexError, false);
}

int64_t wf_as_ssize_overflow(wf_thread *t, wf_value v)
{
    return as_ssize(t, v, &wf_exc_OverflowError, false);
}

int64_t wf_ssize_arg(wf_thread *t, wf_value v)
{
    return as_ssize(t, v, &wf_exc_OverflowError, true);
}

/* ---- Calls ------------------------------------------------------------------------------ */

wf_value wf_call(wf_thread *t, wf_value callable, const wf_value *args, size_t nargs,
                 wf_value kwnames)
{
    wf_type *tp = ready_type(t, callable);
    if (!tp)
        return WF_NULL;
    if (!tp->tp_call)
        return wf_err_set(t, &wf_exc_TypeError, "'%s' object is not callable", wf_type_name(tp));
    /* Python frames count themselves (interp/eval.h); a C call only checks, so that a
     * Python call through here is not counted twice */
    if (t->recursion_depth > t->recursion_limit)
        return wf_err_set(t, &wf_exc_RecursionError,
                          "maximum recursion depth exceeded while calling a Python object");
    return tp->tp_call(t, callable, args, nargs, kwnames);
}

wf_value wf_call_tuple_dict(wf_thread *t, wf_value callable, wf_value args, wf_value kwargs)
{
    size_t nargs = wf_tuple_size(args);
    int64_t nkw = kwargs ? wf_dict_size(kwargs) : 0;
    if (nkw == 0)
        return wf_call(t, callable, WF_TUPLE_ITEMS(args), nargs, 0);
    wf_value *vec = wf_mem_alloc(t, (nargs + (size_t)nkw) * sizeof(wf_value));
    wf_value kwnames = vec ? wf_tuple_new(t, (size_t)nkw) : WF_NULL;
    if (!kwnames) {
        wf_mem_free(vec);
        return vec ? WF_NULL : wf_err_no_memory(t);
    }
    memcpy(vec, WF_TUPLE_ITEMS(args), nargs * sizeof(wf_value));
    size_t pos = 0, i = 0;
    wf_value key, value;
    wf_value r = WF_NULL;
    /* the dict may change while we copy: never write past the count taken above */
    while (i < (size_t)nkw && wf_dict_next(t, kwargs, &pos, &key, &value)) {
        WF_TUPLE_ITEMS(kwnames)[i] = key;
        vec[nargs + i] = value;
        i++;
        if (!wf_str_check(key)) {
            wf_err_set(t, &wf_exc_TypeError, "keywords must be strings");
            goto done;
        }
    }
    if (i < (size_t)nkw) {
        wf_err_set(t, &wf_exc_RuntimeError, "dictionary changed size during iteration");
        goto done;
    }
    r = wf_call(t, callable, vec, nargs, kwnames);
done:
    for (size_t k = 0; k < i; k++)
        wf_value_decref(t, vec[nargs + k]);
    for (size_t k = i; k < (size_t)nkw; k++)
        WF_TUPLE_ITEMS(kwnames)[k] = wf_tuple_empty(); /* immortal filler for the dealloc */
    wf_value_decref(t, kwnames);
    wf_mem_free(vec);
    return r;
}

wf_value wf_call_method(wf_thread *t, wf_value self, wf_value name, const wf_value *args,
                        size_t nargs)
{
    if (!name)
        return WF_NULL;
    wf_value f = wf_getattr(t, self, name);
    if (!f)
        return WF_NULL;
    wf_value r = wf_call(t, f, args, nargs, 0);
    wf_value_decref(t, f);
    return r;
}

bool wf_callable(wf_value v)
{
    wf_type *tp = wf_type_of(v);
    return tp->tp_call != NULL;
}

/* ---- Attributes ------------------------------------------------------------------------- */

static bool check_attr_name(wf_thread *t, wf_value name)
{
    if (wf_str_check(name))
        return true;
    wf_err_set(t, &wf_exc_TypeError, "attribute name must be string, not '%s'", tname(name));
    return false;
}

wf_value wf_getattr(wf_thread *t, wf_value v, wf_value name)
{
    if (!check_attr_name(t, name))
        return WF_NULL;
    wf_type *tp = ready_type(t, v);
    if (!tp)
        return WF_NULL;
    return tp->tp_getattr ? tp->tp_getattr(t, v, name) : wf_generic_getattr(t, v, name);
}

wf_value wf_getattr_cstr(wf_thread *t, wf_value v, const char *name)
{
    wf_value n = wf_str_intern_cstr(t, name);
    if (!n)
        return wf_err_no_memory(t);
    return wf_getattr(t, v, n);
}

wf_value wf_getattr_opt(wf_thread *t, wf_value v, wf_value name)
{
    wf_value r = wf_getattr(t, v, name);
    if (!r && wf_err_matches(t, &wf_exc_AttributeError))
        wf_err_clear(t);
    return r;
}

int wf_setattr(wf_thread *t, wf_value v, wf_value name, wf_value value)
{
    if (!check_attr_name(t, name))
        return -1;
    wf_type *tp = ready_type(t, v);
    if (!tp)
        return -1;
    return tp->tp_setattr ? tp->tp_setattr(t, v, name, value)
                          : wf_generic_setattr(t, v, name, value);
}

/* ---- Items ----------------------------------------------------------------------------- */

/* X[key] on a class: X.__class_getitem__(key) when X defines it. */
static wf_value class_getitem(wf_thread *t, wf_value cls, wf_value key)
{
    wf_value f = wf_getattr_opt(t, cls, wf_str_intern_cstr(t, "__class_getitem__"));
    if (!f) {
        if (wf_err_occurred(t))
            return WF_NULL;
        return wf_err_set(t, &wf_exc_TypeError, "type '%s' is not subscriptable",
                          wf_type_name((wf_type *)wf_to_object(cls)));
    }
    wf_value r = wf_call(t, f, &key, 1, 0);
    wf_value_decref(t, f);
    return r;
}

wf_value wf_getitem(wf_thread *t, wf_value obj, wf_value key)
{
    wf_type *tp = ready_type(t, obj);
    if (!tp)
        return WF_NULL;
    if (tp->tp_as_mapping && tp->tp_as_mapping->getitem)
        return tp->tp_as_mapping->getitem(t, obj, key);
    if (wf_isinstance_type(obj, &wf_type_type))
        return class_getitem(t, obj, key);
    return wf_err_set(t, &wf_exc_TypeError, "'%s' object is not subscriptable", wf_type_name(tp));
}

int wf_setitem(wf_thread *t, wf_value obj, wf_value key, wf_value value)
{
    wf_type *tp = ready_type(t, obj);
    if (!tp)
        return -1;
    if (tp->tp_as_mapping && tp->tp_as_mapping->setitem)
        return tp->tp_as_mapping->setitem(t, obj, key, value);
    wf_err_set(t, &wf_exc_TypeError, "'%s' object does not support item assignment",
               wf_type_name(tp));
    return -1;
}

int wf_delitem(wf_thread *t, wf_value obj, wf_value key)
{
    wf_type *tp = ready_type(t, obj);
    if (!tp)
        return -1;
    if (tp->tp_as_mapping && tp->tp_as_mapping->setitem)
        return tp->tp_as_mapping->setitem(t, obj, key, WF_NULL);
    wf_err_set(t, &wf_exc_TypeError, "'%s' object doesn't support item deletion", wf_type_name(tp));
    return -1;
}

/* `item in container` without __contains__: search the iteration. */
static int iter_search(wf_thread *t, wf_value container, wf_value item)
{
    wf_value it = wf_iter(t, container);
    if (!it) {
        if (wf_err_matches(t, &wf_exc_TypeError)) {
            wf_err_clear(t);
            wf_err_set(t, &wf_exc_TypeError, "argument of type '%s' is not iterable",
                       tname(container));
        }
        return -1;
    }
    int found = 0;
    for (;;) {
        wf_value x = wf_iter_next(t, it);
        if (!x) {
            found = wf_err_occurred(t) ? -1 : 0;
            break;
        }
        int eq = wf_richcompare_bool(t, x, item, WF_CMP_EQ);
        wf_value_decref(t, x);
        if (eq != 0) {
            found = eq;
            break;
        }
    }
    wf_value_decref(t, it);
    return found;
}

int wf_contains(wf_thread *t, wf_value container, wf_value item)
{
    wf_type *tp = ready_type(t, container);
    if (!tp)
        return -1;
    if (tp->tp_as_mapping && tp->tp_as_mapping->contains)
        return tp->tp_as_mapping->contains(t, container, item);
    return iter_search(t, container, item);
}

int64_t wf_len(wf_thread *t, wf_value v)
{
    wf_type *tp = ready_type(t, v);
    if (!tp)
        return -1;
    if (tp->tp_as_mapping && tp->tp_as_mapping->length)
        return tp->tp_as_mapping->length(t, v);
    wf_err_set(t, &wf_exc_TypeError, "object of type '%s' has no len()", wf_type_name(tp));
    return -1;
}

/* ---- Iteration --------------------------------------------------------------------------- */

wf_value wf_iter(wf_thread *t, wf_value v)
{
    wf_type *tp = ready_type(t, v);
    if (!tp)
        return WF_NULL;
    if (tp->tp_iter) {
        wf_value it = tp->tp_iter(t, v);
        if (!it)
            return WF_NULL;
        wf_type *itp = ready_type(t, it);
        if (itp && !itp->tp_iternext) {
            wf_err_set(t, &wf_exc_TypeError, "iter() returned non-iterator of type '%s'",
                       wf_type_name(itp));
            itp = NULL;
        }
        if (!itp) {
            wf_value_decref(t, it);
            return WF_NULL;
        }
        return it;
    }
    if (tp->tp_as_mapping && tp->tp_as_mapping->getitem && !wf_dict_check(v))
        return wf_seqiter_new(t, v);
    return wf_err_set(t, &wf_exc_TypeError, "'%s' object is not iterable", wf_type_name(tp));
}

wf_value wf_iter_next(wf_thread *t, wf_value it)
{
    wf_type *tp = ready_type(t, it);
    if (!tp)
        return WF_NULL;
    if (!tp->tp_iternext)
        return wf_err_set(t, &wf_exc_TypeError, "'%s' object is not an iterator", wf_type_name(tp));
    wf_value r = tp->tp_iternext(t, it);
    if (!r && wf_err_matches(t, &wf_exc_StopIteration))
        wf_err_clear(t);
    return r;
}

/* ---- isinstance / issubclass ------------------------------------------------------------ */

static bool is_type(wf_value v)
{
    return wf_isinstance_type(v, &wf_type_type);
}

/* A metaclass's own __instancecheck__ / __subclasscheck__ (abc.ABCMeta's): 1, 0, -1,
 * or 2 when the metaclass is plain `type` (the caller decides by the MRO). */
static int metaclass_check(wf_thread *t, wf_value cls, const char *hook, wf_value arg)
{
    wf_type *meta = wf_type_of(cls);
    if (meta == &wf_type_type)
        return 2;
    wf_value f = wf_type_lookup_ref(t, meta, wf_str_intern_cstr(t, hook));
    wf_value own = wf_type_lookup_ref(t, &wf_type_type, wf_str_intern_cstr(t, hook));
    bool overridden = f && f != own;
    if (own)
        wf_value_decref(t, own);
    if (!overridden) {
        if (f)
            wf_value_decref(t, f);
        return 2;
    }
    wf_value_decref(t, f);
    wf_value r = wf_call_method(t, cls, wf_str_intern_cstr(t, hook), &arg, 1);
    if (!r)
        return -1;
    int truth = wf_truth(t, r);
    wf_value_decref(t, r);
    return truth;
}

int wf_isinstance(wf_thread *t, wf_value v, wf_value cls)
{
    if (is_type(cls)) {
        if (wf_type_value(wf_type_of(v)) == cls)
            return 1;
        int r = metaclass_check(t, cls, "__instancecheck__", v);
        return r != 2 ? r : wf_isinstance_type(v, (wf_type *)wf_to_object(cls));
    }
    if (wf_union_check(cls))
        return wf_union_isinstance(t, v, cls);
    if (wf_tuple_check(cls)) {
        for (size_t i = 0; i < wf_tuple_size(cls); i++) {
            int r = wf_isinstance(t, v, WF_TUPLE_ITEMS(cls)[i]);
            if (r != 0)
                return r;
        }
        return 0;
    }
    wf_err_set(t, &wf_exc_TypeError,
               "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
}

int wf_issubclass(wf_thread *t, wf_value derived, wf_value cls)
{
    if (wf_union_check(cls))
        return wf_union_issubclass(t, derived, cls);
    if (wf_tuple_check(cls)) {
        for (size_t i = 0; i < wf_tuple_size(cls); i++) {
            int r = wf_issubclass(t, derived, WF_TUPLE_ITEMS(cls)[i]);
            if (r != 0)
                return r;
        }
        return 0;
    }
    if (!is_type(cls)) {
        wf_err_set(t, &wf_exc_TypeError,
                   "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return -1;
    }
    int r = metaclass_check(t, cls, "__subclasscheck__", derived);
    if (r != 2)
        return r;
    if (!is_type(derived)) {
        wf_err_set(t, &wf_exc_TypeError, "issubclass() arg 1 must be a class");
        return -1;
    }
    return wf_type_is_subtype((wf_type *)wf_to_object(derived), (wf_type *)wf_to_object(cls));
}
