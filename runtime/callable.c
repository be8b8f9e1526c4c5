/* Callables of C code and the descriptor types (runtime/callable.h).
 *
 * - builtin_function_or_method: a wf_method_def plus self (0 for a plain function, the
 *   instance for a bound method, the type for a class method);
 * - method_descriptor / getset_descriptor: what a static type's dict holds for its
 *   tp_methods and tp_getset entries; binding a method descriptor to an instance makes
 *   a builtin bound to it;
 * - method: a callable (a Python function) bound to self;
 * - classmethod, staticmethod, property;
 * - the argument checks C functions use, with CPython's messages. */
#include "callable.h"

#include <stdio.h>
#include <string.h>

#include "abstract.h"
#include "alloc.h"
#include "dict.h"
#include "error.h"
#include "exceptions.h"
#include "singletons.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

/* ---- Argument checks --------------------------------------------------------------------- */

bool wf_check_no_kwargs(wf_thread *t, const char *fname, wf_value kwnames)
{
    if (!kwnames || wf_tuple_size(kwnames) == 0)
        return true;
    wf_err_set(t, &wf_exc_TypeError, "%s() takes no keyword arguments", fname);
    return false;
}

bool wf_check_nargs(wf_thread *t, const char *fname, size_t nargs, size_t min, size_t max)
{
    if (nargs >= min && nargs <= max)
        return true;
    if (max == 0)
        wf_err_set(t, &wf_exc_TypeError, "%s() takes no arguments (%zu given)", fname, nargs);
    else if (min == 1 && max == 1)
        wf_err_set(t, &wf_exc_TypeError, "%s() takes exactly one argument (%zu given)", fname,
                   nargs);
    else {
        size_t bound = nargs < min ? min : max;
        const char *how = min == max ? "" : nargs < min ? "at least " : "at most ";
        wf_err_set(t, &wf_exc_TypeError, "%s expected %s%zu argument%s, got %zu", fname, how, bound,
                   bound == 1 ? "" : "s", nargs);
    }
    return false;
}

bool wf_parse_args(wf_thread *t, const char *fname, const wf_value *args, size_t nargs,
                   wf_value kwnames, const char *const *names, size_t n, size_t required,
                   wf_value *out)
{
    if (nargs > n) {
        wf_err_set(t, &wf_exc_TypeError, "%s() takes at most %zu argument%s (%zu given)", fname, n,
                   n == 1 ? "" : "s", nargs);
        return false;
    }
    for (size_t i = 0; i < n; i++)
        out[i] = i < nargs ? args[i] : WF_NULL;
    size_t nkw = kwnames ? wf_tuple_size(kwnames) : 0;
    for (size_t k = 0; k < nkw; k++) {
        const char *key = wf_str_utf8(WF_TUPLE_ITEMS(kwnames)[k]);
        size_t i = 0;
        while (i < n && strcmp(names[i], key) != 0)
            i++;
        if (i == n) {
            wf_err_set(t, &wf_exc_TypeError, "%s() got an unexpected keyword argument '%s'", fname,
                       key);
            return false;
        }
        if (out[i]) {
            wf_err_set(t, &wf_exc_TypeError,
                       "argument for %s() given by name ('%s') and position (%zu)", fname, key,
                       i + 1);
            return false;
        }
        out[i] = args[nargs + k];
    }
    for (size_t i = 0; i < required; i++) {
        if (!out[i]) {
            wf_err_set(t, &wf_exc_TypeError, "%s() missing required argument '%s' (pos %zu)", fname,
                       names[i], i + 1);
            return false;
        }
    }
    return true;
}

/* ---- Shared helpers ----------------------------------------------------------------------- */

/* Hash of an object's identity, as object.__hash__. */
static int64_t identity_hash(wf_value v)
{
    uintptr_t p = (uintptr_t)v;
    int64_t h = (int64_t)((p >> 4) | (p << (8 * sizeof p - 4)));
    return h == -1 ? -2 : h;
}

static void decref_opt(wf_thread *t, wf_value v)
{
    if (v)
        wf_value_decref(t, v);
}

/* self followed by the call's arguments and keyword values, in buf (caller's) or on the
 * heap. NULL with MemoryError. */
static wf_value *prepend_self(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames, wf_value *buf, size_t bufn)
{
    size_t total = 1 + nargs + (kwnames ? wf_tuple_size(kwnames) : 0);
    wf_value *vec = total <= bufn ? buf : wf_mem_alloc(t, total * sizeof(wf_value));
    if (!vec) {
        wf_err_no_memory(t);
        return NULL;
    }
    vec[0] = self;
    if (total > 1) /* args may be NULL when empty */
        memcpy(vec + 1, args, (total - 1) * sizeof(wf_value));
    return vec;
}

