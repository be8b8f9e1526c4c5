/* bytes and bytearray (runtime/bytes.h), and the text codecs str.encode / bytes.decode
 * need (utf-8, ascii, latin-1).
 *
 * bytearray's locking rule: size, cap and data change only inside a critical section on
 * the object; a replaced buffer is freed through QSBR (wf_qsbr_free_later) so a reader
 * that loaded the old pointer still reads valid memory. Read-only methods work on a
 * snapshot copied inside a critical section. */
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
#include "qsbr.h"
#include "singletons.h"
#include "slice.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
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

/* ---- A read-only view of bytes or a bytearray snapshot --------------------------------- */

/* The bytes of any bytes-like operand: bytes directly; a bytearray through a snapshot
 * (owned in *keep). false (no exception) when v is not bytes-like. */
static bool view_of(wf_thread *t, wf_value v, const char **data, size_t *n, wf_value *keep)
{
    *keep = WF_NULL;
    if (wf_bytes_check(v)) {
        *data = wf_bytes_data(v);
        *n = wf_bytes_size(v);
        return true;
    }
    if (wf_bytearray_check(v)) {
        *keep = wf_bytearray_to_bytes(t, v);
        if (!*keep)
            return false;
        *data = wf_bytes_data(*keep);
        *n = wf_bytes_size(*keep);
        return true;
    }
    return false;
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
    const char *x, *y;
    size_t nx, ny;
    wf_value ka, kb;
    if (!view_of(t, a, &x, &nx, &ka))
        return wf_err_occurred(t) ? WF_NULL : WF_NOTIMPLEMENTED;
    if (!view_of(t, b, &y, &ny, &kb)) {
        if (ka)
            wf_value_decref(t, ka);
        return wf_err_occurred(t) ? WF_NULL : WF_NOTIMPLEMENTED;
    }
    int c = memcmp(x, y, nx < ny ? nx : ny);
    c = c != 0 ? (c > 0) - (c < 0) : (nx > ny) - (nx < ny);
    if (ka)
        wf_value_decref(t, ka);
    if (kb)
        wf_value_decref(t, kb);
    return wf_bool(wf_cmp_result(c, op));
}

/* ---- Sequence operations ------------------------------------------------------------------ */

static int64_t bytes_len(wf_thread *t, wf_value self)
{
    (void)t;
    return wf_bytearray_check(self) ? (int64_t)wf_bytearray_size(self)
                                    : (int64_t)wf_bytes_size(self);
}

/* `x in b`: an int in range(256), or a bytes-like subsequence. */
static int bytes_contains(wf_thread *t, wf_value self, wf_value item)
{
    const char *d, *nd;
    size_t n, m;
    wf_value keep, keep2 = WF_NULL;
    if (!view_of(t, self, &d, &n, &keep))
        return -1;
    int r;
    if (wf_is_index(item)) {
        int64_t c = wf_as_ssize(t, item);
        if (c == -1 && wf_err_occurred(t))
            r = -1;
        else if (c < 0 || c > 255)
            r = (wf_err_set(t, &wf_exc_ValueError, "byte must be in range(0, 256)"), -1);
        else
            r = memchr(d, (int)c, n) != NULL;
    } else if (view_of(t, item, &nd, &m, &keep2)) {
        r = wf_bytes_find(d, n, nd, m) >= 0;
    } else {
        r = -1;
        if (!wf_err_occurred(t))
            wf_err_set(t, &wf_exc_TypeError, "a bytes-like object is required, not '%s'",
                       wf_type_name(wf_type_of(item)));
    }
    if (keep)
        wf_value_decref(t, keep);
    if (keep2)
        wf_value_decref(t, keep2);
    return r;
}

static wf_value bytes_getitem(wf_thread *t, wf_value self, wf_value key)
{
    const char *d;
    size_t n;
    wf_value keep, r;
    if (!view_of(t, self, &d, &n, &keep))
        return WF_NULL;
    if (wf_slice_check(key)) {
        int64_t start, stop, step;
        r = WF_NULL;
        if (wf_slice_unpack(t, key, &start, &stop, &step) == 0) {
            int64_t len = wf_slice_adjust((int64_t)n, &start, &stop, step);
            char *buf = wf_mem_alloc(t, (size_t)len + 1);
            if (buf) {
                for (int64_t i = 0; i < len; i++)
                    buf[i] = d[start + i * step];
                r = same_kind(t, self, buf, (size_t)len);
                wf_mem_free(buf);
            } else {
                wf_err_no_memory(t);
            }
        }
    } else if (wf_is_index(key)) {
        int64_t i;
        r = wf_seq_index(t, key, (int64_t)n, wf_bytearray_check(self) ? "bytearray" : "", &i)
                ? wf_smallint_box((unsigned char)d[i])
                : WF_NULL;
        if (!r && wf_err_matches(t, &wf_exc_IndexError) && !wf_bytearray_check(self)) {
            wf_err_clear(t);
            wf_err_set(t, &wf_exc_IndexError, "index out of range");
        }
    } else {
        r = wf_seq_index_type_error(t, wf_bytearray_check(self) ? "bytearray" : "byte", key);
    }
    if (keep)
        wf_value_decref(t, keep);
    return r;
}

