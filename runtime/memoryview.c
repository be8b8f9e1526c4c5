/* memoryview (runtime/memoryview.h): one-dimensional byte views of bytes and bytearray.
 * The header states the locking rule; in short, everything that touches a bytearray's
 * items or its export count runs inside a critical section on the bytearray, and checks
 * released there. */
#include "memoryview.h"

#include <string.h>

#include "abstract.h"
#include "alloc.h"
#include "callable.h"
#include "critical_section.h"
#include "error.h"
#include "exceptions.h"
#include "int.h"
#include "list.h"
#include "singletons.h"
#include "slice.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

static wf_memoryview_object *mv_of(wf_value v)
{
    return (wf_memoryview_object *)wf_to_object(v);
}

static wf_value released_error(wf_thread *t)
{
    return wf_err_set(t, &wf_exc_ValueError, "operation forbidden on released memoryview object");
}

/* False with ValueError when the view is released. A view of a bytearray may be released
 * by another thread right after; the item accessors check again under the lock. */
static bool mv_alive(wf_thread *t, wf_memoryview_object *mv)
{
    /* acquire: pairs with the release store in mv_release */
    if (!atomic_load_explicit(&mv->released, memory_order_acquire))
        return true;
    released_error(t);
    return false;
}

/* ---- Creation and release ---------------------------------------------------------------- */

/* A new view of obj's items start + i*step (i < len), an export of obj when obj is a
 * bytearray. parent (or 0) is the view it is made from: it must not be released, which
 * for a bytearray is checked under the same lock that adds the export. len -1: all of
 * obj, its size read under that lock. */
static wf_value mv_new(wf_thread *t, wf_value obj, wf_memoryview_object *parent, int64_t start,
                       int64_t step, int64_t len, bool readonly)
{
    if (parent && !mv_alive(t, parent))
        return WF_NULL;
    wf_memoryview_object *mv =
        (wf_memoryview_object *)wf_object_alloc(t, &wf_memoryview_type, sizeof *mv);
    if (!mv)
        return wf_err_no_memory(t);
    mv->obj = wf_newref(t, obj);
    mv->start = start;
    mv->step = step;
    mv->readonly = readonly;
    atomic_store_explicit(&mv->hash, -1, memory_order_relaxed);
    bool ok = true;
    if (wf_bytearray_check(obj)) {
        wf_bytearray_object *ba = (wf_bytearray_object *)wf_to_object(obj);
        WF_BEGIN_CRITICAL_SECTION(t, &ba->ob);
        ok = !parent || !atomic_load_explicit(&parent->released, memory_order_relaxed);
        if (ok) {
            if (len < 0)
                len = (int64_t)wf_bytearray_size(obj);
            ba->exports++;
        }
        WF_END_CRITICAL_SECTION(t);
    } else if (len < 0) {
        len = (int64_t)wf_bytes_size(obj);
    }
    mv->len = len;
    /* released true until the export exists, so a failed view's dealloc drops none */
    atomic_store_explicit(&mv->released, !ok, memory_order_relaxed);
    if (!ok) {
        wf_value_decref(t, wf_from_object(&mv->ob));
        return released_error(t);
    }
    return wf_from_object(&mv->ob);
}

/* Release the view once: the bytearray's export is dropped in its critical section. */
static void mv_release(wf_thread *t, wf_memoryview_object *mv)
{
    if (wf_bytearray_check(mv->obj)) {
        wf_bytearray_object *ba = (wf_bytearray_object *)wf_to_object(mv->obj);
        WF_BEGIN_CRITICAL_SECTION(t, &ba->ob);
        if (!atomic_load_explicit(&mv->released, memory_order_relaxed)) {
            /* release: pairs with the acquire in mv_alive */
            atomic_store_explicit(&mv->released, true, memory_order_release);
            ba->exports--;
        }
        WF_END_CRITICAL_SECTION(t);
    } else {
        atomic_store_explicit(&mv->released, true, memory_order_release);
    }
}

static void mv_dealloc(wf_thread *t, wf_object *o)
{
    wf_memoryview_object *mv = (wf_memoryview_object *)o;
    mv_release(t, mv);
    wf_value_decref(t, mv->obj);
    wf_object_free(t, o);
}

