/* The symbol table: for every scope of a module (the module, each class, function and
 * lambda, and the implicit function of each comprehension and generator expression),
 * which names it holds and where each one lives. It is CPython 3.11's symtable pass
 * (Python/symtable.c) over weft's AST, with the same results and the same
 * SyntaxErrors, so the compiler can choose LOAD_FAST, LOAD_DEREF, LOAD_GLOBAL or
 * LOAD_NAME as CPython does.
 *
 * Names are stored mangled: inside class C, `__x` is `_C__x` (wf_mangle). Within one
 * table every name is interned, so two symbols with equal names share one pointer.
 * Everything lives in the arena given to wf_symtable_build. */
#ifndef WF_SYMTABLE_H
#define WF_SYMTABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "ast.h"
#include "parser.h"

enum wf_scope_kind {
    WF_SCOPE_FUNCTION, /* def, async def, lambda, comprehension, generator expression */
    WF_SCOPE_CLASS,
    WF_SCOPE_MODULE,
    WF_SCOPE_ANNOTATION, /* under `from __future__ import annotations`; never in the tree */
};

enum wf_comprehension_kind {
    WF_COMP_NONE,
    WF_COMP_LIST,
    WF_COMP_DICT,
    WF_COMP_SET,
    WF_COMP_GENEXP,
};

/* Where a name lives, as the compiler sees it. */
enum wf_name_scope {
    WF_NAME_NONE,            /* the scope has no such symbol */
    WF_NAME_LOCAL,           /* bound here, in the frame (functions) or namespace */
    WF_NAME_GLOBAL_EXPLICIT, /* declared `global` here (or a module-level walrus target) */
    WF_NAME_GLOBAL_IMPLICIT, /* not bound in any enclosing function: global or builtin */
    WF_NAME_FREE,            /* bound in an enclosing function, reached through a cell */
    WF_NAME_CELL,            /* bound here and used by an enclosed scope */
};

/* What the scope's code does with a name (CPython's DEF_* bits, same values). */
enum {
    WF_SYM_GLOBAL = 1 << 0,     /* global statement (or walrus reaching the module) */
    WF_SYM_ASSIGNED = 1 << 1,   /* bound: assignment, def, class, for, with, except, del */
    WF_SYM_PARAM = 1 << 2,      /* formal parameter */
    WF_SYM_NONLOCAL = 1 << 3,   /* nonlocal statement (or walrus in a comprehension) */
    WF_SYM_USED = 1 << 4,       /* read */
    WF_SYM_FREE_CLASS = 1 << 6, /* class scope: also free in a method (LOAD_CLASSDEREF) */
    WF_SYM_IMPORTED = 1 << 7,   /* bound by import */
    WF_SYM_ANNOTATED = 1 << 8,  /* target of a simple annotated assignment */
    WF_SYM_COMP_ITER = 1 << 9,  /* named in a comprehension's for-target */
};
#define WF_SYM_BOUND (WF_SYM_ASSIGNED | WF_SYM_PARAM | WF_SYM_IMPORTED)

typedef struct wf_symbol {
    const char *name; /* mangled, interned */
    unsigned flags;   /* WF_SYM_* */
    enum wf_name_scope scope;
} wf_symbol;

typedef struct wf_scope wf_scope;

struct wf_scope {
    enum wf_scope_kind kind;
    enum wf_comprehension_kind comprehension;
    /* "top" for the module; the class or function name as written (not mangled);
     * "lambda", "listcomp", "setcomp", "dictcomp" or "genexpr" */
    const char *name;
    const void *node; /* the wf_module, the def or class wf_stmt, or the wf_expr */
    wf_loc loc;       /* the node's location; all zero for the module */
    wf_scope *parent;
    wf_scope **children; /* in source order (CPython's visiting order) */
    size_t nchildren;
    wf_symbol *symbols; /* in order of first appearance */
    size_t nsymbols;
    const char **params; /* parameter names in CPython's co_varnames order: positional-
                          * only, positional, keyword-only, *args, **kwargs; ".0" for
                          * a comprehension's iterator */
    size_t nparams;
    bool nested;      /* inside a function (directly or not) */
    bool has_free;    /* has free names, or implicit globals while nested */
    bool child_free;  /* some enclosed scope has_free or child_free */
    bool generator;   /* yield, yield from, or a generator expression */
    bool coroutine;   /* async def, await, or an async comprehension */
    bool varargs;     /* *args */
    bool varkeywords; /* **kwargs */
    bool returns_value;
    bool needs_class_closure; /* class: a method uses super() or __class__ */
};

/* `from __future__ import ...` features that change compilation. */
enum {
    WF_FUTURE_ANNOTATIONS = 1 << 0,    /* annotations are kept as strings */
    WF_FUTURE_BARRY_AS_FLUFL = 1 << 1, /* the parser's business */
};

typedef struct wf_symtable_index wf_symtable_index;

typedef struct wf_symtable {
    wf_scope *top;            /* the module */
    unsigned future_features; /* WF_FUTURE_* */
    wf_symtable_index *index; /* private: AST node to scope */
} wf_symtable;

/* Build the symbol table of a module parsed by wf_parse_module. On a SyntaxError (the
 * ones CPython's symtable pass and future-statement check raise, with CPython's
 * message, line and byte offset + 1), returns NULL and fills *err; on a MemoryError
 * or RecursionError, sets err->no_memory or err->recursion. */
wf_symtable *wf_symtable_build(wf_arena *arena, const wf_module *m, wf_syntax_error *err);

/* The scope a node opens: a (async) def or class wf_stmt, or a lambda, comprehension or
 * generator-expression wf_expr (the module: st->top). NULL for any other node. */
wf_scope *wf_symtable_scope_of(const wf_symtable *st, const void *node);

/* The symbol for name (already mangled) in scope s, or NULL. */
const wf_symbol *wf_scope_lookup(const wf_scope *s, const char *name);

/* Where name (already mangled) lives in scope s; WF_NAME_NONE if s has no such symbol. */
enum wf_name_scope wf_scope_name_scope(const wf_scope *s, const char *name);

/* CPython's private-name mangling: in class class_name, `__spam` becomes
 * `_class_name__spam` (leading underscores of the class name dropped). Names that end
 * in "__", contain a dot, or a class name of only underscores are left alone. Returns
 * name itself when unchanged, else a string in arena (NULL when out of memory). */
const char *wf_mangle(wf_arena *arena, const char *class_name, const char *name);

/* The table in the format of tests/symtable/expected.py; a malloc'd string, or NULL
 * when out of memory. */
char *wf_symtable_dump(const wf_symtable *st);

#endif
