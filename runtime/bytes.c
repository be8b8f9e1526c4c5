/* bytes and bytearray (runtime/bytes.h): storage, the sequence protocol, construction
 * and bytearray's mutation. The methods both types share are in runtime/bytes_methods.c;
 * the text codecs behind bytes.decode and bytes(s, encoding) in runtime/text_codecs.c.
 *
 * bytearray's locking rule: size, cap and data change only inside a critical section on
 * the object; a replaced buffer is freed through QSBR (wf_qsbr_free) so a reader that
 * loaded the old pointer still reads valid memory. Read-only operations work on a
 * snapshot copied inside a critical section (wf_bytes_view_get). */
#define _GNU_SOURCE 1 /* memmem */
#include "bytes.h"

#include <stdio.h>
#include <string.h>

#include "abstract.h"
#include "alloc.h"
#include "callable.h"
#include "critical_section.h"
#include "error.h"
#include "exceptions.h"
#include "int.h"
#include "list.h"
#include "memoryview.h"
#include "qsbr.h"
#include "singletons.h"
#include "slice.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "unicode_names.h"
#include "utf8.h"

/* ---- bytes: allocation -------------------------------------------------------------- */

bool wf_bytes_check(wf_value v)
{
    return wf_is_object(v) && wf_isinstance_type(v, &wf_bytes_type);
}

bool wf_bytearray_check(wf_value v)
{
    return wf_is_object(v) && wf_isinstance_type(v, &wf_bytearray_type);
}

static wf_bytes_object *bytes_alloc_type(wf_thread *t, wf_type *type, size_t n)
{
    size_t base =
        type->tp_basicsize > sizeof(wf_bytes_object) ? type->tp_basicsize : sizeof(wf_bytes_object);
    if (n > SIZE_MAX / 2) {
        wf_err_no_memory(t);
        return NULL;
    }
    wf_bytes_object *b = (wf_bytes_object *)wf_object_alloc(t, type, base + n + 1);
    if (!b) {
        wf_err_no_memory(t);
        return NULL;
    }
    b->size = n;
    atomic_store_explicit(&b->hash, -1, memory_order_relaxed);
    b->data[n] = '\0';
    return b;
}

wf_bytes_object *wf_bytes_alloc(wf_thread *t, size_t n)
{
    return bytes_alloc_type(t, &wf_bytes_type, n);
}

wf_value wf_bytes_from_data(wf_thread *t, const char *data, size_t n)
{
    wf_bytes_object *b = wf_bytes_alloc(t, n);
    if (!b)
        return WF_NULL;
    if (data)
        memcpy(b->data, data, n);
    else
        memset(b->data, 0, n);
    return wf_from_object(&b->ob);
}

static void bytes_dealloc(wf_thread *t, wf_object *o)
{
    wf_object_free(t, o);
}

/* ---- bytearray: buffer management (critical section held by the caller) ------------- */

/* The buffer is allocated with room for a NUL after the bytes. */
static bool ba_reserve(wf_thread *t, wf_bytearray_object *ba, size_t need)
{
    if (need < ba->cap)
        return true;
    if (need > SIZE_MAX / 4) {
        wf_err_no_memory(t);
        return false;
    }
    size_t cap = ba->cap * 2 > need + 1 ? ba->cap * 2 : need + 1;
    char *p = wf_mem_alloc(t, cap);
    if (!p) {
        wf_err_no_memory(t);
        return false;
    }
    char *old = atomic_load_explicit(&ba->data, memory_order_relaxed);
    size_t size = atomic_load_explicit(&ba->size, memory_order_relaxed);
    if (old)
        memcpy(p, old, size);
    p[size] = '\0';
    /* release: a reader that sees the new pointer sees its contents */
    atomic_store_explicit(&ba->data, p, memory_order_release);
    ba->cap = cap;
    if (old) /* a lock-free reader may still hold the old pointer */
        wf_qsbr_free(t, old);
    return true;
}

static void ba_set_size(wf_bytearray_object *ba, size_t n)
{
    char *d = atomic_load_explicit(&ba->data, memory_order_relaxed);
    if (d)
        d[n] = '\0';
    /* release: pairs with the acquire in wf_bytearray_size */
    atomic_store_explicit(&ba->size, n, memory_order_release);
}

static wf_bytearray_object *ba_new_type(wf_thread *t, wf_type *type, const char *data, size_t n)
{
    size_t base = type->tp_basicsize > sizeof(wf_bytearray_object) ? type->tp_basicsize
                                                                   : sizeof(wf_bytearray_object);
    wf_bytearray_object *ba = (wf_bytearray_object *)wf_object_alloc(t, type, base);
    if (!ba) {
        wf_err_no_memory(t);
        return NULL;
    }
    atomic_store_explicit(&ba->size, 0, memory_order_relaxed);
    atomic_store_explicit(&ba->data, NULL, memory_order_relaxed);
    ba->cap = 0;
    ba->exports = 0;
    if (!ba_reserve(t, ba, n)) {
        wf_object_free(t, &ba->ob);
        return NULL;
    }
    if (n)
        memcpy(atomic_load_explicit(&ba->data, memory_order_relaxed), data, n);
    ba_set_size(ba, n);
    return ba;
}

wf_value wf_bytearray_from_data(wf_thread *t, const char *data, size_t n)
{
    wf_bytearray_object *ba = ba_new_type(t, &wf_bytearray_type, data, n);
    return ba ? wf_from_object(&ba->ob) : WF_NULL;
}

wf_value wf_bytearray_to_bytes(wf_thread *t, wf_value v)
{
    wf_value r;
    WF_BEGIN_CRITICAL_SECTION(t, wf_to_object(v));
    r = wf_bytes_from_data(t, wf_bytearray_data(v), wf_bytearray_size(v));
    WF_END_CRITICAL_SECTION(t);
    return r;
}

