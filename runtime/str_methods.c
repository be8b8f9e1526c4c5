/* The methods of str, and the text algorithms that str, bytes and bytearray share:
 * searching, splitting, stripping, case mapping and classification, padding, line
 * splitting, tabs (runtime/str.h, "Text algorithms shared by str and bytes"); then
 * joining and translation, which are str's own. Encoding lives in runtime/bytes.c,
 * formatting in runtime/format.c and the bytes wrappers in runtime/bytes_methods.c.
 *
 * The shared algorithms work on a wf_text: bytes of UTF-8 whose characters are code
 * points (str), or bytes whose characters are bytes (bytes, bytearray). Positions
 * handed to and returned from Python are character indexes; the work is done on bytes
 * (a match of valid UTF-8 always starts on a character boundary), and indexes are
 * converted at the edges with text_offset / text_index. */
#define _GNU_SOURCE 1 /* memmem */
#include "str.h"

#include <stdio.h>
#include <string.h>

#include "abstract.h"
#include "alloc.h"
#include "bytes.h"
#include "callable.h"
#include "dict.h"
#include "error.h"
#include "exceptions.h"
#include "format.h"
#include "int.h"
#include "list.h"
#include "singletons.h"
#include "slice.h"
#include "tuple.h"
#include "type.h"
#include "unicode_db.h"
#include "utf8.h"

/* ---- Argument checks with CPython's messages ------------------------------------------ */

/* "str.upper() takes no keyword arguments" */
static bool no_kwargs(wf_thread *t, const char *qualname, wf_value kwnames)
{
    if (kwnames && wf_tuple_size(kwnames) > 0) {
        wf_err_set(t, &wf_exc_TypeError, "%s() takes no keyword arguments", qualname);
        return false;
    }
    return true;
}

/* METH_NOARGS: "str.upper() takes no arguments (1 given)" */
bool wf_text_no_args(wf_thread *t, const char *qualname, size_t nargs, wf_value kwnames)
{
    if (!no_kwargs(t, qualname, kwnames))
        return false;
    if (nargs) {
        wf_err_set(t, &wf_exc_TypeError, "%s() takes no arguments (%zu given)", qualname, nargs);
        return false;
    }
    return true;
}

/* METH_O: "str.zfill() takes exactly one argument (0 given)" */
bool wf_text_one_arg(wf_thread *t, const char *qualname, size_t nargs, wf_value kwnames)
{
    if (!no_kwargs(t, qualname, kwnames))
        return false;
    if (nargs != 1) {
        wf_err_set(t, &wf_exc_TypeError, "%s() takes exactly one argument (%zu given)", qualname,
                   nargs);
        return false;
    }
    return true;
}

/* Argument Clinic's positional check: "strip expected at most 1 argument, got 2". */
bool wf_text_clinic_args(wf_thread *t, const char *qualname, const char *name, size_t nargs,
                         wf_value kwnames, size_t min, size_t max)
{
    if (!no_kwargs(t, qualname, kwnames))
        return false;
    if (nargs >= min && nargs <= max)
        return true;
    size_t want = nargs < min ? min : max;
    wf_err_set(t, &wf_exc_TypeError, "%s expected %s%zu argument%s, got %zu", name,
               min == max    ? ""
               : nargs < min ? "at least "
                             : "at most ",
               want, want == 1 ? "" : "s", nargs);
    return false;
}

/* The old-style check of find/count/index: "find() takes at least 1 argument (0 given)". */
bool wf_text_old_args(wf_thread *t, const char *qualname, const char *name, size_t nargs,
                      wf_value kwnames, size_t min, size_t max)
{
    if (!no_kwargs(t, qualname, kwnames))
        return false;
    if (nargs >= min && nargs <= max)
        return true;
    size_t want = nargs < min ? min : max;
    wf_err_set(t, &wf_exc_TypeError, "%s() takes at %s %zu argument%s (%zu given)", name,
               nargs < min ? "least" : "most", want, want == 1 ? "" : "s", nargs);
    return false;
}

/* A slice bound of find/count/startswith: None keeps *out; indexes clamp to int64. */
bool wf_text_bound_arg(wf_thread *t, wf_value v, int64_t *out)
{
    if (!v || v == WF_NONE)
        return true;
    if (!wf_is_index(v)) {
        wf_err_set(t, &wf_exc_TypeError,
                   "slice indices must be integers or None or have an __index__ method");
        return false;
    }
    wf_value i = wf_index(t, v);
    if (!i)
        return false;
    if (!wf_int_as_int64(t, i, out)) {
        wf_err_clear(t);
        *out = wf_int_sign(i) < 0 ? -INT64_MAX : INT64_MAX;
    }
    wf_value_decref(t, i);
    return true;
}

/* A Py_ssize_t argument (width, count, tabsize): TypeError for a non-index. */
static bool ssize_arg(wf_thread *t, wf_value v, int64_t *out)
{
    *out = wf_ssize_arg(t, v);
    return !(*out == -1 && wf_err_occurred(t));
}

/* "must be str, not int" and the like. */
static bool str_arg(wf_thread *t, wf_value v, const char *prefix)
{
    if (wf_str_check(v))
        return true;
    wf_err_set(t, &wf_exc_TypeError, "%smust be str, not %s", prefix, wf_type_name(wf_type_of(v)));
    return false;
}

/* ---- Text: characters, positions, results ------------------------------------------------ */

wf_text wf_text_of_str(wf_value s)
{
    return (wf_text){wf_str_utf8(s), wf_str_size(s), s, false};
}

