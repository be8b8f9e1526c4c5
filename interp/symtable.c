/* The symbol table pass (see symtable.h). It works as CPython 3.11's does, in two
 * passes:
 *
 * 1. Visiting walks the AST once. It opens a scope for each def, class, lambda and
 *    comprehension, and records raw facts about each name as WF_SYM_* flags: bound
 *    here, used here, a parameter, declared global or nonlocal. The errors that need
 *    only those facts are raised here, in visiting order: a global or nonlocal
 *    declaration after a use, duplicate parameters, the walrus rules, a yield in a
 *    comprehension, import * in a function.
 * 2. Analysis walks the finished scope tree. Each scope receives the names bound in
 *    its enclosing functions ("bound") and the names declared global further out
 *    ("global"), and hands back the names that it or its inner scopes use free
 *    ("free"). From these, each symbol gets its wf_name_scope; a local that an inner
 *    scope uses free becomes a cell. A class scope binds nothing for its methods,
 *    except the implicit __class__ cell.
 *
 * Invariants:
 * - Every name stored in a table is interned (intern()), so name sets and the
 *   analysis compare pointers.
 * - A scope's symbols array keeps first-appearance order. CPython walks its symbol
 *   dict in that order, so this decides which error is reported when several apply.
 * - Scopes are arena memory; the name sets of the analysis and the intern table are
 *   malloc'd and freed when wf_symtable_build returns.
 *
 * Error locations are those of CPython's symtable: a 1-based line, and the AST's
 * byte column + 1 (symtable errors are not converted to code points). */
#include "symtable.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Scopes as the builder sees them ----------------------------------------------- */

/* A global or nonlocal declaration (or a walrus target in a comprehension, which
 * CPython records the same way): analysis errors point at the first one of a name. */
typedef struct directive {
    const char *name;
    wf_loc loc;
} directive;

/* The public scope plus what only building and lookups need. pub comes first, so a
 * wf_scope * of this file is a scope_impl *. */
typedef struct scope_impl {
    wf_scope pub;
    uint32_t *slots; /* symbol index by name hash: 0 empty, else index + 1 */
    size_t nslots;   /* a power of 2, at least twice nsymbols */
    size_t symcap, childcap, paramcap;
    directive *directives;
    size_t ndirectives, dircap;
    bool comp_iter_target; /* visiting a comprehension's for-target */
    int comp_iter_expr;    /* > 0: inside some comprehension iterable expression */
} scope_impl;

static scope_impl *impl(const wf_scope *s)
{
    return (scope_impl *)s;
}

/* AST node to scope: open addressing, arena memory. */
struct wf_symtable_index {
    const void **keys;
    wf_scope **vals;
    size_t cap, n;
};

#define MAX_VISIT_DEPTH 3000 /* CPython 3.11: 3 x the default recursion limit */

typedef struct builder {
    wf_arena *arena;
    wf_syntax_error *err;
    bool failed;
    wf_symtable *st;
    scope_impl *top, *cur;
    scope_impl **stack; /* the scopes being visited, innermost last (malloc) */
    size_t depth, stackcap;
    const char *private_name; /* the class being visited (for mangling), or NULL */
    bool future_annotations;
    int visit_depth;
    const char **names; /* intern table (malloc): canonical copies in the arena */
    size_t namecap, nnames;
    const char *dunder_class; /* interned "__class__" */
} builder;

/* ---- Errors ------------------------------------------------------------------------- */

static bool no_memory(builder *b)
{
    if (!b->failed) {
        b->failed = true;
        b->err->no_memory = true;
        snprintf(b->err->msg, sizeof b->err->msg, "out of memory");
    }
    return false;
}

static bool error_raw(builder *b, int lineno, int offset, int end_lineno, int end_offset,
                      const char *fmt, ...) __attribute__((format(printf, 6, 7)));
static bool error_raw(builder *b, int lineno, int offset, int end_lineno, int end_offset,
                      const char *fmt, ...)
{
    if (b->failed)
        return false;
    b->failed = true;
    b->err->type = WF_TOKERR_SYNTAX;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(b->err->msg, sizeof b->err->msg, fmt, ap);
    va_end(ap);
    b->err->lineno = lineno;
    b->err->offset = offset;
    b->err->end_lineno = end_lineno;
    b->err->end_offset = end_offset;
    return false;
}

/* A SyntaxError spanning loc, located as CPython's symtable does (byte column + 1). */
#define ERROR_AT(b, loc, ...)                                                                      \
    error_raw((b), (loc).lineno, (loc).col + 1, (loc).end_lineno, (loc).end_col + 1, __VA_ARGS__)

/* ---- Names: interning, hashing, sets -------------------------------------------------- */

static size_t str_hash(const char *s)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return (size_t)(h ^ (h >> 29));
}

static size_t ptr_hash(const void *p)
{
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdu;
    x ^= x >> 33;
    return (size_t)x;
}

/* The canonical copy of name in this table; NULL when out of memory. */
static const char *intern(builder *b, const char *name)
{
    if (2 * (b->nnames + 1) > b->namecap) {
        size_t cap = b->namecap ? 2 * b->namecap : 256;
        const char **names = calloc(cap, sizeof *names);
        if (!names)
            return no_memory(b), NULL;
        for (size_t i = 0; i < b->namecap; i++) {
            const char *s = b->names[i];
            if (!s)
                continue;
            size_t j = str_hash(s) & (cap - 1);
            while (names[j])
                j = (j + 1) & (cap - 1);
            names[j] = s;
        }
        free(b->names);
        b->names = names;
        b->namecap = cap;
    }
    size_t mask = b->namecap - 1, i = str_hash(name) & mask;
    for (; b->names[i]; i = (i + 1) & mask)
        if (strcmp(b->names[i], name) == 0)
            return b->names[i];
    const char *copy = wf_arena_strndup(b->arena, name, strlen(name));
    if (!copy)
        return no_memory(b), NULL;
    b->names[i] = copy;
    b->nnames++;
    return copy;
}

const char *wf_mangle(wf_arena *arena, const char *class_name, const char *name)
{
    if (!class_name || name[0] != '_' || name[1] != '_')
        return name;
    size_t n = strlen(name);
    if ((name[n - 1] == '_' && name[n - 2] == '_') || strchr(name, '.'))
        return name; /* __dunder__, or a dotted module name */
    while (*class_name == '_')
        class_name++;
    if (!*class_name)
        return name;
    size_t c = strlen(class_name);
    char *m = wf_arena_alloc(arena, 1 + c + n + 1);
    if (!m)
        return NULL;
    m[0] = '_';
    memcpy(m + 1, class_name, c);
    memcpy(m + 1 + c, name, n + 1);
    return m;
}

