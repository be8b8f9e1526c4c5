/* str: the type object, construction, interning, hashing, comparison, repr, and the
 * sequence operations (len, in, iteration, indexing, +, *). The methods of str live in
 * runtime/str_methods.c.
 *
 * Invariants (see runtime/str.h): data holds `size` bytes of UTF-8 (lone surrogates
 * encoded in three bytes), then a NUL; `length` counts code points; `ascii` is set
 * exactly when every byte is below 0x80, so byte offsets equal code point indexes.
 * A str never changes after it is published, except its cached hash (atomic). */
#define _GNU_SOURCE 1 /* memmem */
#include "str.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>

#include "abstract.h"
#include "alloc.h"
#include "callable.h"
#include "error.h"
#include "exceptions.h"
#include "int.h"
#include "singletons.h"
#include "slice.h"
#include "type.h"
#include "unicode_db.h"
#include "utf8.h"

/* ---- Allocation ------------------------------------------------------------------- */

bool wf_str_check(wf_value v)
{
    return wf_is_object(v) && (wf_to_object(v)->ob_type->tp_flags & WF_TPFLAG_STR_SUBCLASS);
}

/* An uninitialized str of `size` bytes and `length` code points, of type `type` (str
 * or a subclass); the caller fills data[0..size) before publishing it. */
wf_str_object *wf_str_alloc_type(wf_thread *t, wf_type *type, size_t size, int64_t length,
                                 bool ascii)
{
    size_t base =
        type->tp_basicsize > sizeof(wf_str_object) ? type->tp_basicsize : sizeof(wf_str_object);
    wf_str_object *s = (wf_str_object *)wf_object_alloc(t, type, base + size + 1);
    if (!s) {
        wf_err_no_memory(t);
        return NULL;
    }
    s->length = length;
    s->size = size;
    atomic_store_explicit(&s->hash, -1, memory_order_relaxed);
    s->ascii = ascii;
    s->interned = 0;
    s->data[size] = '\0';
    return s;
}

wf_str_object *wf_str_alloc(wf_thread *t, size_t size, int64_t length, bool ascii)
{
    return wf_str_alloc_type(t, &wf_str_type, size, length, ascii);
}

/* Length in code points and the ascii flag of valid UTF-8. */
static int64_t utf8_measure(const char *s, size_t n, bool *ascii)
{
    int64_t len = 0;
    bool all_ascii = true;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        all_ascii &= c < 0x80;
        len += (c & 0xC0) != 0x80;
    }
    *ascii = all_ascii;
    return len;
}

wf_value wf_str_from_utf8(wf_thread *t, const char *s, size_t n)
{
    if (n == 0)
        return wf_str_empty(t);
    if (n == 1 && (unsigned char)s[0] < 0x80)
        return wf_str_from_char(t, (unsigned char)s[0]);
    bool ascii;
    int64_t len = utf8_measure(s, n, &ascii);
    wf_str_object *o = wf_str_alloc(t, n, len, ascii);
    if (!o)
        return WF_NULL;
    memcpy(o->data, s, n);
    return wf_from_object(&o->ob);
}

wf_value wf_str_from_cstr(wf_thread *t, const char *s)
{
    return wf_str_from_utf8(t, s, strlen(s));
}

wf_value wf_str_printf(wf_thread *t, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return wf_err_set(t, &wf_exc_SystemError, "bad format string");
    if ((size_t)n < sizeof small)
        return wf_str_from_utf8(t, small, (size_t)n);
    char *big = wf_mem_alloc(t, (size_t)n + 1);
    if (!big)
        return wf_err_no_memory(t);
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    wf_value r = wf_str_from_utf8(t, big, (size_t)n);
    wf_mem_free(big);
    return r;
}

