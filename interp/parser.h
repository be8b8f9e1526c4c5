/* The parser: tokens to an AST (interp/ast.h) for the Python 3.11 grammar, less
 * `match` and `except*`. Recursive descent with CPython 3.11's error messages for the
 * common mistakes, and a recursion limit so deep nesting is a SyntaxError, not a
 * crash. */
#ifndef WF_PARSER_H
#define WF_PARSER_H

#include "arena.h"
#include "ast.h"
#include "tokenizer.h"

typedef struct wf_syntax_error {
    enum wf_tok_error_type type; /* SyntaxError, IndentationError or TabError */
    bool no_memory;              /* really a MemoryError */
    bool recursion;              /* really a RecursionError: nesting too deep */
    char msg[256];
    int lineno, offset;         /* offset: 1-based, in code points, as SyntaxError.offset */
    int end_lineno, end_offset; /* 0 when unknown */
    char text[256];             /* the line to show when not the source's (f-string
                                   fields are parsed as their own "(field)" text) */
} wf_syntax_error;

#define WF_PARSER_MAX_DEPTH 1000 /* recursive constructs nested deeper: RecursionError */

/* Parse len bytes of UTF-8 source as a module. The tree lives in arena. On failure
 * returns NULL and fills *err. */
wf_module *wf_parse_module(wf_arena *arena, const char *src, size_t len, const char *filename,
                           wf_syntax_error *err);

#endif
