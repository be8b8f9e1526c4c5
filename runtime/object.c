/* The `object` type: the root of every class (runtime/type.h).
 *
 * object() makes a featureless instance; object.__new__ and object.__init__ reject
 * arguments with CPython's rules (an argument is an error in __new__ only when the
 * class does not override __init__, and the reverse), so `class X: pass; X(1)` says
 * "X() takes no arguments". Equality is identity, the hash comes from the address, str
 * is repr, and attribute access is the generic protocol of type.c. */
#include <stdio.h>
#include <string.h>

#include "abstract.h"
#include "alloc.h"
#include "callable.h"
#include "dict.h"
#include "error.h"
#include "exceptions.h"
#include "int.h"
#include "list.h"
#include "singletons.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

static int object_init(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                       wf_value kwnames);

/* "Can't instantiate abstract class X with abstract methods a, b" (sorted names). */
static wf_value abstract_error(wf_thread *t, wf_type *type)
{
    wf_value methods = wf_getattr_cstr(t, wf_type_value(type), "__abstractmethods__");
    wf_value list = methods ? wf_list_new(t, 0) : WF_NULL;
    if (list && (wf_list_extend(t, list, methods) < 0 || wf_list_sort(t, list, 0, false) < 0)) {
        wf_value_decref(t, list);
        list = WF_NULL;
    }
    if (methods)
        wf_value_decref(t, methods);
    if (!list)
        return WF_NULL;
    wf_value sep = wf_str_from_cstr(t, ", ");
    wf_value joined = sep ? wf_call_method(t, sep, wf_str_intern_cstr(t, "join"), &list, 1) : 0;
    int64_t n = wf_list_size(list);
    if (joined)
        wf_err_set(t, &wf_exc_TypeError,
                   "Can't instantiate abstract class %s with abstract method%s %s",
                   wf_type_name(type), n == 1 ? "" : "s", wf_str_utf8(joined));
    if (joined)
        wf_value_decref(t, joined);
    if (sep)
        wf_value_decref(t, sep);
    wf_value_decref(t, list);
    return WF_NULL;
}

static wf_value object_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    (void)args;
    if (nargs || kwnames) {
        if (type->tp_new != object_new)
            return wf_err_set(t, &wf_exc_TypeError,
                              "object.__new__() takes exactly one argument (the type to "
                              "instantiate)");
        if (type->tp_init == object_init)
            return wf_err_set(t, &wf_exc_TypeError, "%s() takes no arguments", type->tp_name);
    }
    if (!wf_type_ready(t, type))
        return WF_NULL;
    if (__atomic_load_n(&type->tp_flags, __ATOMIC_RELAXED) & WF_TPFLAG_IS_ABSTRACT)
        return abstract_error(t, type);
    wf_object *o = wf_object_alloc(t, type, type->tp_basicsize);
    return o ? wf_from_object(o) : wf_err_no_memory(t);
}

static int object_init(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                       wf_value kwnames)
{
    (void)args;
    if (!nargs && !kwnames)
        return 0;
    wf_type *type = wf_type_of(self);
    if (type->tp_init != object_init) {
        wf_err_set(t, &wf_exc_TypeError,
                   "object.__init__() takes exactly one argument (the instance to initialize)");
        return -1;
    }
    if (type->tp_new == object_new) {
        wf_err_set(t, &wf_exc_TypeError,
                   "%s.__init__() takes exactly one argument (the instance to initialize)",
                   type->tp_name);
        return -1;
    }
    return 0;
}

static void object_dealloc(wf_thread *t, wf_object *o)
{
    wf_object_free(t, o);
}

/* "<__main__.X object at 0x7f...>"; built-in classes print without "builtins.". */
static wf_value object_repr(wf_thread *t, wf_value self)
{
    wf_type *type = wf_type_of(self);
    wf_value tv = wf_type_value(type);
    wf_value mod = wf_getattr_cstr(t, tv, "__module__");
    if (!mod)
        wf_err_clear(t);
    wf_value qual = wf_getattr_cstr(t, tv, "__qualname__");
    if (!qual) {
        if (mod)
            wf_value_decref(t, mod);
        return WF_NULL;
    }
    wf_value r;
    void *addr = wf_is_object(self) ? (void *)wf_to_object(self) : (void *)self;
    if (mod && wf_str_check(mod) && strcmp(wf_str_utf8(mod), "builtins") != 0)
        r = wf_str_printf(t, "<%s.%s object at %p>", wf_str_utf8(mod), wf_str_utf8(qual), addr);
    else
        r = wf_str_printf(t, "<%s object at %p>", wf_str_utf8(qual), addr);
    if (mod)
        wf_value_decref(t, mod);
    wf_value_decref(t, qual);
    return r;
}

