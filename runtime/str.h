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

extern wf_type wf_str_iterator_type, wf_str_ascii_iterator_type;

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
/* str(obj, encoding, errors) (fname "str") or obj.decode(encoding, errors) (fname
 * "decode"): obj must be bytes-like; encoding/errors may be 0. */
wf_value wf_str_decode_object(wf_thread *t, const char *fname, wf_value obj, wf_value encoding,
                              wf_value errors);

/* sep.join(iterable). */
wf_value wf_str_join(wf_thread *t, wf_value sep, wf_value iterable);
/* s.replace(old, new, count); count < 0 replaces all. */
wf_value wf_str_replace(wf_thread *t, wf_value s, wf_value old, wf_value new_, int64_t count);
/* str.isidentifier(). */
bool wf_str_is_identifier(wf_value s);

/* ---- Internal to the str and bytes files (str*.c, format.c, bytes*.c) --------------- */

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

/* ---- Text algorithms shared by str and bytes (runtime/str_methods.c) --------------- */

/* The characters a method works on: the UTF-8 of a str (a character is a code point;
 * whitespace, line breaks and case are Unicode's), or the contents of bytes or of a
 * bytearray snapshot (a character is a byte; whitespace is ASCII's " \t\n\v\f\r", line
 * breaks are \n and \r, only ASCII letters have case). Positions handed to Python are
 * character indexes. New objects made from a text take self's kind: str, bytes or
 * bytearray; a result that is all of an exact str or bytes is self itself. */
typedef struct wf_text {
    const char *p;
    size_t n;      /* bytes */
    wf_value self; /* the str, bytes or bytearray the characters belong to (borrowed) */
    bool bytes;    /* characters are bytes */
} wf_text;

wf_text wf_text_of_str(wf_value s);
/* A new object of s's kind holding p[0..n) (a part of s->p, or any data). */
wf_value wf_text_new(wf_thread *t, const wf_text *s, const char *p, size_t n);
/* The built bytes as an object of s's kind; frees the buffer. */
wf_value wf_text_finish(wf_thread *t, const wf_text *s, wf_strbuf *b);

/* Argument checks with CPython's messages, for methods qualified "str.upper",
 * "bytes.upper", "bytearray.upper" (false with TypeError set):
 * no_args: "bytes.upper() takes no arguments (1 given)"; one_arg: "... takes exactly
 * one argument (0 given)"; clinic_args: "strip expected at most 1 argument, got 2";
 * old_args: "find() takes at least 1 argument (0 given)"; bound_arg: a slice bound of
 * find/count/startswith (None keeps *out, big ints clamp). */
bool wf_text_no_args(wf_thread *t, const char *qualname, size_t nargs, wf_value kwnames);
bool wf_text_one_arg(wf_thread *t, const char *qualname, size_t nargs, wf_value kwnames);
bool wf_text_clinic_args(wf_thread *t, const char *qualname, const char *name, size_t nargs,
                         wf_value kwnames, size_t min, size_t max);
bool wf_text_old_args(wf_thread *t, const char *qualname, const char *name, size_t nargs,
                      wf_value kwnames, size_t min, size_t max);
bool wf_text_bound_arg(wf_thread *t, wf_value v, int64_t *out);

enum wf_find_kind { WF_FIND, WF_RFIND, WF_COUNT };
/* find/rfind of needle[0..m) in s[start:end] (bounds as slice bounds): the character
 * index or -1; count: the number of non-overlapping matches. */
int64_t wf_text_find(const wf_text *s, const char *needle, size_t m, int64_t start, int64_t end,
                     enum wf_find_kind kind);
/* Does s[start:end] start (at_end: end) with x[0..m)? */
bool wf_text_affix(const wf_text *s, const char *x, size_t m, int64_t start, int64_t end,
                   bool at_end);
/* split / rsplit (right) on sep[0..m), or on runs of whitespace when sep is NULL, at most
 * maxsplit times (< 0: no limit): a new list. */
wf_value wf_text_split(wf_thread *t, const wf_text *s, const char *sep, size_t m, int64_t maxsplit,
                       bool right);
wf_value wf_text_splitlines(wf_thread *t, const wf_text *s, bool keepends);
/* strip / lstrip / rstrip the characters of chars[0..m), or whitespace when chars is
 * NULL. */
wf_value wf_text_strip(wf_thread *t, const wf_text *s, const char *chars, size_t m, bool left,
                       bool right);
/* Replace old[0..m) by new[0..k), count times at most (< 0: all). */
wf_value wf_text_replace(wf_thread *t, const wf_text *s, const char *old, size_t m,
                         const char *new_, size_t k, int64_t count);
/* removeprefix / removesuffix (suffix) of x[0..m). */
wf_value wf_text_remove_affix(wf_thread *t, const wf_text *s, const char *x, size_t m, bool suffix);
/* partition / rpartition on sep[0..m) (m > 0); sep is the separator object, the middle
 * item of the result when it is found (a copy for a bytearray). */
wf_value wf_text_partition(wf_thread *t, const wf_text *s, wf_value sep, const char *sd, size_t m,
                           bool right);

enum wf_case_op {
    WF_CASE_LOWER,
    WF_CASE_UPPER,
    WF_CASE_FOLD,
    WF_CASE_SWAP,
    WF_CASE_TITLE,
    WF_CASE_CAPITALIZE
};
wf_value wf_text_case(wf_thread *t, const wf_text *s, enum wf_case_op op);
/* Does pred hold for every character (false for an empty text unless empty_ok)? */
bool wf_text_all(const wf_text *s, bool (*pred)(uint32_t), bool empty_ok);
/* islower (upper false) / isupper: a cased character and none of the other case. */
bool wf_text_cased_only(const wf_text *s, bool upper);
bool wf_text_istitle(const wf_text *s);

enum wf_justify { WF_LJUST, WF_RJUST, WF_CENTER };
/* ljust / rjust / center to width characters with fill (a code point, or a byte). */
wf_value wf_text_justify(wf_thread *t, const wf_text *s, int64_t width, enum wf_justify how,
                         uint32_t fill);
wf_value wf_text_zfill(wf_thread *t, const wf_text *s, int64_t width);
wf_value wf_text_expandtabs(wf_thread *t, const wf_text *s, int64_t tabsize);

/* For int() and float() of a str: the n bytes of UTF-8 at s without surrounding
 * whitespace, with Unicode decimal digits mapped to ASCII, into out (room for n bytes);
 * false if another non-ASCII character remains (it cannot be part of a literal). */
bool wf_str_number_text(const char *s, size_t n, char *out, size_t *out_len);

#endif
