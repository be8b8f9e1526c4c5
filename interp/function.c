/* Python functions (calls with CPython's argument binding and error messages) and
 * cells. */
#include "interp/function.h"

#include <stdio.h>
#include <string.h>

#include "interp/code.h"
#include "interp/eval.h"
#include "interp/frame.h"
#include "interp/generator.h"
#include "interp/module.h"
#include "runtime/abstract.h"
#include "runtime/alloc.h"
#include "runtime/callable.h"
#include "runtime/critical_section.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

/* ---- Cells --------------------------------------------------------------------------- */

wf_value wf_cell_new(wf_thread *t, wf_value v)
{
    wf_cell *c = (wf_cell *)wf_object_alloc(t, &wf_cell_type, sizeof(wf_cell));
    if (!c) {
        if (v)
            wf_value_decref(t, v);
        return wf_err_no_memory(t);
    }
    atomic_init(&c->ref, v);
    return wf_from_object(&c->ob);
}

/* Readers on other threads use the lock-free protocol of DESIGN.md: load, conditional
 * incref, re-check; a failed attempt retries under the cell's lock. */
wf_value wf_cell_get(wf_thread *t, wf_value cell)
{
    wf_cell *c = (wf_cell *)wf_to_object(cell);
    /* acquire: pairs with the release exchange in wf_cell_set, so the value's
     * contents are visible */
    wf_value v = atomic_load_explicit(&c->ref, memory_order_acquire);
    if (!v || wf_is_smallint(v))
        return v;
    if (wf_try_incref(t, wf_to_object(v))) {
        if (atomic_load_explicit(&c->ref, memory_order_acquire) == v)
            return v;
        wf_decref(t, wf_to_object(v));
    }
    wf_value r;
    wf_critical_section cs;
    wf_cs_begin(t, &cs, &c->ob.ob_mutex);
    r = atomic_load_explicit(&c->ref, memory_order_relaxed);
    if (r)
        wf_value_incref(t, r);
    wf_cs_end(t, &cs);
    return r;
}

void wf_cell_set(wf_thread *t, wf_value cell, wf_value v)
{
    wf_cell *c = (wf_cell *)wf_to_object(cell);
    if (v && wf_is_object(v))
        wf_object_enable_try_incref(wf_to_object(v));
    wf_critical_section cs;
    wf_cs_begin(t, &cs, &c->ob.ob_mutex);
    /* release: the new value is fully built before readers can load it */
    wf_value old = atomic_exchange_explicit(&c->ref, v, memory_order_release);
    wf_cs_end(t, &cs);
    if (old)
        wf_value_decref(t, old);
}

static void cell_dealloc(wf_thread *t, wf_object *o)
{
    wf_value v = atomic_load_explicit(&((wf_cell *)o)->ref, memory_order_relaxed);
    if (v)
        wf_value_decref(t, v);
    wf_object_free(t, o);
}

static wf_value cell_repr(wf_thread *t, wf_value self)
{
    wf_value v = wf_cell_get(t, self);
    if (!v)
        return wf_str_printf(t, "<cell at %p: empty>", (void *)wf_to_object(self));
    wf_value r = wf_str_printf(t, "<cell at %p: %s object at %p>", (void *)wf_to_object(self),
                               wf_type_name(wf_type_of(v)), (void *)v);
    wf_value_decref(t, v);
    return r;
}

static wf_value cell_get_contents(wf_thread *t, wf_value self)
{
    wf_value v = wf_cell_get(t, self);
    if (!v)
        return wf_err_set(t, &wf_exc_ValueError, "Cell is empty");
    return v;
}

static int cell_set_contents(wf_thread *t, wf_value self, wf_value v)
{
    if (v)
        wf_value_incref(t, v);
    wf_cell_set(t, self, v);
    return 0;
}

static const wf_getset_def cell_getset[] = {
    {"cell_contents", cell_get_contents, cell_set_contents},
    {NULL},
};

wf_type wf_cell_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "cell",
    .tp_basicsize = sizeof(wf_cell),
    .tp_flags = WF_TPFLAG_TRACKED,
    .tp_dealloc = cell_dealloc,
    .tp_repr = cell_repr,
    .tp_getset = cell_getset,
};

/* ---- Function objects ---------------------------------------------------------------- */