static wf_value mv_tp_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    (void)type;
    static const char *const names[] = {"object"};
    wf_value a[1];
    if (!wf_parse_args(t, "memoryview", args, nargs, kwnames, names, 1, 1, a))
        return WF_NULL;
    wf_value obj = a[0];
    if (wf_bytes_check(obj))
        return mv_new(t, obj, NULL, 0, 1, -1, true);
    if (wf_bytearray_check(obj))
        return mv_new(t, obj, NULL, 0, 1, -1, false);
    if (wf_memoryview_check(obj)) {
        wf_memoryview_object *p = mv_of(obj);
        return mv_new(t, p->obj, p, p->start, p->step, p->len, p->readonly);
    }
    return wf_err_set(t, &wf_exc_TypeError, "memoryview: a bytes-like object is required, not '%s'",
                      wf_type_name(wf_type_of(obj)));
}

/* ---- Reading and writing items --------------------------------------------------------- */

/* Copy the view's items into dst (len bytes); false with ValueError when released. */
static bool mv_copy_out(wf_thread *t, wf_memoryview_object *mv, char *dst)
{
    bool ok = true;
    if (!wf_bytearray_check(mv->obj)) {
        if (!mv_alive(t, mv))
            return false;
        const char *d = wf_bytes_data(mv->obj);
        for (int64_t i = 0; i < mv->len; i++)
            dst[i] = d[mv->start + i * mv->step];
        return true;
    }
    WF_BEGIN_CRITICAL_SECTION(t, wf_to_object(mv->obj));
    ok = !atomic_load_explicit(&mv->released, memory_order_relaxed);
    if (ok) { /* the export keeps the size, so every item is in range */
        const char *d = wf_bytearray_data(mv->obj);
        for (int64_t i = 0; i < mv->len; i++)
            dst[i] = d[mv->start + i * mv->step];
    }
    WF_END_CRITICAL_SECTION(t);
    if (!ok)
        released_error(t);
    return ok;
}

/* Write src[0..n) to the view's items first, first+step, ... (a writable view of a
 * bytearray); false with ValueError when released. */
static bool mv_copy_in(wf_thread *t, wf_memoryview_object *mv, int64_t first, int64_t step,
                       const char *src, int64_t n)
{
    bool ok;
    WF_BEGIN_CRITICAL_SECTION(t, wf_to_object(mv->obj));
    ok = !atomic_load_explicit(&mv->released, memory_order_relaxed);
    if (ok) {
        char *d = (char *)wf_bytearray_data(mv->obj);
        for (int64_t i = 0; i < n; i++)
            d[mv->start + (first + i * step) * mv->step] = src[i];
    }
    WF_END_CRITICAL_SECTION(t);
    if (!ok)
        released_error(t);
    return ok;
}

/* mv.tobytes(): a new bytes of the items. */
static wf_value mv_to_bytes(wf_thread *t, wf_memoryview_object *mv)
{
    wf_bytes_object *b = wf_bytes_alloc(t, (size_t)mv->len);
    if (!b)
        return WF_NULL;
    wf_value r = wf_from_object(&b->ob);
    if (!mv_copy_out(t, mv, b->data)) {
        wf_value_decref(t, r);
        return WF_NULL;
    }
    return r;
}

bool wf_memoryview_view(wf_thread *t, wf_value v, wf_bytes_view *out)
{
    wf_memoryview_object *mv = mv_of(v);
    out->keep = WF_NULL;
    if (!mv_alive(t, mv))
        return false;
    if (!wf_bytearray_check(mv->obj) && mv->step == 1) { /* immutable: read in place */
        out->p = wf_bytes_data(mv->obj) + mv->start;
        out->n = (size_t)mv->len;
        return true;
    }
    if (!(out->keep = mv_to_bytes(t, mv)))
        return false;
    out->p = wf_bytes_data(out->keep);
    out->n = wf_bytes_size(out->keep);
    return true;
}

/* A position from an index key: IndexError "index out of bounds on dimension 1" (or
 * wf_as_ssize's for an int beyond 64 bits). */
static bool mv_index(wf_thread *t, wf_memoryview_object *mv, wf_value key, int64_t *out)
{
    int64_t i = wf_is_smallint(key) ? wf_smallint_unbox(key) : wf_as_ssize(t, key);
    if (i == -1 && !wf_is_smallint(key) && wf_err_occurred(t))
        return false;
    if (i < 0)
        i += mv->len;
    if (i < 0 || i >= mv->len) {
        wf_err_set(t, &wf_exc_IndexError, "index out of bounds on dimension 1");
        return false;
    }
    *out = i;
    return true;
}

