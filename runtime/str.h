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

/* ---- More of the str API ---------------------------------------------------------- */

extern wf_type wf_str_iterator_type;

/* The empty str and the one-character ASCII strs: immortal and interned. */
wf_value wf_str_empty(wf_thread *t);
wf_value wf_str_from_char(wf_thread *t, unsigned char c);
/* The one-character str for code point cp. */
wf_value wf_str_from_codepoint(wf_thread *t, uint32_t cp);
/* -1, 0, 1: code point order. */
int wf_str_compare(wf_value a, wf_value b);
/* s * n; n <= 0 gives ''. */
wf_value wf_str_repeat(wf_thread *t, wf_value s, int64_t n);
/* The str of code points [start, stop), 0 <= start <= stop <= length. */
wf_value wf_str_substr(wf_thread *t, wf_value s, int64_t start, int64_t stop);
/* hash of data[0..n) as str and bytes hash it (0 for empty, never -1). */
int64_t wf_str_hash_bytes(const char *data, size_t n);
/* format % args (runtime/format.c). */
wf_value wf_str_percent_format(wf_thread *t, wf_value format, wf_value args);
/* str(obj, encoding, errors): obj must be bytes-like; encoding/errors may be 0. */
wf_value wf_str_decode_object(wf_thread *t, wf_value obj, wf_value encoding, wf_value errors);

/* sep.join(iterable). */
wf_value wf_str_join(wf_thread *t, wf_value sep, wf_value iterable);
/* s.replace(old, new, count); count < 0 replaces all. */
wf_value wf_str_replace(wf_thread *t, wf_value s, wf_value old, wf_value new_, int64_t count);
/* str.isidentifier(). */
bool wf_str_is_identifier(wf_value s);

/* ---- Internal to the str files (str.c, str_methods.c, format.c, bytes.c) ------------ */

/* An uninitialized str of `size` bytes and `length` code points; the caller fills data
 * before anyone else sees it. NULL with MemoryError set. */
wf_str_object *wf_str_alloc(wf_thread *t, size_t size, int64_t length, bool ascii);
wf_str_object *wf_str_alloc_type(wf_thread *t, wf_type *type, size_t size, int64_t length,
                                 bool ascii);
/* Byte offset of code point i (0 <= i <= length). */
size_t wf_str_offset(wf_value s, int64_t i);
/* The code point at byte offset off. */
uint32_t wf_str_cp_at(wf_value s, size_t off);
/* Write cp as UTF-8 (surrogates allowed); returns the byte count (1..4). */
int wf_utf8_encode(char *p, uint32_t cp);
/* Byte offset of needle in hay, or -1. */
int64_t wf_bytes_find(const char *hay, size_t n, const char *needle, size_t m);
/* A growable UTF-8 buffer for building a str: the bytes, then wf_strbuf_finish makes
 * the str (and frees the buffer). The first 256 bytes live inside the struct. */
typedef struct wf_strbuf {
    char *p;
    size_t len, cap;
    char small[256];
} wf_strbuf;
void wf_strbuf_init(wf_strbuf *b);
/* false with MemoryError set. */
bool wf_strbuf_append(wf_thread *t, wf_strbuf *b, const char *data, size_t n);
bool wf_strbuf_append_cp(wf_thread *t, wf_strbuf *b, uint32_t cp);
bool wf_strbuf_append_fill(wf_thread *t, wf_strbuf *b, uint32_t cp, int64_t count);
wf_value wf_strbuf_finish(wf_thread *t, wf_strbuf *b);
void wf_strbuf_free(wf_strbuf *b);
/* The methods table (runtime/str_methods.c). */
extern const wf_method_def wf_str_methods[];

/* For int() and float() of a str: the n bytes of UTF-8 at s without surrounding
 * whitespace, with Unicode decimal digits mapped to ASCII, into out (room for n bytes);
 * false if another non-ASCII character remains (it cannot be part of a literal). */
bool wf_str_number_text(const char *s, size_t n, char *out, size_t *out_len);

#endif
