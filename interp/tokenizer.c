/* The tokenizer (see tokenizer.h). Sections follow the data: set-up, character
 * helpers, errors, indentation, then one scanner per token class and the dispatcher.
 *
 * Columns: positions are kept as byte pointers and turned into code-point columns only
 * when a token or error is reported. */
#include "tokenizer.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp/source_encoding.h"
#include "runtime/unicode_db.h"
#include "runtime/utf8.h"

/* ---- Set-up ------------------------------------------------------------------------ */

static void set_error(wf_tokenizer *tz, enum wf_tok_error_type type, int lineno, int offset,
                      const char *fmt, ...) __attribute__((format(printf, 5, 6)));

bool wf_tokenizer_init(wf_tokenizer *tz, const char *src, size_t len, const char *filename)
{
    memset(tz, 0, sizeof *tz);
    tz->filename = filename;
    size_t n;
    tz->buf = wf_source_decode(src, len, filename, &n, &tz->error); /* UTF-8, "\n" only */
    if (!tz->buf)
        return false;
    tz->cur = tz->line_start = tz->buf;
    tz->end = tz->buf + n;
    tz->lineno = 1;
    tz->at_bol = true;
    return true;
}

void wf_tokenizer_fini(wf_tokenizer *tz)
{
    free(tz->buf);
    tz->buf = NULL;
}

/* ---- Character helpers -------------------------------------------------------------- */

static int peek(wf_tokenizer *tz, int ahead)
{
    return tz->cur + ahead < tz->end ? (unsigned char)tz->cur[ahead] : -1;
}

static int col_of(wf_tokenizer *tz, const char *p)
{
    return (int)wf_utf8_length(tz->line_start, p);
}

static void newline_seen(wf_tokenizer *tz, const char *after)
{
    tz->lineno++;
    tz->line_start = after;
}

static bool is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static bool is_ascii_ident_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/* The code point at p and its byte length (p < end, text is valid UTF-8). */
static uint32_t cp_at(wf_tokenizer *tz, const char *p, int *len)
{
    uint32_t cp = 0;
    *len = wf_utf8_decode(p, tz->end, &cp);
    return cp;
}

static bool ident_start_at(wf_tokenizer *tz, const char *p)
{
    int c = (unsigned char)*p, n;
    if (c < 0x80)
        return is_ascii_ident_start(c);
    return wf_unicode_is_ident_start(cp_at(tz, p, &n));
}

static bool ident_continue_at(wf_tokenizer *tz, const char *p)
{
    int c = (unsigned char)*p, n;
    if (c < 0x80)
        return is_ascii_ident_start(c) || is_digit(c);
    return wf_unicode_is_ident_continue(cp_at(tz, p, &n));
}

/* ---- Errors ------------------------------------------------------------------------- */

static void set_error(wf_tokenizer *tz, enum wf_tok_error_type type, int lineno, int offset,
                      const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tz->error.msg, sizeof tz->error.msg, fmt, ap);
    va_end(ap);
    tz->error.type = type;
    /* CPython flags indentation problems in its status; other errors it raises */
    tz->error.origin = type == WF_TOKERR_SYNTAX ? WF_TOKERR_RAISED : WF_TOKERR_STATUS;
    tz->error.lineno = lineno;
    tz->error.offset = offset;
}

/* A SyntaxError whose caret points at byte p of the current line. */
static int error_at(wf_tokenizer *tz, const char *p, const char *fmt, const char *arg)
{
    set_error(tz, WF_TOKERR_SYNTAX, tz->lineno, col_of(tz, p) + 1, fmt, arg);
    return -1;
}

/* ---- Token construction ------------------------------------------------------------- */

static int emit(wf_tokenizer *tz, wf_token *tok, enum wf_tok_kind kind, const char *start,
                int lineno, int col, const char *line_start)
{
    tok->line_start = line_start;
    tok->end_line_start = tz->line_start;
    tok->kind = kind;
    tok->op = 0;
    tok->start = start;
    tok->len = (size_t)(tz->cur - start);
    tok->lineno = lineno;
    tok->col = col;
    tok->end_lineno = tz->lineno;
    tok->end_col = col_of(tz, tz->cur);
    if (kind != WF_TOK_INDENT && kind != WF_TOK_DEDENT && kind != WF_TOK_ENDMARKER)
        tz->line_has_tok = kind != WF_TOK_NEWLINE;
    return 0;
}

