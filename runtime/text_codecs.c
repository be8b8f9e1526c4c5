/* Python's text codecs (text_codecs.h; str.encode, bytes.decode, bytearray.decode and
 * str(b, encoding) through runtime/bytes.h and runtime/str.h), as CPython 3.11's
 * Objects/unicodeobject.c and Python/codecs.c implement them:
 *   - utf-8, utf-8-sig (a BOM written, or stripped before decoding);
 *   - utf-16 and utf-32 (a little-endian BOM written; a BOM honoured on decoding, else
 *     little-endian), and their -le / -be forms (no BOM);
 *   - ascii, latin-1, and every single-byte codec of Python's encodings package
 *     (cp1252, iso8859_15, koi8_r, mac_roman, cp437, cp037...) through its decoding
 *     table and the table's inverse (runtime/codecs.h);
 *   - unicode_escape and raw_unicode_escape;
 *   - 'undefined' (UnicodeError for everything).
 * Python's other text codecs (multi-byte CJK codecs, utf_7, idna, punycode) raise
 * NotImplementedError; codecs that are not text encodings (base64, rot13...) raise
 * Python's LookupError "'rot13' is not a text encoding; ...".
 *
 * Error handlers: strict, ignore, replace, backslashreplace, xmlcharrefreplace and
 * namereplace (encoding), surrogateescape, surrogatepass, each with CPython's
 * semantics, including which characters one error covers (a run of unencodable
 * characters for ascii, latin-1, charmap and utf-8; one character for utf-16/32), where
 * decoding goes on after a handler, and when a replacement the codec cannot take turns
 * into the original error. A handler name is looked up only when an error needs it.
 * Custom handlers (codecs.register_error) do not exist in weft.
 *
 * Sections follow the data: error handlers, encoders (families, then the escape
 * codecs), decoders (error handling, then each family), the entry points. */
#include "text_codecs.h"

#include <stdio.h>
#include <string.h>

#include "abstract.h"
#include "bytes.h"
#include "error.h"
#include "exceptions.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "unicode_names.h"
#include "utf8.h"

/* ---- Error handlers ------------------------------------------------------------------ */

/* The error handlers of Python's codecs registry, by name (case matters). */
enum handler {
    H_UNRESOLVED, /* not looked up yet: no error so far */
    H_STRICT,
    H_IGNORE,
    H_REPLACE,
    H_BACKSLASH,
    H_XMLCHARREF,
    H_NAMEREPLACE,
    H_SURROGATEESCAPE,
    H_SURROGATEPASS,
    H_UNKNOWN
};

static enum handler handler_lookup(const char *e)
{
    static const char *const names[] = {
        [H_STRICT] = "strict",
        [H_IGNORE] = "ignore",
        [H_REPLACE] = "replace",
        [H_BACKSLASH] = "backslashreplace",
        [H_XMLCHARREF] = "xmlcharrefreplace",
        [H_NAMEREPLACE] = "namereplace",
        [H_SURROGATEESCAPE] = "surrogateescape",
        [H_SURROGATEPASS] = "surrogatepass",
    };
    for (int h = H_STRICT; h < H_UNKNOWN; h++)
        if (strcmp(e, names[h]) == 0)
            return (enum handler)h;
    return H_UNKNOWN;
}

/* Raise exc_type(encoding, object, start, end, reason), as the codecs do. */
static void codec_error(wf_thread *t, wf_type *exc_type, const char *encoding, wf_value object,
                        int64_t start, int64_t end, const char *reason)
{
    wf_value enc = wf_str_from_cstr(t, encoding);
    wf_value why = enc ? wf_str_from_cstr(t, reason) : WF_NULL;
    wf_value args =
        why ? wf_tuple_pack(t, 5, enc, object, wf_smallint_box(start), wf_smallint_box(end), why)
            : WF_NULL;
    wf_value exc = args ? wf_exception_new(t, exc_type, args) : WF_NULL;
    if (exc) {
        wf_err_set_object(t, exc);
        wf_value_decref(t, exc);
    }
    wf_value vals[] = {enc, why, args};
    for (int i = 0; i < 3; i++)
        if (vals[i])
            wf_value_decref(t, vals[i]);
}

static bool unknown_handler(wf_thread *t, const char *errors)
{
    wf_err_set(t, &wf_exc_LookupError, "unknown error handler name '%s'", errors);
    return false;
}

static bool is_surrogate(uint32_t cp)
{
    return cp >= 0xD800 && cp <= 0xDFFF;
}

/* The codecs surrogatepass knows, from the encoding an error names (CPython's
 * get_standard_encoding): "utf-8", "utf-16[-le|-be]", "utf-32[-le|-be]" ('-' or '_'
 * after "utf"; no suffix is the native order, little-endian here). */
typedef enum { STD_UNKNOWN, STD_UTF8, STD_UTF16LE, STD_UTF16BE, STD_UTF32LE, STD_UTF32BE } std_enc;

