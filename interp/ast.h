/* The abstract syntax tree, as CPython 3.11's `ast` module defines it (Python.asdl),
 * less `match` and `except*`, which weft does not parse yet.
 *
 * Nodes live in the compilation's arena. Locations are those of the ast module:
 * 1-based lines, 0-based columns in UTF-8 bytes, exclusive ends. Constants keep what
 * the source said (number text, decoded string bytes): turning them into objects is
 * the compiler's job. */
#ifndef WF_AST_H
#define WF_AST_H

#include <stdbool.h>
#include <stddef.h>

typedef struct wf_expr wf_expr;
typedef struct wf_stmt wf_stmt;

typedef struct wf_loc {
    int lineno, col, end_lineno, end_col;
} wf_loc;

#define WF_SEQ(T)                                                                                  \
    struct {                                                                                       \
        size_t n;                                                                                  \
        T *items;                                                                                  \
    }

typedef WF_SEQ(wf_expr *) wf_expr_seq;
typedef WF_SEQ(wf_stmt *) wf_stmt_seq;
typedef WF_SEQ(const char *) wf_name_seq;

enum wf_ctx { WF_LOAD, WF_STORE, WF_DEL };

/* Operators, in the ast module's order and names. */
enum wf_boolop { WF_AND, WF_OR };
enum wf_binop {
    WF_ADD,
    WF_SUB,
    WF_MULT,
    WF_MATMULT,
    WF_DIV,
    WF_MOD,
    WF_POW,
    WF_LSHIFT,
    WF_RSHIFT,
    WF_BITOR,
    WF_BITXOR,
    WF_BITAND,
    WF_FLOORDIV
};
enum wf_unaryop { WF_INVERT, WF_NOT, WF_UADD, WF_USUB };
enum wf_cmpop { WF_EQ, WF_NOTEQ, WF_LT, WF_LTE, WF_GT, WF_GTE, WF_IS, WF_ISNOT, WF_IN, WF_NOTIN };

enum wf_const_kind {
    WF_CONST_NONE,
    WF_CONST_TRUE,
    WF_CONST_FALSE,
    WF_CONST_ELLIPSIS,
    WF_CONST_INT,
    WF_CONST_FLOAT,
    WF_CONST_IMAG, /* text: the literal as written */
    WF_CONST_STR,
    WF_CONST_BYTES, /* text/len: the decoded contents */
};

typedef struct wf_arg {
    const char *name;
    wf_expr *annotation; /* or NULL */
    wf_loc loc;
} wf_arg;

typedef WF_SEQ(wf_arg *) wf_arg_seq;

typedef struct wf_arguments {
    wf_arg_seq posonlyargs, args;
    wf_arg *vararg; /* or NULL */
    wf_arg_seq kwonlyargs;
    wf_expr_seq kw_defaults; /* one per kwonlyarg, NULL where none */
    wf_arg *kwarg;           /* or NULL */
    wf_expr_seq defaults;    /* for the last len(defaults) positional parameters */
} wf_arguments;

typedef struct wf_keyword {
    const char *arg; /* NULL for **value */
    wf_expr *value;
    wf_loc loc;
} wf_keyword;

typedef WF_SEQ(wf_keyword *) wf_keyword_seq;

typedef struct wf_comprehension {
    wf_expr *target, *iter;
    wf_expr_seq ifs;
    bool is_async;
} wf_comprehension;

typedef WF_SEQ(wf_comprehension *) wf_comprehension_seq;

typedef struct wf_alias {
    const char *name, *asname; /* asname may be NULL */
    wf_loc loc;
} wf_alias;

typedef WF_SEQ(wf_alias *) wf_alias_seq;

typedef struct wf_withitem {
    wf_expr *context_expr, *optional_vars;
} wf_withitem;

typedef WF_SEQ(wf_withitem *) wf_withitem_seq;

typedef struct wf_excepthandler {
    wf_expr *type;    /* or NULL */
    const char *name; /* or NULL */
    wf_stmt_seq body;
    wf_loc loc;
} wf_excepthandler;

typedef WF_SEQ(wf_excepthandler *) wf_handler_seq;

enum wf_expr_kind {
    WF_BOOLOP,
    WF_NAMEDEXPR,
    WF_BINOP,
    WF_UNARYOP,
    WF_LAMBDA,
    WF_IFEXP,
    WF_DICT,
    WF_SET,
    WF_LISTCOMP,
    WF_SETCOMP,
    WF_DICTCOMP,
    WF_GENERATOREXP,
    WF_AWAIT,
    WF_YIELD,
    WF_YIELDFROM,
    WF_COMPARE,
    WF_CALL,
    WF_FORMATTEDVALUE,
    WF_JOINEDSTR,
    WF_CONSTANT,
    WF_ATTRIBUTE,
    WF_SUBSCRIPT,
    WF_STARRED,
    WF_NAME,
    WF_LIST,
    WF_TUPLE,
    WF_SLICE,
};