/* The qualified name of a type for messages and reprs (__qualname__ of heap types). */
static const char *type_qualname(wf_type *tp)
{
    return wf_type_name(tp);
}

/* ---- builtin_function_or_method ------------------------------------------------------------ */

typedef struct builtin_object {
    wf_object ob;
    const wf_method_def *def;
    wf_value self; /* 0: a plain function */
} builtin_object;

#define BUILTIN(v) ((builtin_object *)wf_to_object(v))

wf_value wf_builtin_new(wf_thread *t, const wf_method_def *def, wf_value self)
{
    builtin_object *b =
        (builtin_object *)wf_object_alloc(t, &wf_builtin_function_type, sizeof(builtin_object));
    if (!b)
        return wf_err_no_memory(t);
    b->def = def;
    b->self = self ? wf_newref(t, self) : WF_NULL;
    return wf_from_object(&b->ob);
}

const wf_method_def *wf_builtin_def(wf_value v)
{
    if (!wf_is_object(v) || wf_to_object(v)->ob_type != &wf_builtin_function_type)
        return NULL;
    return BUILTIN(v)->def;
}

wf_value wf_builtin_self(wf_value v)
{
    return wf_builtin_def(v) ? BUILTIN(v)->self : WF_NULL;
}

static void builtin_dealloc(wf_thread *t, wf_object *o)
{
    decref_opt(t, ((builtin_object *)o)->self);
    wf_object_free(t, o);
}

static wf_value builtin_call(wf_thread *t, wf_value callable, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    builtin_object *b = BUILTIN(callable);
    /* C calls count against the recursion limit, as CPython's (a __repr__ calling
     * repr(self) fails at the same depth, with the same message) */
    if (!wf_enter_recursion(t, " while calling a Python object"))
        return WF_NULL;
    wf_value r = b->def->fn(t, b->self, args, nargs, kwnames);
    wf_leave_recursion(t);
    return r;
}

/* A function of a module (self 0 or a module) or a method bound to self. */
static bool is_function_like(wf_value self)
{
    return !self || strcmp(wf_type_name(wf_type_of(self)), "module") == 0;
}

static wf_value builtin_repr(wf_thread *t, wf_value v)
{
    builtin_object *b = BUILTIN(v);
    if (is_function_like(b->self))
        return wf_str_printf(t, "<built-in function %s>", b->def->name);
    return wf_str_printf(t, "<built-in method %s of %s object at %p>", b->def->name,
                         wf_type_name(wf_type_of(b->self)), (void *)wf_to_object(b->self));
}

static wf_value builtin_get_name(wf_thread *t, wf_value v)
{
    return wf_str_from_cstr(t, BUILTIN(v)->def->name);
}

/* "len", "list.append", "dict.fromkeys" (bound to the class). */
static wf_value builtin_get_qualname(wf_thread *t, wf_value v)
{
    builtin_object *b = BUILTIN(v);
    if (is_function_like(b->self))
        return wf_str_from_cstr(t, b->def->name);
    wf_type *owner = wf_isinstance_type(b->self, &wf_type_type) ? (wf_type *)wf_to_object(b->self)
                                                                : wf_type_of(b->self);
    return wf_str_printf(t, "%s.%s", type_qualname(owner), b->def->name);
}

/* A module's function: the module's name ('builtins', 'sys'); __build_class__ (made
 * without a module) is a builtin too. A method or static method: None. */
static wf_value builtin_get_module(wf_thread *t, wf_value v)
{
    builtin_object *b = BUILTIN(v);
    if (b->self && is_function_like(b->self))
        return wf_getattr_cstr(t, b->self, "__name__");
    if (!b->self && !(b->def->flags & WF_METH_STATIC))
        return wf_str_intern_cstr(t, "builtins");
    return WF_NONE;
}

static wf_value builtin_get_self(wf_thread *t, wf_value v)
{
    wf_value self = BUILTIN(v)->self;
    return wf_newref(t, self ? self : WF_NONE);
}

static wf_value builtin_get_doc(wf_thread *t, wf_value v)
{
    (void)v;
    (void)t;
    return WF_NONE;
}

static const wf_getset_def builtin_getset[] = {
    {"__name__", builtin_get_name, NULL},     {"__qualname__", builtin_get_qualname, NULL},
    {"__module__", builtin_get_module, NULL}, {"__self__", builtin_get_self, NULL},
    {"__doc__", builtin_get_doc, NULL},       {NULL},
};