/* The interned, mangled form of name in the current class context. */
static const char *mangled(builder *b, const char *name)
{
    const char *m = wf_mangle(b->arena, b->private_name, name);
    if (!m)
        return no_memory(b), NULL;
    return intern(b, m);
}

/* A set of interned names: open addressing with linear probing (malloc). */
typedef struct nameset {
    const char **slots;
    size_t cap, n; /* cap: 0 or a power of 2, more than twice n */
} nameset;

static void set_free(nameset *s)
{
    free(s->slots);
    *s = (nameset){0};
}

static bool set_has(const nameset *s, const char *name)
{
    if (!s->n)
        return false;
    size_t mask = s->cap - 1;
    for (size_t i = ptr_hash(name) & mask; s->slots[i]; i = (i + 1) & mask)
        if (s->slots[i] == name)
            return true;
    return false;
}

static bool set_add(nameset *s, const char *name)
{
    if (2 * (s->n + 1) >= s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 16;
        const char **slots = calloc(cap, sizeof *slots);
        if (!slots)
            return false;
        for (size_t i = 0; i < s->cap; i++) {
            if (!s->slots[i])
                continue;
            size_t j = ptr_hash(s->slots[i]) & (cap - 1);
            while (slots[j])
                j = (j + 1) & (cap - 1);
            slots[j] = s->slots[i];
        }
        free(s->slots);
        s->slots = slots;
        s->cap = cap;
    }
    size_t mask = s->cap - 1, i = ptr_hash(name) & mask;
    for (; s->slots[i]; i = (i + 1) & mask)
        if (s->slots[i] == name)
            return true;
    s->slots[i] = name;
    s->n++;
    return true;
}

/* Remove name; true if it was there. Backward-shift deletion keeps probe runs whole. */
static bool set_discard(nameset *s, const char *name)
{
    if (!s->n)
        return false;
    size_t mask = s->cap - 1, i = ptr_hash(name) & mask;
    while (s->slots[i] != name) {
        if (!s->slots[i])
            return false;
        i = (i + 1) & mask;
    }
    s->slots[i] = NULL;
    s->n--;
    for (size_t j = (i + 1) & mask; s->slots[j]; j = (j + 1) & mask) {
        size_t home = ptr_hash(s->slots[j]) & mask;
        /* move slots[j] into the hole at i unless its home lies in (i, j] */
        if (((j - home) & mask) >= ((j - i) & mask)) {
            s->slots[i] = s->slots[j];
            s->slots[j] = NULL;
            i = j;
        }
    }
    return true;
}

static bool set_union(nameset *dst, const nameset *src)
{
    for (size_t i = 0; i < src->cap; i++)
        if (src->slots[i] && !set_add(dst, src->slots[i]))
            return false;
    return true;
}

/* ---- Scopes and symbols ------------------------------------------------------------ */

/* Make room for one more element in an arena array of *cap elements holding n. */
static bool reserve(builder *b, void **items, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap)
        return true;
    size_t newcap = *cap ? 2 * *cap : 4;
    void *p = wf_arena_alloc(b->arena, newcap * elem);
    if (!p)
        return no_memory(b);
    if (n)
        memcpy(p, *items, n * elem);
    *items = p;
    *cap = newcap;
    return true;
}

static wf_symbol *find_symbol(const scope_impl *s, const char *name)
{
    if (!s->nslots)
        return NULL;
    size_t mask = s->nslots - 1;
    for (size_t i = str_hash(name) & mask; s->slots[i]; i = (i + 1) & mask) {
        wf_symbol *sym = &s->pub.symbols[s->slots[i] - 1];
        if (sym->name == name || strcmp(sym->name, name) == 0)
            return sym;
    }
    return NULL;
}

static bool reindex(builder *b, scope_impl *s, size_t nslots)
{
    uint32_t *slots = wf_arena_alloc(b->arena, nslots * sizeof *slots);
    if (!slots)
        return no_memory(b);
    for (size_t k = 0; k < s->pub.nsymbols; k++) {
        size_t i = str_hash(s->pub.symbols[k].name) & (nslots - 1);
        while (slots[i])
            i = (i + 1) & (nslots - 1);
        slots[i] = (uint32_t)(k + 1);
    }
    s->slots = slots;
    s->nslots = nslots;
    return true;
}

/* Append a symbol (name interned, not yet present); NULL when out of memory. */
static wf_symbol *new_symbol(builder *b, scope_impl *s, const char *name, unsigned flags)
{
    if (!reserve(b, (void **)&s->pub.symbols, &s->symcap, s->pub.nsymbols, sizeof(wf_symbol)))
        return NULL;
    wf_symbol *sym = &s->pub.symbols[s->pub.nsymbols++];
    *sym = (wf_symbol){.name = name, .flags = flags};
    if (2 * s->pub.nsymbols > s->nslots) {
        if (!reindex(b, s, s->nslots ? 2 * s->nslots : 16))
            return NULL;
    } else {
        size_t mask = s->nslots - 1, i = str_hash(name) & mask;
        while (s->slots[i])
            i = (i + 1) & mask;
        s->slots[i] = (uint32_t)s->pub.nsymbols;
    }
    return sym;
}

static unsigned symbol_flags(const scope_impl *s, const char *name)
{
    const wf_symbol *sym = find_symbol(s, name);
    return sym ? sym->flags : 0;
}

static bool index_node(builder *b, const void *node, wf_scope *scope)
{
    wf_symtable_index *ix = b->st->index;
    if (2 * (ix->n + 1) > ix->cap) {
        size_t cap = ix->cap ? 2 * ix->cap : 64;
        const void **keys = wf_arena_alloc(b->arena, cap * sizeof *keys);
        wf_scope **vals = wf_arena_alloc(b->arena, cap * sizeof *vals);
        if (!keys || !vals)
            return no_memory(b);
        for (size_t i = 0; i < ix->cap; i++) {
            if (!ix->keys[i])
                continue;
            size_t j = ptr_hash(ix->keys[i]) & (cap - 1);
            while (keys[j])
                j = (j + 1) & (cap - 1);
            keys[j] = ix->keys[i];
            vals[j] = ix->vals[i];
        }
        ix->keys = keys;
        ix->vals = vals;
        ix->cap = cap;
    }
    size_t mask = ix->cap - 1, i = ptr_hash(node) & mask;
    while (ix->keys[i])
        i = (i + 1) & mask;
    ix->keys[i] = node;
    ix->vals[i] = scope;
    ix->n++;
    return true;
}