static void bytearray_dealloc(wf_thread *t, wf_object *o)
{
    wf_bytearray_object *ba = (wf_bytearray_object *)o;
    char *d = atomic_load_explicit(&ba->data, memory_order_relaxed);
    if (d && (atomic_load_explicit(&o->ob_gc_bits, memory_order_relaxed) & WF_GC_SHARED))
        wf_qsbr_free(t, d);
    else if (d)
        wf_mem_free(d);
    wf_object_free(t, o);
}

/* ---- Views of bytes-like values -------------------------------------------------------- */

bool wf_bytes_view_get(wf_thread *t, wf_value v, wf_bytes_view *out)
{
    out->keep = WF_NULL;
    if (wf_bytes_check(v)) {
        out->p = wf_bytes_data(v);
        out->n = wf_bytes_size(v);
        return true;
    }
    if (wf_bytearray_check(v)) {
        out->keep = wf_bytearray_to_bytes(t, v);
        if (!out->keep)
            return false;
        out->p = wf_bytes_data(out->keep);
        out->n = wf_bytes_size(out->keep);
        return true;
    }
    if (wf_memoryview_check(v))
        return wf_memoryview_view(t, v, out);
    return false;
}

bool wf_bytes_view_arg(wf_thread *t, wf_value v, wf_bytes_view *out)
{
    if (wf_bytes_view_get(t, v, out))
        return true;
    if (!wf_err_occurred(t))
        wf_err_set(t, &wf_exc_TypeError, "a bytes-like object is required, not '%s'",
                   wf_type_name(wf_type_of(v)));
    return false;
}

void wf_bytes_view_release(wf_thread *t, wf_bytes_view *v)
{
    if (v->keep)
        wf_value_decref(t, v->keep);
    v->keep = WF_NULL;
}

/* A new bytes or bytearray (like self) holding data[0..n). */
static wf_value same_kind(wf_thread *t, wf_value self, const char *data, size_t n)
{
    return wf_bytearray_check(self) ? wf_bytearray_from_data(t, data, n)
                                    : wf_bytes_from_data(t, data, n);
}

/* ---- repr ----------------------------------------------------------------------------- */

/* b'...' (or bytearray(b'...')) with CPython's quote choice and escapes. */
static wf_value bytes_repr_data(wf_thread *t, const char *d, size_t n, const char *wrap)
{
    bool sq = memchr(d, '\'', n) != NULL, dq = memchr(d, '"', n) != NULL;
    char quote = sq && !dq ? '"' : '\'';
    wf_strbuf b;
    wf_strbuf_init(&b);
    bool ok = wf_strbuf_append(t, &b, wrap, strlen(wrap)) && wf_strbuf_append(t, &b, "b", 1) &&
              wf_strbuf_append(t, &b, &quote, 1);
    for (size_t i = 0; i < n && ok; i++) {
        unsigned char c = (unsigned char)d[i];
        char esc[5];
        if (c == (unsigned char)quote || c == '\\')
            ok = wf_strbuf_append(t, &b, (char[]){'\\', (char)c}, 2);
        else if (c == '\t' || c == '\n' || c == '\r')
            ok = wf_strbuf_append(t, &b, c == '\t' ? "\\t" : c == '\n' ? "\\n" : "\\r", 2);
        else if (c < 0x20 || c >= 0x7F) {
            snprintf(esc, sizeof esc, "\\x%02x", c);
            ok = wf_strbuf_append(t, &b, esc, 4);
        } else
            ok = wf_strbuf_append(t, &b, (const char *)&c, 1);
    }
    ok = ok && wf_strbuf_append(t, &b, &quote, 1) &&
         wf_strbuf_append(t, &b, *wrap ? ")" : "", *wrap ? 1 : 0);
    if (!ok) {
        wf_strbuf_free(&b);
        return WF_NULL;
    }
    return wf_strbuf_finish(t, &b);
}

static wf_value bytes_repr(wf_thread *t, wf_value self)
{
    return bytes_repr_data(t, wf_bytes_data(self), wf_bytes_size(self), "");
}

static wf_value bytearray_repr(wf_thread *t, wf_value self)
{
    wf_value snap = wf_bytearray_to_bytes(t, self);
    if (!snap)
        return WF_NULL;
    char wrap[64];
    snprintf(wrap, sizeof wrap, "%s(", wf_type_name(wf_type_of(self)));
    wf_value r = bytes_repr_data(t, wf_bytes_data(snap), wf_bytes_size(snap), wrap);
    wf_value_decref(t, snap);
    return r;
}

/* ---- Hash, comparison ------------------------------------------------------------------- */

static int64_t bytes_hash(wf_thread *t, wf_value self)
{
    (void)t;
    wf_bytes_object *b = (wf_bytes_object *)wf_to_object(self);
    /* relaxed: every thread computes the same value */
    int64_t h = atomic_load_explicit(&b->hash, memory_order_relaxed);
    if (h == -1) {
        h = wf_str_hash_bytes(b->data, b->size);
        atomic_store_explicit(&b->hash, h, memory_order_relaxed);
    }
    return h;
}

static wf_value bytes_richcompare(wf_thread *t, wf_value a, wf_value b, int op)
{
    /* as CPython: bytes compares only with bytes-likes it knows (bytearray's compares
     * with any buffer); memoryview's own == answers the reflected call */
    if (wf_bytes_check(a) && wf_memoryview_check(b))
        return WF_NOTIMPLEMENTED;
    wf_bytes_view x, y;
    if (!wf_bytes_view_get(t, a, &x))
        return wf_err_occurred(t) ? WF_NULL : WF_NOTIMPLEMENTED;
    if (!wf_bytes_view_get(t, b, &y)) {
        wf_bytes_view_release(t, &x);
        return wf_err_occurred(t) ? WF_NULL : WF_NOTIMPLEMENTED;
    }
    int c = memcmp(x.p, y.p, x.n < y.n ? x.n : y.n);
    c = c != 0 ? (c > 0) - (c < 0) : (x.n > y.n) - (x.n < y.n);
    wf_bytes_view_release(t, &x);
    wf_bytes_view_release(t, &y);
    return wf_bool(wf_cmp_result(c, op));
}

