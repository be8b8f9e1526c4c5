/* Code objects (interp/code.h): construction, the co_* attributes, repr. */
#include "interp/code.h"

#include "interp/opcode.h"
#include "runtime/abstract.h"
#include "runtime/alloc.h"
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

const unsigned char wf_op_caches[WF_I_COUNT] = {
#define WF_I_CACHES(name, caches) [WF_I_##name] = caches,
    WF_OPCODES(WF_I_CACHES)
#undef WF_I_CACHES
};

const char *const wf_op_names[WF_I_COUNT] = {
#define WF_I_NAME(name, caches) [WF_I_##name] = #name,
    WF_OPCODES(WF_I_NAME)
#undef WF_I_NAME
};

static void release_parts(wf_thread *t, wf_code_parts *p)
{
    wf_raw_free(p->units);
    wf_raw_free(p->locations);
    wf_raw_free(p->localspluskinds);
    wf_value vals[] = {p->consts, p->names, p->localsplusnames, p->name, p->qualname, p->filename};
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++)
        if (vals[i])
            wf_value_decref(t, vals[i]);
}

/* Every code object, newest first: immortal objects stay reachable (the future cycle
 * collector's roots; LeakSanitizer sees them as live). Lock-free push. */
static _Atomic(wf_code *) all_code;

static void register_code(wf_code *co)
{
    /* relaxed load; the release CAS publishes co's fields to a later acquire reader */
    wf_code *head = atomic_load_explicit(&all_code, memory_order_relaxed);
    do
        co->all_next = head;
    while (!atomic_compare_exchange_weak_explicit(&all_code, &head, co, memory_order_release,
                                                  memory_order_relaxed));
}

wf_value wf_code_new(wf_thread *t, wf_code_parts *p)
{
    wf_code *co = (wf_code *)wf_object_alloc(t, &wf_code_type, sizeof(wf_code));
    if (!co) {
        release_parts(t, p);
        return wf_err_no_memory(t);
    }
    co->units = p->units;
    co->nunits = p->nunits;
    co->locations = p->locations;
    co->consts = p->consts;
    co->names = p->names;
    co->localsplusnames = p->localsplusnames;
    co->localspluskinds = p->localspluskinds;
    co->nlocalsplus = p->nlocalsplus;
    co->nlocals = p->nlocals;
    co->ncells = p->ncells;
    co->nfrees = p->nfrees;
    co->argcount = p->argcount;
    co->posonlyargcount = p->posonlyargcount;
    co->kwonlyargcount = p->kwonlyargcount;
    co->flags = p->flags;
    co->stacksize = p->stacksize;
    co->firstlineno = p->firstlineno;
    co->name = p->name;
    co->qualname = p->qualname;
    co->filename = p->filename;
    /* Code is read by every thread that calls the function: never counted (DESIGN.md
     * "deferred reference counting", immortal until the collector exists). */
    wf_object_set_immortal(&co->ob);
    register_code(co);
    return wf_from_object(&co->ob);
}

int wf_code_line(const wf_code *co, size_t i)
{
    return i < co->nunits ? co->locations[i].lineno : 0;
}

/* The names of the slots whose kind matches (kind & mask) == want. */
static wf_value names_of_kind(wf_thread *t, const wf_code *co, int mask, int want)
{
    size_t n = 0;
    for (int i = 0; i < co->nlocalsplus; i++)
        n += (co->localspluskinds[i] & mask) == want;
    wf_value tup = wf_tuple_new(t, n);
    if (!tup)
        return 0;
    size_t j = 0;
    for (int i = 0; i < co->nlocalsplus; i++)
        if ((co->localspluskinds[i] & mask) == want) {
            wf_value name = WF_TUPLE_ITEMS(co->localsplusnames)[i];
            wf_value_incref(t, name);
            WF_TUPLE_ITEMS(tup)[j++] = name;
        }
    return tup;
}

wf_value wf_code_varnames(wf_thread *t, const wf_code *co)
{
    return names_of_kind(t, co, WF_KIND_LOCAL, WF_KIND_LOCAL);
}

wf_value wf_code_cellvars(wf_thread *t, const wf_code *co)
{
    return names_of_kind(t, co, WF_KIND_CELL, WF_KIND_CELL);
}