/* b + other (any bytes-like); the result has self's kind. */
static wf_value bytes_add(wf_thread *t, wf_value a, wf_value b)
{
    if (!wf_bytes_check(a) && !wf_bytearray_check(a))
        return WF_NOTIMPLEMENTED;
    const char *x, *y;
    size_t nx, ny;
    wf_value ka, kb;
    if (!view_of(t, a, &x, &nx, &ka))
        return WF_NULL;
    if (!view_of(t, b, &y, &ny, &kb)) {
        if (ka)
            wf_value_decref(t, ka);
        if (wf_err_occurred(t))
            return WF_NULL;
        if (wf_type_of(b)->tp_flags & WF_TPFLAG_HEAPTYPE)
            return WF_NOTIMPLEMENTED;
        return wf_err_set(t, &wf_exc_TypeError, "can't concat %s to %s",
                          wf_type_name(wf_type_of(b)), wf_type_name(wf_type_of(a)));
    }
    char *buf = wf_mem_alloc(t, nx + ny + 1);
    wf_value r = WF_NULL;
    if (buf) {
        memcpy(buf, x, nx);
        memcpy(buf + nx, y, ny);
        r = same_kind(t, a, buf, nx + ny);
        wf_mem_free(buf);
    } else {
        wf_err_no_memory(t);
    }
    if (ka)
        wf_value_decref(t, ka);
    if (kb)
        wf_value_decref(t, kb);
    return r;
}

