/* Formatting (runtime/format.h): the format-spec mini-language for int, float and str,
 * str.format / str.format_map, and printf-style `%` formatting of str and of bytes and
 * bytearray (one engine: the output is UTF-8 text or raw bytes).
 *
 * Sections in data-flow order: parsing a spec, laying out a number or text within the
 * spec's width (sign, prefix, grouping, fill), the three built-in kinds, then the two
 * template languages that call them. */
#include "format.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "abstract.h"
#include "alloc.h"
#include "bytes.h"
#include "dtoa.h"
#include "error.h"
#include "exceptions.h"
#include "float.h"
#include "int.h"
#include "singletons.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "utf8.h"

/* ---- Spec parsing --------------------------------------------------------------------- */

typedef struct fmt_spec {
    uint32_t fill;
    char align;    /* '<' '>' '^' '=' */
    char sign;     /* '-' (default), '+', ' ' */
    bool no_neg_0; /* 'z' */
    bool alt;      /* '#' */
    bool align_given;
    bool sign_given;
    int64_t width;     /* -1: none */
    char grouping;     /* 0, ',' or '_' */
    int64_t precision; /* -1: none */
    uint32_t type;     /* 0: none */
} fmt_spec;

static bool is_align(uint32_t c)
{
    return c == '<' || c == '>' || c == '^' || c == '=';
}

/* A decimal number at *p; false with "Too many decimal digits in format string". */
#define TOO_MANY_DIGITS "Too many decimal digits in format string"

/* Decimal digits at *p, at most max, else ValueError(message). */
static bool parse_digits(wf_thread *t, const char **p, const char *end, int64_t *out, int64_t max,
                         const char *message)
{
    int64_t v = 0;
    for (; *p < end && **p >= '0' && **p <= '9'; (*p)++) {
        if (v > (max - (**p - '0')) / 10) {
            wf_err_set(t, &wf_exc_ValueError, "%s", message);
            return false;
        }
        v = v * 10 + (**p - '0');
    }
    *out = v;
    return true;
}

/* Parse spec (a str) as CPython's parse_internal_render_format_spec; default_align is
 * '>' for numbers and '<' for text; kind names the type in messages. */
static bool parse_spec(wf_thread *t, wf_value spec_str, char default_align, const char *kind,
                       fmt_spec *s)
{
    const char *p = wf_str_utf8(spec_str), *end = p + wf_str_size(spec_str);
    memset(s, 0, sizeof *s);
    s->fill = ' ';
    s->align = default_align;
    s->sign = '-';
    s->width = s->precision = -1;
    uint32_t c0 = 0, c1 = 0;
    int k0 = p < end ? wf_utf8_decode_str(p, end, &c0) : 0;
    if (p + k0 < end)
        wf_utf8_decode_str(p + k0, end, &c1);
    bool fill_given = false;
    if (k0 && c1 && is_align(c1)) {
        s->fill = c0;
        s->align = (char)c1;
        fill_given = s->align_given = true;
        p += k0 + 1;
    } else if (k0 && is_align(c0)) {
        s->align = (char)c0;
        s->align_given = true;
        p++;
    }
    if (p < end && (*p == '+' || *p == '-' || *p == ' ')) {
        s->sign = *p++;
        s->sign_given = true;
    }
    if (p < end && *p == 'z') {
        s->no_neg_0 = true;
        p++;
    }
    if (p < end && *p == '#') {
        s->alt = true;
        p++;
    }
    if (!fill_given && p < end && *p == '0') {
        s->fill = '0';
        if (!s->align_given && default_align == '>')
            s->align = '=';
        p++;
    }
    if (p < end && *p >= '0' && *p <= '9' &&
        !parse_digits(t, &p, end, &s->width, INT64_MAX, TOO_MANY_DIGITS))
        return false;
    if (p < end && (*p == ',' || *p == '_')) {
        s->grouping = *p++;
        if (p < end && (*p == ',' || *p == '_')) {
            if (*p == s->grouping)
                wf_err_set(t, &wf_exc_ValueError, "Cannot specify '%c' with '%c'.", *p, *p);
            else
                wf_err_set(t, &wf_exc_ValueError, "Cannot specify both ',' and '_'.");
            return false;
        }
    }
    if (p < end && *p == '.') {
        p++;
        if (p == end || *p < '0' || *p > '9') {
            wf_err_set(t, &wf_exc_ValueError, "Format specifier missing precision");
            return false;
        }
        if (!parse_digits(t, &p, end, &s->precision, INT64_MAX, TOO_MANY_DIGITS))
            return false;
    }
    if (end - p > 1 || (p < end && ((unsigned char)*p >= 0x80))) {
        uint32_t c = 0;
        if (end - p > 1 || wf_utf8_decode_str(p, end, &c) != end - p) {
            wf_err_set(t, &wf_exc_ValueError,
                       "Invalid format specifier '%s' for object of type '%s'",
                       wf_str_utf8(spec_str), kind);
            return false;
        }
    }
    if (p < end)
        wf_utf8_decode_str(p, end, &s->type);
    return true;
}

/* "Cannot specify ',' with 'x'." when the grouping does not apply to the type. */
static bool check_grouping(wf_thread *t, const fmt_spec *s)
{
    if (!s->grouping)
        return true;
    const char *ok = s->grouping == ',' ? "defgEFG%" : "defgEFG%boxX";
    if (s->type == 0 || (s->type < 0x80 && strchr(ok, (int)s->type)))
        return true;
    if (s->type < 0x80)
        wf_err_set(t, &wf_exc_ValueError, "Cannot specify '%c' with '%c'.", s->grouping,
                   (char)s->type);
    else
        wf_err_set(t, &wf_exc_ValueError, "Cannot specify '%c' with '\\x%x'.", s->grouping,
                   s->type);
    return false;
}