wf_value wf_code_freevars(wf_thread *t, const wf_code *co)
{
    return names_of_kind(t, co, WF_KIND_FREE, WF_KIND_FREE);
}

/* ---- Python-level attributes -------------------------------------------------------- */

#define CODE(v) wf_code_of(v)

static wf_value get_argcount(wf_thread *t, wf_value s)
{
    return wf_int_from_int64(t, CODE(s)->argcount);
}
static wf_value get_posonlyargcount(wf_thread *t, wf_value s)
{
    return wf_int_from_int64(t, CODE(s)->posonlyargcount);
}
static wf_value get_kwonlyargcount(wf_thread *t, wf_value s)
{
    return wf_int_from_int64(t, CODE(s)->kwonlyargcount);
}
static wf_value get_nlocals(wf_thread *t, wf_value s)
{
    return wf_int_from_int64(t, CODE(s)->nlocals);
}
static wf_value get_flags(wf_thread *t, wf_value s)
{
    return wf_int_from_int64(t, CODE(s)->flags);
}
static wf_value get_stacksize(wf_thread *t, wf_value s)
{
    return wf_int_from_int64(t, CODE(s)->stacksize);
}
static wf_value get_firstlineno(wf_thread *t, wf_value s)
{
    return wf_int_from_int64(t, CODE(s)->firstlineno);
}
static wf_value get_consts(wf_thread *t, wf_value s)
{
    return wf_newref(t, CODE(s)->consts);
}
static wf_value get_names(wf_thread *t, wf_value s)
{
    return wf_newref(t, CODE(s)->names);
}
static wf_value get_varnames(wf_thread *t, wf_value s)
{
    return wf_code_varnames(t, CODE(s));
}
static wf_value get_cellvars(wf_thread *t, wf_value s)
{
    return wf_code_cellvars(t, CODE(s));
}
static wf_value get_freevars(wf_thread *t, wf_value s)
{
    return wf_code_freevars(t, CODE(s));
}
static wf_value get_name(wf_thread *t, wf_value s)
{
    return wf_newref(t, CODE(s)->name);
}
static wf_value get_qualname(wf_thread *t, wf_value s)
{
    return wf_newref(t, CODE(s)->qualname);
}
static wf_value get_filename(wf_thread *t, wf_value s)
{
    return wf_newref(t, CODE(s)->filename);
}

static const wf_getset_def code_getset[] = {
    {"co_argcount", get_argcount, NULL},
    {"co_posonlyargcount", get_posonlyargcount, NULL},
    {"co_kwonlyargcount", get_kwonlyargcount, NULL},
    {"co_nlocals", get_nlocals, NULL},
    {"co_flags", get_flags, NULL},
    {"co_stacksize", get_stacksize, NULL},
    {"co_firstlineno", get_firstlineno, NULL},
    {"co_consts", get_consts, NULL},
    {"co_names", get_names, NULL},
    {"co_varnames", get_varnames, NULL},
    {"co_cellvars", get_cellvars, NULL},
    {"co_freevars", get_freevars, NULL},
    {"co_name", get_name, NULL},
    {"co_qualname", get_qualname, NULL},
    {"co_filename", get_filename, NULL},
    {NULL},
};

/* <code object f at 0x7f..., file "x.py", line 1> */
static wf_value code_repr(wf_thread *t, wf_value s)
{
    wf_code *co = CODE(s);
    return wf_str_printf(t, "<code object %s at %p, file \"%s\", line %d>", wf_str_utf8(co->name),
                         (void *)co, wf_str_utf8(co->filename), co->firstlineno);
}

/* Code objects are immortal (wf_code_new), so this runs only for a code object that
 * was never finished. */
static void code_dealloc(wf_thread *t, wf_object *o)
{
    wf_code *co = (wf_code *)o;
    wf_code_parts p = {.units = co->units,
                       .locations = co->locations,
                       .localspluskinds = co->localspluskinds,
                       .consts = co->consts,
                       .names = co->names,
                       .localsplusnames = co->localsplusnames,
                       .name = co->name,
                       .qualname = co->qualname,
                       .filename = co->filename};
    release_parts(t, &p);
    wf_object_free(t, o);
}

wf_type wf_code_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "code",
    .tp_basicsize = sizeof(wf_code),
    .tp_dealloc = code_dealloc,
    .tp_repr = code_repr,
    .tp_getset = code_getset,
};