/* ---- Indentation -------------------------------------------------------------------- */

/* CPython reports these two at the start of the line. */
static int tab_error(wf_tokenizer *tz)
{
    set_error(tz, WF_TOKERR_TAB, tz->lineno, 1,
              "inconsistent use of tabs and spaces in indentation");
    return -1;
}

/* Compare a new line's indentation with the stack; queue INDENT or DEDENTs. */
static int queue_indent(wf_tokenizer *tz, int col, int altcol)
{
    int top = tz->indent[tz->depth];
    if (col == top) {
        if (altcol != tz->altindent[tz->depth])
            return tab_error(tz);
    } else if (col > top) {
        if (tz->depth + 1 >= WF_TOK_MAX_INDENT) {
            set_error(tz, WF_TOKERR_INDENTATION, tz->lineno, 1, "too many levels of indentation");
            return -1;
        }
        if (altcol <= tz->altindent[tz->depth])
            return tab_error(tz);
        tz->depth++;
        tz->indent[tz->depth] = col;
        tz->altindent[tz->depth] = altcol;
        tz->pending = 1;
    } else {
        while (tz->depth > 0 && col < tz->indent[tz->depth]) {
            tz->depth--;
            tz->pending--;
        }
        if (col != tz->indent[tz->depth]) {
            /* CPython points past the end of the offending line */
            const char *eol = memchr(tz->cur, '\n', (size_t)(tz->end - tz->cur));
            set_error(tz, WF_TOKERR_INDENTATION, tz->lineno, col_of(tz, eol ? eol : tz->end) + 1,
                      "unindent does not match any outer indentation level");
            return -1;
        }
        if (altcol != tz->altindent[tz->depth])
            return tab_error(tz);
    }
    return 0;
}

/* At the start of a logical line: measure its indentation (tabs to multiples of 8 and,
 * for the consistency check, tabs as one column) and queue INDENT/DEDENT tokens.
 * Blank and comment-only lines are skipped whole. Returns -1 on an error. */
static int measure_indent(wf_tokenizer *tz)
{
    for (;;) {
        int col = 0, altcol = 0;
        const char *p = tz->cur;
        for (; p < tz->end; p++) {
            if (*p == ' ')
                col++, altcol++;
            else if (*p == '\t')
                col = (col / 8 + 1) * 8, altcol++;
            else if (*p == '\f')
                col = altcol = 0;
            else
                break;
        }
        tz->cur = p;
        if (p < tz->end && (*p == '#' || *p == '\n')) { /* blank or comment-only line */
            while (tz->cur < tz->end && *tz->cur != '\n')
                tz->cur++;
            if (tz->cur < tz->end) {
                tz->cur++;
                newline_seen(tz, tz->cur);
            }
            continue;
        }
        if (p == tz->end || (*p == '\\' && p + 1 < tz->end && p[1] == '\n'))
            return 0; /* end of input, or a continuation line: no indentation change */
        return queue_indent(tz, col, altcol);
    }
}

/* ---- Reading with one character of backup, as the number and string scanners of
 * CPython's tokenizer do; error offsets below follow its conventions. -------------- */

static int nextc(wf_tokenizer *tz)
{
    if (tz->cur >= tz->end)
        return -1;
    return (unsigned char)*tz->cur++;
}

static void backup(wf_tokenizer *tz, int c)
{
    if (c != -1)
        tz->cur--;
}

/* A SyntaxError pointing just before tz->cur (CPython's syntaxerror()). */
static int error_cur(wf_tokenizer *tz, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int error_cur(wf_tokenizer *tz, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tz->error.msg, sizeof tz->error.msg, fmt, ap);
    va_end(ap);
    tz->error.type = WF_TOKERR_SYNTAX;
    tz->error.lineno = tz->lineno;
    tz->error.offset = col_of(tz, tz->cur);
    return -1;
}

static bool is_potential_ident_char(int c)
{
    return is_ascii_ident_start(c) || is_digit(c) || c >= 128;
}

static bool lookahead(wf_tokenizer *tz, const char *rest)
{
    size_t n = strlen(rest);
    return (size_t)(tz->end - tz->cur) >= n && memcmp(tz->cur, rest, n) == 0;
}

/* ---- Numbers ------------------------------------------------------------------------ */