static wf_value unknown_code(wf_thread *t, uint32_t type, wf_value v)
{
    const char *name = wf_type_name(wf_type_of(v));
    if (type >= 0x20 && type < 0x7F)
        return wf_err_set(t, &wf_exc_ValueError, "Unknown format code '%c' for object of type '%s'",
                          (char)type, name);
    return wf_err_set(t, &wf_exc_ValueError, "Unknown format code '\\x%x' for object of type '%s'",
                      type, name);
}

/* ---- Layout ------------------------------------------------------------------------------- */

/* Append digits[0..n) with a separator every `group` digits from the right, zero-extended
 * on the left to min_digits digits first. */
static bool append_grouped(wf_thread *t, wf_strbuf *b, const char *digits, size_t n,
                           size_t min_digits, char sep, int group)
{
    size_t total = n > min_digits ? n : min_digits;
    for (size_t i = 0; i < total; i++) {
        size_t from_right = total - i;
        char d = i < total - n ? '0' : digits[i - (total - n)];
        if (!wf_strbuf_append(t, b, &d, 1))
            return false;
        if (sep && from_right > 1 && (from_right - 1) % (size_t)group == 0 &&
            !wf_strbuf_append(t, b, &sep, 1))
            return false;
    }
    return true;
}

static size_t grouped_len(size_t n, int group, char sep)
{
    return sep && n ? n + (n - 1) / (size_t)group : n;
}

/* Lay out a number: sign and prefix (ASCII), integer digits (ASCII, grouped by `group`
 * if the spec asks), and the rest (point, fraction, exponent, '%'); padded to the width
 * with fill and alignment, zero padding ('0' fill with '=') extending the grouped
 * digits as CPython does. */
static wf_value layout_number(wf_thread *t, const fmt_spec *s, const char *sign_prefix,
                              const char *digits, size_t ndigits, const char *rest, size_t nrest,
                              int group)
{
    size_t head = strlen(sign_prefix);
    size_t min_digits = ndigits;
    char sep = s->grouping;
    if (s->align == '=' && s->fill == '0' && s->width > 0 && ndigits > 0) {
        while (head + grouped_len(min_digits, group, sep) + nrest < (size_t)s->width)
            min_digits++;
    }
    size_t len = head + grouped_len(min_digits, group, sep) + nrest;
    int64_t pad = s->width > (int64_t)len ? s->width - (int64_t)len : 0;
    int64_t left = 0, right = 0, middle = 0;
    if (s->align == '<')
        right = pad;
    else if (s->align == '^')
        left = pad / 2, right = pad - pad / 2;
    else if (s->align == '=')
        middle = pad;
    else
        left = pad;
    wf_strbuf b;
    wf_strbuf_init(&b);
    bool ok = wf_strbuf_append_fill(t, &b, s->fill, left) &&
              wf_strbuf_append(t, &b, sign_prefix, head) &&
              wf_strbuf_append_fill(t, &b, s->fill, middle) &&
              append_grouped(t, &b, digits, ndigits, min_digits, sep, group) &&
              wf_strbuf_append(t, &b, rest, nrest) && wf_strbuf_append_fill(t, &b, s->fill, right);
    if (!ok) {
        wf_strbuf_free(&b);
        return WF_NULL;
    }
    return wf_strbuf_finish(t, &b);
}

/* Text (UTF-8, len code points) padded to the width. */
static wf_value layout_text(wf_thread *t, const fmt_spec *s, const char *text, size_t n,
                            int64_t len)
{
    int64_t pad = s->width > len ? s->width - len : 0;
    int64_t left = s->align == '>' ? pad : s->align == '^' ? pad / 2 : 0;
    wf_strbuf b;
    wf_strbuf_init(&b);
    if (!wf_strbuf_append_fill(t, &b, s->fill, left) || !wf_strbuf_append(t, &b, text, n) ||
        !wf_strbuf_append_fill(t, &b, s->fill, pad - left)) {
        wf_strbuf_free(&b);
        return WF_NULL;
    }
    return wf_strbuf_finish(t, &b);
}

/* The sign text for a number: '-' when negative, else '+' or ' ' if the spec asks. */
static const char *sign_text(const fmt_spec *s, bool negative)
{
    if (negative)
        return "-";
    return s->sign == '+' ? "+" : s->sign == ' ' ? " " : "";
}

/* ---- str ---------------------------------------------------------------------------------- */

wf_value wf_format_str(wf_thread *t, wf_value v, wf_value spec)
{
    if (wf_str_size(spec) == 0)
        return wf_str(t, v);
    fmt_spec s;
    if (!parse_spec(t, spec, '<', wf_type_name(wf_type_of(v)), &s))
        return WF_NULL;
    if (s.type != 0 && s.type != 's')
        return unknown_code(t, s.type, v);
    if (s.grouping)
        return wf_err_set(t, &wf_exc_ValueError, "Cannot specify '%c' with 's'.", s.grouping);
    if (s.sign_given)
        return wf_err_set(t, &wf_exc_ValueError, "Sign not allowed in string format specifier");
    if (s.no_neg_0)
        return wf_err_set(t, &wf_exc_ValueError,
                          "Negative zero coercion (z) not allowed in string format specifier");
    if (s.alt)
        return wf_err_set(t, &wf_exc_ValueError,
                          "Alternate form (#) not allowed in string format specifier");
    if (s.align == '=')
        return wf_err_set(t, &wf_exc_ValueError,
                          "'=' alignment not allowed in string format specifier");
    int64_t len = wf_str_length(v);
    if (s.precision >= 0 && s.precision < len)
        len = s.precision;
    size_t n = wf_str_offset(v, len);
    return layout_text(t, &s, wf_str_utf8(v), n, len);
}

