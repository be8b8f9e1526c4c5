/* The methods of bytes and bytearray that read their contents: searching, splitting,
 * stripping, case mapping and classification, padding (the algorithms are str's, shared
 * through wf_text in runtime/str_methods.c), and hex, fromhex, decode, join, translate
 * and maketrans; then the methods tables, which also list bytearray's mutating methods
 * (runtime/bytes.c).
 *
 * A bytearray's methods work on a snapshot of its contents copied inside a critical
 * section (wf_bytes_view_get): a method sees one consistent state even while another
 * thread changes the bytearray, and no lock is held while it allocates its result. */
#include <stdio.h>
#include <string.h>

#include "abstract.h"
#include "alloc.h"
#include "bytes.h"
#include "callable.h"
#include "error.h"
#include "exceptions.h"
#include "int.h"
#include "memoryview.h"
#include "singletons.h"
#include "slice.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "utf8.h"

/* ---- Arguments ------------------------------------------------------------------------- */

/* "bytes" or "bytearray": the class whose method descriptor was called. */
static const char *kind_name(wf_value self)
{
    return wf_bytearray_check(self) ? "bytearray" : "bytes";
}

/* "bytes.upper" into buf. */
static const char *qualname(char *buf, size_t size, wf_value self, const char *name)
{
    snprintf(buf, size, "%s.%s", kind_name(self), name);
    return buf;
}

/* The characters of self: a bytes in place, a bytearray's snapshot (release v after). */
static bool self_text(wf_thread *t, wf_value self, wf_bytes_view *v, wf_text *s)
{
    if (!wf_bytes_view_get(t, self, v))
        return false;
    *s = (wf_text){v->p, v->n, self, true};
    return true;
}

/* A Py_ssize_t argument (width, count, tabsize): TypeError for a non-index. */
static bool ssize_arg(wf_thread *t, wf_value v, int64_t *out)
{
    *out = wf_ssize_arg(t, v);
    return !(*out == -1 && wf_err_occurred(t));
}

/* An optional bytes-like argument: None (or absent) leaves v->p NULL. */
static bool opt_bytes_arg(wf_thread *t, wf_value a, wf_bytes_view *v)
{
    *v = (wf_bytes_view){NULL, 0, WF_NULL};
    return !a || a == WF_NONE || wf_bytes_view_arg(t, a, v);
}

/* ---- find, rfind, index, rindex, count --------------------------------------------------- */

/* The subsequence of find and friends: a byte given as an int, or a bytes-like value. */
static bool needle_arg(wf_thread *t, wf_value v, char *byte, wf_bytes_view *out)
{
    *out = (wf_bytes_view){byte, 1, WF_NULL};
    if (wf_is_index(v))
        return wf_byte_value(t, v, byte);
    if (wf_bytes_view_get(t, v, out))
        return true;
    if (!wf_err_occurred(t))
        wf_err_set(t, &wf_exc_TypeError,
                   "argument should be integer or bytes-like object, not '%s'",
                   wf_type_name(wf_type_of(v)));
    return false;
}

/* The body of find/rfind/index/rindex/count: -2 on error, else wf_text_find's result. */
static int64_t do_find(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                       wf_value kwnames, const char *name, enum wf_find_kind kind)
{
    char qual[32];
    if (!wf_text_old_args(t, qualname(qual, sizeof qual, self, name), name, nargs, kwnames, 1, 3))
        return -2;
    int64_t start = 0, end = INT64_MAX;
    char byte;
    wf_bytes_view sub, v;
    wf_text s;
    if (!needle_arg(t, args[0], &byte, &sub))
        return -2;
    int64_t r = -2;
    if ((nargs < 2 || wf_text_bound_arg(t, args[1], &start)) &&
        (nargs < 3 || wf_text_bound_arg(t, args[2], &end)) && self_text(t, self, &v, &s)) {
        r = wf_text_find(&s, sub.p, sub.n, start, end, kind);
        wf_bytes_view_release(t, &v);
    }
    wf_bytes_view_release(t, &sub);
    return r;
}