/* Open a scope for node and make it current. Annotation scopes (future annotations)
 * take the names of annotations away from the real scopes, but are neither children
 * nor indexed, as in CPython. */
static bool enter_scope(builder *b, const char *name, enum wf_scope_kind kind, const void *node,
                        wf_loc loc)
{
    scope_impl *s = wf_arena_alloc(b->arena, sizeof *s);
    if (!s)
        return no_memory(b);
    scope_impl *prev = b->cur;
    s->pub.kind = kind;
    s->pub.name = name;
    s->pub.node = node;
    s->pub.loc = loc;
    s->pub.parent = prev ? &prev->pub : NULL;
    s->pub.nested = prev && (prev->pub.nested || prev->pub.kind == WF_SCOPE_FUNCTION);
    /* bpo-37757: no walrus anywhere inside a comprehension's iterable expression */
    s->comp_iter_expr = prev ? prev->comp_iter_expr : 0;
    if (b->depth == b->stackcap) {
        size_t cap = b->stackcap ? 2 * b->stackcap : 16;
        scope_impl **stack = realloc(b->stack, cap * sizeof *stack);
        if (!stack)
            return no_memory(b);
        b->stack = stack;
        b->stackcap = cap;
    }
    b->stack[b->depth++] = s;
    b->cur = s;
    if (kind == WF_SCOPE_ANNOTATION)
        return true;
    if (prev) {
        if (!reserve(b, (void **)&prev->pub.children, &prev->childcap, prev->pub.nchildren,
                     sizeof(wf_scope *)))
            return false;
        prev->pub.children[prev->pub.nchildren++] = &s->pub;
    }
    return index_node(b, node, &s->pub);
}

static void exit_scope(builder *b)
{
    b->depth--;
    b->cur = b->depth ? b->stack[b->depth - 1] : NULL;
}

/* Record flag for name in scope s (CPython's symtable_add_def_helper): the name is
 * mangled and interned; a second parameter of one name is an error, and so is a
 * comprehension for-target that an earlier walrus in the same comprehension bound. */
static bool add_def_in(builder *b, scope_impl *s, const char *name, unsigned flag, wf_loc loc)
{
    const char *m = mangled(b, name);
    if (!m)
        return false;
    wf_symbol *sym = find_symbol(s, m);
    unsigned val = flag;
    if (sym) {
        if ((flag & WF_SYM_PARAM) && (sym->flags & WF_SYM_PARAM))
            return ERROR_AT(b, loc, "duplicate argument '%s' in function definition", name);
        val |= sym->flags;
    }
    if (s->comp_iter_target) {
        if (val & (WF_SYM_GLOBAL | WF_SYM_NONLOCAL))
            return ERROR_AT(b, loc,
                            "comprehension inner loop cannot rebind assignment expression "
                            "target '%s'",
                            name);
        val |= WF_SYM_COMP_ITER;
    }
    if (sym)
        sym->flags = val;
    else if (!new_symbol(b, s, m, val))
        return false;
    if (flag & WF_SYM_PARAM) {
        if (!reserve(b, (void **)&s->pub.params, &s->paramcap, s->pub.nparams,
                     sizeof(const char *)))
            return false;
        s->pub.params[s->pub.nparams++] = m;
    } else if (flag & WF_SYM_GLOBAL) {
        /* the module learns of every name declared global anywhere */
        wf_symbol *g = find_symbol(b->top, m);
        if (g)
            g->flags |= flag;
        else if (!new_symbol(b, b->top, m, flag))
            return false;
    }
    return true;
}

static bool add_def(builder *b, const char *name, unsigned flag, wf_loc loc)
{
    return add_def_in(b, b->cur, name, flag, loc);
}

static bool record_directive(builder *b, const char *name, wf_loc loc)
{
    scope_impl *s = b->cur;
    const char *m = mangled(b, name);
    if (!m || !reserve(b, (void **)&s->directives, &s->dircap, s->ndirectives, sizeof(directive)))
        return false;
    s->directives[s->ndirectives++] = (directive){m, loc};
    return true;
}

/* ---- Future statements ------------------------------------------------------------ */

/* CPython's future.c: the `from __future__ import` statements at the top of the module
 * (after an optional docstring) set features; an unknown feature is an error, and so
 * is a future import after another statement on the same line. A late future import
 * on a later line is the compiler's error, not this pass's. */
static bool is_docstring(const wf_stmt *s)
{
    return s->kind == WF_EXPR && s->u.expr.value->kind == WF_CONSTANT &&
           s->u.expr.value->u.constant.kind == WF_CONST_STR;
}

static bool future_features(builder *b, const wf_module *m)
{
    static const char *const known[] = {
        "nested_scopes",  "generators",     "division",         "absolute_import",
        "with_statement", "print_function", "unicode_literals", "generator_stop",
    };
    bool done = false;
    int prev_line = 0;
    size_t i = m->body.n && is_docstring(m->body.items[0]) ? 1 : 0;
    for (; i < m->body.n; i++) {
        const wf_stmt *s = m->body.items[i];
        if (done && s->loc.lineno > prev_line)
            return true;
        prev_line = s->loc.lineno;
        if (s->kind != WF_IMPORTFROM || !s->u.importfrom.module ||
            strcmp(s->u.importfrom.module, "__future__") != 0) {
            done = true;
            continue;
        }
        if (done)
            return error_raw(b, s->loc.lineno, s->loc.col, 0, 0,
                             "from __future__ imports must occur at the beginning of the file");
        for (size_t k = 0; k < s->u.importfrom.names.n; k++) {
            const char *feature = s->u.importfrom.names.items[k]->name;
            bool ok = false;
            for (size_t j = 0; j < sizeof known / sizeof known[0]; j++)
                ok |= strcmp(feature, known[j]) == 0;
            if (strcmp(feature, "annotations") == 0) {
                b->st->future_features |= WF_FUTURE_ANNOTATIONS;
            } else if (strcmp(feature, "barry_as_FLUFL") == 0) {
                b->st->future_features |= WF_FUTURE_BARRY_AS_FLUFL;
            } else if (strcmp(feature, "braces") == 0) {
                return error_raw(b, s->loc.lineno, s->loc.col + 1, 0, 0, "not a chance");
            } else if (!ok) {
                return error_raw(b, s->loc.lineno, s->loc.col + 1, 0, 0,
                                 "future feature %.100s is not defined", feature);
            }
        }
    }
    return true;
}

