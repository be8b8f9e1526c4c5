/* Source encodings (see source_encoding.h). Sections follow the data: the declaration,
 * codec lookup, CPython's UTF-8 decoder, the output text, decoding, and where CPython
 * reports a byte that a "utf-8" declaration lets through.
 *
 * How CPython 3.11 reads a file it runs (Parser/tokenizer.c, tok_underflow_file):
 *  - A UTF-8 byte-order mark sets the encoding to "utf-8". Lines are then read raw, one
 *    at a time, with universal newlines.
 *  - Lines 1 and 2 are searched for a declaration (get_coding_spec), line 2 only if
 *    line 1 is blank or a comment. get_normal_name folds the spellings of UTF-8 and
 *    Latin-1 into "utf-8" and "iso-8859-1". A declaration other than the BOM's "utf-8"
 *    after a BOM is "encoding problem: NAME with BOM".
 *  - "utf-8" keeps the raw reading. Any other name reopens the file with
 *    io.open(encoding=NAME) from the last byte of the declaration line, and reads one
 *    line: that decodes a first 8192-byte chunk, so an unknown name, or a byte the codec
 *    cannot decode within that chunk, is "encoding problem: NAME". A bad byte in a later
 *    chunk surfaces when the tokenizer reaches that chunk, as "(unicode error) ..." on the
 *    last line read, at offset 0; weft reports it at once, on that line.
 *  - Until a declaration or a BOM names the encoding, every line read must be UTF-8
 *    ("Non-UTF-8 code starting with ...").
 *  - Under "utf-8" (declared or from the BOM) nothing checks the bytes. A bad byte in a
 *    comment is accepted; in a name or a string CPython fails to decode it when it
 *    makes the token's value. The last section finds that token and reports it as
 *    CPython would, locations included.
 *
 * The text handed to the tokenizer is always valid UTF-8: each undecodable piece that
 * CPython accepts (in a comment) becomes U+FFFD. */
#include "source_encoding.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/codecs.h"
#include "runtime/utf8.h"

#define CHUNK_SIZE 8192 /* io.TextIOWrapper's _CHUNK_SIZE: what one decode call sees */
#define NAME_CAP   200  /* longest encoding name kept (longer ones name no codec) */