/* ---- Sequence operations ------------------------------------------------------------------ */

static int64_t bytes_len(wf_thread *t, wf_value self)
{
    (void)t;
    return wf_bytearray_check(self) ? (int64_t)wf_bytearray_size(self)
                                    : (int64_t)wf_bytes_size(self);
}

bool wf_byte_value(wf_thread *t, wf_value v, char *out)
{
    if (!wf_is_index(v)) {
        wf_err_set(t, &wf_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   wf_type_name(wf_type_of(v)));
        return false;
    }
    int64_t c = wf_as_ssize(t, v);
    if (c == -1 && wf_err_occurred(t)) {
        if (!wf_err_matches(t, &wf_exc_OverflowError))
            return false;
        wf_err_clear(t);
    } else if (c >= 0 && c <= 255) {
        *out = (char)c;
        return true;
    }
    wf_err_set(t, &wf_exc_ValueError, "byte must be in range(0, 256)");
    return false;
}

/* `x in b`: an int in range(256), or a bytes-like subsequence. */
static int bytes_contains(wf_thread *t, wf_value self, wf_value item)
{
    wf_bytes_view s, sub;
    if (!wf_bytes_view_get(t, self, &s))
        return -1;
    int r;
    char c;
    if (wf_is_index(item))
        r = wf_byte_value(t, item, &c) ? memchr(s.p, (unsigned char)c, s.n) != NULL : -1;
    else if (wf_bytes_view_arg(t, item, &sub)) {
        r = wf_bytes_find(s.p, s.n, sub.p, sub.n) >= 0;
        wf_bytes_view_release(t, &sub);
    } else
        r = -1;
    wf_bytes_view_release(t, &s);
    return r;
}

/* A subscript converted before any lock is taken (conversion may run __index__). */
typedef struct subscript {
    bool slice;
    int64_t start, stop, step; /* a slice, unpacked but not adjusted */
    wf_value index;            /* an int, or 0 for a slice */
} subscript;

static bool subscript_of(wf_thread *t, wf_value self, wf_value key, subscript *out)
{
    out->slice = wf_slice_check(key);
    out->index = WF_NULL;
    if (out->slice)
        return wf_slice_unpack(t, key, &out->start, &out->stop, &out->step) == 0;
    if (!wf_is_index(key)) {
        wf_seq_index_type_error(t, wf_bytearray_check(self) ? "bytearray" : "byte", key);
        return false;
    }
    out->index = wf_int_check(key) ? wf_newref(t, key) : wf_index(t, key);
    return out->index != WF_NULL;
}

/* self[sub] over the contents d[0..n) (a bytearray's, with its lock held). */
static wf_value getitem_data(wf_thread *t, wf_value self, const char *d, size_t n,
                             const subscript *sub)
{
    bool ba = wf_bytearray_check(self);
    if (sub->slice) {
        int64_t start = sub->start, stop = sub->stop, step = sub->step;
        int64_t len = wf_slice_adjust((int64_t)n, &start, &stop, step);
        if (step == 1) {
            wf_text whole = {d, n, self, true};
            return wf_text_new(t, &whole, d + start, (size_t)len);
        }
        char *buf = wf_mem_alloc(t, (size_t)len + 1);
        if (!buf)
            return wf_err_no_memory(t);
        for (int64_t i = 0; i < len; i++)
            buf[i] = d[start + i * step];
        wf_value r = same_kind(t, self, buf, (size_t)len);
        wf_mem_free(buf);
        return r;
    }
    int64_t i;
    if (wf_seq_index(t, sub->index, (int64_t)n, ba ? "bytearray" : "", &i))
        return wf_smallint_box((unsigned char)d[i]);
    if (wf_err_matches(t, &wf_exc_IndexError) && !ba) {
        wf_err_clear(t);
        wf_err_set(t, &wf_exc_IndexError, "index out of range");
    }
    return WF_NULL;
}

/* An item or a slice; a bytearray's is read in a critical section (no snapshot). */
static wf_value bytes_getitem(wf_thread *t, wf_value self, wf_value key)
{
    subscript sub;
    if (!subscript_of(t, self, key, &sub))
        return WF_NULL;
    wf_value r;
    if (!wf_bytearray_check(self)) {
        r = getitem_data(t, self, wf_bytes_data(self), wf_bytes_size(self), &sub);
    } else {
        WF_BEGIN_CRITICAL_SECTION(t, wf_to_object(self));
        r = getitem_data(t, self, wf_bytearray_data(self), wf_bytearray_size(self), &sub);
        WF_END_CRITICAL_SECTION(t);
    }
    if (sub.index)
        wf_value_decref(t, sub.index);
    return r;
}

/* b + other (any bytes-like); the result has self's kind. */
static wf_value bytes_add(wf_thread *t, wf_value a, wf_value b)
{
    if (!wf_bytes_check(a) && !wf_bytearray_check(a))
        return WF_NOTIMPLEMENTED;
    wf_bytes_view x, y;
    if (!wf_bytes_view_get(t, a, &x))
        return WF_NULL;
    if (!wf_bytes_view_get(t, b, &y)) {
        wf_bytes_view_release(t, &x);
        if (wf_err_occurred(t))
            return WF_NULL;
        if (wf_type_of(b)->tp_flags & WF_TPFLAG_HEAPTYPE)
            return WF_NOTIMPLEMENTED;
        return wf_err_set(t, &wf_exc_TypeError, "can't concat %s to %s",
                          wf_type_name(wf_type_of(b)), wf_type_name(wf_type_of(a)));
    }
    char *buf = wf_mem_alloc(t, x.n + y.n + 1);
    wf_value r = WF_NULL;
    if (buf) {
        memcpy(buf, x.p, x.n);
        memcpy(buf + x.n, y.p, y.n);
        r = same_kind(t, a, buf, x.n + y.n);
        wf_mem_free(buf);
    } else {
        wf_err_no_memory(t);
    }
    wf_bytes_view_release(t, &x);
    wf_bytes_view_release(t, &y);
    return r;
}

