/* The module type and the table of modules built into weft.
 *
 * A module is an object with a dict (its namespace), reached through tp_dictoffset so
 * the generic attribute protocol finds globals as attributes. Modules are deferred
 * objects in the design (DESIGN "Deferred reference counting"); until the collector
 * exists the built-in ones are made immortal, so many threads reading `sys.argv` do
 * not contend on one counter.
 *
 * Built-in modules are created on first import and kept in sys.modules, which is the
 * only registry: `import sys` twice gives the same object, and a module a program
 * stores in sys.modules is found by later imports as in CPython. */
#include "interp/module.h"

#include <stddef.h>
#include <string.h>

#include "runtime/abstract.h"
#include "runtime/callable.h"
#include "runtime/critical_section.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/list.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

#include "runtime/alloc.h"

typedef struct wf_module_object {
    wf_object ob;
    wf_value dict; /* the namespace; set at creation, never replaced */
    bool builtin;  /* part of the executable: repr says "(built-in)" */
} wf_module_object;

#define MODULE(v) ((wf_module_object *)wf_to_object(v))

/* ---- Creation --------------------------------------------------------------------- */

static wf_value module_alloc(wf_thread *t, wf_type *type, wf_value name, wf_value doc)
{
    wf_module_object *m = (wf_module_object *)wf_object_alloc(t, type, type->tp_basicsize);
    if (!m)
        return wf_err_no_memory(t);
    m->dict = 0;
    m->builtin = false;
    wf_value self = wf_from_object(&m->ob);
    wf_value dict = wf_dict_new(t);
    if (!dict)
        goto fail;
    m->dict = dict;
    /* The attributes every module has, as CPython's module_init sets them. */
    if (wf_dict_set_cstr(t, dict, "__name__", name) < 0 ||
        wf_dict_set_cstr(t, dict, "__doc__", doc) < 0 ||
        wf_dict_set_cstr(t, dict, "__package__", WF_NONE) < 0 ||
        wf_dict_set_cstr(t, dict, "__loader__", WF_NONE) < 0 ||
        wf_dict_set_cstr(t, dict, "__spec__", WF_NONE) < 0)
        goto fail;
    return self;
fail:
    wf_decref(t, &m->ob);
    return WF_NULL;
}

wf_value wf_module_new(wf_thread *t, const char *name)
{
    wf_value s = wf_str_from_cstr(t, name);
    if (!s)
        return WF_NULL;
    wf_value m = module_alloc(t, &wf_module_type, s, WF_NONE);
    wf_value_decref(t, s);
    return m;
}

wf_value wf_module_dict(wf_value module)
{
    return MODULE(module)->dict;
}

void wf_module_set_builtin(wf_value module)
{
    MODULE(module)->builtin = true;
}

/* ModuleType(name, doc=None) */
static wf_value module_tp_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    static const char *const names[] = {"name", "doc"};
    wf_value a[2];
    if (!wf_parse_args(t, "module", args, nargs, kwnames, names, 2, 1, a))
        return WF_NULL;
    if (!wf_str_check(a[0]))
        return wf_err_set(t, &wf_exc_TypeError,
                          "module.__init__() argument 'name' must be str, not %s",
                          wf_type_name(wf_type_of(a[0])));
    return module_alloc(t, type, a[0], a[1] ? a[1] : WF_NONE);
}

static void module_dealloc(wf_thread *t, wf_object *o)
{
    wf_module_object *m = (wf_module_object *)o;
    if (m->dict)
        wf_value_decref(t, m->dict);
    wf_object_free(t, o);
}

/* ---- Attributes and repr ------------------------------------------------------------ */

/* The module's __name__ if it is a str (borrowed through the dict: new reference), or 0
 * without an exception. */
static wf_value module_name(wf_thread *t, wf_value self)
{
    wf_value name = wf_dict_get_cstr(t, MODULE(self)->dict, "__name__");
    if (name && !wf_str_check(name)) {
        wf_value_decref(t, name);
        return WF_NULL;
    }
    if (!name && wf_err_occurred(t))
        wf_err_clear(t);
    return name;
}

/* Generic lookup first (type attributes such as __dict__, then the namespace); then a
 * module-level __getattr__ (PEP 562); then CPython's message naming the module. */