/* Equal when they wrap the same function bound to the same object. */
static wf_value builtin_richcompare(wf_thread *t, wf_value a, wf_value b, int op)
{
    (void)t;
    if ((op != WF_CMP_EQ && op != WF_CMP_NE) || !wf_builtin_def(b))
        return WF_NOTIMPLEMENTED;
    bool eq = BUILTIN(a)->def == BUILTIN(b)->def && BUILTIN(a)->self == BUILTIN(b)->self;
    return wf_bool(eq == (op == WF_CMP_EQ));
}

static int64_t builtin_hash(wf_thread *t, wf_value v)
{
    (void)t;
    int64_t h = identity_hash((wf_value)BUILTIN(v)->def) ^ identity_hash(BUILTIN(v)->self);
    return h == -1 ? -2 : h;
}

wf_type wf_builtin_function_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "builtin_function_or_method",
    .tp_basicsize = sizeof(builtin_object),
    .tp_flags = WF_TPFLAG_TRACKED,
    .tp_dealloc = builtin_dealloc,
    .tp_repr = builtin_repr,
    .tp_hash = builtin_hash,
    .tp_richcompare = builtin_richcompare,
    .tp_call = builtin_call,
    .tp_getset = builtin_getset,
};

/* ---- method_descriptor ---------------------------------------------------------------------- */

typedef struct method_descr {
    wf_object ob;
    wf_type *type;
    const wf_method_def *def;
} method_descr;

#define MDESCR(v) ((method_descr *)wf_to_object(v))

wf_value wf_method_descr_new(wf_thread *t, wf_type *type, const wf_method_def *def)
{
    method_descr *d =
        (method_descr *)wf_object_alloc(t, &wf_method_descr_type, sizeof(method_descr));
    if (!d)
        return wf_err_no_memory(t);
    d->type = type;
    d->def = def;
    return wf_from_object(&d->ob);
}

static void plain_dealloc(wf_thread *t, wf_object *o)
{
    wf_object_free(t, o);
}

static bool descr_check_self(wf_thread *t, wf_type *type, const char *name, wf_value obj)
{
    if (wf_isinstance_type(obj, type))
        return true;
    wf_err_set(t, &wf_exc_TypeError,
               "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name,
               type->tp_name, wf_type_name(wf_type_of(obj)));
    return false;
}

/* Binding: instance methods bind to obj, class methods to the class, static methods to
 * nothing; on the class itself an instance method stays the descriptor. */
static wf_value method_descr_get(wf_thread *t, wf_value descr, wf_value obj, wf_value type)
{
    method_descr *d = MDESCR(descr);
    if (d->def->flags & WF_METH_STATIC)
        return wf_builtin_new(t, d->def, WF_NULL);
    if (d->def->flags & WF_METH_CLASS) {
        wf_value cls = type ? type : wf_type_value(wf_type_of(obj));
        return wf_builtin_new(t, d->def, cls);
    }
    if (!obj)
        return wf_newref(t, descr);
    if (!descr_check_self(t, d->type, d->def->name, obj))
        return WF_NULL;
    return wf_builtin_new(t, d->def, obj);
}

/* list.append(l, 1) */
static wf_value method_descr_call(wf_thread *t, wf_value callable, const wf_value *args,
                                  size_t nargs, wf_value kwnames)
{
    method_descr *d = MDESCR(callable);
    if (d->def->flags & WF_METH_STATIC)
        return d->def->fn(t, WF_NULL, args, nargs, kwnames);
    if (nargs < 1)
        return wf_err_set(t, &wf_exc_TypeError, "unbound method %s.%s() needs an argument",
                          d->type->tp_name, d->def->name);
    if (d->def->flags & WF_METH_CLASS) {
        if (!wf_isinstance_type(args[0], &wf_type_type) ||
            !wf_type_is_subtype((wf_type *)wf_to_object(args[0]), d->type))
            return wf_err_set(t, &wf_exc_TypeError,
                              "descriptor '%s' for type '%s' needs a subtype of '%s' as arg 1",
                              d->def->name, d->type->tp_name, d->type->tp_name);
    } else if (!descr_check_self(t, d->type, d->def->name, args[0])) {
        return WF_NULL;
    }
    if (!wf_enter_recursion(t, " while calling a Python object"))
        return WF_NULL;
    wf_value r = d->def->fn(t, args[0], args + 1, nargs - 1, kwnames);
    wf_leave_recursion(t);
    return r;
}

static wf_value method_descr_repr(wf_thread *t, wf_value v)
{
    method_descr *d = MDESCR(v);
    return wf_str_printf(t, "<method '%s' of '%s' objects>", d->def->name, d->type->tp_name);
}

static wf_value descr_name_of(wf_thread *t, const char *name)
{
    return wf_str_from_cstr(t, name);
}

static wf_value method_descr_get_name(wf_thread *t, wf_value v)
{
    return descr_name_of(t, MDESCR(v)->def->name);
}