static void set_error(wf_tok_error *err, int lineno, int offset, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void set_error(wf_tok_error *err, int lineno, int offset, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    err->type = WF_TOKERR_SYNTAX;
    err->lineno = lineno;
    err->offset = offset;
}

static bool is_ascii_alnum(int c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* The line starting at `from`: returns where its content ends (before "\n", "\r\n"
 * or "\r", or at len) and sets *next to the start of the following line. */
static size_t line_end(const unsigned char *s, size_t len, size_t from, size_t *next)
{
    size_t i = from;
    while (i < len && s[i] != '\n' && s[i] != '\r')
        i++;
    *next = i + (i < len) + (i + 1 < len && s[i] == '\r' && s[i + 1] == '\n');
    return i;
}

/* ---- The declaration ---------------------------------------------------------------- */

/* The byte i of a line as CPython's line buffer holds it: the content, '\n', NUL. */
static int line_byte(const unsigned char *p, size_t n, size_t i)
{
    return i < n ? p[i] : i == n ? '\n' : '\0';
}

/* CPython's get_coding_spec on the line content [p, p + n): the name declared by a
 * comment-only line matching `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)` (ASCII \w), into
 * name (at most NAME_CAP characters). */
static bool coding_spec(const unsigned char *p, size_t n, char name[NAME_CAP + 1])
{
    const unsigned char *nul = memchr(p, '\0', n);
    size_t size = nul ? (size_t)(nul - p) : n + 1; /* strlen of CPython's buffer */
    if (size < 7)
        return false;
    size_t i = 0;
    for (; i < size - 6; i++) {
        if (p[i] == '#')
            break;
        if (p[i] != ' ' && p[i] != '\t' && p[i] != '\f')
            return false;
    }
    for (; i < size - 6; i++) {
        if (memcmp(p + i, "coding", 6) != 0)
            continue;
        size_t t = i + 6;
        int c = line_byte(p, n, t);
        if (c != ':' && c != '=')
            continue;
        do
            c = line_byte(p, n, ++t);
        while (c == ' ' || c == '\t');
        size_t begin = t;
        while (is_ascii_alnum(c) || c == '-' || c == '_' || c == '.')
            c = line_byte(p, n, ++t);
        if (t > begin) {
            size_t k = t - begin < NAME_CAP ? t - begin : NAME_CAP;
            memcpy(name, p + begin, k);
            name[k] = '\0';
            return true;
        }
    }
    return false;
}

/* A line with nothing but blanks and perhaps a comment: CPython then also searches
 * line 2 for a declaration. */
static bool blank_or_comment(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n && p[i] != '\0' && p[i] != '#'; i++)
        if (p[i] != ' ' && p[i] != '\t' && p[i] != '\f')
            return false;
    return true;
}

/* CPython's get_normal_name: the spellings of UTF-8 and Latin-1 become "utf-8" and
 * "iso-8859-1" (judged on the first 12 characters); other names stay as written. */
static void normal_name(const char *spec, char out[NAME_CAP + 1])
{
    char buf[13];
    int i = 0;
    for (; i < 12 && spec[i]; i++)
        buf[i] = spec[i] == '_' ? '-' : ascii_lower(spec[i]);
    buf[i] = '\0';
    if (strcmp(buf, "utf-8") == 0 || strncmp(buf, "utf-8-", 6) == 0)
        spec = "utf-8";
    else if (strcmp(buf, "latin-1") == 0 || strcmp(buf, "iso-8859-1") == 0 ||
             strcmp(buf, "iso-latin-1") == 0 || strncmp(buf, "latin-1-", 8) == 0 ||
             strncmp(buf, "iso-8859-1-", 11) == 0 || strncmp(buf, "iso-latin-1-", 12) == 0)
        spec = "iso-8859-1";
    snprintf(out, NAME_CAP + 1, "%s", spec);
}

/* ---- Codec lookup ------------------------------------------------------------------- */

/* The text codec io.open(encoding=name) would decode with, or NULL if Python has none
 * by that name (runtime/codecs.h). */
static const wf_codec *find_codec(const char *name)
{
    /* TextIOWrapper's own name for the locale's encoding, which weft does not know */
    static const wf_codec locale = {"locale", WF_CODEC_UNSUPPORTED, NULL, NULL, NULL};
    if (strcmp(name, "locale") == 0)
        return &locale;
    const wf_codec *c = wf_codec_find(name);
    return c && c->kind != WF_CODEC_NOT_TEXT ? c : NULL; /* io.open refuses those too */
}

/* utf_8 and utf_8_sig: weft decodes them with CPython's UTF-8 decoder (below). */
static bool utf8_codec(const wf_codec *c)
{
    return c->kind == WF_CODEC_UTF8 || c->kind == WF_CODEC_UTF8_SIG;
}

/* ---- CPython's UTF-8 decoder -------------------------------------------------------- */

static bool is_continuation(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

/* One step of CPython's UTF-8 decoder at s (s < end): the byte length of the code point
 * there, or 0 for an error, with *errlen the bytes its UnicodeDecodeError covers and
 * *reason its reason (Objects/stringlib/codecs.h, utf8_decode). */
static int utf8_step(const unsigned char *s, const unsigned char *end, int *errlen,
                     const char **reason)
{
    static const char start[] = "invalid start byte", cont[] = "invalid continuation byte",
                      eod[] = "unexpected end of data";
    unsigned c = s[0];
    int avail = end - s < 4 ? (int)(end - s) : 4;
    int need = c < 0x80 ? 1 : c < 0xC2 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
    if (need == 1)
        return 1;
    if (need == 0) {
        *errlen = 1, *reason = start;
        return 0;
    }
    /* the second byte's range: E0 A0-BF, ED 80-9F, F0 90-BF, F4 80-8F */
    unsigned lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    unsigned hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    for (int i = 1; i < need; i++) {
        if (i >= avail) { /* a valid prefix cut short by the end of the input */
            *errlen = avail, *reason = eod;
            return 0;
        }
        if (!is_continuation(s[i]) || (i == 1 && (s[1] < lo || s[1] > hi))) {
            *errlen = i, *reason = cont;
            return 0;
        }
    }
    return need;
}

/* ---- The output text ---------------------------------------------------------------- */

/* An undecodable piece of a raw "utf-8" source: U+FFFD in the text stands for it. */
typedef struct bad_span {
    size_t at; /* offset of its U+FFFD in the text */
    unsigned char len, raw[3];
} bad_span;

typedef struct text {
    char *buf;
    size_t len, cap;
    bool after_cr; /* the last character put was "\r" (now "\n") */
    bad_span *bad;
    size_t nbad, badcap;
    bool no_memory;
} text;

static bool reserve(text *t, size_t more)
{
    if (t->len + more + 1 <= t->cap)
        return true;
    size_t cap = t->cap * 2 > t->len + more + 1 ? t->cap * 2 : t->len + more + 1;
    char *buf = realloc(t->buf, cap);
    if (!buf) {
        t->no_memory = true;
        return false;
    }
    t->buf = buf;
    t->cap = cap;
    return true;
}

/* Append n bytes of UTF-8, turning "\r\n" and lone "\r" into "\n" (universal
 * newlines). */
static void put(text *t, const unsigned char *p, size_t n)
{
    if (!reserve(t, n))
        return;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '\n' && t->after_cr) {
            t->after_cr = false;
            continue;
        }
        t->after_cr = p[i] == '\r';
        t->buf[t->len++] = p[i] == '\r' ? '\n' : (char)p[i];
    }
}

static void put_cp(text *t, uint32_t cp)
{
    unsigned char u[4];
    int n;
    if (cp < 0x80) {
        u[0] = (unsigned char)cp, n = 1;
    } else if (cp < 0x800) {
        u[0] = (unsigned char)(0xC0 | cp >> 6), u[1] = (unsigned char)(0x80 | (cp & 0x3F)), n = 2;
    } else {
        u[0] = (unsigned char)(0xE0 | cp >> 12);
        u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (unsigned char)(0x80 | (cp & 0x3F));
        n = 3;
    }
    put(t, u, (size_t)n);
}

/* U+FFFD for the n undecodable bytes at raw, remembered for the last section. */
static void put_bad(text *t, const unsigned char *raw, int n)
{
    if (t->nbad == t->badcap) {
        size_t cap = t->badcap ? t->badcap * 2 : 16;
        bad_span *bad = realloc(t->bad, cap * sizeof *bad);
        if (!bad) {
            t->no_memory = true;
            return;
        }
        t->bad = bad;
        t->badcap = cap;
    }
    bad_span *b = &t->bad[t->nbad++];
    b->at = t->len;
    b->len = (unsigned char)n;
    memcpy(b->raw, raw, (size_t)n);
    put_cp(t, 0xFFFD);
}

/* ---- Decoding ----------------------------------------------------------------------- */