static std_enc standard_encoding(const char *e, int *unit)
{
    if (strncmp(e, "utf", 3) != 0 && strncmp(e, "UTF", 3) != 0)
        return STD_UNKNOWN;
    e += 3;
    if (*e == '-' || *e == '_')
        e++;
    if (strcmp(e, "8") == 0) {
        *unit = 3;
        return STD_UTF8;
    }
    bool sixteen = strncmp(e, "16", 2) == 0;
    if (!sixteen && strncmp(e, "32", 2) != 0)
        return STD_UNKNOWN;
    *unit = sixteen ? 2 : 4;
    e += 2;
    if (*e == '\0')
        return sixteen ? STD_UTF16LE : STD_UTF32LE;
    if ((*e == '-' || *e == '_') && (e[2] == 'e' || e[2] == 'E') && e[3] == '\0') {
        if (e[1] == 'l' || e[1] == 'L')
            return sixteen ? STD_UTF16LE : STD_UTF32LE;
        if (e[1] == 'b' || e[1] == 'B')
            return sixteen ? STD_UTF16BE : STD_UTF32BE;
    }
    return STD_UNKNOWN;
}

/* Append cp as \xhh, \uhhhh or \Uhhhhhhhh (backslashreplace; namereplace without a
 * name). */
static bool put_backslash(wf_thread *t, wf_strbuf *b, uint32_t cp)
{
    char esc[12];
    int n = snprintf(esc, sizeof esc,
                     cp < 0x100     ? "\\x%02x"
                     : cp < 0x10000 ? "\\u%04x"
                                    : "\\U%08x",
                     (unsigned)cp);
    return wf_strbuf_append(t, b, esc, (size_t)n);
}

/* ---- Encoding: the families ------------------------------------------------------------
 *
 * A family is how a codec encodes one code point and what one error covers: ascii and
 * latin-1 (CPython's unicode_encode_ucs1), charmap, utf-8, utf-16 and utf-32. The
 * input is weft's UTF-8 of the str, lone surrogates included; positions handed to
 * Python count code points. */

typedef struct encoder {
    wf_thread *t;
    wf_value s; /* the str (borrowed) */
    const char *errors;
    enum handler h;
    enum wf_codec_kind kind;
    const char *encoding, *reason; /* of its UnicodeEncodeError */
    const wf_codec_encoder *map;   /* WF_CODEC_CHARMAP */
    bool big_endian;               /* utf-16, utf-32 */
    wf_strbuf out;                 /* the bytes so far */
} encoder;

static bool is_utf16(enum wf_codec_kind k)
{
    return k == WF_CODEC_UTF16 || k == WF_CODEC_UTF16_LE || k == WF_CODEC_UTF16_BE;
}

static bool is_utf32(enum wf_codec_kind k)
{
    return k == WF_CODEC_UTF32 || k == WF_CODEC_UTF32_LE || k == WF_CODEC_UTF32_BE;
}

static bool can_encode(const encoder *e, uint32_t cp)
{
    switch (e->kind) {
    case WF_CODEC_ASCII:
        return cp < 0x80;
    case WF_CODEC_LATIN1:
        return cp < 0x100;
    case WF_CODEC_CHARMAP:
        return wf_codec_encode_byte(e->map, cp) >= 0;
    default: /* the UTFs */
        return !is_surrogate(cp);
    }
}

/* Append a UTF-16 or UTF-32 code unit in the encoder's byte order. */
static bool put_unit(encoder *e, uint32_t u, int size)
{
    unsigned char b[4];
    for (int i = 0; i < size; i++)
        b[e->big_endian ? size - 1 - i : i] = (unsigned char)(u >> (8 * i));
    return wf_strbuf_append(e->t, &e->out, (const char *)b, (size_t)size);
}

/* Append the encoding of cp, which can_encode accepts. */
static bool put_encoded(encoder *e, uint32_t cp)
{
    char c;
    switch (e->kind) {
    case WF_CODEC_ASCII:
    case WF_CODEC_LATIN1:
        c = (char)cp;
        return wf_strbuf_append(e->t, &e->out, &c, 1);
    case WF_CODEC_CHARMAP:
        c = (char)wf_codec_encode_byte(e->map, cp);
        return wf_strbuf_append(e->t, &e->out, &c, 1);
    case WF_CODEC_UTF8:
    case WF_CODEC_UTF8_SIG:
        return wf_strbuf_append_cp(e->t, &e->out, cp);
    default:
        if (is_utf32(e->kind))
            return put_unit(e, cp, 4);
        if (cp < 0x10000)
            return put_unit(e, cp, 2);
        return put_unit(e, 0xD800 + ((cp - 0x10000) >> 10), 2) &&
               put_unit(e, 0xDC00 + ((cp - 0x10000) & 0x3FF), 2);
    }
}

/* Raise the encoder's UnicodeEncodeError for characters [start, end). */
static bool encode_fail(encoder *e, int64_t start, int64_t end)
{
    codec_error(e->t, &wf_exc_UnicodeEncodeError, e->encoding, e->s, start, end, e->reason);
    return false;
}

/* What the built-in handler e->h returns for the UnicodeEncodeError over characters
 * [start, end), whose UTF-8 is p[0..q): text (always ASCII) or, with *is_bytes, bytes,
 * into rep. false with the exception set when the handler raises (for surrogateescape
 * and surrogatepass: the original error, when a character is not theirs). */