struct wf_expr {
    enum wf_expr_kind kind;
    wf_loc loc;
    bool parenthesized; /* written inside (...) in the source */
    wf_loc outer;       /* loc including those parentheses (when parenthesized) */
    union {
        struct {
            enum wf_boolop op;
            wf_expr_seq values;
        } boolop;
        struct {
            wf_expr *target, *value;
        } namedexpr;
        struct {
            wf_expr *left;
            enum wf_binop op;
            wf_expr *right;
        } binop;
        struct {
            enum wf_unaryop op;
            wf_expr *operand;
        } unaryop;
        struct {
            wf_arguments *args;
            wf_expr *body;
        } lambda;
        struct {
            wf_expr *test, *body, *orelse;
        } ifexp;
        struct {
            wf_expr_seq keys, values;
        } dict; /* a NULL key is **value */
        struct {
            wf_expr_seq elts;
        } set;
        struct {
            wf_expr *elt, *value;
            wf_comprehension_seq generators;
        } comp; /* value: dict */
        struct {
            wf_expr *value;
        } await_, yield, yieldfrom; /* yield value may be NULL */
        struct {
            wf_expr *left;
            size_t n;
            enum wf_cmpop *ops;
            wf_expr **comparators;
        } compare;
        struct {
            wf_expr *func;
            wf_expr_seq args;
            wf_keyword_seq keywords;
        } call;
        struct {
            wf_expr *value;
            int conversion;
            wf_expr *format_spec;
        } formatted;
        struct {
            wf_expr_seq values;
        } joinedstr;
        struct {
            enum wf_const_kind kind;
            const char *text; /* number text, or decoded string/bytes contents */
            size_t len;
            bool u_prefix; /* kind='u' */
        } constant;
        struct {
            wf_expr *value;
            const char *attr;
            enum wf_ctx ctx;
        } attribute;
        struct {
            wf_expr *value, *slice;
            enum wf_ctx ctx;
        } subscript;
        struct {
            wf_expr *value;
            enum wf_ctx ctx;
        } starred;
        struct {
            const char *id;
            enum wf_ctx ctx;
        } name;
        struct {
            wf_expr_seq elts;
            enum wf_ctx ctx;
        } list, tuple;
        struct {
            wf_expr *lower, *upper, *step;
        } slice;
    } u;
};

enum wf_stmt_kind {
    WF_FUNCTIONDEF,
    WF_ASYNCFUNCTIONDEF,
    WF_CLASSDEF,
    WF_RETURN,
    WF_DELETE,
    WF_ASSIGN,
    WF_AUGASSIGN,
    WF_ANNASSIGN,
    WF_FOR,
    WF_ASYNCFOR,
    WF_WHILE,
    WF_IF,
    WF_WITH,
    WF_ASYNCWITH,
    WF_RAISE,
    WF_TRY,
    WF_ASSERT,
    WF_IMPORT,
    WF_IMPORTFROM,
    WF_GLOBAL,
    WF_NONLOCAL,
    WF_EXPR,
    WF_PASS,
    WF_BREAK,
    WF_CONTINUE,
};

struct wf_stmt {
    enum wf_stmt_kind kind;
    wf_loc loc;
    union {
        struct {
            const char *name;
            wf_arguments *args;
            wf_stmt_seq body;
            wf_expr_seq decorators;
            wf_expr *returns;
        } funcdef;
        struct {
            const char *name;
            wf_expr_seq bases;
            wf_keyword_seq keywords;
            wf_stmt_seq body;
            wf_expr_seq decorators;
        } classdef;
        struct {
            wf_expr *value;
        } return_, expr; /* return value may be NULL */
        struct {
            wf_expr_seq targets;
        } delete_;
        struct {
            wf_expr_seq targets;
            wf_expr *value;
        } assign;
        struct {
            wf_expr *target;
            enum wf_binop op;
            wf_expr *value;
        } augassign;
        struct {
            wf_expr *target, *annotation, *value;
            bool simple;
        } annassign;
        struct {
            wf_expr *target, *iter;
            wf_stmt_seq body, orelse;
        } for_;
        struct {
            wf_expr *test;
            wf_stmt_seq body, orelse;
        } while_, if_;
        struct {
            wf_withitem_seq items;
            wf_stmt_seq body;
        } with;
        struct {
            wf_expr *exc, *cause;
        } raise;
        struct {
            wf_stmt_seq body;
            wf_handler_seq handlers;
            wf_stmt_seq orelse, finalbody;
        } try_;
        struct {
            wf_expr *test, *msg;
        } assert_;
        struct {
            wf_alias_seq names;
        } import;
        struct {
            const char *module;
            wf_alias_seq names;
            int level;
        } importfrom;
        struct {
            wf_name_seq names;
        } global, nonlocal;
    } u;
};

typedef struct wf_module {
    wf_stmt_seq body;
} wf_module;

/* Write the tree in the format of tests/parser/expected.py (ast.dump with locations);
 * returns a malloc'd string or NULL when out of memory. */
char *wf_ast_dump(const wf_module *m);

#endif