static wf_value mv_getitem(wf_thread *t, wf_value self, wf_value key)
{
    wf_memoryview_object *mv = mv_of(self);
    if (!mv_alive(t, mv))
        return WF_NULL;
    if (wf_slice_check(key)) {
        int64_t start, stop, step;
        if (wf_slice_unpack(t, key, &start, &stop, &step) < 0)
            return WF_NULL;
        int64_t n = wf_slice_adjust(mv->len, &start, &stop, step);
        return mv_new(t, mv->obj, mv, mv->start + start * mv->step, mv->step * step, n,
                      mv->readonly);
    }
    if (!wf_is_index(key))
        return wf_err_set(t, &wf_exc_TypeError, "memoryview: invalid slice key");
    int64_t i;
    char c = 0;
    if (!mv_index(t, mv, key, &i))
        return WF_NULL;
    if (!wf_bytearray_check(mv->obj))
        return wf_smallint_box((unsigned char)wf_bytes_data(mv->obj)[mv->start + i * mv->step]);
    bool ok;
    WF_BEGIN_CRITICAL_SECTION(t, wf_to_object(mv->obj));
    ok = !atomic_load_explicit(&mv->released, memory_order_relaxed);
    if (ok)
        c = wf_bytearray_data(mv->obj)[mv->start + i * mv->step];
    WF_END_CRITICAL_SECTION(t);
    return ok ? wf_smallint_box((unsigned char)c) : released_error(t);
}

/* An item value for format 'B': TypeError "memoryview: invalid type for format 'B'",
 * ValueError "memoryview: invalid value for format 'B'". */
static bool mv_byte_value(wf_thread *t, wf_value v, char *out)
{
    if (!wf_is_index(v)) {
        wf_err_set(t, &wf_exc_TypeError, "memoryview: invalid type for format 'B'");
        return false;
    }
    int64_t x = wf_as_ssize_overflow(t, v);
    if (x == -1 && wf_err_occurred(t)) {
        if (!wf_err_matches(t, &wf_exc_OverflowError))
            return false;
        wf_err_clear(t);
        x = -1;
    }
    if (x < 0 || x > 255) {
        wf_err_set(t, &wf_exc_ValueError, "memoryview: invalid value for format 'B'");
        return false;
    }
    *out = (char)x;
    return true;
}

/* mv[key] = value for an index or a slice, in CPython's order of checks. */
static int mv_setitem(wf_thread *t, wf_value self, wf_value key, wf_value value)
{
    wf_memoryview_object *mv = mv_of(self);
    if (!mv_alive(t, mv))
        return -1;
    if (mv->readonly) {
        wf_err_set(t, &wf_exc_TypeError, "cannot modify read-only memory");
        return -1;
    }
    if (!value) {
        wf_err_set(t, &wf_exc_TypeError, "cannot delete memory");
        return -1;
    }
    if (wf_slice_check(key)) {
        wf_bytes_view src;
        if (!wf_bytes_view_arg(t, value, &src)) /* a snapshot: value may share the buffer */
            return -1;
        int64_t start, stop, step, n = 0;
        bool ok = wf_slice_unpack(t, key, &start, &stop, &step) == 0;
        if (ok)
            n = wf_slice_adjust(mv->len, &start, &stop, step);
        if (ok && n != (int64_t)src.n) {
            wf_err_set(t, &wf_exc_ValueError,
                       "memoryview assignment: lvalue and rvalue have different structures");
            ok = false;
        }
        ok = ok && mv_copy_in(t, mv, start, step, src.p, n);
        wf_bytes_view_release(t, &src);
        return ok ? 0 : -1;
    }
    if (!wf_is_index(key)) {
        wf_err_set(t, &wf_exc_TypeError, "memoryview: invalid slice key");
        return -1;
    }
    int64_t i;
    char c;
    if (!mv_index(t, mv, key, &i) || !mv_byte_value(t, value, &c))
        return -1;
    return mv_copy_in(t, mv, i, 1, &c, 1) ? 0 : -1;
}

static int64_t mv_len(wf_thread *t, wf_value self)
{
    wf_memoryview_object *mv = mv_of(self);
    return mv_alive(t, mv) ? mv->len : -1;
}

/* ---- Comparison, hash, repr, iteration ------------------------------------------------- */

/* Only == and != (as CPython): equal when the other bytes-like holds the same bytes; a
 * released view equals only itself. */