/* The repeat count of b * count: false with TypeError for a non-int (or NotImplemented
 * for a heap type, in *r). */
static bool repeat_count(wf_thread *t, wf_value count, int64_t *k, wf_value *r)
{
    *r = WF_NULL;
    if (!wf_is_index(count)) {
        if (wf_type_of(count)->tp_flags & WF_TPFLAG_HEAPTYPE)
            *r = WF_NOTIMPLEMENTED;
        else
            wf_err_set(t, &wf_exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                       wf_type_name(wf_type_of(count)));
        return false;
    }
    return wf_seq_repeat_count(t, count, k);
}

/* data[0..n) repeated k times into a new buffer (NUL after), or NULL with MemoryError. */
static char *repeat_data(wf_thread *t, const char *d, size_t n, int64_t k, size_t *total)
{
    if (n && (uint64_t)k > (SIZE_MAX / 4) / n) {
        wf_err_no_memory(t);
        return NULL;
    }
    *total = n * (size_t)k;
    char *buf = wf_mem_alloc(t, *total + 1);
    if (!buf) {
        wf_err_no_memory(t);
        return NULL;
    }
    for (int64_t i = 0; i < k; i++)
        memcpy(buf + (size_t)i * n, d, n);
    return buf;
}

static wf_value bytes_mul(wf_thread *t, wf_value a, wf_value b)
{
    wf_value s = a, count = b, r;
    if (!wf_bytes_check(s) && !wf_bytearray_check(s)) {
        s = b;
        count = a;
    }
    int64_t k;
    if (!repeat_count(t, count, &k, &r))
        return r;
    wf_bytes_view v;
    if (!wf_bytes_view_get(t, s, &v))
        return WF_NULL;
    size_t total;
    char *buf = repeat_data(t, v.p, v.n, k, &total);
    r = buf ? same_kind(t, s, buf, total) : WF_NULL;
    wf_mem_free(buf);
    wf_bytes_view_release(t, &v);
    return r;
}

/* b % args (and bytearray % args): printf-style formatting (runtime/format.c). */
static wf_value bytes_mod(wf_thread *t, wf_value a, wf_value b)
{
    if (!wf_bytes_check(a) && !wf_bytearray_check(a))
        return WF_NOTIMPLEMENTED;
    return wf_bytes_percent_format(t, a, b);
}

/* ---- Iteration ---------------------------------------------------------------------------- */

typedef struct bytes_iter {
    wf_object ob;
    wf_value seq;
    _Atomic size_t index;
} bytes_iter;

static void bytes_iter_dealloc(wf_thread *t, wf_object *o)
{
    wf_value_decref(t, ((bytes_iter *)o)->seq);
    wf_object_free(t, o);
}

static wf_value bytes_iter_next(wf_thread *t, wf_value self)
{
    bytes_iter *it = (bytes_iter *)wf_to_object(self);
    size_t i = atomic_load_explicit(&it->index, memory_order_relaxed);
    int c = -1;
    if (wf_bytearray_check(it->seq)) {
        WF_BEGIN_CRITICAL_SECTION(t, wf_to_object(it->seq));
        if (i < wf_bytearray_size(it->seq))
            c = (unsigned char)wf_bytearray_data(it->seq)[i];
        WF_END_CRITICAL_SECTION(t);
    } else if (i < wf_bytes_size(it->seq)) {
        c = (unsigned char)wf_bytes_data(it->seq)[i];
    }
    if (c < 0)
        return WF_NULL;
    atomic_store_explicit(&it->index, i + 1, memory_order_relaxed);
    return wf_smallint_box(c);
}

static wf_value iter_self(wf_thread *t, wf_value self)
{
    return wf_newref(t, self);
}

wf_type wf_bytes_iterator_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "bytes_iterator",
    .tp_basicsize = sizeof(bytes_iter),
    .tp_dealloc = bytes_iter_dealloc,
    .tp_iter = iter_self,
    .tp_iternext = bytes_iter_next,
};

static wf_value bytes_iter_new(wf_thread *t, wf_value self)
{
    bytes_iter *it = (bytes_iter *)wf_object_alloc(t, &wf_bytes_iterator_type, sizeof *it);
    if (!it)
        return wf_err_no_memory(t);
    it->seq = wf_newref(t, self);
    atomic_store_explicit(&it->index, 0, memory_order_relaxed);
    return wf_from_object(&it->ob);
}

/* ---- Decoding arguments (the codecs are in runtime/text_codecs.c) ------------------------ */

/* "str() argument 'encoding' must be str, not int" and the like. */
static bool codec_arg(wf_thread *t, const char *fname, const char *what, wf_value v,
                      const char **out)
{
    if (!v)
        return true;
    if (!wf_str_check(v)) {
        wf_err_set(t, &wf_exc_TypeError, "%s() argument '%s' must be str, not %s", fname, what,
                   wf_type_name(wf_type_of(v)));
        return false;
    }
    *out = wf_str_utf8(v);
    return true;
}