/* str(x) defaults to repr(x), through the type's repr slot. */
static wf_value object_str(wf_thread *t, wf_value self)
{
    return wf_repr(t, self);
}

/* CPython's _Py_HashPointer: the address rotated by 4 bits (allocation alignment). */
static int64_t object_hash(wf_thread *t, wf_value self)
{
    (void)t;
    uintptr_t p = (uintptr_t)self;
    int64_t h = (int64_t)((p >> 4) | (p << (8 * sizeof p - 4)));
    return h == -1 ? -2 : h;
}

/* == is identity; != inverts the type's own == unless that is NotImplemented. */
static wf_value object_richcompare(wf_thread *t, wf_value a, wf_value b, int op)
{
    if (op == WF_CMP_EQ)
        return a == b ? WF_TRUE : WF_NOTIMPLEMENTED;
    if (op != WF_CMP_NE)
        return WF_NOTIMPLEMENTED;
    wf_richcmp_fn eq = wf_type_of(a)->tp_richcompare;
    if (!eq)
        return WF_NOTIMPLEMENTED;
    wf_value r = eq(t, a, b, WF_CMP_EQ);
    if (!r || r == WF_NOTIMPLEMENTED)
        return r;
    int truth = wf_truth(t, r);
    wf_value_decref(t, r);
    return truth < 0 ? WF_NULL : wf_bool(!truth);
}

static wf_value object_get_class(wf_thread *t, wf_value self)
{
    return wf_newref(t, wf_type_value(wf_type_of(self)));
}

/* obj.__class__ = C between heap classes of the same layout. */
static int object_set_class(wf_thread *t, wf_value self, wf_value value)
{
    if (!value) {
        wf_err_set(t, &wf_exc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!wf_isinstance_type(value, &wf_type_type)) {
        wf_err_set(t, &wf_exc_TypeError, "__class__ must be set to a class, not '%s' object",
                   wf_type_name(wf_type_of(value)));
        return -1;
    }
    wf_type *old = wf_type_of(self), *nt = (wf_type *)wf_to_object(value);
    if (!(old->tp_flags & WF_TPFLAG_HEAPTYPE) || !(nt->tp_flags & WF_TPFLAG_HEAPTYPE)) {
        wf_err_set(t, &wf_exc_TypeError,
                   "__class__ assignment only supported for mutable types or ModuleType "
                   "subclasses");
        return -1;
    }
    if (old->tp_basicsize != nt->tp_basicsize || old->tp_dictoffset != nt->tp_dictoffset ||
        old->tp_dealloc != nt->tp_dealloc) {
        wf_err_set(t, &wf_exc_TypeError,
                   "__class__ assignment: '%s' object layout differs from '%s'", nt->tp_name,
                   old->tp_name);
        return -1;
    }
    wf_to_object(self)->ob_type = nt; /* classes are immortal: no counts to move */
    return 0;
}

static const wf_getset_def object_getset[] = {
    {"__class__", object_get_class, object_set_class},
    {NULL},
};

/* format(x, ''): str(x); any other spec is an error for plain objects. */
static wf_value object_format(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "__format__", kwnames) ||
        !wf_check_nargs(t, "__format__", nargs, 1, 1))
        return WF_NULL;
    if (!wf_str_check(args[0]))
        return wf_err_set(t, &wf_exc_TypeError, "__format__() argument must be str, not %s",
                          wf_type_name(wf_type_of(args[0])));
    if (wf_str_size(args[0]) > 0)
        return wf_err_set(t, &wf_exc_TypeError, "unsupported format string passed to %s.__format__",
                          wf_type_name(wf_type_of(self)));
    return wf_str(t, self);
}

/* Adds every key of dict d to the dict `seen` (used as an ordered set). */
static bool add_keys(wf_thread *t, wf_value seen, wf_value d)
{
    size_t pos = 0;
    wf_value key;
    while (wf_dict_next(t, d, &pos, &key, NULL)) {
        int rc = wf_dict_set(t, seen, key, WF_NONE);
        wf_value_decref(t, key);
        if (rc < 0)
            return false;
    }
    return !wf_err_occurred(t);
}

