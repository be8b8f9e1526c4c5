/* The parser (see parser.h).
 *
 * Tokens are pulled from the tokenizer on demand into an array, so the parser can look
 * ahead and back up. Every parse function returns the node it built, or NULL after
 * recording an error; the first error recorded wins, and a tokenizer error always
 * wins. Sections, in grammar order: infrastructure, errors, node building, atoms and
 * strings, expressions, targets, arguments and parameters, statements, the module. */
#include "parser.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/unicode_names.h"
#include "runtime/utf8.h"

/* ---- Infrastructure -------------------------------------------------------------- */

enum kw {
    KW_NONE_ = 0, /* not a keyword */
    KW_FALSE,
    KW_NONE,
    KW_TRUE,
    KW_AND,
    KW_AS,
    KW_ASSERT,
    KW_ASYNC,
    KW_AWAIT,
    KW_BREAK,
    KW_CLASS,
    KW_CONTINUE,
    KW_DEF,
    KW_DEL,
    KW_ELIF,
    KW_ELSE,
    KW_EXCEPT,
    KW_FINALLY,
    KW_FOR,
    KW_FROM,
    KW_GLOBAL,
    KW_IF,
    KW_IMPORT,
    KW_IN,
    KW_IS,
    KW_LAMBDA,
    KW_NONLOCAL,
    KW_NOT,
    KW_OR,
    KW_PASS,
    KW_RAISE,
    KW_RETURN,
    KW_TRY,
    KW_WHILE,
    KW_WITH,
    KW_YIELD,
};

static const char *const keywords[] = {
    "",      "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",
    "break", "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",
    "for",   "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal",
    "not",   "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield",
};

typedef struct ptok {
    wf_token t;
    enum kw kw;
} ptok;

/* Tokens live in fixed-size chunks that never move, so a parse function may hold a
 * ptok pointer while more tokens are read. */
#define CHUNK 256

typedef struct parser {
    wf_tokenizer tz;
    ptok **chunks; /* chunks[i / CHUNK][i % CHUNK] is token i */
    size_t nchunks, ntoks, pos;
    bool tok_failed; /* the tokenizer failed at toks[ntoks]: its error is final */
    bool failed;     /* an error is recorded in *err */
    wf_syntax_error *err;
    wf_arena *arena;
    int depth;
    int first_lineno; /* the source line number of tz.buf's first line (f-string fields) */
} parser;

static ptok error_token = {.t = {.kind = (enum wf_tok_kind) - 1}}; /* matches nothing */

static ptok *tok_at(parser *p, size_t i)
{
    return &p->chunks[i / CHUNK][i % CHUNK];
}

static void free_tokens(parser *p)
{
    for (size_t i = 0; i < p->nchunks; i++)
        free(p->chunks[i]);
    free(p->chunks);
}

static enum kw keyword_of(const wf_token *t)
{
    if (t->kind != WF_TOK_NAME || t->len > 8)
        return KW_NONE_;
    for (size_t i = 1; i < sizeof keywords / sizeof keywords[0]; i++)
        if (strlen(keywords[i]) == t->len && memcmp(keywords[i], t->start, t->len) == 0)
            return (enum kw)i;
    return KW_NONE_;
}

static void record_tokenizer_error(parser *p);
static void no_memory(parser *p);

/* The token k places ahead of the current one (k >= 0), reading more as needed. After
 * a tokenizer error, an "error token" that matches nothing. */
static ptok *ahead(parser *p, size_t k)
{
    while (p->pos + k >= p->ntoks) {
        if (p->tok_failed)
            return &error_token;
        if (p->ntoks == p->nchunks * CHUNK) {
            ptok **chunks = realloc(p->chunks, (p->nchunks + 1) * sizeof *chunks);
            ptok *chunk = chunks ? malloc(CHUNK * sizeof *chunk) : NULL;
            if (chunks)
                p->chunks = chunks;
            if (!chunk) {
                no_memory(p);
                p->tok_failed = true;
                return &error_token;
            }
            p->chunks[p->nchunks++] = chunk;
        }
        ptok *t = tok_at(p, p->ntoks);
        if (wf_tokenizer_next(&p->tz, &t->t) < 0) {
            p->tok_failed = true;
            record_tokenizer_error(p);
            return &error_token;
        }
        t->kw = keyword_of(&t->t);
        p->ntoks++;
    }
    return tok_at(p, p->pos + k);
}

static ptok *cur(parser *p)
{
    return ahead(p, 0);
}

/* The last token consumed (for end positions). */
static ptok *prev(parser *p)
{
    return tok_at(p, p->pos - 1);
}

static void advance(parser *p)
{
    if (cur(p) != &error_token)
        p->pos++;
}

static bool is_op(ptok *t, enum wf_op op)
{
    return t->t.kind == WF_TOK_OP && t->t.op == op;
}

static bool at_op(parser *p, enum wf_op op)
{
    return is_op(cur(p), op);
}

static bool at_kw(parser *p, enum kw kw)
{
    return cur(p)->kw == kw;
}

static bool at_kind(parser *p, enum wf_tok_kind kind)
{
    return cur(p)->t.kind == kind;
}

/* A NAME that is not a keyword. */
static bool at_name(parser *p)
{
    return at_kind(p, WF_TOK_NAME) && cur(p)->kw == KW_NONE_;
}

static bool accept_op(parser *p, enum wf_op op)
{
    if (!at_op(p, op))
        return false;
    advance(p);
    return true;
}

static bool accept_kw(parser *p, enum kw kw)
{
    if (!at_kw(p, kw))
        return false;
    advance(p);
    return true;
}

/* ---- Errors ---------------------------------------------------------------------- */

static void record(parser *p, enum wf_tok_error_type type, int lineno, int offset, int end_lineno,
                   int end_offset, const char *fmt, va_list ap)
{
    if (p->failed)
        return;
    p->failed = true;
    p->err->type = type;
    vsnprintf(p->err->msg, sizeof p->err->msg, fmt, ap);
    p->err->lineno = lineno;
    p->err->offset = offset;
    p->err->end_lineno = end_lineno;
    p->err->end_offset = end_offset;
}

static void record_tokenizer_error(parser *p)
{
    /* a tokenizer error replaces any syntax error recorded before it */
    p->failed = true;
    p->err->type = p->tz.error.type;
    snprintf(p->err->msg, sizeof p->err->msg, "%s", p->tz.error.msg);
    p->err->lineno = p->tz.error.lineno;
    p->err->offset = p->tz.error.offset;
    p->err->end_lineno = p->err->end_offset = 0;
}

static void no_memory(parser *p)
{
    p->failed = true;
    p->err->no_memory = true;
    snprintf(p->err->msg, sizeof p->err->msg, "out of memory");
}

/* An error spanning tokens a..b (b may equal a). Returns NULL for convenience. */
/* For `return fail(error(...));` in functions that return bool. */
static bool fail(void *ignored)
{
    (void)ignored;
    return false;
}

static void *error_tokens(parser *p, enum wf_tok_error_type type, ptok *a, ptok *b, const char *fmt,
                          ...) __attribute__((format(printf, 5, 6)));
