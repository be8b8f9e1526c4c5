/* slice objects and the index arithmetic shared by the sequences (runtime/slice.h). */
#include "slice.h"

#include "abstract.h"
#include "alloc.h"
#include "callable.h"
#include "error.h"
#include "exceptions.h"
#include "int.h"
#include "singletons.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

/* ---- Index helpers ---------------------------------------------------------------- */

bool wf_is_index(wf_value v)
{
    if (wf_is_smallint(v))
        return true;
    const wf_number_methods *nb = wf_type_of(v)->tp_as_number;
    return nb != NULL && nb->index != NULL;
}

wf_value wf_seq_index_type_error(wf_thread *t, const char *what, wf_value key)
{
    return wf_err_set(t, &wf_exc_TypeError, "%s indices must be integers or slices, not %s", what,
                      wf_type_name(wf_type_of(key)));
}

bool wf_seq_index(wf_thread *t, wf_value key, int64_t length, const char *what, int64_t *out)
{
    int64_t i;
    if (wf_is_smallint(key)) {
        i = wf_smallint_unbox(key);
    } else {
        i = wf_as_ssize(t, key);
        if (i == -1 && wf_err_occurred(t))
            return false;
    }
    if (i < 0)
        i += length;
    if (i < 0 || i >= length) {
        wf_err_set(t, &wf_exc_IndexError, "%s index out of range", what);
        return false;
    }
    *out = i;
    return true;
}

/* v (an index) as int64_t, clamped to [-INT64_MAX - 1, INT64_MAX] instead of raising
 * OverflowError, as CPython's PyNumber_AsSsize_t(v, NULL) does for slice bounds. */
static bool index_clamped(wf_thread *t, wf_value v, int64_t *out)
{
    if (wf_is_smallint(v)) {
        *out = wf_smallint_unbox(v);
        return true;
    }
    wf_value i = wf_index(t, v);
    if (!i)
        return false;
    if (wf_is_smallint(i)) {
        *out = wf_smallint_unbox(i);
    } else if (!wf_int_as_int64(t, i, out)) {
        wf_err_clear(t); /* OverflowError: clamp by sign */
        *out = wf_int_sign(i) < 0 ? INT64_MIN : INT64_MAX;
    }
    wf_value_decref(t, i);
    return true;
}

/* _PyEval_SliceIndex: None keeps the default, an index is clamped, anything else is a
 * TypeError. */
static bool slice_bound(wf_thread *t, wf_value v, int64_t *out)
{
    if (v == WF_NONE)
        return true;
    if (!wf_is_index(v)) {
        wf_err_set(t, &wf_exc_TypeError,
                   "slice indices must be integers or None or have an __index__ method");
        return false;
    }
    return index_clamped(t, v, out);
}

bool wf_seq_repeat_count(wf_thread *t, wf_value n, int64_t *out)
{
    if (!wf_is_index(n)) {
        wf_err_set(t, &wf_exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                   wf_type_name(wf_type_of(n)));
        return false;
    }
    int64_t count;
    if (wf_is_smallint(n)) {
        count = wf_smallint_unbox(n);
    } else {
        count = wf_as_ssize_overflow(t, n);
        if (count == -1 && wf_err_occurred(t))
            return false;
    }
    *out = count < 0 ? 0 : count;
    return true;
}

/* One start/stop bound of index(): an index (clamped), None is a TypeError here. */
static bool index_bound(wf_thread *t, wf_value v, int64_t length, int64_t *out)
{
    if (!wf_is_index(v)) {
        wf_err_set(t, &wf_exc_TypeError,
                   "slice indices must be integers or have an __index__ method");
        return false;
    }
    if (!index_clamped(t, v, out))
        return false;
    if (*out < 0) {
        *out += length;
        if (*out < 0)
            *out = 0;
    }
    return true;
}

bool wf_seq_index_range(wf_thread *t, const wf_value *args, size_t nargs, int64_t length,
                        int64_t *start, int64_t *stop)
{
    *start = 0;
    *stop = length;
    if (nargs > 1 && !index_bound(t, args[1], length, start))
        return false;
    if (nargs > 2 && !index_bound(t, args[2], length, stop))
        return false;
    return true;
}