typedef struct source {
    const unsigned char *s;
    size_t len;
    const char *filename;
    wf_tok_error *err;
    int late_line; /* the error set surfaces when CPython reads this line (0: at once) */
} source;

/* Lines [from, to) numbered from `lineno`, before any declaration: they must be UTF-8,
 * as CPython's ensure_utf8 checks every line it reads with no encoding set. */
static bool strict_utf8(source *src, text *out, size_t from, size_t to, int lineno)
{
    const unsigned char *s = src->s;
    for (size_t i = from; i < to;) {
        uint32_t cp;
        int n = wf_utf8_decode((const char *)s + i, (const char *)s + to, &cp);
        if (n == 0) {
            set_error(src->err, 0, 0,
                      "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no "
                      "encoding declared; see https://peps.python.org/pep-0263/ for details",
                      s[i], src->filename, lineno);
            src->late_line = lineno;
            return false;
        }
        lineno += s[i] == '\n' ? !(i > from && s[i - 1] == '\r') : s[i] == '\r';
        i += (size_t)n;
    }
    put(out, s + from, to - from);
    return true;
}

/* [from, len) under "utf-8", unchecked by CPython: each piece its decoder rejects
 * becomes U+FFFD and a bad_span. */
static void raw_utf8(const source *src, text *out, size_t from)
{
    const unsigned char *s = src->s, *end = src->s + src->len;
    size_t run = from; /* start of the valid bytes not yet put */
    for (size_t i = from; i < src->len;) {
        int errlen;
        const char *reason;
        int n = utf8_step(s + i, end, &errlen, &reason);
        if (n > 0) {
            i += (size_t)n;
            continue;
        }
        put(out, s + run, i - run);
        put_bad(out, s + i, errlen);
        i += (size_t)errlen;
        run = i;
    }
    put(out, s + run, src->len - run);
}

/* The code point byte b decodes to under codec c, or WF_CODEC_UNDEFINED_CP. */
static uint32_t table_decode(const wf_codec *c, unsigned char b)
{
    return c->table[b];
}

/* The 1-based line of byte `at` as the decoded stream counts lines: the bytes before
 * decl_start raw, the rest through the codec (universal newlines). */
static int line_of(const source *src, const wf_codec *c, size_t decl_start, size_t at)
{
    int lineno = 1;
    uint32_t prev = 0;
    for (size_t i = 0; i < at; i++) {
        uint32_t cp = src->s[i];
        if (i >= decl_start && c->table)
            cp = table_decode(c, src->s[i]);
        lineno += cp == '\r' || (cp == '\n' && prev != '\r');
        prev = cp;
    }
    return lineno;
}

/* A byte the codec rejects in the stream that io.open reads from `stream` (the last
 * byte of the declaration line). The decoder raises at byte `detect` (the end of the
 * source for a sequence cut short there); the error covers [at, at + errlen). */
static void stream_error(source *src, const wf_codec *c, const char *name, size_t decl_start,
                         size_t stream, size_t at, size_t detect, int errlen, const char *encoding,
                         const char *reason)
{
    size_t chunk = (detect - stream) / CHUNK_SIZE;
    if (detect == src->len)
        chunk = (src->len - stream + CHUNK_SIZE - 1) / CHUNK_SIZE; /* the final flush */
    if (chunk == 0) { /* within the first readline, in fp_setreadl */
        set_error(src->err, 0, 0, "encoding problem: %s", name);
        return;
    }
    size_t chunk_start = stream + chunk * CHUNK_SIZE;
    if (chunk_start > src->len)
        chunk_start = src->len;
    /* the decoder sees the chunk after what the previous one left undecoded */
    size_t input_start = at < chunk_start ? at : chunk_start;
    /* the tokenizer has read every line before the one that needed this chunk; a "\r"
     * just before the chunk waits for it (it could start "\r\n") */
    size_t need = chunk_start;
    if ((c->table ? table_decode(c, src->s[need - 1]) : src->s[need - 1]) == '\r')
        need--;
    int lineno = line_of(src, c, decl_start, need) - 1;
    src->late_line = lineno + 1;
    size_t pos = at - input_start;
    if (errlen == 1)
        set_error(src->err, lineno, 0,
                  "(unicode error) '%s' codec can't decode byte 0x%02x in position %zu: %s",
                  encoding, src->s[at], pos, reason);
    else
        set_error(src->err, lineno, 0,
                  "(unicode error) '%s' codec can't decode bytes in position %zu-%zu: %s", encoding,
                  pos, pos + (size_t)errlen - 1, reason);
}

/* From the declaration line on, through codec c. CPython never decodes the declaration
 * line itself (before the stream's first byte): undecodable bytes there, in the
 * comment, become U+FFFD. After an error that surfaces late the rest is decoded with
 * U+FFFD too, for tokenizer_error_before. */
static bool decode_codec(source *src, text *out, const wf_codec *c, const char *name,
                         size_t decl_start, size_t stream)
{
    const unsigned char *s = src->s, *end = src->s + src->len;
    bool failed = false;
    for (size_t i = decl_start; i < src->len && !out->no_memory;) {
        size_t n = 1;
        bool bad;
        const char *encoding = "utf-8", *reason = NULL;
        if (c->table) {
            uint32_t cp = table_decode(c, s[i]);
            bad = cp == WF_CODEC_UNDEFINED_CP;
            if (!bad)
                put_cp(out, cp);
            encoding = c->error_encoding ? c->error_encoding : name;
            reason = c->error_reason ? c->error_reason : "undefined";
        } else {
            int errlen, step = utf8_step(s + i, i < stream ? s + stream : end, &errlen, &reason);
            bad = step == 0;
            n = (size_t)(bad ? errlen : step);
            if (!bad)
                put(out, s + i, n);
        }
        if (bad && i >= stream && !failed) {
            size_t detect = c->table                                        ? i
                            : strcmp(reason, "unexpected end of data") == 0 ? src->len
                            : strcmp(reason, "invalid start byte") == 0     ? i
                                                                            : i + n;
            stream_error(src, c, name, decl_start, stream, i, detect, (int)n, encoding, reason);
            if (src->late_line == 0)
                return false;
            failed = true;
        }
        if (bad)
            put_cp(out, 0xFFFD);
        i += n;
    }
    return !failed;
}