static wf_value method_descr_get_qualname(wf_thread *t, wf_value v)
{
    return wf_str_printf(t, "%s.%s", type_qualname(MDESCR(v)->type), MDESCR(v)->def->name);
}

static wf_value method_descr_get_objclass(wf_thread *t, wf_value v)
{
    return wf_newref(t, wf_type_value(MDESCR(v)->type));
}

static const wf_getset_def method_descr_getset[] = {
    {"__name__", method_descr_get_name, NULL},
    {"__qualname__", method_descr_get_qualname, NULL},
    {"__objclass__", method_descr_get_objclass, NULL},
    {NULL},
};

wf_type wf_method_descr_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "method_descriptor",
    .tp_basicsize = sizeof(method_descr),
    .tp_dealloc = plain_dealloc,
    .tp_repr = method_descr_repr,
    .tp_call = method_descr_call,
    .tp_descr_get = method_descr_get,
    .tp_getset = method_descr_getset,
};

/* ---- getset_descriptor -------------------------------------------------------------------- */

typedef struct getset_descr {
    wf_object ob;
    wf_type *type;
    const wf_getset_def *def;
} getset_descr;

#define GDESCR(v) ((getset_descr *)wf_to_object(v))

wf_value wf_getset_descr_new(wf_thread *t, wf_type *type, const wf_getset_def *def)
{
    getset_descr *d =
        (getset_descr *)wf_object_alloc(t, &wf_getset_descr_type, sizeof(getset_descr));
    if (!d)
        return wf_err_no_memory(t);
    d->type = type;
    d->def = def;
    return wf_from_object(&d->ob);
}

static wf_value getset_descr_get(wf_thread *t, wf_value descr, wf_value obj, wf_value type)
{
    (void)type;
    getset_descr *d = GDESCR(descr);
    if (!obj)
        return wf_newref(t, descr);
    if (!descr_check_self(t, d->type, d->def->name, obj))
        return WF_NULL;
    return d->def->get(t, obj);
}

static int getset_descr_set(wf_thread *t, wf_value descr, wf_value obj, wf_value value)
{
    getset_descr *d = GDESCR(descr);
    if (!descr_check_self(t, d->type, d->def->name, obj))
        return -1;
    if (!d->def->set) {
        wf_err_set(t, &wf_exc_AttributeError, "attribute '%s' of '%s' objects is not writable",
                   d->def->name, d->type->tp_name);
        return -1;
    }
    return d->def->set(t, obj, value);
}

int wf_getset_readonly(wf_thread *t, wf_value self, wf_value value)
{
    (void)self;
    (void)value;
    wf_err_set(t, &wf_exc_AttributeError, "readonly attribute");
    return -1;
}

static wf_value getset_descr_repr(wf_thread *t, wf_value v)
{
    return wf_str_printf(t, "<attribute '%s' of '%s' objects>", GDESCR(v)->def->name,
                         GDESCR(v)->type->tp_name);
}

static wf_value getset_descr_get_name(wf_thread *t, wf_value v)
{
    return descr_name_of(t, GDESCR(v)->def->name);
}

static wf_value getset_descr_get_objclass(wf_thread *t, wf_value v)
{
    return wf_newref(t, wf_type_value(GDESCR(v)->type));
}

static const wf_getset_def getset_descr_getset[] = {
    {"__name__", getset_descr_get_name, NULL},
    {"__objclass__", getset_descr_get_objclass, NULL},
    {NULL},
};

wf_type wf_getset_descr_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "getset_descriptor",
    .tp_basicsize = sizeof(getset_descr),
    .tp_dealloc = plain_dealloc,
    .tp_repr = getset_descr_repr,
    .tp_descr_get = getset_descr_get,
    .tp_descr_set = getset_descr_set,
    .tp_getset = getset_descr_getset,
};

/* ---- method: a callable bound to self ---------------------------------------------------- */

typedef struct method_object {
    wf_object ob;
    wf_value func;
    wf_value self;
} method_object;

#define METHOD(v) ((method_object *)wf_to_object(v))

wf_value wf_method_new(wf_thread *t, wf_value func, wf_value self)
{
    method_object *m = (method_object *)wf_object_alloc(t, &wf_method_type, sizeof(method_object));
    if (!m)
        return wf_err_no_memory(t);
    m->func = wf_newref(t, func);
    m->self = wf_newref(t, self);
    return wf_from_object(&m->ob);
}

static void method_dealloc(wf_thread *t, wf_object *o)
{
    method_object *m = (method_object *)o;
    wf_value_decref(t, m->func);
    wf_value_decref(t, m->self);
    wf_object_free(t, o);
}

