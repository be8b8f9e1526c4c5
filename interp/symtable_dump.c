/* wf_symtable_dump: the symbol table as text, in the format of
 * tests/symtable/expected.py (which prints CPython's symtable module's view), for the
 * differential tests and debugging. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "symtable.h"

typedef struct out {
    char *s;
    size_t n, cap;
    bool nomem;
} out;

static void put(out *o, const char *s)
{
    size_t n = strlen(s);
    if (o->nomem)
        return;
    if (o->n + n + 1 > o->cap) {
        size_t cap = (o->n + n + 1) * 2;
        char *ns = realloc(o->s, cap);
        if (!ns) {
            o->nomem = true;
            return;
        }
        o->s = ns;
        o->cap = cap;
    }
    memcpy(o->s + o->n, s, n + 1);
    o->n += n;
}

static void indent(out *o, int depth)
{
    for (int i = 0; i < depth; i++)
        put(o, "  ");
}

static int by_name(const void *a, const void *b)
{
    return strcmp((*(const wf_symbol *const *)a)->name, (*(const wf_symbol *const *)b)->name);
}

/* The words of one symbol: the symtable module's is_* methods that hold, then the two
 * flags none of them shows. A table named "top" counts as the module there, as in
 * Lib/symtable.py. */
static void symbol_words(out *o, const wf_scope *s, const wf_symbol *sym)
{
    static const char *const scopes[] = {
        [WF_NAME_NONE] = "NONE",
        [WF_NAME_LOCAL] = "LOCAL",
        [WF_NAME_GLOBAL_EXPLICIT] = "GLOBAL_EXPLICIT",
        [WF_NAME_GLOBAL_IMPLICIT] = "GLOBAL_IMPLICIT",
        [WF_NAME_FREE] = "FREE",
        [WF_NAME_CELL] = "CELL",
    };
    unsigned f = sym->flags;
    enum wf_name_scope sc = sym->scope;
    bool module_bound = strcmp(s->name, "top") == 0 && (f & WF_SYM_BOUND);
    bool namespace = false;
    for (size_t i = 0; i < s->nchildren; i++)
    namespace |= strcmp(s->children[i]->name, sym->name) == 0;
    const struct {
        const char *word;
        bool on;
    } words[] = {
        {"referenced", f & WF_SYM_USED},
        {"imported", f & WF_SYM_IMPORTED},
        {"parameter", f & WF_SYM_PARAM},
        {"global", sc == WF_NAME_GLOBAL_IMPLICIT || sc == WF_NAME_GLOBAL_EXPLICIT || module_bound},
        {"nonlocal", f & WF_SYM_NONLOCAL},
        {"declared_global", sc == WF_NAME_GLOBAL_EXPLICIT},
        {"local", sc == WF_NAME_LOCAL || sc == WF_NAME_CELL || module_bound},
        {"annotated", f & WF_SYM_ANNOTATED},
        {"free", sc == WF_NAME_FREE},
        {"assigned", f & WF_SYM_ASSIGNED},
        {"namespace", namespace},
        {"free_class", f & WF_SYM_FREE_CLASS},
        {"comp_iter", f & WF_SYM_COMP_ITER},
    };
    put(o, " ");
    put(o, scopes[sc]);
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (words[i].on) {
            put(o, " ");
            put(o, words[i].word);
        }
    }
}

static void dump_scope(out *o, const wf_scope *s, int depth)
{
    static const char *const kinds[] = {
        [WF_SCOPE_FUNCTION] = "function",
        [WF_SCOPE_CLASS] = "class",
        [WF_SCOPE_MODULE] = "module",
        [WF_SCOPE_ANNOTATION] = "annotation",
    };
    char line[32];
    indent(o, depth);
    put(o, kinds[s->kind]);
    put(o, " ");
    put(o, s->name);
    snprintf(line, sizeof line, " line %d", s->loc.lineno);
    put(o, line);
    const struct {
        const char *word;
        bool on;
    } props[] = {
        {"nested", s->nested},
        {"free", s->has_free},
        {"child_free", s->child_free},
        {"generator", s->generator},
        {"coroutine", s->coroutine},
        {"varargs", s->varargs},
        {"varkeywords", s->varkeywords},
        {"returns_value", s->returns_value},
        {"needs_class_closure", s->needs_class_closure},
    };
    for (size_t i = 0; i < sizeof props / sizeof props[0]; i++) {
        if (props[i].on) {
            put(o, " ");
            put(o, props[i].word);
        }
    }
    put(o, "\n");
    if (s->nparams) {
        indent(o, depth + 1);
        put(o, "params:");
        for (size_t i = 0; i < s->nparams; i++) {
            put(o, " ");
            put(o, s->params[i]);
        }
        put(o, "\n");
    }
    const wf_symbol **sorted = malloc((s->nsymbols + 1) * sizeof *sorted);
    if (!sorted) {
        o->nomem = true;
        return;
    }
    for (size_t i = 0; i < s->nsymbols; i++)
        sorted[i] = &s->symbols[i];
    qsort(sorted, s->nsymbols, sizeof *sorted, by_name);
    for (size_t i = 0; i < s->nsymbols; i++) {
        indent(o, depth + 1);
        put(o, sorted[i]->name);
        symbol_words(o, s, sorted[i]);
        put(o, "\n");
    }
    free(sorted);
    for (size_t i = 0; i < s->nchildren; i++)
        dump_scope(o, s->children[i], depth + 1);
}

char *wf_symtable_dump(const wf_symtable *st)
{
    out o = {0};
    put(&o, "");
    dump_scope(&o, st->top, 0);
    if (o.nomem) {
        free(o.s);
        return NULL;
    }
    return o.s;
}