/* Append the UTF-8 encoding of cp (surrogates included) to p; returns the byte count. */
int wf_utf8_encode(char *p, uint32_t cp)
{
    if (cp < 0x80) {
        p[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        p[0] = (char)(0xC0 | (cp >> 6));
        p[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        p[0] = (char)(0xE0 | (cp >> 12));
        p[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        p[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    p[0] = (char)(0xF0 | (cp >> 18));
    p[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    p[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    p[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

wf_value wf_str_from_codepoint(wf_thread *t, uint32_t cp)
{
    if (cp < 0x80)
        return wf_str_from_char(t, (unsigned char)cp);
    char buf[4];
    int n = wf_utf8_encode(buf, cp);
    return wf_str_from_utf8(t, buf, (size_t)n);
}

/* ---- String builder ------------------------------------------------------------------ */

void wf_strbuf_init(wf_strbuf *b)
{
    b->p = b->small;
    b->len = 0;
    b->cap = sizeof b->small;
}

/* Make room for n more bytes (doubling). */
static bool strbuf_reserve(wf_thread *t, wf_strbuf *b, size_t n)
{
    if (b->cap - b->len >= n)
        return true;
    if (n > SIZE_MAX / 4 - b->len) {
        wf_err_no_memory(t);
        return false;
    }
    size_t cap = b->cap * 2 > b->len + n ? b->cap * 2 : b->len + n;
    char *p = b->p == b->small ? wf_mem_alloc(t, cap) : wf_mem_realloc(t, b->p, cap);
    if (!p) {
        wf_err_no_memory(t);
        return false;
    }
    if (b->p == b->small)
        memcpy(p, b->small, b->len);
    b->p = p;
    b->cap = cap;
    return true;
}

bool wf_strbuf_append(wf_thread *t, wf_strbuf *b, const char *data, size_t n)
{
    if (!strbuf_reserve(t, b, n))
        return false;
    memcpy(b->p + b->len, data, n);
    b->len += n;
    return true;
}

bool wf_strbuf_append_cp(wf_thread *t, wf_strbuf *b, uint32_t cp)
{
    if (!strbuf_reserve(t, b, 4))
        return false;
    b->len += (size_t)wf_utf8_encode(b->p + b->len, cp);
    return true;
}

bool wf_strbuf_append_fill(wf_thread *t, wf_strbuf *b, uint32_t cp, int64_t count)
{
    char enc[4];
    size_t k = (size_t)wf_utf8_encode(enc, cp);
    if (count <= 0)
        return true;
    if ((uint64_t)count > SIZE_MAX / 8 || !strbuf_reserve(t, b, k * (size_t)count)) {
        if (!wf_err_occurred(t))
            wf_err_no_memory(t);
        return false;
    }
    if (k == 1) { /* the common case: one byte, and one memset for a huge width */
        memset(b->p + b->len, enc[0], (size_t)count);
        b->len += (size_t)count;
        return true;
    }
    for (int64_t i = 0; i < count; i++, b->len += k)
        memcpy(b->p + b->len, enc, k);
    return true;
}

void wf_strbuf_free(wf_strbuf *b)
{
    if (b->p != b->small)
        wf_mem_free(b->p);
    wf_strbuf_init(b);
}

wf_value wf_strbuf_finish(wf_thread *t, wf_strbuf *b)
{
    wf_value r = wf_str_from_utf8(t, b->p, b->len);
    wf_strbuf_free(b);
    return r;
}

/* ---- Interning ----------------------------------------------------------------------
 *
 * One process-wide open-addressing set of interned str objects, guarded by intern_lock
 * (held only for a probe or an insertion, never across anything that could block, so
 * wf_mutex_lock_internal is enough). Interned strings are immortal and never removed,
 * so a pointer read from the table stays valid forever. */

static wf_mutex intern_lock = WF_MUTEX_INIT;
static wf_str_object **intern_slots; /* guarded by intern_lock */
static size_t intern_cap, intern_count;

/* The slot for (data, n, hash): the matching entry or an empty slot. Lock held. */
static wf_str_object **intern_probe(const char *data, size_t n, int64_t hash)
{
    size_t mask = intern_cap - 1;
    for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
        wf_str_object *e = intern_slots[i];
        if (!e || (e->size == n && memcmp(e->data, data, n) == 0))
            return &intern_slots[i];
    }
}

/* Grow the set so that it stays at most half full. Lock held. */
static bool intern_grow(void)
{
    size_t old_cap = intern_cap;
    wf_str_object **old = intern_slots;
    size_t cap = old_cap ? old_cap * 2 : 1024;
    wf_str_object **slots = wf_raw_alloc(cap * sizeof *slots);
    if (!slots)
        return false;
    memset(slots, 0, cap * sizeof *slots);
    intern_slots = slots;
    intern_cap = cap;
    for (size_t i = 0; i < old_cap; i++) {
        wf_str_object *e = old[i];
        if (e)
            *intern_probe(e->data, e->size, atomic_load(&e->hash)) = e;
    }
    wf_raw_free(old);
    return true;
}

/* The interned str with content data[0..n): the existing one, or a new immortal copy. */
static wf_value intern_bytes(wf_thread *t, const char *data, size_t n)
{
    int64_t hash = wf_str_hash_bytes(data, n);
    wf_mutex_lock_internal(&intern_lock);
    if (intern_count * 2 >= intern_cap && !intern_grow()) {
        wf_mutex_unlock(&intern_lock);
        return wf_err_no_memory(t);
    }
    wf_str_object **slot = intern_probe(data, n, hash);
    wf_str_object *s = *slot;
    if (!s) {
        bool ascii;
        int64_t len = utf8_measure(data, n, &ascii);
        s = wf_str_alloc(t, n, len, ascii);
        if (s) {
            memcpy(s->data, data, n);
            atomic_store_explicit(&s->hash, hash, memory_order_relaxed);
            s->interned = 1;
            wf_object_set_immortal(&s->ob);
            *slot = s;
            intern_count++;
        }
    }
    wf_mutex_unlock(&intern_lock);
    return s ? wf_from_object(&s->ob) : WF_NULL;
}

wf_value wf_str_intern_cstr(wf_thread *t, const char *s)
{
    return intern_bytes(t, s, strlen(s));
}

wf_value wf_str_intern(wf_thread *t, wf_value s)
{
    wf_str_object *o = (wf_str_object *)wf_to_object(s);
    if (o->interned)
        return s; /* immortal: no reference to take */
    return intern_bytes(t, o->data, o->size);
}

/* ---- Immortal small strings -------------------------------------------------------- */

static _Atomic wf_value empty_str;
static _Atomic wf_value char_strs[128];

wf_value wf_str_empty(wf_thread *t)
{
    /* acquire: pairs with the release below, so the str's fields are visible */
    wf_value v = atomic_load_explicit(&empty_str, memory_order_acquire);
    if (!v) {
        v = intern_bytes(t, "", 0);
        if (v)
            atomic_store_explicit(&empty_str, v, memory_order_release);
    }
    return v;
}

/* The one-character str for an ASCII code c (immortal, interned). */
wf_value wf_str_from_char(wf_thread *t, unsigned char c)
{
    WF_ASSERT(c < 0x80);
    /* acquire: pairs with the release below (two racing threads store the same value) */
    wf_value v = atomic_load_explicit(&char_strs[c], memory_order_acquire);
    if (!v) {
        char ch = (char)c;
        v = intern_bytes(t, &ch, 1);
        if (v)
            atomic_store_explicit(&char_strs[c], v, memory_order_release);
    }
    return v;
}

/* ---- Hashing: SipHash-1-3 with a per-process random key ------------------------------ */

static uint64_t sip_k0, sip_k1;
static pthread_once_t sip_once = PTHREAD_ONCE_INIT;

static void sip_init_key(void)
{
    uint64_t k[2] = {0x736f6d6570736575ull, 0x646f72616e646f6dull};
    if (getrandom(k, sizeof k, 0) != (ssize_t)sizeof k) {
        /* no entropy: keep the fixed key (hashes are then deterministic) */
    }
    sip_k0 = k[0];
    sip_k1 = k[1];
}

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND                                                                                   \
    do {                                                                                           \
        v0 += v1;                                                                                  \
        v1 = ROTL(v1, 13);                                                                         \
        v1 ^= v0;                                                                                  \
        v0 = ROTL(v0, 32);                                                                         \
        v2 += v3;                                                                                  \
        v3 = ROTL(v3, 16);                                                                         \
        v3 ^= v2;                                                                                  \
        v0 += v3;                                                                                  \
        v3 = ROTL(v3, 21);                                                                         \
        v3 ^= v0;                                                                                  \
        v2 += v1;                                                                                  \
        v1 = ROTL(v1, 17);                                                                         \
        v1 ^= v2;                                                                                  \
        v2 = ROTL(v2, 32);                                                                         \
    } while (0)

static uint64_t siphash13(uint64_t k0, uint64_t k1, const unsigned char *p, size_t n)
{
    uint64_t v0 = k0 ^ 0x736f6d6570736575ull, v1 = k1 ^ 0x646f72616e646f6dull;
    uint64_t v2 = k0 ^ 0x6c7967656e657261ull, v3 = k1 ^ 0x7465646279746573ull;
    uint64_t b = (uint64_t)n << 56;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t m;
        memcpy(&m, p + i, 8); /* little-endian hosts only, as the rest of weft */
        v3 ^= m;
        SIPROUND;
        v0 ^= m;
    }
    for (size_t j = 0; i + j < n; j++)
        b |= (uint64_t)p[i + j] << (8 * j);
    v3 ^= b;
    SIPROUND;
    v0 ^= b;
    v2 ^= 0xff;
    SIPROUND;
    SIPROUND;
    SIPROUND;
    return v0 ^ v1 ^ v2 ^ v3;
}

/* hash() of text (and of bytes with the same content, as CPython's ASCII str and bytes
 * agree): 0 for the empty string, never -1. */
int64_t wf_str_hash_bytes(const char *data, size_t n)
{
    if (n == 0)
        return 0;
    pthread_once(&sip_once, sip_init_key);
    int64_t h = (int64_t)siphash13(sip_k0, sip_k1, (const unsigned char *)data, n);
    return h == -1 ? -2 : h;
}

int64_t wf_str_hash(wf_value s)
{
    wf_str_object *o = (wf_str_object *)wf_to_object(s);
    /* relaxed: every thread computes the same value, so any one it sees is right */
    int64_t h = atomic_load_explicit(&o->hash, memory_order_relaxed);
    if (h == -1) {
        h = wf_str_hash_bytes(o->data, o->size);
        atomic_store_explicit(&o->hash, h, memory_order_relaxed);
    }
    return h;
}

static int64_t str_tp_hash(wf_thread *t, wf_value self)
{
    (void)t;
    return wf_str_hash(self);
}

/* ---- Equality, comparison, concatenation -------------------------------------------- */

bool wf_str_equal(wf_value a, wf_value b)
{
    if (a == b)
        return true;
    wf_str_object *x = (wf_str_object *)wf_to_object(a), *y = (wf_str_object *)wf_to_object(b);
    if (x->size != y->size)
        return false;
    if (x->interned && y->interned)
        return false; /* unique per content */
    return memcmp(x->data, y->data, x->size) == 0;
}

/* UTF-8 byte order is code point order (surrogates included), so memcmp orders str. */
int wf_str_compare(wf_value a, wf_value b)
{
    size_t na = wf_str_size(a), nb = wf_str_size(b);
    int c = memcmp(wf_str_utf8(a), wf_str_utf8(b), na < nb ? na : nb);
    if (c != 0)
        return c < 0 ? -1 : 1;
    return (na > nb) - (na < nb);
}

static wf_value str_richcompare(wf_thread *t, wf_value a, wf_value b, int op)
{
    (void)t;
    if (!wf_str_check(a) || !wf_str_check(b))
        return WF_NOTIMPLEMENTED;
    if (op == WF_CMP_EQ || op == WF_CMP_NE)
        return wf_bool(wf_str_equal(a, b) == (op == WF_CMP_EQ));
    int c = wf_str_compare(a, b);
    switch (op) {
    case WF_CMP_LT:
        return wf_bool(c < 0);
    case WF_CMP_LE:
        return wf_bool(c <= 0);
    case WF_CMP_GT:
        return wf_bool(c > 0);
    default:
        return wf_bool(c >= 0);
    }
}

wf_value wf_str_concat(wf_thread *t, wf_value a, wf_value b)
{
    wf_str_object *x = (wf_str_object *)wf_to_object(a), *y = (wf_str_object *)wf_to_object(b);
    if (y->size == 0 && wf_str_check_exact(a))
        return wf_newref(t, a);
    if (x->size == 0 && wf_str_check_exact(b))
        return wf_newref(t, b);
    if (x->size > SIZE_MAX / 2 - y->size)
        return wf_err_no_memory(t);
    wf_str_object *r =
        wf_str_alloc(t, x->size + y->size, x->length + y->length, x->ascii && y->ascii);
    if (!r)
        return WF_NULL;
    memcpy(r->data, x->data, x->size);
    memcpy(r->data + x->size, y->data, y->size);
    return wf_from_object(&r->ob);
}

/* s * n (n <= 0 gives ''). */
wf_value wf_str_repeat(wf_thread *t, wf_value s, int64_t n)
{
    wf_str_object *x = (wf_str_object *)wf_to_object(s);
    if (n <= 0 || x->size == 0)
        return wf_str_empty(t);
    if (n == 1 && wf_str_check_exact(s))
        return wf_newref(t, s);
    if ((uint64_t)n > (uint64_t)INT64_MAX / x->size)
        return wf_err_no_memory(t);
    size_t total = x->size * (size_t)n;
    wf_str_object *r = wf_str_alloc(t, total, x->length * n, x->ascii);
    if (!r)
        return WF_NULL;
    /* doubling copies: log(n) memcpy calls */
    memcpy(r->data, x->data, x->size);
    size_t done = x->size;
    while (done < total) {
        size_t chunk = done <= total - done ? done : total - done;
        memcpy(r->data + done, r->data, chunk);
        done += chunk;
    }
    return wf_from_object(&r->ob);
}

/* A built-in type other than str never accepts str in + or *, so those raise CPython's
 * sequence messages at once; a class may still define __radd__/__rmul__, so for heap
 * types the slot answers NotImplemented and lets the abstract layer try them. */
static bool other_may_handle(wf_value v)
{
    return (wf_type_of(v)->tp_flags & WF_TPFLAG_HEAPTYPE) != 0;
}

static wf_value str_add(wf_thread *t, wf_value a, wf_value b)
{
    if (!wf_str_check(a))
        return WF_NOTIMPLEMENTED;
    if (wf_str_check(b))
        return wf_str_concat(t, a, b);
    if (other_may_handle(b))
        return WF_NOTIMPLEMENTED;
    return wf_err_set(t, &wf_exc_TypeError, "can only concatenate str (not \"%s\") to str",
                      wf_type_name(wf_type_of(b)));
}

static wf_value str_mul(wf_thread *t, wf_value a, wf_value b)
{
    wf_value s = a, n = b;
    if (!wf_str_check(a) || (wf_str_check(b) && wf_is_index(a))) {
        s = b;
        n = a;
    }
    if (!wf_str_check(s))
        return WF_NOTIMPLEMENTED;
    if (!wf_is_index(n)) {
        if (other_may_handle(n))
            return WF_NOTIMPLEMENTED;
        return wf_err_set(t, &wf_exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                          wf_type_name(wf_type_of(n)));
    }
    int64_t count = wf_as_ssize_overflow(t, n);
    if (count == -1 && wf_err_occurred(t))
        return WF_NULL;
    return wf_str_repeat(t, s, count);
}

static wf_value str_mod(wf_thread *t, wf_value a, wf_value b)
{
    if (!wf_str_check(a))
        return WF_NOTIMPLEMENTED;
    return wf_str_percent_format(t, a, b);
}

/* ---- repr ---------------------------------------------------------------------------- */

/* Bytes needed to write cp as repr does (quote is the chosen quote character). */
static size_t repr_cp_size(uint32_t cp, char quote)
{
    if (cp == (uint32_t)quote || cp == '\\' || cp == '\t' || cp == '\n' || cp == '\r')
        return 2;
    if (cp < 0x20 || cp == 0x7F)
        return 4;
    if (cp < 0x80)
        return 1;
    if (!wf_unicode_is_printable(cp))
        return cp < 0x100 ? 4 : cp < 0x10000 ? 6 : 10;
    return cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

static char *repr_cp_write(char *p, uint32_t cp, char quote)
{
    static const char hex[] = "0123456789abcdef";
    if (cp == (uint32_t)quote || cp == '\\') {
        *p++ = '\\';
        *p++ = (char)cp;
    } else if (cp == '\t' || cp == '\n' || cp == '\r') {
        *p++ = '\\';
        *p++ = cp == '\t' ? 't' : cp == '\n' ? 'n' : 'r';
    } else if (cp >= 0x20 && cp < 0x7F) {
        *p++ = (char)cp;
    } else if (cp < 0x80 || !wf_unicode_is_printable(cp)) {
        int digits = cp < 0x100 ? 2 : cp < 0x10000 ? 4 : 8;
        *p++ = '\\';
        *p++ = digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
        for (int i = digits - 1; i >= 0; i--)
            *p++ = hex[(cp >> (4 * i)) & 0xF];
    } else {
        p += wf_utf8_encode(p, cp);
    }
    return p;
}

wf_value wf_str_repr(wf_thread *t, wf_value s)
{
    const char *p = wf_str_utf8(s), *end = p + wf_str_size(s);
    /* CPython's quote: ' unless the text has ' and no " */
    bool has_sq = memchr(p, '\'', (size_t)(end - p)) != NULL;
    bool has_dq = memchr(p, '"', (size_t)(end - p)) != NULL;
    char quote = has_sq && !has_dq ? '"' : '\'';
    size_t n = 2;
    int64_t len = 2;
    for (const char *q = p; q < end;) {
        uint32_t cp = 0;
        q += wf_utf8_decode_str(q, end, &cp);
        size_t k = repr_cp_size(cp, quote);
        n += k;
        len += cp >= 0x80 && k <= 4 && wf_unicode_is_printable(cp) ? 1 : (int64_t)k;
    }
    wf_str_object *r = wf_str_alloc(t, n, len, n == (size_t)len);
    if (!r)
        return WF_NULL;
    char *w = r->data;
    *w++ = quote;
    for (const char *q = p; q < end;) {
        uint32_t cp = 0;
        q += wf_utf8_decode_str(q, end, &cp);
        w = repr_cp_write(w, cp, quote);
    }
    *w++ = quote;
    WF_ASSERT((size_t)(w - r->data) == n);
    return wf_from_object(&r->ob);
}

static wf_value str_tp_repr(wf_thread *t, wf_value self)
{
    return wf_str_repr(t, self);
}

/* str(s): s itself for an exact str, a plain copy for a subclass instance. */
static wf_value str_tp_str(wf_thread *t, wf_value self)
{
    if (wf_str_check_exact(self))
        return wf_newref(t, self);
    return wf_str_from_utf8(t, wf_str_utf8(self), wf_str_size(self));
}

/* ---- Code point positions ------------------------------------------------------------ */

/* Byte offset of code point i (0 <= i <= length). ASCII strings index directly; others
 * scan from the nearer end. */
size_t wf_str_offset(wf_value s, int64_t i)
{
    wf_str_object *o = (wf_str_object *)wf_to_object(s);
    if (o->ascii)
        return (size_t)i;
    if (i >= o->length)
        return o->size;
    const unsigned char *d = (const unsigned char *)o->data;
    if (i <= o->length / 2) {
        size_t off = 0;
        for (int64_t k = 0; k < i; k++) {
            off++;
            while ((d[off] & 0xC0) == 0x80) /* the NUL terminator stops the scan */
                off++;
        }
        return off;
    }
    size_t off = o->size;
    for (int64_t k = o->length; k > i;) {
        off--;
        k -= (d[off] & 0xC0) != 0x80;
    }
    return off;
}

/* The code point at byte offset off (a character boundary). */
uint32_t wf_str_cp_at(wf_value s, size_t off)
{
    const char *d = wf_str_utf8(s);
    uint32_t cp = 0;
    wf_utf8_decode_str(d + off, d + wf_str_size(s), &cp);
    return cp;
}

/* The str of code points [start, stop) (0 <= start <= stop <= length). */
wf_value wf_str_substr(wf_thread *t, wf_value s, int64_t start, int64_t stop)
{
    if (start == 0 && stop == wf_str_length(s) && wf_str_check_exact(s))
        return wf_newref(t, s);
    size_t a = wf_str_offset(s, start);
    size_t b = wf_str_offset(s, stop);
    return wf_str_from_utf8(t, wf_str_utf8(s) + a, b - a);
}

/* ---- Sequence protocol ---------------------------------------------------------------- */

static int64_t str_len(wf_thread *t, wf_value self)
{
    (void)t;
    return wf_str_length(self);
}

/* Byte offset of the first occurrence of needle[0..m) in hay[0..n) at or after 0, or -1.
 * memmem is linear on glibc (two-way), and a UTF-8 match of valid text always starts on
 * a character boundary. */
int64_t wf_bytes_find(const char *hay, size_t n, const char *needle, size_t m)
{
    if (m == 0)
        return 0;
    if (m > n)
        return -1;
    const char *p = memmem(hay, n, needle, m);
    return p ? p - hay : -1;
}

static int str_contains(wf_thread *t, wf_value self, wf_value item)
{
    if (!wf_str_check(item)) {
        wf_err_set(t, &wf_exc_TypeError, "'in <string>' requires string as left operand, not %s",
                   wf_type_name(wf_type_of(item)));
        return -1;
    }
    return wf_bytes_find(wf_str_utf8(self), wf_str_size(self), wf_str_utf8(item),
                         wf_str_size(item)) >= 0;
}

/* s[start:stop:step] for an unpacked, adjusted slice selecting n code points. */
static wf_value str_slice(wf_thread *t, wf_value s, int64_t start, int64_t step, int64_t n)
{
    if (step == 1)
        return wf_str_substr(t, s, start, start + n);
    if (n <= 0)
        return wf_str_empty(t);
    /* gather the selected code points: at most 4 bytes each */
    char *buf = wf_mem_alloc(t, (size_t)n * 4);
    if (!buf)
        return wf_err_no_memory(t);
    size_t w = 0;
    for (int64_t k = 0, i = start; k < n; k++, i += step)
        w += (size_t)wf_utf8_encode(buf + w, wf_str_cp_at(s, wf_str_offset(s, i)));
    wf_value r = wf_str_from_utf8(t, buf, w);
    wf_mem_free(buf);
    return r;
}

static wf_value str_getitem(wf_thread *t, wf_value self, wf_value key)
{
    int64_t len = wf_str_length(self);
    if (wf_slice_check(key)) {
        int64_t start, stop, step;
        if (wf_slice_unpack(t, key, &start, &stop, &step) < 0)
            return WF_NULL;
        int64_t n = wf_slice_adjust(len, &start, &stop, step);
        return str_slice(t, self, start, step, n);
    }
    if (!wf_is_index(key))
        return wf_err_set(t, &wf_exc_TypeError, "string indices must be integers, not '%s'",
                          wf_type_name(wf_type_of(key)));
    int64_t i;
    if (!wf_seq_index(t, key, len, "string", &i))
        return WF_NULL;
    return wf_str_from_codepoint(t, wf_str_cp_at(self, wf_str_offset(self, i)));
}

/* ---- Iteration ------------------------------------------------------------------------ */

/* A str iterator: the str and the byte offset of the next code point. Used by one
 * thread at a time in practice; the offset is atomic so that a shared iterator never
 * reads torn state (two threads may then see the same character, as in CPython). */
typedef struct str_iter {
    wf_object ob;
    wf_value str;
    _Atomic size_t off;
} str_iter;

static void str_iter_dealloc(wf_thread *t, wf_object *o)
{
    wf_value_decref(t, ((str_iter *)o)->str);
    wf_object_free(t, o);
}

static wf_value str_iter_next(wf_thread *t, wf_value self)
{
    str_iter *it = (str_iter *)wf_to_object(self);
    size_t off = atomic_load_explicit(&it->off, memory_order_relaxed);
    const char *d = wf_str_utf8(it->str), *end = d + wf_str_size(it->str);
    if (d + off >= end)
        return WF_NULL;
    uint32_t cp = 0;
    int k = wf_utf8_decode_str(d + off, end, &cp);
    atomic_store_explicit(&it->off, off + (size_t)k, memory_order_relaxed);
    return wf_str_from_codepoint(t, cp);
}

static wf_value str_iter_self(wf_thread *t, wf_value self)
{
    return wf_newref(t, self);
}

wf_type wf_str_iterator_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "str_iterator",
    .tp_basicsize = sizeof(str_iter),
    .tp_dealloc = str_iter_dealloc,
    .tp_iter = str_iter_self,
    .tp_iternext = str_iter_next,
};

/* CPython 3.11 iterates an ASCII str with its own type; same behaviour, another name. */
wf_type wf_str_ascii_iterator_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "str_ascii_iterator",
    .tp_basicsize = sizeof(str_iter),
    .tp_dealloc = str_iter_dealloc,
    .tp_iter = str_iter_self,
    .tp_iternext = str_iter_next,
};

static wf_value str_iter_new(wf_thread *t, wf_value self)
{
    wf_type *type = ((wf_str_object *)wf_to_object(self))->ascii ? &wf_str_ascii_iterator_type
                                                                 : &wf_str_iterator_type;
    str_iter *it = (str_iter *)wf_object_alloc(t, type, sizeof(str_iter));
    if (!it)
        return wf_err_no_memory(t);
    it->str = wf_newref(t, self);
    atomic_store_explicit(&it->off, 0, memory_order_relaxed);
    return wf_from_object(&it->ob);
}

/* ---- Construction: str(object='') / str(object=b'', encoding, errors) ------------------ */

static wf_value str_tp_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    static const char *const names[] = {"object", "encoding", "errors"};
    wf_value a[3];
    if (!wf_parse_args(t, "str", args, nargs, kwnames, names, 3, 0, a))
        return WF_NULL;
    wf_value s;
    if (a[1] || a[2])
        s = wf_str_decode_object(t, "str", a[0], a[1], a[2]);
    else if (!a[0])
        s = wf_str_empty(t);
    else
        s = wf_str(t, a[0]);
    if (!s || type == &wf_str_type)
        return s;
    /* a subclass: copy the text into an instance of it */
    wf_str_object *src = (wf_str_object *)wf_to_object(s);
    wf_str_object *r = wf_str_alloc_type(t, type, src->size, src->length, src->ascii);
    if (r)
        memcpy(r->data, src->data, src->size);
    wf_value_decref(t, s);
    return r ? wf_from_object(&r->ob) : WF_NULL;
}

static void str_dealloc(wf_thread *t, wf_object *o)
{
    WF_ASSERT(!((wf_str_object *)o)->interned);
    wf_object_free(t, o);
}

static const wf_number_methods str_as_number = {
    .binop =
        {
            [WF_NB_ADD] = str_add,
            [WF_NB_MULTIPLY] = str_mul,
            [WF_NB_REMAINDER] = str_mod,
        },
};

static const wf_mapping_methods str_as_mapping = {
    .length = str_len,
    .getitem = str_getitem,
    .contains = str_contains,
};

wf_type wf_str_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "str",
    .tp_basicsize = sizeof(wf_str_object),
    .tp_flags = WF_TPFLAG_BASETYPE | WF_TPFLAG_STR_SUBCLASS,
    .tp_dealloc = str_dealloc,
    .tp_repr = str_tp_repr,
    .tp_str = str_tp_str,
    .tp_hash = str_tp_hash,
    .tp_richcompare = str_richcompare,
    .tp_iter = str_iter_new,
    .tp_new = str_tp_new,
    .tp_as_number = &str_as_number,
    .tp_as_mapping = &str_as_mapping,
    .tp_methods = wf_str_methods,
    .tp_doc = "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
              "Create a new string object from the given object.",
};

/* See str.h: the text int() and float() parse. */
bool wf_str_number_text(const char *s, size_t n, char *out, size_t *out_len)
{
    const char *p = s, *end = s + n;
    uint32_t cp = 0;
    int k;
    while (p < end && (k = wf_utf8_decode_str(p, end, &cp)) > 0 && wf_unicode_is_space(cp))
        p += k;
    while (end > p) {
        const char *q = end - 1;
        while (q > p && ((unsigned char)*q & 0xC0) == 0x80)
            q--;
        if (!wf_utf8_decode_str(q, end, &cp) || !wf_unicode_is_space(cp))
            break;
        end = q;
    }
    size_t w = 0;
    while (p < end) {
        k = wf_utf8_decode_str(p, end, &cp);
        if (k <= 0)
            return false;
        if (cp >= 0x80) {
            int d = wf_unicode_decimal_value(cp);
            if (d < 0)
                return false;
            cp = '0' + (uint32_t)d;
        }
        out[w++] = (char)cp;
        p += k;
    }
    *out_len = w;
    return true;
}