/* func(self, *args, **kwargs), with self put in front of the vector. */
static wf_value method_call(wf_thread *t, wf_value callable, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    method_object *m = METHOD(callable);
    wf_value buf[8];
    wf_value *vec = prepend_self(t, m->self, args, nargs, kwnames, buf, 8);
    if (!vec)
        return WF_NULL;
    wf_value r = wf_call(t, m->func, vec, nargs + 1, kwnames);
    if (vec != buf)
        wf_mem_free(vec);
    return r;
}

/* "<bound method X.f of <__main__.X object at 0x...>>" */
static wf_value method_repr(wf_thread *t, wf_value v)
{
    method_object *m = METHOD(v);
    wf_value name = wf_getattr_cstr(t, m->func, "__qualname__");
    if (!name) {
        wf_err_clear(t);
        name = wf_getattr_cstr(t, m->func, "__name__");
    }
    if (!name) {
        wf_err_clear(t);
        name = wf_str_from_cstr(t, "?");
    }
    wf_value self_repr = name ? wf_repr(t, m->self) : WF_NULL;
    wf_value r = WF_NULL;
    if (self_repr && wf_str_check(name))
        r = wf_str_printf(t, "<bound method %s of %s>", wf_str_utf8(name), wf_str_utf8(self_repr));
    else if (self_repr)
        r = wf_str_printf(t, "<bound method ? of %s>", wf_str_utf8(self_repr));
    decref_opt(t, name);
    decref_opt(t, self_repr);
    return r;
}

/* Equal when bound to the same object (identity) with equal functions. */
static wf_value method_richcompare(wf_thread *t, wf_value a, wf_value b, int op)
{
    if ((op != WF_CMP_EQ && op != WF_CMP_NE) || !wf_isinstance_type(b, &wf_method_type))
        return WF_NOTIMPLEMENTED;
    int eq = METHOD(a)->self == METHOD(b)->self;
    if (eq) {
        eq = wf_richcompare_bool(t, METHOD(a)->func, METHOD(b)->func, WF_CMP_EQ);
        if (eq < 0)
            return WF_NULL;
    }
    return wf_bool((eq != 0) == (op == WF_CMP_EQ));
}

static int64_t method_hash(wf_thread *t, wf_value v)
{
    int64_t fh = wf_hash(t, METHOD(v)->func);
    if (fh == -1 && wf_err_occurred(t))
        return -1;
    int64_t h = identity_hash(METHOD(v)->self) ^ fh;
    return h == -1 ? -2 : h;
}

/* The method's own attributes first, then the function's (m.__name__, m.__doc__). */
static wf_value method_getattr(wf_thread *t, wf_value self, wf_value name)
{
    wf_value descr = wf_type_lookup_ref(t, &wf_method_type, name);
    if (descr) {
        wf_descr_get_fn get = wf_type_of(descr)->tp_descr_get;
        wf_value r =
            get ? get(t, descr, self, wf_type_value(&wf_method_type)) : wf_newref(t, descr);
        wf_value_decref(t, descr);
        return r;
    }
    return wf_getattr(t, METHOD(self)->func, name);
}

static wf_value method_get_func(wf_thread *t, wf_value v)
{
    return wf_newref(t, METHOD(v)->func);
}

static wf_value method_get_self(wf_thread *t, wf_value v)
{
    return wf_newref(t, METHOD(v)->self);
}

static const wf_getset_def method_getset[] = {
    {"__func__", method_get_func, NULL},
    {"__self__", method_get_self, NULL},
    {NULL},
};

/* A bound method is already bound: getting it through a class leaves it alone. */
static wf_value method_descr_get_self(wf_thread *t, wf_value descr, wf_value obj, wf_value type)
{
    (void)obj;
    (void)type;
    return wf_newref(t, descr);
}

wf_type wf_method_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "method",
    .tp_basicsize = sizeof(method_object),
    .tp_flags = WF_TPFLAG_TRACKED,
    .tp_dealloc = method_dealloc,
    .tp_repr = method_repr,
    .tp_hash = method_hash,
    .tp_richcompare = method_richcompare,
    .tp_getattr = method_getattr,
    .tp_call = method_call,
    .tp_descr_get = method_descr_get_self,
    .tp_getset = method_getset,
};

/* ---- classmethod and staticmethod ---------------------------------------------------------- */

typedef struct wrapper_object {
    wf_object ob;
    wf_value func;
    wf_value dict; /* __dict__ (attributes copied by functools.wraps etc.) */
} wrapper_object;

#define WRAPPER(v) ((wrapper_object *)wf_to_object(v))