/* ---- float -------------------------------------------------------------------------------- */

/* Format x with a parsed spec whose type is a float type (or none). */
static wf_value format_double(wf_thread *t, double x, const fmt_spec *s)
{
    char type = (char)s->type;
    if (type == 'n')
        type = 'g';
    if (s->precision > INT32_MAX)
        return wf_err_set(t, &wf_exc_ValueError, "precision too big");
    int precision = (int)s->precision;
    unsigned flags = (s->alt ? WF_FMT_ALT : 0) | (s->no_neg_0 ? WF_FMT_NO_NEG_0 : 0);
    char small[128];
    size_t n = wf_float_format(x, type, precision, flags, small, sizeof small);
    char *buf = small;
    if (n >= sizeof small) {
        buf = wf_mem_alloc(t, n + 1);
        if (!buf)
            return wf_err_no_memory(t);
        wf_float_format(x, type, precision, flags, buf, n + 1);
    }
    bool negative = buf[0] == '-';
    const char *body = buf + negative;
    size_t nbody = n - negative;
    /* the integer digits are the leading run of digits; inf and nan have none */
    size_t ndigits = 0;
    while (ndigits < nbody && body[ndigits] >= '0' && body[ndigits] <= '9')
        ndigits++;
    wf_value r = layout_number(t, s, sign_text(s, negative), body, ndigits, body + ndigits,
                               nbody - ndigits, 3);
    if (buf != small)
        wf_mem_free(buf);
    return r;
}

wf_value wf_format_float(wf_thread *t, double x, wf_value spec)
{
    if (wf_str_size(spec) == 0) {
        char buf[WF_FLOAT_REPR_SIZE];
        size_t n = wf_float_repr(x, buf, sizeof buf);
        return wf_str_from_utf8(t, buf, n);
    }
    fmt_spec s;
    if (!parse_spec(t, spec, '>', "float", &s) || !check_grouping(t, &s))
        return WF_NULL;
    if (s.type != 0 && (s.type >= 0x80 || !strchr("eEfFgGn%", (int)s.type))) {
        wf_value tmp = wf_float_new(t, x);
        if (tmp) {
            unknown_code(t, s.type, tmp);
            wf_value_decref(t, tmp);
        }
        return WF_NULL;
    }
    return format_double(t, x, &s);
}

/* ---- int ----------------------------------------------------------------------------------- */

/* format(v, 'c'): the character with code point v. */
static wf_value format_int_char(wf_thread *t, wf_value v, const fmt_spec *s)
{
    if (s->sign_given)
        return wf_err_set(t, &wf_exc_ValueError,
                          "Sign not allowed with integer format specifier 'c'");
    if (s->alt)
        return wf_err_set(t, &wf_exc_ValueError,
                          "Alternate form (#) not allowed with integer format specifier 'c'");
    int64_t cp;
    if (!wf_int_as_int64(t, v, &cp))
        return WF_NULL; /* CPython: "Python int too large to convert to C long" */
    if (cp < 0 || cp > 0x10FFFF)
        return wf_err_set(t, &wf_exc_OverflowError, "%%c arg not in range(0x110000)");
    char enc[4];
    int k = wf_utf8_encode(enc, (uint32_t)cp);
    fmt_spec text = *s;
    if (text.align == '=')
        text.align = '>';
    return layout_text(t, &text, enc, (size_t)k, 1);
}

/* format(v, spec) for an int type code b o x X d n (or none). */
static wf_value format_int_digits(wf_thread *t, wf_value v, const fmt_spec *s)
{
    char type = (char)s->type;
    int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    wf_value digits = wf_int_to_base(t, v, base);
    if (!digits)
        return WF_NULL;
    const char *d = wf_str_utf8(digits);
    size_t n = wf_str_size(digits);
    bool negative = d[0] == '-';
    char head[8];
    snprintf(head, sizeof head, "%s%s", sign_text(s, negative),
             !s->alt || base == 10 ? ""
             : base == 2           ? "0b"
             : base == 8           ? "0o"
             : type == 'X'         ? "0X"
                                   : "0x");
    char *upper = NULL;
    if (type == 'X') { /* digits are lowercase: copy to upper case */
        upper = wf_mem_alloc(t, n);
        if (!upper) {
            wf_value_decref(t, digits);
            return wf_err_no_memory(t);
        }
        for (size_t i = 0; i < n; i++)
            upper[i] = d[i] >= 'a' && d[i] <= 'z' ? (char)(d[i] - 32) : d[i];
        d = upper;
    }
    wf_value r = layout_number(t, s, head, d + negative, n - negative, "", 0, base == 10 ? 3 : 4);
    wf_mem_free(upper);
    wf_value_decref(t, digits);
    return r;
}

wf_value wf_format_int(wf_thread *t, wf_value v, wf_value spec)
{
    if (wf_str_size(spec) == 0)
        return wf_str(t, v);
    fmt_spec s;
    if (!parse_spec(t, spec, '>', wf_type_name(wf_type_of(v)), &s) || !check_grouping(t, &s))
        return WF_NULL;
    uint32_t type = s.type;
    if (type != 0 && type < 0x80 && strchr("eEfFgG%", (int)type)) {
        double x;
        if (!wf_int_as_double(t, v, &x))
            return WF_NULL;
        return format_double(t, x, &s);
    }
    if (type != 0 && (type >= 0x80 || !strchr("boxXdnc", (int)type)))
        return unknown_code(t, type, v);
    if (s.precision >= 0)
        return wf_err_set(t, &wf_exc_ValueError,
                          "Precision not allowed in integer format specifier");
    if (s.no_neg_0)
        return wf_err_set(t, &wf_exc_ValueError,
                          "Negative zero coercion (z) not allowed in integer format specifier");
    if (type == 'c')
        return format_int_char(t, v, &s);
    return format_int_digits(t, v, &s);
}

