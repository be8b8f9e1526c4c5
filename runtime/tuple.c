/* tuple: the immutable sequence (runtime/tuple.h).
 *
 * A tuple's items are written by its creator before it is published and never change
 * after, so every read is lock-free and needs no re-check. The empty tuple is one
 * static immortal object. */
#include "tuple.h"

#include <stdarg.h>

#include "abstract.h"
#include "alloc.h"
#include "callable.h"
#include "error.h"
#include "generic_alias.h"
#include "exceptions.h"
#include "iterators.h"
#include "list.h"
#include "singletons.h"
#include "slice.h"
#include "str.h"
#include "type.h"

static wf_tuple_object empty_tuple = {
    .ob = {.ob_ref_local = WF_REF_IMMORTAL, .ob_type = &wf_tuple_type},
    .size = 0,
};

/* ---- Construction ------------------------------------------------------------------ */

bool wf_tuple_check(wf_value v)
{
    return wf_is_object(v) && (wf_to_object(v)->ob_type->tp_flags & WF_TPFLAG_TUPLE_SUBCLASS);
}

wf_value wf_tuple_empty(void)
{
    return wf_from_object(&empty_tuple.ob);
}

wf_value wf_tuple_new(wf_thread *t, size_t n)
{
    if (n == 0)
        return wf_tuple_empty();
    if (n > (SIZE_MAX - sizeof(wf_tuple_object)) / sizeof(wf_value))
        return wf_err_no_memory(t);
    wf_tuple_object *o = (wf_tuple_object *)wf_object_alloc(
        t, &wf_tuple_type, sizeof(wf_tuple_object) + n * sizeof(wf_value));
    if (!o)
        return wf_err_no_memory(t);
    o->size = n;
    for (size_t i = 0; i < n; i++)
        o->items[i] = WF_NULL;
    return wf_from_object(&o->ob);
}

wf_value wf_tuple_from_array(wf_thread *t, const wf_value *items, size_t n)
{
    wf_value r = wf_tuple_new(t, n);
    if (!r)
        return WF_NULL;
    for (size_t i = 0; i < n; i++)
        WF_TUPLE_ITEMS(r)[i] = wf_newref(t, items[i]);
    return r;
}

wf_value wf_tuple_pack(wf_thread *t, size_t n, ...)
{
    wf_value r = wf_tuple_new(t, n);
    if (!r)
        return WF_NULL;
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++)
        WF_TUPLE_ITEMS(r)[i] = wf_newref(t, va_arg(ap, wf_value));
    va_end(ap);
    return r;
}

static void tuple_dealloc(wf_thread *t, wf_object *o)
{
    wf_tuple_object *tu = (wf_tuple_object *)o;
    for (size_t i = 0; i < tu->size; i++)
        if (tu->items[i])
            wf_value_decref(t, tu->items[i]);
    wf_object_free(t, o);
}

/* tuple(iterable): a list is snapshotted under its lock; anything else is iterated. */
static wf_value tuple_from_iterable(wf_thread *t, wf_value iterable)
{
    if (wf_is_object(iterable) && wf_to_object(iterable)->ob_type == &wf_tuple_type)
        return wf_newref(t, iterable);
    if (wf_list_check(iterable))
        return wf_list_as_tuple(t, iterable);
    wf_value list = wf_list_new(t, 0);
    if (!list)
        return WF_NULL;
    if (wf_list_extend(t, list, iterable) < 0) {
        wf_value_decref(t, list);
        return WF_NULL;
    }
    wf_value r = wf_list_as_tuple(t, list);
    wf_value_decref(t, list);
    return r;
}

/* An instance of a tuple subclass holding the items of the exact tuple `items`.
 * Subclasses share tuple's layout (type.c gives variable-size bases no __dict__ slot). */
wf_value wf_tuple_subtype_new(wf_thread *t, wf_type *type, wf_value items)
{
    size_t n = wf_tuple_size(items);
    wf_tuple_object *o =
        (wf_tuple_object *)wf_object_alloc(t, type, sizeof(wf_tuple_object) + n * sizeof(wf_value));
    if (!o)
        return wf_err_no_memory(t);
    o->size = n;
    for (size_t i = 0; i < n; i++)
        o->items[i] = wf_newref(t, WF_TUPLE_ITEMS(items)[i]);
    return wf_from_object(&o->ob);
}

