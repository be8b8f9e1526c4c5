/* str: immutable Unicode text stored as UTF-8 (lone surrogates allowed, encoded in
 * three bytes as the parser produces them), NUL-terminated, with its length in code
 * points. ASCII strings (the common case) index in O(1); other strings find a code
 * point offset by scanning (a per-string index may come later).
 *
 * Interned strings are immortal and unique per content: identifiers, attribute and
 * keyword names, and anything wf_str_intern returns, so names compare by pointer. */
#ifndef WF_STR_H
#define WF_STR_H

#include <stdarg.h>

#include "object.h"

extern wf_type wf_str_type;

typedef struct wf_str_object {
    wf_object ob;
    int64_t length;       /* code points */
    size_t size;          /* bytes of UTF-8, without the NUL */
    _Atomic int64_t hash; /* -1 until computed */
    uint8_t ascii;        /* every byte < 0x80 */
    uint8_t interned;
    char data[]; /* size bytes, then NUL */
} wf_str_object;

bool wf_str_check(wf_value v); /* str or a subclass */
static inline bool wf_str_check_exact(wf_value v)
{
    return wf_is_object(v) && wf_to_object(v)->ob_type == &wf_str_type;
}
static inline const char *wf_str_utf8(wf_value s)
{
    return ((wf_str_object *)wf_to_object(s))->data;
}
static inline size_t wf_str_size(wf_value s)
{
    return ((wf_str_object *)wf_to_object(s))->size;
}
static inline int64_t wf_str_length(wf_value s)
{
    return ((wf_str_object *)wf_to_object(s))->length;
}

/* A new str from n bytes of UTF-8 (the caller guarantees it is valid; surrogates
 * allowed). */
wf_value wf_str_from_utf8(wf_thread *t, const char *s, size_t n);
wf_value wf_str_from_cstr(wf_thread *t, const char *s);
/* printf-style formatting into a new str. */
wf_value wf_str_printf(wf_thread *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The interned, immortal str for a C string: for names known to C code (cache it in a
 * static, e.g. static wf_value name; if (!name) name = wf_str_intern_cstr(t, "x")).
 * Thread-safe. 0 only when out of memory. */
wf_value wf_str_intern_cstr(wf_thread *t, const char *s);
/* The interned copy of s (s itself if it is already interned); new reference. */
wf_value wf_str_intern(wf_thread *t, wf_value s);

bool wf_str_equal(wf_value a, wf_value b); /* both str */
int64_t wf_str_hash(wf_value s);
wf_value wf_str_concat(wf_thread *t, wf_value a, wf_value b);
/* repr(s) with CPython's quoting and escapes. */
wf_value wf_str_repr(wf_thread *t, wf_value s);

#endif