static bool encode_handler(encoder *e, const char *p, const char *q, int64_t start, int64_t end,
                           wf_strbuf *rep, bool *is_bytes)
{
    wf_thread *t = e->t;
    int unit = 0;
    std_enc std = STD_UNKNOWN;
    *is_bytes = e->h == H_SURROGATEESCAPE || e->h == H_SURROGATEPASS;
    switch (e->h) {
    case H_STRICT:
        return encode_fail(e, start, end);
    case H_UNKNOWN:
        return unknown_handler(t, e->errors);
    case H_IGNORE:
        return true;
    case H_REPLACE:
        for (int64_t i = start; i < end; i++)
            if (!wf_strbuf_append(t, rep, "?", 1))
                return false;
        return true;
    case H_SURROGATEPASS:
        std = standard_encoding(e->encoding, &unit);
        if (std == STD_UNKNOWN)
            return encode_fail(e, start, end);
        break;
    default:
        break;
    }
    while (p < q) {
        uint32_t cp = 0;
        p += wf_utf8_decode_str(p, q, &cp);
        char buf[WF_UNICODE_NAME_SIZE + 8];
        int n;
        bool ok = true;
        switch (e->h) {
        case H_BACKSLASH:
            ok = put_backslash(t, rep, cp);
            break;
        case H_XMLCHARREF:
            n = snprintf(buf, sizeof buf, "&#%u;", (unsigned)cp);
            ok = wf_strbuf_append(t, rep, buf, (size_t)n);
            break;
        case H_NAMEREPLACE:
            if (wf_unicode_name(cp, buf + 3, sizeof buf - 4) == 0) {
                ok = put_backslash(t, rep, cp);
                break;
            }
            memcpy(buf, "\\N{", 3);
            n = (int)strlen(buf);
            buf[n++] = '}';
            ok = wf_strbuf_append(t, rep, buf, (size_t)n);
            break;
        case H_SURROGATEESCAPE:
            if (cp < 0xDC80 || cp > 0xDCFF)
                return encode_fail(e, start, end);
            buf[0] = (char)(cp - 0xDC00);
            ok = wf_strbuf_append(t, rep, buf, 1);
            break;
        default: /* H_SURROGATEPASS */
            if (!is_surrogate(cp))
                return encode_fail(e, start, end);
            if (std == STD_UTF8) {
                n = wf_utf8_encode(buf, cp);
            } else {
                bool be = std == STD_UTF16BE || std == STD_UTF32BE;
                for (int i = 0; i < unit; i++)
                    buf[be ? unit - 1 - i : i] = (char)(cp >> (8 * i));
                n = unit;
            }
            ok = wf_strbuf_append(t, rep, buf, (size_t)n);
            break;
        }
        if (!ok)
            return false;
    }
    return true;
}

/* Put the replacement rep for the error over [start, end) as the family does: bytes
 * as they are (utf-16/32: whole code units only); text through the codec (every
 * built-in handler's text is ASCII, which ascii, latin-1 and the UTFs take), failing
 * with the original error where the codec cannot encode it. */
static bool put_replacement(encoder *e, const wf_strbuf *rep, bool is_bytes, int64_t start,
                            int64_t end)
{
    int unit = is_utf16(e->kind) ? 2 : is_utf32(e->kind) ? 4 : 1;
    if (is_bytes) {
        if (rep->len % (size_t)unit != 0)
            return encode_fail(e, start, end);
        return wf_strbuf_append(e->t, &e->out, rep->p, rep->len);
    }
    if (e->kind != WF_CODEC_CHARMAP && unit == 1)
        return wf_strbuf_append(e->t, &e->out, rep->p, rep->len);
    for (size_t i = 0; i < rep->len; i++) {
        uint32_t cp = (unsigned char)rep->p[i];
        if (!can_encode(e, cp))
            return encode_fail(e, start, end);
        if (!put_encoded(e, cp))
            return false;
    }
    return true;
}

/* The unencodable character at *pp (character *pos) and, except for utf-16/32, the
 * unencodable ones after it: hand them to the error handler and put what it gives.
 * Advances *pp and *pos past them. */
static bool encode_error(encoder *e, const char **pp, const char *end, int64_t *pos)
{
    wf_thread *t = e->t;
    const char *p = *pp, *q = p;
    int64_t start = *pos, stop = start;
    bool single = is_utf16(e->kind) || is_utf32(e->kind);
    for (;;) {
        uint32_t cp = 0;
        int k = wf_utf8_decode_str(q, end, &cp);
        if (q > p && can_encode(e, cp))
            break;
        q += k;
        stop++;
        if (single || q == end)
            break;
    }
    *pp = q;
    *pos = stop;
    if (e->h == H_UNRESOLVED)
        e->h = handler_lookup(e->errors);
    if (e->h == H_SURROGATEESCAPE && !single && e->kind != WF_CODEC_CHARMAP) {
        /* ascii, latin-1 and utf-8 escape what they can before calling the handler on
         * the rest, which then fails */
        for (; p < q; p += 3, start++) {
            uint32_t cp = 0;
            wf_utf8_decode_str(p, q, &cp);
            if (cp < 0xDC80 || cp > 0xDCFF)
                return encode_fail(e, start, stop);
            char c = (char)(cp - 0xDC00);
            if (!wf_strbuf_append(t, &e->out, &c, 1))
                return false;
        }
        return true;
    }
    wf_strbuf rep;
    wf_strbuf_init(&rep);
    bool is_bytes = false;
    bool ok = encode_handler(e, p, q, start, stop, &rep, &is_bytes) &&
              put_replacement(e, &rep, is_bytes, start, stop);
    wf_strbuf_free(&rep);
    return ok;
}