/* The instance's attributes and those of its class and bases (dir() sorts them). */
static wf_value object_dir(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    (void)args;
    if (!wf_check_no_kwargs(t, "__dir__", kwnames) || !wf_check_nargs(t, "__dir__", nargs, 0, 0))
        return WF_NULL;
    wf_value seen = wf_dict_new(t);
    if (!seen)
        return WF_NULL;
    wf_value d = wf_object_dict(t, self);
    bool ok = !d || add_keys(t, seen, d);
    wf_value mro = wf_from_object(wf_type_of(self)->tp_mro);
    for (size_t i = 0; ok && i < wf_tuple_size(mro); i++) {
        wf_type *b = (wf_type *)wf_to_object(WF_TUPLE_ITEMS(mro)[i]);
        ok = add_keys(t, seen, wf_from_object(b->tp_dict));
    }
    wf_value list = ok ? wf_list_new(t, 0) : WF_NULL;
    size_t pos = 0;
    wf_value key;
    while (list && wf_dict_next(t, seen, &pos, &key, NULL)) {
        int rc = wf_list_append(t, list, key);
        wf_value_decref(t, key);
        if (rc < 0) {
            wf_value_decref(t, list);
            list = WF_NULL;
        }
    }
    wf_value_decref(t, seen);
    return list;
}

/* The default __init_subclass__ accepts no keyword arguments. */
static wf_value object_init_subclass(wf_thread *t, wf_value cls, const wf_value *args, size_t nargs,
                                     wf_value kwnames)
{
    (void)args;
    if (kwnames)
        return wf_err_set(t, &wf_exc_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                          wf_type_name((wf_type *)wf_to_object(cls)));
    if (!wf_check_nargs(t, "__init_subclass__", nargs, 0, 0))
        return WF_NULL;
    return WF_NONE;
}

static wf_value object_subclasshook(wf_thread *t, wf_value cls, const wf_value *args, size_t nargs,
                                    wf_value kwnames)
{
    (void)t;
    (void)cls;
    (void)args;
    (void)nargs;
    (void)kwnames;
    return WF_NOTIMPLEMENTED;
}

/* ---- Sizes and pickling support ------------------------------------------------------- */

static bool no_args(wf_thread *t, const char *fname, size_t nargs, wf_value kwnames)
{
    return wf_check_no_kwargs(t, fname, kwnames) && wf_check_nargs(t, fname, nargs, 0, 0);
}

/* The instance's basic size in bytes (weft's, not CPython's: the header is 32 bytes). */
static wf_value object_sizeof(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    (void)args;
    if (!no_args(t, "object.__sizeof__", nargs, kwnames))
        return WF_NULL;
    return wf_int_from_int64(t, (int64_t)wf_type_of(self)->tp_basicsize);
}

/* Appends cls's own __slots__ names to names as copyreg._slotnames does: __dict__ and
 * __weakref__ skipped, private names mangled ("__x" in class _C is "_C__x"). */
static bool add_slot_names(wf_thread *t, wf_value names, wf_type *cls)
{
    wf_value slots = wf_dict_get_cstr(t, wf_from_object(cls->tp_dict), "__slots__");
    if (!slots)
        return !wf_err_occurred(t);
    wf_value list = wf_str_check(slots) ? wf_list_from_array(t, &slots, 1) : wf_list_new(t, 0);
    bool ok = list && (wf_str_check(slots) || wf_list_extend(t, list, slots) == 0);
    wf_value_decref(t, slots);
    for (int64_t i = 0; ok && i < wf_list_size(list); i++) {
        wf_value name = wf_list_get(t, list, i);
        if (!name)
            return false;
        const char *s = wf_str_check(name) ? wf_str_utf8(name) : "";
        size_t len = strlen(s);
        const char *owner = wf_type_name(cls);
        while (*owner == '_')
            owner++;
        if (strcmp(s, "__dict__") == 0 || strcmp(s, "__weakref__") == 0) {
            /* skipped */
        } else if (len > 2 && strncmp(s, "__", 2) == 0 && strcmp(s + len - 2, "__") != 0 &&
                   *owner) {
            wf_value mangled = wf_str_printf(t, "_%s%s", owner, s);
            ok = mangled && wf_list_append(t, names, mangled) == 0;
            if (mangled)
                wf_value_decref(t, mangled);
        } else {
            ok = wf_list_append(t, names, name) == 0;
        }
        wf_value_decref(t, name);
    }
    if (list)
        wf_value_decref(t, list);
    return ok;
}