static wf_value tuple_tp_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    if (type == &wf_tuple_type && !wf_check_no_kwargs(t, "tuple", kwnames))
        return WF_NULL;
    if (!wf_check_positional(t, "tuple", nargs, 0, 1))
        return WF_NULL;
    wf_value r = nargs == 0 ? wf_tuple_empty() : tuple_from_iterable(t, args[0]);
    if (!r || type == &wf_tuple_type)
        return r;
    wf_value sub = wf_tuple_subtype_new(t, type, r);
    wf_value_decref(t, r);
    return sub;
}

/* ---- repr and hash ------------------------------------------------------------------ */

/* "(1,)" for one item, "()" for none. A tuple can contain itself only through a
 * mutable object, whose own guard prints the ellipsis; CPython guards tuples too. */
static wf_value tuple_repr(wf_thread *t, wf_value self)
{
    size_t n = wf_tuple_size(self);
    if (n == 0)
        return wf_str_from_cstr(t, "()");
    int r = wf_repr_enter(t, self);
    if (r != 0)
        return r > 0 ? wf_str_from_cstr(t, "(...)") : WF_NULL;
    wf_value s = wf_repr_join(t, "(", WF_TUPLE_ITEMS(self), n, n == 1 ? ",)" : ")");
    wf_repr_leave(t, self);
    return s;
}

/* CPython 3.11's tuple hash: xxHash's 64-bit round over the items' hashes. */
#define XXPRIME_1 11400714785074694791ULL
#define XXPRIME_2 14029467366897019727ULL
#define XXPRIME_5 2870177450012600261ULL

static int64_t tuple_hash(wf_thread *t, wf_value self)
{
    size_t n = wf_tuple_size(self);
    const wf_value *items = WF_TUPLE_ITEMS(self);
    uint64_t acc = XXPRIME_5;
    for (size_t i = 0; i < n; i++) {
        /* only a nested tuple can recurse here without passing a recursion check */
        bool nested = wf_tuple_check(items[i]);
        if (nested && !wf_enter_recursion(t, ""))
            return -1;
        int64_t lane = wf_hash(t, items[i]);
        if (nested)
            wf_leave_recursion(t);
        if (lane == -1)
            return -1;
        acc += (uint64_t)lane * XXPRIME_2;
        acc = (acc << 31) | (acc >> 33);
        acc *= XXPRIME_1;
    }
    acc += n ^ (XXPRIME_5 ^ 3527539ULL);
    if (acc == UINT64_MAX)
        return 1546275796;
    return (int64_t)acc;
}

/* ---- Comparison --------------------------------------------------------------------- */

/* Lexicographic: the first pair of items that are not equal decides, else the lengths. */
static wf_value tuple_richcompare(wf_thread *t, wf_value a, wf_value b, int op)
{
    if (!wf_tuple_check(a) || !wf_tuple_check(b))
        return wf_newref(t, WF_NOTIMPLEMENTED);
    size_t na = wf_tuple_size(a), nb = wf_tuple_size(b);
    const wf_value *x = WF_TUPLE_ITEMS(a), *y = WF_TUPLE_ITEMS(b);
    size_t i = 0;
    for (; i < na && i < nb; i++) {
        int eq = wf_richcompare_bool(t, x[i], y[i], WF_CMP_EQ);
        if (eq < 0)
            return WF_NULL;
        if (!eq)
            break;
    }
    if (i >= na || i >= nb) {
        bool r;
        switch (op) {
        case WF_CMP_LT:
            r = na < nb;
            break;
        case WF_CMP_LE:
            r = na <= nb;
            break;
        case WF_CMP_EQ:
            r = na == nb;
            break;
        case WF_CMP_NE:
            r = na != nb;
            break;
        case WF_CMP_GT:
            r = na > nb;
            break;
        default:
            r = na >= nb;
            break;
        }
        return wf_bool(r);
    }
    if (op == WF_CMP_EQ)
        return WF_FALSE;
    if (op == WF_CMP_NE)
        return WF_TRUE;
    return wf_richcompare(t, x[i], y[i], (enum wf_cmp_op)op);
}

/* ---- Sequence operations ------------------------------------------------------------- */

static int64_t tuple_length(wf_thread *t, wf_value self)
{
    (void)t;
    return (int64_t)wf_tuple_size(self);
}

static int tuple_contains(wf_thread *t, wf_value self, wf_value item)
{
    size_t n = wf_tuple_size(self);
    for (size_t i = 0; i < n; i++) {
        int r = wf_richcompare_bool(t, WF_TUPLE_ITEMS(self)[i], item, WF_CMP_EQ);
        if (r != 0)
            return r;
    }
    return 0;
}