/* ---- Pass 1: visiting ----------------------------------------------------------------- */

static bool visit_stmt(builder *b, const wf_stmt *s);
static bool visit_expr(builder *b, const wf_expr *e);

static bool visit_stmts(builder *b, wf_stmt_seq seq)
{
    for (size_t i = 0; i < seq.n; i++)
        if (!visit_stmt(b, seq.items[i]))
            return false;
    return true;
}

/* The expressions of seq in order, skipping NULL items (dict ** entries, missing
 * keyword-only defaults). */
static bool visit_exprs(builder *b, wf_expr_seq seq)
{
    for (size_t i = 0; i < seq.n; i++)
        if (seq.items[i] && !visit_expr(b, seq.items[i]))
            return false;
    return true;
}

static bool visit_opt(builder *b, const wf_expr *e)
{
    return !e || visit_expr(b, e);
}

static bool enter_depth(builder *b)
{
    if (++b->visit_depth <= MAX_VISIT_DEPTH)
        return true;
    if (!b->failed) {
        b->failed = true;
        b->err->recursion = true;
        snprintf(b->err->msg, sizeof b->err->msg,
                 "maximum recursion depth exceeded during compilation");
    }
    return false;
}

/* An annotation; under future annotations its names go to a throw-away scope. */
static bool visit_annotation(builder *b, const wf_expr *annotation)
{
    if (b->future_annotations &&
        !enter_scope(b, "_annotation", WF_SCOPE_ANNOTATION, annotation, annotation->loc))
        return false;
    if (!visit_expr(b, annotation))
        return false;
    if (b->future_annotations)
        exit_scope(b);
    return true;
}

static bool visit_arg_annotations(builder *b, wf_arg_seq args)
{
    for (size_t i = 0; i < args.n; i++)
        if (args.items[i]->annotation && !visit_expr(b, args.items[i]->annotation))
            return false;
    return true;
}

/* A def's parameter and return annotations, evaluated in the enclosing scope. */
static bool visit_annotations(builder *b, const wf_stmt *def, const wf_arguments *a,
                              const wf_expr *returns)
{
    if (b->future_annotations && !enter_scope(b, "_annotation", WF_SCOPE_ANNOTATION, def, def->loc))
        return false;
    if (!visit_arg_annotations(b, a->posonlyargs) || !visit_arg_annotations(b, a->args))
        return false;
    if (a->vararg && a->vararg->annotation && !visit_expr(b, a->vararg->annotation))
        return false;
    if (a->kwarg && a->kwarg->annotation && !visit_expr(b, a->kwarg->annotation))
        return false;
    if (!visit_arg_annotations(b, a->kwonlyargs))
        return false;
    if (b->future_annotations)
        exit_scope(b);
    return !returns || visit_annotation(b, returns);
}

static bool visit_params(builder *b, wf_arg_seq args)
{
    for (size_t i = 0; i < args.n; i++)
        if (!add_def(b, args.items[i]->name, WF_SYM_PARAM, args.items[i]->loc))
            return false;
    return true;
}

/* The parameters, inside the function's scope, in co_varnames order. */
static bool visit_arguments(builder *b, const wf_arguments *a)
{
    if (!visit_params(b, a->posonlyargs) || !visit_params(b, a->args) ||
        !visit_params(b, a->kwonlyargs))
        return false;
    if (a->vararg) {
        if (!add_def(b, a->vararg->name, WF_SYM_PARAM, a->vararg->loc))
            return false;
        b->cur->pub.varargs = true;
    }
    if (a->kwarg) {
        if (!add_def(b, a->kwarg->name, WF_SYM_PARAM, a->kwarg->loc))
            return false;
        b->cur->pub.varkeywords = true;
    }
    return true;
}

/* Defaults and keyword-only defaults, evaluated in the enclosing scope. */
static bool visit_defaults(builder *b, const wf_arguments *a)
{
    return visit_exprs(b, a->defaults) && visit_exprs(b, a->kw_defaults);
}

static bool visit_funcdef(builder *b, const wf_stmt *s)
{
    const wf_arguments *a = s->u.funcdef.args;
    if (!add_def(b, s->u.funcdef.name, WF_SYM_ASSIGNED, s->loc) || !visit_defaults(b, a) ||
        !visit_annotations(b, s, a, s->u.funcdef.returns) ||
        !visit_exprs(b, s->u.funcdef.decorators) ||
        !enter_scope(b, s->u.funcdef.name, WF_SCOPE_FUNCTION, s, s->loc))
        return false;
    if (s->kind == WF_ASYNCFUNCTIONDEF)
        b->cur->pub.coroutine = true;
    if (!visit_arguments(b, a) || !visit_stmts(b, s->u.funcdef.body))
        return false;
    exit_scope(b);
    return true;
}

static bool visit_classdef(builder *b, const wf_stmt *s)
{
    if (!add_def(b, s->u.classdef.name, WF_SYM_ASSIGNED, s->loc) ||
        !visit_exprs(b, s->u.classdef.bases))
        return false;
    for (size_t i = 0; i < s->u.classdef.keywords.n; i++)
        if (!visit_expr(b, s->u.classdef.keywords.items[i]->value))
            return false;
    if (!visit_exprs(b, s->u.classdef.decorators) ||
        !enter_scope(b, s->u.classdef.name, WF_SCOPE_CLASS, s, s->loc))
        return false;
    const char *outer = b->private_name;
    b->private_name = s->u.classdef.name;
    if (!visit_stmts(b, s->u.classdef.body))
        return false;
    b->private_name = outer;
    exit_scope(b);
    return true;
}