/* Weft's tokenizer on lines 1 and 2 of a decoded text would look for a declaration
 * again: spell "coding" differently in the comments there (CPython searches no
 * further), leaving the tokens as they are. */
static void hide_declarations(char *buf, size_t len)
{
    size_t from = 0;
    for (int line = 1; line <= 2 && from < len; line++) {
        size_t next, end = line_end((const unsigned char *)buf, len, from, &next);
        if (!blank_or_comment((const unsigned char *)buf + from, end - from))
            return;
        for (size_t i = from; i + 6 <= end; i++)
            if (memcmp(buf + i, "coding", 6) == 0)
                buf[i] = 'C';
        from = next;
    }
}

/* The error weft's tokenizer meets in t before line `lineno`, if any, into *err. CPython
 * reads a file line by line as its tokenizer needs them, so an error there comes before
 * a decoding failure on that line. t must be valid UTF-8; it is changed. */
static bool tokenizer_error_before(text *t, int lineno, const char *filename, wf_tok_error *err)
{
    size_t limit = 0;
    for (int line = 1; line < lineno && limit < t->len; line++) {
        const char *nl = memchr(t->buf + limit, '\n', t->len - limit);
        limit = nl ? (size_t)(nl - t->buf) + 1 : t->len;
    }
    t->buf[t->len] = '\0';
    hide_declarations(t->buf, t->len);
    wf_tokenizer tz;
    bool found = false;
    if (wf_tokenizer_init(&tz, t->buf, t->len, filename)) {
        wf_token tok;
        int r;
        while ((r = wf_tokenizer_next(&tz, &tok)) == 0 && tok.kind != WF_TOK_ENDMARKER &&
               (size_t)(tz.cur - tz.buf) <= limit) {
        }
        if (r < 0 && (size_t)(tz.cur - tz.buf) <= limit) {
            *err = tz.error;
            found = true;
        }
    }
    wf_tokenizer_fini(&tz);
    return found;
}

/* The declaration that counts, as CPython finds it. */
typedef struct declaration {
    int line;          /* 1 or 2; 0 without one */
    size_t start, end; /* the line, its terminator included */
    char name[NAME_CAP + 1];
} declaration;

/* On line 1, or on line 2 after a blank or comment line 1 (after the BOM, if any). */
static declaration find_declaration(const unsigned char *s, size_t len, size_t start)
{
    declaration d = {0};
    char spec[NAME_CAP + 1];
    if (start >= len)
        return d;
    size_t next, end = line_end(s, len, start, &next);
    if (coding_spec(s + start, end - start, spec)) {
        d.line = 1, d.start = start, d.end = next;
    } else if (blank_or_comment(s + start, end - start) && next < len) {
        size_t next2, end2 = line_end(s, len, next, &next2);
        if (coding_spec(s + next, end2 - next, spec))
            d.line = 2, d.start = next, d.end = next2;
    }
    if (d.line)
        normal_name(spec, d.name);
    return d;
}

/* The source after the BOM (at start) into out, through the encoding d names. */
static bool decode_source(source *src, text *out, bool bom, size_t start, const declaration *d)
{
    if (bom && (!d->line || strcmp(d->name, "utf-8") == 0)) {
        raw_utf8(src, out, start); /* nothing checks a BOM file's bytes */
        return true;
    }
    if (bom) {
        set_error(src->err, 0, 0, "encoding problem: %s with BOM", d->name);
        return false;
    }
    if (!d->line)
        return strict_utf8(src, out, start, src->len, 1);
    /* line 1 is checked as it is read, before line 2's declaration */
    if (!strict_utf8(src, out, start, d->start, 1))
        return false;
    if (strcmp(d->name, "utf-8") == 0) {
        raw_utf8(src, out, d->start);
        return true;
    }
    const wf_codec *c = find_codec(d->name);
    if (!c) {
        set_error(src->err, 0, 0, "encoding problem: %s", d->name);
        return false;
    }
    if (!c->table && !utf8_codec(c)) {
        set_error(src->err, 0, 0, "encoding not supported by weft yet: %s", d->name);
        return false;
    }
    return decode_codec(src, out, c, d->name, d->start, d->end - 1);
}

static bool locate_undecodable(const text *t, bool bom, const char *filename, wf_tok_error *err);