/* c was just read after a number. A letter straight after a number is an error, except
 * before the keywords that may follow a number in valid code ("1if x else y"), which
 * CPython only warns about. */
static int verify_end_of_number(wf_tokenizer *tz, int c, const char *kind)
{
    bool keyword = (c == 'a' && lookahead(tz, "nd")) || (c == 'e' && lookahead(tz, "lse")) ||
                   (c == 'f' && lookahead(tz, "or")) || (c == 'o' && lookahead(tz, "r")) ||
                   (c == 'n' && lookahead(tz, "ot")) ||
                   (c == 'i' && (peek(tz, 0) == 'f' || peek(tz, 0) == 'n' || peek(tz, 0) == 's'));
    /* only ASCII: a non-ASCII character after a number starts a name (or an error) */
    if (!keyword && c != -1 && c < 128 && is_potential_ident_char(c)) {
        backup(tz, c);
        return error_cur(tz, "invalid %s literal", kind);
    }
    return 0;
}

/* Digits with single underscores between them; returns the character after them, or
 * -2 after an error. */
static int decimal_tail(wf_tokenizer *tz)
{
    for (;;) {
        int c;
        do {
            c = nextc(tz);
        } while (is_digit(c));
        if (c != '_')
            return c;
        c = nextc(tz);
        if (!is_digit(c)) {
            backup(tz, c);
            error_cur(tz, "invalid decimal literal");
            return -2;
        }
    }
}

static bool is_digit_in(int c, int base)
{
    if (base == 16)
        return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    return c >= '0' && c < '0' + base;
}

/* After "0x", "0o" or "0b": digits of the base with underscores between them. */
static int radix_tail(wf_tokenizer *tz, int base, const char *kind)
{
    int c = nextc(tz);
    do {
        if (c == '_')
            c = nextc(tz);
        if (!is_digit_in(c, base)) {
            if (base != 16 && is_digit(c))
                return error_cur(tz, "invalid digit '%c' in %s literal", c, kind);
            backup(tz, c);
            return error_cur(tz, "invalid %s literal", kind);
        }
        do {
            c = nextc(tz);
        } while (is_digit_in(c, base));
    } while (c == '_');
    if (base != 16 && is_digit(c))
        return error_cur(tz, "invalid digit '%c' in %s literal", c, kind);
    if (verify_end_of_number(tz, c, kind) < 0)
        return -1;
    backup(tz, c);
    return 0;
}

/* The fraction, exponent and imaginary suffix of a decimal number; c is the character
 * after its integer part (or after the '.' when `fraction`). */
static int float_tail(wf_tokenizer *tz, int c, bool fraction)
{
    if (fraction || c == '.') {
        if (!fraction)
            c = nextc(tz);
        if (is_digit(c) && (c = decimal_tail(tz)) == -2)
            return -1;
    }
    if (c == 'e' || c == 'E') {
        int e = c;
        c = nextc(tz);
        if (c == '+' || c == '-') {
            c = nextc(tz);
            if (!is_digit(c)) {
                backup(tz, c);
                return error_cur(tz, "invalid decimal literal");
            }
        } else if (!is_digit(c)) {
            backup(tz, c);
            if (verify_end_of_number(tz, e, "decimal") < 0)
                return -1;
            backup(tz, e);
            return 0;
        }
        if ((c = decimal_tail(tz)) == -2)
            return -1;
    }
    if (c == 'j' || c == 'J') {
        c = nextc(tz);
        if (verify_end_of_number(tz, c, "imaginary") < 0)
            return -1;
    } else if (verify_end_of_number(tz, c, "decimal") < 0) {
        return -1;
    }
    backup(tz, c);
    return 0;
}