/* str.__format__(spec) */
wf_value wf_str_method_dunder_format(wf_thread *t, wf_value self, const wf_value *args,
                                     size_t nargs, wf_value kwnames)
{
    if (kwnames && wf_tuple_size(kwnames))
        return wf_err_set(t, &wf_exc_TypeError, "str.__format__() takes no keyword arguments");
    if (nargs != 1)
        return wf_err_set(t, &wf_exc_TypeError, "__format__ expected 1 argument, got %zu", nargs);
    if (!wf_str_check(args[0]))
        return wf_err_set(t, &wf_exc_TypeError, "__format__() argument must be str, not %s",
                          wf_type_name(wf_type_of(args[0])));
    return wf_format_str(t, self, args[0]);
}

/* ---- str.format ----------------------------------------------------------------------------- */

/* Where replacement fields get their values: positional args and keywords (kwnames and
 * their values after the positionals), or a mapping (format_map). */
typedef struct fmt_args {
    const wf_value *args;
    size_t nargs;
    wf_value kwnames; /* tuple or 0 */
    wf_value mapping; /* format_map, or 0 */
    int64_t auto_index;
    int mode; /* 0 unknown, 1 automatic numbering, 2 manual */
} fmt_args;

static wf_value expand(wf_thread *t, const char *p, const char *end, fmt_args *fa, int depth);

/* The keyword argument or mapping item named name[0..n). */
static wf_value lookup_name(wf_thread *t, fmt_args *fa, const char *name, size_t n)
{
    wf_value key = wf_str_from_utf8(t, name, n);
    if (!key)
        return WF_NULL;
    wf_value r = WF_NULL;
    if (fa->mapping) {
        r = wf_getitem(t, fa->mapping, key);
    } else {
        size_t nkw = fa->kwnames ? wf_tuple_size(fa->kwnames) : 0;
        for (size_t i = 0; i < nkw && !r; i++)
            if (wf_str_equal(WF_TUPLE_ITEMS(fa->kwnames)[i], key))
                r = wf_newref(t, fa->args[fa->nargs + i]);
        if (!r)
            wf_err_set_arg(t, &wf_exc_KeyError, key);
    }
    wf_value_decref(t, key);
    return r;
}

/* Is name[0..n) a non-empty run of ASCII digits? Its value in *out (-1 if too large). */
static bool is_number(const char *name, size_t n, int64_t *out)
{
    if (n == 0)
        return false;
    int64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (name[i] < '0' || name[i] > '9')
            return false;
        v = v > (INT64_MAX - 9) / 10 ? -1 : v < 0 ? -1 : v * 10 + (name[i] - '0');
    }
    *out = v;
    return true;
}

/* The value of the first part of a field name (empty: the next automatic index). */
static wf_value field_first(wf_thread *t, fmt_args *fa, const char *name, size_t n)
{
    int64_t index;
    bool numeric = is_number(name, n, &index);
    if (n == 0) {
        if (fa->mode == 2)
            return wf_err_set(t, &wf_exc_ValueError,
                              "cannot switch from manual field specification to automatic "
                              "field numbering");
        fa->mode = 1;
        index = fa->auto_index++;
        numeric = true;
    } else if (numeric) {
        if (fa->mode == 1)
            return wf_err_set(t, &wf_exc_ValueError,
                              "cannot switch from automatic field numbering to manual field "
                              "specification");
        fa->mode = 2;
    }
    if (!numeric)
        return lookup_name(t, fa, name, n);
    if (fa->mapping) {
        wf_value key = wf_int_from_int64(t, index);
        wf_value r = key ? wf_getitem(t, fa->mapping, key) : WF_NULL;
        if (key)
            wf_value_decref(t, key);
        return r;
    }
    if (index < 0 || (uint64_t)index >= fa->nargs)
        return wf_err_set(t, &wf_exc_IndexError,
                          "Replacement index %lld out of range for positional args tuple",
                          (long long)index);
    return wf_newref(t, fa->args[index]);
}

/* Apply the '.attr' and '[key]' parts of a field name to obj (consumed). */
static wf_value field_rest(wf_thread *t, wf_value obj, const char *p, const char *end)
{
    while (obj && p < end) {
        wf_value next = WF_NULL;
        if (*p == '.') {
            const char *a = ++p;
            while (p < end && *p != '.' && *p != '[')
                p++;
            if (p == a) {
                wf_err_set(t, &wf_exc_ValueError, "Empty attribute in format string");
            } else {
                wf_value name = wf_str_from_utf8(t, a, (size_t)(p - a));
                next = name ? wf_getattr(t, obj, name) : WF_NULL;
                if (name)
                    wf_value_decref(t, name);
            }
        } else if (*p == '[') {
            const char *a = ++p;
            while (p < end && *p != ']')
                p++;
            if (p == end) {
                wf_err_set(t, &wf_exc_ValueError, "Missing ']' in format string");
            } else if (p == a) {
                wf_err_set(t, &wf_exc_ValueError, "Empty attribute in format string");
            } else {
                int64_t index;
                wf_value key = is_number(a, (size_t)(p - a), &index) && index >= 0
                                   ? wf_int_from_int64(t, index)
                                   : wf_str_from_utf8(t, a, (size_t)(p - a));
                next = key ? wf_getitem(t, obj, key) : WF_NULL;
                if (key)
                    wf_value_decref(t, key);
                p++;
                if (next && p < end && *p != '.' && *p != '[') {
                    wf_value_decref(t, next);
                    next = wf_err_set(t, &wf_exc_ValueError,
                                      "Only '.' or '[' may follow ']' in format field specifier");
                }
            }
        } else {
            wf_err_set(t, &wf_exc_ValueError,
                       "Only '.' or '[' may follow ']' in format field specifier");
        }
        wf_value_decref(t, obj);
        obj = next;
    }
    return obj;
}