static wf_value bytes_find(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    int64_t r = do_find(t, self, args, nargs, kwnames, "find", WF_FIND);
    return r == -2 ? WF_NULL : wf_int_from_int64(t, r);
}

static wf_value bytes_rfind(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    int64_t r = do_find(t, self, args, nargs, kwnames, "rfind", WF_RFIND);
    return r == -2 ? WF_NULL : wf_int_from_int64(t, r);
}

static wf_value bytes_index(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    int64_t r = do_find(t, self, args, nargs, kwnames, "index", WF_FIND);
    if (r == -1)
        return wf_err_set(t, &wf_exc_ValueError, "subsection not found");
    return r == -2 ? WF_NULL : wf_int_from_int64(t, r);
}

static wf_value bytes_rindex(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    int64_t r = do_find(t, self, args, nargs, kwnames, "rindex", WF_RFIND);
    if (r == -1)
        return wf_err_set(t, &wf_exc_ValueError, "subsection not found");
    return r == -2 ? WF_NULL : wf_int_from_int64(t, r);
}

static wf_value bytes_count(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    int64_t r = do_find(t, self, args, nargs, kwnames, "count", WF_COUNT);
    return r == -2 ? WF_NULL : wf_int_from_int64(t, r);
}

/* ---- startswith, endswith ----------------------------------------------------------------- */

/* Does s[start:end] start (at_end: end) with the bytes-like affix? -1 on error. */
static int affix_match(wf_thread *t, const wf_text *s, wf_value affix, int64_t start, int64_t end,
                       bool at_end)
{
    wf_bytes_view a;
    if (!wf_bytes_view_arg(t, affix, &a))
        return -1;
    int r = wf_text_affix(s, a.p, a.n, start, end, at_end);
    wf_bytes_view_release(t, &a);
    return r;
}

static wf_value do_affix(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                         wf_value kwnames, const char *name, bool at_end)
{
    char qual[32];
    if (!wf_text_old_args(t, qualname(qual, sizeof qual, self, name), name, nargs, kwnames, 1, 3))
        return WF_NULL;
    int64_t start = 0, end = INT64_MAX;
    if ((nargs > 1 && !wf_text_bound_arg(t, args[1], &start)) ||
        (nargs > 2 && !wf_text_bound_arg(t, args[2], &end)))
        return WF_NULL;
    wf_value x = args[0];
    bool tuple = wf_tuple_check(x);
    if (!tuple && !wf_bytes_check(x) && !wf_bytearray_check(x) && !wf_memoryview_check(x))
        return wf_err_set(t, &wf_exc_TypeError,
                          "%s first arg must be bytes or a tuple of bytes, not %s", name,
                          wf_type_name(wf_type_of(x)));
    wf_bytes_view v;
    wf_text s;
    if (!self_text(t, self, &v, &s))
        return WF_NULL;
    size_t n = tuple ? wf_tuple_size(x) : 1;
    int r = 0;
    for (size_t i = 0; i < n && r == 0; i++)
        r = affix_match(t, &s, tuple ? WF_TUPLE_ITEMS(x)[i] : x, start, end, at_end);
    wf_bytes_view_release(t, &v);
    return r < 0 ? WF_NULL : wf_bool(r);
}

static wf_value bytes_startswith(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                 wf_value kwnames)
{
    return do_affix(t, self, args, nargs, kwnames, "startswith", false);
}

static wf_value bytes_endswith(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                               wf_value kwnames)
{
    return do_affix(t, self, args, nargs, kwnames, "endswith", true);
}

/* ---- split, rsplit, splitlines, partition, rpartition ------------------------------------------
 */

static wf_value do_split(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                         wf_value kwnames, const char *name, bool right)
{
    static const char *const names[] = {"sep", "maxsplit"};
    wf_value a[2];
    if (!wf_parse_args(t, name, args, nargs, kwnames, names, 2, 0, a))
        return WF_NULL;
    int64_t maxsplit = -1;
    wf_bytes_view sep, v;
    wf_text s;
    if (!opt_bytes_arg(t, a[0], &sep))
        return WF_NULL;
    wf_value r = WF_NULL;
    bool ok = !a[1] || ssize_arg(t, a[1], &maxsplit);
    if (ok && sep.p && sep.n == 0) {
        wf_err_set(t, &wf_exc_ValueError, "empty separator");
        ok = false;
    }
    if (ok && self_text(t, self, &v, &s)) {
        r = wf_text_split(t, &s, sep.p, sep.n, maxsplit, right);
        wf_bytes_view_release(t, &v);
    }
    wf_bytes_view_release(t, &sep);
    return r;
}