static void wrapper_dealloc(wf_thread *t, wf_object *o)
{
    decref_opt(t, ((wrapper_object *)o)->func);
    decref_opt(t, ((wrapper_object *)o)->dict);
    wf_object_free(t, o);
}

static wf_value wrapper_alloc(wf_thread *t, wf_type *type, wf_value func)
{
    if (!wf_type_ready(t, type))
        return WF_NULL;
    wrapper_object *w = (wrapper_object *)wf_object_alloc(t, type, type->tp_basicsize);
    if (!w)
        return wf_err_no_memory(t);
    w->func = func ? wf_newref(t, func) : WF_NULL;
    return wf_from_object(&w->ob);
}

/* classmethod(f) / staticmethod(f): exactly one positional argument. */
static wf_value wrapper_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    const char *name =
        wf_type_is_subtype(type, &wf_classmethod_type) ? "classmethod" : "staticmethod";
    if (!wf_check_no_kwargs(t, name, kwnames) || !wf_check_nargs(t, name, nargs, 1, 1))
        return WF_NULL;
    return wrapper_alloc(t, type, args[0]);
}

/* Subclasses' __init__ may be called again with the function: keep the latest. */
static int wrapper_init(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                        wf_value kwnames)
{
    (void)kwnames;
    if (nargs == 1 && args[0] != WRAPPER(self)->func) {
        wf_value old = WRAPPER(self)->func;
        WRAPPER(self)->func = wf_newref(t, args[0]);
        decref_opt(t, old);
    }
    return 0;
}

wf_value wf_classmethod_new(wf_thread *t, wf_value func)
{
    return wrapper_alloc(t, &wf_classmethod_type, func);
}

wf_value wf_staticmethod_new(wf_thread *t, wf_value func)
{
    return wrapper_alloc(t, &wf_staticmethod_type, func);
}

static bool wrapper_check_func(wf_thread *t, wf_value self, const char *what)
{
    if (WRAPPER(self)->func)
        return true;
    wf_err_set(t, &wf_exc_RuntimeError, "uninitialized %s object", what);
    return false;
}

/* The function bound to the class, or passed through the function's own __get__ with
 * the class (chaining, as Python 3.11 does). */
static wf_value classmethod_get(wf_thread *t, wf_value self, wf_value obj, wf_value type)
{
    if (!wrapper_check_func(t, self, "classmethod"))
        return WF_NULL;
    wf_value cls = type ? type : wf_type_value(wf_type_of(obj));
    wf_value func = WRAPPER(self)->func;
    wf_descr_get_fn get = wf_type_of(func)->tp_descr_get;
    if (get && wf_type_of(func) != &wf_builtin_function_type)
        return get(t, func, cls, cls);
    return wf_method_new(t, func, cls);
}

static wf_value staticmethod_get(wf_thread *t, wf_value self, wf_value obj, wf_value type)
{
    (void)obj;
    (void)type;
    if (!wrapper_check_func(t, self, "staticmethod"))
        return WF_NULL;
    return wf_newref(t, WRAPPER(self)->func);
}

/* Static methods are callable themselves (3.10+). */
static wf_value staticmethod_call(wf_thread *t, wf_value callable, const wf_value *args,
                                  size_t nargs, wf_value kwnames)
{
    if (!wrapper_check_func(t, callable, "staticmethod"))
        return WF_NULL;
    return wf_call(t, WRAPPER(callable)->func, args, nargs, kwnames);
}

static wf_value classmethod_repr(wf_thread *t, wf_value v)
{
    wf_value r = wf_repr(t, WRAPPER(v)->func ? WRAPPER(v)->func : WF_NONE);
    if (!r)
        return WF_NULL;
    const char *kind = wf_isinstance_type(v, &wf_classmethod_type) ? "classmethod" : "staticmethod";
    wf_value s = wf_str_printf(t, "<%s(%s)>", kind, wf_str_utf8(r));
    wf_value_decref(t, r);
    return s;
}

static wf_value wrapper_get_func(wf_thread *t, wf_value v)
{
    return wf_newref(t, WRAPPER(v)->func ? WRAPPER(v)->func : WF_NONE);
}

/* __isabstractmethod__ follows the function's. */
static wf_value wrapper_get_abstract(wf_thread *t, wf_value v)
{
    wf_value r = wf_getattr_opt(t, WRAPPER(v)->func, wf_str_intern_cstr(t, "__isabstractmethod__"));
    if (!r)
        return wf_err_occurred(t) ? WF_NULL : WF_FALSE;
    int truth = wf_truth(t, r);
    wf_value_decref(t, r);
    return truth < 0 ? WF_NULL : wf_bool(truth);
}

static wf_value wrapper_get_dict(wf_thread *t, wf_value v)
{
    wf_value d = wf_object_dict(t, v);
    return d ? wf_newref(t, d) : WF_NULL;
}