wf_value wf_str_decode_object(wf_thread *t, const char *fname, wf_value obj, wf_value encoding,
                              wf_value errors)
{
    const char *enc = "utf-8", *err = "strict";
    if (!codec_arg(t, fname, "encoding", encoding, &enc) ||
        !codec_arg(t, fname, "errors", errors, &err))
        return WF_NULL;
    if (!obj)
        return wf_str_empty(t);
    wf_bytes_view v;
    if (!wf_bytes_view_get(t, obj, &v)) {
        if (wf_err_occurred(t))
            return WF_NULL;
        if (wf_str_check(obj))
            return wf_err_set(t, &wf_exc_TypeError, "decoding str is not supported");
        return wf_err_set(t, &wf_exc_TypeError,
                          "decoding to str: need a bytes-like object, %s found",
                          wf_type_name(wf_type_of(obj)));
    }
    /* as CPython's PyUnicode_FromEncodedObject, no codec sees empty input: it is '' even
     * for a name that is no codec */
    wf_value r = v.n == 0 ? wf_str_empty(t) : wf_bytes_decode(t, v.p, v.n, enc, err);
    wf_bytes_view_release(t, &v);
    return r;
}

/* ---- Construction: bytes(), bytes(n), bytes(iterable), bytes(str, encoding) ------------ */

/* v.__bytes__() when v's type defines it; 0 without an exception when it does not. */
static wf_value call_dunder_bytes(wf_thread *t, wf_value v)
{
    static wf_value name;
    if (!name && !(name = wf_str_intern_cstr(t, "__bytes__")))
        return WF_NULL;
    wf_type *tp = wf_type_of(v);
    wf_value f = wf_type_lookup_ref(t, tp, name);
    if (!f)
        return WF_NULL;
    wf_descr_get_fn get = wf_type_of(f)->tp_descr_get;
    wf_value bound = get ? get(t, f, v, wf_type_value(tp)) : wf_newref(t, f);
    wf_value_decref(t, f);
    wf_value r = bound ? wf_call(t, bound, NULL, 0, 0) : WF_NULL;
    if (bound)
        wf_value_decref(t, bound);
    if (r && !wf_bytes_check(r)) {
        wf_err_set(t, &wf_exc_TypeError, "__bytes__ returned non-bytes (type %s)",
                   wf_type_name(wf_type_of(r)));
        wf_value_decref(t, r);
        return WF_NULL;
    }
    if (!r && !wf_err_occurred(t))
        wf_err_set(t, &wf_exc_SystemError, "__bytes__ failed");
    return r;
}

wf_value wf_bytes_of_object(wf_thread *t, wf_value v)
{
    wf_bytes_view view;
    if (wf_bytes_view_get(t, v, &view))
        return view.keep ? view.keep : wf_bytes_from_data(t, view.p, view.n);
    if (wf_err_occurred(t))
        return WF_NULL;
    return call_dunder_bytes(t, v);
}

/* The items of iterable, ints in range(256), as a new bytes; the ValueError says
 * "<what> must be in range(0, 256)". When iterable is not iterable: 0 with no exception
 * and *not_iterable set, for the caller's message. */
static wf_value bytes_of_iterable(wf_thread *t, wf_value iterable, const char *what,
                                  bool *not_iterable)
{
    *not_iterable = false;
    wf_value it = wf_iter(t, iterable);
    if (!it) {
        if (wf_err_matches(t, &wf_exc_TypeError)) {
            wf_err_clear(t);
            *not_iterable = true;
        }
        return WF_NULL;
    }
    wf_strbuf b;
    wf_strbuf_init(&b);
    wf_value item;
    bool ok = true;
    while (ok && (item = wf_iter_next(t, it))) {
        char c = 0;
        ok = wf_byte_value(t, item, &c);
        if (!ok && wf_err_matches(t, &wf_exc_ValueError)) {
            wf_err_clear(t);
            wf_err_set(t, &wf_exc_ValueError, "%s must be in range(0, 256)", what);
        }
        ok = ok && wf_strbuf_append(t, &b, &c, 1);
        wf_value_decref(t, item);
    }
    wf_value_decref(t, it);
    wf_value r = ok && !wf_err_occurred(t) ? wf_bytes_from_data(t, b.p, b.len) : WF_NULL;
    wf_strbuf_free(&b);
    return r;
}

/* The contents of bytes(...) (is_bytes) or bytearray(...) as a new bytes, with CPython's
 * order of checks and messages. */
static wf_value contents_of(wf_thread *t, const wf_value *args, size_t nargs, wf_value kwnames,
                            bool is_bytes)
{
    static const char *const names[] = {"source", "encoding", "errors"};
    const char *fname = is_bytes ? "bytes" : "bytearray";
    wf_value a[3];
    if (!wf_parse_args(t, fname, args, nargs, kwnames, names, 3, 0, a))
        return WF_NULL;
    const char *enc = NULL, *err = NULL;
    if (!codec_arg(t, fname, "encoding", a[1], &enc) || !codec_arg(t, fname, "errors", a[2], &err))
        return WF_NULL;
    wf_value x = a[0];
    if (!x) {
        if (enc || err)
            return wf_err_set(t, &wf_exc_TypeError,
                              enc ? "encoding without a string argument"
                                  : "errors without a string argument");
        return wf_bytes_from_data(t, "", 0);
    }
    if (enc) {
        if (!wf_str_check(x))
            return wf_err_set(t, &wf_exc_TypeError, "encoding without a string argument");
        return wf_str_encode(t, x, enc, err ? err : "strict");
    }
    if (err)
        return wf_err_set(t, &wf_exc_TypeError,
                          wf_str_check(x) ? "string argument without an encoding"
                                          : "errors without a string argument");
    wf_bytes_view view;
    if (wf_bytes_view_get(t, x, &view))
        return view.keep ? view.keep : wf_bytes_from_data(t, view.p, view.n);
    if (wf_err_occurred(t))
        return WF_NULL;
    if (is_bytes) {
        wf_value r = call_dunder_bytes(t, x);
        if (r || wf_err_occurred(t))
            return r;
    }
    if (wf_str_check(x))
        return wf_err_set(t, &wf_exc_TypeError, "string argument without an encoding");
    if (wf_is_index(x)) {
        int64_t count = wf_as_ssize_overflow(t, x);
        if (count == -1 && wf_err_occurred(t))
            return WF_NULL;
        if (count < 0)
            return wf_err_set(t, &wf_exc_ValueError, "negative count");
        return wf_bytes_from_data(t, NULL, (size_t)count);
    }
    bool not_iterable;
    wf_value r = bytes_of_iterable(t, x, is_bytes ? "bytes" : "byte", &not_iterable);
    if (not_iterable)
        wf_err_set(t, &wf_exc_TypeError, "cannot convert '%s' object to %s",
                   wf_type_name(wf_type_of(x)), fname);
    return r;
}