static wf_value bytes_split(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    return do_split(t, self, args, nargs, kwnames, "split", false);
}

static wf_value bytes_rsplit(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    return do_split(t, self, args, nargs, kwnames, "rsplit", true);
}

static wf_value bytes_splitlines(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                 wf_value kwnames)
{
    static const char *const names[] = {"keepends"};
    wf_value a[1];
    if (!wf_parse_args(t, "splitlines", args, nargs, kwnames, names, 1, 0, a))
        return WF_NULL;
    int keepends = a[0] ? wf_truth(t, a[0]) : 0;
    wf_bytes_view v;
    wf_text s;
    if (keepends < 0 || !self_text(t, self, &v, &s))
        return WF_NULL;
    wf_value r = wf_text_splitlines(t, &s, keepends);
    wf_bytes_view_release(t, &v);
    return r;
}

static wf_value do_partition(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames, const char *name, bool right)
{
    char qual[32];
    if (!wf_text_one_arg(t, qualname(qual, sizeof qual, self, name), nargs, kwnames))
        return WF_NULL;
    wf_bytes_view sep, v;
    wf_text s;
    if (!wf_bytes_view_arg(t, args[0], &sep))
        return WF_NULL;
    wf_value r = WF_NULL;
    if (sep.n == 0)
        wf_err_set(t, &wf_exc_ValueError, "empty separator");
    else if (self_text(t, self, &v, &s)) {
        r = wf_text_partition(t, &s, args[0], sep.p, sep.n, right);
        wf_bytes_view_release(t, &v);
    }
    wf_bytes_view_release(t, &sep);
    return r;
}

static wf_value bytes_partition(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                wf_value kwnames)
{
    return do_partition(t, self, args, nargs, kwnames, "partition", false);
}

static wf_value bytes_rpartition(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                 wf_value kwnames)
{
    return do_partition(t, self, args, nargs, kwnames, "rpartition", true);
}

/* ---- strip, replace, removeprefix, removesuffix --------------------------------------------- */

static wf_value do_strip(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                         wf_value kwnames, const char *name, bool left, bool right)
{
    char qual[32];
    if (!wf_text_clinic_args(t, qualname(qual, sizeof qual, self, name), name, nargs, kwnames, 0,
                             1))
        return WF_NULL;
    wf_bytes_view chars, v;
    wf_text s;
    if (!opt_bytes_arg(t, nargs ? args[0] : WF_NULL, &chars))
        return WF_NULL;
    wf_value r = WF_NULL;
    if (self_text(t, self, &v, &s)) {
        r = wf_text_strip(t, &s, chars.p, chars.n, left, right);
        wf_bytes_view_release(t, &v);
    }
    wf_bytes_view_release(t, &chars);
    return r;
}

static wf_value bytes_strip(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    return do_strip(t, self, args, nargs, kwnames, "strip", true, true);
}

static wf_value bytes_lstrip(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    return do_strip(t, self, args, nargs, kwnames, "lstrip", true, false);
}

static wf_value bytes_rstrip(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    return do_strip(t, self, args, nargs, kwnames, "rstrip", false, true);
}

static wf_value bytes_replace(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    char qual[32];
    if (!wf_text_clinic_args(t, qualname(qual, sizeof qual, self, "replace"), "replace", nargs,
                             kwnames, 2, 3))
        return WF_NULL;
    int64_t count = -1;
    wf_bytes_view old, new_, v;
    wf_text s;
    if (!wf_bytes_view_arg(t, args[0], &old))
        return WF_NULL;
    wf_value r = WF_NULL;
    if (wf_bytes_view_arg(t, args[1], &new_)) {
        if ((nargs < 3 || ssize_arg(t, args[2], &count)) && self_text(t, self, &v, &s)) {
            r = wf_text_replace(t, &s, old.p, old.n, new_.p, new_.n, count);
            wf_bytes_view_release(t, &v);
        }
        wf_bytes_view_release(t, &new_);
    }
    wf_bytes_view_release(t, &old);
    return r;
}