wf_value wf_function_new(wf_thread *t, wf_value code, wf_value globals, wf_value qualname)
{
    wf_code *co = wf_code_of(code);
    wf_function *fn = (wf_function *)wf_object_alloc(t, &wf_function_type, sizeof(wf_function));
    if (!fn)
        return wf_err_no_memory(t);
    memset((char *)fn + sizeof(wf_object), 0, sizeof(wf_function) - sizeof(wf_object));
    fn->code = code; /* code objects are immortal: not counted */
    fn->globals = wf_newref(t, globals);
    fn->name = wf_newref(t, co->name);
    fn->qualname = wf_newref(t, qualname ? qualname : co->qualname);
    wf_value consts = co->consts;
    if (wf_tuple_size(consts) && wf_str_check(WF_TUPLE_ITEMS(consts)[0]) &&
        (co->flags & WF_CO_OPTIMIZED))
        fn->doc = wf_newref(t, WF_TUPLE_ITEMS(consts)[0]);
    /* __builtins__ and __module__ as CPython takes them from the globals */
    wf_value b = wf_dict_get_cstr(t, globals, "__builtins__");
    if (b && wf_type_of(b) == &wf_module_type) {
        wf_value d = wf_newref(t, wf_module_dict(b));
        wf_value_decref(t, b);
        b = d;
    }
    if (!b || !wf_dict_check(b)) {
        if (b)
            wf_value_decref(t, b);
        wf_err_clear(t);
        wf_value mod = wf_builtins_module(t);
        if (!mod)
            goto fail;
        b = wf_newref(t, wf_module_dict(mod));
    }
    fn->builtins = b;
    fn->module = wf_dict_get_cstr(t, globals, "__name__");
    if (!fn->module && wf_err_occurred(t))
        goto fail;
    return wf_from_object(&fn->ob);
fail:
    wf_decref(t, &fn->ob);
    return 0;
}

static void function_dealloc(wf_thread *t, wf_object *o)
{
    wf_function *fn = (wf_function *)o;
    wf_value refs[] = {fn->globals,  fn->builtins,   fn->name,       fn->qualname,
                       fn->defaults, fn->kwdefaults, fn->closure,    fn->doc,
                       fn->module,   fn->dict,       fn->annotations};
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++)
        if (refs[i])
            wf_value_decref(t, refs[i]);
    wf_object_free(t, o);
}

static wf_value function_repr(wf_thread *t, wf_value self)
{
    return wf_str_printf(t, "<function %s at %p>", wf_str_utf8(wf_function_of(self)->qualname),
                         (void *)wf_to_object(self));
}

/* Functions bind to instances as methods; looked up on the class they stay plain. */
static wf_value function_descr_get(wf_thread *t, wf_value self, wf_value obj, wf_value type)
{
    (void)type;
    if (!obj || obj == WF_NONE)
        return wf_newref(t, self);
    return wf_method_new(t, self, obj);
}

/* ---- Attributes ---------------------------------------------------------------------- */

#define FN(v) wf_function_of(v)

static wf_value or_none(wf_thread *t, wf_value v)
{
    return wf_newref(t, v ? v : WF_NONE);
}

/* Replace a field under the function's lock (other threads may read it). */
static void set_field(wf_thread *t, wf_value self, wf_value *field, wf_value v)
{
    if (v)
        wf_value_incref(t, v);
    wf_critical_section cs;
    wf_cs_begin(t, &cs, &wf_to_object(self)->ob_mutex);
    wf_value old = *field;
    *field = v;
    wf_cs_end(t, &cs);
    if (old)
        wf_value_decref(t, old);
}