char *wf_source_decode(const char *bytes, size_t len, const char *filename, size_t *out_len,
                       wf_tok_error *err)
{
    source src = {(const unsigned char *)bytes, len, filename, err};
    bool bom = len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0;
    size_t start = bom ? 3 : 0;
    declaration d = find_declaration(src.s, len, start);
    text out = {0};
    bool ok = reserve(&out, len + len / 8 + 16) && decode_source(&src, &out, bom, start, &d);
    if (!ok && src.late_line > 1 && !out.no_memory) {
        /* CPython tokenizes the lines before the one it fails to read */
        if (!d.line) {
            out.len = 0;
            raw_utf8(&src, &out, start);
        }
        wf_tok_error first;
        if (!out.no_memory && tokenizer_error_before(&out, src.late_line, filename, &first))
            *err = first;
    }
    if (out.no_memory) {
        set_error(err, 0, 0, "out of memory");
        ok = false;
    }
    if (ok) {
        out.buf[out.len] = '\0';
        if (out.nbad > 0 && locate_undecodable(&out, bom, filename, err))
            ok = false;
    }
    free(out.bad);
    if (!ok) {
        free(out.buf);
        return NULL;
    }
    *out_len = out.len;
    return out.buf;
}

/* ---- Undecodable bytes under "utf-8" ------------------------------------------------
 *
 * CPython meets such a byte only when it makes a token's value, so weft tokenizes the
 * text to find the first name or string holding one, and reports what CPython reports:
 *  - a name: its tokenizer fails to decode the name ("(unicode error) 'utf-8' codec
 *    can't decode byte ... in position P", P counted from the name's start), at the
 *    column just after the name;
 *  - a string: the parser fails to decode it once it has read the token after the last
 *    string of the implicit concatenation, and points at that token. P counts from the
 *    start of what was decoded: the whole body of a raw string or one without a
 *    backslash; else the run of non-ASCII bytes; in an f-string, the literal part;
 *  - bytes with a non-ASCII byte: "bytes can only contain ASCII literal characters",
 *    at the token.
 * CPython's columns are byte counts within the raw line, turned into characters by
 * counting that many bytes of the line as re-read from the file and decoded with
 * errors="replace" (where each bad piece, 1 to 3 bytes, is the three bytes of U+FFFD,
 * and line 1 keeps its BOM). Inside an f-string's replacement field, which CPython
 * compiles as "(" + expression + ")" with a tokenizer and parser of their own, errors
 * take the prefix "f-string: " and keep byte columns.
 *
 * Errors CPython meets earlier in the token stream (tokenizer errors, mixing bytes and
 * str, malformed f-strings) are left to weft's tokenizer and parser, which meet them
 * too. The tokenizer here reads the text with U+4E00, an identifier character of three
 * bytes like U+FFFD, for each bad piece, so that names keep CPython's extent.
 *
 * Not reproduced: a syntax error earlier in the file, which CPython reports first, and
 * lines over 999 bytes (CPython re-reads only their last 999 bytes for columns). */

typedef struct locator {
    const text *t; /* t->buf: U+FFFD for each bad span */
    char *walk;    /* the same with U+4E00: what the tokenizers read */
    bool bom;
    const char *filename;
    wf_tok_error *err;
} locator;

/* A token stream CPython decodes: the file's, or a replacement field's. */
typedef struct frame {
    const char *buf; /* its tokenizer's buffer */
    size_t origin;   /* the text offset of buf[0] ('{' for a field's "(") */
    bool field;
} frame;

/* Where an error points. */
typedef struct where {
    int lineno, offset;
} where;

/* The first bad span whose U+FFFD lies in [from, to), or NULL. */
static const bad_span *first_bad(const locator *L, size_t from, size_t to)
{
    size_t lo = 0, hi = L->t->nbad;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (L->t->bad[mid].at < from)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < L->t->nbad && L->t->bad[lo].at < to ? &L->t->bad[lo] : NULL;
}

/* The raw bytes of [from, to), each U+FFFD replaced by the bytes it stands for: a
 * malloc'd copy and its length, or NULL. */
static unsigned char *raw_bytes(const locator *L, size_t from, size_t to, size_t *n)
{
    unsigned char *raw = malloc(to - from + 1);
    if (!raw)
        return NULL;
    size_t k = 0;
    for (size_t i = from; i < to;) {
        const bad_span *b = first_bad(L, i, i + 1);
        if (b) {
            memcpy(raw + k, b->raw, b->len);
            k += b->len;
            i += 3;
        } else {
            raw[k++] = (unsigned char)L->t->buf[i++];
        }
    }
    *n = k;
    return raw;
}

/* The raw byte count of the text between offsets from and pos. */
static size_t raw_col(const locator *L, size_t from, size_t pos)
{
    size_t col = pos - from;
    const bad_span *b = first_bad(L, from, pos), *end = L->t->bad + L->t->nbad;
    for (; b && b < end && b->at < pos; b++)
        col = col - 3 + b->len;
    return col;
}

/* CPython's _PyPegen_byte_offset_to_character_offset: the characters in the first n
 * bytes of the line starting at line_start as decoded with errors="replace". */
static int replaced_chars(const locator *L, size_t line_start, size_t n)
{
    const char *line = L->t->buf + line_start;
    const char *nl = memchr(line, '\n', L->t->len - line_start);
    size_t len = nl ? (size_t)(nl - line) + 1 : L->t->len - line_start;
    size_t bom = L->bom && line_start == 0 ? 3 : 0;
    if (n > len + bom) /* counts the NUL after the line */
        return (int)wf_utf8_length(line, line + len) + (bom > 0) + 1;
    if (n <= bom)
        return n > 0;
    return (int)wf_utf8_length(line, line + n - bom) + (bom > 0);
}

static size_t line_start_of(const locator *L, size_t pos)
{
    while (pos > 0 && L->t->buf[pos - 1] != '\n')
        pos--;
    return pos;
}

static int lineno_of(const locator *L, size_t pos)
{
    int lineno = 1;
    for (size_t i = 0; i < pos; i++)
        lineno += L->t->buf[i] == '\n';
    return lineno;
}