static wf_value module_getattr(wf_thread *t, wf_value self, wf_value name)
{
    wf_value v = wf_generic_getattr(t, self, name);
    if (v || !wf_err_matches(t, &wf_exc_AttributeError))
        return v;
    wf_err_clear(t);
    wf_value hook = wf_dict_get_cstr(t, MODULE(self)->dict, "__getattr__");
    if (hook) {
        v = wf_call(t, hook, &name, 1, 0);
        wf_value_decref(t, hook);
        return v;
    }
    if (wf_err_occurred(t))
        return WF_NULL;
    wf_value modname = module_name(t, self);
    if (!modname)
        return wf_err_set(t, &wf_exc_AttributeError, "module has no attribute '%s'",
                          wf_str_utf8(name));
    wf_err_set(t, &wf_exc_AttributeError, "module '%s' has no attribute '%s'", wf_str_utf8(modname),
               wf_str_utf8(name));
    wf_value_decref(t, modname);
    return WF_NULL;
}

/* <module 'sys' (built-in)>, <module '__main__' from '/x/y.py'>, <module 'm'>: the
 * forms importlib's _module_repr gives for these cases. */
static wf_value module_repr(wf_thread *t, wf_value self)
{
    wf_value name = module_name(t, self);
    const char *n = name ? wf_str_utf8(name) : "?";
    wf_value file = wf_dict_get_cstr(t, MODULE(self)->dict, "__file__");
    wf_value r;
    if (!file && wf_err_occurred(t))
        wf_err_clear(t);
    if (file && wf_str_check(file)) {
        wf_value frepr = wf_repr(t, file);
        r = frepr ? wf_str_printf(t, "<module '%s' from %s>", n, wf_str_utf8(frepr)) : WF_NULL;
        if (frepr)
            wf_value_decref(t, frepr);
    } else if (MODULE(self)->builtin) {
        r = wf_str_printf(t, "<module '%s' (built-in)>", n);
    } else {
        r = wf_str_printf(t, "<module '%s'>", n);
    }
    if (file)
        wf_value_decref(t, file);
    if (name)
        wf_value_decref(t, name);
    return r;
}

static wf_value module_get_dict(wf_thread *t, wf_value self)
{
    return wf_newref(t, MODULE(self)->dict);
}

/* module.__dir__(): the namespace's keys (a __dir__ entry in the namespace wins, as in
 * CPython). */
static wf_value module_dir(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    (void)args;
    if (!wf_check_no_kwargs(t, "__dir__", kwnames) || !wf_check_nargs(t, "__dir__", nargs, 0, 0))
        return WF_NULL;
    wf_value dict = MODULE(self)->dict;
    wf_value hook = wf_dict_get_cstr(t, dict, "__dir__");
    if (hook) {
        wf_value r = wf_call(t, hook, NULL, 0, 0);
        wf_value_decref(t, hook);
        return r;
    }
    if (wf_err_occurred(t))
        return WF_NULL;
    wf_value items = wf_dict_items(t, dict); /* a snapshot: other threads may write */
    if (!items)
        return WF_NULL;
    int64_t n = wf_list_size(items);
    wf_value keys = wf_list_new(t, (size_t)n);
    for (int64_t i = 0; keys && i < n; i++) {
        wf_value pair = wf_list_get(t, items, i);
        if (!pair || wf_list_append(t, keys, WF_TUPLE_ITEMS(pair)[0]) < 0) {
            if (pair)
                wf_value_decref(t, pair);
            wf_value_decref(t, keys);
            keys = WF_NULL;
            break;
        }
        wf_value_decref(t, pair);
    }
    wf_value_decref(t, items);
    return keys;
}

static const wf_method_def module_methods[] = {
    {"__dir__", module_dir, 0},
    {NULL, NULL, 0},
};

static const wf_getset_def module_getset[] = {
    {"__dict__", module_get_dict, NULL},
    {NULL, NULL, NULL},
};

wf_type wf_module_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "module",
    .tp_basicsize = sizeof(wf_module_object),
    .tp_flags = WF_TPFLAG_TRACKED | WF_TPFLAG_BASETYPE,
    .tp_dealloc = module_dealloc,
    .tp_dictoffset = offsetof(wf_module_object, dict),
    .tp_repr = module_repr,
    .tp_getattr = module_getattr,
    .tp_new = module_tp_new,
    .tp_methods = module_methods,
    .tp_getset = module_getset,
    .tp_doc = "Create a module object.\n\nThe name must be a string; the optional doc argument "
              "can have any type.",
};

/* ---- The built-in module table ------------------------------------------------------ */

#define MAX_BUILTIN_MODULES 32

