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

/* s.encode(encoding, errors) for utf-8, ascii and latin-1 (any of their aliases) with
 * errors strict, ignore or replace; LookupError "unknown encoding: x" otherwise. */
wf_value wf_str_encode(wf_thread *t, wf_value s, const char *encoding, const char *errors);
/* data.decode(encoding, errors) for the same codecs. */
extern wf_type wf_bytes_iterator_type;

wf_value wf_bytes_decode(wf_thread *t, const char *data, size_t n, const char *encoding,
                         const char *errors);

#endif