static size_t text_offset(const frame *fr, const char *p)
{
    return fr->origin + (size_t)(p - fr->buf);
}

static const char *prefix(const frame *fr)
{
    return fr->field ? "f-string: " : "";
}

/* The column CPython reports for text offset pos plus `plus` bytes. */
static int column(const locator *L, const frame *fr, size_t pos, size_t plus)
{
    size_t ls = line_start_of(L, pos);
    if (!fr->field)
        return replaced_chars(L, ls, raw_col(L, ls, pos) + plus);
    return (int)(raw_col(L, ls > fr->origin ? ls : fr->origin, pos) + plus);
}

/* Where CPython points for a token starting at text offset pos. */
static where at_token(const locator *L, const frame *fr, size_t pos, int lineno)
{
    where w = {fr->field ? lineno_of(L, pos) : lineno, column(L, fr, pos, 1)};
    return w;
}

/* Report the first undecodable piece of [from, to), decoded as one unit by CPython. */
static int unicode_error(const locator *L, const frame *fr, size_t from, size_t to, where at)
{
    size_t n;
    unsigned char *raw = raw_bytes(L, from, to, &n);
    if (!raw) {
        set_error(L->err, 0, 0, "out of memory");
        return 1;
    }
    size_t i = 0;
    while (i < n) {
        int errlen;
        const char *reason;
        int step = utf8_step(raw + i, raw + n, &errlen, &reason);
        if (step > 0) {
            i += (size_t)step;
            continue;
        }
        if (errlen == 1)
            set_error(L->err, at.lineno, at.offset,
                      "%s(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %zu: "
                      "%s",
                      prefix(fr), raw[i], i, reason);
        else
            set_error(L->err, at.lineno, at.offset,
                      "%s(unicode error) 'utf-8' codec can't decode bytes in position %zu-%zu: %s",
                      prefix(fr), i, i + (size_t)errlen - 1, reason);
        break;
    }
    if (i == n) /* every piece decodes after all: cannot happen, but say something */
        set_error(L->err, at.lineno, at.offset, "%s(unicode error) 'utf-8' codec can't decode",
                  prefix(fr));
    free(raw);
    return 1;
}

/* The maximal run of non-ASCII bytes around pos, within [from, to). */
static void high_run(const locator *L, size_t pos, size_t from, size_t to, size_t *a, size_t *b)
{
    const unsigned char *x = (const unsigned char *)L->t->buf;
    *a = *b = pos;
    while (*a > from && x[*a - 1] >= 0x80)
        (*a)--;
    while (*b < to && x[*b] >= 0x80)
        (*b)++;
}

/* A string token: its prefix letters and body. */
typedef struct strlit {
    size_t start, from, to; /* token start; body [from, to) */
    bool bytes, raw, f;
} strlit;

static strlit string_parts(const locator *L, size_t start, size_t len)
{
    const char *x = L->t->buf;
    strlit r = {.start = start};
    size_t s = start, end = start + len;
    for (; x[s] != '\'' && x[s] != '"'; s++) {
        char c = ascii_lower(x[s]);
        r.bytes |= c == 'b', r.raw |= c == 'r', r.f |= c == 'f';
    }
    size_t q = end - s >= 6 && x[s + 1] == x[s] && x[s + 2] == x[s] ? 3 : 1;
    r.from = s + q;
    r.to = end - q;
    return r;
}

/* The first bad byte of a plain (not f-) string, decoded as CPython's parser does. */
static int string_error(const locator *L, const frame *fr, const strlit *s, where next)
{
    const bad_span *b = first_bad(L, s->from, s->to);
    size_t from = s->from, to = s->to;
    if (b && !s->raw && memchr(L->t->buf + s->from, '\\', s->to - s->from))
        high_run(L, b->at, s->from, s->to, &from, &to); /* decode_unicode_with_escapes */
    return unicode_error(L, fr, from, to, next);
}

/* An f-string's body as CPython 3.11's fstring_parse walks it. */
typedef struct fstring {
    const frame *fr;
    strlit s;
    where next; /* the token after the strings */
} fstring;

static int walk_tokens(const locator *L, wf_tokenizer *tz, const frame *fr);
static int fstring_scan(const locator *L, const fstring *f, size_t *pos, int depth);

/* A bad byte in a replacement field's expression [from, to): walk the tokens of
 * "(" + expression + ")". Returns as walk_tokens. */
static int expression_error(const locator *L, size_t from, size_t to)
{
    size_t n = to - from;
    char *sub = malloc(n + 3);
    if (!sub) {
        set_error(L->err, 0, 0, "out of memory");
        return 1;
    }
    sub[0] = '(';
    memcpy(sub + 1, L->walk + from, n);
    sub[n + 1] = ')';
    sub[n + 2] = '\0';
    wf_tokenizer tz;
    int r = -1;
    if (wf_tokenizer_init(&tz, sub, n + 2, L->filename)) {
        frame fr = {tz.buf, from - 1, true};
        r = walk_tokens(L, &tz, &fr);
    }
    wf_tokenizer_fini(&tz);
    free(sub);
    return r;
}

/* A replacement field from its '{' at *pos: the expression, '=', '!x', then ":spec".
 * Returns 1 when a bad byte was reported, 0 at the closing '}' (*pos after it), -1 if
 * CPython fails otherwise first. */