/* Resolve a whole field name. */
static wf_value field_value(wf_thread *t, fmt_args *fa, const char *p, const char *end)
{
    const char *q = p;
    while (q < end && *q != '.' && *q != '[')
        q++;
    wf_value obj = field_first(t, fa, p, (size_t)(q - p));
    return field_rest(t, obj, q, end);
}

static wf_value convert(wf_thread *t, wf_value obj, char conv)
{
    switch (conv) {
    case 'r':
        return wf_repr(t, obj);
    case 's':
        return wf_str(t, obj);
    case 'a':
        return wf_ascii(t, obj);
    default:
        return wf_err_set(t, &wf_exc_ValueError, "Unknown conversion specifier %c", conv);
    }
}

/* Render one replacement field's text field[0..end) (between its braces). */
static bool render_field(wf_thread *t, wf_strbuf *out, const char *p, const char *end, fmt_args *fa,
                         int depth)
{
    /* the name ends at ':' or '!' outside brackets */
    const char *q = p;
    bool bracket = false;
    while (q < end && (bracket || (*q != ':' && *q != '!'))) {
        bracket = *q == '[' ? true : *q == ']' ? false : bracket;
        q++;
    }
    const char *name_end = q;
    char conv = 0;
    if (q < end && *q == '!') {
        if (q + 1 == end) {
            wf_err_set(t, &wf_exc_ValueError, "unmatched '{' in format spec");
            return false;
        }
        conv = q[1];
        q += 2;
        if (q < end && *q != ':') {
            wf_err_set(t, &wf_exc_ValueError, "expected ':' after conversion specifier");
            return false;
        }
    }
    const char *spec = q < end ? q + 1 : end;
    wf_value obj = field_value(t, fa, p, name_end);
    if (obj && conv) {
        wf_value c = convert(t, obj, conv);
        wf_value_decref(t, obj);
        obj = c;
    }
    if (!obj)
        return false;
    wf_value spec_str = memchr(spec, '{', (size_t)(end - spec))
                            ? expand(t, spec, end, fa, depth - 1)
                            : wf_str_from_utf8(t, spec, (size_t)(end - spec));
    wf_value text = spec_str ? wf_format(t, obj, spec_str) : WF_NULL;
    wf_value_decref(t, obj);
    if (spec_str)
        wf_value_decref(t, spec_str);
    if (!text)
        return false;
    bool ok = wf_strbuf_append(t, out, wf_str_utf8(text), wf_str_size(text));
    wf_value_decref(t, text);
    return ok;
}

/* The end of the field starting after '{' at p: its closing '}' (nested braces and
 * brackets in the name skipped), or NULL. */
static const char *field_end(const char *p, const char *end)
{
    int count = 1;
    bool in_spec = false, bracket = false;
    for (; p < end; p++) {
        char c = *p;
        if (!in_spec && bracket) {
            bracket = c != ']';
            continue;
        }
        if (c == '[' && !in_spec)
            bracket = true;
        else if (c == ':')
            in_spec = true;
        else if (c == '{')
            count++;
        else if (c == '}' && --count == 0)
            return p;
    }
    return NULL;
}

/* Expand a format template: literal text with {{ }} escapes and replacement fields. */
static wf_value expand(wf_thread *t, const char *p, const char *end, fmt_args *fa, int depth)
{
    if (depth <= 0)
        return wf_err_set(t, &wf_exc_ValueError, "Max string recursion exceeded");
    wf_strbuf b;
    wf_strbuf_init(&b);
    while (p < end) {
        const char *lit = p;
        while (p < end && *p != '{' && *p != '}')
            p++;
        if (!wf_strbuf_append(t, &b, lit, (size_t)(p - lit)))
            goto fail;
        if (p == end)
            break;
        if (p + 1 < end && p[1] == *p) { /* {{ or }} */
            if (!wf_strbuf_append(t, &b, p, 1))
                goto fail;
            p += 2;
            continue;
        }
        if (*p == '}') {
            wf_err_set(t, &wf_exc_ValueError, "Single '}' encountered in format string");
            goto fail;
        }
        if (p + 1 == end) {
            wf_err_set(t, &wf_exc_ValueError, "Single '{' encountered in format string");
            goto fail;
        }
        const char *close = field_end(p + 1, end);
        if (!close) {
            wf_err_set(t, &wf_exc_ValueError, "expected '}' before end of string");
            goto fail;
        }
        if (!render_field(t, &b, p + 1, close, fa, depth))
            goto fail;
        p = close + 1;
    }
    return wf_strbuf_finish(t, &b);
fail:
    wf_strbuf_free(&b);
    return WF_NULL;
}

wf_value wf_str_method_format(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    fmt_args fa = {args, nargs, kwnames, WF_NULL, 0, 0};
    const char *p = wf_str_utf8(self);
    return expand(t, p, p + wf_str_size(self), &fa, 2);
}

wf_value wf_str_method_format_map(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                  wf_value kwnames)
{
    if (kwnames && wf_tuple_size(kwnames))
        return wf_err_set(t, &wf_exc_TypeError, "str.format_map() takes no keyword arguments");
    if (nargs != 1)
        return wf_err_set(t, &wf_exc_TypeError,
                          "str.format_map() takes exactly one argument (%zu given)", nargs);
    fmt_args fa = {NULL, 0, WF_NULL, args[0], 0, 0};
    const char *p = wf_str_utf8(self);
    return expand(t, p, p + wf_str_size(self), &fa, 2);
}

/* ---- printf-style % ---------------------------------------------------------------------- */

