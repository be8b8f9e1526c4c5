/* types.GenericAlias (runtime/generic_alias.h). Immutable once made: every field is
 * written by its creator before it is published. */
#include "generic_alias.h"

#include <string.h>

#include "abstract.h"
#include "alloc.h"
#include "callable.h"
#include "error.h"
#include "exceptions.h"
#include "list.h"
#include "singletons.h"
#include "slice.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "union.h"

typedef struct generic_alias {
    wf_object ob;
    wf_value origin; /* owned */
    wf_value args;   /* owned tuple */
} generic_alias;

static inline generic_alias *as_alias(wf_value v)
{
    return (generic_alias *)wf_to_object(v);
}

wf_value wf_generic_alias_new(wf_thread *t, wf_value origin, wf_value args)
{
    wf_value tuple = wf_tuple_check(args) ? wf_newref(t, args) : wf_tuple_pack(t, 1, args);
    if (!tuple)
        return WF_NULL;
    generic_alias *ga =
        (generic_alias *)wf_object_alloc(t, &wf_generic_alias_type, sizeof(generic_alias));
    if (!ga) {
        wf_value_decref(t, tuple);
        return wf_err_no_memory(t);
    }
    ga->origin = wf_newref(t, origin);
    ga->args = tuple;
    return wf_from_object(&ga->ob);
}

wf_value wf_class_getitem(wf_thread *t, wf_value cls, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "__class_getitem__", kwnames) ||
        !wf_check_nargs(t, "__class_getitem__", nargs, 1, 1))
        return WF_NULL;
    return wf_generic_alias_new(t, cls, args[0]);
}

static void alias_dealloc(wf_thread *t, wf_object *o)
{
    generic_alias *ga = (generic_alias *)o;
    wf_value_decref(t, ga->origin);
    wf_value_decref(t, ga->args);
    wf_object_free(t, o);
}

/* One item as ga_repr_item prints it: "..." for Ellipsis, an alias by its repr, a
 * class by its qualified name ("int", "collections.OrderedDict"), else repr(). */
static bool repr_item(wf_thread *t, wf_reprbuf *b, wf_value v)
{
    if (v == WF_ELLIPSIS)
        return wf_reprbuf_add_cstr(t, b, "...");
    if (wf_generic_alias_check(v) || !wf_isinstance_type(v, &wf_type_type))
        return wf_reprbuf_add_repr(t, b, v);
    wf_value qual = wf_getattr_cstr(t, v, "__qualname__");
    wf_value mod = qual ? wf_getattr_cstr(t, v, "__module__") : WF_NULL;
    bool ok = false;
    if (qual && mod && wf_str_check(qual) && wf_str_check(mod)) {
        ok = (strcmp(wf_str_utf8(mod), "builtins") == 0 ||
              (wf_reprbuf_add_cstr(t, b, wf_str_utf8(mod)) && wf_reprbuf_add_cstr(t, b, "."))) &&
             wf_reprbuf_add_cstr(t, b, wf_str_utf8(qual));
    } else if (qual || wf_err_matches(t, &wf_exc_AttributeError)) {
        wf_err_clear(t);
        ok = wf_reprbuf_add_repr(t, b, v);
    }
    if (qual)
        wf_value_decref(t, qual);
    if (mod)
        wf_value_decref(t, mod);
    return ok;
}

/* "list[int]", "dict[str, int]", "tuple[()]" */
static wf_value alias_repr(wf_thread *t, wf_value self)
{
    generic_alias *ga = as_alias(self);
    wf_reprbuf b = {0};
    size_t n = wf_tuple_size(ga->args);
    bool ok = repr_item(t, &b, ga->origin) && wf_reprbuf_add_cstr(t, &b, "[");
    if (ok && n == 0)
        ok = wf_reprbuf_add_cstr(t, &b, "()");
    for (size_t i = 0; ok && i < n; i++)
        ok = (i == 0 || wf_reprbuf_add_cstr(t, &b, ", ")) &&
             repr_item(t, &b, WF_TUPLE_ITEMS(ga->args)[i]);
    if (!ok || !wf_reprbuf_add_cstr(t, &b, "]")) {
        wf_reprbuf_discard(&b);
        return WF_NULL;
    }
    return wf_reprbuf_finish(t, &b);
}