static wf_value bytes_mul(wf_thread *t, wf_value a, wf_value b)
{
    wf_value s = a, count = b;
    if (!wf_bytes_check(s) && !wf_bytearray_check(s)) {
        s = b;
        count = a;
    }
    if (!wf_is_index(count))
        return (wf_type_of(count)->tp_flags & WF_TPFLAG_HEAPTYPE)
                   ? WF_NOTIMPLEMENTED
                   : wf_err_set(t, &wf_exc_TypeError,
                                "can't multiply sequence by non-int of type '%s'",
                                wf_type_name(wf_type_of(count)));
    int64_t k;
    if (!wf_seq_repeat_count(t, count, &k))
        return WF_NULL;
    const char *d;
    size_t n;
    wf_value keep;
    if (!view_of(t, s, &d, &n, &keep))
        return WF_NULL;
    wf_value r = WF_NULL;
    if (n && (uint64_t)k > (SIZE_MAX / 4) / n) {
        wf_err_no_memory(t);
    } else {
        char *buf = wf_mem_alloc(t, n * (size_t)k + 1);
        if (buf) {
            for (int64_t i = 0; i < k; i++)
                memcpy(buf + (size_t)i * n, d, n);
            r = same_kind(t, s, buf, n * (size_t)k);
            wf_mem_free(buf);
        } else {
            wf_err_no_memory(t);
        }
    }
    if (keep)
        wf_value_decref(t, keep);
    return r;
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

/* ---- Codecs --------------------------------------------------------------------------------- */

enum codec { CODEC_UTF8, CODEC_ASCII, CODEC_LATIN1, CODEC_UNKNOWN };
enum errors { ERR_STRICT, ERR_IGNORE, ERR_REPLACE, ERR_OTHER };

/* The codec for an encoding name, normalized as Python's encodings.search_function
 * does (case, '-' and ' ' as '_'). */
static enum codec codec_lookup(const char *name)
{
    char norm[32];
    size_t n = 0;
    for (; *name && n < sizeof norm - 1; name++)
        norm[n++] = *name == '-' || *name == ' '     ? '_'
                    : (*name >= 'A' && *name <= 'Z') ? (char)(*name + 32)
                                                     : *name;
    norm[n] = '\0';
    static const char *const utf8[] = {"utf_8", "utf8", "u8", "utf", "cp65001", NULL};
    static const char *const ascii[] = {"ascii",          "us_ascii",  "646", "us",
                                        "ansi_x3.4_1968", "iso646_us", NULL};
    static const char *const latin1[] = {"latin_1",   "latin1", "latin", "l1",         "iso_8859_1",
                                         "iso8859_1", "8859",   "cp819", "iso_ir_100", NULL};
    for (int i = 0; utf8[i]; i++)
        if (strcmp(norm, utf8[i]) == 0)
            return CODEC_UTF8;
    for (int i = 0; ascii[i]; i++)
        if (strcmp(norm, ascii[i]) == 0)
            return CODEC_ASCII;
    for (int i = 0; latin1[i]; i++)
        if (strcmp(norm, latin1[i]) == 0)
            return CODEC_LATIN1;
    return CODEC_UNKNOWN;
}

static const char *codec_name(enum codec c)
{
    return c == CODEC_UTF8 ? "utf-8" : c == CODEC_ASCII ? "ascii" : "latin-1";
}

static enum errors errors_lookup(const char *e)
{
    return strcmp(e, "strict") == 0    ? ERR_STRICT
           : strcmp(e, "ignore") == 0  ? ERR_IGNORE
           : strcmp(e, "replace") == 0 ? ERR_REPLACE
                                       : ERR_OTHER;
}

/* UnicodeEncodeError(encoding, str, start, end, reason), as CPython raises it. */
static wf_value encode_error(wf_thread *t, enum codec c, wf_value s, int64_t pos,
                             const char *reason)
{
    wf_value enc = wf_str_from_cstr(t, codec_name(c));
    wf_value why = wf_str_from_cstr(t, reason);
    wf_value args = enc && why ? wf_tuple_pack(t, 5, enc, s, wf_smallint_box(pos),
                                               wf_smallint_box(pos + 1), why)
                               : WF_NULL;
    wf_value exc = args ? wf_exception_new(t, &wf_exc_UnicodeEncodeError, args) : WF_NULL;
    if (exc) {
        wf_err_set_object(t, exc);
        wf_value_decref(t, exc);
    }
    wf_value vals[] = {enc, why, args};
    for (int i = 0; i < 3; i++)
        if (vals[i])
            wf_value_decref(t, vals[i]);
    return WF_NULL;
}

wf_value wf_str_encode(wf_thread *t, wf_value s, const char *encoding, const char *errors)
{
    enum codec c = codec_lookup(encoding);
    if (c == CODEC_UNKNOWN)
        return wf_err_set(t, &wf_exc_LookupError, "unknown encoding: %s", encoding);
    enum errors e = errors_lookup(errors);
    const char *p = wf_str_utf8(s), *end = p + wf_str_size(s);
    uint32_t limit = c == CODEC_ASCII ? 0x80 : c == CODEC_LATIN1 ? 0x100 : 0x110000;
    wf_strbuf b;
    wf_strbuf_init(&b);
    int64_t pos = 0;
    for (; p < end; pos++) {
        uint32_t cp = 0;
        int k = wf_utf8_decode_str(p, end, &cp);
        bool bad = cp >= limit || (cp >= 0xD800 && cp <= 0xDFFF);
        bool ok = true;
        if (!bad) {
            if (c == CODEC_UTF8) {
                ok = wf_strbuf_append(t, &b, p, (size_t)k);
            } else {
                char ch = (char)cp;
                ok = wf_strbuf_append(t, &b, &ch, 1);
            }
        } else if (e == ERR_IGNORE) {
        } else if (e == ERR_REPLACE) {
            ok = wf_strbuf_append(t, &b, "?", 1);
        } else if (e == ERR_STRICT) {
            wf_strbuf_free(&b);
            return encode_error(t, c, s, pos,
                                c == CODEC_UTF8    ? "surrogates not allowed"
                                : c == CODEC_ASCII ? "ordinal not in range(128)"
                                                   : "ordinal not in range(256)");
        } else {
            wf_strbuf_free(&b);
            return wf_err_set(t, &wf_exc_LookupError, "unknown error handler name '%s'", errors);
        }
        if (!ok) {
            wf_strbuf_free(&b);
            return WF_NULL;
        }
        p += k;
    }
    wf_value r = wf_bytes_from_data(t, b.p, b.len);
    wf_strbuf_free(&b);
    return r;
}

/* UnicodeDecodeError(encoding, bytes, start, end, reason). */
static wf_value decode_error(wf_thread *t, enum codec c, const char *data, size_t n, size_t start,
                             size_t end, const char *reason)
{
    wf_value enc = wf_str_from_cstr(t, codec_name(c));
    wf_value obj = wf_bytes_from_data(t, data, n);
    wf_value why = wf_str_from_cstr(t, reason);
    wf_value args = enc && obj && why
                        ? wf_tuple_pack(t, 5, enc, obj, wf_smallint_box((int64_t)start),
                                        wf_smallint_box((int64_t)end), why)
                        : WF_NULL;
    wf_value exc = args ? wf_exception_new(t, &wf_exc_UnicodeDecodeError, args) : WF_NULL;
    if (exc) {
        wf_err_set_object(t, exc);
        wf_value_decref(t, exc);
    }
    wf_value vals[] = {enc, obj, why, args};
    for (int i = 0; i < 4; i++)
        if (vals[i])
            wf_value_decref(t, vals[i]);
    return WF_NULL;
}

/* The length of the invalid UTF-8 sequence at p (1..3 bytes) and CPython's reason. */
static size_t utf8_error_len(const unsigned char *p, const unsigned char *end, const char **reason)
{
    unsigned c = p[0];
    if (c < 0xC2 || c > 0xF4) {
        *reason = "invalid start byte";
        return 1;
    }
    int need = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    size_t i = 1;
    for (; i < (size_t)need && p + i < end; i++) {
        unsigned lo = 0x80, hi = 0xBF;
        if (i == 1) {
            lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
            hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
        }
        if (p[i] < lo || p[i] > hi) {
            *reason = "invalid continuation byte";
            return i;
        }
    }
    *reason = "unexpected end of data";
    return i;
}

wf_value wf_bytes_decode(wf_thread *t, const char *data, size_t n, const char *encoding,
                         const char *errors)
{
    enum codec c = codec_lookup(encoding);
    if (c == CODEC_UNKNOWN)
        return wf_err_set(t, &wf_exc_LookupError, "unknown encoding: %s", encoding);
    enum errors e = errors_lookup(errors);
    const unsigned char *p = (const unsigned char *)data, *end = p + n;
    wf_strbuf b;
    wf_strbuf_init(&b);
    while (p < end) {
        uint32_t cp = 0;
        size_t k = 1, bad = 0;
        const char *reason = "ordinal not in range(128)";
        if (c == CODEC_UTF8) {
            int kk = wf_utf8_decode((const char *)p, (const char *)end, &cp);
            if (kk > 0)
                k = (size_t)kk;
            else
                bad = utf8_error_len(p, end, &reason);
        } else {
            cp = *p;
            bad = c == CODEC_ASCII && cp >= 0x80;
        }
        bool ok = true;
        if (!bad) {
            ok = wf_strbuf_append_cp(t, &b, cp);
        } else if (e == ERR_STRICT || e == ERR_OTHER) {
            wf_strbuf_free(&b);
            if (e == ERR_OTHER)
                return wf_err_set(t, &wf_exc_LookupError, "unknown error handler name '%s'",
                                  errors);
            size_t at = (size_t)((const char *)p - data);
            return decode_error(t, c, data, n, at, at + bad, reason);
        } else {
            k = bad;
            if (e == ERR_REPLACE)
                ok = wf_strbuf_append_cp(t, &b, 0xFFFD);
        }
        if (!ok) {
            wf_strbuf_free(&b);
            return WF_NULL;
        }
        p += k;
    }
    return wf_strbuf_finish(t, &b);
}

wf_value wf_str_decode_object(wf_thread *t, wf_value obj, wf_value encoding, wf_value errors)
{
    const char *enc = "utf-8", *err = "strict";
    if (encoding && !wf_str_check(encoding))
        return wf_err_set(t, &wf_exc_TypeError, "str() argument 'encoding' must be str, not %s",
                          wf_type_name(wf_type_of(encoding)));
    if (errors && !wf_str_check(errors))
        return wf_err_set(t, &wf_exc_TypeError, "str() argument 'errors' must be str, not %s",
                          wf_type_name(wf_type_of(errors)));
    if (encoding)
        enc = wf_str_utf8(encoding);
    if (errors)
        err = wf_str_utf8(errors);
    if (!obj)
        return wf_str_empty(t);
    const char *d;
    size_t n;
    wf_value keep;
    if (!view_of(t, obj, &d, &n, &keep)) {
        if (wf_err_occurred(t))
            return WF_NULL;
        if (wf_str_check(obj))
            return wf_err_set(t, &wf_exc_TypeError, "decoding str is not supported");
        return wf_err_set(t, &wf_exc_TypeError,
                          "decoding to str: need a bytes-like object, %s found",
                          wf_type_name(wf_type_of(obj)));
    }
    wf_value r = wf_bytes_decode(t, d, n, enc, err);
    if (keep)
        wf_value_decref(t, keep);
    return r;
}

/* ---- Methods shared by bytes and bytearray (on a snapshot) ------------------------------- */

static wf_value bytes_decode_method(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                    wf_value kwnames)
{
    static const char *const names[] = {"encoding", "errors"};
    wf_value a[2];
    if (!wf_parse_args(t, "decode", args, nargs, kwnames, names, 2, 0, a))
        return WF_NULL;
    return wf_str_decode_object(t, self, a[0], a[1]);
}

static wf_value bytes_hex(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    (void)args;
    if (nargs || (kwnames && wf_tuple_size(kwnames)))
        return wf_err_set(t, &wf_exc_TypeError, "hex() with a separator is not supported yet");
    const char *d;
    size_t n;
    wf_value keep;
    if (!view_of(t, self, &d, &n, &keep))
        return WF_NULL;
    wf_str_object *r = wf_str_alloc(t, 2 * n, (int64_t)(2 * n), true);
    if (r) {
        static const char hex[] = "0123456789abcdef";
        for (size_t i = 0; i < n; i++) {
            r->data[2 * i] = hex[(unsigned char)d[i] >> 4];
            r->data[2 * i + 1] = hex[(unsigned char)d[i] & 15];
        }
    }
    if (keep)
        wf_value_decref(t, keep);
    return r ? wf_from_object(&r->ob) : WF_NULL;
}

static int hex_value(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* bytes.fromhex(s): pairs of hex digits, whitespace between pairs allowed. */
static wf_value bytes_fromhex(wf_thread *t, wf_value cls, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    if ((kwnames && wf_tuple_size(kwnames)) || nargs != 1)
        return wf_err_set(t, &wf_exc_TypeError, "fromhex() takes exactly one argument (%zu given)",
                          nargs);
    if (!wf_str_check(args[0]))
        return wf_err_set(t, &wf_exc_TypeError, "fromhex() argument must be str, not %s",
                          wf_type_name(wf_type_of(args[0])));
    const char *s = wf_str_utf8(args[0]);
    size_t n = wf_str_size(args[0]), w = 0;
    char *buf = wf_mem_alloc(t, n / 2 + 1);
    if (!buf)
        return wf_err_no_memory(t);
    for (size_t i = 0; i < n;) {
        if (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')) {
            i++;
            continue;
        }
        int hi = hex_value(s[i]), lo = i + 1 < n ? hex_value(s[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            size_t at = hi < 0 ? i : i + 1;
            wf_mem_free(buf);
            return wf_err_set(t, &wf_exc_ValueError,
                              "non-hexadecimal number found in fromhex() arg at position %zu",
                              (size_t)wf_utf8_length(s, s + at));
        }
        buf[w++] = (char)(hi * 16 + lo);
        i += 2;
    }
    wf_value r = wf_bytes_from_data(t, buf, w);
    wf_mem_free(buf);
    if (r && cls != wf_type_value(&wf_bytes_type)) {
        wf_value sub = wf_call(t, cls, &r, 1, 0);
        wf_value_decref(t, r);
        r = sub;
    }
    return r;
}

/* A bytes-like argument of a method, or TypeError "a bytes-like object is required". */
static bool bytes_arg(wf_thread *t, wf_value v, const char **d, size_t *n, wf_value *keep)
{
    if (view_of(t, v, d, n, keep))
        return true;
    if (!wf_err_occurred(t))
        wf_err_set(t, &wf_exc_TypeError, "a bytes-like object is required, not '%s'",
                   wf_type_name(wf_type_of(v)));
    return false;
}

/* find / count / startswith / endswith over the whole sequence (no start/end yet). */
enum bsearch { B_FIND, B_RFIND, B_COUNT, B_STARTS, B_ENDS, B_INDEX };

static wf_value bytes_search(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             enum bsearch kind)
{
    if (nargs < 1)
        return wf_err_set(t, &wf_exc_TypeError, "expected at least 1 argument, got 0");
    const char *d, *nd;
    size_t n, m;
    wf_value k1, k2 = WF_NULL;
    if (!view_of(t, self, &d, &n, &k1))
        return WF_NULL;
    char one;
    bool ok = true;
    if (wf_is_smallint(args[0]) && kind != B_STARTS && kind != B_ENDS) {
        int64_t c = wf_smallint_unbox(args[0]);
        if (c < 0 || c > 255)
            ok = (wf_err_set(t, &wf_exc_ValueError, "byte must be in range(0, 256)"), false);
        one = (char)c;
        nd = &one;
        m = 1;
    } else {
        ok = bytes_arg(t, args[0], &nd, &m, &k2);
    }
    wf_value r = WF_NULL;
    if (ok) {
        int64_t pos = -1;
        if (kind == B_FIND || kind == B_INDEX) {
            pos = wf_bytes_find(d, n, nd, m);
        } else if (kind == B_RFIND) {
            for (size_t i = n >= m ? n - m + 1 : 0; i-- > 0 && pos < 0;)
                if (memcmp(d + i, nd, m) == 0)
                    pos = (int64_t)i;
        }
        if (kind == B_COUNT) {
            int64_t count = 0;
            if (m == 0)
                count = (int64_t)n + 1;
            for (size_t i = 0; m && i + m <= n;) {
                int64_t k = wf_bytes_find(d + i, n - i, nd, m);
                if (k < 0)
                    break;
                count++;
                i += (size_t)k + m;
            }
            r = wf_int_from_int64(t, count);
        } else if (kind == B_STARTS || kind == B_ENDS) {
            r = wf_bool(m <= n && memcmp(kind == B_STARTS ? d : d + n - m, nd, m) == 0);
        } else if (kind == B_INDEX && pos < 0) {
            wf_err_set(t, &wf_exc_ValueError, "subsection not found");
        } else {
            r = wf_int_from_int64(t, pos);
        }
    }
    if (k1)
        wf_value_decref(t, k1);
    if (k2)
        wf_value_decref(t, k2);
    return r;
}

#define SEARCH_METHOD(fname, kind)                                                                 \
    static wf_value fname(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,         \
                          wf_value kwnames)                                                        \
    {                                                                                              \
        (void)kwnames;                                                                             \
        return bytes_search(t, self, args, nargs, kind);                                           \
    }
SEARCH_METHOD(bytes_find, B_FIND)
SEARCH_METHOD(bytes_rfind, B_RFIND)
SEARCH_METHOD(bytes_index, B_INDEX)
SEARCH_METHOD(bytes_count, B_COUNT)
SEARCH_METHOD(bytes_startswith, B_STARTS)
SEARCH_METHOD(bytes_endswith, B_ENDS)

/* upper / lower: ASCII letters only, as bytes do. */
static wf_value bytes_case(wf_thread *t, wf_value self, bool upper)
{
    const char *d;
    size_t n;
    wf_value keep;
    if (!view_of(t, self, &d, &n, &keep))
        return WF_NULL;
    char *buf = wf_mem_alloc(t, n + 1);
    wf_value r = WF_NULL;
    if (buf) {
        for (size_t i = 0; i < n; i++) {
            char c = d[i];
            buf[i] = upper && c >= 'a' && c <= 'z'    ? (char)(c - 32)
                     : !upper && c >= 'A' && c <= 'Z' ? (char)(c + 32)
                                                      : c;
        }
        r = same_kind(t, self, buf, n);
        wf_mem_free(buf);
    } else {
        wf_err_no_memory(t);
    }
    if (keep)
        wf_value_decref(t, keep);
    return r;
}

static wf_value bytes_upper(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    return bytes_case(t, self, true);
}

static wf_value bytes_lower(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    return bytes_case(t, self, false);
}

static bool is_ascii_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* strip/lstrip/rstrip with optional bytes of characters to remove. */
static wf_value bytes_strip_impl(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                 bool left, bool right)
{
    const char *d, *chars = NULL;
    size_t n, nchars = 0;
    wf_value keep, keep2 = WF_NULL;
    if (nargs > 0 && args[0] != WF_NONE && !bytes_arg(t, args[0], &chars, &nchars, &keep2))
        return WF_NULL;
    if (!view_of(t, self, &d, &n, &keep)) {
        if (keep2)
            wf_value_decref(t, keep2);
        return WF_NULL;
    }
    size_t a = 0, b = n;
    while (left && a < b && (chars ? memchr(chars, d[a], nchars) != NULL : is_ascii_space(d[a])))
        a++;
    while (right && b > a &&
           (chars ? memchr(chars, d[b - 1], nchars) != NULL : is_ascii_space(d[b - 1])))
        b--;
    wf_value r = same_kind(t, self, d + a, b - a);
    if (keep)
        wf_value_decref(t, keep);
    if (keep2)
        wf_value_decref(t, keep2);
    return r;
}

static wf_value bytes_strip(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    (void)kwnames;
    return bytes_strip_impl(t, self, args, nargs, true, true);
}

static wf_value bytes_lstrip(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    (void)kwnames;
    return bytes_strip_impl(t, self, args, nargs, true, false);
}

static wf_value bytes_rstrip(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    (void)kwnames;
    return bytes_strip_impl(t, self, args, nargs, false, true);
}

/* split(sep=None, maxsplit=-1): ASCII whitespace runs, or a separator. */
static wf_value bytes_split(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    static const char *const names[] = {"sep", "maxsplit"};
    wf_value a[2];
    if (!wf_parse_args(t, "split", args, nargs, kwnames, names, 2, 0, a))
        return WF_NULL;
    int64_t maxsplit = -1;
    if (a[1] && (maxsplit = wf_as_ssize(t, a[1])) == -1 && wf_err_occurred(t))
        return WF_NULL;
    const char *d, *sep = NULL;
    size_t n, m = 0;
    wf_value keep, keep2 = WF_NULL;
    if (a[0] && a[0] != WF_NONE && !bytes_arg(t, a[0], &sep, &m, &keep2))
        return WF_NULL;
    if (sep && m == 0) {
        if (keep2)
            wf_value_decref(t, keep2);
        return wf_err_set(t, &wf_exc_ValueError, "empty separator");
    }
    if (!view_of(t, self, &d, &n, &keep))
        return WF_NULL;
    wf_value list = wf_list_new(t, 0);
    size_t i = 0;
    bool ok = list != WF_NULL;
    while (ok) {
        size_t start, stop;
        if (!sep) {
            while (i < n && is_ascii_space(d[i]))
                i++;
            if (i == n)
                break;
            start = i;
            if (maxsplit-- == 0) {
                stop = n;
            } else {
                while (i < n && !is_ascii_space(d[i]))
                    i++;
                stop = i;
            }
        } else {
            start = i;
            int64_t k = maxsplit-- == 0 ? -1 : wf_bytes_find(d + i, n - i, sep, m);
            stop = k < 0 ? n : i + (size_t)k;
            i = stop + m;
        }
        wf_value piece = same_kind(t, self, d + start, stop - start);
        ok = piece && wf_list_append(t, list, piece) == 0;
        if (piece)
            wf_value_decref(t, piece);
        if (stop == n)
            break;
    }
    if (keep)
        wf_value_decref(t, keep);
    if (keep2)
        wf_value_decref(t, keep2);
    if (!ok && list) {
        wf_value_decref(t, list);
        list = WF_NULL;
    }
    return list;
}

static wf_value bytes_replace(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    (void)kwnames;
    if (nargs < 2 || nargs > 3)
        return wf_err_set(t, &wf_exc_TypeError, "replace expected at least 2 arguments, got %zu",
                          nargs);
    int64_t count = -1;
    if (nargs == 3 && (count = wf_as_ssize(t, args[2])) == -1 && wf_err_occurred(t))
        return WF_NULL;
    const char *d, *od, *nd;
    size_t n, m, k;
    wf_value keep = WF_NULL, ko = WF_NULL, kn = WF_NULL;
    wf_value r = WF_NULL;
    if (bytes_arg(t, args[0], &od, &m, &ko) && bytes_arg(t, args[1], &nd, &k, &kn) &&
        view_of(t, self, &d, &n, &keep)) {
        wf_strbuf b;
        wf_strbuf_init(&b);
        size_t i = 0;
        bool ok = true;
        while (ok && count != 0 && m > 0) {
            int64_t f = wf_bytes_find(d + i, n - i, od, m);
            if (f < 0)
                break;
            ok = wf_strbuf_append(t, &b, d + i, (size_t)f) && wf_strbuf_append(t, &b, nd, k);
            i += (size_t)f + m;
            count--;
        }
        if (ok && m == 0) { /* insert between every byte */
            for (; ok && i <= n && count != 0; i++, count--)
                ok =
                    wf_strbuf_append(t, &b, nd, k) && (i == n || wf_strbuf_append(t, &b, d + i, 1));
            if (i > n)
                i = n;
        }
        ok = ok && wf_strbuf_append(t, &b, d + i, n - i);
        if (ok)
            r = same_kind(t, self, b.p, b.len);
        wf_strbuf_free(&b);
    }
    wf_value vals[] = {keep, ko, kn};
    for (int i = 0; i < 3; i++)
        if (vals[i])
            wf_value_decref(t, vals[i]);
    return r;
}

/* sep.join(iterable of bytes-like). */
static wf_value bytes_join(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    (void)kwnames;
    if (nargs != 1)
        return wf_err_set(t, &wf_exc_TypeError, "join() takes exactly one argument (%zu given)",
                          nargs);
    wf_value it = wf_iter(t, args[0]);
    if (!it)
        return WF_NULL;
    const char *sep;
    size_t m;
    wf_value keep;
    if (!view_of(t, self, &sep, &m, &keep)) {
        wf_value_decref(t, it);
        return WF_NULL;
    }
    wf_strbuf b;
    wf_strbuf_init(&b);
    bool ok = true;
    wf_value item;
    for (size_t i = 0; ok && (item = wf_iter_next(t, it)); i++) {
        const char *d;
        size_t n;
        wf_value ki;
        if (!view_of(t, item, &d, &n, &ki)) {
            if (!wf_err_occurred(t))
                wf_err_set(t, &wf_exc_TypeError,
                           "sequence item %zu: expected a bytes-like object, %s found", i,
                           wf_type_name(wf_type_of(item)));
            ok = false;
        } else {
            ok = (i == 0 || wf_strbuf_append(t, &b, sep, m)) && wf_strbuf_append(t, &b, d, n);
            if (ki)
                wf_value_decref(t, ki);
        }
        wf_value_decref(t, item);
    }
    ok = ok && !wf_err_occurred(t);
    wf_value r = ok ? same_kind(t, self, b.p, b.len) : WF_NULL;
    wf_strbuf_free(&b);
    wf_value_decref(t, it);
    if (keep)
        wf_value_decref(t, keep);
    return r;
}

/* ---- Construction: bytes(), bytes(n), bytes(iterable), bytes(str, encoding) ------------ */

/* The contents for bytes(x) / bytearray(x), into *out (a new bytes). */
static wf_value contents_of(wf_thread *t, const wf_value *args, size_t nargs, wf_value kwnames,
                            const char *fname)
{
    static const char *const names[] = {"source", "encoding", "errors"};
    wf_value a[3];
    if (!wf_parse_args(t, fname, args, nargs, kwnames, names, 3, 0, a))
        return WF_NULL;
    wf_value x = a[0];
    if (!x) {
        if (a[1] || a[2])
            return wf_err_set(t, &wf_exc_TypeError,
                              a[1] ? "encoding without a string argument"
                                   : "errors without a string argument");
        return wf_bytes_from_data(t, "", 0);
    }
    if (wf_str_check(x)) {
        if (!a[1])
            return wf_err_set(t, &wf_exc_TypeError, "string argument without an encoding");
        if (!wf_str_check(a[1]) || (a[2] && !wf_str_check(a[2])))
            return wf_err_set(t, &wf_exc_TypeError, "%s() argument 'encoding' must be str", fname);
        return wf_str_encode(t, x, wf_str_utf8(a[1]), a[2] ? wf_str_utf8(a[2]) : "strict");
    }
    if (a[1] || a[2])
        return wf_err_set(t, &wf_exc_TypeError,
                          a[1] ? "encoding without a string argument"
                               : "errors without a string argument");
    const char *d;
    size_t n;
    wf_value keep;
    if (view_of(t, x, &d, &n, &keep))
        return keep ? keep : wf_bytes_from_data(t, d, n);
    if (wf_is_index(x)) {
        int64_t count = wf_as_ssize(t, x);
        if (count == -1 && wf_err_occurred(t))
            return WF_NULL;
        if (count < 0)
            return wf_err_set(t, &wf_exc_ValueError, "negative count");
        return wf_bytes_from_data(t, NULL, (size_t)count);
    }
    wf_value it = wf_iter(t, x);
    if (!it) {
        if (wf_err_matches(t, &wf_exc_TypeError)) {
            wf_err_clear(t);
            wf_err_set(t, &wf_exc_TypeError, "cannot convert '%s' object to %s",
                       wf_type_name(wf_type_of(x)), fname);
        }
        return WF_NULL;
    }
    wf_strbuf b;
    wf_strbuf_init(&b);
    wf_value item;
    bool ok = true;
    while (ok && (item = wf_iter_next(t, it))) {
        int64_t c = -1;
        if (!wf_is_index(item))
            wf_err_set(t, &wf_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                       wf_type_name(wf_type_of(item)));
        else if ((c = wf_as_ssize(t, item)) != -1 && (c < 0 || c > 255))
            wf_err_set(t, &wf_exc_ValueError, "bytes must be in range(0, 256)");
        ok = !wf_err_occurred(t);
        char ch = (char)c;
        ok = ok && wf_strbuf_append(t, &b, &ch, 1);
        wf_value_decref(t, item);
    }
    wf_value_decref(t, it);
    wf_value r = ok && !wf_err_occurred(t) ? wf_bytes_from_data(t, b.p, b.len) : WF_NULL;
    wf_strbuf_free(&b);
    return r;
}

static wf_value bytes_tp_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    wf_value c = contents_of(t, args, nargs, kwnames, "bytes");
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
    wf_value c = contents_of(t, args, nargs, kwnames, "bytearray");
    if (!c)
        return WF_NULL;
    wf_bytearray_object *ba = ba_new_type(t, type, wf_bytes_data(c), wf_bytes_size(c));
    wf_value_decref(t, c);
    return ba ? wf_from_object(&ba->ob) : WF_NULL;
}

/* ---- bytearray mutation (each in a critical section on self) ------------------------------ */

/* An int in range(256) for a byte. */
static bool byte_value(wf_thread *t, wf_value v, char *out)
{
    if (!wf_is_index(v)) {
        wf_err_set(t, &wf_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   wf_type_name(wf_type_of(v)));
        return false;
    }
    int64_t c = wf_as_ssize(t, v);
    if (c == -1 && wf_err_occurred(t))
        return false;
    if (c < 0 || c > 255) {
        wf_err_set(t, &wf_exc_ValueError, "byte must be in range(0, 256)");
        return false;
    }
    *out = (char)c;
    return true;
}

/* Replace bytes [start, stop) of self with data[0..n). Lock held. */
static bool ba_splice(wf_thread *t, wf_bytearray_object *ba, size_t start, size_t stop,
                      const char *data, size_t n)
{
    size_t size = atomic_load_explicit(&ba->size, memory_order_relaxed);
    size_t new_size = size - (stop - start) + n;
    if (!ba_reserve(t, ba, new_size))
        return false;
    char *d = atomic_load_explicit(&ba->data, memory_order_relaxed);
    memmove(d + start + n, d + stop, size - stop);
    if (n)
        memcpy(d + start, data, n);
    ba_set_size(ba, new_size);
    return true;
}

static wf_value bytearray_append(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                 wf_value kwnames)
{
    (void)kwnames;
    char c;
    if (nargs != 1)
        return wf_err_set(t, &wf_exc_TypeError,
                          "bytearray.append() takes exactly one argument (%zu given)", nargs);
    if (!byte_value(t, args[0], &c))
        return WF_NULL;
    bool ok;
    wf_bytearray_object *ba = (wf_bytearray_object *)wf_to_object(self);
    WF_BEGIN_CRITICAL_SECTION(t, &ba->ob);
    size_t size = atomic_load_explicit(&ba->size, memory_order_relaxed);
    ok = ba_splice(t, ba, size, size, &c, 1);
    WF_END_CRITICAL_SECTION(t);
    return ok ? WF_NONE : WF_NULL;
}

/* Append the contents (bytes-like or an iterable of ints) of other. */
static bool ba_extend(wf_thread *t, wf_value self, wf_value other)
{
    wf_value c = contents_of(t, &other, 1, WF_NULL, "bytearray");
    if (!c)
        return false;
    bool ok;
    wf_bytearray_object *ba = (wf_bytearray_object *)wf_to_object(self);
    WF_BEGIN_CRITICAL_SECTION(t, &ba->ob);
    size_t size = atomic_load_explicit(&ba->size, memory_order_relaxed);
    ok = ba_splice(t, ba, size, size, wf_bytes_data(c), wf_bytes_size(c));
    WF_END_CRITICAL_SECTION(t);
    wf_value_decref(t, c);
    return ok;
}

static wf_value bytearray_extend(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                 wf_value kwnames)
{
    (void)kwnames;
    if (nargs != 1)
        return wf_err_set(t, &wf_exc_TypeError,
                          "bytearray.extend() takes exactly one argument (%zu given)", nargs);
    if (wf_str_check(args[0]))
        return wf_err_set(t, &wf_exc_TypeError, "expected iterable of integers; got: 'str'");
    return ba_extend(t, self, args[0]) ? WF_NONE : WF_NULL;
}

static wf_value bytearray_iadd(wf_thread *t, wf_value self, wf_value other)
{
    const char *d;
    size_t n;
    wf_value keep;
    if (!view_of(t, other, &d, &n, &keep)) {
        if (wf_err_occurred(t))
            return WF_NULL;
        return wf_err_set(t, &wf_exc_TypeError, "can't concat %s to bytearray",
                          wf_type_name(wf_type_of(other)));
    }
    bool ok;
    wf_bytearray_object *ba = (wf_bytearray_object *)wf_to_object(self);
    WF_BEGIN_CRITICAL_SECTION(t, &ba->ob);
    size_t size = atomic_load_explicit(&ba->size, memory_order_relaxed);
    ok = ba_splice(t, ba, size, size, d, n);
    WF_END_CRITICAL_SECTION(t);
    if (keep)
        wf_value_decref(t, keep);
    return ok ? wf_newref(t, self) : WF_NULL;
}

static wf_value bytearray_pop(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    (void)kwnames;
    int64_t i = -1;
    if (nargs > 1)
        return wf_err_set(t, &wf_exc_TypeError, "pop expected at most 1 argument, got %zu", nargs);
    if (nargs == 1 && (i = wf_as_ssize(t, args[0])) == -1 && wf_err_occurred(t))
        return WF_NULL;
    wf_value r = WF_NULL;
    wf_bytearray_object *ba = (wf_bytearray_object *)wf_to_object(self);
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
            r = wf_smallint_box((unsigned char)d[i]);
            ba_splice(t, ba, (size_t)i, (size_t)i + 1, NULL, 0);
        }
    }
    WF_END_CRITICAL_SECTION(t);
    return r;
}