static wf_value do_remove_affix(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                wf_value kwnames, const char *name, bool suffix)
{
    char qual[32];
    if (!wf_text_one_arg(t, qualname(qual, sizeof qual, self, name), nargs, kwnames))
        return WF_NULL;
    wf_bytes_view a, v;
    wf_text s;
    if (!wf_bytes_view_arg(t, args[0], &a))
        return WF_NULL;
    wf_value r = WF_NULL;
    if (self_text(t, self, &v, &s)) {
        r = wf_text_remove_affix(t, &s, a.p, a.n, suffix);
        wf_bytes_view_release(t, &v);
    }
    wf_bytes_view_release(t, &a);
    return r;
}

static wf_value bytes_removeprefix(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                   wf_value kwnames)
{
    return do_remove_affix(t, self, args, nargs, kwnames, "removeprefix", false);
}

static wf_value bytes_removesuffix(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                   wf_value kwnames)
{
    return do_remove_affix(t, self, args, nargs, kwnames, "removesuffix", true);
}

/* ---- Case mapping and classification (ASCII only) ---------------------------------------- */

static wf_value do_case(wf_thread *t, wf_value self, size_t nargs, wf_value kwnames,
                        const char *name, enum wf_case_op op)
{
    char qual[32];
    wf_bytes_view v;
    wf_text s;
    if (!wf_text_no_args(t, qualname(qual, sizeof qual, self, name), nargs, kwnames) ||
        !self_text(t, self, &v, &s))
        return WF_NULL;
    wf_value r = wf_text_case(t, &s, op);
    wf_bytes_view_release(t, &v);
    return r;
}