typedef struct pct_spec {
    bool left, plus, space, alt, zero;
    int64_t width, precision; /* -1: none */
    char conv;
} pct_spec;

/* The arguments of `format % args`. */
typedef struct pct_args {
    const wf_value *items;
    size_t n, next;
    wf_value dict; /* a mapping argument, or 0 */
    bool bytes;    /* formatting bytes: the output is bytes, %b is valid, %s means %b and
                      %r means %a, %c takes a byte, mapping keys are bytes */
} pct_args;

static wf_value pct_next_arg(wf_thread *t, pct_args *pa)
{
    if (pa->next >= pa->n)
        return wf_err_set(t, &wf_exc_TypeError, "not enough arguments for format string");
    return pa->items[pa->next++];
}

/* Pad text to the width: left-adjusted with spaces, or right with spaces. */
static bool pct_pad(wf_thread *t, wf_strbuf *out, const pct_spec *s, const char *text, size_t n,
                    int64_t len)
{
    int64_t pad = s->width > len ? s->width - len : 0;
    return wf_strbuf_append_fill(t, out, ' ', s->left ? 0 : pad) &&
           wf_strbuf_append(t, out, text, n) &&
           wf_strbuf_append_fill(t, out, ' ', s->left ? pad : 0);
}

/* A number: sign/prefix, then digits with zero padding when the '0' flag applies. */
static bool pct_number(wf_thread *t, wf_strbuf *out, const pct_spec *s, bool negative,
                       const char *prefix, const char *digits, size_t n)
{
    char head[8];
    snprintf(head, sizeof head, "%s%s",
             negative   ? "-"
             : s->plus  ? "+"
             : s->space ? " "
                        : "",
             prefix);
    size_t h = strlen(head);
    int64_t zeros = 0, len = (int64_t)(h + n);
    if (s->zero && !s->left && s->width > len)
        zeros = s->width - len;
    int64_t pad = s->width > len + zeros ? s->width - len - zeros : 0;
    return wf_strbuf_append_fill(t, out, ' ', s->left ? 0 : pad) &&
           wf_strbuf_append(t, out, head, h) && wf_strbuf_append_fill(t, out, '0', zeros) &&
           wf_strbuf_append(t, out, digits, n) &&
           wf_strbuf_append_fill(t, out, ' ', s->left ? pad : 0);
}

/* The int for %d %i %u (floats truncate) or %x %X %o (ints and __index__ only). */
static wf_value pct_int_arg(wf_thread *t, wf_value v, char conv)
{
    if (wf_int_check(v))
        return wf_newref(t, v);
    const wf_number_methods *nb = wf_type_of(v)->tp_as_number;
    bool decimal = conv == 'd' || conv == 'i' || conv == 'u';
    if (decimal && wf_float_check(v))
        return wf_float_to_int(t, wf_float_value(v));
    if (nb && nb->index)
        return wf_index(t, v);
    if (decimal && nb && nb->to_int)
        return nb->to_int(t, v);
    return wf_err_set(t, &wf_exc_TypeError, "%%%c format: %s is required, not %s", conv,
                      decimal ? "a real number" : "an integer", wf_type_name(wf_type_of(v)));
}

static bool pct_int(wf_thread *t, wf_strbuf *out, const pct_spec *s, wf_value v)
{
    if (s->precision > INT32_MAX - 3) { /* CPython's limit for integer precision */
        wf_err_set(t, &wf_exc_OverflowError, "precision too large");
        return false;
    }
    wf_value i = pct_int_arg(t, v, s->conv);
    if (!i)
        return false;
    int base = s->conv == 'x' || s->conv == 'X' ? 16 : s->conv == 'o' ? 8 : 10;
    wf_value digits = wf_int_to_base(t, i, base);
    wf_value_decref(t, i);
    if (!digits)
        return false;
    const char *d = wf_str_utf8(digits);
    size_t n = wf_str_size(digits);
    bool negative = d[0] == '-';
    d += negative, n -= negative;
    /* precision: at least that many digits */
    char *buf =
        wf_mem_alloc(t, (size_t)(s->precision > (int64_t)n ? s->precision : (int64_t)n) + 1);
    bool ok = buf != NULL;
    if (ok) {
        size_t zeros = s->precision > (int64_t)n ? (size_t)s->precision - n : 0;
        memset(buf, '0', zeros);
        for (size_t k = 0; k < n; k++)
            buf[zeros + k] = s->conv == 'X' && d[k] >= 'a' ? (char)(d[k] - 32) : d[k];
        const char *prefix = !s->alt          ? ""
                             : base == 8      ? "0o"
                             : s->conv == 'X' ? "0X"
                             : base == 16     ? "0x"
                                              : "";
        ok = pct_number(t, out, s, negative, prefix, buf, zeros + n);
        wf_mem_free(buf);
    } else {
        wf_err_no_memory(t);
    }
    wf_value_decref(t, digits);
    return ok;
}

static bool pct_float(wf_thread *t, wf_strbuf *out, const pct_spec *s, wf_value v)
{
    double x;
    if (!wf_as_double(t, v, &x))
        return false;
    if (s->precision > INT32_MAX) {
        wf_err_set(t, &wf_exc_ValueError, "precision too big");
        return false;
    }
    int prec = s->precision < 0 ? 6 : (int)s->precision;
    char small[128];
    unsigned flags = s->alt ? WF_FMT_ALT : 0;
    size_t n = wf_float_format(x, s->conv, prec, flags, small, sizeof small);
    char *buf = small;
    if (n >= sizeof small) {
        if (!(buf = wf_mem_alloc(t, n + 1))) {
            wf_err_no_memory(t);
            return false;
        }
        wf_float_format(x, s->conv, prec, flags, buf, n + 1);
    }
    bool negative = buf[0] == '-';
    bool ok = pct_number(t, out, s, negative, "", buf + negative, n - negative);
    if (buf != small)
        wf_mem_free(buf);
    return ok;
}