/* The UTF-8 family: weft's str is already UTF-8 except for its lone surrogates (three
 * bytes ED A0..BF xx), so copy the runs between them. */
static bool encode_utf8(encoder *e, const char *p, const char *end)
{
    const char *run = p;
    int64_t pos = 0;
    while (p < end) {
        const char *sur = memchr(p, 0xED, (size_t)(end - p));
        while (sur && end - sur >= 3 && (unsigned char)sur[1] < 0xA0)
            sur = memchr(sur + 3, 0xED, (size_t)(end - sur - 3));
        if (!sur || end - sur < 3)
            break;
        pos += (int64_t)wf_utf8_length(p, sur);
        if (!wf_strbuf_append(e->t, &e->out, run, (size_t)(sur - run)))
            return false;
        p = sur;
        if (!encode_error(e, &p, end, &pos))
            return false;
        run = p;
    }
    return wf_strbuf_append(e->t, &e->out, run, (size_t)(end - run));
}

/* Any other family, code point by code point. */
static bool encode_each(encoder *e, const char *p, const char *end)
{
    int64_t pos = 0;
    while (p < end) {
        uint32_t cp = 0;
        int k = wf_utf8_decode_str(p, end, &cp);
        if (can_encode(e, cp)) {
            if (!put_encoded(e, cp))
                return false;
            p += k;
            pos++;
        } else if (!encode_error(e, &p, end, &pos)) {
            return false;
        }
    }
    return true;
}

/* ---- Encoding: unicode_escape and raw_unicode_escape (they never fail) --------------- */

static bool encode_escapes(wf_thread *t, wf_strbuf *out, const char *p, const char *end, bool raw)
{
    while (p < end) {
        uint32_t cp = 0;
        p += wf_utf8_decode_str(p, end, &cp);
        char c = (char)cp;
        bool ok;
        if (raw ? cp < 0x100 : cp >= ' ' && cp < 0x7F && cp != '\\')
            ok = wf_strbuf_append(t, out, &c, 1);
        else if (cp == '\\')
            ok = wf_strbuf_append(t, out, "\\\\", 2);
        else if (cp == '\t' || cp == '\n' || cp == '\r')
            ok = wf_strbuf_append(t, out, cp == '\t' ? "\\t" : cp == '\n' ? "\\n" : "\\r", 2);
        else
            ok = put_backslash(t, out, cp);
        if (!ok)
            return false;
    }
    return true;
}

/* ---- Encoding: the codecs ---------------------------------------------------------------- */

static wf_value unsupported(wf_thread *t, const char *what, const wf_codec *c)
{
    return wf_err_set(t, &wf_exc_NotImplementedError, "weft cannot %s '%s' yet", what, c->name);
}

wf_value wf_codec_encode(wf_thread *t, const wf_codec *c, wf_value s, const char *errors)
{
    const char *p = wf_str_utf8(s), *end = p + wf_str_size(s);
    bool ascii = ((wf_str_object *)wf_to_object(s))->ascii;
    encoder e = {
        .t = t, .s = s, .errors = errors, .kind = c->kind, .reason = "surrogates not allowed"};
    wf_strbuf_init(&e.out);
    bool ok = true;
    switch (c->kind) {
    case WF_CODEC_ASCII:
    case WF_CODEC_LATIN1:
        if (ascii)
            return wf_bytes_from_data(t, p, wf_str_size(s));
        e.encoding = c->kind == WF_CODEC_ASCII ? "ascii" : "latin-1";
        e.reason =
            c->kind == WF_CODEC_ASCII ? "ordinal not in range(128)" : "ordinal not in range(256)";
        ok = encode_each(&e, p, end);
        break;
    case WF_CODEC_CHARMAP:
        e.map = wf_codec_encoder_of(c);
        if (!e.map)
            return wf_err_no_memory(t);
        if (ascii && e.map->ascii_identity)
            return wf_bytes_from_data(t, p, wf_str_size(s));
        e.encoding = "charmap";
        e.reason = "character maps to <undefined>";
        ok = encode_each(&e, p, end);
        break;
    case WF_CODEC_UTF8:
    case WF_CODEC_UTF8_SIG:
        if (ascii && c->kind == WF_CODEC_UTF8)
            return wf_bytes_from_data(t, p, wf_str_size(s));
        e.encoding = "utf-8";
        ok = (c->kind == WF_CODEC_UTF8 || wf_strbuf_append(t, &e.out, "\xEF\xBB\xBF", 3)) &&
             encode_utf8(&e, p, end);
        break;
    case WF_CODEC_UTF16:
    case WF_CODEC_UTF32:
        e.encoding = c->kind == WF_CODEC_UTF16 ? "utf-16" : "utf-32";
        ok = put_unit(&e, 0xFEFF, c->kind == WF_CODEC_UTF16 ? 2 : 4) && encode_each(&e, p, end);
        break;
    case WF_CODEC_UTF16_LE:
    case WF_CODEC_UTF16_BE:
    case WF_CODEC_UTF32_LE:
    case WF_CODEC_UTF32_BE:
        e.big_endian = c->kind == WF_CODEC_UTF16_BE || c->kind == WF_CODEC_UTF32_BE;
        e.encoding = c->kind == WF_CODEC_UTF16_LE   ? "utf-16-le"
                     : c->kind == WF_CODEC_UTF16_BE ? "utf-16-be"
                     : c->kind == WF_CODEC_UTF32_LE ? "utf-32-le"
                                                    : "utf-32-be";
        ok = encode_each(&e, p, end);
        break;
    case WF_CODEC_UNICODE_ESCAPE:
    case WF_CODEC_RAW_UNICODE_ESCAPE:
        ok = encode_escapes(t, &e.out, p, end, c->kind == WF_CODEC_RAW_UNICODE_ESCAPE);
        break;
    case WF_CODEC_UNDEFINED:
        return wf_err_set(t, &wf_exc_UnicodeError, "undefined encoding");
    case WF_CODEC_UNSUPPORTED:
    case WF_CODEC_NOT_TEXT:
        return unsupported(t, "encode", c);
    }
    wf_value r = ok ? wf_bytes_from_data(t, e.out.p, e.out.len) : WF_NULL;
    wf_strbuf_free(&e.out);
    return r;
}