static wf_value tuple_slice(wf_thread *t, wf_value self, wf_value key)
{
    int64_t start, stop, step;
    if (wf_slice_unpack(t, key, &start, &stop, &step) < 0)
        return WF_NULL;
    int64_t n = wf_slice_adjust((int64_t)wf_tuple_size(self), &start, &stop, step);
    if (n == (int64_t)wf_tuple_size(self) && step == 1 &&
        wf_to_object(self)->ob_type == &wf_tuple_type)
        return wf_newref(t, self);
    wf_value r = wf_tuple_new(t, (size_t)n);
    if (!r)
        return WF_NULL;
    for (int64_t i = 0, j = start; i < n; i++, j += step)
        WF_TUPLE_ITEMS(r)[i] = wf_newref(t, WF_TUPLE_ITEMS(self)[j]);
    return r;
}

static wf_value tuple_getitem(wf_thread *t, wf_value self, wf_value key)
{
    if (wf_is_index(key)) {
        int64_t i;
        if (!wf_seq_index(t, key, (int64_t)wf_tuple_size(self), "tuple", &i))
            return WF_NULL;
        return wf_newref(t, WF_TUPLE_ITEMS(self)[i]);
    }
    if (wf_slice_check(key))
        return tuple_slice(t, self, key);
    return wf_seq_index_type_error(t, "tuple", key);
}

static wf_value tuple_add(wf_thread *t, wf_value a, wf_value b)
{
    if (!wf_tuple_check(a) || !wf_tuple_check(b)) {
        if (!wf_tuple_check(a) || wf_other_may_reflect(b))
            return wf_newref(t, WF_NOTIMPLEMENTED);
        return wf_err_set(t, &wf_exc_TypeError, "can only concatenate tuple (not \"%s\") to tuple",
                          wf_type_name(wf_type_of(b)));
    }
    size_t na = wf_tuple_size(a), nb = wf_tuple_size(b);
    if (nb == 0 && wf_to_object(a)->ob_type == &wf_tuple_type)
        return wf_newref(t, a);
    if (na == 0 && wf_to_object(b)->ob_type == &wf_tuple_type)
        return wf_newref(t, b);
    wf_value r = wf_tuple_new(t, na + nb);
    if (!r)
        return WF_NULL;
    for (size_t i = 0; i < na; i++)
        WF_TUPLE_ITEMS(r)[i] = wf_newref(t, WF_TUPLE_ITEMS(a)[i]);
    for (size_t i = 0; i < nb; i++)
        WF_TUPLE_ITEMS(r)[na + i] = wf_newref(t, WF_TUPLE_ITEMS(b)[i]);
    return r;
}

/* tuple * n and n * tuple. */
static wf_value tuple_mul(wf_thread *t, wf_value a, wf_value b)
{
    wf_value seq = wf_tuple_check(a) ? a : b, n = seq == a ? b : a;
    if (!wf_is_index(n) && seq == a && wf_other_may_reflect(n))
        return wf_newref(t, WF_NOTIMPLEMENTED); /* n's class may define __rmul__ */
    int64_t count;
    if (!wf_seq_repeat_count(t, n, &count))
        return WF_NULL;
    size_t size = wf_tuple_size(seq);
    if (count == 1 && wf_to_object(seq)->ob_type == &wf_tuple_type)
        return wf_newref(t, seq);
    if (size == 0 || count == 0)
        return wf_tuple_empty();
    if ((uint64_t)count > (uint64_t)INT64_MAX / 8 / size)
        return wf_err_no_memory(t);
    wf_value r = wf_tuple_new(t, size * (size_t)count);
    if (!r)
        return WF_NULL;
    wf_value *out = WF_TUPLE_ITEMS(r);
    for (int64_t c = 0; c < count; c++)
        for (size_t i = 0; i < size; i++)
            *out++ = wf_newref(t, WF_TUPLE_ITEMS(seq)[i]);
    return r;
}

/* ---- Methods ----------------------------------------------------------------------------- */

static wf_value tuple_count(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "tuple.count", kwnames) ||
        !wf_check_nargs(t, "tuple.count", nargs, 1, 1))
        return WF_NULL;
    int64_t count = 0;
    for (size_t i = 0; i < wf_tuple_size(self); i++) {
        int r = wf_richcompare_bool(t, WF_TUPLE_ITEMS(self)[i], args[0], WF_CMP_EQ);
        if (r < 0)
            return WF_NULL;
        count += r;
    }
    return wf_smallint_box(count);
}