static bool visit_annassign(builder *b, const wf_stmt *s)
{
    const wf_expr *target = s->u.annassign.target;
    if (target->kind == WF_NAME) {
        const char *name = target->u.name.id;
        const char *m = mangled(b, name);
        if (!m)
            return false;
        unsigned cur = symbol_flags(b->cur, m);
        if ((cur & (WF_SYM_GLOBAL | WF_SYM_NONLOCAL)) && b->cur != b->top && s->u.annassign.simple)
            return ERROR_AT(b, s->loc,
                            (cur & WF_SYM_GLOBAL) ? "annotated name '%s' can't be global"
                                                  : "annotated name '%s' can't be nonlocal",
                            name);
        if (s->u.annassign.simple &&
            !add_def(b, name, WF_SYM_ANNOTATED | WF_SYM_ASSIGNED, target->loc))
            return false;
        if (s->u.annassign.value && !add_def(b, name, WF_SYM_ASSIGNED, target->loc))
            return false;
    } else if (!visit_expr(b, target)) {
        return false;
    }
    return visit_annotation(b, s->u.annassign.annotation) && visit_opt(b, s->u.annassign.value);
}

/* global and nonlocal: the name must not be a parameter, used, annotated or assigned
 * earlier in the scope. */
static bool visit_declaration(builder *b, const wf_stmt *s)
{
    bool global = s->kind == WF_GLOBAL;
    const char *what = global ? "global" : "nonlocal";
    wf_name_seq names = global ? s->u.global.names : s->u.nonlocal.names;
    for (size_t i = 0; i < names.n; i++) {
        const char *name = names.items[i];
        const char *m = mangled(b, name);
        if (!m)
            return false;
        unsigned cur = symbol_flags(b->cur, m);
        if (cur & WF_SYM_PARAM)
            return ERROR_AT(b, s->loc, "name '%s' is parameter and %s", name, what);
        if (cur & WF_SYM_USED)
            return ERROR_AT(b, s->loc, "name '%s' is used prior to %s declaration", name, what);
        if (cur & WF_SYM_ANNOTATED)
            return ERROR_AT(b, s->loc, "annotated name '%s' can't be %s", name, what);
        if (cur & WF_SYM_ASSIGNED)
            return ERROR_AT(b, s->loc, "name '%s' is assigned to before %s declaration", name,
                            what);
        if (!add_def(b, name, global ? WF_SYM_GLOBAL : WF_SYM_NONLOCAL, s->loc) ||
            !record_directive(b, name, s->loc))
            return false;
    }
    return true;
}

/* An import binds the first component of a dotted name, or the as-name. */
static bool visit_alias(builder *b, const wf_alias *a)
{
    const char *name = a->asname ? a->asname : a->name;
    if (strcmp(name, "*") == 0) {
        if (b->cur->pub.kind != WF_SCOPE_MODULE)
            return ERROR_AT(b, a->loc, "import * only allowed at module level");
        return true;
    }
    const char *dot = strchr(name, '.');
    if (dot) {
        name = wf_arena_strndup(b->arena, name, (size_t)(dot - name));
        if (!name)
            return no_memory(b);
    }
    return add_def(b, name, WF_SYM_IMPORTED, a->loc);
}

static bool visit_handler(builder *b, const wf_excepthandler *h)
{
    if (!visit_opt(b, h->type))
        return false;
    if (h->name && !add_def(b, h->name, WF_SYM_ASSIGNED, h->loc))
        return false;
    return visit_stmts(b, h->body);
}

static bool visit_stmt(builder *b, const wf_stmt *s)
{
    if (!enter_depth(b))
        return false;
    bool ok = true;
    switch (s->kind) {
    case WF_FUNCTIONDEF:
    case WF_ASYNCFUNCTIONDEF:
        ok = visit_funcdef(b, s);
        break;
    case WF_CLASSDEF:
        ok = visit_classdef(b, s);
        break;
    case WF_RETURN:
        if (s->u.return_.value) {
            ok = visit_expr(b, s->u.return_.value);
            b->cur->pub.returns_value = true;
        }
        break;
    case WF_DELETE:
        ok = visit_exprs(b, s->u.delete_.targets);
        break;
    case WF_ASSIGN:
        ok = visit_exprs(b, s->u.assign.targets) && visit_expr(b, s->u.assign.value);
        break;
    case WF_AUGASSIGN:
        ok = visit_expr(b, s->u.augassign.target) && visit_expr(b, s->u.augassign.value);
        break;
    case WF_ANNASSIGN:
        ok = visit_annassign(b, s);
        break;
    case WF_FOR:
    case WF_ASYNCFOR:
        ok = visit_expr(b, s->u.for_.target) && visit_expr(b, s->u.for_.iter) &&
             visit_stmts(b, s->u.for_.body) && visit_stmts(b, s->u.for_.orelse);
        break;
    case WF_WHILE:
        ok = visit_expr(b, s->u.while_.test) && visit_stmts(b, s->u.while_.body) &&
             visit_stmts(b, s->u.while_.orelse);
        break;
    case WF_IF:
        ok = visit_expr(b, s->u.if_.test) && visit_stmts(b, s->u.if_.body) &&
             visit_stmts(b, s->u.if_.orelse);
        break;
    case WF_WITH:
    case WF_ASYNCWITH:
        for (size_t i = 0; ok && i < s->u.with.items.n; i++)
            ok = visit_expr(b, s->u.with.items.items[i]->context_expr) &&
                 visit_opt(b, s->u.with.items.items[i]->optional_vars);
        ok = ok && visit_stmts(b, s->u.with.body);
        break;
    case WF_RAISE:
        if (s->u.raise.exc)
            ok = visit_expr(b, s->u.raise.exc) && visit_opt(b, s->u.raise.cause);
        break;
    case WF_TRY: /* CPython 3.11 visits the else block before the handlers */
        ok = visit_stmts(b, s->u.try_.body) && visit_stmts(b, s->u.try_.orelse);
        for (size_t i = 0; ok && i < s->u.try_.handlers.n; i++)
            ok = visit_handler(b, s->u.try_.handlers.items[i]);
        ok = ok && visit_stmts(b, s->u.try_.finalbody);
        break;
    case WF_ASSERT:
        ok = visit_expr(b, s->u.assert_.test) && visit_opt(b, s->u.assert_.msg);
        break;
    case WF_IMPORT:
        for (size_t i = 0; ok && i < s->u.import.names.n; i++)
            ok = visit_alias(b, s->u.import.names.items[i]);
        break;
    case WF_IMPORTFROM:
        for (size_t i = 0; ok && i < s->u.importfrom.names.n; i++)
            ok = visit_alias(b, s->u.importfrom.names.items[i]);
        break;
    case WF_GLOBAL:
    case WF_NONLOCAL:
        ok = visit_declaration(b, s);
        break;
    case WF_EXPR:
        ok = visit_expr(b, s->u.expr.value);
        break;
    case WF_PASS:
    case WF_BREAK:
    case WF_CONTINUE:
        break;
    }
    b->visit_depth--;
    return ok;
}