#define CASE_METHOD(fname, op)                                                                     \
    static wf_value bytes_##fname(wf_thread *t, wf_value self, const wf_value *args, size_t nargs, \
                                  wf_value kwnames)                                                \
    {                                                                                              \
        (void)args;                                                                                \
        return do_case(t, self, nargs, kwnames, #fname, op);                                       \
    }
CASE_METHOD(lower, WF_CASE_LOWER)
CASE_METHOD(upper, WF_CASE_UPPER)
CASE_METHOD(swapcase, WF_CASE_SWAP)
CASE_METHOD(title, WF_CASE_TITLE)
CASE_METHOD(capitalize, WF_CASE_CAPITALIZE)

static bool is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

static bool is_alpha(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_alnum(uint32_t c)
{
    return is_alpha(c) || is_digit(c);
}

static bool is_space(uint32_t c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static bool is_ascii(uint32_t c)
{
    return c < 0x80;
}

enum bclass { B_ALPHA, B_ALNUM, B_DIGIT, B_SPACE, B_ASCII, B_LOWER, B_UPPER, B_TITLE };

static wf_value do_class(wf_thread *t, wf_value self, size_t nargs, wf_value kwnames,
                         const char *name, enum bclass c)
{
    static bool (*const preds[])(uint32_t) = {
        [B_ALPHA] = is_alpha, [B_ALNUM] = is_alnum, [B_DIGIT] = is_digit,
        [B_SPACE] = is_space, [B_ASCII] = is_ascii,
    };
    char qual[32];
    wf_bytes_view v;
    wf_text s;
    if (!wf_text_no_args(t, qualname(qual, sizeof qual, self, name), nargs, kwnames) ||
        !self_text(t, self, &v, &s))
        return WF_NULL;
    bool r = c == B_LOWER   ? wf_text_cased_only(&s, false)
             : c == B_UPPER ? wf_text_cased_only(&s, true)
             : c == B_TITLE ? wf_text_istitle(&s)
                            : wf_text_all(&s, preds[c], c == B_ASCII);
    wf_bytes_view_release(t, &v);
    return wf_bool(r);
}

#define CLASS_METHOD(fname, c)                                                                     \
    static wf_value bytes_##fname(wf_thread *t, wf_value self, const wf_value *args, size_t nargs, \
                                  wf_value kwnames)                                                \
    {                                                                                              \
        (void)args;                                                                                \
        return do_class(t, self, nargs, kwnames, #fname, c);                                       \
    }
CLASS_METHOD(isalpha, B_ALPHA)
CLASS_METHOD(isalnum, B_ALNUM)
CLASS_METHOD(isdigit, B_DIGIT)
CLASS_METHOD(isspace, B_SPACE)
CLASS_METHOD(isascii, B_ASCII)
CLASS_METHOD(islower, B_LOWER)
CLASS_METHOD(isupper, B_UPPER)
CLASS_METHOD(istitle, B_TITLE)

/* ---- Padding: center, ljust, rjust, zfill, expandtabs ---------------------------------------- */

static wf_value do_justify(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames, const char *name, enum wf_justify how)
{
    char qual[32];
    if (!wf_text_clinic_args(t, qualname(qual, sizeof qual, self, name), name, nargs, kwnames, 1,
                             2))
        return WF_NULL;
    int64_t width;
    if (!ssize_arg(t, args[0], &width))
        return WF_NULL;
    uint32_t fill = ' ';
    if (nargs > 1) {
        wf_value f = args[1];
        size_t n = wf_bytes_check(f)       ? wf_bytes_size(f)
                   : wf_bytearray_check(f) ? wf_bytearray_size(f)
                                           : 0;
        if (n != 1)
            return wf_err_set(t, &wf_exc_TypeError,
                              "%s() argument 2 must be a byte string of length 1, not %s", name,
                              wf_type_name(wf_type_of(f)));
        wf_bytes_view fv;
        if (!wf_bytes_view_get(t, f, &fv))
            return WF_NULL;
        if (fv.n != 1) { /* a bytearray that changed meanwhile */
            wf_bytes_view_release(t, &fv);
            return wf_err_set(t, &wf_exc_TypeError,
                              "%s() argument 2 must be a byte string of length 1, not %s", name,
                              wf_type_name(wf_type_of(f)));
        }
        fill = (unsigned char)fv.p[0];
        wf_bytes_view_release(t, &fv);
    }
    wf_bytes_view v;
    wf_text s;
    if (!self_text(t, self, &v, &s))
        return WF_NULL;
    wf_value r = wf_text_justify(t, &s, width, how, fill);
    wf_bytes_view_release(t, &v);
    return r;
}

static wf_value bytes_ljust(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    return do_justify(t, self, args, nargs, kwnames, "ljust", WF_LJUST);
}

static wf_value bytes_rjust(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    return do_justify(t, self, args, nargs, kwnames, "rjust", WF_RJUST);
}

static wf_value bytes_center(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    return do_justify(t, self, args, nargs, kwnames, "center", WF_CENTER);
}

static wf_value bytes_zfill(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    char qual[32];
    int64_t width;
    wf_bytes_view v;
    wf_text s;
    if (!wf_text_one_arg(t, qualname(qual, sizeof qual, self, "zfill"), nargs, kwnames) ||
        !ssize_arg(t, args[0], &width) || !self_text(t, self, &v, &s))
        return WF_NULL;
    wf_value r = wf_text_zfill(t, &s, width);
    wf_bytes_view_release(t, &v);
    return r;
}

static wf_value bytes_expandtabs(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                 wf_value kwnames)
{
    static const char *const names[] = {"tabsize"};
    wf_value a[1];
    int64_t tabsize = 8;
    wf_bytes_view v;
    wf_text s;
    if (!wf_parse_args(t, "expandtabs", args, nargs, kwnames, names, 1, 0, a) ||
        (a[0] && !ssize_arg(t, a[0], &tabsize)) || !self_text(t, self, &v, &s))
        return WF_NULL;
    wf_value r = wf_text_expandtabs(t, &s, tabsize);
    wf_bytes_view_release(t, &v);
    return r;
}

/* ---- hex, fromhex, decode ------------------------------------------------------------------- */

/* The separator character of hex(sep): a str or bytes of one ASCII character. */
static bool hex_sep(wf_thread *t, wf_value sep, char *out)
{
    int64_t n = wf_len(t, sep);
    if (n < 0)
        return false;
    if (n != 1) {
        wf_err_set(t, &wf_exc_ValueError, "sep must be length 1.");
        return false;
    }
    uint32_t c;
    if (wf_str_check(sep)) {
        c = wf_str_cp_at(sep, 0);
    } else if (wf_bytes_check(sep)) {
        c = (unsigned char)wf_bytes_data(sep)[0];
    } else {
        wf_err_set(t, &wf_exc_TypeError, "sep must be str or bytes.");
        return false;
    }
    if (c > 127) {
        wf_err_set(t, &wf_exc_ValueError, "sep must be ASCII.");
        return false;
    }
    *out = (char)c;
    return true;
}

/* hex(sep=<none>, bytes_per_sep=1): two hex digits a byte, sep between groups of
 * |bytes_per_sep| bytes counted from the right (from the left when negative). */
static wf_value bytes_hex(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    static const char *const names[] = {"sep", "bytes_per_sep"};
    wf_value a[2];
    if (!wf_parse_args(t, "hex", args, nargs, kwnames, names, 2, 0, a))
        return WF_NULL;
    char sep = 0;
    int64_t group = 1;
    if ((a[0] && !hex_sep(t, a[0], &sep)) || (a[1] && !ssize_arg(t, a[1], &group)))
        return WF_NULL;
    wf_bytes_view v;
    if (!wf_bytes_view_get(t, self, &v))
        return WF_NULL;
    uint64_t every = !a[0] || group == 0 ? 0 : group < 0 ? (uint64_t)-group : (uint64_t)group;
    size_t seps = every && v.n ? (v.n - 1) / every : 0;
    wf_str_object *r = wf_str_alloc(t, 2 * v.n + seps, (int64_t)(2 * v.n + seps), true);
    if (r) {
        static const char hex[] = "0123456789abcdef";
        char *w = r->data;
        for (size_t i = 0; i < v.n; i++) {
            *w++ = hex[(unsigned char)v.p[i] >> 4];
            *w++ = hex[(unsigned char)v.p[i] & 15];
            size_t after = group < 0 ? i + 1 : v.n - 1 - i; /* bytes on the grouping side */
            if (every && i + 1 < v.n && after % every == 0)
                *w++ = sep;
        }
    }
    wf_bytes_view_release(t, &v);
    return r ? wf_from_object(&r->ob) : WF_NULL;
}

static int hex_value(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* bytes.fromhex(s) / bytearray.fromhex(s): pairs of hex digits, ASCII whitespace
 * between pairs allowed. */
static wf_value bytes_fromhex(wf_thread *t, wf_value cls, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    if (!wf_text_one_arg(t, "fromhex", nargs, kwnames))
        return WF_NULL;
    if (!wf_str_check(args[0]))
        return wf_err_set(t, &wf_exc_TypeError, "fromhex() argument must be str, not %s",
                          wf_type_name(wf_type_of(args[0])));
    const char *s = wf_str_utf8(args[0]);
    size_t n = wf_str_size(args[0]), w = 0;
    char *buf = wf_mem_alloc(t, n / 2 + 1);
    if (!buf)
        return wf_err_no_memory(t);
    for (size_t i = 0; i < n;) {
        if (is_space((unsigned char)s[i])) {
            i++;
            continue;
        }
        int hi = hex_value(s[i]), lo = i + 1 < n ? hex_value(s[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            size_t at = hi < 0 ? i : i + 1;
            wf_mem_free(buf);
            return wf_err_set(t, &wf_exc_ValueError,
                              "non-hexadecimal number found in fromhex() arg at position %zu",
                              wf_utf8_length(s, s + at));
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

static wf_value bytes_decode(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    static const char *const names[] = {"encoding", "errors"};
    wf_value a[2];
    if (!wf_parse_args(t, "decode", args, nargs, kwnames, names, 2, 0, a))
        return WF_NULL;
    return wf_str_decode_object(t, "decode", self, a[0], a[1]);
}

/* ---- join, translate, maketrans ------------------------------------------------------------- */

/* sep.join(iterable of bytes-like): a new object of sep's kind. */
static wf_value bytes_join(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    char qual[32];
    if (!wf_text_one_arg(t, qualname(qual, sizeof qual, self, "join"), nargs, kwnames))
        return WF_NULL;
    wf_value it = wf_iter(t, args[0]);
    if (!it) {
        if (wf_err_matches(t, &wf_exc_TypeError)) {
            wf_err_clear(t);
            wf_err_set(t, &wf_exc_TypeError, "can only join an iterable");
        }
        return WF_NULL;
    }
    wf_bytes_view sep;
    wf_text s;
    if (!self_text(t, self, &sep, &s)) {
        wf_value_decref(t, it);
        return WF_NULL;
    }
    wf_strbuf b;
    wf_strbuf_init(&b);
    bool ok = true;
    wf_value item;
    for (size_t i = 0; ok && (item = wf_iter_next(t, it)); i++) {
        wf_bytes_view v;
        if (!wf_bytes_view_get(t, item, &v)) {
            if (!wf_err_occurred(t))
                wf_err_set(t, &wf_exc_TypeError,
                           "sequence item %zu: expected a bytes-like object, %s found", i,
                           wf_type_name(wf_type_of(item)));
            ok = false;
        } else {
            ok = (i == 0 || wf_strbuf_append(t, &b, sep.p, sep.n)) &&
                 wf_strbuf_append(t, &b, v.p, v.n);
            wf_bytes_view_release(t, &v);
        }
        wf_value_decref(t, item);
    }
    wf_value_decref(t, it);
    wf_value r = WF_NULL;
    if (ok && !wf_err_occurred(t))
        r = wf_text_finish(t, &s, &b);
    else
        wf_strbuf_free(&b);
    wf_bytes_view_release(t, &sep);
    return r;
}

/* translate(table, delete=b''): each byte mapped through table (256 bytes, or None for
 * the identity), the bytes of delete removed. */
static wf_value bytes_translate(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                wf_value kwnames)
{
    static const char *const names[] = {"table", "delete"};
    wf_value a[2];
    if (!wf_parse_args(t, "translate", args, nargs, kwnames, names, 2, 1, a))
        return WF_NULL;
    wf_bytes_view table, del, v;
    wf_text s;
    if (!opt_bytes_arg(t, a[0], &table))
        return WF_NULL;
    wf_value r = WF_NULL;
    if (table.p && table.n != 256) {
        wf_err_set(t, &wf_exc_ValueError, "translation table must be 256 characters long");
    } else if (opt_bytes_arg(t, a[1], &del)) {
        if (self_text(t, self, &v, &s)) {
            bool drop[256] = {false};
            for (size_t i = 0; i < del.n; i++)
                drop[(unsigned char)del.p[i]] = true;
            wf_strbuf b;
            wf_strbuf_init(&b);
            bool ok = true;
            for (size_t i = 0; i < v.n && ok; i++) {
                unsigned char c = (unsigned char)v.p[i];
                if (!drop[c])
                    ok = wf_strbuf_append(t, &b, table.p ? table.p + c : (const char *)&c, 1);
            }
            if (ok)
                r = wf_text_finish(t, &s, &b);
            else
                wf_strbuf_free(&b);
            wf_bytes_view_release(t, &v);
        }
        wf_bytes_view_release(t, &del);
    }
    wf_bytes_view_release(t, &table);
    return r;
}

/* bytes.maketrans(frm, to): the 256-byte table translate takes, mapping frm to to. */
static wf_value bytes_maketrans(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                wf_value kwnames)
{
    (void)self;
    if (!wf_text_clinic_args(t, "maketrans", "maketrans", nargs, kwnames, 2, 2))
        return WF_NULL;
    wf_bytes_view frm, to;
    if (!wf_bytes_view_arg(t, args[0], &frm))
        return WF_NULL;
    wf_value r = WF_NULL;
    if (wf_bytes_view_arg(t, args[1], &to)) {
        if (frm.n != to.n) {
            wf_err_set(t, &wf_exc_ValueError, "maketrans arguments must have same length");
        } else {
            char table[256];
            for (int i = 0; i < 256; i++)
                table[i] = (char)i;
            for (size_t i = 0; i < frm.n; i++)
                table[(unsigned char)frm.p[i]] = to.p[i];
            r = wf_bytes_from_data(t, table, sizeof table);
        }
        wf_bytes_view_release(t, &to);
    }
    wf_bytes_view_release(t, &frm);
    return r;
}

/* ---- bytes only: __bytes__, __getnewargs__ ------------------------------------------------- */

/* A bytes of exactly type bytes with self's contents (self itself when it is one). */
static wf_value exact_bytes(wf_thread *t, wf_value self)
{
    if (wf_to_object(self)->ob_type == &wf_bytes_type)
        return wf_newref(t, self);
    return wf_bytes_from_data(t, wf_bytes_data(self), wf_bytes_size(self));
}

static wf_value bytes_dunder_bytes(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                   wf_value kwnames)
{
    (void)args;
    if (!wf_text_no_args(t, "bytes.__bytes__", nargs, kwnames))
        return WF_NULL;
    return exact_bytes(t, self);
}

static wf_value bytes_getnewargs(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                 wf_value kwnames)
{
    (void)args;
    if (!wf_text_no_args(t, "bytes.__getnewargs__", nargs, kwnames))
        return WF_NULL;
    wf_value copy = exact_bytes(t, self);
    if (!copy)
        return WF_NULL;
    wf_value r = wf_tuple_pack(t, 1, copy);
    wf_value_decref(t, copy);
    return r;
}

/* ---- Methods tables ---------------------------------------------------------------------- */

#define SHARED_METHODS                                                                             \
    {"capitalize", bytes_capitalize}, {"center", bytes_center}, {"count", bytes_count},            \
        {"decode", bytes_decode}, {"endswith", bytes_endswith}, {"expandtabs", bytes_expandtabs},  \
        {"find", bytes_find}, {"fromhex", bytes_fromhex, WF_METH_CLASS}, {"hex", bytes_hex},       \
        {"index", bytes_index}, {"isalnum", bytes_isalnum}, {"isalpha", bytes_isalpha},            \
        {"isascii", bytes_isascii}, {"isdigit", bytes_isdigit}, {"islower", bytes_islower},        \
        {"isspace", bytes_isspace}, {"istitle", bytes_istitle}, {"isupper", bytes_isupper},        \
        {"join", bytes_join}, {"ljust", bytes_ljust}, {"lower", bytes_lower},                      \
        {"lstrip", bytes_lstrip}, {"maketrans", bytes_maketrans, WF_METH_STATIC},                  \
        {"partition", bytes_partition}, {"removeprefix", bytes_removeprefix},                      \
        {"removesuffix", bytes_removesuffix}, {"replace", bytes_replace}, {"rfind", bytes_rfind},  \
        {"rindex", bytes_rindex}, {"rjust", bytes_rjust}, {"rpartition", bytes_rpartition},        \
        {"rsplit", bytes_rsplit}, {"rstrip", bytes_rstrip}, {"split", bytes_split},                \
        {"splitlines", bytes_splitlines}, {"startswith", bytes_startswith},                        \
        {"strip", bytes_strip}, {"swapcase", bytes_swapcase}, {"title", bytes_title},              \
        {"translate", bytes_translate}, {"upper", bytes_upper},                                    \
    {                                                                                              \
        "zfill", bytes_zfill                                                                       \
    }

const wf_method_def wf_bytes_methods[] = {
    SHARED_METHODS,
    {"__bytes__", bytes_dunder_bytes},
    {"__getnewargs__", bytes_getnewargs},
    {NULL},
};

const wf_method_def wf_bytearray_methods[] = {
    SHARED_METHODS,
    {"append", wf_bytearray_append},
    {"clear", wf_bytearray_clear},
    {"copy", wf_bytearray_copy},
    {"extend", wf_bytearray_extend},
    {"insert", wf_bytearray_insert},
    {"pop", wf_bytearray_pop},
    {"remove", wf_bytearray_remove},
    {"reverse", wf_bytearray_reverse},
    {NULL},
};