/* %c of bytes: an int in range(256) or a bytes-like value of one byte. */
static bool pct_byte(wf_thread *t, wf_strbuf *out, const pct_spec *s, wf_value v)
{
    char c;
    if (wf_int_check(v)) {
        int64_t i;
        if (!wf_int_as_int64(t, v, &i) || i < 0 || i > 255) {
            wf_err_clear(t);
            wf_err_set(t, &wf_exc_OverflowError, "%%c arg not in range(256)");
            return false;
        }
        c = (char)i;
    } else {
        wf_bytes_view view;
        if (!wf_bytes_view_get(t, v, &view) || view.n != 1) {
            wf_bytes_view_release(t, &view);
            if (!wf_err_occurred(t))
                wf_err_set(t, &wf_exc_TypeError,
                           "%%c requires an integer in range(256) or a single byte");
            return false;
        }
        c = view.p[0];
        wf_bytes_view_release(t, &view);
    }
    return pct_pad(t, out, s, &c, 1, 1);
}

static bool pct_char(wf_thread *t, wf_strbuf *out, const pct_spec *s, wf_value v)
{
    char enc[4];
    int k;
    if (wf_str_check(v)) {
        if (wf_str_length(v) != 1) {
            wf_err_set(t, &wf_exc_TypeError, "%%c requires int or char");
            return false;
        }
        k = wf_utf8_encode(enc, wf_str_cp_at(v, 0));
    } else if (wf_int_check(v)) {
        int64_t cp;
        if (!wf_int_as_int64(t, v, &cp) || cp < 0 || cp > 0x10FFFF) {
            wf_err_clear(t);
            wf_err_set(t, &wf_exc_OverflowError, "%%c arg not in range(0x110000)");
            return false;
        }
        k = wf_utf8_encode(enc, (uint32_t)cp);
    } else {
        wf_err_set(t, &wf_exc_TypeError, "%%c requires int or char");
        return false;
    }
    return pct_pad(t, out, s, enc, (size_t)k, 1);
}

/* %b (and %s) of bytes: the bytes of a bytes-like value or of __bytes__, cut to the
 * precision. */
static bool pct_bytes(wf_thread *t, wf_strbuf *out, const pct_spec *s, wf_value v)
{
    wf_value b = wf_bytes_of_object(t, v);
    if (!b) {
        if (!wf_err_occurred(t))
            wf_err_set(t, &wf_exc_TypeError,
                       "%%b requires a bytes-like object, or an object that implements __bytes__, "
                       "not '%s'",
                       wf_type_name(wf_type_of(v)));
        return false;
    }
    int64_t len = (int64_t)wf_bytes_size(b);
    if (s->precision >= 0 && s->precision < len)
        len = s->precision;
    bool ok = pct_pad(t, out, s, wf_bytes_data(b), (size_t)len, len);
    wf_value_decref(t, b);
    return ok;
}

/* %s %r %a: the text, cut to the precision. */
static bool pct_text(wf_thread *t, wf_strbuf *out, const pct_spec *s, wf_value v)
{
    wf_value text = s->conv == 's' ? wf_str(t, v) : s->conv == 'r' ? wf_repr(t, v) : wf_ascii(t, v);
    if (!text)
        return false;
    int64_t len = wf_str_length(text);
    if (s->precision >= 0 && s->precision < len)
        len = s->precision;
    bool ok = pct_pad(t, out, s, wf_str_utf8(text), wf_str_offset(text, len), len);
    wf_value_decref(t, text);
    return ok;
}

/* A '*' width or precision: the next argument, an int. CPython reads a width as a
 * C ssize_t and a precision as a C int, and says so when it does not fit. */
static bool pct_star(wf_thread *t, pct_args *pa, int64_t *out, bool precision)
{
    wf_value v = pct_next_arg(t, pa);
    if (!v)
        return false;
    if (!wf_int_check(v)) {
        wf_err_set(t, &wf_exc_TypeError, "* wants int");
        return false;
    }
    bool fits = wf_int_as_int64(t, v, out);
    if (fits && precision)
        fits = *out >= INT32_MIN && *out <= INT32_MAX;
    if (!fits && (!wf_err_occurred(t) || wf_err_matches(t, &wf_exc_OverflowError))) {
        wf_err_clear(t);
        wf_err_set(t, &wf_exc_OverflowError, "Python int too large to convert to C %s",
                   precision ? "int" : "ssize_t");
    }
    return fits;
}

