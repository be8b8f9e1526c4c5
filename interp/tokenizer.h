/* The tokenizer: UTF-8 source text to Python tokens, as CPython 3.11's tokenizer
 * produces them (the `tokenize` module's stream minus COMMENT, NL and ENCODING).
 *
 * It knows nothing of objects: tokens point into the tokenizer's own copy of the
 * source (newlines normalized to '\n'), and an error is a plain record (type, message,
 * line, offset) that the compiler turns into a SyntaxError. f-strings are STRING tokens
 * whose text the parser splits, as in Python 3.11. */
#ifndef WF_TOKENIZER_H
#define WF_TOKENIZER_H

#include <stdbool.h>
#include <stddef.h>

enum wf_tok_kind {
    WF_TOK_ENDMARKER,
    WF_TOK_NAME,
    WF_TOK_NUMBER,
    WF_TOK_STRING,
    WF_TOK_NEWLINE,
    WF_TOK_INDENT,
    WF_TOK_DEDENT,
    WF_TOK_OP,
};

/* Operators and delimiters: X(name, text), names as in CPython's token module. */
#define WF_OPERATORS(X)                                                                            \
    X(LPAR, "(")                                                                                   \
    X(RPAR, ")")                                                                                   \
    X(LSQB, "[")                                                                                   \
    X(RSQB, "]")                                                                                   \
    X(COLON, ":")                                                                                  \
    X(COMMA, ",")                                                                                  \
    X(SEMI, ";")                                                                                   \
    X(PLUS, "+")                                                                                   \
    X(MINUS, "-")                                                                                  \
    X(STAR, "*")                                                                                   \
    X(SLASH, "/")                                                                                  \
    X(VBAR, "|")                                                                                   \
    X(AMPER, "&")                                                                                  \
    X(LESS, "<")                                                                                   \
    X(GREATER, ">")                                                                                \
    X(EQUAL, "=")                                                                                  \
    X(DOT, ".")                                                                                    \
    X(PERCENT, "%")                                                                                \
    X(LBRACE, "{")                                                                                 \
    X(RBRACE, "}")                                                                                 \
    X(EQEQUAL, "==")                                                                               \
    X(NOTEQUAL, "!=")                                                                              \
    X(LESSEQUAL, "<=")                                                                             \
    X(GREATEREQUAL, ">=")                                                                          \
    X(TILDE, "~")                                                                                  \
    X(CIRCUMFLEX, "^")                                                                             \
    X(LEFTSHIFT, "<<")                                                                             \
    X(RIGHTSHIFT, ">>")                                                                            \
    X(DOUBLESTAR, "**")                                                                            \
    X(PLUSEQUAL, "+=")                                                                             \
    X(MINEQUAL, "-=")                                                                              \
    X(STAREQUAL, "*=")                                                                             \
    X(SLASHEQUAL, "/=")                                                                            \
    X(PERCENTEQUAL, "%=")                                                                          \
    X(AMPEREQUAL, "&=")                                                                            \
    X(VBAREQUAL, "|=")                                                                             \
    X(CIRCUMFLEXEQUAL, "^=")                                                                       \
    X(LEFTSHIFTEQUAL, "<<=")                                                                       \
    X(RIGHTSHIFTEQUAL, ">>=")                                                                      \
    X(DOUBLESTAREQUAL, "**=")                                                                      \
    X(DOUBLESLASH, "//")                                                                           \
    X(DOUBLESLASHEQUAL, "//=")                                                                     \
    X(AT, "@")                                                                                     \
    X(ATEQUAL, "@=")                                                                               \
    X(RARROW, "->")                                                                                \
    X(ELLIPSIS, "...")                                                                             \
    X(COLONEQUAL, ":=")

enum wf_op {
#define WF_OP_ENUM(name, text) WF_OP_##name,
    WF_OPERATORS(WF_OP_ENUM)
#undef WF_OP_ENUM
        WF_OP_COUNT
};

typedef struct wf_token {
    enum wf_tok_kind kind;
    enum wf_op op; /* when kind == WF_TOK_OP */
    const char *start;
    size_t len;
    int lineno, col;                         /* 1-based line, 0-based column in code points */
    int end_lineno, end_col;                 /* exclusive end */
    const char *line_start, *end_line_start; /* first bytes of the start and end lines */
} wf_token;

enum wf_tok_error_type {
    WF_TOKERR_SYNTAX,      /* SyntaxError */
    WF_TOKERR_INDENTATION, /* IndentationError */
    WF_TOKERR_TAB,         /* TabError */
};

/* How CPython's tokenizer reports an error. That decides whether it replaces a parser
 * error found earlier in the file: after a parser error CPython tokenizes the rest of
 * the input, and an error it raises (not one it only flags in its status) wins. */
enum wf_tok_error_origin {
    WF_TOKERR_RAISED,   /* raised as an exception: replaces an earlier parser error */
    WF_TOKERR_STATUS,   /* a status the parser turns into an error: never replaces */
    WF_TOKERR_UNCLOSED, /* a bracket open at the end: replaces errors on later lines */
};

typedef struct wf_tok_error {
    enum wf_tok_error_type type;
    enum wf_tok_error_origin origin;
    char msg[256];
    int lineno;
    int offset; /* 1-based column in code points, as SyntaxError.offset */
} wf_tok_error;

#define WF_TOK_MAX_INDENT 100 /* as CPython: deeper is "too many levels of indentation" */
#define WF_TOK_MAX_PAREN  200 /* as CPython: deeper is "too many nested parentheses" */

typedef struct wf_tokenizer {
    char *buf; /* the normalized copy of the source; tokens point into it */
    const char *end, *cur;
    const char *line_start; /* first byte of the current physical line */
    int lineno;
    const char *filename;
    bool at_bol;       /* at the start of a logical line: indentation to measure */
    bool line_has_tok; /* the current logical line has produced a token */
    bool done;         /* ENDMARKER emitted */
    int indent[WF_TOK_MAX_INDENT + 1], altindent[WF_TOK_MAX_INDENT + 1], depth;
    int pending; /* > 0: INDENT owed; < 0: that many DEDENTs owed */
    struct {
        char ch;
        int lineno, col;
    } paren[WF_TOK_MAX_PAREN];
    int nparen;
    wf_tok_error error;
} wf_tokenizer;

/* Start tokenizing len bytes of src, decoded as CPython decodes a source file (a BOM,
 * a PEP 263 declaration, else UTF-8: interp/source_encoding.h). filename is used in
 * error messages only. Returns false (with tz->error set) if src cannot be decoded, or
 * out of memory. */
bool wf_tokenizer_init(wf_tokenizer *tz, const char *src, size_t len, const char *filename);
void wf_tokenizer_fini(wf_tokenizer *tz);

/* The next token into *tok: 0, or -1 with tz->error set. After ENDMARKER, ENDMARKER
 * again. */
int wf_tokenizer_next(wf_tokenizer *tz, wf_token *tok);

/* "NAME", "LPAR", ...: the token module's name for a token. */
const char *wf_token_name(const wf_token *tok);

#endif