static const wf_getset_def wrapper_getset[] = {
    {"__func__", wrapper_get_func, NULL},
    {"__wrapped__", wrapper_get_func, NULL},
    {"__isabstractmethod__", wrapper_get_abstract, NULL},
    {"__dict__", wrapper_get_dict, NULL},
    {NULL},
};

wf_type wf_classmethod_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "classmethod",
    .tp_basicsize = sizeof(wrapper_object),
    .tp_flags = WF_TPFLAG_TRACKED | WF_TPFLAG_BASETYPE,
    .tp_dealloc = wrapper_dealloc,
    .tp_dictoffset = offsetof(wrapper_object, dict),
    .tp_repr = classmethod_repr,
    .tp_descr_get = classmethod_get,
    .tp_new = wrapper_new,
    .tp_init = wrapper_init,
    .tp_getset = wrapper_getset,
};

wf_type wf_staticmethod_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "staticmethod",
    .tp_basicsize = sizeof(wrapper_object),
    .tp_flags = WF_TPFLAG_TRACKED | WF_TPFLAG_BASETYPE,
    .tp_dealloc = wrapper_dealloc,
    .tp_dictoffset = offsetof(wrapper_object, dict),
    .tp_repr = classmethod_repr,
    .tp_call = staticmethod_call,
    .tp_descr_get = staticmethod_get,
    .tp_new = wrapper_new,
    .tp_init = wrapper_init,
    .tp_getset = wrapper_getset,
};

/* ---- property ------------------------------------------------------------------------------ */

typedef struct property_object {
    wf_object ob;
    wf_value fget, fset, fdel, doc; /* 0 = None */
    wf_value name;                  /* from __set_name__, for messages */
    bool getter_doc;                /* doc was taken from fget.__doc__ */
} property_object;

#define PROP(v) ((property_object *)wf_to_object(v))

static void property_dealloc(wf_thread *t, wf_object *o)
{
    property_object *p = (property_object *)o;
    decref_opt(t, p->fget);
    decref_opt(t, p->fset);
    decref_opt(t, p->fdel);
    decref_opt(t, p->doc);
    decref_opt(t, p->name);
    wf_object_free(t, o);
}

static void set_opt(wf_thread *t, wf_value *field, wf_value v)
{
    wf_value old = *field;
    *field = (v && v != WF_NONE) ? wf_newref(t, v) : WF_NULL;
    decref_opt(t, old);
}

static wf_value property_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    (void)args;
    (void)nargs;
    (void)kwnames;
    if (!wf_type_ready(t, type))
        return WF_NULL;
    wf_object *o = wf_object_alloc(t, type, type->tp_basicsize);
    return o ? wf_from_object(o) : wf_err_no_memory(t);
}

/* property(fget=None, fset=None, fdel=None, doc=None); without doc, fget's __doc__. */
static int property_init(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                         wf_value kwnames)
{
    static const char *const names[] = {"fget", "fset", "fdel", "doc"};
    wf_value a[4];
    if (!wf_parse_args(t, "property", args, nargs, kwnames, names, 4, 0, a))
        return -1;
    property_object *p = PROP(self);
    set_opt(t, &p->fget, a[0]);
    set_opt(t, &p->fset, a[1]);
    set_opt(t, &p->fdel, a[2]);
    set_opt(t, &p->doc, a[3]);
    p->getter_doc = false;
    if ((!a[3] || a[3] == WF_NONE) && p->fget) {
        wf_value doc = wf_getattr_opt(t, p->fget, wf_str_intern_cstr(t, "__doc__"));
        if (!doc && wf_err_occurred(t))
            return -1;
        set_opt(t, &p->doc, doc);
        decref_opt(t, doc);
        p->getter_doc = doc != 0;
    }
    return 0;
}

/* "property 'x' of 'X' object has no getter" (without the name if it is unknown). */
static void property_error(wf_thread *t, wf_value self, wf_value obj, const char *what)
{
    const char *owner = wf_type_name(wf_type_of(obj));
    wf_value name = PROP(self)->name;
    if (name && wf_str_check(name))
        wf_err_set(t, &wf_exc_AttributeError, "property '%s' of '%s' object has no %s",
                   wf_str_utf8(name), owner, what);
    else
        wf_err_set(t, &wf_exc_AttributeError, "property of '%s' object has no %s", owner, what);
}

static wf_value property_get(wf_thread *t, wf_value self, wf_value obj, wf_value type)
{
    (void)type;
    if (!obj)
        return wf_newref(t, self);
    if (!PROP(self)->fget) {
        property_error(t, self, obj, "getter");
        return WF_NULL;
    }
    return wf_call(t, PROP(self)->fget, &obj, 1, 0);
}