/* Parse one conversion after its '%' (at *pp) and render it. */
static bool pct_one(wf_thread *t, wf_strbuf *out, const char *start, const char **pp,
                    const char *end, pct_args *pa)
{
    const char *p = *pp;
    if (p < end && *p == '%') { /* only an immediate "%%" is a literal percent */
        *pp = p + 1;
        return wf_strbuf_append(t, out, "%", 1);
    }
    pct_spec s = {.width = -1, .precision = -1};
    wf_value arg = WF_NULL, owned = WF_NULL;
    if (p < end && *p == '(') {
        if (!pa->dict) {
            wf_err_set(t, &wf_exc_TypeError, "format requires a mapping");
            return false;
        }
        const char *key = ++p;
        for (int depth = 1; p < end && (depth > 1 || *p != ')'); p++)
            depth += *p == '(' ? 1 : *p == ')' ? -1 : 0;
        if (p == end) {
            wf_err_set(t, &wf_exc_ValueError, "incomplete format key");
            return false;
        }
        wf_value k = pa->bytes ? wf_bytes_from_data(t, key, (size_t)(p - key))
                               : wf_str_from_utf8(t, key, (size_t)(p - key));
        owned = arg = k ? wf_getitem(t, pa->dict, k) : WF_NULL;
        if (k)
            wf_value_decref(t, k);
        if (!arg)
            return false;
        p++;
        pa->n = 0; /* CPython: after a key, positional arguments are not consumed */
    }
    for (; p < end; p++) {
        if (*p == '-')
            s.left = true;
        else if (*p == '+')
            s.plus = true;
        else if (*p == ' ')
            s.space = true;
        else if (*p == '#')
            s.alt = true;
        else if (*p == '0')
            s.zero = true;
        else
            break;
    }
    bool ok = true;
    if (p < end && *p == '*') {
        ok = pct_star(t, pa, &s.width, false);
        if (s.width < 0) {
            s.left = true;
            s.width = -s.width;
        }
        p++;
    } else if (p < end && *p >= '0' && *p <= '9') {
        ok = parse_digits(t, &p, end, &s.width, INT64_MAX, "width too big");
    }
    if (ok && p < end && *p == '.') {
        p++;
        if (p < end && *p == '*') {
            ok = pct_star(t, pa, &s.precision, true);
            p++;
        } else {
            ok = parse_digits(t, &p, end, &s.precision, INT32_MAX, "precision too big");
        }
    }
    while (ok && p < end && (*p == 'h' || *p == 'l' || *p == 'L'))
        p++;
    if (ok && p == end) {
        wf_err_set(t, &wf_exc_ValueError, "incomplete format");
        ok = false;
    }
    if (ok) {
        s.conv = *p++;
        if (!arg) /* CPython takes the argument before it looks at the conversion */
            arg = pct_next_arg(t, pa);
        if (!arg) {
            ok = false;
        } else if (!strchr(pa->bytes ? "sradiuoxXeEfFgGcb" : "sradiuoxXeEfFgGc", s.conv) ||
                   s.conv == 0) {
            uint32_t c = (unsigned char)p[-1];
            int k = pa->bytes ? 1 : wf_utf8_decode_str(p - 1, end, &c);
            char enc[4];
            int kenc = wf_utf8_encode(enc, c);
            if (pa->bytes && c >= 0x80) /* CPython 3.11 formats the byte as a negative char */
                wf_err_set(t, &wf_exc_OverflowError, "character argument not in range(0x110000)");
            else
                wf_err_set(t, &wf_exc_ValueError,
                           "unsupported format character '%.*s' (0x%x) at index %lld", kenc, enc, c,
                           (long long)(pa->bytes ? (size_t)(p - 1 - start)
                                                 : wf_utf8_length(start, p - 1)));
            p += k - 1;
            ok = false;
        } else {
            if (pa->bytes && s.conv == 'r') /* bytes have no repr of text: ascii() */
                s.conv = 'a';
            if (pa->bytes && (s.conv == 's' || s.conv == 'b'))
                ok = pct_bytes(t, out, &s, arg);
            else if (strchr("sra", s.conv))
                ok = pct_text(t, out, &s, arg);
            else if (strchr("diuoxX", s.conv))
                ok = pct_int(t, out, &s, arg);
            else if (s.conv == 'c')
                ok = pa->bytes ? pct_byte(t, out, &s, arg) : pct_char(t, out, &s, arg);
            else
                ok = pct_float(t, out, &s, arg);
        }
    }
    if (owned)
        wf_value_decref(t, owned);
    *pp = p;
    return ok;
}

/* Format fmt[0..n) with args into a buffer: the shared body of str % args and
 * bytes % args; false with the exception set. */
static bool pct_format(wf_thread *t, wf_strbuf *b, const char *start, size_t n, wf_value args,
                       bool bytes)
{
    pct_args pa = {NULL, 0, 0, WF_NULL, bytes};
    if (wf_tuple_check(args)) {
        pa.items = WF_TUPLE_ITEMS(args);
        pa.n = wf_tuple_size(args);
    } else {
        pa.items = &args;
        pa.n = 1;
        const wf_mapping_methods *mp = wf_type_of(args)->tp_as_mapping;
        if (mp && mp->getitem && !wf_str_check(args) && !wf_bytes_check(args) &&
            !wf_bytearray_check(args))
            pa.dict = args;
    }
    const char *p = start, *end = p + n;
    while (p < end) {
        const char *lit = p;
        while (p < end && *p != '%')
            p++;
        if (!wf_strbuf_append(t, b, lit, (size_t)(p - lit)))
            return false;
        if (p == end)
            break;
        p++;
        if (!pct_one(t, b, start, &p, end, &pa))
            return false;
    }
    if (pa.next < pa.n && !pa.dict) {
        wf_err_set(t, &wf_exc_TypeError, "not all arguments converted during %s formatting",
                   bytes ? "bytes" : "string");
        return false;
    }
    return true;
}

wf_value wf_str_percent_format(wf_thread *t, wf_value format, wf_value args)
{
    wf_strbuf b;
    wf_strbuf_init(&b);
    if (!pct_format(t, &b, wf_str_utf8(format), wf_str_size(format), args, false)) {
        wf_strbuf_free(&b);
        return WF_NULL;
    }
    return wf_strbuf_finish(t, &b);
}

wf_value wf_bytes_percent_format(wf_thread *t, wf_value format, wf_value args)
{
    wf_bytes_view v;
    if (!wf_bytes_view_get(t, format, &v))
        return WF_NULL;
    wf_strbuf b;
    wf_strbuf_init(&b);
    wf_text s = {v.p, v.n, format, true};
    wf_value r = WF_NULL;
    if (pct_format(t, &b, v.p, v.n, args, true))
        r = wf_text_finish(t, &s, &b);
    else
        wf_strbuf_free(&b);
    wf_bytes_view_release(t, &v);
    return r;
}