/* {slot name: value} for every __slots__ entry along the MRO that holds a value. */
static wf_value slot_values(wf_thread *t, wf_value self)
{
    wf_value names = wf_list_new(t, 0), values = names ? wf_dict_new(t) : WF_NULL;
    wf_value mro = wf_from_object(wf_type_of(self)->tp_mro);
    bool ok = values != WF_NULL;
    for (size_t i = 0; ok && i < wf_tuple_size(mro); i++)
        ok = add_slot_names(t, names, (wf_type *)wf_to_object(WF_TUPLE_ITEMS(mro)[i]));
    for (int64_t i = 0; ok && i < wf_list_size(names); i++) {
        wf_value name = wf_list_get(t, names, i);
        wf_value v = name ? wf_getattr_opt(t, self, name) : WF_NULL;
        ok = name && !wf_err_occurred(t) && (!v || wf_dict_set(t, values, name, v) == 0);
        if (v)
            wf_value_decref(t, v);
        if (name)
            wf_value_decref(t, name);
    }
    if (names)
        wf_value_decref(t, names);
    if (!ok && values) {
        wf_value_decref(t, values);
        values = WF_NULL;
    }
    return values;
}

/* object.__getstate__() (3.11): None when the instance has no attributes, else its
 * __dict__; with values in __slots__, the pair (that, {slot: value}). */
static wf_value object_getstate(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                wf_value kwnames)
{
    (void)args;
    if (!no_args(t, "object.__getstate__", nargs, kwnames))
        return WF_NULL;
    wf_value d = wf_object_dict(t, self);
    if (!d && wf_err_occurred(t))
        return WF_NULL;
    wf_value state = d && wf_dict_size(d) > 0 ? wf_newref(t, d) : WF_NONE;
    wf_value slots = slot_values(t, self);
    if (!slots) {
        wf_value_decref(t, state);
        return WF_NULL;
    }
    wf_value r = wf_dict_size(slots) > 0 ? wf_tuple_pack(t, 2, state, slots) : wf_newref(t, state);
    wf_value_decref(t, slots);
    wf_value_decref(t, state);
    return r;
}

/* What copyreg's reducers would build: weft has no copyreg, so every object that
 * defines no reduction of its own is unpicklable. */
static wf_value cannot_pickle(wf_thread *t, wf_value self)
{
    return wf_err_set(t, &wf_exc_TypeError, "cannot pickle '%s' object",
                      wf_type_name(wf_type_of(self)));
}

static wf_value object_reduce(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    (void)args;
    if (!no_args(t, "object.__reduce__", nargs, kwnames))
        return WF_NULL;
    return cannot_pickle(t, self);
}

/* object.__reduce_ex__(protocol): the class's own __reduce__ when it overrides
 * object's, else the default reduction. */
static wf_value object_reduce_ex(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                 wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "object.__reduce_ex__", kwnames) ||
        !wf_check_nargs(t, "object.__reduce_ex__", nargs, 1, 1))
        return WF_NULL;
    wf_value proto = wf_index(t, args[0]);
    if (!proto)
        return WF_NULL;
    wf_value_decref(t, proto);
    wf_value name = wf_str_intern_cstr(t, "__reduce__");
    wf_value own = wf_type_lookup(t, wf_type_of(self), name);
    if (own && own != wf_type_lookup(t, &wf_object_type, name))
        return wf_call_method(t, self, name, NULL, 0);
    return cannot_pickle(t, self);
}

static const wf_method_def object_methods[] = {
    {"__format__", object_format, 0},
    {"__sizeof__", object_sizeof, 0},
    {"__getstate__", object_getstate, 0},
    {"__reduce__", object_reduce, 0},
    {"__reduce_ex__", object_reduce_ex, 0},
    {"__dir__", object_dir, 0},
    {"__init_subclass__", object_init_subclass, WF_METH_CLASS},
    {"__subclasshook__", object_subclasshook, WF_METH_CLASS},
    {NULL},
};

wf_type wf_object_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "object",
    .tp_basicsize = sizeof(wf_object),
    .tp_flags = WF_TPFLAG_BASETYPE,
    .tp_dealloc = object_dealloc,
    .tp_repr = object_repr,
    .tp_str = object_str,
    .tp_hash = object_hash,
    .tp_richcompare = object_richcompare,
    .tp_getattr = wf_generic_getattr,
    .tp_setattr = wf_generic_setattr,
    .tp_new = object_new,
    .tp_init = object_init,
    .tp_methods = object_methods,
    .tp_getset = object_getset,
    .tp_doc = "The base class of the class hierarchy.\n\nWhen called, it accepts no arguments "
              "and returns a new featureless\ninstance that has no instance attributes and "
              "cannot be given any.\n",
};