static wf_value get_name(wf_thread *t, wf_value s)
{
    return wf_newref(t, FN(s)->name);
}
static int set_name(wf_thread *t, wf_value s, wf_value v)
{
    if (!v || !wf_str_check(v))
        return wf_err_set(t, &wf_exc_TypeError, "__name__ must be set to a string object"), -1;
    set_field(t, s, &FN(s)->name, v);
    return 0;
}
static wf_value get_qualname(wf_thread *t, wf_value s)
{
    return wf_newref(t, FN(s)->qualname);
}
static int set_qualname(wf_thread *t, wf_value s, wf_value v)
{
    if (!v || !wf_str_check(v))
        return wf_err_set(t, &wf_exc_TypeError, "__qualname__ must be set to a string object"), -1;
    set_field(t, s, &FN(s)->qualname, v);
    return 0;
}
static wf_value get_defaults(wf_thread *t, wf_value s)
{
    return or_none(t, FN(s)->defaults);
}
static int set_defaults(wf_thread *t, wf_value s, wf_value v)
{
    if (v == WF_NONE)
        v = 0;
    if (v && !wf_tuple_check(v))
        return wf_err_set(t, &wf_exc_TypeError, "__defaults__ must be set to a tuple object"), -1;
    set_field(t, s, &FN(s)->defaults, v);
    return 0;
}
static wf_value get_kwdefaults(wf_thread *t, wf_value s)
{
    return or_none(t, FN(s)->kwdefaults);
}
static int set_kwdefaults(wf_thread *t, wf_value s, wf_value v)
{
    if (v == WF_NONE)
        v = 0;
    if (v && !wf_dict_check(v))
        return wf_err_set(t, &wf_exc_TypeError, "__kwdefaults__ must be set to a dict object"), -1;
    set_field(t, s, &FN(s)->kwdefaults, v);
    return 0;
}
static wf_value get_closure(wf_thread *t, wf_value s)
{
    return or_none(t, FN(s)->closure);
}
static wf_value get_globals(wf_thread *t, wf_value s)
{
    return wf_newref(t, FN(s)->globals);
}
static wf_value get_builtins(wf_thread *t, wf_value s)
{
    return wf_newref(t, FN(s)->builtins);
}
static wf_value get_doc(wf_thread *t, wf_value s)
{
    return or_none(t, FN(s)->doc);
}
static int set_doc(wf_thread *t, wf_value s, wf_value v)
{
    set_field(t, s, &FN(s)->doc, v == WF_NONE ? 0 : v);
    return 0;
}
static wf_value get_module(wf_thread *t, wf_value s)
{
    return or_none(t, FN(s)->module);
}
static int set_module(wf_thread *t, wf_value s, wf_value v)
{
    set_field(t, s, &FN(s)->module, v);
    return 0;
}
static wf_value get_code(wf_thread *t, wf_value s)
{
    return wf_newref(t, FN(s)->code);
}
static wf_value get_dict(wf_thread *t, wf_value s)
{
    wf_value d = wf_object_dict(t, s);
    return d ? wf_newref(t, d) : wf_err_set(t, &wf_exc_AttributeError, "__dict__");
}

/* __annotations__: made empty on first access when the def had none, as CPython. */
static wf_value get_annotations(wf_thread *t, wf_value s)
{
    if (!FN(s)->annotations) {
        wf_value d = wf_dict_new(t);
        if (!d)
            return 0;
        set_field(t, s, &FN(s)->annotations, d);
        wf_value_decref(t, d);
    }
    return wf_newref(t, FN(s)->annotations);
}
static int set_annotations(wf_thread *t, wf_value s, wf_value v)
{
    if (v == WF_NONE)
        v = 0;
    if (v && !wf_dict_check(v))
        return wf_err_set(t, &wf_exc_TypeError, "__annotations__ must be set to a dict object"), -1;
    set_field(t, s, &FN(s)->annotations, v);
    return 0;
}

static const wf_getset_def function_getset[] = {
    {"__annotations__", get_annotations, set_annotations},
    {"__name__", get_name, set_name},
    {"__qualname__", get_qualname, set_qualname},
    {"__defaults__", get_defaults, set_defaults},
    {"__kwdefaults__", get_kwdefaults, set_kwdefaults},
    {"__closure__", get_closure, NULL},
    {"__globals__", get_globals, NULL},
    {"__builtins__", get_builtins, NULL},
    {"__doc__", get_doc, set_doc},
    {"__module__", get_module, set_module},
    {"__code__", get_code, NULL},
    {"__dict__", get_dict, NULL},
    {NULL},
};

wf_type wf_function_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "function",
    .tp_basicsize = sizeof(wf_function),
    .tp_flags = WF_TPFLAG_TRACKED,
    .tp_dealloc = function_dealloc,
    .tp_dictoffset = offsetof(wf_function, dict),
    .tp_repr = function_repr,
    .tp_call = wf_function_call,
    .tp_descr_get = function_descr_get,
    .tp_getset = function_getset,
};

/* ---- Argument binding ---------------------------------------------------------------- */

/* The name argument errors use: the function's __qualname__, which a program may have
 * reassigned (a decorator copying names), as CPython's. */