/* A number starting at tz->cur (a digit, or '.' before a digit). */
static int scan_number(wf_tokenizer *tz)
{
    const char *start = tz->cur;
    int c = nextc(tz);
    if (c == '.')
        return float_tail(tz, nextc(tz), true);
    if (c != '0') {
        if ((c = decimal_tail(tz)) == -2)
            return -1;
        return float_tail(tz, c, false);
    }
    c = nextc(tz);
    if (c == 'x' || c == 'X')
        return radix_tail(tz, 16, "hexadecimal");
    if (c == 'o' || c == 'O')
        return radix_tail(tz, 8, "octal");
    if (c == 'b' || c == 'B')
        return radix_tail(tz, 2, "binary");
    /* zeros: a plain 0, or the start of a float; "0777" is an old octal */
    for (;;) {
        if (c == '_') {
            c = nextc(tz);
            if (!is_digit(c)) {
                backup(tz, c);
                return error_cur(tz, "invalid decimal literal");
            }
        }
        if (c != '0')
            break;
        c = nextc(tz);
    }
    bool nonzero = false;
    if (is_digit(c)) {
        nonzero = true;
        if ((c = decimal_tail(tz)) == -2)
            return -1;
    }
    if (c == '.' || c == 'e' || c == 'E' || c == 'j' || c == 'J')
        return float_tail(tz, c, false);
    if (nonzero) {
        backup(tz, c);
        set_error(tz, WF_TOKERR_SYNTAX, tz->lineno, col_of(tz, start) + 1,
                  "leading zeros in decimal integer literals are not permitted; use an 0o "
                  "prefix for octal integers");
        return -1;
    }
    if (verify_end_of_number(tz, c, "decimal") < 0)
        return -1;
    backup(tz, c);
    return 0;
}

/* ---- Strings ------------------------------------------------------------------------ */

/* The string whose prefix starts at `start`; tz->cur is at its opening quote. */
static int scan_string(wf_tokenizer *tz, const char *start)
{
    int first_line = tz->lineno;
    const char *first_line_start = tz->line_start;
    int quote = nextc(tz), quote_size = 1, end_quote_size = 0;
    int c = nextc(tz);
    if (c == quote) {
        c = nextc(tz);
        if (c == quote)
            quote_size = 3;
        else
            end_quote_size = 1; /* the empty string */
    }
    if (c != quote)
        backup(tz, c);
    while (end_quote_size != quote_size) {
        c = nextc(tz);
        if (c == -1 || (quote_size == 1 && c == '\n')) {
            /* at the very end, a final '\n' does not start a new line */
            int detected = c == -1 && tz->line_start == tz->end && tz->lineno > first_line
                               ? tz->lineno - 1
                               : tz->lineno;
            tz->lineno = first_line;
            tz->line_start = first_line_start;
            set_error(tz, WF_TOKERR_SYNTAX, first_line, col_of(tz, start) + 1,
                      quote_size == 3 ? "unterminated triple-quoted string literal (detected "
                                        "at line %d)"
                                      : "unterminated string literal (detected at line %d)",
                      detected);
            return -1;
        }
        if (c == '\n') {
            newline_seen(tz, tz->cur);
        }
        if (c == quote) {
            end_quote_size++;
        } else {
            end_quote_size = 0;
            if (c == '\\' && (c = nextc(tz)) == '\n')
                newline_seen(tz, tz->cur);
        }
    }
    return 0;
}

/* ---- Names -------------------------------------------------------------------------- */

/* Check a non-ASCII identifier code point by code point (CPython's verify_identifier). */
static int verify_identifier(wf_tokenizer *tz, const char *start)
{
    for (const char *p = start; p < tz->cur;) {
        int n;
        uint32_t cp = cp_at(tz, p, &n);
        bool ok = p == start ? ident_start_at(tz, p) : ident_continue_at(tz, p);
        p += n;
        if (!ok) {
            tz->cur = p;
            if (wf_unicode_is_printable(cp))
                return error_cur(tz, "invalid character '%.*s' (U+%04X)", n, p - n, cp);
            return error_cur(tz, "invalid non-printable character U+%04X", cp);
        }
    }
    return 0;
}

/* A name, or a string with a prefix (b, r, u, f and their legal combinations).
 * Returns WF_TOK_NAME or WF_TOK_STRING, or -1. */
static int scan_name_or_string(wf_tokenizer *tz)
{
    const char *start = tz->cur;
    bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
    for (;;) {
        int c = peek(tz, 0);
        if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B'))
            saw_b = true;
        else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U'))
            saw_u = true;
        else if (!(saw_r || saw_u) && (c == 'r' || c == 'R'))
            saw_r = true;
        else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F'))
            saw_f = true;
        else
            break;
        tz->cur++;
        if (peek(tz, 0) == '"' || peek(tz, 0) == '\'')
            return scan_string(tz, start) < 0 ? -1 : WF_TOK_STRING;
    }
    bool nonascii = false;
    while (tz->cur < tz->end && is_potential_ident_char((unsigned char)*tz->cur)) {
        nonascii |= (unsigned char)*tz->cur >= 128;
        tz->cur++;
    }
    if (nonascii && verify_identifier(tz, start) < 0)
        return -1;
    return WF_TOK_NAME;
}