static int fstring_field(const locator *L, const fstring *f, size_t *pos, int depth)
{
    const char *x = L->t->buf;
    size_t s = *pos + 1, end = f->s.to, from = s;
    if (depth >= 2)
        return -1; /* "f-string: expressions nested too deeply" */
    char quote = 0;
    int quote_size = 0, nested = 0;
    while (s < end) { /* fstring_find_expr */
        char ch = x[s];
        if (ch == '\\')
            return -1;
        if (quote) {
            if (ch == quote && quote_size == 1) {
                quote = 0;
            } else if (ch == quote && s + 2 < end && x[s + 1] == ch && x[s + 2] == ch) {
                quote = 0;
                s += 2;
            }
            s++;
            continue;
        }
        if (ch == '\'' || ch == '"') {
            quote = ch;
            quote_size = s + 2 < end && x[s + 1] == ch && x[s + 2] == ch ? 3 : 1;
            s += (size_t)quote_size - 1;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            nested++;
        } else if (ch == '#') {
            return -1;
        } else if (nested == 0 && strchr("!:}=<>", ch)) {
            if (s + 1 < end && x[s + 1] == '=' && strchr("!=<>", ch)) {
                s += 2;
                continue;
            }
            if (ch != '<' && ch != '>')
                break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (nested-- == 0)
                return -1;
        }
        s++;
    }
    if (quote || nested || s >= end)
        return -1;
    if (first_bad(L, from, s)) {
        int r = expression_error(L, from, s);
        return r == 0 ? -1 : r;
    }
    if (x[s] == '=')
        for (s++; s < end && strchr(" \t\n\r\f\v", x[s]); s++) {
        }
    if (s < end && x[s] == '!')
        s += 2;
    if (s < end && x[s] == ':') {
        s++;
        int r = fstring_scan(L, f, &s, depth + 1);
        if (r != 0)
            return r;
    }
    if (s >= end || x[s] != '}')
        return -1;
    *pos = s + 1;
    return 0;
}

/* Literal parts and fields from *pos; depth 0 is the f-string, 1 a format spec (which
 * ends at its field's '}'). Returns 1 when a bad byte was reported, 0 at the end, -1
 * if CPython fails otherwise first. */
static int fstring_scan(const locator *L, const fstring *f, size_t *pos, int depth)
{
    const char *x = L->t->buf;
    size_t s = *pos, end = f->s.to;
    for (;;) {
        size_t lit = s; /* fstring_find_literal */
        bool doubled = false;
        while (s < end) {
            char ch = x[s++];
            if (!f->s.raw && ch == '\\' && s < end) {
                ch = x[s++];
                if (ch == 'N') {
                    if (s < end && x[s++] == '{')
                        while (s < end && x[s++] != '}') {
                        }
                    continue;
                }
            }
            if (ch == '{' || ch == '}') {
                if (depth == 0 && s < end && x[s] == ch) {
                    doubled = true; /* the literal keeps one brace */
                    break;
                }
                if (depth == 0 && ch == '}')
                    return -1; /* "f-string: single '}' is not allowed" */
                s--;
                break;
            }
        }
        const bad_span *b = first_bad(L, lit, s);
        if (b) {
            size_t from = lit, to = s;
            if (!f->s.raw)
                high_run(L, b->at, lit, s, &from, &to);
            return unicode_error(L, f->fr, from, to, f->next);
        }
        if (doubled) {
            s++;
            continue;
        }
        if (s >= end || x[s] == '}') {
            *pos = s;
            return 0;
        }
        int r = fstring_field(L, f, &s, depth);
        if (r != 0)
            return r;
    }
}

/* The strings of an implicit concatenation, in CPython's order: for each, the bytes
 * check, the decoding of a plain string, the bytes-and-str check, then an f-string's
 * parts. Returns 1 when reported, -1 if CPython fails otherwise first. */
static int string_group_error(const locator *L, const frame *fr, const wf_token *group, size_t n,
                              where next)
{
    bool first_bytes = false;
    for (size_t i = 0; i < n; i++) {
        strlit s = string_parts(L, text_offset(fr, group[i].start), group[i].len);
        const bad_span *b = first_bad(L, s.from, s.to);
        bool non_ascii = false;
        for (size_t k = s.from; s.bytes && k < s.to; k++)
            non_ascii |= (unsigned char)L->t->buf[k] >= 0x80;
        if (non_ascii) {
            if (!b)
                return -1; /* a real non-ASCII character: the parser reports it */
            where w = at_token(L, fr, s.start, group[i].lineno);
            set_error(L->err, w.lineno, w.offset,
                      "%sbytes can only contain ASCII literal characters", prefix(fr));
            return 1;
        }
        if (b && !s.f)
            return string_error(L, fr, &s, next);
        if (i == 0)
            first_bytes = s.bytes;
        else if (s.bytes != first_bytes)
            return -1; /* "cannot mix bytes and nonbytes literals": the parser's */
        if (b) {
            fstring f = {fr, s, next};
            size_t pos = s.from;
            int r = fstring_scan(L, &f, &pos, 0);
            /* not where the emulation looked: report it as in a literal part */
            return r != 0 ? r : string_error(L, fr, &s, next);
        }
    }
    return -1;
}

/* Where CPython points for the token after a string: a NEWLINE after a comment starts
 * at the '#'. */
static where token_after(const locator *L, const frame *fr, const wf_token *last,
                         const wf_token *tok)
{
    size_t pos = text_offset(fr, tok->start);
    if (tok->kind == WF_TOK_NEWLINE) {
        size_t from = last->end_lineno == tok->lineno ? text_offset(fr, last->start) + last->len
                                                      : text_offset(fr, tok->line_start);
        const char *hash = memchr(L->t->buf + from, '#', pos - from);
        if (hash)
            pos = (size_t)(hash - L->t->buf);
    }
    return at_token(L, fr, pos, tok->lineno);
}