static wf_value mv_richcompare(wf_thread *t, wf_value a, wf_value b, int op)
{
    if (op != WF_CMP_EQ && op != WF_CMP_NE)
        return WF_NOTIMPLEMENTED;
    bool eq;
    wf_value other = wf_memoryview_check(a) ? b : a, self = other == b ? a : b;
    if (a == b) {
        eq = true;
    } else if (atomic_load_explicit(&mv_of(self)->released, memory_order_acquire) ||
               (wf_memoryview_check(other) &&
                atomic_load_explicit(&mv_of(other)->released, memory_order_acquire))) {
        eq = false;
    } else {
        wf_bytes_view x, y;
        if (!wf_bytes_view_get(t, other, &y))
            return wf_err_occurred(t) ? WF_NULL : WF_NOTIMPLEMENTED;
        if (!wf_bytes_view_get(t, self, &x)) {
            wf_bytes_view_release(t, &y);
            return WF_NULL;
        }
        eq = x.n == y.n && memcmp(x.p, y.p, x.n) == 0;
        wf_bytes_view_release(t, &x);
        wf_bytes_view_release(t, &y);
    }
    return wf_bool(op == WF_CMP_EQ ? eq : !eq);
}

/* The hash of the bytes, for a read-only view only (the items of a bytes never change). */
static int64_t mv_hash(wf_thread *t, wf_value self)
{
    wf_memoryview_object *mv = mv_of(self);
    /* relaxed: the hash is a pure function of immutable bytes; a race computes it twice */
    int64_t h = atomic_load_explicit(&mv->hash, memory_order_relaxed);
    if (h != -1)
        return h;
    if (!mv_alive(t, mv))
        return -1;
    if (!mv->readonly) {
        wf_err_set(t, &wf_exc_ValueError, "cannot hash writable memoryview object");
        return -1;
    }
    if (wf_hash(t, mv->obj) == -1) /* as CPython: TypeError for a bytearray */
        return -1;
    wf_value b = mv_to_bytes(t, mv);
    if (!b)
        return -1;
    h = wf_hash(t, b);
    wf_value_decref(t, b);
    if (h != -1)
        atomic_store_explicit(&mv->hash, h, memory_order_relaxed);
    return h;
}

static wf_value mv_repr(wf_thread *t, wf_value self)
{
    wf_memoryview_object *mv = mv_of(self);
    bool released = atomic_load_explicit(&mv->released, memory_order_acquire);
    return wf_str_printf(t, released ? "<released memory at %p>" : "<memory at %p>", (void *)mv);
}

static wf_value mv_tolist_of(wf_thread *t, wf_memoryview_object *mv)
{
    wf_value b = mv_to_bytes(t, mv);
    if (!b)
        return WF_NULL;
    wf_value l = wf_list_new(t, (size_t)mv->len);
    for (size_t i = 0; l && i < wf_bytes_size(b); i++)
        if (wf_list_append(t, l, wf_smallint_box((unsigned char)wf_bytes_data(b)[i])) < 0) {
            wf_value_decref(t, l);
            l = WF_NULL;
        }
    wf_value_decref(t, b);
    return l;
}

/* iter(mv): over a snapshot of the items taken now (CPython reads each item as it goes;
 * the difference shows only when the items change during the iteration). */
static wf_value mv_iter(wf_thread *t, wf_value self)
{
    wf_value l = mv_tolist_of(t, mv_of(self));
    if (!l)
        return WF_NULL;
    wf_value it = wf_iter(t, l);
    wf_value_decref(t, l);
    return it;
}

/* ---- Methods --------------------------------------------------------------------------- */

static wf_value mv_m_tobytes(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    static const char *const names[] = {"order"};
    wf_value a[1];
    if (!wf_parse_args(t, "tobytes", args, nargs, kwnames, names, 1, 0, a))
        return WF_NULL;
    if (a[0] && a[0] != WF_NONE &&
        !(wf_str_check(a[0]) && strchr("CFA", wf_str_utf8(a[0])[0]) && wf_str_utf8(a[0])[0] &&
          !wf_str_utf8(a[0])[1]))
        return wf_err_set(t, &wf_exc_ValueError, "order must be 'C', 'F' or 'A'");
    return mv_to_bytes(t, mv_of(self));
}

static wf_value mv_m_tolist(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    (void)args;
    if (!wf_text_no_args(t, "memoryview.tolist", nargs, kwnames))
        return WF_NULL;
    return mv_tolist_of(t, mv_of(self));
}

/* mv.hex(sep, bytes_per_sep): bytes.hex, which reads any bytes-like self. */
static wf_value mv_m_hex(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                         wf_value kwnames)
{
    if (!mv_alive(t, mv_of(self)))
        return WF_NULL;
    for (const wf_method_def *m = wf_bytes_methods; m->name; m++)
        if (strcmp(m->name, "hex") == 0)
            return m->fn(t, self, args, nargs, kwnames);
    return wf_err_set(t, &wf_exc_SystemError, "bytes.hex missing");
}

