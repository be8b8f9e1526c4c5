/* Code objects: the compiled, immutable form of a module, class body, function,
 * lambda or comprehension. One copy is shared by every thread that runs it; nothing in
 * it is written after wf_code_new returns (the specializer will later write inline
 * caches through atomics, see DESIGN.md).
 *
 * localsplus: the frame's variable slots, in order: plain locals (co_varnames, the
 * parameters first), then cell variables that are not parameters, then free variables.
 * A parameter that is also a cell keeps its slot and gets WF_KIND_LOCAL|WF_KIND_CELL;
 * the MAKE_CELL instruction at the start of the code wraps its value in a cell. */
#ifndef WF_CODE_H
#define WF_CODE_H

#include "interp/ast.h"
#include "runtime/object.h"

extern wf_type wf_code_type;

/* co_flags, CPython's values. */
#define WF_CO_OPTIMIZED   0x0001
#define WF_CO_NEWLOCALS   0x0002
#define WF_CO_VARARGS     0x0004
#define WF_CO_VARKEYWORDS 0x0008
#define WF_CO_NESTED      0x0010
#define WF_CO_GENERATOR   0x0020
#define WF_CO_NOFREE      0x0040
#define WF_CO_COROUTINE   0x0080

/* Kinds of localsplus slots (CPython's CO_FAST_* values). */
#define WF_KIND_LOCAL 0x20
#define WF_KIND_CELL  0x40
#define WF_KIND_FREE  0x80

typedef struct wf_code {
    wf_object ob;
    uint16_t *units; /* the bytecode */
    size_t nunits;
    wf_loc *locations;        /* one per code unit: the source range of its instruction */
    wf_value consts;          /* tuple */
    wf_value names;           /* tuple of interned str: globals, attributes, imports */
    wf_value localsplusnames; /* tuple of interned str */
    uint8_t *localspluskinds;
    int nlocalsplus;
    int nlocals; /* plain locals (co_varnames): slots [0, nlocals) */
    int ncells;  /* cell slots that are not parameters */
    int nfrees;  /* the last nfrees slots */
    int argcount, posonlyargcount, kwonlyargcount;
    int flags;
    int stacksize;
    int firstlineno;
    wf_value name, qualname, filename; /* str */
    struct wf_code *all_next;          /* the registry of every code object (code.c) */
} wf_code;

static inline wf_code *wf_code_of(wf_value v)
{
    return (wf_code *)wf_to_object(v);
}
static inline bool wf_code_check(wf_value v)
{
    return wf_is_object(v) && wf_to_object(v)->ob_type == &wf_code_type;
}

/* Everything a code object is made of; wf_code_new takes ownership of the arrays
 * (allocated with wf_raw_alloc) and references to the values. */
typedef struct wf_code_parts {
    uint16_t *units;
    size_t nunits;
    wf_loc *locations;
    wf_value consts, names, localsplusnames;
    uint8_t *localspluskinds;
    int nlocalsplus, nlocals, ncells, nfrees;
    int argcount, posonlyargcount, kwonlyargcount, flags, stacksize, firstlineno;
    wf_value name, qualname, filename;
} wf_code_parts;

/* A new code object (immortal, as DESIGN.md's deferred objects are until the collector
 * exists). On failure the parts are released and 0 returned with MemoryError. */
wf_value wf_code_new(wf_thread *t, wf_code_parts *parts);

/* The source line of the instruction at code unit offset i (0 when unknown). */
int wf_code_line(const wf_code *co, size_t i);

/* co_varnames, co_cellvars, co_freevars as new tuples. */
wf_value wf_code_varnames(wf_thread *t, const wf_code *co);
wf_value wf_code_cellvars(wf_thread *t, const wf_code *co);
wf_value wf_code_freevars(wf_thread *t, const wf_code *co);

/* A listing of co's bytecode (interp/dis.c), malloc'd; NULL when out of memory. */
char *wf_dis(wf_thread *t, const wf_code *co);

#endif