/* ---- Operators ---------------------------------------------------------------------- */

static const struct {
    const char *text;
    enum wf_op op;
} operators[] = {
#define WF_OP_ENTRY(name, text) {text, WF_OP_##name},
    WF_OPERATORS(WF_OP_ENTRY)
#undef WF_OP_ENTRY
};

static const char *const op_names[] = {
#define WF_OP_NAME(name, text) #name,
    WF_OPERATORS(WF_OP_NAME)
#undef WF_OP_NAME
};

/* The longest operator at tz->cur, or -1. */
static int match_operator(wf_tokenizer *tz, size_t *len)
{
    int best = -1;
    size_t best_len = 0, avail = (size_t)(tz->end - tz->cur);
    for (size_t i = 0; i < sizeof operators / sizeof operators[0]; i++) {
        size_t n = strlen(operators[i].text);
        if (n > best_len && n <= avail && memcmp(tz->cur, operators[i].text, n) == 0) {
            best = (int)operators[i].op;
            best_len = n;
        }
    }
    *len = best_len;
    return best;
}

/* Track bracket nesting for the operator c at `start`. */
static int track_paren(wf_tokenizer *tz, int c, const char *start)
{
    if (c == '(' || c == '[' || c == '{') {
        if (tz->nparen >= WF_TOK_MAX_PAREN)
            return error_cur(tz, "too many nested parentheses");
        tz->paren[tz->nparen].ch = (char)c;
        tz->paren[tz->nparen].lineno = tz->lineno;
        tz->paren[tz->nparen].col = col_of(tz, start);
        tz->nparen++;
    } else if (c == ')' || c == ']' || c == '}') {
        if (tz->nparen == 0)
            return error_cur(tz, "unmatched '%c'", c);
        int open = tz->paren[--tz->nparen].ch;
        if ((open == '(' && c != ')') || (open == '[' && c != ']') || (open == '{' && c != '}')) {
            if (tz->paren[tz->nparen].lineno != tz->lineno)
                return error_cur(tz,
                                 "closing parenthesis '%c' does not match opening parenthesis "
                                 "'%c' on line %d",
                                 c, open, tz->paren[tz->nparen].lineno);
            return error_cur(tz, "closing parenthesis '%c' does not match opening parenthesis '%c'",
                             c, open);
        }
    }
    return 0;
}

/* ---- The dispatcher ----------------------------------------------------------------- */

/* End of input: close the last line, dedent, then ENDMARKER. */
static int at_eof(wf_tokenizer *tz, wf_token *tok)
{
    if (tz->nparen > 0) {
        set_error(tz, WF_TOKERR_SYNTAX, tz->paren[tz->nparen - 1].lineno,
                  tz->paren[tz->nparen - 1].col + 1, "'%c' was never closed",
                  tz->paren[tz->nparen - 1].ch);
        tz->error.origin = WF_TOKERR_UNCLOSED;
        return -1;
    }
    if (tz->line_has_tok) { /* the last line had no '\n': an empty NEWLINE */
        emit(tz, tok, WF_TOK_NEWLINE, tz->cur, tz->lineno, col_of(tz, tz->cur), tz->line_start);
        tok->end_col++;
        return 0;
    }
    int line = tz->line_start < tz->end ? tz->lineno + 1 : tz->lineno;
    if (tz->depth > 0) {
        tz->depth--;
        emit(tz, tok, WF_TOK_DEDENT, tz->cur, line, 0, tz->line_start);
    } else {
        tz->done = true;
        emit(tz, tok, WF_TOK_ENDMARKER, tz->cur, line, 0, tz->line_start);
    }
    tok->end_lineno = line;
    tok->end_col = 0;
    return 0;
}

/* Emit a queued INDENT or DEDENT, if any (returns 1 if it did). */
static int indent_token(wf_tokenizer *tz, wf_token *tok)
{
    if (tz->pending > 0) {
        tz->pending--;
        emit(tz, tok, WF_TOK_INDENT, tz->line_start, tz->lineno, 0, tz->line_start);
        return 1;
    }
    if (tz->pending < 0) {
        tz->pending++;
        emit(tz, tok, WF_TOK_DEDENT, tz->cur, tz->lineno, col_of(tz, tz->cur), tz->line_start);
        return 1;
    }
    return 0;
}