/* A walrus inside a comprehension binds in the nearest enclosing scope that is not a
 * comprehension: the comprehension declares the name nonlocal (or global, at module
 * level or when that function declares it global), and the target scope binds it. */
static bool extend_namedexpr_scope(builder *b, const wf_expr *target)
{
    const char *name = target->u.name.id;
    for (size_t i = b->depth; i-- > 0;) {
        scope_impl *s = b->stack[i];
        if (s->pub.comprehension) {
            /* CPython looks the name up unmangled here */
            if (symbol_flags(s, name) & WF_SYM_COMP_ITER)
                return ERROR_AT(b, target->loc,
                                "assignment expression cannot rebind comprehension iteration "
                                "variable '%s'",
                                name);
            continue;
        }
        if (s->pub.kind == WF_SCOPE_FUNCTION) {
            unsigned flag =
                (symbol_flags(s, name) & WF_SYM_GLOBAL) ? WF_SYM_GLOBAL : WF_SYM_NONLOCAL;
            return add_def(b, name, flag, target->loc) && record_directive(b, name, target->loc) &&
                   add_def_in(b, s, name, WF_SYM_ASSIGNED, target->loc);
        }
        if (s->pub.kind == WF_SCOPE_MODULE)
            return add_def(b, name, WF_SYM_GLOBAL, target->loc) &&
                   record_directive(b, name, target->loc) &&
                   add_def_in(b, s, name, WF_SYM_GLOBAL, target->loc);
        if (s->pub.kind == WF_SCOPE_CLASS)
            return ERROR_AT(b, target->loc,
                            "assignment expression within a comprehension cannot be used in a "
                            "class body");
    }
    return true; /* not reached: the module is at the bottom of the stack */
}

static bool visit_namedexpr(builder *b, const wf_expr *e)
{
    if (b->cur->comp_iter_expr > 0)
        return ERROR_AT(b, e->loc,
                        "assignment expression cannot be used in a comprehension iterable "
                        "expression");
    if (b->cur->pub.comprehension && !extend_namedexpr_scope(b, e->u.namedexpr.target))
        return false;
    return visit_expr(b, e->u.namedexpr.value) && visit_expr(b, e->u.namedexpr.target);
}

/* A for-clause after the first, inside the comprehension's scope. */
static bool visit_comprehension(builder *b, const wf_comprehension *c)
{
    b->cur->comp_iter_target = true;
    if (!visit_expr(b, c->target))
        return false;
    b->cur->comp_iter_target = false;
    b->cur->comp_iter_expr++;
    if (!visit_expr(b, c->iter))
        return false;
    b->cur->comp_iter_expr--;
    if (!visit_exprs(b, c->ifs))
        return false;
    if (c->is_async)
        b->cur->pub.coroutine = true;
    return true;
}

/* A comprehension or generator expression: the first iterable is evaluated in the
 * enclosing scope and passed in as parameter ".0"; everything else runs in a new
 * function scope. A dict comprehension visits its value before its key. */
static bool visit_comp(builder *b, const wf_expr *e)
{
    static const struct {
        const char *name;
        enum wf_comprehension_kind kind;
    } kinds[] = {
        [WF_LISTCOMP] = {"listcomp", WF_COMP_LIST},
        [WF_SETCOMP] = {"setcomp", WF_COMP_SET},
        [WF_DICTCOMP] = {"dictcomp", WF_COMP_DICT},
        [WF_GENERATOREXP] = {"genexpr", WF_COMP_GENEXP},
    };
    bool is_generator = e->kind == WF_GENERATOREXP;
    const wf_comprehension *first = e->u.comp.generators.items[0];
    b->cur->comp_iter_expr++;
    if (!visit_expr(b, first->iter))
        return false;
    b->cur->comp_iter_expr--;
    if (!enter_scope(b, kinds[e->kind].name, WF_SCOPE_FUNCTION, e, e->loc))
        return false;
    scope_impl *comp = b->cur;
    comp->pub.comprehension = kinds[e->kind].kind;
    if (first->is_async)
        comp->pub.coroutine = true;
    if (!add_def(b, ".0", WF_SYM_PARAM, e->loc))
        return false;
    comp->comp_iter_target = true;
    if (!visit_expr(b, first->target))
        return false;
    comp->comp_iter_target = false;
    if (!visit_exprs(b, first->ifs))
        return false;
    for (size_t i = 1; i < e->u.comp.generators.n; i++)
        if (!visit_comprehension(b, e->u.comp.generators.items[i]))
            return false;
    if (!visit_opt(b, e->u.comp.value) || !visit_expr(b, e->u.comp.elt))
        return false;
    comp->pub.generator = is_generator;
    bool is_async = comp->pub.coroutine && !is_generator;
    exit_scope(b);
    if (is_async)
        b->cur->pub.coroutine = true;
    return true;
}

/* yield, yield from and await are errors inside a future-annotations annotation. */
static bool check_not_annotation(builder *b, const char *what, const wf_expr *e)
{
    if (b->cur->pub.kind == WF_SCOPE_ANNOTATION)
        return ERROR_AT(b, e->loc, "'%s' can not be used within an annotation", what);
    return true;
}

static bool visit_yield(builder *b, const wf_expr *e, const wf_expr *value)
{
    static const char *const where[] = {
        [WF_COMP_LIST] = "list comprehension",
        [WF_COMP_DICT] = "dict comprehension",
        [WF_COMP_SET] = "set comprehension",
        [WF_COMP_GENEXP] = "generator expression",
    };
    if (!check_not_annotation(b, "yield expression", e) || !visit_opt(b, value))
        return false;
    b->cur->pub.generator = true;
    if (b->cur->pub.comprehension)
        return ERROR_AT(b, e->loc, "'yield' inside %s", where[b->cur->pub.comprehension]);
    return true;
}