static const char *qualname_of(const wf_function *fn)
{
    return wf_str_utf8(fn->qualname);
}

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" (CPython's format_missing). */
static void join_names(char *buf, size_t cap, const char **names, size_t n)
{
    size_t len = 0;
    buf[0] = 0;
    for (size_t i = 0; i < n && len < cap; i++) {
        const char *sep = i == 0 ? "" : n == 2 ? " and " : i + 1 == n ? ", and " : ", ";
        len += (size_t)snprintf(buf + len, cap - len, "%s'%s'", sep, names[i]);
    }
}

static void missing_error(wf_thread *t, const wf_function *fn, const char *kind, const char **names,
                          size_t n)
{
    char buf[512];
    join_names(buf, sizeof buf, names, n);
    wf_err_set(t, &wf_exc_TypeError, "%s() missing %zu required %s argument%s: %s", qualname_of(fn),
               n, kind, n == 1 ? "" : "s", buf);
}

static void too_many_positional(wf_thread *t, const wf_function *fn, size_t given, size_t ndefaults,
                                const wf_value *slots)
{
    const wf_code *co = wf_code_of(fn->code);
    size_t kwonly_given = 0;
    for (int i = co->argcount; i < co->argcount + co->kwonlyargcount; i++)
        kwonly_given += slots[i] != 0;
    char sig[64], kwsig[96] = "";
    if (ndefaults)
        snprintf(sig, sizeof sig, "from %zu to %d", (size_t)co->argcount - ndefaults, co->argcount);
    else
        snprintf(sig, sizeof sig, "%d", co->argcount);
    if (kwonly_given)
        snprintf(kwsig, sizeof kwsig, " positional argument%s (and %zu keyword-only argument%s)",
                 given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
    wf_err_set(t, &wf_exc_TypeError, "%s() takes %s positional argument%s but %zu%s %s given",
               qualname_of(fn), sig, (co->argcount == 1 && !ndefaults) ? "" : "s", given, kwsig,
               given == 1 && !kwonly_given ? "was" : "were");
}

/* The slot of keyword `name` among the parameters that accept keywords, or -1. */
static int keyword_slot(const wf_code *co, wf_value name, int from)
{
    const wf_value *names = WF_TUPLE_ITEMS(co->localsplusnames);
    int end = co->argcount + co->kwonlyargcount;
    for (int i = from; i < end; i++)
        if (names[i] == name)
            return i;
    for (int i = from; i < end; i++)
        if (wf_str_equal(names[i], name))
            return i;
    return -1;
}

/* Keyword arguments: into their parameter slots, else into **kwargs. */
static bool bind_keywords(wf_thread *t, const wf_function *fn, wf_value *slots,
                          const wf_value *kwvals, wf_value kwnames, wf_value kwdict)
{
    const wf_code *co = wf_code_of(fn->code);
    size_t nkw = wf_tuple_size(kwnames);
    const char *posonly[64];
    size_t nposonly = 0;
    for (size_t i = 0; i < nkw; i++) {
        wf_value name = WF_TUPLE_ITEMS(kwnames)[i];
        if (!wf_str_check(name))
            return wf_err_set(t, &wf_exc_TypeError, "%s() keywords must be strings",
                              qualname_of(fn)),
                   false;
        int j = keyword_slot(co, name, co->posonlyargcount);
        if (j >= 0) {
            if (slots[j])
                return wf_err_set(t, &wf_exc_TypeError,
                                  "%s() got multiple values for argument '%s'", qualname_of(fn),
                                  wf_str_utf8(name)),
                       false;
            slots[j] = wf_newref(t, kwvals[i]);
            continue;
        }
        if (kwdict) {
            if (wf_dict_set(t, kwdict, name, kwvals[i]) < 0)
                return false;
            continue;
        }
        int p = keyword_slot(co, name, 0);
        if (p >= 0 && p < co->posonlyargcount) {
            if (nposonly < 64)
                posonly[nposonly++] = wf_str_utf8(name);
            continue;
        }
        return wf_err_set(t, &wf_exc_TypeError, "%s() got an unexpected keyword argument '%s'",
                          qualname_of(fn), wf_str_utf8(name)),
               false;
    }
    if (nposonly) {
        char buf[512];
        size_t len = 0;
        for (size_t i = 0; i < nposonly && len < sizeof buf; i++)
            len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", i ? ", " : "", posonly[i]);
        return wf_err_set(t, &wf_exc_TypeError,
                          "%s() got some positional-only arguments passed as keyword "
                          "arguments: '%s'",
                          qualname_of(fn), buf),
               false;
    }
    return true;
}

/* Defaults for missing positional and keyword-only parameters; errors for the rest. */
static bool bind_defaults(wf_thread *t, wf_function *fn, const wf_code *co, wf_value *slots,
                          size_t nargs)
{
    size_t ndef = fn->defaults ? wf_tuple_size(fn->defaults) : 0;
    const char *missing[256];
    size_t nmissing = 0;
    const wf_value *names = WF_TUPLE_ITEMS(co->localsplusnames);
    for (int i = (int)nargs; i < co->argcount; i++) {
        if (slots[i])
            continue;
        size_t first_default = (size_t)co->argcount - ndef;
        if ((size_t)i >= first_default)
            slots[i] = wf_newref(t, WF_TUPLE_ITEMS(fn->defaults)[(size_t)i - first_default]);
        else if (nmissing < 256)
            missing[nmissing++] = wf_str_utf8(names[i]);
    }
    if (nmissing)
        return missing_error(t, fn, "positional", missing, nmissing), false;
    for (int i = co->argcount; i < co->argcount + co->kwonlyargcount; i++) {
        if (slots[i])
            continue;
        wf_value d = fn->kwdefaults ? wf_dict_get(t, fn->kwdefaults, names[i]) : 0;
        if (d)
            slots[i] = d;
        else if (wf_err_occurred(t))
            return false;
        else if (nmissing < 256)
            missing[nmissing++] = wf_str_utf8(names[i]);
    }
    if (nmissing)
        return missing_error(t, fn, "keyword-only", missing, nmissing), false;
    return true;
}

/* Bind a call's arguments into the parameter slots, in CPython's order of checks. */
static bool bind_args(wf_thread *t, wf_function *fn, const wf_code *co, wf_value *slots,
                      const wf_value *args, size_t nargs, wf_value kwnames)
{
    size_t n = nargs < (size_t)co->argcount ? nargs : (size_t)co->argcount;
    for (size_t i = 0; i < n; i++)
        slots[i] = wf_newref(t, args[i]);
    int extra = co->argcount + co->kwonlyargcount;
    if (co->flags & WF_CO_VARARGS) {
        wf_value rest = wf_tuple_from_array(t, args + n, nargs - n);
        if (!rest)
            return false;
        slots[extra++] = rest;
    }
    wf_value kwdict = 0;
    if (co->flags & WF_CO_VARKEYWORDS) {
        kwdict = wf_dict_new(t);
        if (!kwdict)
            return false;
        slots[extra] = kwdict;
    }
    if (kwnames && !bind_keywords(t, fn, slots, args + nargs, kwnames, kwdict))
        return false;
    if (nargs > (size_t)co->argcount && !(co->flags & WF_CO_VARARGS)) {
        too_many_positional(t, fn, nargs, fn->defaults ? wf_tuple_size(fn->defaults) : 0, slots);
        return false;
    }
    return bind_defaults(t, fn, co, slots, nargs);
}

/* Copy the closure's cells into the free-variable slots. */
static void bind_closure(wf_thread *t, wf_function *fn, const wf_code *co, wf_value *slots)
{
    if (!co->nfrees)
        return;
    int first = co->nlocalsplus - co->nfrees;
    for (int i = 0; i < co->nfrees; i++)
        slots[first + i] = wf_newref(t, WF_TUPLE_ITEMS(fn->closure)[i]);
}

wf_value wf_function_call(wf_thread *t, wf_value func, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    wf_function *fn = wf_function_of(func);
    wf_code *co = wf_code_of(fn->code);
    bool gen = co->flags & WF_CO_GENERATOR;
    wf_frame *f = gen ? wf_frame_new_heap(t, co, fn->globals, fn->builtins, 0)
                      : wf_frame_push(t, co, fn->globals, fn->builtins, 0);
    if (!f)
        return 0;
    f->func = wf_newref(t, func);
    if (!bind_args(t, fn, co, f->localsplus, args, nargs, kwnames)) {
        wf_frame_release(t, f);
        return 0;
    }
    bind_closure(t, fn, co, f->localsplus);
    if (gen)
        return wf_generator_new(t, f); /* takes the frame */
    wf_value r = wf_eval_run(t, f);
    wf_frame_release(t, f);
    return r;
}