static wf_value bytearray_clear(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                wf_value kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    wf_bytearray_object *ba = (wf_bytearray_object *)wf_to_object(self);
    WF_BEGIN_CRITICAL_SECTION(t, &ba->ob);
    ba_set_size(ba, 0);
    WF_END_CRITICAL_SECTION(t);
    return WF_NONE;
}

/* self[key] = value / del self[key] for an index or a step-1 slice (others later). */
static int bytearray_setitem(wf_thread *t, wf_value self, wf_value key, wf_value value)
{
    wf_bytearray_object *ba = (wf_bytearray_object *)wf_to_object(self);
    wf_value c = WF_NULL;
    char byte = 0;
    if (wf_slice_check(key)) {
        if (value && !(c = contents_of(t, &value, 1, WF_NULL, "bytearray")))
            return -1;
    } else if (!wf_is_index(key)) {
        wf_seq_index_type_error(t, "bytearray", key);
        return -1;
    } else if (value && !byte_value(t, value, &byte)) {
        return -1;
    }
    int r = 0;
    WF_BEGIN_CRITICAL_SECTION(t, &ba->ob);
    int64_t size = (int64_t)atomic_load_explicit(&ba->size, memory_order_relaxed);
    if (wf_slice_check(key)) {
        int64_t start, stop, step;
        if (wf_slice_unpack(t, key, &start, &stop, &step) < 0) {
            r = -1;
        } else {
            int64_t n = wf_slice_adjust(size, &start, &stop, step);
            if (step == 1) {
                r = ba_splice(t, ba, (size_t)start, (size_t)(start + n),
                              c ? wf_bytes_data(c) : NULL, c ? wf_bytes_size(c) : 0)
                        ? 0
                        : -1;
            } else if (!c) { /* delete an extended slice: keep the others in order */
                char *d = atomic_load_explicit(&ba->data, memory_order_relaxed);
                size_t w = 0;
                for (int64_t i = 0; i < size; i++) {
                    bool hit =
                        step > 0 ? (i >= start && (i - start) % step == 0 && i < start + n * step)
                                 : (i <= start && (start - i) % -step == 0 && i > start + n * step);
                    if (!hit)
                        d[w++] = d[i];
                }
                ba_set_size(ba, w);
            } else if ((int64_t)wf_bytes_size(c) != n) {
                wf_err_set(t, &wf_exc_ValueError,
                           "attempt to assign bytes of size %zu to extended slice of size %lld",
                           wf_bytes_size(c), (long long)n);
                r = -1;
            } else {
                char *d = atomic_load_explicit(&ba->data, memory_order_relaxed);
                for (int64_t i = 0; i < n; i++)
                    d[start + i * step] = wf_bytes_data(c)[i];
            }
        }
    } else {
        int64_t i;
        if (!wf_seq_index(t, key, size, "bytearray", &i))
            r = -1;
        else if (value)
            atomic_load_explicit(&ba->data, memory_order_relaxed)[i] = byte;
        else
            r = ba_splice(t, ba, (size_t)i, (size_t)i + 1, NULL, 0) ? 0 : -1;
    }
    WF_END_CRITICAL_SECTION(t);
    if (c)
        wf_value_decref(t, c);
    return r;
}