static wf_value bytes_tp_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    wf_value c = contents_of(t, args, nargs, kwnames, true);
    if (!c || type == &wf_bytes_type)
        return c;
    wf_bytes_object *b = bytes_alloc_type(t, type, wf_bytes_size(c));
    if (b)
        memcpy(b->data, wf_bytes_data(c), wf_bytes_size(c));
    wf_value_decref(t, c);
    return b ? wf_from_object(&b->ob) : WF_NULL;
}

static wf_value bytearray_tp_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                                 wf_value kwnames)
{
    wf_value c = contents_of(t, args, nargs, kwnames, false);
    if (!c)
        return WF_NULL;
    wf_bytearray_object *ba = ba_new_type(t, type, wf_bytes_data(c), wf_bytes_size(c));
    wf_value_decref(t, c);
    return ba ? wf_from_object(&ba->ob) : WF_NULL;
}

/* ---- bytearray mutation (each in a critical section on self) ------------------------------ */

static wf_bytearray_object *ba_of(wf_value v)
{
    return (wf_bytearray_object *)wf_to_object(v);
}

/* Whether ba may change its size from size to new_size: not while a memoryview
 * exports its buffer (BufferError, as CPython's _canresize). Lock held. */
static bool ba_can_resize(wf_thread *t, wf_bytearray_object *ba, size_t size, size_t new_size)
{
    if (new_size == size || ba->exports == 0)
        return true;
    wf_err_set(t, &wf_exc_BufferError, "Existing exports of data: object cannot be re-sized");
    return false;
}

/* Replace bytes [start, stop) of ba with data[0..n) (which must not point into ba's
 * buffer). Lock held. */
static bool ba_splice(wf_thread *t, wf_bytearray_object *ba, size_t start, size_t stop,
                      const char *data, size_t n)
{
    size_t size = atomic_load_explicit(&ba->size, memory_order_relaxed);
    size_t new_size = size - (stop - start) + n;
    if (!ba_can_resize(t, ba, size, new_size))
        return false;
    if (!ba_reserve(t, ba, new_size))
        return false;
    char *d = atomic_load_explicit(&ba->data, memory_order_relaxed);
    memmove(d + start + n, d + stop, size - stop);
    if (n)
        memcpy(d + start, data, n);
    ba_set_size(ba, new_size);
    return true;
}

/* Insert data[0..n) at index i of self (clamped as list.insert clamps; SIZE_MAX: at the
 * end), in one critical section. */
static bool ba_insert(wf_thread *t, wf_value self, int64_t i, const char *data, size_t n)
{
    bool ok;
    wf_bytearray_object *ba = ba_of(self);
    WF_BEGIN_CRITICAL_SECTION(t, &ba->ob);
    int64_t size = (int64_t)atomic_load_explicit(&ba->size, memory_order_relaxed);
    if (i < 0 && (i += size) < 0)
        i = 0;
    if (i > size)
        i = size;
    ok = ba_splice(t, ba, (size_t)i, (size_t)i, data, n);
    WF_END_CRITICAL_SECTION(t);
    return ok;
}

wf_value wf_bytearray_append(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    char c;
    if (!wf_text_one_arg(t, "bytearray.append", nargs, kwnames) || !wf_byte_value(t, args[0], &c))
        return WF_NULL;
    return ba_insert(t, self, INT64_MAX, &c, 1) ? WF_NONE : WF_NULL;
}

wf_value wf_bytearray_insert(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    if (!wf_text_clinic_args(t, "bytearray.insert", "insert", nargs, kwnames, 2, 2))
        return WF_NULL;
    int64_t i = wf_ssize_arg(t, args[0]);
    char c;
    if ((i == -1 && wf_err_occurred(t)) || !wf_byte_value(t, args[1], &c))
        return WF_NULL;
    return ba_insert(t, self, i, &c, 1) ? WF_NONE : WF_NULL;
}

wf_value wf_bytearray_extend(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    if (!wf_text_one_arg(t, "bytearray.extend", nargs, kwnames))
        return WF_NULL;
    wf_value c = WF_NULL;
    wf_bytes_view view;
    if (wf_bytes_view_get(t, args[0], &view)) {
        c = view.keep ? view.keep : wf_bytes_from_data(t, view.p, view.n);
    } else if (!wf_err_occurred(t)) {
        bool not_iterable;
        c = bytes_of_iterable(t, args[0], "byte", &not_iterable);
        if (not_iterable)
            wf_err_set(t, &wf_exc_TypeError, "can't extend bytearray with %s",
                       wf_type_name(wf_type_of(args[0])));
    }
    if (!c)
        return WF_NULL;
    bool ok = ba_insert(t, self, INT64_MAX, wf_bytes_data(c), wf_bytes_size(c));
    wf_value_decref(t, c);
    return ok ? WF_NONE : WF_NULL;
}