static bool is_ascii_space(uint32_t c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* The line boundaries of str.splitlines: \n \r \v \f \x1c \x1d \x1e \x85 U+2028 U+2029. */
static bool is_linebreak(uint32_t cp)
{
    return (cp >= 0x0A && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1E) || cp == 0x85 || cp == 0x2028 ||
           cp == 0x2029;
}

/* The character at p (p < end of s) into *c; its length in bytes. */
static int text_next(const wf_text *s, const char *p, uint32_t *c)
{
    if (s->bytes) {
        *c = (unsigned char)*p;
        return 1;
    }
    return wf_utf8_decode_str(p, s->p + s->n, c);
}

/* Start of the code point that ends just before p. */
static const char *prev_cp(const char *p)
{
    do
        p--;
    while (((unsigned char)*p & 0xC0) == 0x80);
    return p;
}

/* Start of the character that ends just before p (p > s->p). */
static const char *text_prev(const wf_text *s, const char *p)
{
    return s->bytes ? p - 1 : prev_cp(p);
}

static bool text_space(const wf_text *s, uint32_t c)
{
    return s->bytes ? is_ascii_space(c) : wf_unicode_is_space(c);
}

static bool text_linebreak(const wf_text *s, uint32_t c)
{
    return s->bytes ? c == '\n' || c == '\r' : is_linebreak(c);
}

static bool ascii_upper(uint32_t c)
{
    return c >= 'A' && c <= 'Z';
}

static bool ascii_lower(uint32_t c)
{
    return c >= 'a' && c <= 'z';
}

static bool text_upper(const wf_text *s, uint32_t c)
{
    return s->bytes ? ascii_upper(c) : wf_unicode_is_upper(c);
}

static bool text_lower(const wf_text *s, uint32_t c)
{
    return s->bytes ? ascii_lower(c) : wf_unicode_is_lower(c);
}

static bool text_titlecase(const wf_text *s, uint32_t c)
{
    return !s->bytes && wf_unicode_is_title(c);
}

static bool text_cased(const wf_text *s, uint32_t c)
{
    return s->bytes ? ascii_upper(c) || ascii_lower(c) : wf_unicode_is_cased(c);
}

static int64_t text_length(const wf_text *s)
{
    return s->bytes ? (int64_t)s->n : wf_str_length(s->self);
}

/* Byte offset of character i (0 <= i <= length). */
static size_t text_offset(const wf_text *s, int64_t i)
{
    return s->bytes ? (size_t)i : wf_str_offset(s->self, i);
}

/* Character index of byte offset off. */
static int64_t text_index(const wf_text *s, size_t off)
{
    if (s->bytes || ((wf_str_object *)wf_to_object(s->self))->ascii)
        return (int64_t)off;
    return (int64_t)wf_utf8_length(s->p, s->p + off);
}

/* Append character c: a code point as UTF-8, or a byte. */
static bool text_put(wf_thread *t, const wf_text *s, wf_strbuf *b, uint32_t c)
{
    if (!s->bytes)
        return wf_strbuf_append_cp(t, b, c);
    char ch = (char)c;
    return wf_strbuf_append(t, b, &ch, 1);
}

/* Append count copies of character c. */
static bool text_fill(wf_thread *t, const wf_text *s, wf_strbuf *b, uint32_t c, int64_t count)
{
    if (!s->bytes || c < 0x80)
        return wf_strbuf_append_fill(t, b, c, count);
    for (int64_t i = 0; i < count; i++)
        if (!text_put(t, s, b, c))
            return false;
    return true;
}

wf_value wf_text_new(wf_thread *t, const wf_text *s, const char *p, size_t n)
{
    if (p == s->p && n == s->n &&
        (s->bytes ? wf_to_object(s->self)->ob_type == &wf_bytes_type : wf_str_check_exact(s->self)))
        return wf_newref(t, s->self);
    if (!s->bytes)
        return wf_str_from_utf8(t, p, n);
    return wf_bytearray_check(s->self) ? wf_bytearray_from_data(t, p, n)
                                       : wf_bytes_from_data(t, p, n);
}

wf_value wf_text_finish(wf_thread *t, const wf_text *s, wf_strbuf *b)
{
    if (!s->bytes)
        return wf_strbuf_finish(t, b);
    wf_value r = wf_bytearray_check(s->self) ? wf_bytearray_from_data(t, b->p, b->len)
                                             : wf_bytes_from_data(t, b->p, b->len);
    wf_strbuf_free(b);
    return r;
}

/* Append s's bytes [a, b) to list as a new object of s's kind. */
static bool append_piece(wf_thread *t, wf_value list, const wf_text *s, size_t a, size_t b)
{
    wf_value piece = wf_text_new(t, s, s->p + a, b - a);
    if (!piece)
        return false;
    int r = wf_list_append(t, list, piece);
    wf_value_decref(t, piece);
    return r == 0;
}

/* ---- Searching: find, rfind, count, startswith, endswith ---------------------------------- */

/* start/end of find and friends adjusted as CPython's ADJUST_INDICES does; false when
 * the range is empty with start > end (nothing can match there, not even ''). Byte
 * offsets of the range go to *a and *b. */
static bool search_range(const wf_text *s, int64_t start, int64_t end, size_t *a, size_t *b)
{
    int64_t len = text_length(s);
    if (end > len)
        end = len;
    else if (end < 0 && (end += len) < 0)
        end = 0;
    if (start < 0 && (start += len) < 0)
        start = 0;
    if (start > end)
        return false;
    *a = text_offset(s, start);
    *b = text_offset(s, end);
    return true;
}

/* Last occurrence of needle in hay[0..n), or -1. */
static int64_t bytes_rfind(const char *hay, size_t n, const char *needle, size_t m)
{
    if (m > n)
        return -1;
    for (size_t i = n - m + 1; i-- > 0;)
        if (memcmp(hay + i, needle, m) == 0)
            return (int64_t)i;
    return -1;
}

/* Non-overlapping occurrences of needle (m > 0 bytes) in hay[0..n). */
static int64_t bytes_count(const char *hay, size_t n, const char *needle, size_t m)
{
    int64_t count = 0;
    for (size_t i = 0; i + m <= n;) {
        int64_t k = wf_bytes_find(hay + i, n - i, needle, m);
        if (k < 0)
            break;
        count++;
        i += (size_t)k + m;
    }
    return count;
}

int64_t wf_text_find(const wf_text *s, const char *nd, size_t m, int64_t start, int64_t end,
                     enum wf_find_kind kind)
{
    size_t a, b;
    if (!search_range(s, start, end, &a, &b))
        return kind == WF_COUNT ? 0 : -1;
    if (kind == WF_COUNT) {
        if (m == 0) /* one match before each character and one at the end */
            return text_index(s, b) - text_index(s, a) + 1;
        return bytes_count(s->p + a, b - a, nd, m);
    }
    int64_t k = kind == WF_FIND ? wf_bytes_find(s->p + a, b - a, nd, m)
                                : bytes_rfind(s->p + a, b - a, nd, m);
    return k < 0 ? -1 : text_index(s, a + (size_t)k);
}

bool wf_text_affix(const wf_text *s, const char *x, size_t m, int64_t start, int64_t end,
                   bool at_end)
{
    size_t a, b;
    if (!search_range(s, start, end, &a, &b) || m > b - a)
        return false;
    return memcmp(s->p + (at_end ? b - m : a), x, m) == 0;
}

/* The shared body of str's find/rfind/index/rindex/count: -2 on error, -1 not found,
 * else the code point index (or the count). */
static int64_t do_find(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                       wf_value kwnames, const char *name, const char *qualname,
                       enum wf_find_kind kind)
{
    if (!wf_text_old_args(t, qualname, name, nargs, kwnames, 1, 3))
        return -2;
    wf_value sub = args[0];
    if (!wf_str_check(sub)) {
        wf_err_set(t, &wf_exc_TypeError, "must be str, not %s", wf_type_name(wf_type_of(sub)));
        return -2;
    }
    int64_t start = 0, end = INT64_MAX;
    if ((nargs > 1 && !wf_text_bound_arg(t, args[1], &start)) ||
        (nargs > 2 && !wf_text_bound_arg(t, args[2], &end)))
        return -2;
    wf_text s = wf_text_of_str(self);
    return wf_text_find(&s, wf_str_utf8(sub), wf_str_size(sub), start, end, kind);
}

static wf_value str_find(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                         wf_value kwnames)
{
    int64_t r = do_find(t, self, args, nargs, kwnames, "find", "str.find", WF_FIND);
    return r == -2 ? WF_NULL : wf_int_from_int64(t, r);
}

static wf_value str_rfind(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    int64_t r = do_find(t, self, args, nargs, kwnames, "rfind", "str.rfind", WF_RFIND);
    return r == -2 ? WF_NULL : wf_int_from_int64(t, r);
}

static wf_value str_index(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    int64_t r = do_find(t, self, args, nargs, kwnames, "index", "str.index", WF_FIND);
    if (r == -1)
        return wf_err_set(t, &wf_exc_ValueError, "substring not found");
    return r == -2 ? WF_NULL : wf_int_from_int64(t, r);
}

static wf_value str_rindex(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    int64_t r = do_find(t, self, args, nargs, kwnames, "rindex", "str.rindex", WF_RFIND);
    if (r == -1)
        return wf_err_set(t, &wf_exc_ValueError, "substring not found");
    return r == -2 ? WF_NULL : wf_int_from_int64(t, r);
}

static wf_value str_count(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    int64_t r = do_find(t, self, args, nargs, kwnames, "count", "str.count", WF_COUNT);
    return r == -2 ? WF_NULL : wf_int_from_int64(t, r < 0 ? 0 : r);
}

static wf_value do_affix(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                         wf_value kwnames, const char *name, bool at_end)
{
    char qual[32];
    snprintf(qual, sizeof qual, "str.%s", name);
    if (!wf_text_old_args(t, qual, name, nargs, kwnames, 1, 3))
        return WF_NULL;
    int64_t start = 0, end = INT64_MAX;
    if ((nargs > 1 && !wf_text_bound_arg(t, args[1], &start)) ||
        (nargs > 2 && !wf_text_bound_arg(t, args[2], &end)))
        return WF_NULL;
    wf_value x = args[0];
    bool tuple = wf_tuple_check(x);
    if (!tuple && !wf_str_check(x))
        return wf_err_set(t, &wf_exc_TypeError,
                          "%s first arg must be str or a tuple of str, not %s", name,
                          wf_type_name(wf_type_of(x)));
    wf_text s = wf_text_of_str(self);
    size_t n = tuple ? wf_tuple_size(x) : 1;
    for (size_t i = 0; i < n; i++) {
        wf_value affix = tuple ? WF_TUPLE_ITEMS(x)[i] : x;
        if (!wf_str_check(affix))
            return wf_err_set(t, &wf_exc_TypeError, "tuple for %s must only contain str, not %s",
                              name, wf_type_name(wf_type_of(affix)));
        if (wf_text_affix(&s, wf_str_utf8(affix), wf_str_size(affix), start, end, at_end))
            return WF_TRUE;
    }
    return WF_FALSE;
}

static wf_value str_startswith(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                               wf_value kwnames)
{
    return do_affix(t, self, args, nargs, kwnames, "startswith", false);
}

static wf_value str_endswith(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    return do_affix(t, self, args, nargs, kwnames, "endswith", true);
}

/* ---- split, rsplit, splitlines ---------------------------------------------------------- */

static bool is_space_at(const wf_text *s, const char *p, int *len)
{
    uint32_t c = 0;
    *len = text_next(s, p, &c);
    return text_space(s, c);
}

static bool is_space_before(const wf_text *s, const char *p, const char **start)
{
    int k;
    *start = text_prev(s, p);
    return is_space_at(s, *start, &k);
}

/* Whitespace split, left to right, at most maxsplit splits. */
static bool split_whitespace(wf_thread *t, wf_value list, const wf_text *s, int64_t maxsplit)
{
    const char *d = s->p, *end = d + s->n, *p = d;
    int k;
    for (;;) {
        while (p < end && is_space_at(s, p, &k))
            p += k;
        if (p == end)
            return true;
        if (maxsplit-- == 0) /* the rest, trailing whitespace kept */
            return append_piece(t, list, s, (size_t)(p - d), (size_t)(end - d));
        const char *q = p;
        while (q < end && !is_space_at(s, q, &k))
            q += k;
        if (!append_piece(t, list, s, (size_t)(p - d), (size_t)(q - d)))
            return false;
        p = q;
    }
}

/* Whitespace split from the right: pieces are appended in reverse, the caller reverses. */
static bool rsplit_whitespace(wf_thread *t, wf_value list, const wf_text *s, int64_t maxsplit)
{
    const char *d = s->p, *p = d + s->n, *q;
    for (;;) {
        while (p > d && is_space_before(s, p, &q))
            p = q;
        if (p == d)
            return true;
        if (maxsplit-- == 0)
            return append_piece(t, list, s, 0, (size_t)(p - d));
        const char *a = p;
        while (a > d && !is_space_before(s, a, &q))
            a = q;
        if (!append_piece(t, list, s, (size_t)(a - d), (size_t)(p - d)))
            return false;
        p = a;
    }
}

static bool split_sep(wf_thread *t, wf_value list, const wf_text *s, const char *sep, size_t m,
                      int64_t maxsplit)
{
    size_t i = 0;
    while (maxsplit-- != 0) {
        int64_t k = wf_bytes_find(s->p + i, s->n - i, sep, m);
        if (k < 0)
            break;
        if (!append_piece(t, list, s, i, i + (size_t)k))
            return false;
        i += (size_t)k + m;
    }
    return append_piece(t, list, s, i, s->n);
}

static bool rsplit_sep(wf_thread *t, wf_value list, const wf_text *s, const char *sep, size_t m,
                       int64_t maxsplit)
{
    size_t j = s->n;
    while (maxsplit-- != 0) {
        int64_t k = bytes_rfind(s->p, j, sep, m);
        if (k < 0)
            break;
        if (!append_piece(t, list, s, (size_t)k + m, j))
            return false;
        j = (size_t)k;
    }
    return append_piece(t, list, s, 0, j);
}

/* Reverse a list in place (it is new and unshared). wf_list_get gives new references
 * and wf_list_set takes its own, so both items are released after the swap. */
static bool reverse_list(wf_thread *t, wf_value list)
{
    int64_t n = wf_list_size(list);
    bool ok = true;
    for (int64_t i = 0, j = n - 1; ok && i < j; i++, j--) {
        wf_value a = wf_list_get(t, list, i), b = a ? wf_list_get(t, list, j) : WF_NULL;
        ok = a && b && wf_list_set(t, list, i, b) == 0 && wf_list_set(t, list, j, a) == 0;
        if (a)
            wf_value_decref(t, a);
        if (b)
            wf_value_decref(t, b);
    }
    return ok;
}

wf_value wf_text_split(wf_thread *t, const wf_text *s, const char *sep, size_t m, int64_t maxsplit,
                       bool right)
{
    if (maxsplit < 0)
        maxsplit = -1;
    wf_value list = wf_list_new(t, 0);
    if (!list)
        return WF_NULL;
    bool ok = right ? (sep ? rsplit_sep(t, list, s, sep, m, maxsplit)
                           : rsplit_whitespace(t, list, s, maxsplit))
                    : (sep ? split_sep(t, list, s, sep, m, maxsplit)
                           : split_whitespace(t, list, s, maxsplit));
    if (ok && right)
        ok = reverse_list(t, list);
    if (!ok) {
        wf_value_decref(t, list);
        return WF_NULL;
    }
    return list;
}

static wf_value do_split(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                         wf_value kwnames, const char *name, bool right)
{
    static const char *const names[] = {"sep", "maxsplit"};
    wf_value a[2];
    if (!wf_parse_args(t, name, args, nargs, kwnames, names, 2, 0, a))
        return WF_NULL;
    wf_value sep = a[0] && a[0] != WF_NONE ? a[0] : WF_NULL;
    int64_t maxsplit = -1;
    if (sep && !wf_str_check(sep))
        return wf_err_set(t, &wf_exc_TypeError, "must be str or None, not %s",
                          wf_type_name(wf_type_of(sep)));
    if (a[1] && !ssize_arg(t, a[1], &maxsplit))
        return WF_NULL;
    if (sep && wf_str_size(sep) == 0)
        return wf_err_set(t, &wf_exc_ValueError, "empty separator");
    wf_text s = wf_text_of_str(self);
    return wf_text_split(t, &s, sep ? wf_str_utf8(sep) : NULL, sep ? wf_str_size(sep) : 0, maxsplit,
                         right);
}

static wf_value str_split(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    return do_split(t, self, args, nargs, kwnames, "split", false);
}

static wf_value str_rsplit(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    return do_split(t, self, args, nargs, kwnames, "rsplit", true);
}

wf_value wf_text_splitlines(wf_thread *t, const wf_text *s, bool keepends)
{
    wf_value list = wf_list_new(t, 0);
    if (!list)
        return WF_NULL;
    const char *d = s->p, *end = d + s->n, *p = d, *line = d;
    while (p < end) {
        uint32_t c = 0;
        int k = text_next(s, p, &c);
        if (!text_linebreak(s, c)) {
            p += k;
            continue;
        }
        const char *eol = p;
        p += k;
        if (c == '\r' && p < end && *p == '\n')
            p++;
        if (!append_piece(t, list, s, (size_t)(line - d), (size_t)((keepends ? p : eol) - d)))
            goto fail;
        line = p;
    }
    if (line < end && !append_piece(t, list, s, (size_t)(line - d), (size_t)(end - d)))
        goto fail;
    return list;
fail:
    wf_value_decref(t, list);
    return WF_NULL;
}

static wf_value str_splitlines(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                               wf_value kwnames)
{
    static const char *const names[] = {"keepends"};
    wf_value a[1];
    if (!wf_parse_args(t, "splitlines", args, nargs, kwnames, names, 1, 0, a))
        return WF_NULL;
    int keepends = a[0] ? wf_truth(t, a[0]) : 0;
    if (keepends < 0)
        return WF_NULL;
    wf_text s = wf_text_of_str(self);
    return wf_text_splitlines(t, &s, keepends);
}

/* ---- join ----------------------------------------------------------------------------- */

/* Collect the items of iterable into a new array (owned references). */
static wf_value *collect(wf_thread *t, wf_value iterable, size_t *n)
{
    wf_value it = wf_iter(t, iterable);
    if (!it) {
        if (wf_err_matches(t, &wf_exc_TypeError)) {
            wf_err_clear(t);
            wf_err_set(t, &wf_exc_TypeError, "can only join an iterable");
        }
        return NULL;
    }
    size_t cap = 16, len = 0;
    wf_value *items = wf_mem_alloc(t, cap * sizeof *items);
    wf_value v = WF_NULL;
    while (items && (v = wf_iter_next(t, it))) {
        if (len == cap) {
            wf_value *more = wf_mem_realloc(t, items, 2 * cap * sizeof *items);
            if (!more) {
                wf_value_decref(t, v);
                break;
            }
            items = more;
            cap *= 2;
        }
        items[len++] = v;
    }
    wf_value_decref(t, it);
    if (!items || v || wf_err_occurred(t)) {
        if (!wf_err_occurred(t))
            wf_err_no_memory(t);
        for (size_t i = 0; items && i < len; i++)
            wf_value_decref(t, items[i]);
        wf_mem_free(items);
        return NULL;
    }
    *n = len;
    return items;
}

static wf_value join_items(wf_thread *t, wf_value sep, const wf_value *items, size_t n)
{
    size_t total = 0, m = wf_str_size(sep);
    int64_t length = 0;
    bool ascii = ((wf_str_object *)wf_to_object(sep))->ascii;
    for (size_t i = 0; i < n; i++) {
        if (!wf_str_check(items[i]))
            return wf_err_set(t, &wf_exc_TypeError,
                              "sequence item %zu: expected str instance, %s found", i,
                              wf_type_name(wf_type_of(items[i])));
        wf_str_object *o = (wf_str_object *)wf_to_object(items[i]);
        total += o->size + (i ? m : 0);
        length += o->length + (i ? wf_str_length(sep) : 0);
        ascii &= o->ascii;
    }
    if (n == 1 && wf_str_check_exact(items[0]))
        return wf_newref(t, items[0]);
    wf_str_object *r = wf_str_alloc(t, total, length, ascii);
    if (!r)
        return WF_NULL;
    char *w = r->data;
    for (size_t i = 0; i < n; i++) {
        if (i) {
            memcpy(w, wf_str_utf8(sep), m);
            w += m;
        }
        memcpy(w, wf_str_utf8(items[i]), wf_str_size(items[i]));
        w += wf_str_size(items[i]);
    }
    return wf_from_object(&r->ob);
}

wf_value wf_str_join(wf_thread *t, wf_value sep, wf_value iterable)
{
    size_t n;
    wf_value *items = collect(t, iterable, &n);
    if (!items)
        return WF_NULL;
    wf_value r = join_items(t, sep, items, n);
    for (size_t i = 0; i < n; i++)
        wf_value_decref(t, items[i]);
    wf_mem_free(items);
    return r;
}

static wf_value str_join(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                         wf_value kwnames)
{
    if (!wf_text_one_arg(t, "str.join", nargs, kwnames))
        return WF_NULL;
    return wf_str_join(t, self, args[0]);
}

/* ---- strip, lstrip, rstrip ---------------------------------------------------------------- */

/* Is the character at p (k bytes) one of chars[0..m), or whitespace when chars is NULL? */
static bool strip_member(const wf_text *s, const char *p, int k, const char *chars, size_t m)
{
    if (!chars) {
        uint32_t c = 0;
        text_next(s, p, &c);
        return text_space(s, c);
    }
    return wf_bytes_find(chars, m, p, (size_t)k) >= 0;
}

wf_value wf_text_strip(wf_thread *t, const wf_text *s, const char *chars, size_t m, bool left,
                       bool right)
{
    const char *end = s->p + s->n, *p = s->p, *q = end;
    uint32_t c = 0;
    int k;
    while (left && p < q && (k = text_next(s, p, &c)) && strip_member(s, p, k, chars, m))
        p += k;
    while (right && q > p) {
        const char *b = text_prev(s, q);
        if (!strip_member(s, b, (int)(q - b), chars, m))
            break;
        q = b;
    }
    return wf_text_new(t, s, p, (size_t)(q - p));
}

static wf_value do_strip(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                         wf_value kwnames, const char *name, bool left, bool right)
{
    char qual[16];
    snprintf(qual, sizeof qual, "str.%s", name);
    if (!wf_text_clinic_args(t, qual, name, nargs, kwnames, 0, 1))
        return WF_NULL;
    wf_value chars = nargs && args[0] != WF_NONE ? args[0] : WF_NULL;
    if (chars && !wf_str_check(chars))
        return wf_err_set(t, &wf_exc_TypeError, "%s arg must be None or str", name);
    wf_text s = wf_text_of_str(self);
    return wf_text_strip(t, &s, chars ? wf_str_utf8(chars) : NULL, chars ? wf_str_size(chars) : 0,
                         left, right);
}

static wf_value str_strip(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    return do_strip(t, self, args, nargs, kwnames, "strip", true, true);
}

static wf_value str_lstrip(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    return do_strip(t, self, args, nargs, kwnames, "lstrip", true, false);
}

static wf_value str_rstrip(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    return do_strip(t, self, args, nargs, kwnames, "rstrip", false, true);
}

/* ---- replace, removeprefix, removesuffix -------------------------------------------------- */

wf_value wf_text_replace(wf_thread *t, const wf_text *s, const char *od, size_t m, const char *nd,
                         size_t k, int64_t count)
{
    const char *d = s->p, *end = d + s->n;
    wf_strbuf b;
    wf_strbuf_init(&b);
    bool ok = true;
    if (m == 0) {
        /* new before every character and at the end, count times at most */
        const char *p = d;
        for (; count != 0 && ok; count--) {
            ok = wf_strbuf_append(t, &b, nd, k);
            if (p == end)
                break;
            uint32_t c = 0;
            int len = text_next(s, p, &c);
            ok = ok && wf_strbuf_append(t, &b, p, (size_t)len);
            p += len;
        }
        ok = ok && wf_strbuf_append(t, &b, p, (size_t)(end - p));
    } else {
        size_t i = 0;
        for (; count != 0 && ok; count--) {
            int64_t f = wf_bytes_find(d + i, s->n - i, od, m);
            if (f < 0)
                break;
            ok = wf_strbuf_append(t, &b, d + i, (size_t)f) && wf_strbuf_append(t, &b, nd, k);
            i += (size_t)f + m;
        }
        ok = ok && wf_strbuf_append(t, &b, d + i, s->n - i);
    }
    if (!ok) {
        wf_strbuf_free(&b);
        return WF_NULL;
    }
    return wf_text_finish(t, s, &b);
}

wf_value wf_str_replace(wf_thread *t, wf_value self, wf_value old, wf_value new_, int64_t count)
{
    wf_text s = wf_text_of_str(self);
    return wf_text_replace(t, &s, wf_str_utf8(old), wf_str_size(old), wf_str_utf8(new_),
                           wf_str_size(new_), count);
}

static wf_value str_replace(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    if (!wf_text_clinic_args(t, "str.replace", "replace", nargs, kwnames, 2, 3))
        return WF_NULL;
    int64_t count = -1;
    if (!str_arg(t, args[0], "replace() argument 1 ") ||
        !str_arg(t, args[1], "replace() argument 2 ") ||
        (nargs > 2 && !ssize_arg(t, args[2], &count)))
        return WF_NULL;
    return wf_str_replace(t, self, args[0], args[1], count);
}

wf_value wf_text_remove_affix(wf_thread *t, const wf_text *s, const char *x, size_t m, bool suffix)
{
    if (m && wf_text_affix(s, x, m, 0, INT64_MAX, suffix))
        return wf_text_new(t, s, suffix ? s->p : s->p + m, s->n - m);
    return wf_text_new(t, s, s->p, s->n);
}

static wf_value do_remove_affix(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                wf_value kwnames, const char *name, bool suffix)
{
    char qual[24];
    snprintf(qual, sizeof qual, "str.%s", name);
    if (!wf_text_one_arg(t, qual, nargs, kwnames))
        return WF_NULL;
    wf_value a = args[0];
    if (!wf_str_check(a))
        return wf_err_set(t, &wf_exc_TypeError, "%s() argument must be str, not %s", name,
                          wf_type_name(wf_type_of(a)));
    wf_text s = wf_text_of_str(self);
    return wf_text_remove_affix(t, &s, wf_str_utf8(a), wf_str_size(a), suffix);
}

static wf_value str_removeprefix(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                 wf_value kwnames)
{
    return do_remove_affix(t, self, args, nargs, kwnames, "removeprefix", false);
}

static wf_value str_removesuffix(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                 wf_value kwnames)
{
    return do_remove_affix(t, self, args, nargs, kwnames, "removesuffix", true);
}

/* ---- Case mapping ------------------------------------------------------------------------ */

/* str.lower()'s final sigma: U+03A3 at byte offset off becomes U+03C2 when a cased
 * letter precedes it and none follows (case-ignorable characters skipped both ways). */
static uint32_t lower_sigma(const char *d, const char *end, const char *at)
{
    uint32_t cp = 0;
    const char *p = at;
    bool before = false;
    while (p > d) {
        p = prev_cp(p);
        wf_utf8_decode_str(p, end, &cp);
        if (!wf_unicode_is_case_ignorable(cp)) {
            before = wf_unicode_is_cased(cp);
            break;
        }
    }
    if (!before)
        return 0x3C3;
    p = at + 2; /* U+03A3 is two bytes */
    while (p < end) {
        p += wf_utf8_decode_str(p, end, &cp);
        if (!wf_unicode_is_case_ignorable(cp))
            return wf_unicode_is_cased(cp) ? 0x3C3 : 0x3C2;
    }
    return 0x3C2;
}

/* Map one code point for op; `first` says whether it starts a word (title) or the str
 * (capitalize). */
static int map_cp(enum wf_case_op op, uint32_t cp, bool first, const char *d, const char *end,
                  const char *at, uint32_t out[3])
{
    if (cp == 0x3A3 && (op == WF_CASE_LOWER || op == WF_CASE_SWAP ||
                        (!first && op != WF_CASE_UPPER && op != WF_CASE_FOLD))) {
        out[0] = lower_sigma(d, end, at);
        return 1;
    }
    switch (op) {
    case WF_CASE_LOWER:
        return wf_unicode_to_lower(cp, out);
    case WF_CASE_UPPER:
        return wf_unicode_to_upper(cp, out);
    case WF_CASE_FOLD:
        return wf_unicode_to_fold(cp, out);
    case WF_CASE_SWAP:
        if (wf_unicode_is_upper(cp))
            return wf_unicode_to_lower(cp, out);
        if (wf_unicode_is_lower(cp))
            return wf_unicode_to_upper(cp, out);
        out[0] = cp;
        return 1;
    default: /* TITLE, CAPITALIZE */
        return first ? wf_unicode_to_title(cp, out) : wf_unicode_to_lower(cp, out);
    }
}

/* The same for a byte: only ASCII letters change. */
static uint32_t map_byte(enum wf_case_op op, uint32_t c, bool first)
{
    bool up = op == WF_CASE_UPPER || (op == WF_CASE_SWAP && ascii_lower(c)) ||
              ((op == WF_CASE_TITLE || op == WF_CASE_CAPITALIZE) && first);
    if (up)
        return ascii_lower(c) ? c - 32 : c;
    if (op == WF_CASE_SWAP && !ascii_upper(c))
        return c;
    return ascii_upper(c) ? c + 32 : c;
}

wf_value wf_text_case(wf_thread *t, const wf_text *s, enum wf_case_op op)
{
    const char *d = s->p, *end = d + s->n;
    wf_strbuf b;
    wf_strbuf_init(&b);
    bool prev_cased = false, ok = true;
    for (const char *p = d; p < end && ok;) {
        uint32_t c = 0, out[3];
        int k = text_next(s, p, &c);
        bool first = op == WF_CASE_TITLE ? !prev_cased : p == d;
        if (s->bytes) {
            ok = text_put(t, s, &b, map_byte(op, c, first));
        } else {
            int n = map_cp(op, c, first, d, end, p, out);
            for (int i = 0; i < n && ok; i++)
                ok = wf_strbuf_append_cp(t, &b, out[i]);
        }
        prev_cased = text_cased(s, c);
        p += k;
    }
    if (!ok) {
        wf_strbuf_free(&b);
        return WF_NULL;
    }
    return wf_text_finish(t, s, &b);
}

#define CASE_METHOD(fname, op)                                                                     \
    static wf_value str_##fname(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,   \
                                wf_value kwnames)                                                  \
    {                                                                                              \
        (void)args;                                                                                \
        if (!wf_text_no_args(t, "str." #fname, nargs, kwnames))                                    \
            return WF_NULL;                                                                        \
        wf_text s = wf_text_of_str(self);                                                          \
        return wf_text_case(t, &s, op);                                                            \
    }
CASE_METHOD(lower, WF_CASE_LOWER)
CASE_METHOD(upper, WF_CASE_UPPER)
CASE_METHOD(casefold, WF_CASE_FOLD)
CASE_METHOD(swapcase, WF_CASE_SWAP)
CASE_METHOD(title, WF_CASE_TITLE)
CASE_METHOD(capitalize, WF_CASE_CAPITALIZE)

/* ---- Classification ------------------------------------------------------------------------- */

static bool is_alnum_cp(uint32_t cp)
{
    return wf_unicode_is_alpha(cp) || wf_unicode_is_decimal(cp) || wf_unicode_is_digit(cp) ||
           wf_unicode_is_numeric(cp);
}

bool wf_text_all(const wf_text *s, bool (*pred)(uint32_t), bool empty_ok)
{
    const char *p = s->p, *end = p + s->n;
    if (p == end)
        return empty_ok;
    while (p < end) {
        uint32_t c = 0;
        p += text_next(s, p, &c);
        if (!pred(c))
            return false;
    }
    return true;
}

#define CLASS_METHOD(fname, pred, empty_ok)                                                        \
    static wf_value str_##fname(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,   \
                                wf_value kwnames)                                                  \
    {                                                                                              \
        (void)args;                                                                                \
        if (!wf_text_no_args(t, "str." #fname, nargs, kwnames))                                    \
            return WF_NULL;                                                                        \
        wf_text s = wf_text_of_str(self);                                                          \
        return wf_bool(wf_text_all(&s, pred, empty_ok));                                           \
    }
CLASS_METHOD(isalpha, wf_unicode_is_alpha, false)
CLASS_METHOD(isdecimal, wf_unicode_is_decimal, false)
CLASS_METHOD(isdigit, wf_unicode_is_digit, false)
CLASS_METHOD(isnumeric, wf_unicode_is_numeric, false)
CLASS_METHOD(isspace, wf_unicode_is_space, false)
CLASS_METHOD(isalnum, is_alnum_cp, false)
CLASS_METHOD(isprintable, wf_unicode_is_printable, true)

bool wf_text_cased_only(const wf_text *s, bool upper)
{
    const char *p = s->p, *end = p + s->n;
    bool cased = false;
    while (p < end) {
        uint32_t c = 0;
        p += text_next(s, p, &c);
        if ((upper ? text_lower(s, c) : text_upper(s, c)) || text_titlecase(s, c))
            return false;
        cased |= upper ? text_upper(s, c) : text_lower(s, c);
    }
    return cased;
}

static wf_value str_islower(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    (void)args;
    if (!wf_text_no_args(t, "str.islower", nargs, kwnames))
        return WF_NULL;
    wf_text s = wf_text_of_str(self);
    return wf_bool(wf_text_cased_only(&s, false));
}

static wf_value str_isupper(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    (void)args;
    if (!wf_text_no_args(t, "str.isupper", nargs, kwnames))
        return WF_NULL;
    wf_text s = wf_text_of_str(self);
    return wf_bool(wf_text_cased_only(&s, true));
}

/* Upper/title case only after uncased characters, lower case only after cased ones. */
bool wf_text_istitle(const wf_text *s)
{
    const char *p = s->p, *end = p + s->n;
    bool cased = false, prev_cased = false;
    while (p < end) {
        uint32_t c = 0;
        p += text_next(s, p, &c);
        if (text_upper(s, c) || text_titlecase(s, c)) {
            if (prev_cased)
                return false;
            prev_cased = cased = true;
        } else if (text_lower(s, c)) {
            if (!prev_cased)
                return false;
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return cased;
}

static wf_value str_istitle(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    (void)args;
    if (!wf_text_no_args(t, "str.istitle", nargs, kwnames))
        return WF_NULL;
    wf_text s = wf_text_of_str(self);
    return wf_bool(wf_text_istitle(&s));
}

bool wf_str_is_identifier(wf_value s)
{
    const char *p = wf_str_utf8(s), *end = p + wf_str_size(s);
    if (p == end)
        return false;
    for (bool first = true; p < end; first = false) {
        uint32_t cp = 0;
        p += wf_utf8_decode_str(p, end, &cp);
        if (!(first ? wf_unicode_is_ident_start(cp) : wf_unicode_is_ident_continue(cp)))
            return false;
    }
    return true;
}

static wf_value str_isidentifier(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                 wf_value kwnames)
{
    (void)args;
    if (!wf_text_no_args(t, "str.isidentifier", nargs, kwnames))
        return WF_NULL;
    return wf_bool(wf_str_is_identifier(self));
}

static wf_value str_isascii(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    (void)args;
    if (!wf_text_no_args(t, "str.isascii", nargs, kwnames))
        return WF_NULL;
    return wf_bool(((wf_str_object *)wf_to_object(self))->ascii);
}

/* ---- Padding: center, ljust, rjust, zfill ---------------------------------------------------- */

/* s padded with `left` and `right` copies of fill. */
static wf_value pad(wf_thread *t, const wf_text *s, int64_t left, int64_t right, uint32_t fill)
{
    if (left <= 0 && right <= 0)
        return wf_text_new(t, s, s->p, s->n);
    wf_strbuf b;
    wf_strbuf_init(&b);
    if (!text_fill(t, s, &b, fill, left) || !wf_strbuf_append(t, &b, s->p, s->n) ||
        !text_fill(t, s, &b, fill, right)) {
        wf_strbuf_free(&b);
        return WF_NULL;
    }
    return wf_text_finish(t, s, &b);
}

wf_value wf_text_justify(wf_thread *t, const wf_text *s, int64_t width, enum wf_justify how,
                         uint32_t fill)
{
    int64_t marg = width - text_length(s);
    if (marg <= 0)
        return pad(t, s, 0, 0, fill);
    if (how == WF_LJUST)
        return pad(t, s, 0, marg, fill);
    if (how == WF_RJUST)
        return pad(t, s, marg, 0, fill);
    int64_t left = marg / 2 + (marg & width & 1); /* CPython's rounding */
    return pad(t, s, left, marg - left, fill);
}

static wf_value do_justify(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames, const char *name, enum wf_justify how)
{
    char qual[16];
    snprintf(qual, sizeof qual, "str.%s", name);
    if (!wf_text_clinic_args(t, qual, name, nargs, kwnames, 1, 2))
        return WF_NULL;
    int64_t width;
    if (!ssize_arg(t, args[0], &width))
        return WF_NULL;
    uint32_t fill = ' ';
    if (nargs > 1) {
        if (!wf_str_check(args[1]))
            return wf_err_set(t, &wf_exc_TypeError, "%s() argument 2 must be str, not %s", name,
                              wf_type_name(wf_type_of(args[1])));
        if (wf_str_length(args[1]) != 1)
            return wf_err_set(t, &wf_exc_TypeError,
                              "The fill character must be exactly one character long");
        fill = wf_str_cp_at(args[1], 0);
    }
    wf_text s = wf_text_of_str(self);
    return wf_text_justify(t, &s, width, how, fill);
}

static wf_value str_ljust(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    return do_justify(t, self, args, nargs, kwnames, "ljust", WF_LJUST);
}

static wf_value str_rjust(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    return do_justify(t, self, args, nargs, kwnames, "rjust", WF_RJUST);
}

static wf_value str_center(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    return do_justify(t, self, args, nargs, kwnames, "center", WF_CENTER);
}

wf_value wf_text_zfill(wf_thread *t, const wf_text *s, int64_t width)
{
    int64_t fill = width - text_length(s);
    if (fill <= 0)
        return pad(t, s, 0, 0, '0');
    size_t sign = s->n > 0 && (s->p[0] == '+' || s->p[0] == '-');
    wf_strbuf b;
    wf_strbuf_init(&b);
    if (!wf_strbuf_append(t, &b, s->p, sign) || !wf_strbuf_append_fill(t, &b, '0', fill) ||
        !wf_strbuf_append(t, &b, s->p + sign, s->n - sign)) {
        wf_strbuf_free(&b);
        return WF_NULL;
    }
    return wf_text_finish(t, s, &b);
}

static wf_value str_zfill(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    if (!wf_text_one_arg(t, "str.zfill", nargs, kwnames))
        return WF_NULL;
    int64_t width;
    if (!ssize_arg(t, args[0], &width))
        return WF_NULL;
    wf_text s = wf_text_of_str(self);
    return wf_text_zfill(t, &s, width);
}

/* ---- partition, rpartition ----------------------------------------------------------------- */

wf_value wf_text_partition(wf_thread *t, const wf_text *s, wf_value sep, const char *sd, size_t m,
                           bool right)
{
    int64_t k = right ? bytes_rfind(s->p, s->n, sd, m) : wf_bytes_find(s->p, s->n, sd, m);
    wf_value parts[3] = {0, 0, 0};
    if (k < 0) {
        parts[right ? 2 : 0] = wf_text_new(t, s, s->p, s->n);
        parts[1] = wf_text_new(t, s, "", 0);
        parts[right ? 0 : 2] = wf_text_new(t, s, "", 0);
    } else {
        parts[0] = wf_text_new(t, s, s->p, (size_t)k);
        parts[1] =
            s->bytes && wf_bytearray_check(s->self) ? wf_text_new(t, s, sd, m) : wf_newref(t, sep);
        parts[2] = wf_text_new(t, s, s->p + k + m, s->n - (size_t)k - m);
    }
    wf_value r = WF_NULL;
    if (parts[0] && parts[1] && parts[2])
        r = wf_tuple_from_array(t, parts, 3);
    for (int i = 0; i < 3; i++)
        if (parts[i])
            wf_value_decref(t, parts[i]);
    return r;
}

static wf_value do_partition(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames, const char *qual, bool right)
{
    if (!wf_text_one_arg(t, qual, nargs, kwnames))
        return WF_NULL;
    wf_value sep = args[0];
    if (!str_arg(t, sep, ""))
        return WF_NULL;
    if (wf_str_size(sep) == 0)
        return wf_err_set(t, &wf_exc_ValueError, "empty separator");
    wf_text s = wf_text_of_str(self);
    return wf_text_partition(t, &s, sep, wf_str_utf8(sep), wf_str_size(sep), right);
}

static wf_value str_partition(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    return do_partition(t, self, args, nargs, kwnames, "str.partition", false);
}

static wf_value str_rpartition(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                               wf_value kwnames)
{
    return do_partition(t, self, args, nargs, kwnames, "str.rpartition", true);
}

/* ---- expandtabs ------------------------------------------------------------------------------ */

wf_value wf_text_expandtabs(wf_thread *t, const wf_text *s, int64_t tabsize)
{
    const char *end = s->p + s->n;
    wf_strbuf b;
    wf_strbuf_init(&b);
    int64_t col = 0;
    bool ok = true;
    for (const char *p = s->p; p < end && ok;) {
        uint32_t c = 0;
        int k = text_next(s, p, &c);
        if (c == '\t') {
            if (tabsize > 0) {
                int64_t spaces = tabsize - col % tabsize;
                ok = wf_strbuf_append_fill(t, &b, ' ', spaces);
                col += spaces;
            }
        } else {
            ok = wf_strbuf_append(t, &b, p, (size_t)k);
            col = c == '\n' || c == '\r' ? 0 : col + 1;
        }
        p += k;
    }
    if (!ok) {
        wf_strbuf_free(&b);
        return WF_NULL;
    }
    return wf_text_finish(t, s, &b);
}

static wf_value str_expandtabs(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                               wf_value kwnames)
{
    static const char *const names[] = {"tabsize"};
    wf_value a[1];
    if (!wf_parse_args(t, "expandtabs", args, nargs, kwnames, names, 1, 0, a))
        return WF_NULL;
    int64_t tabsize = 8;
    if (a[0] && !ssize_arg(t, a[0], &tabsize))
        return WF_NULL;
    wf_text s = wf_text_of_str(self);
    return wf_text_expandtabs(t, &s, tabsize);
}

/* ---- translate, maketrans ------------------------------------------------------------------ */

/* Append what table maps cp to: the code point itself when the lookup raises LookupError,
 * nothing for None, chr(int), or a str. */
static bool translate_cp(wf_thread *t, wf_strbuf *b, wf_value table, uint32_t cp)
{
    wf_value key = wf_int_from_int64(t, cp);
    wf_value v = wf_getitem(t, table, key);
    if (!v) {
        if (!wf_err_matches(t, &wf_exc_LookupError))
            return false;
        wf_err_clear(t);
        return wf_strbuf_append_cp(t, b, cp);
    }
    bool ok = true;
    if (v == WF_NONE) {
        /* deleted */
    } else if (wf_int_check(v)) {
        int64_t c;
        if (!wf_int_as_int64(t, v, &c) || c < 0 || c > 0x10FFFF) {
            wf_err_clear(t);
            wf_err_set(t, &wf_exc_ValueError, "character mapping must be in range(0x110000)");
            ok = false;
        } else {
            ok = wf_strbuf_append_cp(t, b, (uint32_t)c);
        }
    } else if (wf_str_check(v)) {
        ok = wf_strbuf_append(t, b, wf_str_utf8(v), wf_str_size(v));
    } else {
        wf_err_set(t, &wf_exc_TypeError, "character mapping must return integer, None or str");
        ok = false;
    }
    wf_value_decref(t, v);
    return ok;
}

static wf_value str_translate(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    if (!wf_text_one_arg(t, "str.translate", nargs, kwnames))
        return WF_NULL;
    const char *d = wf_str_utf8(self), *end = d + wf_str_size(self);
    wf_strbuf b;
    wf_strbuf_init(&b);
    for (const char *p = d; p < end;) {
        uint32_t cp = 0;
        p += wf_utf8_decode_str(p, end, &cp);
        if (!translate_cp(t, &b, args[0], cp)) {
            wf_strbuf_free(&b);
            return WF_NULL;
        }
    }
    return wf_strbuf_finish(t, &b);
}

/* maketrans(dict): keys of length-1 str become their ordinals. */
static wf_value maketrans_dict(wf_thread *t, wf_value x)
{
    if (!wf_dict_check(x))
        return wf_err_set(t, &wf_exc_TypeError,
                          "if you give only one argument to maketrans it must be a dict");
    wf_value r = wf_dict_new(t);
    size_t pos = 0;
    wf_value k, v;
    while (r && wf_dict_next(t, x, &pos, &k, &v)) {
        wf_value key = WF_NULL;
        if (wf_str_check(k) && wf_str_length(k) == 1)
            key = wf_int_from_int64(t, wf_str_cp_at(k, 0));
        else if (wf_int_check(k))
            key = wf_newref(t, k);
        else if (wf_str_check(k))
            wf_err_set(t, &wf_exc_ValueError, "string keys in translate table must be of length 1");
        else
            wf_err_set(t, &wf_exc_TypeError, "keys in translate table must be strings or integers");
        int ok = key ? wf_dict_set(t, r, key, v) : -1;
        if (key)
            wf_value_decref(t, key);
        wf_value_decref(t, k);
        wf_value_decref(t, v);
        if (ok < 0) {
            wf_value_decref(t, r);
            return WF_NULL;
        }
    }
    return r;
}

/* Set d[ord(a)] = value for each code point a of s (value 0: ord of the matching code
 * point of y). */
static bool maketrans_pairs(wf_thread *t, wf_value d, wf_value x, wf_value y)
{
    const char *p = wf_str_utf8(x), *end = p + wf_str_size(x);
    const char *q = y ? wf_str_utf8(y) : NULL, *qend = y ? q + wf_str_size(y) : NULL;
    while (p < end) {
        uint32_t a = 0, b = 0;
        p += wf_utf8_decode_str(p, end, &a);
        if (q)
            q += wf_utf8_decode_str(q, qend, &b);
        wf_value key = wf_int_from_int64(t, a);
        wf_value val = q ? wf_int_from_int64(t, b) : WF_NONE;
        int r = key && val ? wf_dict_set(t, d, key, val) : -1;
        if (key)
            wf_value_decref(t, key);
        if (val)
            wf_value_decref(t, val);
        if (r < 0)
            return false;
    }
    return true;
}

static wf_value str_maketrans(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    (void)self;
    if (!wf_text_clinic_args(t, "str.maketrans", "maketrans", nargs, kwnames, 1, 3))
        return WF_NULL;
    if (nargs == 1)
        return maketrans_dict(t, args[0]);
    if (!wf_str_check(args[0]))
        return wf_err_set(t, &wf_exc_TypeError,
                          "first maketrans argument must be a string if there is a second "
                          "argument");
    if (!str_arg(t, args[1], "maketrans() argument 2 ") ||
        (nargs > 2 && !str_arg(t, args[2], "maketrans() argument 3 ")))
        return WF_NULL;
    if (wf_str_length(args[0]) != wf_str_length(args[1]))
        return wf_err_set(t, &wf_exc_ValueError,
                          "the first two maketrans arguments must have equal length");
    wf_value d = wf_dict_new(t);
    if (!d)
        return WF_NULL;
    if (!maketrans_pairs(t, d, args[0], args[1]) ||
        (nargs > 2 && !maketrans_pairs(t, d, args[2], WF_NULL))) {
        wf_value_decref(t, d);
        return WF_NULL;
    }
    return d;
}

/* ---- encode, __getnewargs__ ------------------------------------------------------------------ */

static wf_value str_encode(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    static const char *const names[] = {"encoding", "errors"};
    wf_value a[2];
    if (!wf_parse_args(t, "encode", args, nargs, kwnames, names, 2, 0, a))
        return WF_NULL;
    if ((a[0] && !str_arg(t, a[0], "encode() argument 'encoding' ")) ||
        (a[1] && !str_arg(t, a[1], "encode() argument 'errors' ")))
        return WF_NULL;
    return wf_str_encode(t, self, a[0] ? wf_str_utf8(a[0]) : "utf-8",
                         a[1] ? wf_str_utf8(a[1]) : "strict");
}

static wf_value str_getnewargs(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                               wf_value kwnames)
{
    (void)args;
    if (!wf_text_no_args(t, "str.__getnewargs__", nargs, kwnames))
        return WF_NULL;
    wf_value copy = wf_str_from_utf8(t, wf_str_utf8(self), wf_str_size(self));
    if (!copy)
        return WF_NULL;
    wf_value r = wf_tuple_pack(t, 1, copy);
    wf_value_decref(t, copy);
    return r;
}

const wf_method_def wf_str_methods[] = {
    {"encode", str_encode},
    {"replace", str_replace},
    {"split", str_split},
    {"rsplit", str_rsplit},
    {"join", str_join},
    {"capitalize", str_capitalize},
    {"casefold", str_casefold},
    {"title", str_title},
    {"center", str_center},
    {"count", str_count},
    {"expandtabs", str_expandtabs},
    {"find", str_find},
    {"partition", str_partition},
    {"index", str_index},
    {"ljust", str_ljust},
    {"lower", str_lower},
    {"lstrip", str_lstrip},
    {"rfind", str_rfind},
    {"rindex", str_rindex},
    {"rjust", str_rjust},
    {"rstrip", str_rstrip},
    {"rpartition", str_rpartition},
    {"splitlines", str_splitlines},
    {"strip", str_strip},
    {"swapcase", str_swapcase},
    {"translate", str_translate},
    {"upper", str_upper},
    {"startswith", str_startswith},
    {"endswith", str_endswith},
    {"removeprefix", str_removeprefix},
    {"removesuffix", str_removesuffix},
    {"isascii", str_isascii},
    {"islower", str_islower},
    {"isupper", str_isupper},
    {"istitle", str_istitle},
    {"isspace", str_isspace},
    {"isdecimal", str_isdecimal},
    {"isdigit", str_isdigit},
    {"isnumeric", str_isnumeric},
    {"isalpha", str_isalpha},
    {"isalnum", str_isalnum},
    {"isidentifier", str_isidentifier},
    {"isprintable", str_isprintable},
    {"zfill", str_zfill},
    {"format", wf_str_method_format},
    {"format_map", wf_str_method_format_map},
    {"__format__", wf_str_method_dunder_format},
    {"maketrans", str_maketrans, WF_METH_STATIC},
    {"__getnewargs__", str_getnewargs},
    {NULL},
};