bool wf_check_positional(wf_thread *t, const char *name, size_t nargs, size_t min, size_t max)
{
    if (nargs >= min && nargs <= max)
        return true;
    size_t bound = nargs < min ? min : max;
    const char *how = min == max ? "" : nargs < min ? "at least " : "at most ";
    wf_err_set(t, &wf_exc_TypeError, "%s expected %s%zu argument%s, got %zu", name, how, bound,
               bound == 1 ? "" : "s", nargs);
    return false;
}

/* ---- Unpack and adjust (PySlice_Unpack / PySlice_AdjustIndices) ------------------- */

int wf_slice_unpack(wf_thread *t, wf_value slice, int64_t *start, int64_t *stop, int64_t *step)
{
    wf_slice_object *s = (wf_slice_object *)wf_to_object(slice);
    *step = 1;
    if (!slice_bound(t, s->step, step))
        return -1;
    if (s->step != WF_NONE && *step == 0) {
        wf_err_set(t, &wf_exc_ValueError, "slice step cannot be zero");
        return -1;
    }
    /* -step must not overflow in the length computation */
    if (*step < -INT64_MAX)
        *step = -INT64_MAX;
    *start = *step < 0 ? INT64_MAX : 0;
    if (!slice_bound(t, s->start, start))
        return -1;
    *stop = *step < 0 ? INT64_MIN : INT64_MAX;
    if (!slice_bound(t, s->stop, stop))
        return -1;
    return 0;
}

int64_t wf_slice_adjust(int64_t length, int64_t *start, int64_t *stop, int64_t step)
{
    WF_ASSERT(step != 0 && step >= -INT64_MAX);
    if (*start < 0) {
        *start += length;
        if (*start < 0)
            *start = step < 0 ? -1 : 0;
    } else if (*start >= length) {
        *start = step < 0 ? length - 1 : length;
    }
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0)
            *stop = step < 0 ? -1 : 0;
    } else if (*stop >= length) {
        *stop = step < 0 ? length - 1 : length;
    }
    if (step < 0) {
        if (*stop < *start)
            return (*start - *stop - 1) / (-step) + 1;
    } else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}

/* ---- The slice type ---------------------------------------------------------------- */

wf_value wf_slice_new(wf_thread *t, wf_value start, wf_value stop, wf_value step)
{
    wf_slice_object *s =
        (wf_slice_object *)wf_object_alloc(t, &wf_slice_type, sizeof(wf_slice_object));
    if (!s)
        return wf_err_no_memory(t);
    s->start = start ? wf_newref(t, start) : WF_NONE;
    s->stop = stop ? wf_newref(t, stop) : WF_NONE;
    s->step = step ? wf_newref(t, step) : WF_NONE;
    return wf_from_object(&s->ob);
}

static void slice_dealloc(wf_thread *t, wf_object *o)
{
    wf_slice_object *s = (wf_slice_object *)o;
    wf_value_decref(t, s->start);
    wf_value_decref(t, s->stop);
    wf_value_decref(t, s->step);
    wf_object_free(t, o);
}

/* slice(stop) / slice(start, stop[, step]) */
static wf_value slice_tp_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    (void)type;
    if (!wf_check_no_kwargs(t, "slice", kwnames))
        return WF_NULL;
    if (nargs == 0)
        return wf_err_set(t, &wf_exc_TypeError, "slice expected at least 1 argument, got 0");
    if (nargs > 3)
        return wf_err_set(t, &wf_exc_TypeError, "slice expected at most 3 arguments, got %zu",
                          nargs);
    if (nargs == 1)
        return wf_slice_new(t, WF_NONE, args[0], WF_NONE);
    return wf_slice_new(t, args[0], args[1], nargs == 3 ? args[2] : WF_NONE);
}

static wf_value slice_repr(wf_thread *t, wf_value self)
{
    wf_slice_object *s = (wf_slice_object *)wf_to_object(self);
    wf_value parts[3] = {s->start, s->stop, s->step};
    wf_value reprs[3] = {0, 0, 0};
    wf_value result = WF_NULL;
    for (int i = 0; i < 3; i++) {
        reprs[i] = wf_repr(t, parts[i]);
        if (!reprs[i])
            goto done;
    }
    result = wf_str_printf(t, "slice(%s, %s, %s)", wf_str_utf8(reprs[0]), wf_str_utf8(reprs[1]),
                           wf_str_utf8(reprs[2]));
done:
    for (int i = 0; i < 3; i++)
        if (reprs[i])
            wf_value_decref(t, reprs[i]);
    return result;
}