static wf_value bytearray_iadd(wf_thread *t, wf_value self, wf_value other)
{
    wf_bytes_view view;
    if (!wf_bytes_view_get(t, other, &view)) {
        if (wf_err_occurred(t))
            return WF_NULL;
        return wf_err_set(t, &wf_exc_TypeError, "can't concat %s to %s",
                          wf_type_name(wf_type_of(other)), wf_type_name(wf_type_of(self)));
    }
    bool ok = ba_insert(t, self, INT64_MAX, view.p, view.n);
    wf_bytes_view_release(t, &view);
    return ok ? wf_newref(t, self) : WF_NULL;
}

/* self *= count: the contents repeated in place. */
static wf_value bytearray_imul(wf_thread *t, wf_value self, wf_value count)
{
    int64_t k;
    wf_value r;
    if (!repeat_count(t, count, &k, &r))
        return r;
    bool ok = true;
    wf_bytearray_object *ba = ba_of(self);
    WF_BEGIN_CRITICAL_SECTION(t, &ba->ob);
    size_t size = atomic_load_explicit(&ba->size, memory_order_relaxed);
    if (!ba_can_resize(t, ba, size, k <= 0 ? 0 : size * (size_t)k)) {
        ok = false;
    } else if (k <= 0 || size == 0) {
        ba_set_size(ba, 0);
    } else if ((uint64_t)k > (SIZE_MAX / 4) / size) {
        wf_err_no_memory(t);
        ok = false;
    } else if ((ok = ba_reserve(t, ba, size * (size_t)k))) {
        char *d = atomic_load_explicit(&ba->data, memory_order_relaxed);
        for (int64_t i = 1; i < k; i++)
            memcpy(d + (size_t)i * size, d, size);
        ba_set_size(ba, size * (size_t)k);
    }
    WF_END_CRITICAL_SECTION(t);
    return ok ? wf_newref(t, self) : WF_NULL;
}

wf_value wf_bytearray_pop(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    int64_t i = -1;
    if (!wf_text_clinic_args(t, "bytearray.pop", "pop", nargs, kwnames, 0, 1))
        return WF_NULL;
    if (nargs == 1 && (i = wf_ssize_arg(t, args[0])) == -1 && wf_err_occurred(t))
        return WF_NULL;
    wf_value r = WF_NULL;
    wf_bytearray_object *ba = ba_of(self);
    WF_BEGIN_CRITICAL_SECTION(t, &ba->ob);
    int64_t size = (int64_t)atomic_load_explicit(&ba->size, memory_order_relaxed);
    if (size == 0) {
        wf_err_set(t, &wf_exc_IndexError, "pop from empty bytearray");
    } else {
        if (i < 0)
            i += size;
        if (i < 0 || i >= size) {
            wf_err_set(t, &wf_exc_IndexError, "pop index out of range");
        } else {
            char *d = atomic_load_explicit(&ba->data, memory_order_relaxed);
            unsigned char c = (unsigned char)d[i];
            if (ba_splice(t, ba, (size_t)i, (size_t)i + 1, NULL, 0)) /* fails on exports */
                r = wf_smallint_box(c);
        }
    }
    WF_END_CRITICAL_SECTION(t);
    return r;
}

wf_value wf_bytearray_remove(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    char c;
    if (!wf_text_one_arg(t, "bytearray.remove", nargs, kwnames) || !wf_byte_value(t, args[0], &c))
        return WF_NULL;
    bool found, ok;
    wf_bytearray_object *ba = ba_of(self);
    WF_BEGIN_CRITICAL_SECTION(t, &ba->ob);
    char *d = atomic_load_explicit(&ba->data, memory_order_relaxed);
    size_t size = atomic_load_explicit(&ba->size, memory_order_relaxed);
    char *at = size ? memchr(d, (unsigned char)c, size) : NULL;
    found = at != NULL;
    ok = !found || ba_splice(t, ba, (size_t)(at - d), (size_t)(at - d) + 1, NULL, 0);
    WF_END_CRITICAL_SECTION(t);
    if (!ok)
        return WF_NULL;
    if (!found)
        return wf_err_set(t, &wf_exc_ValueError, "value not found in bytearray");
    return WF_NONE;
}

wf_value wf_bytearray_clear(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    (void)args;
    if (!wf_text_no_args(t, "bytearray.clear", nargs, kwnames))
        return WF_NULL;
    bool ok;
    wf_bytearray_object *ba = ba_of(self);
    WF_BEGIN_CRITICAL_SECTION(t, &ba->ob);
    ok = ba_can_resize(t, ba, atomic_load_explicit(&ba->size, memory_order_relaxed), 0);
    if (ok)
        ba_set_size(ba, 0);
    WF_END_CRITICAL_SECTION(t);
    return ok ? WF_NONE : WF_NULL;
}

wf_value wf_bytearray_copy(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    (void)args;
    if (!wf_text_no_args(t, "bytearray.copy", nargs, kwnames))
        return WF_NULL;
    wf_value r;
    WF_BEGIN_CRITICAL_SECTION(t, wf_to_object(self));
    r = wf_bytearray_from_data(t, wf_bytearray_data(self), wf_bytearray_size(self));
    WF_END_CRITICAL_SECTION(t);
    return r;
}

wf_value wf_bytearray_reverse(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    (void)args;
    if (!wf_text_no_args(t, "bytearray.reverse", nargs, kwnames))
        return WF_NULL;
    wf_bytearray_object *ba = ba_of(self);
    WF_BEGIN_CRITICAL_SECTION(t, &ba->ob);
    char *d = atomic_load_explicit(&ba->data, memory_order_relaxed);
    size_t size = atomic_load_explicit(&ba->size, memory_order_relaxed);
    for (size_t i = 0, j = size; i + 1 < j; i++, j--) {
        char c = d[i];
        d[i] = d[j - 1];
        d[j - 1] = c;
    }
    WF_END_CRITICAL_SECTION(t);
    return WF_NONE;
}