static wf_value alias_richcompare(wf_thread *t, wf_value a, wf_value b, int op)
{
    if (!wf_generic_alias_check(a) || !wf_generic_alias_check(b) ||
        (op != WF_CMP_EQ && op != WF_CMP_NE))
        return wf_newref(t, WF_NOTIMPLEMENTED);
    int eq = wf_richcompare_bool(t, as_alias(a)->origin, as_alias(b)->origin, WF_CMP_EQ);
    if (eq > 0)
        eq = wf_richcompare_bool(t, as_alias(a)->args, as_alias(b)->args, WF_CMP_EQ);
    if (eq < 0)
        return WF_NULL;
    return wf_bool((op == WF_CMP_EQ) == (eq == 1));
}

static int64_t alias_hash(wf_thread *t, wf_value self)
{
    int64_t h0 = wf_hash(t, as_alias(self)->origin);
    int64_t h1 = h0 == -1 ? -1 : wf_hash(t, as_alias(self)->args);
    if (h1 == -1)
        return -1;
    int64_t h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

/* Calling the alias makes an instance of the origin. */
static wf_value alias_call(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    return wf_call(t, as_alias(self)->origin, args, nargs, kwnames);
}

/* Attributes: the alias's own for these names, the origin's for everything else. */
static const char *const own_attributes[] = {
    "__class__",
    "__origin__",
    "__args__",
    "__parameters__",
    "__mro_entries__",
    "__reduce__",
    "__reduce_ex__",
    "__copy__",
    "__deepcopy__",
    "__unpacked__",
    "__typing_unpacked_tuple_args__",
    NULL,
};

static wf_value alias_getattr(wf_thread *t, wf_value self, wf_value name)
{
    const char *s = wf_str_utf8(name);
    for (size_t i = 0; own_attributes[i]; i++)
        if (strcmp(s, own_attributes[i]) == 0)
            return wf_generic_getattr(t, self, name);
    return wf_getattr(t, as_alias(self)->origin, name);
}

static wf_value alias_get_origin(wf_thread *t, wf_value self)
{
    return wf_newref(t, as_alias(self)->origin);
}

static wf_value alias_get_args(wf_thread *t, wf_value self)
{
    return wf_newref(t, as_alias(self)->args);
}

/* No type variables exist without the typing module: always (). */
static wf_value alias_get_parameters(wf_thread *t, wf_value self)
{
    (void)t, (void)self;
    return wf_tuple_empty();
}

/* class C(list[int]) subclasses list. */
static wf_value alias_mro_entries(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                  wf_value kwnames)
{
    (void)args;
    if (!wf_check_no_kwargs(t, "GenericAlias.__mro_entries__", kwnames) ||
        !wf_check_nargs(t, "GenericAlias.__mro_entries__", nargs, 1, 1))
        return WF_NULL;
    return wf_tuple_pack(t, 1, as_alias(self)->origin);
}

static const wf_getset_def alias_getset[] = {
    {"__origin__", alias_get_origin, NULL},
    {"__args__", alias_get_args, NULL},
    {"__parameters__", alias_get_parameters, NULL},
    {NULL, NULL, NULL},
};

static const wf_method_def alias_methods[] = {
    {"__mro_entries__", alias_mro_entries, 0},
    {NULL, NULL, 0},
};

static const wf_number_methods alias_as_number = {.binop[WF_NB_OR] = wf_union_or};

wf_type wf_generic_alias_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "types.GenericAlias",
    .tp_basicsize = sizeof(generic_alias),
    .tp_flags = WF_TPFLAG_TRACKED,
    .tp_dealloc = alias_dealloc,
    .tp_repr = alias_repr,
    .tp_hash = alias_hash,
    .tp_richcompare = alias_richcompare,
    .tp_getattr = alias_getattr,
    .tp_call = alias_call,
    .tp_as_number = &alias_as_number,
    .tp_getset = alias_getset,
    .tp_methods = alias_methods,
    .tp_doc = "Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list "
              "and t.__args__ is (int,).",
};