static wf_value tuple_index(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "tuple.index", kwnames) || !wf_check_nargs(t, "index", nargs, 1, 3))
        return WF_NULL;
    int64_t n = (int64_t)wf_tuple_size(self), start, stop;
    if (!wf_seq_index_range(t, args, nargs, n, &start, &stop))
        return WF_NULL;
    for (int64_t i = start; i < stop && i < n; i++) {
        int r = wf_richcompare_bool(t, WF_TUPLE_ITEMS(self)[i], args[0], WF_CMP_EQ);
        if (r < 0)
            return WF_NULL;
        if (r)
            return wf_smallint_box(i);
    }
    return wf_err_set(t, &wf_exc_ValueError, "tuple.index(x): x not in tuple");
}

/* ---- Iterator ------------------------------------------------------------------------------ */

typedef struct tuple_iter {
    wf_object ob;
    wf_value seq;         /* the tuple; 0 once exhausted */
    _Atomic size_t index; /* relaxed: threads sharing one iterator may see an item twice,
                             as in CPython's free-threaded build, but never a bad one */
} tuple_iter;

wf_type wf_tuple_iter_type;

static wf_value tuple_iter_new(wf_thread *t, wf_value self)
{
    tuple_iter *it = (tuple_iter *)wf_object_alloc(t, &wf_tuple_iter_type, sizeof(tuple_iter));
    if (!it)
        return wf_err_no_memory(t);
    it->seq = wf_newref(t, self);
    atomic_init(&it->index, 0);
    return wf_from_object(&it->ob);
}

static void tuple_iter_dealloc(wf_thread *t, wf_object *o)
{
    wf_value_decref(t, ((tuple_iter *)o)->seq);
    wf_object_free(t, o);
}

static wf_value tuple_iter_next(wf_thread *t, wf_value self)
{
    tuple_iter *it = (tuple_iter *)wf_to_object(self);
    size_t i = atomic_load_explicit(&it->index, memory_order_relaxed);
    if (i >= wf_tuple_size(it->seq))
        return WF_NULL;
    atomic_store_explicit(&it->index, i + 1, memory_order_relaxed);
    return wf_newref(t, WF_TUPLE_ITEMS(it->seq)[i]);
}

static wf_value tuple_iter_length_hint(wf_thread *t, wf_value self, const wf_value *args,
                                       size_t nargs, wf_value kwnames)
{
    (void)t, (void)args, (void)nargs, (void)kwnames;
    tuple_iter *it = (tuple_iter *)wf_to_object(self);
    size_t i = atomic_load_explicit(&it->index, memory_order_relaxed);
    size_t n = wf_tuple_size(it->seq);
    return wf_smallint_box(i < n ? (int64_t)(n - i) : 0);
}

static const wf_method_def tuple_iter_methods[] = {
    {"__length_hint__", tuple_iter_length_hint, 0},
    {NULL, NULL, 0},
};

wf_type wf_tuple_iter_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "tuple_iterator",
    .tp_basicsize = sizeof(tuple_iter),
    .tp_flags = WF_TPFLAG_TRACKED,
    .tp_dealloc = tuple_iter_dealloc,
    .tp_iter = wf_self_iter,
    .tp_iternext = tuple_iter_next,
    .tp_methods = tuple_iter_methods,
};

/* ---- The type ------------------------------------------------------------------------------ */

static const wf_number_methods tuple_as_number = {
    .binop[WF_NB_ADD] = tuple_add,
    .binop[WF_NB_MULTIPLY] = tuple_mul,
};

static const wf_mapping_methods tuple_as_mapping = {
    .length = tuple_length,
    .getitem = tuple_getitem,
    .contains = tuple_contains,
};

static const wf_method_def tuple_methods[] = {
    {"count", tuple_count, 0},
    {"index", tuple_index, 0},
    {"__class_getitem__", wf_class_getitem, WF_METH_CLASS},
    {NULL, NULL, 0},
};

wf_type wf_tuple_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "tuple",
    .tp_basicsize = sizeof(wf_tuple_object),
    .tp_flags = WF_TPFLAG_TRACKED | WF_TPFLAG_BASETYPE | WF_TPFLAG_TUPLE_SUBCLASS,
    .tp_dealloc = tuple_dealloc,
    .tp_repr = tuple_repr,
    .tp_hash = tuple_hash,
    .tp_richcompare = tuple_richcompare,
    .tp_iter = tuple_iter_new,
    .tp_new = tuple_tp_new,
    .tp_as_number = &tuple_as_number,
    .tp_as_mapping = &tuple_as_mapping,
    .tp_methods = tuple_methods,
    .tp_doc = "Built-in immutable sequence.\n\nIf no argument is given, the constructor returns "
              "an empty tuple.\nIf iterable is specified the tuple is initialized from "
              "iterable's items.\n\nIf the argument is a tuple, the return value is the same "
              "object.",
};