/* Registered at start-up by the parts that implement C modules, before any thread
 * imports; read-only afterwards. */
static struct {
    const char *name;
    wf_value (*create)(wf_thread *t);
} builtin_table[MAX_BUILTIN_MODULES] = {
    {"builtins", wf_builtins_module},
    {"sys", wf_sys_module},
};
static _Atomic size_t builtin_count = 2;

bool wf_module_register_builtin(const char *name, wf_value (*create)(wf_thread *t))
{
    size_t n = atomic_load_explicit(&builtin_count, memory_order_relaxed);
    if (n == MAX_BUILTIN_MODULES)
        return false;
    builtin_table[n].name = name;
    builtin_table[n].create = create;
    /* release: the entry is written before a reader's acquire load sees the count */
    atomic_store_explicit(&builtin_count, n + 1, memory_order_release);
    return true;
}

static wf_value (*find_builtin(const char *name))(wf_thread *t)
{
    /* acquire: pairs with the release in wf_module_register_builtin */
    size_t n = atomic_load_explicit(&builtin_count, memory_order_acquire);
    for (size_t i = 0; i < n; i++)
        if (strcmp(builtin_table[i].name, name) == 0)
            return builtin_table[i].create;
    return NULL;
}

/* sys.modules, borrowed, or 0 with the exception set. */
static wf_value sys_modules(wf_thread *t)
{
    wf_value sys = wf_sys_module(t);
    if (!sys)
        return WF_NULL;
    wf_value mods = wf_dict_get_cstr(t, MODULE(sys)->dict, "modules");
    if (!mods) {
        if (!wf_err_occurred(t))
            wf_err_set(t, &wf_exc_RuntimeError, "lost sys.modules");
        return WF_NULL;
    }
    /* sys.modules is made immortal by sys_module.c; dropping the count is safe */
    wf_value_decref(t, mods);
    if (!wf_dict_check(mods))
        return wf_err_set(t, &wf_exc_RuntimeError, "sys.modules is not a dict");
    return mods;
}

/* ModuleNotFoundError with its `name` attribute set, as CPython's. */
static wf_value not_found(wf_thread *t, wf_value name)
{
    wf_err_set(t, &wf_exc_ModuleNotFoundError, "No module named '%s'", wf_str_utf8(name));
    wf_err_set_attr(t, "name", name);
    return WF_NULL;
}

wf_value wf_import_module(wf_thread *t, wf_value name)
{
    if (!wf_str_check(name))
        return wf_err_set(t, &wf_exc_TypeError, "module name must be str, not %s",
                          wf_type_name(wf_type_of(name)));
    wf_value mods = sys_modules(t);
    if (!mods)
        return WF_NULL;
    wf_value m = wf_dict_get(t, mods, name);
    if (m == WF_NONE) { /* a program's way to block an import, as in CPython */
        return wf_err_set(t, &wf_exc_ModuleNotFoundError,
                          "import of %s halted; None in sys.modules", wf_str_utf8(name));
    }
    if (m || wf_err_occurred(t))
        return m;
    wf_value (*create)(wf_thread *) = find_builtin(wf_str_utf8(name));
    if (!create)
        return not_found(t, name);
    m = create(t); /* returns the one shared instance */
    if (!m)
        return WF_NULL;
    if (wf_dict_set(t, mods, name, m) < 0) {
        wf_value_decref(t, m);
        return WF_NULL;
    }
    return m;
}

/* Publish a freshly built module in *slot unless another thread won the race; returns
 * the module in the slot (new reference). The winner is made immortal: built-in
 * modules live as long as the process. */
wf_value wf_module_publish(wf_thread *t, _Atomic wf_value *slot, wf_value fresh)
{
    wf_value expected = 0;
    wf_object_mark_shared(wf_to_object(fresh));
    wf_object_mark_shared(wf_to_object(MODULE(fresh)->dict));
    /* acq_rel: the module's contents are written before other threads load it (acquire
     * in their fast path); a loser sees the winner's contents */
    if (atomic_compare_exchange_strong_explicit(slot, &expected, fresh, memory_order_acq_rel,
                                                memory_order_acquire)) {
        /* a racing reader's count on the shared side is simply ignored from now on */
        wf_object_set_immortal(wf_to_object(fresh));
        wf_object_set_immortal(wf_to_object(MODULE(fresh)->dict));
        return fresh;
    }
    wf_value_decref(t, fresh);
    return expected;
}