static wf_value mv_m_toreadonly(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                wf_value kwnames)
{
    (void)args;
    if (!wf_text_no_args(t, "memoryview.toreadonly", nargs, kwnames))
        return WF_NULL;
    wf_memoryview_object *mv = mv_of(self);
    return mv_new(t, mv->obj, mv, mv->start, mv->step, mv->len, true);
}

static wf_value mv_m_release(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    (void)args;
    if (!wf_text_no_args(t, "memoryview.release", nargs, kwnames))
        return WF_NULL;
    mv_release(t, mv_of(self));
    return WF_NONE;
}

static wf_value mv_m_enter(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    (void)args;
    if (!wf_text_no_args(t, "memoryview.__enter__", nargs, kwnames))
        return WF_NULL;
    return mv_alive(t, mv_of(self)) ? wf_newref(t, self) : WF_NULL;
}

static wf_value mv_m_exit(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    (void)args;
    (void)nargs;
    if (!wf_check_no_kwargs(t, "__exit__", kwnames))
        return WF_NULL;
    mv_release(t, mv_of(self));
    return WF_NONE;
}

/* ---- Attributes (each ValueError on a released view, as CPython) ------------------------ */

#define MV_GETTER(name, expr)                                                                      \
    static wf_value mv_get_##name(wf_thread *t, wf_value self)                                     \
    {                                                                                              \
        wf_memoryview_object *mv = mv_of(self);                                                    \
        if (!mv_alive(t, mv))                                                                      \
            return WF_NULL;                                                                        \
        return (expr);                                                                             \
    }

static bool mv_contiguous(wf_memoryview_object *mv)
{
    return mv->step == 1 || mv->len <= 1;
}

MV_GETTER(obj, wf_newref(t, mv->obj))
MV_GETTER(nbytes, wf_int_from_int64(t, mv->len))
MV_GETTER(readonly, wf_bool(mv->readonly))
MV_GETTER(itemsize, wf_smallint_box(1))
MV_GETTER(format, wf_str_from_cstr(t, "B"))
MV_GETTER(ndim, wf_smallint_box(1))
MV_GETTER(shape, wf_tuple_pack(t, 1, wf_smallint_box(mv->len)))
MV_GETTER(strides, wf_tuple_pack(t, 1, wf_smallint_box(mv->step)))
MV_GETTER(suboffsets, wf_tuple_new(t, 0))
MV_GETTER(contiguous, wf_bool(mv_contiguous(mv)))

static const wf_getset_def mv_getset[] = {
    {"obj", mv_get_obj, wf_getset_readonly},
    {"nbytes", mv_get_nbytes, wf_getset_readonly},
    {"readonly", mv_get_readonly, wf_getset_readonly},
    {"itemsize", mv_get_itemsize, wf_getset_readonly},
    {"format", mv_get_format, wf_getset_readonly},
    {"ndim", mv_get_ndim, wf_getset_readonly},
    {"shape", mv_get_shape, wf_getset_readonly},
    {"strides", mv_get_strides, wf_getset_readonly},
    {"suboffsets", mv_get_suboffsets, wf_getset_readonly},
    {"c_contiguous", mv_get_contiguous, wf_getset_readonly},
    {"f_contiguous", mv_get_contiguous, wf_getset_readonly},
    {"contiguous", mv_get_contiguous, wf_getset_readonly},
    {NULL, NULL, NULL},
};

static const wf_method_def mv_methods[] = {
    {"tobytes", mv_m_tobytes, 0}, {"tolist", mv_m_tolist, 0},
    {"hex", mv_m_hex, 0},         {"toreadonly", mv_m_toreadonly, 0},
    {"release", mv_m_release, 0}, {"__enter__", mv_m_enter, 0},
    {"__exit__", mv_m_exit, 0},   {NULL, NULL, 0},
};

static const wf_mapping_methods mv_as_mapping = {
    .length = mv_len,
    .getitem = mv_getitem,
    .setitem = mv_setitem,
};

wf_type wf_memoryview_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "memoryview",
    .tp_basicsize = sizeof(wf_memoryview_object),
    .tp_dealloc = mv_dealloc,
    .tp_repr = mv_repr,
    .tp_hash = mv_hash,
    .tp_richcompare = mv_richcompare,
    .tp_iter = mv_iter,
    .tp_new = mv_tp_new,
    .tp_as_mapping = &mv_as_mapping,
    .tp_methods = mv_methods,
    .tp_getset = mv_getset,
    .tp_doc = "Create a new memoryview object which references the given object.",
};