static bool visit_lambda(builder *b, const wf_expr *e)
{
    const wf_arguments *a = e->u.lambda.args;
    if (!visit_defaults(b, a) || !enter_scope(b, "lambda", WF_SCOPE_FUNCTION, e, e->loc) ||
        !visit_arguments(b, a) || !visit_expr(b, e->u.lambda.body))
        return false;
    exit_scope(b);
    return true;
}

static bool visit_name(builder *b, const wf_expr *e)
{
    bool load = e->u.name.ctx == WF_LOAD;
    if (!add_def(b, e->u.name.id, load ? WF_SYM_USED : WF_SYM_ASSIGNED, e->loc))
        return false;
    /* super() needs the __class__ cell of the enclosing class */
    if (load && b->cur->pub.kind == WF_SCOPE_FUNCTION && strcmp(e->u.name.id, "super") == 0)
        return add_def(b, "__class__", WF_SYM_USED, e->loc);
    return true;
}

static bool visit_expr(builder *b, const wf_expr *e)
{
    if (!enter_depth(b))
        return false;
    bool ok = true;
    switch (e->kind) {
    case WF_NAMEDEXPR:
        ok = check_not_annotation(b, "named expression", e) && visit_namedexpr(b, e);
        break;
    case WF_BOOLOP:
        ok = visit_exprs(b, e->u.boolop.values);
        break;
    case WF_BINOP:
        ok = visit_expr(b, e->u.binop.left) && visit_expr(b, e->u.binop.right);
        break;
    case WF_UNARYOP:
        ok = visit_expr(b, e->u.unaryop.operand);
        break;
    case WF_LAMBDA:
        ok = visit_lambda(b, e);
        break;
    case WF_IFEXP:
        ok = visit_expr(b, e->u.ifexp.test) && visit_expr(b, e->u.ifexp.body) &&
             visit_expr(b, e->u.ifexp.orelse);
        break;
    case WF_DICT:
        ok = visit_exprs(b, e->u.dict.keys) && visit_exprs(b, e->u.dict.values);
        break;
    case WF_SET:
        ok = visit_exprs(b, e->u.set.elts);
        break;
    case WF_LISTCOMP:
    case WF_SETCOMP:
    case WF_DICTCOMP:
    case WF_GENERATOREXP:
        ok = visit_comp(b, e);
        break;
    case WF_YIELD:
        ok = visit_yield(b, e, e->u.yield.value);
        break;
    case WF_YIELDFROM:
        ok = visit_yield(b, e, e->u.yieldfrom.value);
        break;
    case WF_AWAIT:
        ok = check_not_annotation(b, "await expression", e) && visit_expr(b, e->u.await_.value);
        b->cur->pub.coroutine = true;
        break;
    case WF_COMPARE:
        ok = visit_expr(b, e->u.compare.left);
        for (size_t i = 0; ok && i < e->u.compare.n; i++)
            ok = visit_expr(b, e->u.compare.comparators[i]);
        break;
    case WF_CALL:
        ok = visit_expr(b, e->u.call.func) && visit_exprs(b, e->u.call.args);
        for (size_t i = 0; ok && i < e->u.call.keywords.n; i++)
            ok = visit_expr(b, e->u.call.keywords.items[i]->value);
        break;
    case WF_FORMATTEDVALUE:
        ok = visit_expr(b, e->u.formatted.value) && visit_opt(b, e->u.formatted.format_spec);
        break;
    case WF_JOINEDSTR:
        ok = visit_exprs(b, e->u.joinedstr.values);
        break;
    case WF_CONSTANT:
        break;
    case WF_ATTRIBUTE:
        ok = visit_expr(b, e->u.attribute.value);
        break;
    case WF_SUBSCRIPT:
        ok = visit_expr(b, e->u.subscript.value) && visit_expr(b, e->u.subscript.slice);
        break;
    case WF_STARRED:
        ok = visit_expr(b, e->u.starred.value);
        break;
    case WF_SLICE:
        ok = visit_opt(b, e->u.slice.lower) && visit_opt(b, e->u.slice.upper) &&
             visit_opt(b, e->u.slice.step);
        break;
    case WF_NAME:
        ok = visit_name(b, e);
        break;
    case WF_LIST:
        ok = visit_exprs(b, e->u.list.elts);
        break;
    case WF_TUPLE:
        ok = visit_exprs(b, e->u.tuple.elts);
        break;
    }
    b->visit_depth--;
    return ok;
}

/* ---- Pass 2: analysis ---------------------------------------------------------------- */

/* Where analysis errors about name point: the scope's first declaration of it. */
static wf_loc directive_loc(const scope_impl *s, const char *name)
{
    for (size_t i = 0; i < s->ndirectives; i++)
        if (s->directives[i].name == name)
            return s->directives[i].loc;
    return (wf_loc){0};
}

/* The scope of one symbol of s (CPython's analyze_name). bound is NULL for the module;
 * local collects the names s binds; free collects the names s uses free. */
static bool analyze_name(builder *b, scope_impl *s, wf_symbol *sym, nameset *bound, nameset *local,
                         nameset *free_, nameset *global)
{
    unsigned f = sym->flags;
    const char *name = sym->name;
    if (f & WF_SYM_GLOBAL) {
        if (f & WF_SYM_NONLOCAL)
            return ERROR_AT(b, directive_loc(s, name), "name '%s' is nonlocal and global", name);
        sym->scope = WF_NAME_GLOBAL_EXPLICIT;
        if (!set_add(global, name))
            return no_memory(b);
        if (bound)
            set_discard(bound, name);
        return true;
    }
    if (f & WF_SYM_NONLOCAL) {
        if (!bound)
            return ERROR_AT(b, directive_loc(s, name),
                            "nonlocal declaration not allowed at module level");
        if (!set_has(bound, name))
            return ERROR_AT(b, directive_loc(s, name), "no binding for nonlocal '%s' found", name);
        sym->scope = WF_NAME_FREE;
        s->pub.has_free = true;
        return set_add(free_, name) || no_memory(b);
    }
    if (f & WF_SYM_BOUND) {
        sym->scope = WF_NAME_LOCAL;
        set_discard(global, name);
        return set_add(local, name) || no_memory(b);
    }
    if (bound && set_has(bound, name)) {
        sym->scope = WF_NAME_FREE;
        s->pub.has_free = true;
        return set_add(free_, name) || no_memory(b);
    }
    sym->scope = WF_NAME_GLOBAL_IMPLICIT;
    if (!set_has(global, name) && s->pub.nested)
        s->pub.has_free = true;
    return true;
}