static void *error_tokens(parser *p, enum wf_tok_error_type type, ptok *a, ptok *b, const char *fmt,
                          ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (a == &error_token) /* the tokenizer error stands */
        p->failed = true;
    else /* CPython's NEWLINE token is empty: an error there ends where it starts */
        record(p, type, a->t.lineno, a->t.col + 1, b->t.end_lineno,
               (b->t.kind == WF_TOK_NEWLINE ? b->t.col : b->t.end_col) + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

#define SYNTAX_ERROR_AT(p, tok, ...) error_tokens((p), WF_TOKERR_SYNTAX, (tok), (tok), __VA_ARGS__)

/* Errors inside a string literal: CPython 3.11 points just past the string token. */
static void *string_error(parser *p, ptok *t, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void *string_error(parser *p, ptok *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    record(p, WF_TOKERR_SYNTAX, t->t.end_lineno, t->t.end_col + 1, t->t.end_lineno,
           t->t.end_col + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

static const char *line_at(parser *p, int lineno)
{
    const char *s = p->tz.buf;
    for (int l = p->first_lineno; l < lineno && s < p->tz.end; s++)
        if (*s == '\n')
            l++;
    return s;
}

/* The code-point column of a byte column on a line (never reading past the buffer). */
static int cp_col(parser *p, int lineno, int bytecol)
{
    const char *s = line_at(p, lineno);
    size_t room = (size_t)(p->tz.end - s);
    return (int)wf_utf8_length(s, s + ((size_t)bytecol < room ? (size_t)bytecol : room));
}

/* An error spanning AST locations (converted to code-point offsets). */
static void *error_loc(parser *p, enum wf_tok_error_type type, wf_loc a, wf_loc b, const char *fmt,
                       ...) __attribute__((format(printf, 5, 6)));
static void *error_loc(parser *p, enum wf_tok_error_type type, wf_loc a, wf_loc b, const char *fmt,
                       ...)
{
    va_list ap;
    va_start(ap, fmt);
    record(p, type, a.lineno, cp_col(p, a.lineno, a.col) + 1, b.end_lineno,
           cp_col(p, b.end_lineno, b.end_col) + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

static void *record_at(parser *p, enum wf_tok_error_type type, int lineno, int offset,
                       const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static void *record_at(parser *p, enum wf_tok_error_type type, int lineno, int offset,
                       const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    record(p, type, lineno, offset, 0, 0, fmt, ap);
    va_end(ap);
    return NULL;
}

/* "invalid syntax" at the current token, unless something more precise was said. */
static void *invalid_syntax(parser *p)
{
    ptok *t = cur(p);
    if (t->t.kind == WF_TOK_INDENT) /* CPython points at the end of the indentation */
    {
        record_at(p, WF_TOKERR_INDENTATION, t->t.lineno, t->t.end_col, "unexpected indent");
        p->err->end_lineno = t->t.lineno; /* CPython: the indent has no end column */
        p->err->end_offset = -1;
        return NULL;
    }
    if (t->t.kind == WF_TOK_DEDENT || t->t.kind == WF_TOK_ENDMARKER) {
        /* CPython points just past the last real token */
        return SYNTAX_ERROR_AT(p, p->pos > 0 ? prev(p) : t, "invalid syntax");
    }
    return SYNTAX_ERROR_AT(p, t, "invalid syntax");
}

/* Guard recursion (unary operators, conditional expressions, lambdas, blocks): deep
 * input is a RecursionError, as in CPython, not a stack overflow. */
static bool enter(parser *p)
{
    if (++p->depth > WF_PARSER_MAX_DEPTH) {
        if (!p->failed) {
            SYNTAX_ERROR_AT(p, cur(p), "maximum recursion depth exceeded during compilation");
            p->err->recursion = true;
        }
        p->depth--;
        return false;
    }
    return true;
}

static void leave(parser *p)
{
    p->depth--;
}

/* ---- Node building ------------------------------------------------------------------ */

static void *alloc(parser *p, size_t n)
{
    void *r = wf_arena_alloc(p->arena, n);
    if (!r)
        no_memory(p);
    return r;
}

static wf_loc tok_loc(ptok *a, ptok *b)
{
    wf_loc l = {0};
    if (a == &error_token || b == &error_token)
        return l; /* the tokenizer failed: its error is what gets reported */
    l.lineno = a->t.lineno;
    l.col = (int)(a->t.start - a->t.line_start);
    l.end_lineno = b->t.end_lineno;
    l.end_col = (int)(b->t.start + b->t.len - b->t.end_line_start);
    return l;
}

static wf_loc span(wf_loc a, wf_loc b)
{
    wf_loc l = a;
    l.end_lineno = b.end_lineno;
    l.end_col = b.end_col;
    return l;
}

/* From the start of `a` to the end of the last token consumed that belongs to it
 * (a statement ends before its NEWLINE and any DEDENT after its block; a trailing
 * ';' counts, as in CPython). */
static wf_loc since(parser *p, wf_loc a)
{
    size_t i = p->pos - 1;
    while (i > 0 &&
           (tok_at(p, i)->t.kind == WF_TOK_NEWLINE || tok_at(p, i)->t.kind == WF_TOK_DEDENT ||
            tok_at(p, i)->t.kind == WF_TOK_INDENT))
        i--;
    return span(a, tok_loc(tok_at(p, i), tok_at(p, i)));
}

/* Where an expression starts and ends for its parent: a parenthesized operand counts
 * with its parentheses, as in CPython's AST. */
static wf_loc eloc(const wf_expr *e)
{
    return e->parenthesized ? e->outer : e->loc;
}

static wf_loc here(parser *p)
{
    return tok_loc(cur(p), cur(p));
}

static wf_expr *new_expr(parser *p, enum wf_expr_kind kind, wf_loc loc)
{
    wf_expr *e = alloc(p, sizeof *e);
    if (e) {
        e->kind = kind;
        e->loc = loc;
    }
    return e;
}

static wf_stmt *new_stmt(parser *p, enum wf_stmt_kind kind, wf_loc loc)
{
    wf_stmt *s = alloc(p, sizeof *s);
    if (s) {
        s->kind = kind;
        s->loc = loc;
    }
    return s;
}

static const char *tok_text(parser *p, ptok *t)
{
    char *s = wf_arena_strndup(p->arena, t->t.start, t->t.len);
    if (!s)
        no_memory(p);
    return s;
}

/* A growable list that ends up in the arena. */
typedef struct vec {
    void **items;
    size_t n, cap;
} vec;

/* Append item, which may be NULL (a missing default, the key of **d). */
static bool push_maybe_null(parser *p, vec *v, void *item)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 8;
        void **items = realloc(v->items, cap * sizeof *items);
        if (!items) {
            no_memory(p);
            return false;
        }
        v->items = items;
        v->cap = cap;
    }
    v->items[v->n++] = item;
    return true;
}

/* Append item; a NULL item means its parse failed, and so does the push. */
static bool push(parser *p, vec *v, void *item)
{
    return item && push_maybe_null(p, v, item);
}

/* Move v into the arena as a sequence (n, items); frees v. */
#define FINISH(p, v, seq) finish((p), (v), (void ***)&(seq).items, &(seq).n)
static bool finish(parser *p, vec *v, void ***items, size_t *n)
{
    *n = v->n;
    *items = NULL;
    if (v->n) {
        *items = alloc(p, v->n * sizeof(void *));
        if (*items)
            memcpy(*items, v->items, v->n * sizeof(void *));
    }
    free(v->items);
    v->items = NULL;
    v->n = v->cap = 0;
    return !p->failed;
}

static void drop(vec *v)
{
    free(v->items);
    v->items = NULL;
    v->n = v->cap = 0;
}

/* ---- Atoms and strings -------------------------------------------------------------- */

static wf_expr *expression(parser *p);
static wf_expr *named_expression(parser *p);
static wf_expr *star_expressions(parser *p);
static wf_expr *yield_expr(parser *p);
static bool comprehension_clauses(parser *p, wf_comprehension_seq *out);
static wf_expr *fstring_expression_text(parser *p, const char *s, size_t n, ptok *at);

/* A byte buffer for decoded string contents. */
typedef struct sbuf {
    char *s;
    size_t n, cap;
} sbuf;

static bool sbuf_put(parser *p, sbuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = (b->n + n + 1) * 2;
        char *ns = realloc(b->s, cap);
        if (!ns) {
            no_memory(p);
            return false;
        }
        b->s = ns;
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
    return true;
}

static bool sbuf_put_cp(parser *p, sbuf *b, uint32_t cp)
{
    char u[4];
    int n;
    if (cp < 0x80)
        u[0] = (char)cp, n = 1;
    else if (cp < 0x800)
        u[0] = (char)(0xC0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
    else if (cp < 0x10000)
        u[0] = (char)(0xE0 | cp >> 12), u[1] = (char)(0x80 | ((cp >> 6) & 0x3F)),
        u[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
    else
        u[0] = (char)(0xF0 | cp >> 18), u[1] = (char)(0x80 | ((cp >> 12) & 0x3F)),
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
    return sbuf_put(p, b, u, (size_t)n);
}

typedef struct strprefix {
    bool raw, bytes, fmt, u;
    const char *body; /* between the quotes */
    size_t len;
} strprefix;

static strprefix split_string_token(ptok *t)
{
    strprefix sp = {0};
    const char *s = t->t.start, *end = s + t->t.len;
    for (; *s != '\'' && *s != '"'; s++) {
        char c = (char)(*s | 0x20);
        sp.raw |= c == 'r';
        sp.bytes |= c == 'b';
        sp.fmt |= c == 'f';
        sp.u |= c == 'u';
    }
    size_t q = (end - s >= 6 && s[0] == s[1] && s[1] == s[2]) ? 3 : 1;
    sp.body = s + q;
    sp.len = (size_t)(end - s) - 2 * q;
    return sp;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* CPython reports an escape error at a position in the literal as its decoder sees it:
 * with every non-ASCII character spelled as a ten-byte \U escape. */
static size_t escape_pos(const char *body, const char *at)
{
    size_t n = 0;
    for (const char *c = body; c < at; c++) {
        unsigned char u = (unsigned char)*c;
        n += u < 0x80 ? 1 : (u & 0xC0) != 0x80 ? 10 : 0;
    }
    return n;
}

/* \N{name} in a str literal; s is just past the N. Returns the end of the escape, or
 * NULL with the error recorded (positions and messages as CPython's decoder). */
static const char *named_escape(parser *p, ptok *t, const char *body, const char *s,
                                const char *end, uint32_t *v)
{
    const char *codec = "(unicode error) 'unicodeescape' codec can't decode bytes";
    const char *message = "malformed \\N character escape";
    size_t pos = escape_pos(body, s - 2);
    if (s < end && *s == '{') {
        const char *name = ++s;
        while (s < end && *s != '}')
            s++;
        if (s < end && s > name) {
            s++;
            if (wf_unicode_lookup(name, (size_t)(s - 1 - name), v))
                return s;
            message = "unknown Unicode character name";
        }
    }
    string_error(p, t, "%s in position %zu-%zu: %s", codec, pos, escape_pos(body, s) - 1, message);
    return NULL;
}

/* Decode backslash escapes of a str or bytes literal body into b. */
static bool decode_escapes(parser *p, ptok *t, const char *s, size_t n, bool bytes, sbuf *b)
{
    const char *end = s + n, *body = s;
    const char *codec = bytes ? "" : "(unicode error) 'unicodeescape' codec can't decode bytes";
    while (s < end) {
        const char *run = s;
        while (s < end && *s != '\\')
            s++;
        if (!sbuf_put(p, b, run, (size_t)(s - run)))
            return false;
        if (s == end)
            break;
        size_t pos = escape_pos(body, s); /* where the escape starts, for messages */
        s++;                              /* the backslash */
        if (s == end) {
            string_error(p, t, "%s%strailing \\ in string", codec, bytes ? "" : ": ");
            return false;
        }
        char c = *s++;
        uint32_t v;
        int digits;
        switch (c) {
        case '\n':
            continue; /* line continuation inside the literal */
        case '\\':
            v = '\\';
            break;
        case '\'':
            v = '\'';
            break;
        case '"':
            v = '"';
            break;
        case 'a':
            v = 7;
            break;
        case 'b':
            v = 8;
            break;
        case 'f':
            v = 12;
            break;
        case 'n':
            v = 10;
            break;
        case 'r':
            v = 13;
            break;
        case 't':
            v = 9;
            break;
        case 'v':
            v = 11;
            break;
        case '0':
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7':
            v = (uint32_t)(c - '0');
            for (int i = 0; i < 2 && s < end && *s >= '0' && *s <= '7'; i++)
                v = v * 8 + (uint32_t)(*s++ - '0');
            if (bytes)
                v &= 0xFF;
            break;
        case 'x':
            digits = 2;
            goto hex;
        case 'u':
            digits = bytes ? 0 : 4;
            goto hex;
        case 'U':
            digits = bytes ? 0 : 8;
            goto hex;
        hex:
            if (digits == 0) { /* \u and \U are not escapes in bytes */
                if (!sbuf_put(p, b, s - 2, 2))
                    return false;
                continue;
            }
            v = 0;
            for (int i = 0; i < digits; i++) {
                int h = s < end ? hexval((unsigned char)*s) : -1;
                if (h < 0) {
                    if (bytes)
                        string_error(p, t, "(value error) invalid \\x escape at position %zu", pos);
                    else
                        string_error(p, t, "%s in position %zu-%zu: truncated \\%c%s escape", codec,
                                     pos, pos + 1 + (size_t)i, c,
                                     c == 'x'   ? "XX"
                                     : c == 'u' ? "XXXX"
                                                : "XXXXXXXX");
                    return false;
                }
                v = v * 16 + (uint32_t)h;
                s++;
            }
            if (!bytes && v > 0x10FFFF) {
                string_error(p, t, "%s in position %zu-%zu: illegal Unicode character", codec, pos,
                             pos + 9);
                return false;
            }
            break;
        case 'N':
            if (!bytes) {
                s = named_escape(p, t, body, s, end, &v);
                if (!s)
                    return false;
                break;
            }
            __attribute__((fallthrough)); /* not an escape in bytes */
        default:                          /* not an escape: kept as written (CPython warns) */
            if (!sbuf_put(p, b, s - 2, 2))
                return false;
            continue;
        }
        if (bytes ? !sbuf_put(p, b, (char[]){(char)v}, 1) : !sbuf_put_cp(p, b, v))
            return false;
    }
    return true;
}

/* Literal text of an f-string piece (with {{ and }} undoubled, escapes decoded unless
 * raw) up to the next replacement field. Stops at '{' or at a '}' that closes a
 * format spec (nested). */
static bool fstring_literal(parser *p, ptok *t, const char **sp, const char *end, bool raw,
                            bool nested, sbuf *b)
{
    const char *s = *sp;
    sbuf raw_text = {0};
    bool ok = true;
    while (s < end) {
        char c = *s;
        if (c == '{' && s + 1 < end && s[1] == '{' && !nested) {
            ok = sbuf_put(p, &raw_text, "{", 1);
            s += 2;
        } else if (c == '}' && s + 1 < end && s[1] == '}' && !nested) {
            ok = sbuf_put(p, &raw_text, "}", 1);
            s += 2;
        } else if (c == '\\' && !raw && s + 1 < end && s[1] != '{' && s[1] != '}') {
            /* an escape is copied whole; \N{name} with its braces, which open no field */
            const char *e = s + 2;
            if (s[1] == 'N' && e < end && *e == '{') {
                while (e < end && *e != '}')
                    e++;
                e += e < end;
            }
            ok = sbuf_put(p, &raw_text, s, (size_t)(e - s));
            s = e;
        } else if (c == '{') {
            break;
        } else if (c == '}') {
            if (nested)
                break;
            string_error(p, t, "f-string: single '}' is not allowed");
            ok = false;
        } else {
            ok = sbuf_put(p, &raw_text, s, 1);
            s++;
        }
        if (!ok)
            break;
    }
    if (ok && raw_text.n)
        ok = raw ? sbuf_put(p, b, raw_text.s, raw_text.n)
                 : decode_escapes(p, t, raw_text.s, raw_text.n, false, b);
    free(raw_text.s);
    *sp = s;
    return ok;
}

static wf_expr *str_constant(parser *p, wf_loc loc, sbuf *b)
{
    wf_expr *e = new_expr(p, WF_CONSTANT, loc);
    if (!e)
        return NULL;
    e->u.constant.kind = WF_CONST_STR;
    e->u.constant.text = wf_arena_strndup(p->arena, b->s ? b->s : "", b->n);
    e->u.constant.len = b->n;
    return e->u.constant.text ? e : (no_memory(p), NULL);
}

static bool fstring_parts(parser *p, ptok *t, const char **sp, const char *end, bool raw,
                          int nesting, vec *parts, sbuf *lit);

/* One replacement field; *sp is just after its '{'. */
static bool fstring_field(parser *p, ptok *t, const char **sp, const char *end, bool raw,
                          int nesting, vec *parts, sbuf *lit)
{
    const char *s = *sp, *expr_start = s;
    char opened[200]; /* the open brackets, innermost last (CPython's limit) */
    int depth = 0;
    char quote = 0;
    if (nesting >= 2)
        return fail(string_error(p, t, "f-string: expressions nested too deeply"));
    /* find the end of the expression: a top-level '!', ':', '=' or '}' */
    for (; s < end; s++) {
        char c = *s;
        if (c == '\\')
            return fail(string_error(p, t, "f-string expression part cannot include a backslash"));
        if (quote) {
            if (c == quote)
                quote = 0;
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '[' || c == '(' || c == '{') {
            if (depth >= (int)sizeof opened)
                return fail(string_error(p, t, "f-string: too many nested parenthesis"));
            opened[depth++] = c;
        } else if (c == ']' || c == ')' || (c == '}' && depth > 0)) {
            if (depth == 0)
                return fail(string_error(p, t, "f-string: unmatched '%c'", c));
            char want = opened[--depth] == '(' ? ')' : opened[depth] == '[' ? ']' : '}';
            if (c != want)
                return fail(string_error(p, t,
                                         "f-string: closing parenthesis '%c' does not match "
                                         "opening parenthesis '%c'",
                                         c, opened[depth]));
        } else if (c == '#') {
            return fail(string_error(p, t, "f-string expression part cannot include '#'"));
        } else if (depth == 0 && (c == '}' || c == ':')) {
            break;
        } else if (depth == 0 && c == '!' && !(s + 1 < end && s[1] == '=')) {
            break;
        } else if (depth == 0 && c == '=' && !(s + 1 < end && s[1] == '=') &&
                   !(s > expr_start && strchr("=!<>", s[-1]))) {
            break;
        }
    }
    if (quote)
        return fail(string_error(p, t, "f-string: unterminated string"));
    if (depth > 0)
        return fail(string_error(p, t, "f-string: unmatched '%c'", opened[depth - 1]));
    if (s == end)
        return fail(string_error(p, t, "f-string: expecting '}'"));
    const char *expr_end = s;
    const char *q = expr_start;
    while (q < expr_end && (*q == ' ' || *q == '\t' || *q == '\n'))
        q++;
    if (q == expr_end)
        return fail(string_error(p, t, "f-string: empty expression not allowed"));
    wf_expr *value = fstring_expression_text(p, expr_start, (size_t)(expr_end - expr_start), t);
    if (!value)
        return false;
    int conversion = -1;
    bool self_doc = false;
    if (*s == '=') { /* f"{x = }": the text "x = " (spaces kept) then repr(x) */
        self_doc = true;
        s++;
        while (s < end && (*s == ' ' || *s == '\t' || *s == '\n'))
            s++;
        if (!sbuf_put(p, lit, expr_start, (size_t)(s - expr_start)))
            return false;
    }
    if (s < end && *s == '!') {
        s++;
        if (s >= end)
            return fail(string_error(p, t, "f-string: expecting '}'"));
        if (*s != 's' && *s != 'r' && *s != 'a')
            return fail(string_error(p, t,
                                     "f-string: invalid conversion character: expected 's', "
                                     "'r', or 'a'"));
        conversion = *s++;
    }
    wf_expr *spec = NULL;
    if (s < end && *s == ':') {
        s++;
        vec spec_parts = {0};
        sbuf spec_lit = {0};
        bool ok = fstring_parts(p, t, &s, end, raw, nesting + 1, &spec_parts, &spec_lit);
        if (ok && spec_lit.n)
            ok = push(p, &spec_parts, str_constant(p, value->loc, &spec_lit));
        free(spec_lit.s);
        spec = ok ? new_expr(p, WF_JOINEDSTR, tok_loc(t, t)) : NULL;
        if (!spec || !FINISH(p, &spec_parts, spec->u.joinedstr.values)) {
            drop(&spec_parts);
            return false;
        }
    }
    if (s >= end || *s != '}')
        return fail(string_error(p, t, "f-string: expecting '}'"));
    s++;
    if (self_doc && conversion == -1 && !spec)
        conversion = 'r';
    if (lit->n) { /* the literal text before this field */
        if (!push(p, parts, str_constant(p, tok_loc(t, t), lit)))
            return false;
        lit->n = 0;
    }
    wf_expr *fv = new_expr(p, WF_FORMATTEDVALUE, tok_loc(t, t));
    if (!fv)
        return false;
    fv->u.formatted.value = value;
    fv->u.formatted.conversion = conversion;
    fv->u.formatted.format_spec = spec;
    *sp = s;
    return push(p, parts, fv);
}

/* Literal text and fields up to `end` (or a closing '}' of a nested spec). Literal text
 * accumulates in lit so that adjacent strings merge. */
static bool fstring_parts(parser *p, ptok *t, const char **sp, const char *end, bool raw,
                          int nesting, vec *parts, sbuf *lit)
{
    const char *s = *sp;
    while (s < end) {
        if (!fstring_literal(p, t, &s, end, raw, nesting > 0, lit))
            return false;
        if (s >= end || *s == '}')
            break;
        s++; /* '{' */
        if (!fstring_field(p, t, &s, end, raw, nesting, parts, lit))
            return false;
    }
    *sp = s;
    return true;
}

/* Adjacent string literals: one Constant, or a JoinedStr if any is an f-string. */
static wf_expr *strings(parser *p)
{
    ptok *first = cur(p), *last = first;
    strprefix sp0 = split_string_token(first);
    bool any_f = false, mixed = false;
    size_t count = 0;
    for (ptok *t = first; t->t.kind == WF_TOK_STRING; t = ahead(p, ++count)) {
        strprefix sp = split_string_token(t);
        any_f |= sp.fmt;
        mixed |= sp.bytes != sp0.bytes;
        last = t;
    }
    wf_loc loc = tok_loc(first, last);
    if (mixed)
        return string_error(p, last, "cannot mix bytes and nonbytes literals");
    sbuf lit = {0};
    vec parts = {0};
    bool ok = true;
    for (size_t i = 0; ok && i < count; i++) {
        ptok *t = cur(p);
        strprefix sp = split_string_token(t);
        if (sp.bytes) {
            for (size_t k = 0; k < sp.len && ok; k++)
                if ((unsigned char)sp.body[k] >= 0x80)
                    ok = fail(
                        SYNTAX_ERROR_AT(p, t, "bytes can only contain ASCII literal characters"));
        }
        if (!ok)
            break;
        if (sp.fmt) {
            const char *s = sp.body;
            ok = fstring_parts(p, t, &s, sp.body + sp.len, sp.raw, 0, &parts, &lit);
            if (ok && s < sp.body + sp.len) /* a '}' that closes nothing */
                ok = fail(SYNTAX_ERROR_AT(p, t, "f-string: single '}' is not allowed"));
        } else {
            ok = sp.raw ? sbuf_put(p, &lit, sp.body, sp.len)
                        : decode_escapes(p, t, sp.body, sp.len, sp.bytes, &lit);
        }
        advance(p);
    }
    wf_expr *e = NULL;
    if (ok && any_f) {
        if (lit.n)
            ok = push(p, &parts, str_constant(p, loc, &lit));
        e = ok ? new_expr(p, WF_JOINEDSTR, loc) : NULL;
        if (e && !FINISH(p, &parts, e->u.joinedstr.values))
            e = NULL;
    } else if (ok) {
        e = str_constant(p, loc, &lit);
        if (e) {
            e->u.constant.kind = sp0.bytes ? WF_CONST_BYTES : WF_CONST_STR;
            e->u.constant.u_prefix = sp0.u;
        }
    }
    drop(&parts);
    free(lit.s);
    return e;
}

static wf_expr *constant(parser *p, enum wf_const_kind kind)
{
    wf_expr *e = new_expr(p, WF_CONSTANT, here(p));
    if (e) {
        e->u.constant.kind = kind;
        if (kind == WF_CONST_INT || kind == WF_CONST_FLOAT || kind == WF_CONST_IMAG) {
            e->u.constant.text = tok_text(p, cur(p));
            e->u.constant.len = cur(p)->t.len;
        }
    }
    advance(p);
    return e;
}

static enum wf_const_kind number_kind(ptok *t)
{
    const char *s = t->t.start;
    size_t n = t->t.len;
    char last = (char)(s[n - 1] | 0x20);
    if (last == 'j')
        return WF_CONST_IMAG;
    if (n > 1 && s[0] == '0' && strchr("xXoObB", s[1]))
        return WF_CONST_INT;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '.' || s[i] == 'e' || s[i] == 'E')
            return WF_CONST_FLOAT;
    return WF_CONST_INT;
}

static wf_expr *name_expr(parser *p)
{
    wf_expr *e = new_expr(p, WF_NAME, here(p));
    if (e) {
        e->u.name.id = tok_text(p, cur(p));
        e->u.name.ctx = WF_LOAD;
    }
    advance(p);
    return e;
}

/* ---- Expressions -------------------------------------------------------------------- */

static wf_expr *star_named_expression(parser *p);
static wf_expr *lambdef(parser *p);
static wf_expr *bitwise_or(parser *p);
static wf_expr *primary(parser *p);

/* True if the current token can start an expression. */
static bool starts_expression(parser *p)
{
    ptok *t = cur(p);
    switch (t->t.kind) {
    case WF_TOK_NAME:
        return t->kw == KW_NONE_ || t->kw == KW_TRUE || t->kw == KW_FALSE || t->kw == KW_NONE ||
               t->kw == KW_NOT || t->kw == KW_LAMBDA || t->kw == KW_AWAIT;
    case WF_TOK_NUMBER:
    case WF_TOK_STRING:
        return true;
    case WF_TOK_OP:
        return is_op(t, WF_OP_LPAR) || is_op(t, WF_OP_LSQB) || is_op(t, WF_OP_LBRACE) ||
               is_op(t, WF_OP_MINUS) || is_op(t, WF_OP_PLUS) || is_op(t, WF_OP_TILDE) ||
               is_op(t, WF_OP_ELLIPSIS);
    default:
        return false;
    }
}

/* Inside brackets, `a b`: CPython suggests a missing comma, spanning a to b. */
static void *forgot_comma(parser *p, wf_expr *a)
{
    if (!p->failed && a && starts_expression(p) &&
        !(a->kind == WF_NAME && at_kind(p, WF_TOK_STRING))) {
        size_t mark = p->pos;
        wf_expr *b = expression(p);
        if (b)
            return error_loc(p, WF_TOKERR_SYNTAX, a->loc, b->loc,
                             "invalid syntax. Perhaps you forgot a comma?");
        p->pos = mark;
    }
    return invalid_syntax(p);
}

static bool expect_op(parser *p, enum wf_op op, wf_expr *last)
{
    if (accept_op(p, op))
        return true;
    if (!p->failed)
        forgot_comma(p, last);
    return false;
}

/* A comma-separated list of items up to the closing bracket `close`, items parsed by
 * `item`. Returns false on error. *trailing_comma says whether one was seen. */
static bool bracketed_items(parser *p, wf_expr *first, wf_expr *(*item)(parser *), enum wf_op close,
                            vec *out, bool *saw_comma)
{
    *saw_comma = false;
    if (!push(p, out, first))
        return false;
    while (accept_op(p, WF_OP_COMMA)) {
        *saw_comma = true;
        if (at_op(p, close))
            break;
        if (!push(p, out, item(p)))
            return false;
    }
    return expect_op(p, close, out->items[out->n - 1]);
}

static wf_expr *comprehension_node(parser *p, enum wf_expr_kind kind, wf_loc loc, wf_expr *elt,
                                   wf_expr *value)
{
    wf_expr *e = new_expr(p, kind, loc);
    if (!e || !comprehension_clauses(p, &e->u.comp.generators))
        return NULL;
    e->u.comp.elt = elt;
    e->u.comp.value = value;
    return e;
}

static wf_expr *sequence_node(parser *p, enum wf_expr_kind kind, wf_loc loc, vec *items)
{
    wf_expr *e = new_expr(p, kind, loc);
    if (!e) {
        drop(items);
        return NULL;
    }
    e->u.tuple.ctx = WF_LOAD; /* list, tuple and set share the elts layout */
    return FINISH(p, items, e->u.tuple.elts) ? e : NULL;
}

/* '(' ... ')': a group, tuple, generator expression or yield. */
static wf_expr *paren_atom(parser *p)
{
    ptok *open = cur(p);
    advance(p);
    if (accept_op(p, WF_OP_RPAR)) {
        vec none = {0};
        wf_expr *t = sequence_node(p, WF_TUPLE, tok_loc(open, prev(p)), &none);
        if (t) {
            t->parenthesized = true;
            t->outer = t->loc;
        }
        return t;
    }
    if (at_kw(p, KW_YIELD)) {
        wf_expr *y = yield_expr(p);
        if (!y || !expect_op(p, WF_OP_RPAR, y))
            return NULL;
        y->parenthesized = true;
        y->outer = tok_loc(open, prev(p));
        return y;
    }
    wf_expr *first = star_named_expression(p);
    if (!first)
        return NULL;
    if (at_kw(p, KW_FOR) || at_kw(p, KW_ASYNC)) {
        wf_expr *g = comprehension_node(p, WF_GENERATOREXP, tok_loc(open, open), first, NULL);
        if (!g || !expect_op(p, WF_OP_RPAR, NULL))
            return NULL;
        g->loc = tok_loc(open, prev(p));
        return g;
    }
    if (accept_op(p, WF_OP_RPAR)) {
        if (first->kind == WF_STARRED)
            return error_loc(p, WF_TOKERR_SYNTAX, first->loc, first->loc,
                             "cannot use starred expression here");
        first->parenthesized = true;
        first->outer = tok_loc(open, prev(p));
        return first;
    }
    vec items = {0};
    bool comma;
    if (!bracketed_items(p, first, star_named_expression, WF_OP_RPAR, &items, &comma)) {
        drop(&items);
        return NULL;
    }
    wf_expr *t = sequence_node(p, WF_TUPLE, tok_loc(open, prev(p)), &items);
    if (t) {
        t->parenthesized = true;
        t->outer = t->loc;
    }
    return t;
}

/* '[' ... ']': a list or list comprehension. */
static wf_expr *list_atom(parser *p)
{
    ptok *open = cur(p);
    advance(p);
    vec items = {0};
    if (!accept_op(p, WF_OP_RSQB)) {
        wf_expr *first = star_named_expression(p);
        if (!first)
            return NULL;
        if (at_kw(p, KW_FOR) || at_kw(p, KW_ASYNC)) {
            wf_expr *c = comprehension_node(p, WF_LISTCOMP, tok_loc(open, open), first, NULL);
            if (!c || !expect_op(p, WF_OP_RSQB, NULL))
                return NULL;
            c->loc = tok_loc(open, prev(p));
            return c;
        }
        bool comma;
        if (!bracketed_items(p, first, star_named_expression, WF_OP_RSQB, &items, &comma)) {
            drop(&items);
            return NULL;
        }
    }
    return sequence_node(p, WF_LIST, tok_loc(open, prev(p)), &items);
}

/* A dict value after `key ':'`, with CPython's messages for a missing or starred one. */
static wf_expr *dict_value(parser *p)
{
    ptok *colon = prev(p);
    if (at_op(p, WF_OP_RBRACE) || at_op(p, WF_OP_COMMA))
        return SYNTAX_ERROR_AT(p, colon, "expression expected after dictionary key and ':'");
    if (at_op(p, WF_OP_STAR)) {
        ptok *star = cur(p);
        advance(p);
        wf_expr *v = bitwise_or(p);
        if (!v)
            return NULL;
        return error_loc(p, WF_TOKERR_SYNTAX, tok_loc(star, star), v->loc,
                         "cannot use a starred expression in a dictionary value");
    }
    return expression(p);
}

/* A dict entry after the first: key ':' value, or '**' expression (key NULL). */
static bool dict_entry(parser *p, vec *keys, vec *values)
{
    if (accept_op(p, WF_OP_DOUBLESTAR)) {
        wf_expr *v = bitwise_or(p);
        return v && push_maybe_null(p, keys, NULL) && push(p, values, v);
    }
    wf_expr *k = expression(p);
    if (!k)
        return false;
    if (!accept_op(p, WF_OP_COLON)) { /* CPython points at the key's last character */
        int end = cp_col(p, k->loc.end_lineno, k->loc.end_col);
        return fail(record_at(p, WF_TOKERR_SYNTAX, k->loc.lineno, end,
                              "':' expected after dictionary key"));
    }
    wf_expr *v = dict_value(p);
    return v && push(p, keys, k) && push(p, values, v);
}

/* '{' ... '}': a dict, set, or their comprehensions. */
static wf_expr *brace_atom(parser *p)
{
    ptok *open = cur(p);
    advance(p);
    vec keys = {0}, values = {0};
    wf_expr *e = NULL;
    if (accept_op(p, WF_OP_RBRACE)) {
        e = new_expr(p, WF_DICT, tok_loc(open, prev(p)));
        return e;
    }
    bool is_dict = at_op(p, WF_OP_DOUBLESTAR);
    wf_expr *first = NULL;
    if (!is_dict) {
        first = star_named_expression(p);
        if (!first)
            return NULL;
        is_dict = at_op(p, WF_OP_COLON);
    }
    if (!is_dict) { /* a set */
        if (at_kw(p, KW_FOR) || at_kw(p, KW_ASYNC)) {
            e = comprehension_node(p, WF_SETCOMP, tok_loc(open, open), first, NULL);
            if (!e || !expect_op(p, WF_OP_RBRACE, NULL))
                return NULL;
            e->loc = tok_loc(open, prev(p));
            return e;
        }
        bool comma;
        if (!bracketed_items(p, first, star_named_expression, WF_OP_RBRACE, &values, &comma)) {
            drop(&values);
            return NULL;
        }
        return sequence_node(p, WF_SET, tok_loc(open, prev(p)), &values);
    }
    /* a dict */
    bool ok;
    if (first) {
        advance(p); /* ':' */
        wf_expr *v = dict_value(p);
        ok = v && push(p, &keys, first) && push(p, &values, v);
        if (ok && (at_kw(p, KW_FOR) || at_kw(p, KW_ASYNC))) {
            drop(&keys);
            drop(&values);
            e = comprehension_node(p, WF_DICTCOMP, tok_loc(open, open), first, v);
            if (!e || !expect_op(p, WF_OP_RBRACE, NULL))
                return NULL;
            e->loc = tok_loc(open, prev(p));
            return e;
        }
    } else {
        ok = dict_entry(p, &keys, &values);
    }
    while (ok && accept_op(p, WF_OP_COMMA) && !at_op(p, WF_OP_RBRACE))
        ok = dict_entry(p, &keys, &values);
    if (ok)
        ok = expect_op(p, WF_OP_RBRACE, values.n ? values.items[values.n - 1] : NULL);
    if (ok)
        e = new_expr(p, WF_DICT, tok_loc(open, prev(p)));
    if (!e || !FINISH(p, &keys, e->u.dict.keys) || !FINISH(p, &values, e->u.dict.values)) {
        drop(&keys);
        drop(&values);
        return NULL;
    }
    return e;
}

static wf_expr *atom(parser *p)
{
    ptok *t = cur(p);
    switch (t->t.kind) {
    case WF_TOK_NAME:
        switch (t->kw) {
        case KW_NONE_:
            return name_expr(p);
        case KW_TRUE:
            return constant(p, WF_CONST_TRUE);
        case KW_FALSE:
            return constant(p, WF_CONST_FALSE);
        case KW_NONE:
            return constant(p, WF_CONST_NONE);
        default:
            return invalid_syntax(p);
        }
    case WF_TOK_NUMBER:
        return constant(p, number_kind(t));
    case WF_TOK_STRING:
        return strings(p);
    case WF_TOK_OP:
        if (is_op(t, WF_OP_LPAR))
            return paren_atom(p);
        if (is_op(t, WF_OP_LSQB))
            return list_atom(p);
        if (is_op(t, WF_OP_LBRACE))
            return brace_atom(p);
        if (is_op(t, WF_OP_ELLIPSIS))
            return constant(p, WF_CONST_ELLIPSIS);
        return invalid_syntax(p);
    default:
        return invalid_syntax(p);
    }
}

/* slice: [lower] ':' [upper] [':' [step]], or a named expression, or a starred one. */
static wf_expr *slice_item(parser *p)
{
    wf_loc start = here(p);
    wf_expr *lower = NULL;
    if (at_op(p, WF_OP_STAR))
        return star_named_expression(p);
    if (!at_op(p, WF_OP_COLON)) {
        lower = named_expression(p);
        if (!lower || !at_op(p, WF_OP_COLON))
            return lower;
        start = eloc(lower);
    }
    advance(p); /* ':' */
    wf_expr *e = new_expr(p, WF_SLICE, start);
    if (!e)
        return NULL;
    e->u.slice.lower = lower;
    if (!at_op(p, WF_OP_COLON) && !at_op(p, WF_OP_COMMA) && !at_op(p, WF_OP_RSQB) &&
        !(e->u.slice.upper = expression(p)))
        return NULL;
    if (accept_op(p, WF_OP_COLON) && !at_op(p, WF_OP_COMMA) && !at_op(p, WF_OP_RSQB) &&
        !(e->u.slice.step = expression(p)))
        return NULL;
    e->loc = since(p, start);
    return e;
}

/* The subscript of a[...]: one slice, or a tuple of them. */
static wf_expr *slices(parser *p)
{
    wf_expr *first = slice_item(p);
    if (!first)
        return NULL;
    if (!at_op(p, WF_OP_COMMA)) {
        if (first->kind == WF_STARRED) { /* a[*b] is a[(*b,)] */
            vec one = {0};
            push(p, &one, first);
            return sequence_node(p, WF_TUPLE, first->loc, &one);
        }
        return first;
    }
    vec items = {0};
    push(p, &items, first);
    while (accept_op(p, WF_OP_COMMA) && !at_op(p, WF_OP_RSQB))
        if (!push(p, &items, slice_item(p))) {
            drop(&items);
            return NULL;
        }
    return sequence_node(p, WF_TUPLE, since(p, eloc(first)), &items);
}

static wf_keyword *new_keyword(parser *p, const char *arg, wf_expr *value, wf_loc loc)
{
    wf_keyword *k = alloc(p, sizeof *k);
    if (k) {
        k->arg = arg;
        k->value = value;
        k->loc = loc;
    }
    return k;
}

/* Call arguments after '(' up to and including ')'. */
static bool call_arguments(parser *p, ptok *open, bool allow_genexp, wf_expr_seq *args_out,
                           wf_keyword_seq *kw_out)
{
    vec args = {0}, kws = {0};
    bool saw_keyword = false, saw_kwunpack = false, ok = true;
    while (ok && !at_op(p, WF_OP_RPAR)) {
        ptok *start = cur(p);
        if (accept_op(p, WF_OP_STAR)) {
            wf_expr *v = expression(p);
            wf_expr *s = v ? new_expr(p, WF_STARRED, since(p, tok_loc(start, start))) : NULL;
            if (s) {
                s->u.starred.value = v;
                s->u.starred.ctx = WF_LOAD;
            }
            if (s && saw_kwunpack)
                ok = fail(error_loc(p, WF_TOKERR_SYNTAX, s->loc, s->loc,
                                    "iterable argument unpacking follows keyword argument "
                                    "unpacking"));
            else
                ok = push(p, &args, s);
        } else if (accept_op(p, WF_OP_DOUBLESTAR)) {
            wf_expr *v = expression(p);
            saw_kwunpack = true;
            ok = v && push(p, &kws, new_keyword(p, NULL, v, since(p, tok_loc(start, start))));
        } else if (at_kind(p, WF_TOK_NAME) && is_op(ahead(p, 1), WF_OP_EQUAL)) {
            if (start->kw != KW_NONE_) {
                ok = fail(SYNTAX_ERROR_AT(p, start, "cannot assign to %s", tok_text(p, start)));
                break;
            }
            const char *name = tok_text(p, start);
            advance(p);
            advance(p);
            wf_expr *v = expression(p);
            saw_keyword = true;
            ok = v && push(p, &kws, new_keyword(p, name, v, since(p, tok_loc(start, start))));
        } else {
            wf_expr *e = named_expression(p);
            if (!e) {
                ok = false;
                break;
            }
            if (!allow_genexp && (at_kw(p, KW_FOR) || at_kw(p, KW_ASYNC))) {
                ok = fail(invalid_syntax(p)); /* class C(x for x in y) */
                break;
            }
            if (at_kw(p, KW_FOR) || at_kw(p, KW_ASYNC)) { /* f(x for x in y) */
                wf_expr *g = comprehension_node(p, WF_GENERATOREXP, e->loc, e, NULL);
                if (!g) {
                    ok = false;
                    break;
                }
                if (args.n || kws.n || !at_op(p, WF_OP_RPAR)) {
                    g->loc = since(p, eloc(e));
                    ok = fail(error_loc(p, WF_TOKERR_SYNTAX, g->loc, g->loc,
                                        "Generator expression must be parenthesized"));
                    break;
                }
                g->loc = tok_loc(open, cur(p)); /* the call's parentheses are its own */
                e = g;
            } else if (at_op(p, WF_OP_EQUAL)) {
                ok = fail(error_loc(p, WF_TOKERR_SYNTAX, e->loc, tok_loc(cur(p), cur(p)),
                                    "expression cannot contain assignment, perhaps you meant "
                                    "\"==\"?"));
                break;
            }
            if (saw_kwunpack || saw_keyword) { /* CPython points just after the argument */
                ok = fail(error_tokens(p, WF_TOKERR_SYNTAX, cur(p), cur(p),
                                       saw_kwunpack
                                           ? "positional argument follows keyword argument "
                                             "unpacking"
                                           : "positional argument follows keyword argument"));
                break;
            }
            ok = push(p, &args, e);
        }
        if (ok && !accept_op(p, WF_OP_COMMA))
            break;
    }
    if (ok)
        ok = expect_op(p, WF_OP_RPAR, args.n ? args.items[args.n - 1] : NULL);
    if (ok && FINISH(p, &args, *args_out) && FINISH(p, &kws, *kw_out))
        return true;
    drop(&args);
    drop(&kws);
    return false;
}

/* atom followed by .name, (args) and [slices] trailers. */
static wf_expr *primary(parser *p)
{
    wf_expr *e = atom(p);
    while (e) {
        if (at_op(p, WF_OP_DOT)) {
            advance(p);
            if (!at_name(p))
                return invalid_syntax(p);
            wf_expr *a = new_expr(p, WF_ATTRIBUTE, since(p, eloc(e)));
            if (!a)
                return NULL;
            a->u.attribute.value = e;
            a->u.attribute.attr = tok_text(p, cur(p));
            a->u.attribute.ctx = WF_LOAD;
            advance(p);
            a->loc = since(p, eloc(e));
            e = a;
        } else if (at_op(p, WF_OP_LPAR)) {
            ptok *open = cur(p);
            advance(p);
            wf_expr *c = new_expr(p, WF_CALL, e->loc);
            if (!c || !call_arguments(p, open, true, &c->u.call.args, &c->u.call.keywords))
                return NULL;
            c->u.call.func = e;
            c->loc = since(p, eloc(e));
            e = c;
        } else if (at_op(p, WF_OP_LSQB)) {
            advance(p);
            wf_expr *sub = slices(p);
            if (!sub || !expect_op(p, WF_OP_RSQB, sub))
                return NULL;
            wf_expr *s = new_expr(p, WF_SUBSCRIPT, since(p, eloc(e)));
            if (!s)
                return NULL;
            s->u.subscript.value = e;
            s->u.subscript.slice = sub;
            s->u.subscript.ctx = WF_LOAD;
            e = s;
        } else {
            break;
        }
    }
    return e;
}

static wf_expr *unary_node(parser *p, enum wf_unaryop op, ptok *optok, wf_expr *operand)
{
    if (!operand)
        return NULL;
    wf_expr *e = new_expr(p, WF_UNARYOP, span(tok_loc(optok, optok), eloc(operand)));
    if (e) {
        e->u.unaryop.op = op;
        e->u.unaryop.operand = operand;
    }
    return e;
}

static wf_expr *binop_node(parser *p, wf_expr *left, enum wf_binop op, wf_expr *right)
{
    if (!left || !right)
        return NULL;
    wf_expr *e = new_expr(p, WF_BINOP, span(eloc(left), eloc(right)));
    if (e) {
        e->u.binop.left = left;
        e->u.binop.op = op;
        e->u.binop.right = right;
    }
    return e;
}

static wf_expr *factor(parser *p);

/* power: await_primary ['**' factor] */
static wf_expr *power(parser *p)
{
    wf_expr *e;
    ptok *start = cur(p);
    if (accept_kw(p, KW_AWAIT)) {
        if (!enter(p))
            return NULL;
        wf_expr *v = primary(p);
        leave(p);
        e = v ? new_expr(p, WF_AWAIT, span(tok_loc(start, start), eloc(v))) : NULL;
        if (e)
            e->u.await_.value = v;
    } else {
        e = primary(p);
    }
    if (e && accept_op(p, WF_OP_DOUBLESTAR)) {
        if (!enter(p))
            return NULL;
        wf_expr *r = factor(p);
        leave(p);
        return binop_node(p, e, WF_POW, r);
    }
    return e;
}

/* factor: ('+' | '-' | '~') factor | power */
static wf_expr *factor(parser *p)
{
    ptok *t = cur(p);
    enum wf_unaryop op;
    if (is_op(t, WF_OP_PLUS))
        op = WF_UADD;
    else if (is_op(t, WF_OP_MINUS))
        op = WF_USUB;
    else if (is_op(t, WF_OP_TILDE))
        op = WF_INVERT;
    else
        return power(p);
    advance(p);
    if (!enter(p))
        return NULL;
    wf_expr *operand = factor(p);
    leave(p);
    return unary_node(p, op, t, operand);
}

/* Binary operator levels, loosest last: each maps tokens to operators. */
typedef struct binlevel {
    enum wf_op tok[5];
    enum wf_binop op[5];
    int n;
} binlevel;

static const binlevel levels[] = {
    {{WF_OP_STAR, WF_OP_SLASH, WF_OP_DOUBLESLASH, WF_OP_PERCENT, WF_OP_AT},
     {WF_MULT, WF_DIV, WF_FLOORDIV, WF_MOD, WF_MATMULT},
     5},
    {{WF_OP_PLUS, WF_OP_MINUS}, {WF_ADD, WF_SUB}, 2},
    {{WF_OP_LEFTSHIFT, WF_OP_RIGHTSHIFT}, {WF_LSHIFT, WF_RSHIFT}, 2},
    {{WF_OP_AMPER}, {WF_BITAND}, 1},
    {{WF_OP_CIRCUMFLEX}, {WF_BITXOR}, 1},
    {{WF_OP_VBAR}, {WF_BITOR}, 1},
};

/* Left-associative binary operators of `level` and tighter. */
static wf_expr *binary(parser *p, int level)
{
    wf_expr *e = level == 0 ? factor(p) : binary(p, level - 1);
    for (;;) {
        const binlevel *l = &levels[level];
        int i = 0;
        while (i < l->n && !at_op(p, l->tok[i]))
            i++;
        if (!e || i == l->n)
            return e;
        advance(p);
        e = binop_node(p, e, l->op[i], level == 0 ? factor(p) : binary(p, level - 1));
    }
}

static wf_expr *bitwise_or(parser *p)
{
    return binary(p, 5);
}

/* The comparison operator at the current token(s), consuming it; false if none. */
static bool compare_op(parser *p, enum wf_cmpop *op)
{
    ptok *t = cur(p);
    static const struct {
        enum wf_op tok;
        enum wf_cmpop op;
    } ops[] = {{WF_OP_EQEQUAL, WF_EQ},    {WF_OP_NOTEQUAL, WF_NOTEQ}, {WF_OP_LESS, WF_LT},
               {WF_OP_LESSEQUAL, WF_LTE}, {WF_OP_GREATER, WF_GT},     {WF_OP_GREATEREQUAL, WF_GTE}};
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        if (is_op(t, ops[i].tok)) {
            advance(p);
            *op = ops[i].op;
            return true;
        }
    }
    if (t->kw == KW_IN) {
        advance(p);
        *op = WF_IN;
    } else if (t->kw == KW_NOT && ahead(p, 1)->kw == KW_IN) {
        advance(p);
        advance(p);
        *op = WF_NOTIN;
    } else if (t->kw == KW_IS) {
        advance(p);
        *op = accept_kw(p, KW_NOT) ? WF_ISNOT : WF_IS;
    } else {
        return false;
    }
    return true;
}

static wf_expr *comparison(parser *p)
{
    wf_expr *left = bitwise_or(p);
    enum wf_cmpop op;
    if (!left || !compare_op(p, &op))
        return left;
    vec ops = {0}, rights = {0};
    bool ok = true;
    do {
        enum wf_cmpop *slot = alloc(p, sizeof *slot);
        if (!slot || !push(p, &ops, slot)) {
            ok = false;
            break;
        }
        *slot = op;
        ok = push(p, &rights, bitwise_or(p));
    } while (ok && compare_op(p, &op));
    wf_expr *e = ok ? new_expr(p, WF_COMPARE, since(p, eloc(left))) : NULL;
    if (e) {
        e->u.compare.left = left;
        e->u.compare.n = ops.n;
        e->u.compare.ops = alloc(p, ops.n * sizeof(enum wf_cmpop));
        e->u.compare.comparators = alloc(p, ops.n * sizeof(wf_expr *));
        if (e->u.compare.ops && e->u.compare.comparators) {
            for (size_t i = 0; i < ops.n; i++) {
                e->u.compare.ops[i] = *(enum wf_cmpop *)ops.items[i];
                e->u.compare.comparators[i] = rights.items[i];
            }
        } else {
            e = NULL;
        }
    }
    drop(&ops);
    drop(&rights);
    return e;
}

static wf_expr *inversion(parser *p)
{
    ptok *t = cur(p);
    if (!accept_kw(p, KW_NOT))
        return comparison(p);
    if (!enter(p))
        return NULL;
    wf_expr *operand = inversion(p);
    leave(p);
    return unary_node(p, WF_NOT, t, operand);
}

/* conjunction and disjunction: flat BoolOps of one operator. */
static wf_expr *boolop(parser *p, enum kw kw)
{
    wf_expr *first = kw == KW_AND ? inversion(p) : boolop(p, KW_AND);
    if (!first || !at_kw(p, kw))
        return first;
    vec values = {0};
    push(p, &values, first);
    while (accept_kw(p, kw))
        if (!push(p, &values, kw == KW_AND ? inversion(p) : boolop(p, KW_AND))) {
            drop(&values);
            return NULL;
        }
    wf_expr *e = new_expr(p, WF_BOOLOP, since(p, eloc(first)));
    if (!e || !FINISH(p, &values, e->u.boolop.values)) {
        drop(&values);
        return NULL;
    }
    e->u.boolop.op = kw == KW_AND ? WF_AND : WF_OR;
    return e;
}

static wf_expr *disjunction(parser *p)
{
    return boolop(p, KW_OR);
}

/* expression: disjunction ['if' disjunction 'else' expression] | lambdef */
static wf_expr *expression(parser *p)
{
    if (at_kw(p, KW_LAMBDA))
        return lambdef(p);
    wf_expr *body = disjunction(p);
    if (!body || !at_kw(p, KW_IF))
        return body;
    advance(p);
    wf_expr *test = disjunction(p);
    if (!test)
        return NULL;
    if (!accept_kw(p, KW_ELSE))
        return error_loc(p, WF_TOKERR_SYNTAX, eloc(body), eloc(test),
                         "expected 'else' after 'if' expression");
    if (!enter(p))
        return NULL;
    wf_expr *orelse = expression(p);
    leave(p);
    wf_expr *e = orelse ? new_expr(p, WF_IFEXP, span(eloc(body), eloc(orelse))) : NULL;
    if (e) {
        e->u.ifexp.test = test;
        e->u.ifexp.body = body;
        e->u.ifexp.orelse = orelse;
    }
    return e;
}

/* named_expression: NAME ':=' expression | expression */
static wf_expr *named_expression(parser *p)
{
    if (at_name(p) && is_op(ahead(p, 1), WF_OP_COLONEQUAL)) {
        wf_expr *target = name_expr(p);
        advance(p); /* ':=' */
        wf_expr *value = expression(p);
        if (!target || !value)
            return NULL;
        target->u.name.ctx = WF_STORE;
        wf_expr *e = new_expr(p, WF_NAMEDEXPR, span(target->loc, eloc(value)));
        if (e) {
            e->u.namedexpr.target = target;
            e->u.namedexpr.value = value;
        }
        return e;
    }
    wf_expr *e = expression(p);
    if (e && at_op(p, WF_OP_COLONEQUAL))
        return error_loc(p, WF_TOKERR_SYNTAX, e->loc, e->loc,
                         "cannot use assignment expressions with %s",
                         e->kind == WF_ATTRIBUTE   ? "attribute"
                         : e->kind == WF_SUBSCRIPT ? "subscript"
                                                   : "expression");
    return e;
}

static wf_expr *starred(parser *p, wf_expr *(*inner)(parser *))
{
    ptok *star = cur(p);
    advance(p);
    wf_expr *v = inner(p);
    wf_expr *e = v ? new_expr(p, WF_STARRED, span(tok_loc(star, star), eloc(v))) : NULL;
    if (e) {
        e->u.starred.value = v;
        e->u.starred.ctx = WF_LOAD;
    }
    return e;
}

/* star_named_expression: '*' bitwise_or | named_expression */
static wf_expr *star_named_expression(parser *p)
{
    return at_op(p, WF_OP_STAR) ? starred(p, bitwise_or) : named_expression(p);
}

/* star_expression: '*' bitwise_or | expression */
static wf_expr *star_expression(parser *p)
{
    return at_op(p, WF_OP_STAR) ? starred(p, bitwise_or) : expression(p);
}

/* A comma list of `item`s without brackets: one item, or a Tuple (a trailing comma
 * makes a one-item tuple). */
static wf_expr *unbracketed_tuple(parser *p, wf_expr *(*item)(parser *))
{
    wf_expr *first = item(p);
    if (!first || !at_op(p, WF_OP_COMMA))
        return first;
    vec items = {0};
    push(p, &items, first);
    while (accept_op(p, WF_OP_COMMA)) {
        if (!starts_expression(p) && !at_op(p, WF_OP_STAR))
            break;
        if (!push(p, &items, item(p))) {
            drop(&items);
            return NULL;
        }
    }
    return sequence_node(p, WF_TUPLE, since(p, eloc(first)), &items);
}

static wf_expr *star_expressions(parser *p)
{
    return unbracketed_tuple(p, star_expression);
}

/* yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
static wf_expr *yield_expr(parser *p)
{
    ptok *y = cur(p);
    advance(p);
    wf_loc loc = tok_loc(y, y);
    if (accept_kw(p, KW_FROM)) {
        wf_expr *v = expression(p);
        wf_expr *e = v ? new_expr(p, WF_YIELDFROM, span(loc, eloc(v))) : NULL;
        if (e)
            e->u.yieldfrom.value = v;
        return e;
    }
    wf_expr *v = NULL;
    if (starts_expression(p) || at_op(p, WF_OP_STAR)) {
        v = star_expressions(p);
        if (!v)
            return NULL;
        loc = span(loc, eloc(v));
    }
    wf_expr *e = new_expr(p, WF_YIELD, loc);
    if (e)
        e->u.yield.value = v;
    return e;
}

/* ---- Targets ------------------------------------------------------------------------ */

/* The ast module's name for what an expression is, in "cannot assign to %s". */
static const char *expr_name(const wf_expr *e)
{
    switch (e->kind) {
    case WF_ATTRIBUTE:
        return "attribute";
    case WF_SUBSCRIPT:
        return "subscript";
    case WF_STARRED:
        return "starred";
    case WF_NAME:
        return "name";
    case WF_LIST:
        return "list";
    case WF_TUPLE:
        return "tuple";
    case WF_LAMBDA:
        return "lambda";
    case WF_CALL:
        return "function call";
    case WF_BOOLOP:
    case WF_BINOP:
    case WF_UNARYOP:
        return "expression";
    case WF_GENERATOREXP:
        return "generator expression";
    case WF_YIELD:
    case WF_YIELDFROM:
        return "yield expression";
    case WF_AWAIT:
        return "await expression";
    case WF_LISTCOMP:
        return "list comprehension";
    case WF_SETCOMP:
        return "set comprehension";
    case WF_DICTCOMP:
        return "dict comprehension";
    case WF_DICT:
        return "dict literal";
    case WF_SET:
        return "set display";
    case WF_JOINEDSTR:
    case WF_FORMATTEDVALUE:
        return "f-string expression";
    case WF_CONSTANT:
        switch (e->u.constant.kind) {
        case WF_CONST_NONE:
            return "None";
        case WF_CONST_TRUE:
            return "True";
        case WF_CONST_FALSE:
            return "False";
        case WF_CONST_ELLIPSIS:
            return "ellipsis";
        default:
            return "literal";
        }
    case WF_COMPARE:
        return "comparison";
    case WF_IFEXP:
        return "conditional expression";
    case WF_NAMEDEXPR:
        return "named expression";
    default:
        return "expression";
    }
}

/* The first sub-expression of e that cannot be a target, or NULL (CPython's
 * _PyPegen_get_invalid_target). Starred is allowed in assignment, not in del. */
static wf_expr *invalid_target(wf_expr *e, bool del)
{
    switch (e->kind) {
    case WF_LIST:
    case WF_TUPLE:
        for (size_t i = 0; i < e->u.tuple.elts.n; i++) {
            wf_expr *bad = invalid_target(e->u.tuple.elts.items[i], del);
            if (bad)
                return bad;
        }
        return NULL;
    case WF_STARRED:
        return del ? e : invalid_target(e->u.starred.value, del);
    case WF_COMPARE: /* "for x in y in z": the target was the comparison's left side */
        return invalid_target(e->u.compare.left, del);
    case WF_NAME:
    case WF_ATTRIBUTE:
    case WF_SUBSCRIPT:
        return NULL;
    default:
        return e;
    }
}

/* Give a valid target tree the Store (or Del) context. */
static void set_ctx(wf_expr *e, enum wf_ctx ctx)
{
    switch (e->kind) {
    case WF_NAME:
        e->u.name.ctx = ctx;
        break;
    case WF_ATTRIBUTE:
        e->u.attribute.ctx = ctx;
        break;
    case WF_SUBSCRIPT:
        e->u.subscript.ctx = ctx;
        break;
    case WF_STARRED:
        e->u.starred.ctx = ctx;
        set_ctx(e->u.starred.value, ctx);
        break;
    case WF_LIST:
    case WF_TUPLE:
        e->u.tuple.ctx = ctx;
        for (size_t i = 0; i < e->u.tuple.elts.n; i++)
            set_ctx(e->u.tuple.elts.items[i], ctx);
        break;
    default:
        break;
    }
}

/* Check e as an assignment (or del) target and set its context; error if invalid. */
static bool make_target(parser *p, wf_expr *e, enum wf_ctx ctx)
{
    wf_expr *bad = invalid_target(e, ctx == WF_DEL);
    if (bad) {
        error_loc(p, WF_TOKERR_SYNTAX, bad->loc, bad->loc,
                  ctx == WF_DEL ? "cannot delete %s" : "cannot assign to %s", expr_name(bad));
        return false;
    }
    set_ctx(e, ctx);
    return true;
}

/* star_targets: targets at the level of primaries (so that `for x in y` stops at
 * `in`), a comma list making a Tuple. */
static wf_expr *star_target(parser *p)
{
    return at_op(p, WF_OP_STAR) ? starred(p, star_target) : primary(p);
}

static wf_expr *star_targets(parser *p)
{
    wf_expr *e = unbracketed_tuple(p, star_target);
    return e && make_target(p, e, WF_STORE) ? e : NULL;
}

/* ---- Comprehensions ----------------------------------------------------------------- */

static bool comprehension_clauses(parser *p, wf_comprehension_seq *out)
{
    vec gens = {0};
    while (at_kw(p, KW_FOR) || (at_kw(p, KW_ASYNC) && ahead(p, 1)->kw == KW_FOR)) {
        wf_comprehension *c = alloc(p, sizeof *c);
        if (!c)
            break;
        c->is_async = accept_kw(p, KW_ASYNC);
        advance(p); /* for */
        c->target = star_targets(p);
        if (!c->target)
            break;
        if (!accept_kw(p, KW_IN)) {
            invalid_syntax(p);
            break;
        }
        c->iter = disjunction(p);
        if (!c->iter)
            break;
        vec ifs = {0};
        while (accept_kw(p, KW_IF))
            if (!push(p, &ifs, disjunction(p)))
                break;
        if (p->failed || !FINISH(p, &ifs, c->ifs)) {
            drop(&ifs);
            break;
        }
        if (!push(p, &gens, c))
            break;
    }
    if (p->failed) {
        drop(&gens);
        return false;
    }
    return FINISH(p, &gens, *out);
}

/* ---- Parameters --------------------------------------------------------------------- */

/* A parameter NAME [':' annotation]; with `star`, the annotation of *args may be starred
 * (PEP 646: *args: *Ts). */
static wf_arg *parameter(parser *p, bool annotations, bool star)
{
    if (!at_name(p))
        return invalid_syntax(p);
    ptok *name = cur(p);
    wf_arg *a = alloc(p, sizeof *a);
    if (!a)
        return NULL;
    a->name = tok_text(p, name);
    advance(p);
    if (annotations && accept_op(p, WF_OP_COLON) &&
        !(a->annotation = star ? star_expression(p) : expression(p)))
        return NULL;
    a->loc = since(p, tok_loc(name, name));
    return a;
}

static bool param_default(parser *p, bool *seen_default, vec *defaults, wf_arg *a)
{
    if (accept_op(p, WF_OP_EQUAL)) {
        *seen_default = true;
        return push(p, defaults, expression(p));
    }
    if (*seen_default) {
        error_loc(p, WF_TOKERR_SYNTAX, a->loc, a->loc,
                  "non-default argument follows default argument");
        return false;
    }
    return true;
}

/* Parameters up to `close` (')' for def, ':' for lambda), not consuming it. */
static wf_arguments *parameters(parser *p, enum wf_op close, bool annotations)
{
    wf_arguments *args = alloc(p, sizeof *args);
    vec pos = {0}, posonly = {0}, defaults = {0}, kwonly = {0}, kwdefaults = {0};
    bool seen_default = false, seen_star = false, seen_slash = false, ok = args != NULL;
    while (ok && !at_op(p, close)) {
        ptok *t = cur(p);
        if (args->kwarg) {
            ok = fail(SYNTAX_ERROR_AT(p, t, "arguments cannot follow var-keyword argument"));
        } else if (accept_op(p, WF_OP_SLASH)) {
            if (seen_slash)
                ok = fail(SYNTAX_ERROR_AT(p, t, "/ may appear only once"));
            else if (seen_star)
                ok = fail(SYNTAX_ERROR_AT(p, t, "/ must be ahead of *"));
            else if (pos.n == 0)
                ok = fail(SYNTAX_ERROR_AT(p, t, "at least one argument must precede /"));
            else {
                seen_slash = true;
                posonly = pos;
                pos = (vec){0};
            }
        } else if (accept_op(p, WF_OP_DOUBLESTAR)) {
            ok = (args->kwarg = parameter(p, annotations, false)) != NULL;
        } else if (accept_op(p, WF_OP_STAR)) {
            if (seen_star) {
                ok = fail(SYNTAX_ERROR_AT(p, t, "* argument may appear only once"));
            } else if (at_op(p, WF_OP_COMMA) || at_op(p, close)) {
                seen_star = true; /* bare '*': keyword-only parameters must follow */
                if (at_op(p, close) || is_op(ahead(p, 1), WF_OP_DOUBLESTAR))
                    ok = fail(SYNTAX_ERROR_AT(p, t, "named arguments must follow bare *"));
            } else {
                seen_star = true;
                ok = (args->vararg = parameter(p, annotations, true)) != NULL;
            }
        } else {
            wf_arg *a = parameter(p, annotations, false);
            if (!a) {
                ok = false;
            } else if (seen_star) {
                wf_expr *d = NULL;
                if (accept_op(p, WF_OP_EQUAL) && !(d = expression(p)))
                    ok = false;
                ok = ok && push(p, &kwonly, a) && push_maybe_null(p, &kwdefaults, d);
            } else {
                ok = push(p, &pos, a) && param_default(p, &seen_default, &defaults, a);
            }
        }
        if (ok && !accept_op(p, WF_OP_COMMA))
            break;
    }
    if (ok && !at_op(p, close))
        ok = fail(invalid_syntax(p));
    if (ok && FINISH(p, &posonly, args->posonlyargs) && FINISH(p, &pos, args->args) &&
        FINISH(p, &defaults, args->defaults) && FINISH(p, &kwonly, args->kwonlyargs) &&
        FINISH(p, &kwdefaults, args->kw_defaults))
        return args;
    drop(&pos);
    drop(&posonly);
    drop(&defaults);
    drop(&kwonly);
    drop(&kwdefaults);
    return NULL;
}

static wf_expr *lambdef(parser *p)
{
    ptok *kw = cur(p);
    advance(p);
    if (!enter(p))
        return NULL;
    wf_arguments *args = parameters(p, WF_OP_COLON, false);
    wf_expr *body = args && accept_op(p, WF_OP_COLON) ? expression(p) : NULL;
    leave(p);
    if (!body)
        return p->failed ? NULL : invalid_syntax(p);
    wf_expr *e = new_expr(p, WF_LAMBDA, span(tok_loc(kw, kw), eloc(body)));
    if (e) {
        e->u.lambda.args = args;
        e->u.lambda.body = body;
    }
    return e;
}

/* ---- Statements --------------------------------------------------------------------- */

static bool statements_until(parser *p, vec *out, enum wf_tok_kind end);
static bool simple_stmts(parser *p, vec *out);

static bool accept_kind(parser *p, enum wf_tok_kind kind)
{
    if (!at_kind(p, kind))
        return false;
    advance(p);
    return true;
}

/* `if x = 1:` and friends: CPython's suggestions for '=' where a condition belongs. */
static void *invalid_equal(parser *p, wf_expr *e)
{
    ptok *eq = cur(p);
    size_t mark = p->pos;
    advance(p);
    wf_expr *b = bitwise_or(p);
    bool clean_end = b && !at_op(p, WF_OP_EQUAL) && !at_op(p, WF_OP_COLONEQUAL);
    p->pos = mark;
    if (!clean_end)
        return SYNTAX_ERROR_AT(p, eq, "invalid syntax");
    if (e->kind == WF_NAME && !e->parenthesized)
        return error_loc(p, WF_TOKERR_SYNTAX, e->loc, b->loc,
                         "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    return error_loc(p, WF_TOKERR_SYNTAX, e->loc, e->loc,
                     "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                     expr_name(e));
}

/* A condition (if, elif, while) followed by ':'. */
static wf_expr *condition(parser *p)
{
    wf_expr *e = named_expression(p);
    if (e && at_op(p, WF_OP_EQUAL))
        return invalid_equal(p, e);
    return e;
}

static bool expect_colon(parser *p)
{
    if (accept_op(p, WF_OP_COLON))
        return true;
    SYNTAX_ERROR_AT(p, cur(p), "expected ':'");
    return false;
}

/* block: NEWLINE INDENT statements DEDENT | simple statements on the same line.
 * `what` and `line` name the statement for "expected an indented block after ...". */
static bool block(parser *p, wf_stmt_seq *out, const char *what, int line)
{
    vec body = {0};
    bool ok;
    if (!enter(p))
        return false;
    if (accept_kind(p, WF_TOK_NEWLINE)) {
        ok = at_kind(p, WF_TOK_INDENT);
        if (!ok && (at_kind(p, WF_TOK_ENDMARKER) || at_kind(p, WF_TOK_DEDENT))) {
            /* at the end: CPython points past the whitespace of the next line if there
             * is one, else just past the newline */
            ptok *nl = prev(p);
            const char *next = nl->t.start + 1;
            int lineno = nl->t.lineno, offset = nl->t.col + 1;
            if (next < p->tz.end) {
                lineno++;
                offset = 1;
                while (next < p->tz.end && (*next == ' ' || *next == '\t'))
                    next++, offset++;
            }
            record_at(p, WF_TOKERR_INDENTATION, lineno, offset,
                      "expected an indented block after %s on line %d", what, line);
        } else if (!ok)
            error_tokens(p, WF_TOKERR_INDENTATION, cur(p), cur(p),
                         "expected an indented block after %s on line %d", what, line);
        ok = ok && (advance(p), statements_until(p, &body, WF_TOK_DEDENT)) &&
             accept_kind(p, WF_TOK_DEDENT);
    } else {
        ok = simple_stmts(p, &body);
    }
    leave(p);
    if (ok && FINISH(p, &body, *out))
        return true;
    drop(&body);
    return false;
}

static wf_stmt *finish_stmt(parser *p, wf_stmt *s, wf_loc start)
{
    if (s)
        s->loc = since(p, start);
    return s;
}

/* The last element of an unparenthesized tuple, or e itself. */
static wf_expr *last_element(wf_expr *e)
{
    if (e->kind == WF_TUPLE && !e->parenthesized && e->u.tuple.elts.n)
        return e->u.tuple.elts.items[e->u.tuple.elts.n - 1];
    return e;
}

static bool excluded_from_here_hint(wf_expr *e)
{
    return e->kind == WF_LIST || e->kind == WF_TUPLE || e->kind == WF_GENERATOREXP ||
           (e->kind == WF_CONSTANT &&
            (e->u.constant.kind == WF_CONST_TRUE || e->u.constant.kind == WF_CONST_FALSE ||
             e->u.constant.kind == WF_CONST_NONE));
}

/* Check the targets of `t1 = t2 = ... = value` (CPython 3.11's messages). */
static bool assignment_targets(parser *p, vec *targets, wf_expr *value)
{
    for (size_t i = 0; i < targets->n; i++) {
        wf_expr *t = targets->items[i];
        if (t->kind == WF_YIELD || t->kind == WF_YIELDFROM) {
            error_loc(p, WF_TOKERR_SYNTAX, t->loc, t->loc,
                      "assignment to yield expression not possible");
            return false;
        }
    }
    wf_expr *last = last_element(targets->items[0]);
    if (targets->n == 1 && value->kind != WF_YIELD && value->kind != WF_YIELDFROM &&
        invalid_target(last, false) == last && !excluded_from_here_hint(last)) {
        error_loc(p, WF_TOKERR_SYNTAX, last->loc, last->loc,
                  "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                  expr_name(last));
        return false;
    }
    for (size_t i = 0; i < targets->n; i++)
        if (!make_target(p, targets->items[i], WF_STORE))
            return false;
    return true;
}

static bool augassign_op(parser *p, enum wf_binop *op)
{
    static const struct {
        enum wf_op tok;
        enum wf_binop op;
    } ops[] = {{WF_OP_PLUSEQUAL, WF_ADD},
               {WF_OP_MINEQUAL, WF_SUB},
               {WF_OP_STAREQUAL, WF_MULT},
               {WF_OP_ATEQUAL, WF_MATMULT},
               {WF_OP_SLASHEQUAL, WF_DIV},
               {WF_OP_PERCENTEQUAL, WF_MOD},
               {WF_OP_AMPEREQUAL, WF_BITAND},
               {WF_OP_VBAREQUAL, WF_BITOR},
               {WF_OP_CIRCUMFLEXEQUAL, WF_BITXOR},
               {WF_OP_LEFTSHIFTEQUAL, WF_LSHIFT},
               {WF_OP_RIGHTSHIFTEQUAL, WF_RSHIFT},
               {WF_OP_DOUBLESTAREQUAL, WF_POW},
               {WF_OP_DOUBLESLASHEQUAL, WF_FLOORDIV}};
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        if (accept_op(p, ops[i].tok)) {
            *op = ops[i].op;
            return true;
        }
    }
    return false;
}

static wf_expr *rhs(parser *p)
{
    return at_kw(p, KW_YIELD) ? yield_expr(p) : star_expressions(p);
}

/* x: T [= v] after the target has been parsed. */
static wf_stmt *annotated_assignment(parser *p, wf_expr *target, wf_loc start)
{
    if ((target->kind == WF_TUPLE || target->kind == WF_LIST)) {
        wf_expr *at = target->parenthesized || target->kind == WF_LIST
                          ? target
                          : target->u.tuple.elts.items[0];
        return error_loc(p, WF_TOKERR_SYNTAX, at->loc, at->loc,
                         "only single target (not %s) can be annotated",
                         target->kind == WF_LIST ? "list" : "tuple");
    }
    if (target->kind != WF_NAME && target->kind != WF_ATTRIBUTE && target->kind != WF_SUBSCRIPT)
        return error_loc(p, WF_TOKERR_SYNTAX, target->loc, target->loc,
                         "illegal target for annotation");
    advance(p); /* ':' */
    wf_stmt *s = new_stmt(p, WF_ANNASSIGN, start);
    if (!s || !(s->u.annassign.annotation = expression(p)))
        return NULL;
    if (accept_op(p, WF_OP_EQUAL) && !(s->u.annassign.value = rhs(p)))
        return NULL;
    set_ctx(target, WF_STORE);
    s->u.annassign.target = target;
    s->u.annassign.simple = target->kind == WF_NAME && !target->parenthesized;
    return finish_stmt(p, s, start);
}

/* An expression statement, or an assignment of any kind. */
static wf_stmt *expression_statement(parser *p)
{
    wf_loc start = here(p);
    wf_expr *e = rhs(p);
    if (!e)
        return NULL;
    if (at_op(p, WF_OP_COLON))
        return annotated_assignment(p, e, start);
    if (at_op(p, WF_OP_COLONEQUAL) && e->kind != WF_NAME)
        return error_loc(p, WF_TOKERR_SYNTAX, e->loc, e->loc,
                         "cannot use assignment expressions with %s", expr_name(e));
    if (at_op(p, WF_OP_EQUAL)) {
        vec targets = {0};
        wf_expr *value = e;
        while (value && accept_op(p, WF_OP_EQUAL)) {
            push(p, &targets, value);
            value = rhs(p);
        }
        wf_stmt *s =
            value && assignment_targets(p, &targets, value) ? new_stmt(p, WF_ASSIGN, start) : NULL;
        if (!s || !FINISH(p, &targets, s->u.assign.targets)) {
            drop(&targets);
            return NULL;
        }
        s->u.assign.value = value;
        return finish_stmt(p, s, start);
    }
    enum wf_binop op;
    ptok *optok = cur(p);
    if (augassign_op(p, &op)) {
        if (e->kind != WF_NAME && e->kind != WF_ATTRIBUTE && e->kind != WF_SUBSCRIPT)
            return error_loc(p, WF_TOKERR_SYNTAX, e->loc, e->loc,
                             "'%s' is an illegal expression for augmented assignment",
                             expr_name(e));
        (void)optok;
        wf_stmt *s = new_stmt(p, WF_AUGASSIGN, start);
        if (!s || !(s->u.augassign.value = rhs(p)))
            return NULL;
        set_ctx(e, WF_STORE);
        s->u.augassign.target = e;
        s->u.augassign.op = op;
        return finish_stmt(p, s, start);
    }
    if (e->kind == WF_NAME && !e->parenthesized && starts_expression(p) &&
        (strcmp(e->u.name.id, "print") == 0 || strcmp(e->u.name.id, "exec") == 0)) {
        wf_expr *arg = star_expressions(p);
        if (arg)
            return error_loc(p, WF_TOKERR_SYNTAX, e->loc, arg->loc,
                             "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                             e->u.name.id, e->u.name.id);
        return NULL;
    }
    wf_stmt *s = new_stmt(p, WF_EXPR, start);
    if (s)
        s->u.expr.value = e;
    return finish_stmt(p, s, start);
}

static wf_alias *new_alias(parser *p, const char *name, const char *asname, wf_loc loc)
{
    wf_alias *a = alloc(p, sizeof *a);
    if (a) {
        a->name = name;
        a->asname = asname;
        a->loc = loc;
    }
    return a;
}

/* NAME ('.' NAME)*, as one string. */
static const char *dotted_name(parser *p)
{
    if (!at_name(p))
        return invalid_syntax(p);
    const char *first = cur(p)->t.start, *last_end;
    do {
        if (!at_name(p))
            return invalid_syntax(p);
        last_end = cur(p)->t.start + cur(p)->t.len;
        advance(p);
    } while (accept_op(p, WF_OP_DOT));
    /* the source may have spaces around the dots: rebuild without them */
    char *s = alloc(p, (size_t)(last_end - first) + 1);
    size_t n = 0;
    for (const char *c = first; s && c < last_end; c++)
        if (*c != ' ' && *c != '\t' && *c != '\\' && *c != '\n')
            s[n++] = *c;
    return s;
}

static wf_alias *import_alias(parser *p, bool dotted)
{
    wf_loc start = here(p);
    const char *name = dotted ? dotted_name(p) : at_name(p) ? tok_text(p, cur(p)) : NULL;
    if (!name)
        return p->failed ? NULL : invalid_syntax(p);
    if (!dotted)
        advance(p);
    const char *asname = NULL;
    if (accept_kw(p, KW_AS)) {
        if (!at_name(p))
            return invalid_syntax(p);
        asname = tok_text(p, cur(p));
        advance(p);
    }
    return new_alias(p, name, asname, since(p, start));
}

static wf_stmt *import_stmt(parser *p, wf_loc start)
{
    advance(p); /* import */
    vec names = {0};
    do {
        if (!push(p, &names, import_alias(p, true))) {
            drop(&names);
            return NULL;
        }
    } while (accept_op(p, WF_OP_COMMA));
    wf_stmt *s = new_stmt(p, WF_IMPORT, start);
    if (!s || !FINISH(p, &names, s->u.import.names)) {
        drop(&names);
        return NULL;
    }
    return finish_stmt(p, s, start);
}

static wf_stmt *from_stmt(parser *p, wf_loc start)
{
    advance(p); /* from */
    int level = 0;
    for (;;) {
        if (accept_op(p, WF_OP_DOT))
            level++;
        else if (accept_op(p, WF_OP_ELLIPSIS))
            level += 3;
        else
            break;
    }
    const char *module = NULL;
    if (!at_kw(p, KW_IMPORT) || level == 0)
        if (!(module = dotted_name(p)))
            return NULL;
    if (!accept_kw(p, KW_IMPORT))
        return invalid_syntax(p);
    vec names = {0};
    bool ok = true;
    if (at_op(p, WF_OP_STAR)) {
        ok = push(p, &names, new_alias(p, "*", NULL, here(p)));
        advance(p);
    } else {
        bool parens = accept_op(p, WF_OP_LPAR);
        do {
            if (parens && at_op(p, WF_OP_RPAR) && names.n)
                break;
            if (!parens && names.n && at_kind(p, WF_TOK_NEWLINE)) {
                ok = fail(SYNTAX_ERROR_AT(
                    p, cur(p), "trailing comma not allowed without surrounding parentheses"));
                break;
            }
            ok = push(p, &names, import_alias(p, false));
        } while (ok && accept_op(p, WF_OP_COMMA));
        if (ok && parens)
            ok = expect_op(p, WF_OP_RPAR, NULL);
    }
    wf_stmt *s = ok ? new_stmt(p, WF_IMPORTFROM, start) : NULL;
    if (!s || !FINISH(p, &names, s->u.importfrom.names)) {
        drop(&names);
        return NULL;
    }
    s->u.importfrom.module = module;
    s->u.importfrom.level = level;
    return finish_stmt(p, s, start);
}

static wf_stmt *names_stmt(parser *p, enum wf_stmt_kind kind, wf_loc start)
{
    advance(p); /* global / nonlocal */
    vec names = {0};
    do {
        if (!at_name(p)) {
            drop(&names);
            return invalid_syntax(p);
        }
        push(p, &names, (void *)tok_text(p, cur(p)));
        advance(p);
    } while (accept_op(p, WF_OP_COMMA));
    wf_stmt *s = new_stmt(p, kind, start);
    if (!s || !FINISH(p, &names, s->u.global.names)) {
        drop(&names);
        return NULL;
    }
    return finish_stmt(p, s, start);
}

static wf_stmt *del_stmt(parser *p, wf_loc start)
{
    advance(p); /* del */
    vec targets = {0};
    do {
        if (at_kind(p, WF_TOK_NEWLINE) || at_op(p, WF_OP_SEMI))
            break;
        wf_expr *t = star_target(p);
        if (!t || !make_target(p, t, WF_DEL) || !push(p, &targets, t)) {
            drop(&targets);
            return NULL;
        }
    } while (accept_op(p, WF_OP_COMMA));
    if (!targets.n || (!at_kind(p, WF_TOK_NEWLINE) && !at_op(p, WF_OP_SEMI))) {
        drop(&targets);
        return invalid_syntax(p);
    }
    wf_stmt *s = new_stmt(p, WF_DELETE, start);
    if (!s || !FINISH(p, &targets, s->u.delete_.targets)) {
        drop(&targets);
        return NULL;
    }
    return finish_stmt(p, s, start);
}

/* One simple statement (without its terminator). */
static wf_stmt *simple_stmt(parser *p)
{
    ptok *t = cur(p);
    wf_loc start = here(p);
    wf_stmt *s;
    switch (t->kw) {
    case KW_PASS:
    case KW_BREAK:
    case KW_CONTINUE:
        advance(p);
        return new_stmt(p,
                        t->kw == KW_PASS    ? WF_PASS
                        : t->kw == KW_BREAK ? WF_BREAK
                                            : WF_CONTINUE,
                        start);
    case KW_RETURN:
        advance(p);
        s = new_stmt(p, WF_RETURN, start);
        if (s && (starts_expression(p) || at_op(p, WF_OP_STAR)) &&
            !(s->u.return_.value = star_expressions(p)))
            return NULL;
        return finish_stmt(p, s, start);
    case KW_RAISE:
        advance(p);
        s = new_stmt(p, WF_RAISE, start);
        if (s && starts_expression(p)) {
            if (!(s->u.raise.exc = expression(p)))
                return NULL;
            if (accept_kw(p, KW_FROM) && !(s->u.raise.cause = expression(p)))
                return NULL;
        }
        return finish_stmt(p, s, start);
    case KW_GLOBAL:
        return names_stmt(p, WF_GLOBAL, start);
    case KW_NONLOCAL:
        return names_stmt(p, WF_NONLOCAL, start);
    case KW_DEL:
        return del_stmt(p, start);
    case KW_ASSERT:
        advance(p);
        s = new_stmt(p, WF_ASSERT, start);
        if (!s || !(s->u.assert_.test = expression(p)))
            return NULL;
        if (accept_op(p, WF_OP_COMMA) && !(s->u.assert_.msg = expression(p)))
            return NULL;
        return finish_stmt(p, s, start);
    case KW_IMPORT:
        return import_stmt(p, start);
    case KW_FROM:
        return from_stmt(p, start);
    default:
        return expression_statement(p);
    }
}

/* simple_stmt (';' simple_stmt)* [';'] NEWLINE, each statement pushed onto out. */
static bool simple_stmts(parser *p, vec *out)
{
    do {
        if (!push(p, out, simple_stmt(p)))
            return false;
    } while (accept_op(p, WF_OP_SEMI) && !at_kind(p, WF_TOK_NEWLINE));
    if (accept_kind(p, WF_TOK_NEWLINE))
        return true;
    invalid_syntax(p);
    return false;
}

static bool statement(parser *p, vec *out);

/* 'else' ':' block, if present. */
static bool else_block(parser *p, wf_stmt_seq *out)
{
    ptok *t = cur(p);
    if (!accept_kw(p, KW_ELSE))
        return true;
    return expect_colon(p) && block(p, out, "'else' statement", t->t.lineno);
}

/* if/elif: the elif chain nests in orelse, each If starting at its keyword. */
static wf_stmt *if_stmt(parser *p, const char *what)
{
    ptok *kw = cur(p);
    wf_loc start = here(p);
    advance(p);
    wf_stmt *s = new_stmt(p, WF_IF, start);
    if (!s || !(s->u.if_.test = condition(p)) || !expect_colon(p) ||
        !block(p, &s->u.if_.body, what, kw->t.lineno))
        return NULL;
    if (at_kw(p, KW_ELIF)) {
        wf_stmt *elif = if_stmt(p, "'elif' statement");
        if (!elif)
            return NULL;
        s->u.if_.orelse.n = 1;
        s->u.if_.orelse.items = alloc(p, sizeof(wf_stmt *));
        if (!s->u.if_.orelse.items)
            return NULL;
        s->u.if_.orelse.items[0] = elif;
    } else if (!else_block(p, &s->u.if_.orelse)) {
        return NULL;
    }
    return finish_stmt(p, s, start);
}

static wf_stmt *while_stmt(parser *p)
{
    ptok *kw = cur(p);
    wf_loc start = here(p);
    advance(p);
    wf_stmt *s = new_stmt(p, WF_WHILE, start);
    if (!s || !(s->u.while_.test = condition(p)) || !expect_colon(p) ||
        !block(p, &s->u.while_.body, "'while' statement", kw->t.lineno) ||
        !else_block(p, &s->u.while_.orelse))
        return NULL;
    return finish_stmt(p, s, start);
}

static wf_stmt *for_stmt(parser *p, wf_loc start, bool is_async)
{
    ptok *kw = cur(p);
    advance(p);
    wf_stmt *s = new_stmt(p, is_async ? WF_ASYNCFOR : WF_FOR, start);
    if (!s || !(s->u.for_.target = star_targets(p)))
        return NULL;
    if (!accept_kw(p, KW_IN))
        return invalid_syntax(p);
    if (!(s->u.for_.iter = star_expressions(p)) || !expect_colon(p) ||
        !block(p, &s->u.for_.body, "'for' statement", kw->t.lineno) ||
        !else_block(p, &s->u.for_.orelse))
        return NULL;
    return finish_stmt(p, s, start);
}

static wf_withitem *with_item(parser *p)
{
    wf_withitem *w = alloc(p, sizeof *w);
    if (!w || !(w->context_expr = expression(p)))
        return NULL;
    if (accept_kw(p, KW_AS)) {
        w->optional_vars = star_target(p);
        if (!w->optional_vars || !make_target(p, w->optional_vars, WF_STORE))
            return NULL;
        if (!at_op(p, WF_OP_COMMA) && !at_op(p, WF_OP_RPAR) && !at_op(p, WF_OP_COLON))
            return invalid_syntax(p);
    }
    return w;
}

/* with_items, trying the parenthesized form `with (a as b, c):` first. */
static bool with_items(parser *p, vec *items)
{
    if (at_op(p, WF_OP_LPAR)) {
        size_t mark = p->pos;
        bool failed = p->failed;
        advance(p);
        bool ok = true;
        while (ok && !at_op(p, WF_OP_RPAR)) {
            ok = push(p, items, with_item(p));
            if (ok && !accept_op(p, WF_OP_COMMA))
                break;
        }
        if (ok && items->n && accept_op(p, WF_OP_RPAR) && at_op(p, WF_OP_COLON))
            return true;
        /* not that form: back up and read `(...)` as an expression */
        if (p->tok_failed)
            return false;
        p->pos = mark;
        p->failed = failed;
        drop(items);
    }
    do {
        if (!push(p, items, with_item(p)))
            return false;
    } while (accept_op(p, WF_OP_COMMA));
    return true;
}

static wf_stmt *with_stmt(parser *p, wf_loc start, bool is_async)
{
    ptok *kw = cur(p);
    advance(p);
    vec items = {0};
    wf_stmt *s =
        with_items(p, &items) ? new_stmt(p, is_async ? WF_ASYNCWITH : WF_WITH, start) : NULL;
    if (!s || !FINISH(p, &items, s->u.with.items) || !expect_colon(p) ||
        !block(p, &s->u.with.body, "'with' statement", kw->t.lineno)) {
        drop(&items);
        return NULL;
    }
    return finish_stmt(p, s, start);
}

static wf_excepthandler *except_clause(parser *p)
{
    ptok *kw = cur(p);
    wf_loc start = here(p);
    advance(p);
    wf_excepthandler *h = alloc(p, sizeof *h);
    if (!h)
        return NULL;
    if (at_op(p, WF_OP_STAR))
        return SYNTAX_ERROR_AT(p, cur(p), "except* is not supported by weft yet");
    if (!at_op(p, WF_OP_COLON)) {
        if (!(h->type = expression(p)))
            return NULL;
        if (at_op(p, WF_OP_COMMA)) {
            size_t mark = p->pos;
            advance(p);
            wf_expr *more = expression(p);
            p->pos = mark;
            if (more && (at_op(p, WF_OP_COMMA) || at_op(p, WF_OP_COLON) || true))
                return error_loc(p, WF_TOKERR_SYNTAX, h->type->loc, more->loc,
                                 "multiple exception types must be parenthesized");
            return NULL;
        }
        if (accept_kw(p, KW_AS)) {
            if (!at_name(p))
                return invalid_syntax(p);
            h->name = tok_text(p, cur(p));
            advance(p);
        }
    }
    if (!expect_colon(p) || !block(p, &h->body, "'except' statement", kw->t.lineno))
        return NULL;
    h->loc = since(p, start);
    return h;
}

static wf_stmt *try_stmt(parser *p)
{
    ptok *kw = cur(p);
    wf_loc start = here(p);
    advance(p);
    wf_stmt *s = new_stmt(p, WF_TRY, start);
    if (!s || !expect_colon(p) || !block(p, &s->u.try_.body, "'try' statement", kw->t.lineno))
        return NULL;
    vec handlers = {0};
    while (at_kw(p, KW_EXCEPT))
        if (!push(p, &handlers, except_clause(p))) {
            drop(&handlers);
            return NULL;
        }
    if (!FINISH(p, &handlers, s->u.try_.handlers))
        return NULL;
    if (s->u.try_.handlers.n && !else_block(p, &s->u.try_.orelse))
        return NULL;
    ptok *fin = cur(p);
    if (accept_kw(p, KW_FINALLY)) {
        if (!expect_colon(p) ||
            !block(p, &s->u.try_.finalbody, "'finally' statement", fin->t.lineno))
            return NULL;
    } else if (!s->u.try_.handlers.n) {
        return SYNTAX_ERROR_AT(p, cur(p), "expected 'except' or 'finally' block");
    }
    return finish_stmt(p, s, start);
}

static wf_stmt *funcdef(parser *p, wf_loc start, bool is_async, vec *decorators)
{
    ptok *kw = cur(p);
    advance(p); /* def */
    if (!at_name(p))
        return invalid_syntax(p);
    wf_stmt *s = new_stmt(p, is_async ? WF_ASYNCFUNCTIONDEF : WF_FUNCTIONDEF, start);
    if (!s)
        return NULL;
    s->u.funcdef.name = tok_text(p, cur(p));
    advance(p);
    if (!at_op(p, WF_OP_LPAR))
        return SYNTAX_ERROR_AT(p, cur(p), "expected '('");
    advance(p);
    if (!(s->u.funcdef.args = parameters(p, WF_OP_RPAR, true)) || !accept_op(p, WF_OP_RPAR))
        return NULL;
    if (accept_op(p, WF_OP_RARROW) && !(s->u.funcdef.returns = expression(p)))
        return NULL;
    if (!expect_colon(p) || !block(p, &s->u.funcdef.body, "function definition", kw->t.lineno) ||
        !FINISH(p, decorators, s->u.funcdef.decorators))
        return NULL;
    return finish_stmt(p, s, start);
}

static wf_stmt *classdef(parser *p, vec *decorators)
{
    ptok *kw = cur(p);
    wf_loc start = here(p);
    advance(p); /* class */
    if (!at_name(p))
        return invalid_syntax(p);
    wf_stmt *s = new_stmt(p, WF_CLASSDEF, start);
    if (!s)
        return NULL;
    s->u.classdef.name = tok_text(p, cur(p));
    advance(p);
    ptok *open = cur(p);
    if (accept_op(p, WF_OP_LPAR)) {
        if (!call_arguments(p, open, false, &s->u.classdef.bases, &s->u.classdef.keywords))
            return NULL;
    }
    if (!expect_colon(p) || !block(p, &s->u.classdef.body, "class definition", kw->t.lineno) ||
        !FINISH(p, decorators, s->u.classdef.decorators))
        return NULL;
    return finish_stmt(p, s, start);
}

/* Decorators, then the def or class they decorate. */
static wf_stmt *decorated(parser *p)
{
    vec decorators = {0};
    while (accept_op(p, WF_OP_AT)) {
        wf_expr *d = named_expression(p);
        if (!push(p, &decorators, d) || !accept_kind(p, WF_TOK_NEWLINE)) {
            drop(&decorators);
            return p->failed ? NULL : invalid_syntax(p);
        }
    }
    wf_loc start = here(p);
    wf_stmt *s = NULL;
    if (at_kw(p, KW_DEF))
        s = funcdef(p, start, false, &decorators);
    else if (at_kw(p, KW_ASYNC) && ahead(p, 1)->kw == KW_DEF)
        s = (advance(p), funcdef(p, start, true, &decorators));
    else if (at_kw(p, KW_CLASS))
        s = classdef(p, &decorators);
    else
        invalid_syntax(p);
    drop(&decorators);
    return s;
}

/* One statement: a compound statement, or a line of simple ones (pushed onto out). */
static bool statement(parser *p, vec *out)
{
    wf_loc start = here(p);
    vec none = {0};
    switch (cur(p)->kw) {
    case KW_IF:
        return push(p, out, if_stmt(p, "'if' statement"));
    case KW_WHILE:
        return push(p, out, while_stmt(p));
    case KW_FOR:
        return push(p, out, for_stmt(p, start, false));
    case KW_WITH:
        return push(p, out, with_stmt(p, start, false));
    case KW_TRY:
        return push(p, out, try_stmt(p));
    case KW_DEF:
        return push(p, out, funcdef(p, start, false, &none));
    case KW_CLASS:
        return push(p, out, classdef(p, &none));
    case KW_ASYNC: {
        enum kw next = ahead(p, 1)->kw;
        if (next == KW_DEF || next == KW_FOR || next == KW_WITH) {
            advance(p);
            return push(p, out,
                        next == KW_DEF   ? funcdef(p, start, true, &none)
                        : next == KW_FOR ? for_stmt(p, start, true)
                                         : with_stmt(p, start, true));
        }
        advance(p); /* `async` before anything else: the next token is wrong */
        invalid_syntax(p);
        return false;
    }
    default:
        break;
    }
    if (at_op(p, WF_OP_AT))
        return push(p, out, decorated(p));
    return simple_stmts(p, out);
}

static bool statements_until(parser *p, vec *out, enum wf_tok_kind end)
{
    while (!at_kind(p, end) && !p->failed) {
        if (at_kind(p, WF_TOK_INDENT) || at_kind(p, WF_TOK_DEDENT) ||
            at_kind(p, WF_TOK_ENDMARKER)) {
            invalid_syntax(p);
            return false;
        }
        if (!statement(p, out))
            return false;
    }
    return !p->failed;
}

/* ---- The module --------------------------------------------------------------------- */

/* err->text = the line of `text` ("(field)", its first line numbered first_lineno) the
 * error is on, with a newline, as CPython shows it. */
static void field_error_text(wf_syntax_error *err, const char *text, int first_lineno)
{
    const char *line = text;
    for (int l = first_lineno; l < err->lineno && strchr(line, '\n'); l++)
        line = strchr(line, '\n') + 1;
    size_t n = strcspn(line, "\n");
    if (n > sizeof err->text - 2)
        n = sizeof err->text - 2;
    memcpy(err->text, line, n);
    err->text[n] = '\n';
    err->text[n + 1] = '\0';
}

/* Parse a replacement field's expression of an f-string: Python 3.11 parses the text
 * as "(" + text + ")". Lines are the source's; columns are within that text. */
static wf_expr *fstring_expression_text(parser *p, const char *s, size_t n, ptok *at)
{
    char *text = malloc(n + 3);
    if (!text) {
        no_memory(p);
        return NULL;
    }
    text[0] = '(';
    memcpy(text + 1, s, n);
    text[n + 1] = ')';
    text[n + 2] = '\0';
    parser sub = {.err = p->err, .arena = p->arena, .depth = p->depth};
    wf_expr *e = NULL;
    if (!wf_tokenizer_init(&sub.tz, text, n + 2, p->tz.filename)) {
        no_memory(p);
    } else {
        /* the field's own line: the string's first line plus the newlines before it */
        for (const char *c = at->t.start; c < s; c++)
            sub.tz.lineno += *c == '\n';
        sub.tz.lineno += at->t.lineno - 1;
        sub.first_lineno = sub.tz.lineno;
        e = star_expressions(&sub);
        if (e && !at_kind(&sub, WF_TOK_NEWLINE) && !at_kind(&sub, WF_TOK_ENDMARKER))
            e = invalid_syntax(&sub);
        if (e)
            e->parenthesized = false;
        else if (!p->err->no_memory && !p->err->recursion &&
                 strncmp(p->err->msg, "f-string", 8) != 0) {
            /* as CPython 3.11: the message says where, the offset and the shown line
             * are within "(field)" */
            char msg[sizeof p->err->msg + 16];
            snprintf(msg, sizeof msg, "f-string: %s", p->err->msg);
            memcpy(p->err->msg, msg, sizeof p->err->msg - 1);
            p->err->msg[sizeof p->err->msg - 1] = '\0';
            field_error_text(p->err, text, sub.first_lineno);
        }
        p->failed |= !e;
    }
    wf_tokenizer_fini(&sub.tz);
    free_tokens(&sub);
    free(text);
    return e;
}

/* After a parser error, CPython tokenizes the rest of the input: an error its tokenizer
 * raises there replaces the parser's, and so does a bracket left open at the end when
 * it was opened on a line before the error's. */
static void check_rest_for_tokenizer_errors(parser *p)
{
    if (!p->failed || p->tok_failed || p->err->no_memory || p->err->recursion)
        return;
    int err_line = p->ntoks ? tok_at(p, p->ntoks - 1)->t.lineno : 1;
    wf_token t;
    int rc;
    while ((rc = wf_tokenizer_next(&p->tz, &t)) == 0 && t.kind != WF_TOK_ENDMARKER)
        ;
    if (rc == 0)
        return;
    const wf_tok_error *e = &p->tz.error;
    if (e->origin == WF_TOKERR_RAISED || (e->origin == WF_TOKERR_UNCLOSED && e->lineno < err_line))
        record_tokenizer_error(p);
}

wf_module *wf_parse_module(wf_arena *arena, const char *src, size_t len, const char *filename,
                           wf_syntax_error *err)
{
    memset(err, 0, sizeof *err);
    parser p = {.err = err, .arena = arena, .first_lineno = 1};
    wf_module *m = NULL;
    if (!wf_tokenizer_init(&p.tz, src, len, filename)) {
        record_tokenizer_error(&p);
    } else {
        vec body = {0};
        m = alloc(&p, sizeof *m);
        if (m && statements_until(&p, &body, WF_TOK_ENDMARKER))
            FINISH(&p, &body, m->body);
        drop(&body);
        check_rest_for_tokenizer_errors(&p);
    }
    wf_tokenizer_fini(&p.tz);
    free_tokens(&p);
    return p.failed ? NULL : m;
}