/* Does v count as a number for PyNumber_Check (int, float, complex, __index__...)? */
static bool is_number(wf_value v)
{
    const wf_number_methods *nb = wf_type_of(v)->tp_as_number;
    return wf_is_index(v) || (nb && (nb->index || nb->to_int || nb->to_float));
}

/* The bytes a slice assignment puts in: any bytes-like value or an iterable of ints,
 * not a number or a str. */
static wf_value slice_value(wf_thread *t, wf_value value)
{
    if (is_number(value) || wf_str_check(value))
        return wf_err_set(t, &wf_exc_TypeError,
                          "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    return contents_of(t, &value, 1, WF_NULL, false);
}

/* Delete the extended slice (start, step, n items) from the buffer d[0..size). */
static size_t delete_extended(char *d, size_t size, int64_t start, int64_t step, int64_t n)
{
    if (n <= 0)
        return size;
    if (step < 0) { /* the same items, walked upwards */
        start += (n - 1) * step;
        step = -step;
    }
    size_t w = (size_t)start;
    for (int64_t i = start, k = 0; i < (int64_t)size; i++) {
        if (k < n && i == start + k * step) {
            k++;
            continue;
        }
        d[w++] = d[i];
    }
    return w;
}

/* self[key] = value, or del self[key] (value 0), for an index or any slice. The key
 * and the value are converted before the lock is taken. */
static int bytearray_setitem(wf_thread *t, wf_value self, wf_value key, wf_value value)
{
    wf_bytearray_object *ba = ba_of(self);
    subscript sub;
    if (!subscript_of(t, self, key, &sub))
        return -1;
    wf_value c = WF_NULL;
    char byte = 0;
    if (value && (sub.slice ? !(c = slice_value(t, value)) : !wf_byte_value(t, value, &byte))) {
        if (sub.index)
            wf_value_decref(t, sub.index);
        return -1;
    }
    int r = 0;
    WF_BEGIN_CRITICAL_SECTION(t, &ba->ob);
    int64_t size = (int64_t)atomic_load_explicit(&ba->size, memory_order_relaxed);
    char *d = atomic_load_explicit(&ba->data, memory_order_relaxed);
    if (sub.slice) {
        int64_t start = sub.start, stop = sub.stop, step = sub.step;
        int64_t n = wf_slice_adjust(size, &start, &stop, step);
        if (step == 1) {
            if (!ba_splice(t, ba, (size_t)start, (size_t)(start + n), c ? wf_bytes_data(c) : NULL,
                           c ? wf_bytes_size(c) : 0))
                r = -1;
        } else if (!c || wf_bytes_size(c) == 0) { /* CPython: assigning b'' deletes */
            if (ba_can_resize(t, ba, (size_t)size, (size_t)(size - n)))
                ba_set_size(ba, delete_extended(d, (size_t)size, start, step, n));
            else
                r = -1;
        } else if ((int64_t)wf_bytes_size(c) != n) {
            wf_err_set(t, &wf_exc_ValueError,
                       "attempt to assign bytes of size %zu to extended slice of size %lld",
                       wf_bytes_size(c), (long long)n);
            r = -1;
        } else {
            for (int64_t i = 0; i < n; i++)
                d[start + i * step] = wf_bytes_data(c)[i];
        }
    } else {
        int64_t i;
        if (!wf_seq_index(t, sub.index, size, "bytearray", &i))
            r = -1;
        else if (value)
            d[i] = byte;
        else if (!ba_splice(t, ba, (size_t)i, (size_t)i + 1, NULL, 0)) /* exports */
            r = -1;
    }
    WF_END_CRITICAL_SECTION(t);
    if (c)
        wf_value_decref(t, c);
    if (sub.index)
        wf_value_decref(t, sub.index);
    return r;
}

/* ---- Type objects ---------------------------------------------------------------------- */

static const wf_number_methods bytes_as_number = {
    .binop = {[WF_NB_ADD] = bytes_add, [WF_NB_MULTIPLY] = bytes_mul, [WF_NB_REMAINDER] = bytes_mod},
};

static const wf_number_methods bytearray_as_number = {
    .binop = {[WF_NB_ADD] = bytes_add, [WF_NB_MULTIPLY] = bytes_mul, [WF_NB_REMAINDER] = bytes_mod},
    .inplace = {[WF_NB_ADD] = bytearray_iadd, [WF_NB_MULTIPLY] = bytearray_imul},
};

static const wf_mapping_methods bytes_as_mapping = {
    .length = bytes_len,
    .getitem = bytes_getitem,
    .contains = bytes_contains,
};

static const wf_mapping_methods bytearray_as_mapping = {
    .length = bytes_len,
    .getitem = bytes_getitem,
    .setitem = bytearray_setitem,
    .contains = bytes_contains,
};

wf_type wf_bytes_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "bytes",
    .tp_basicsize = sizeof(wf_bytes_object),
    .tp_flags = WF_TPFLAG_BASETYPE,
    .tp_dealloc = bytes_dealloc,
    .tp_repr = bytes_repr,
    .tp_hash = bytes_hash,
    .tp_richcompare = bytes_richcompare,
    .tp_iter = bytes_iter_new,
    .tp_new = bytes_tp_new,
    .tp_as_number = &bytes_as_number,
    .tp_as_mapping = &bytes_as_mapping,
    .tp_methods = wf_bytes_methods,
};

wf_type wf_bytearray_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "bytearray",
    .tp_basicsize = sizeof(wf_bytearray_object),
    .tp_flags = WF_TPFLAG_BASETYPE,
    .tp_dealloc = bytearray_dealloc,
    .tp_repr = bytearray_repr,
    .tp_richcompare = bytes_richcompare,
    .tp_iter = bytes_iter_new,
    .tp_new = bytearray_tp_new,
    .tp_as_number = &bytearray_as_number,
    .tp_as_mapping = &bytearray_as_mapping,
    .tp_methods = wf_bytearray_methods,
};