/* Slices compare as the tuples (start, stop, step). */
static wf_value slice_richcompare(wf_thread *t, wf_value a, wf_value b, int op)
{
    if (!wf_slice_check(a) || !wf_slice_check(b))
        return wf_newref(t, WF_NOTIMPLEMENTED);
    if (a == b && (op == WF_CMP_EQ || op == WF_CMP_NE))
        return wf_bool(op == WF_CMP_EQ);
    wf_slice_object *x = (wf_slice_object *)wf_to_object(a);
    wf_slice_object *y = (wf_slice_object *)wf_to_object(b);
    wf_value ta = wf_tuple_pack(t, 3, x->start, x->stop, x->step);
    if (!ta)
        return WF_NULL;
    wf_value tb = wf_tuple_pack(t, 3, y->start, y->stop, y->step);
    if (!tb) {
        wf_value_decref(t, ta);
        return WF_NULL;
    }
    wf_value r = wf_richcompare(t, ta, tb, (enum wf_cmp_op)op);
    wf_value_decref(t, ta);
    wf_value_decref(t, tb);
    return r;
}

/* slice.indices(length) -> (start, stop, step) for a sequence of that length. */
static wf_value slice_indices(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "slice.indices", kwnames) ||
        !wf_check_nargs(t, "slice.indices", nargs, 1, 1))
        return WF_NULL;
    if (!wf_is_index(args[0]))
        return wf_err_set(t, &wf_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          wf_type_name(wf_type_of(args[0])));
    int64_t length = wf_as_ssize_overflow(t, args[0]);
    if (length == -1 && wf_err_occurred(t))
        return WF_NULL;
    if (length < 0)
        return wf_err_set(t, &wf_exc_ValueError, "length should not be negative");
    int64_t start, stop, step;
    if (wf_slice_unpack(t, self, &start, &stop, &step) < 0)
        return WF_NULL;
    wf_slice_adjust(length, &start, &stop, step);
    wf_value r = wf_tuple_new(t, 3);
    if (!r)
        return WF_NULL;
    int64_t v[3] = {start, stop, step};
    for (int i = 0; i < 3; i++)
        WF_TUPLE_ITEMS(r)[i] = wf_smallint_box(v[i]); /* |v| <= length < 2^62 */
    return r;
}

static wf_value slice_get_start(wf_thread *t, wf_value self)
{
    return wf_newref(t, ((wf_slice_object *)wf_to_object(self))->start);
}
static wf_value slice_get_stop(wf_thread *t, wf_value self)
{
    return wf_newref(t, ((wf_slice_object *)wf_to_object(self))->stop);
}
static wf_value slice_get_step(wf_thread *t, wf_value self)
{
    return wf_newref(t, ((wf_slice_object *)wf_to_object(self))->step);
}

static const wf_method_def slice_methods[] = {
    {"indices", slice_indices, 0},
    {NULL, NULL, 0},
};

/* read-only members in CPython ("readonly attribute") */
static const wf_getset_def slice_getset[] = {
    {"start", slice_get_start, wf_getset_readonly},
    {"stop", slice_get_stop, wf_getset_readonly},
    {"step", slice_get_step, wf_getset_readonly},
    {NULL, NULL, NULL},
};

wf_type wf_slice_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "slice",
    .tp_basicsize = sizeof(wf_slice_object),
    .tp_flags = WF_TPFLAG_TRACKED,
    .tp_dealloc = slice_dealloc,
    .tp_repr = slice_repr,
    .tp_richcompare = slice_richcompare,
    .tp_new = slice_tp_new,
    .tp_methods = slice_methods,
    .tp_getset = slice_getset,
    .tp_doc = "slice(stop)\nslice(start, stop[, step])\n\nCreate a slice object.  This is "
              "used for extended slicing (e.g. a[0:10:2]).",
};