/* ---- Decoding: errors ------------------------------------------------------------------ */

typedef struct decoder {
    wf_thread *t;
    const unsigned char *data; /* the input errors report (after a utf-8-sig BOM) */
    size_t n;
    const char *errors;
    enum handler h;
    wf_strbuf out; /* the text so far */
} decoder;

#define DECODE_FAILED SIZE_MAX

/* Raise the UnicodeDecodeError for bytes [start, end) of the input. */
static size_t decode_fail(decoder *d, const char *encoding, const char *reason, size_t start,
                          size_t end)
{
    wf_value obj = wf_bytes_from_data(d->t, (const char *)d->data, d->n);
    if (obj) {
        codec_error(d->t, &wf_exc_UnicodeDecodeError, encoding, obj, (int64_t)start, (int64_t)end,
                    reason);
        wf_value_decref(d->t, obj);
    }
    return DECODE_FAILED;
}

/* The error handler on the UnicodeDecodeError for bytes [start, end): put its
 * replacement and return where decoding goes on (end, or less for surrogateescape and
 * surrogatepass, which take what they can and leave the rest to the codec), or
 * DECODE_FAILED with the exception set. */
static size_t decode_error(decoder *d, const char *encoding, const char *reason, size_t start,
                           size_t end)
{
    wf_thread *t = d->t;
    const unsigned char *p = d->data + start;
    if (d->h == H_UNRESOLVED)
        d->h = handler_lookup(d->errors);
    switch (d->h) {
    case H_STRICT:
        break;
    case H_IGNORE:
        return end;
    case H_REPLACE:
        return wf_strbuf_append_cp(t, &d->out, 0xFFFD) ? end : DECODE_FAILED;
    case H_BACKSLASH:
        for (size_t i = 0; i < end - start; i++)
            if (!put_backslash(t, &d->out, p[i]))
                return DECODE_FAILED;
        return end;
    case H_SURROGATEESCAPE: { /* up to 4 bytes, none of them ASCII */
        size_t k = 0;
        for (; k < 4 && k < end - start && p[k] >= 0x80; k++)
            if (!wf_strbuf_append_cp(t, &d->out, 0xDC00 + p[k]))
                return DECODE_FAILED;
        if (k == 0)
            break;
        return start + k;
    }
    case H_SURROGATEPASS: { /* one surrogate, in the encoding the error names */
        int unit = 0;
        std_enc std = standard_encoding(encoding, &unit);
        uint32_t cp = 0;
        if (std == STD_UNKNOWN || d->n - start < (size_t)unit)
            break;
        if (std == STD_UTF8) {
            if ((p[0] & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
                cp = (uint32_t)(p[0] & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
        } else {
            bool be = std == STD_UTF16BE || std == STD_UTF32BE;
            for (int i = 0; i < unit; i++)
                cp |= (uint32_t)p[be ? unit - 1 - i : i] << (8 * i);
        }
        if (!is_surrogate(cp))
            break;
        return wf_strbuf_append_cp(t, &d->out, cp) ? start + (size_t)unit : DECODE_FAILED;
    }
    case H_XMLCHARREF:
    case H_NAMEREPLACE:
        wf_err_set(t, &wf_exc_TypeError,
                   "don't know how to handle UnicodeDecodeError in error callback");
        return DECODE_FAILED;
    default:
        unknown_handler(t, d->errors);
        return DECODE_FAILED;
    }
    return decode_fail(d, encoding, reason, start, end);
}

/* ---- Decoding: the codecs ------------------------------------------------------------- */

static bool decode_single_byte(decoder *d, const wf_codec *c)
{
    const char *encoding = c->kind == WF_CODEC_ASCII ? "ascii" : "charmap";
    const char *reason =
        c->kind == WF_CODEC_ASCII ? "ordinal not in range(128)" : "character maps to <undefined>";
    for (size_t i = 0; i < d->n;) {
        uint32_t cp = c->table[d->data[i]];
        if (cp == WF_CODEC_UNDEFINED_CP) {
            i = decode_error(d, encoding, reason, i, i + 1);
            if (i == DECODE_FAILED)
                return false;
            continue;
        }
        if (!wf_strbuf_append_cp(d->t, &d->out, cp))
            return false;
        i++;
    }
    return true;
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

/* Valid UTF-8 is copied as it is, run by run. */
static bool decode_utf8(decoder *d)
{
    const unsigned char *s = d->data, *end = s + d->n;
    size_t run = 0;
    for (size_t i = 0; i < d->n;) {
        uint32_t cp;
        int k = s[i] < 0x80 ? 1 : wf_utf8_decode((const char *)s + i, (const char *)end, &cp);
        if (k > 0) {
            i += (size_t)k;
            continue;
        }
        if (!wf_strbuf_append(d->t, &d->out, (const char *)s + run, i - run))
            return false;
        const char *reason;
        size_t bad = utf8_error_len(s + i, end, &reason);
        i = run = decode_error(d, "utf-8", reason, i, i + bad);
        if (i == DECODE_FAILED)
            return false;
    }
    return wf_strbuf_append(d->t, &d->out, (const char *)s + run, d->n - run);
}

/* A code unit of `size` bytes at p. */
static uint32_t read_unit(const unsigned char *p, int size, bool big_endian)
{
    uint32_t u = 0;
    for (int i = 0; i < size; i++)
        u |= (uint32_t)p[big_endian ? size - 1 - i : i] << (8 * i);
    return u;
}

/* The byte order of a UTF-16 or UTF-32 codec: 0 from a byte-order mark (little-endian
 * without one), -1 little-endian, 1 big-endian. */
static int byte_order(enum wf_codec_kind k)
{
    return k == WF_CODEC_UTF16 || k == WF_CODEC_UTF32         ? 0
           : k == WF_CODEC_UTF16_BE || k == WF_CODEC_UTF32_BE ? 1
                                                              : -1;
}

/* As CPython's PyUnicode_DecodeUTF16Stateful; bo as byte_order says. */
static bool decode_utf16(decoder *d, int bo)
{
    const unsigned char *s = d->data;
    size_t n = d->n, q = 0;
    if (bo == 0 && n >= 2) {
        uint32_t bom = read_unit(s, 2, false);
        if (bom == 0xFEFF || bom == 0xFFFE) {
            bo = bom == 0xFEFF ? -1 : 1;
            q = 2;
        }
    }
    bool be = bo > 0;
    const char *encoding = be ? "utf-16-be" : "utf-16-le";
    while (q < n) {
        const char *reason;
        size_t start = q, stop;
        if (n - q < 2) {
            reason = "truncated data", stop = n;
        } else {
            uint32_t ch = read_unit(s + q, 2, be), ch2 = 0;
            if (!is_surrogate(ch)) {
                if (!wf_strbuf_append_cp(d->t, &d->out, ch))
                    return false;
                q += 2;
                continue;
            }
            if (ch >= 0xDC00) {
                reason = "illegal encoding", stop = q + 2;
            } else if (n - q < 4) {
                reason = "unexpected end of data", stop = n;
            } else if ((ch2 = read_unit(s + q + 2, 2, be)) < 0xDC00 || ch2 > 0xDFFF) {
                reason = "illegal UTF-16 surrogate", stop = q + 2;
            } else {
                if (!wf_strbuf_append_cp(d->t, &d->out,
                                         0x10000 + ((ch - 0xD800) << 10) + (ch2 - 0xDC00)))
                    return false;
                q += 4;
                continue;
            }
        }
        q = decode_error(d, encoding, reason, start, stop);
        if (q == DECODE_FAILED)
            return false;
    }
    return true;
}

/* As CPython's PyUnicode_DecodeUTF32Stateful; bo as byte_order says. */
static bool decode_utf32(decoder *d, int bo)
{
    const unsigned char *s = d->data;
    size_t n = d->n, q = 0;
    if (bo == 0 && n >= 4) {
        uint32_t bom = read_unit(s, 4, false);
        if (bom == 0xFEFF || bom == 0xFFFE0000) {
            bo = bom == 0xFEFF ? -1 : 1;
            q = 4;
        }
    }
    bool be = bo > 0;
    const char *encoding = be ? "utf-32-be" : "utf-32-le";
    while (q < n) {
        const char *reason;
        size_t stop = q + 4;
        if (n - q < 4) {
            reason = "truncated data", stop = n;
        } else {
            uint32_t ch = read_unit(s + q, 4, be);
            if (is_surrogate(ch)) {
                reason = "code point in surrogate code point range(0xd800, 0xe000)";
            } else if (ch >= 0x110000) {
                reason = "code point not in range(0x110000)";
            } else {
                if (!wf_strbuf_append_cp(d->t, &d->out, ch))
                    return false;
                q += 4;
                continue;
            }
        }
        q = decode_error(d, encoding, reason, q, stop);
        if (q == DECODE_FAILED)
            return false;
    }
    return true;
}

static int hex_digit(unsigned char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* `count` hex digits from *i, into *cp: 1 when all are there, 0 at a non-digit (*i at
 * it), -1 when the input ends first. */
static int hex_escape(const decoder *d, size_t *i, int count, uint32_t *cp)
{
    for (*cp = 0; count > 0; count--, (*i)++) {
        if (*i >= d->n)
            return -1;
        int v = hex_digit(d->data[*i]);
        if (v < 0)
            return 0;
        *cp = *cp << 4 | (uint32_t)v;
    }
    return 1;
}

/* unicode_escape (raw: raw_unicode_escape, which knows only \uXXXX and \UXXXXXXXX): as
 * CPython's _PyUnicode_DecodeUnicodeEscapeInternal. Other bytes are Latin-1. CPython
 * warns (DeprecationWarning) about an unknown escape, which it keeps as it is; weft has
 * no warnings and only keeps it. */
static bool decode_escapes(decoder *d, bool raw)
{
    const char *encoding = raw ? "rawunicodeescape" : "unicodeescape";
    const unsigned char *s = d->data;
    size_t n = d->n;
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i++];
        if (c != '\\' || (raw && i >= n)) {
            if (!wf_strbuf_append_cp(d->t, &d->out, c))
                return false;
            continue;
        }
        size_t start = i - 1;
        const char *message = "\\ at end of string";
        uint32_t cp = 0;
        int r = -1;
        if (i < n) {
            c = s[i++];
            const char *simple = raw ? NULL : strchr("\\'\"bftnrva", c);
            if (c == '\n' && !raw)
                continue;
            if (simple && c) {
                char out = "\\'\"\b\f\t\n\r\v\a"[simple - "\\'\"bftnrva"];
                if (!wf_strbuf_append(d->t, &d->out, &out, 1))
                    return false;
                continue;
            }
            if (c >= '0' && c <= '7' && !raw) {
                cp = c - '0';
                for (int k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '7'; k++)
                    cp = cp * 8 + (uint32_t)(s[i++] - '0');
                if (!wf_strbuf_append_cp(d->t, &d->out, cp))
                    return false;
                continue;
            }
            int count = (c == 'x' && !raw) ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
            if (count > 0) {
                message = count == 2   ? "truncated \\xXX escape"
                          : count == 4 ? "truncated \\uXXXX escape"
                                       : "truncated \\UXXXXXXXX escape";
                r = hex_escape(d, &i, count, &cp);
                if (r > 0 && cp > 0x10FFFF) {
                    message = raw ? "\\Uxxxxxxxx out of range" : "illegal Unicode character";
                    r = 0;
                }
            } else if (c == 'N' && !raw) {
                message = "malformed \\N character escape";
                if (i < n && s[i] == '{') {
                    size_t name = ++i;
                    while (i < n && s[i] != '}')
                        i++;
                    if (i < n && i > name) {
                        i++;
                        if (wf_unicode_lookup((const char *)s + name, i - 1 - name, &cp))
                            r = 1;
                        else
                            message = "unknown Unicode character name", r = 0;
                    } else {
                        r = i < n ? 0 : -1;
                    }
                } else {
                    r = i < n ? 0 : -1;
                }
            } else { /* not an escape: kept as it is */
                char two[2] = {'\\', (char)c};
                bool ok = c < 0x80 ? wf_strbuf_append(d->t, &d->out, two, 2)
                                   : wf_strbuf_append(d->t, &d->out, "\\", 1) &&
                                         wf_strbuf_append_cp(d->t, &d->out, c);
                if (!ok)
                    return false;
                continue;
            }
            if (r > 0) {
                if (!wf_strbuf_append_cp(d->t, &d->out, cp))
                    return false;
                continue;
            }
        }
        /* an error: an incomplete escape (r < 0) covers the rest of the input */
        i = decode_error(d, encoding, message, start, r < 0 ? n : i);
        if (i == DECODE_FAILED)
            return false;
    }
    return true;
}

wf_value wf_codec_decode(wf_thread *t, const wf_codec *c, const char *data, size_t n,
                         const char *errors)
{
    decoder d = {.t = t, .data = (const unsigned char *)data, .n = n, .errors = errors};
    wf_strbuf_init(&d.out);
    bool ok = true;
    switch (c->kind) {
    case WF_CODEC_ASCII:
    case WF_CODEC_LATIN1:
    case WF_CODEC_CHARMAP:
        ok = decode_single_byte(&d, c);
        break;
    case WF_CODEC_UTF8_SIG:
        if (n >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
            d.data += 3, d.n -= 3;
        ok = decode_utf8(&d);
        break;
    case WF_CODEC_UTF8:
        ok = decode_utf8(&d);
        break;
    case WF_CODEC_UTF16:
    case WF_CODEC_UTF16_LE:
    case WF_CODEC_UTF16_BE:
        ok = decode_utf16(&d, byte_order(c->kind));
        break;
    case WF_CODEC_UTF32:
    case WF_CODEC_UTF32_LE:
    case WF_CODEC_UTF32_BE:
        ok = decode_utf32(&d, byte_order(c->kind));
        break;
    case WF_CODEC_UNICODE_ESCAPE:
    case WF_CODEC_RAW_UNICODE_ESCAPE:
        ok = decode_escapes(&d, c->kind == WF_CODEC_RAW_UNICODE_ESCAPE);
        break;
    case WF_CODEC_UNDEFINED:
        return wf_err_set(t, &wf_exc_UnicodeError, "undefined encoding");
    case WF_CODEC_UNSUPPORTED:
    case WF_CODEC_NOT_TEXT:
        return unsupported(t, "decode", c);
    }
    if (!ok) {
        wf_strbuf_free(&d.out);
        return WF_NULL;
    }
    return wf_strbuf_finish(t, &d.out);
}

/* ---- Entry points by name ---------------------------------------------------------------- */

/* The text codec `encoding` names, or NULL with CPython's LookupError ("unknown
 * encoding: x", or "'x' is not a text encoding; use codecs.encode() to handle
 * arbitrary codecs"). */
static const wf_codec *text_codec(wf_thread *t, const char *encoding, const char *verb)
{
    const wf_codec *c = wf_codec_find(encoding);
    if (!c)
        wf_err_set(t, &wf_exc_LookupError, "unknown encoding: %s", encoding);
    else if (c->kind == WF_CODEC_NOT_TEXT)
        wf_err_set(t, &wf_exc_LookupError,
                   "'%s' is not a text encoding; use codecs.%s() to handle arbitrary codecs",
                   encoding, verb);
    else
        return c;
    return NULL;
}

/* Whether CPython runs the codec `encoding` names without its codec registry: the
 * shortcuts of PyUnicode_AsEncodedString and PyUnicode_Decode, for a name that
 * _Py_normalize_encoding makes (in at most 10 characters) "utf8", "utf_8", "utf16",
 * "utf_16", "utf32", "utf_32", "ascii", "us_ascii", "latin1", "latin_1", "iso_8859_1"
 * or "iso8859_1". */
static bool shortcut_name(const char *encoding)
{
    static const char *const names[] = {"utf8",   "utf_8",   "utf16",      "utf_16",
                                        "utf32",  "utf_32",  "ascii",      "us_ascii",
                                        "latin1", "latin_1", "iso_8859_1", "iso8859_1"};
    char lower[11];
    size_t n = 0;
    bool punct = false;
    for (const char *p = encoding; *p; p++) {
        char c = *p;
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              c == '.')) {
            punct = true;
            continue;
        }
        if (punct && n > 0) {
            if (n == 10)
                return false;
            lower[n++] = '_';
        }
        punct = false;
        if (n == 10)
            return false;
        lower[n++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
    }
    lower[n] = '\0';
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(lower, names[i]) == 0)
            return true;
    return false;
}

/* A codec that CPython calls through its registry has an error other than a
 * UnicodeEncodeError / UnicodeDecodeError wrapped, when the error carries nothing but
 * its message (_PyErr_TrySetFromCause): LookupError("encoding with 'L1' codec failed
 * (LookupError: unknown error handler name 'x')"), caused by the original. */
static void wrap_codec_error(wf_thread *t, const char *operation, const char *encoding)
{
    wf_value orig = wf_err_fetch(t);
    wf_type *type = wf_type_of(orig);
    /* NotImplementedError, weft's own, is not Python's codec failing: left alone */
    if (type != &wf_exc_LookupError && type != &wf_exc_TypeError && type != &wf_exc_UnicodeError) {
        wf_err_restore(t, orig);
        return;
    }
    wf_value msg = wf_str(t, orig);
    if (!msg) {
        wf_value_decref(t, orig);
        return;
    }
    wf_err_set(t, type, "%s with '%s' codec failed (%s: %s)", operation, encoding,
               wf_type_name(type), wf_str_utf8(msg));
    wf_value_decref(t, msg);
    wf_value err = wf_err_fetch(t);
    if (wf_type_of(err) != type) { /* MemoryError */
        wf_value_decref(t, orig);
        wf_err_restore(t, err);
        return;
    }
    wf_exception *e = (wf_exception *)wf_to_object(err);
    e->cause = orig; /* the reference fetched above */
    e->suppress_context = true;
    wf_err_restore(t, err);
}

wf_value wf_str_encode(wf_thread *t, wf_value s, const char *encoding, const char *errors)
{
    const wf_codec *c = text_codec(t, encoding, "encode");
    wf_value r = c ? wf_codec_encode(t, c, s, errors) : WF_NULL;
    if (!r && c && !shortcut_name(encoding))
        wrap_codec_error(t, "encoding", encoding);
    return r;
}

wf_value wf_bytes_decode(wf_thread *t, const char *data, size_t n, const char *encoding,
                         const char *errors)
{
    const wf_codec *c = text_codec(t, encoding, "decode");
    wf_value r = c ? wf_codec_decode(t, c, data, n, errors) : WF_NULL;
    if (!r && c && !shortcut_name(encoding))
        wrap_codec_error(t, "decoding", encoding);
    return r;
}
