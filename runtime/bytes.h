/* bytes and bytearray.
 *
 * bytes is immutable: size bytes of data, then a NUL (so C code may read it as a
 * string), with a cached hash equal to the hash of the str of the same ASCII text.
 * bytearray is mutable: every change happens in a critical section on the object
 * (WF_BEGIN_CRITICAL_SECTION); its buffer is replaced, never resized in place, when it
 * grows, and the old one is freed through QSBR, so lock-free readers of an item may
 * read a stale buffer but never freed memory. */
#ifndef WF_BYTES_H
#define WF_BYTES_H

#include "object.h"

extern wf_type wf_bytes_type, wf_bytearray_type;
extern wf_type wf_memoryview_type; /* runtime/memoryview.h */

typedef struct wf_bytes_object {
    wf_object ob;
    size_t size;
    _Atomic int64_t hash; /* -1 until computed */
    char data[];          /* size bytes, then NUL */
} wf_bytes_object;

typedef struct wf_bytearray_object {
    wf_object ob;
    _Atomic size_t size; /* guarded by ob_mutex for writes */
    size_t cap;          /* guarded by ob_mutex */
    char *_Atomic data;  /* size bytes (NUL after them when cap > size) */
    size_t exports;      /* guarded by ob_mutex: live memoryviews; while > 0 the size
                          * may not change (BufferError), so the buffer never moves */
} wf_bytearray_object;

bool wf_bytes_check(wf_value v);     /* bytes or a subclass */
bool wf_bytearray_check(wf_value v); /* bytearray or a subclass */
static inline const char *wf_bytes_data(wf_value v)
{
    return ((wf_bytes_object *)wf_to_object(v))->data;
}
static inline size_t wf_bytes_size(wf_value v)
{
    return ((wf_bytes_object *)wf_to_object(v))->size;
}

/* A bytearray's current contents: read them inside a critical section on it. */
static inline const char *wf_bytearray_data(wf_value v)
{
    return atomic_load_explicit(&((wf_bytearray_object *)wf_to_object(v))->data,
                                memory_order_acquire);
}
static inline size_t wf_bytearray_size(wf_value v)
{
    return atomic_load_explicit(&((wf_bytearray_object *)wf_to_object(v))->size,
                                memory_order_acquire);
}

/* A new bytes with a copy of data[0..n) (data may be NULL: zero-filled). */
wf_value wf_bytes_from_data(wf_thread *t, const char *data, size_t n);
/* An uninitialized bytes of n bytes for the caller to fill before publishing. */
wf_bytes_object *wf_bytes_alloc(wf_thread *t, size_t n);
wf_value wf_bytearray_from_data(wf_thread *t, const char *data, size_t n);
/* bytes(ba) for a bytearray: a snapshot copied inside a critical section on it. */
wf_value wf_bytearray_to_bytes(wf_thread *t, wf_value ba);

/* s.encode(encoding, errors) and data.decode(encoding, errors), for every codec name
 * Python knows, with CPython's error handlers and errors (runtime/text_codecs.c, which
 * says what weft cannot do yet): LookupError "unknown encoding: x" and "unknown error
 * handler name 'x'" (the handler is looked up only when an error needs it, as CPython
 * does). */
wf_value wf_str_encode(wf_thread *t, wf_value s, const char *encoding, const char *errors);
wf_value wf_bytes_decode(wf_thread *t, const char *data, size_t n, const char *encoding,
                         const char *errors);

extern wf_type wf_bytes_iterator_type;

/* ---- Internal to the bytes files (bytes.c, bytes_methods.c, format.c) ---------------- */

/* The bytes of a bytes-like value, read without holding a lock: a bytes in place, a
 * bytearray through a snapshot copied inside a critical section on it (kept in keep), a
 * memoryview through wf_memoryview_view (runtime/memoryview.h; ValueError when it is
 * released). */
typedef struct wf_bytes_view {
    const char *p;
    size_t n;
    wf_value keep; /* the snapshot, or 0 */
} wf_bytes_view;
/* false when v is not bytes-like (no exception set) or the snapshot failed (set). */
bool wf_bytes_view_get(wf_thread *t, wf_value v, wf_bytes_view *out);
/* The same for an argument: TypeError "a bytes-like object is required, not 'str'". */
bool wf_bytes_view_arg(wf_thread *t, wf_value v, wf_bytes_view *out);
void wf_bytes_view_release(wf_thread *t, wf_bytes_view *v);

/* bytes(v) for a bytes-like v or one whose type defines __bytes__ (TypeError
 * "__bytes__ returned non-bytes (type int)"); 0 without an exception for anything else. */
wf_value wf_bytes_of_object(wf_thread *t, wf_value v);

/* An int in range(256) for a byte: TypeError for a non-integer, ValueError "byte must be
 * in range(0, 256)". */
bool wf_byte_value(wf_thread *t, wf_value v, char *out);

/* The methods tables (runtime/bytes_methods.c) and bytearray's mutating methods they
 * list (runtime/bytes.c). */
extern const wf_method_def wf_bytes_methods[], wf_bytearray_methods[];
wf_value wf_bytearray_append(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames);
wf_value wf_bytearray_extend(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames);
wf_value wf_bytearray_insert(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames);
wf_value wf_bytearray_pop(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kwnames);
wf_value wf_bytearray_remove(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames);
wf_value wf_bytearray_clear(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                            wf_value kwnames);
wf_value wf_bytearray_copy(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames);
wf_value wf_bytearray_reverse(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames);

/* format % args for bytes and bytearray (runtime/format.c): a new object of format's
 * kind. */
wf_value wf_bytes_percent_format(wf_thread *t, wf_value format, wf_value args);

#endif