/* Free names from the inner scopes that s itself binds: s provides their cells. */
static void analyze_cells(scope_impl *s, nameset *free_)
{
    for (size_t i = 0; i < s->pub.nsymbols; i++) {
        wf_symbol *sym = &s->pub.symbols[i];
        if (sym->scope == WF_NAME_LOCAL && set_discard(free_, sym->name))
            sym->scope = WF_NAME_CELL;
    }
}

/* Names still free after s: a class marks its own names that methods use free (they
 * must not come from the class namespace); names bound further out become free in s
 * too, so the cell passes through it. */
static bool update_symbols(builder *b, scope_impl *s, const nameset *bound, const nameset *free_)
{
    bool is_class = s->pub.kind == WF_SCOPE_CLASS;
    for (size_t i = 0; i < free_->cap; i++) {
        const char *name = free_->slots[i];
        if (!name)
            continue;
        wf_symbol *sym = find_symbol(s, name);
        if (sym) {
            if (is_class && (sym->flags & (WF_SYM_BOUND | WF_SYM_GLOBAL)))
                sym->flags |= WF_SYM_FREE_CLASS;
            continue;
        }
        if (bound && !set_has(bound, name))
            continue; /* a global */
        sym = new_symbol(b, s, name, 0);
        if (!sym)
            return false;
        sym->scope = WF_NAME_FREE;
    }
    return true;
}

static bool analyze_block(builder *b, scope_impl *s, nameset *bound, nameset *free_,
                          nameset *global);

/* Analyze child c on copies of the sets, which c's analysis changes; the names c
 * uses free are added to child_free. */
static bool analyze_child(builder *b, scope_impl *c, const nameset *bound, const nameset *free_,
                          const nameset *global, nameset *child_free)
{
    nameset tb = {0}, tf = {0}, tg = {0};
    bool ok =
        (set_union(&tb, bound) && set_union(&tf, free_) && set_union(&tg, global)) || no_memory(b);
    ok = ok && analyze_block(b, c, &tb, &tf, &tg);
    ok = ok && (set_union(child_free, &tf) || no_memory(b));
    set_free(&tb);
    set_free(&tf);
    set_free(&tg);
    return ok;
}

/* The scopes of s's symbols, then of its children (CPython's analyze_block). */
static bool analyze_block(builder *b, scope_impl *s, nameset *bound, nameset *free_,
                          nameset *global)
{
    nameset local = {0}, newbound = {0}, newfree = {0}, newglobal = {0}, allfree = {0};
    enum wf_scope_kind kind = s->pub.kind;
    bool ok = true;
    /* a class's names are invisible to its methods: they see what the class saw */
    if (kind == WF_SCOPE_CLASS)
        ok = (set_union(&newglobal, global) && (!bound || set_union(&newbound, bound))) ||
             no_memory(b);
    for (size_t i = 0; ok && i < s->pub.nsymbols; i++)
        ok = analyze_name(b, s, &s->pub.symbols[i], bound, &local, free_, global);
    if (ok && kind != WF_SCOPE_CLASS)
        ok = ((kind != WF_SCOPE_FUNCTION || set_union(&newbound, &local)) &&
              (!bound || set_union(&newbound, bound)) && set_union(&newglobal, global)) ||
             no_memory(b);
    else if (ok)
        ok = set_add(&newbound, b->dunder_class) || no_memory(b);
    for (size_t i = 0; ok && i < s->pub.nchildren; i++) {
        scope_impl *c = impl(s->pub.children[i]);
        ok = analyze_child(b, c, &newbound, &newfree, &newglobal, &allfree);
        if (c->pub.has_free || c->pub.child_free)
            s->pub.child_free = true;
    }
    ok = ok && (set_union(&newfree, &allfree) || no_memory(b));
    if (ok && kind == WF_SCOPE_FUNCTION)
        analyze_cells(s, &newfree);
    else if (ok && kind == WF_SCOPE_CLASS && set_discard(&newfree, b->dunder_class))
        s->pub.needs_class_closure = true;
    ok = ok && update_symbols(b, s, bound, &newfree);
    ok = ok && (set_union(free_, &newfree) || no_memory(b));
    set_free(&local);
    set_free(&newbound);
    set_free(&newfree);
    set_free(&newglobal);
    set_free(&allfree);
    return ok;
}

/* ---- Building and lookups ------------------------------------------------------------- */

wf_symtable *wf_symtable_build(wf_arena *arena, const wf_module *m, wf_syntax_error *err)
{
    memset(err, 0, sizeof *err);
    builder b = {.arena = arena, .err = err};
    wf_symtable *st = wf_arena_alloc(arena, sizeof *st);
    wf_symtable_index *index = wf_arena_alloc(arena, sizeof *index);
    if (!st || !index) {
        no_memory(&b);
        return NULL;
    }
    st->index = index;
    b.st = st;
    bool ok = future_features(&b, m);
    b.future_annotations = st->future_features & WF_FUTURE_ANNOTATIONS;
    ok = ok && (b.dunder_class = intern(&b, "__class__")) != NULL;
    ok = ok && enter_scope(&b, "top", WF_SCOPE_MODULE, m, (wf_loc){0});
    if (ok) {
        b.top = b.cur;
        st->top = &b.top->pub;
        ok = visit_stmts(&b, m->body);
    }
    if (ok) {
        nameset free_ = {0}, global = {0};
        ok = analyze_block(&b, b.top, NULL, &free_, &global);
        set_free(&free_);
        set_free(&global);
    }
    free(b.stack);
    free(b.names);
    return ok ? st : NULL;
}

wf_scope *wf_symtable_scope_of(const wf_symtable *st, const void *node)
{
    const wf_symtable_index *ix = st->index;
    if (!ix->n)
        return NULL;
    size_t mask = ix->cap - 1;
    for (size_t i = ptr_hash(node) & mask; ix->keys[i]; i = (i + 1) & mask)
        if (ix->keys[i] == node)
            return ix->vals[i];
    return NULL;
}

const wf_symbol *wf_scope_lookup(const wf_scope *s, const char *name)
{
    return find_symbol(impl(s), name);
}

enum wf_name_scope wf_scope_name_scope(const wf_scope *s, const char *name)
{
    const wf_symbol *sym = wf_scope_lookup(s, name);
    return sym ? sym->scope : WF_NAME_NONE;
}