/* A name holding a bad byte: CPython's tokenizer reports it just past the name (in a
 * field, at column 0 on the expression's first line). */
static int name_error(const locator *L, const frame *fr, const wf_token *tok)
{
    size_t at = text_offset(fr, tok->start), end = at + tok->len;
    where w = {fr->field ? lineno_of(L, at) : tok->lineno, column(L, fr, end, 0)};
    if (fr->field && line_start_of(L, at) <= fr->origin)
        w.offset = 0;
    return unicode_error(L, fr, at, end, w);
}

static bool has_bad(const locator *L, const frame *fr, const wf_token *tok)
{
    size_t at = text_offset(fr, tok->start);
    return first_bad(L, at, at + tok->len) != NULL;
}

/* After an error of its parser, CPython tokenizes the rest of the file, and an error
 * its tokenizer raises (not just records) there replaces it; so does an unclosed
 * bracket opened before the error's line (_PyPegen_tokenize_full_source_to_check_for_
 * errors). A name that does not decode raises a bare UnicodeDecodeError there, which
 * weft reports as the SyntaxError above. */
static void later_tokenizer_error(const locator *L, wf_tokenizer *tz, const frame *fr)
{
    wf_token tok;
    int r;
    while ((r = wf_tokenizer_next(tz, &tok)) == 0 && tok.kind != WF_TOK_ENDMARKER) {
        if (tok.kind == WF_TOK_NAME && has_bad(L, fr, &tok)) {
            name_error(L, fr, &tok);
            return;
        }
    }
    const wf_tok_error *e = &tz->error;
    const char *never_closed = strstr(e->msg, "' was never closed");
    if (r == 0 || e->type != WF_TOKERR_SYNTAX || strcmp(e->msg, "invalid syntax") == 0 ||
        strcmp(e->msg, "unexpected character after line continuation character") == 0 ||
        strcmp(e->msg, "unexpected EOF while parsing") == 0 ||
        (never_closed && e->lineno >= L->err->lineno))
        return;
    *L->err = *e;
}

/* Walk tz's tokens to the first one CPython fails to decode. Returns 1 when reported
 * (L->err set), 0 at the end, -1 if CPython fails otherwise first. */
static int walk_tokens(const locator *L, wf_tokenizer *tz, const frame *fr)
{
    wf_token tok, *group = NULL;
    size_t n = 0, cap = 0;
    int result = 0;
    int r = wf_tokenizer_next(tz, &tok);
    while (result == 0) {
        if (r < 0) {
            result = -1; /* the tokenizer's error comes first */
        } else if (tok.kind == WF_TOK_ENDMARKER) {
            break;
        } else if (tok.kind == WF_TOK_NAME && has_bad(L, fr, &tok)) {
            result = name_error(L, fr, &tok);
        } else if (tok.kind != WF_TOK_STRING) {
            r = wf_tokenizer_next(tz, &tok);
        } else {
            bool bad = false;
            n = 0;
            do {
                if (n == cap) {
                    cap = cap ? cap * 2 : 8;
                    wf_token *g = realloc(group, cap * sizeof *g);
                    if (!g) {
                        set_error(L->err, 0, 0, "out of memory");
                        result = 1;
                        break;
                    }
                    group = g;
                }
                group[n++] = tok;
                bad |= has_bad(L, fr, &tok);
            } while ((r = wf_tokenizer_next(tz, &tok)) == 0 && tok.kind == WF_TOK_STRING);
            if (result != 0 || !bad)
                continue;
            if (r < 0) {
                /* a character that starts no token is an operator to CPython's tokenizer
                 * (its parser rejects it); any other tokenizer error comes first */
                if (strcmp(tz->error.msg, "invalid syntax") != 0) {
                    result = -1;
                    continue;
                }
                where next = at_token(L, fr, text_offset(fr, tz->cur - 1), tz->lineno);
                result = string_group_error(L, fr, group, n, next);
            } else if (tok.kind == WF_TOK_NAME && has_bad(L, fr, &tok)) {
                result = name_error(L, fr, &tok); /* reading the look-ahead fails first */
            } else {
                result =
                    string_group_error(L, fr, group, n, token_after(L, fr, &group[n - 1], &tok));
                if (result > 0 && !fr->field)
                    later_tokenizer_error(L, tz, fr);
            }
        }
    }
    free(group);
    return result;
}

static bool locate_undecodable(const text *t, bool bom, const char *filename, wf_tok_error *err)
{
    /* a second BOM is U+FEFF, which CPython's tokenizer rejects before anything else
     * (and weft's tokenizer, handed this text, would take for a BOM) */
    if (t->len >= 3 && memcmp(t->buf, "\xEF\xBB\xBF", 3) == 0)
        return false;
    locator L = {t, malloc(t->len + 1), bom, filename, err};
    if (!L.walk) {
        set_error(err, 0, 0, "out of memory");
        return true;
    }
    memcpy(L.walk, t->buf, t->len + 1);
    for (size_t i = 0; i < t->nbad; i++)
        memcpy(L.walk + t->bad[i].at, "\xE4\xB8\x80", 3); /* U+4E00 */
    wf_tokenizer tz;
    int r = -1;
    if (wf_tokenizer_init(&tz, L.walk, t->len, filename)) {
        frame fr = {tz.buf, 0, false};
        r = walk_tokens(&L, &tz, &fr);
    }
    wf_tokenizer_fini(&tz);
    free(L.walk);
    return r > 0;
}