static int property_set(wf_thread *t, wf_value self, wf_value obj, wf_value value)
{
    wf_value f = value ? PROP(self)->fset : PROP(self)->fdel;
    if (!f) {
        property_error(t, self, obj, value ? "setter" : "deleter");
        return -1;
    }
    wf_value args[2] = {obj, value};
    wf_value r = wf_call(t, f, args, value ? 2 : 1, 0);
    if (!r)
        return -1;
    wf_value_decref(t, r);
    return 0;
}

/* A copy of the property with one function replaced: type(self)(fget, fset, fdel, doc). */
static wf_value property_copy(wf_thread *t, wf_value self, int which, wf_value func)
{
    property_object *p = PROP(self);
    wf_value fns[4] = {p->fget ? p->fget : WF_NONE, p->fset ? p->fset : WF_NONE,
                       p->fdel ? p->fdel : WF_NONE, WF_NONE};
    fns[which] = func;
    /* a doc taken from the old getter is re-taken from the new one */
    if (p->doc && !(p->getter_doc && which == 0))
        fns[3] = p->doc;
    wf_value r = wf_call(t, wf_type_value(wf_type_of(self)), fns, 4, 0);
    if (r && wf_isinstance_type(r, &wf_property_type) && p->name)
        set_opt(t, &PROP(r)->name, p->name);
    return r;
}

#define PROPERTY_COPIER(fname, which)                                                              \
    static wf_value fname(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,         \
                          wf_value kwnames)                                                        \
    {                                                                                              \
        if (!wf_check_no_kwargs(t, #fname, kwnames) ||                                             \
            !wf_check_nargs(t, "property." #fname, nargs, 1, 1))                                   \
            return WF_NULL;                                                                        \
        return property_copy(t, self, which, args[0]);                                             \
    }
PROPERTY_COPIER(getter, 0)
PROPERTY_COPIER(setter, 1)
PROPERTY_COPIER(deleter, 2)

static wf_value property_set_name(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                  wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "__set_name__", kwnames) ||
        !wf_check_nargs(t, "__set_name__", nargs, 2, 2))
        return WF_NULL;
    set_opt(t, &PROP(self)->name, args[1]);
    return WF_NONE;
}

static const wf_method_def property_methods[] = {
    {"getter", getter, 0},
    {"setter", setter, 0},
    {"deleter", deleter, 0},
    {"__set_name__", property_set_name, 0},
    {NULL},
};

#define PROPERTY_FIELD(field)                                                                      \
    static wf_value property_get_##field(wf_thread *t, wf_value v)                                 \
    {                                                                                              \
        wf_value f = PROP(v)->field;                                                               \
        return wf_newref(t, f ? f : WF_NONE);                                                      \
    }
PROPERTY_FIELD(fget)
PROPERTY_FIELD(fset)
PROPERTY_FIELD(fdel)
PROPERTY_FIELD(doc)

static int property_set_doc(wf_thread *t, wf_value v, wf_value value)
{
    set_opt(t, &PROP(v)->doc, value);
    PROP(v)->getter_doc = false;
    return 0;
}

static wf_value property_get_abstract(wf_thread *t, wf_value v)
{
    wf_value fns[3] = {PROP(v)->fget, PROP(v)->fset, PROP(v)->fdel};
    for (int i = 0; i < 3; i++) {
        if (!fns[i])
            continue;
        wf_value r = wf_getattr_opt(t, fns[i], wf_str_intern_cstr(t, "__isabstractmethod__"));
        if (!r) {
            if (wf_err_occurred(t))
                return WF_NULL;
            continue;
        }
        int truth = wf_truth(t, r);
        wf_value_decref(t, r);
        if (truth != 0)
            return truth < 0 ? WF_NULL : WF_TRUE;
    }
    return WF_FALSE;
}

static const wf_getset_def property_getset[] = {
    {"fget", property_get_fget, NULL},
    {"fset", property_get_fset, NULL},
    {"fdel", property_get_fdel, NULL},
    {"__doc__", property_get_doc, property_set_doc},
    {"__isabstractmethod__", property_get_abstract, NULL},
    {NULL},
};

wf_type wf_property_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "property",
    .tp_basicsize = sizeof(property_object),
    .tp_flags = WF_TPFLAG_TRACKED | WF_TPFLAG_BASETYPE,
    .tp_dealloc = property_dealloc,
    .tp_descr_get = property_get,
    .tp_descr_set = property_set,
    .tp_new = property_new,
    .tp_init = property_init,
    .tp_methods = property_methods,
    .tp_getset = property_getset,
    .tp_doc = "Property attribute.",
};