/* ---- Type objects ---------------------------------------------------------------------- */

#define SHARED_METHODS                                                                             \
    {"decode", bytes_decode_method}, {"hex", bytes_hex}, {"find", bytes_find},                     \
        {"rfind", bytes_rfind}, {"index", bytes_index}, {"count", bytes_count},                    \
        {"startswith", bytes_startswith}, {"endswith", bytes_endswith}, {"upper", bytes_upper},    \
        {"lower", bytes_lower}, {"strip", bytes_strip}, {"lstrip", bytes_lstrip},                  \
        {"rstrip", bytes_rstrip}, {"split", bytes_split}, {"replace", bytes_replace},              \
        {"join", bytes_join},                                                                      \
    {                                                                                              \
        "fromhex", bytes_fromhex, WF_METH_CLASS                                                    \
    }

static const wf_method_def bytes_methods[] = {
    SHARED_METHODS,
    {NULL},
};

static const wf_method_def bytearray_methods[] = {
    SHARED_METHODS,         {"append", bytearray_append}, {"extend", bytearray_extend},
    {"pop", bytearray_pop}, {"clear", bytearray_clear},   {NULL},
};

static const wf_number_methods bytes_as_number = {
    .binop = {[WF_NB_ADD] = bytes_add, [WF_NB_MULTIPLY] = bytes_mul},
};

static const wf_number_methods bytearray_as_number = {
    .binop = {[WF_NB_ADD] = bytes_add, [WF_NB_MULTIPLY] = bytes_mul},
    .inplace = {[WF_NB_ADD] = bytearray_iadd},
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
    .tp_methods = bytes_methods,
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
    .tp_methods = bytearray_methods,
};