/* Skip blanks, a comment, and backslash continuations. Returns -1 on an error. */
static int skip_space(wf_tokenizer *tz)
{
    for (;;) {
        while (tz->cur < tz->end && (*tz->cur == ' ' || *tz->cur == '\t' || *tz->cur == '\f'))
            tz->cur++;
        if (peek(tz, 0) == '#')
            while (tz->cur < tz->end && *tz->cur != '\n')
                tz->cur++;
        if (peek(tz, 0) != '\\')
            return 0;
        int bs_line = tz->lineno, bs_col = col_of(tz, tz->cur);
        tz->cur++;
        int c = nextc(tz);
        if (c != '\n' && c != -1) {
            error_cur(tz, "unexpected character after line continuation character");
            tz->error.origin = WF_TOKERR_STATUS;
            return -1;
        }
        if (c == '\n')
            newline_seen(tz, tz->cur);
        if (tz->cur == tz->end) { /* reported just past the (implicit) newline */
            set_error(tz, WF_TOKERR_SYNTAX, bs_line, bs_col + 2, "unexpected EOF while parsing");
            tz->error.origin = WF_TOKERR_STATUS;
            return -1;
        }
    }
}

/* One operator or delimiter, or the error for a character that starts no token. */
static int scan_operator(wf_tokenizer *tz, wf_token *tok, int col)
{
    const char *start = tz->cur;
    size_t len;
    int op = match_operator(tz, &len);
    if (op < 0) {
        int n;
        uint32_t cp = cp_at(tz, start, &n);
        tz->cur += n;
        if (!wf_unicode_is_printable(cp))
            return error_cur(tz, "invalid non-printable character U+%04X", cp);
        error_at(tz, start, "%s", "invalid syntax"); /* CPython: an OP the parser rejects */
        tz->error.origin = WF_TOKERR_STATUS;
        return -1;
    }
    tz->cur += len;
    if (track_paren(tz, (unsigned char)*start, start) < 0)
        return -1;
    emit(tz, tok, WF_TOK_OP, start, tz->lineno, col, tz->line_start);
    tok->op = (enum wf_op)op;
    return 0;
}

int wf_tokenizer_next(wf_tokenizer *tz, wf_token *tok)
{
    if (tz->done)
        return at_eof(tz, tok);
    if (tz->at_bol) {
        tz->at_bol = false;
        if (measure_indent(tz) < 0)
            return -1;
    }
    if (indent_token(tz, tok))
        return 0;
    for (;;) {
        if (skip_space(tz) < 0)
            return -1;
        if (tz->cur == tz->end)
            return at_eof(tz, tok);
        const char *start = tz->cur, *line_start = tz->line_start;
        int lineno = tz->lineno, col = col_of(tz, start);
        int c = (unsigned char)*start;
        if (c == '\n') {
            tz->cur++;
            if (tz->nparen > 0 || !tz->line_has_tok) {
                newline_seen(tz, tz->cur);
                continue; /* a newline inside brackets, or after nothing */
            }
            emit(tz, tok, WF_TOK_NEWLINE, start, lineno, col, line_start);
            newline_seen(tz, tz->cur);
            tok->end_lineno = lineno;
            tok->end_col = col + 1;
            tz->at_bol = true;
            return 0;
        }
        if (is_ascii_ident_start(c) || c >= 128) {
            int kind = scan_name_or_string(tz);
            return kind < 0 ? -1
                            : emit(tz, tok, (enum wf_tok_kind)kind, start, lineno, col, line_start);
        }
        if (is_digit(c) || (c == '.' && is_digit(peek(tz, 1))))
            return scan_number(tz) < 0
                       ? -1
                       : emit(tz, tok, WF_TOK_NUMBER, start, lineno, col, line_start);
        if (c == '"' || c == '\'')
            return scan_string(tz, start) < 0
                       ? -1
                       : emit(tz, tok, WF_TOK_STRING, start, lineno, col, line_start);
        return scan_operator(tz, tok, col);
    }
}

const char *wf_token_name(const wf_token *tok)
{
    static const char *const kinds[] = {"ENDMARKER", "NAME",   "NUMBER", "STRING",
                                        "NEWLINE",   "INDENT", "DEDENT", "OP"};
    return tok->kind == WF_TOK_OP ? op_names[tok->op] : kinds[tok->kind];
}
