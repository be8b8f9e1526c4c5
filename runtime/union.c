/* types.UnionType (runtime/union.h). Immutable once made: the members tuple is written
 * by the creator before the union is published.
 *
 * Members. A union holds at least two members, each a class (NoneType for None) or a
 * generic alias, flattened (no member is itself a union) and deduplicated in the order
 * they were first met, as CPython 3.11's dedup_and_flatten_args. Two aliases are the
 * same member when they compare equal (list[int] | list[int] is list[int]); anything
 * else only when identical. */
#include "union.h"

#include <string.h>

#include "abstract.h"
#include "alloc.h"
#include "callable.h"
#include "error.h"
#include "exceptions.h"
#include "generic_alias.h"
#include "list.h"
#include "set.h"
#include "singletons.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

typedef struct union_object {
    wf_object ob;
    wf_value args; /* owned tuple of the members (the union's __args__) */
} union_object;

static inline union_object *as_union(wf_value v)
{
    return (union_object *)wf_to_object(v);
}

/* ---- Making a union ---------------------------------------------------------------------- */

/* What `|` accepts on either side (CPython's is_unionable). */
static bool is_unionable(wf_value v)
{
    return v == WF_NONE || wf_isinstance_type(v, &wf_type_type) || wf_generic_alias_check(v) ||
           wf_union_check(v);
}

static size_t member_count(wf_value v)
{
    return wf_union_check(v) ? wf_tuple_size(as_union(v)->args) : 1;
}

/* Appends v (borrowed) to out[0..*n) unless an equal member is already there. */
static int add_member(wf_thread *t, wf_value v, wf_value *out, size_t *n)
{
    for (size_t i = 0; i < *n; i++) {
        int same = out[i] == v;
        if (!same && wf_generic_alias_check(v) && wf_generic_alias_check(out[i]))
            same = wf_richcompare_bool(t, out[i], v, WF_CMP_EQ);
        if (same)
            return same < 0 ? -1 : 0;
    }
    out[(*n)++] = v;
    return 0;
}

/* The members one operand contributes: a union's own, None as NoneType, else itself. */
static int add_operand(wf_thread *t, wf_value v, wf_value *out, size_t *n)
{
    if (!wf_union_check(v))
        return add_member(t, v == WF_NONE ? wf_type_value(&wf_none_type) : v, out, n);
    wf_value args = as_union(v)->args;
    for (size_t i = 0; i < wf_tuple_size(args); i++)
        if (add_member(t, WF_TUPLE_ITEMS(args)[i], out, n) < 0)
            return -1;
    return 0;
}

/* A union of members[0..n), n >= 2 (borrowed; the union takes its own references). */
static wf_value union_new(wf_thread *t, const wf_value *members, size_t n)
{
    wf_value args = wf_tuple_from_array(t, members, n);
    if (!args)
        return WF_NULL;
    union_object *u = (union_object *)wf_object_alloc(t, &wf_union_type, sizeof(union_object));
    if (!u) {
        wf_value_decref(t, args);
        return wf_err_no_memory(t);
    }
    u->args = args;
    return wf_from_object(&u->ob);
}

wf_value wf_union_or(wf_thread *t, wf_value a, wf_value b)
{
    if (!is_unionable(a) || !is_unionable(b))
        return WF_NOTIMPLEMENTED;
    wf_value small[8];
    size_t cap = member_count(a) + member_count(b), n = 0;
    wf_value *members = cap <= 8 ? small : wf_mem_alloc(t, cap * sizeof *members);
    if (!members)
        return wf_err_no_memory(t);
    wf_value r = WF_NULL;
    if (add_operand(t, a, members, &n) == 0 && add_operand(t, b, members, &n) == 0)
        r = n == 1 ? wf_newref(t, members[0]) : union_new(t, members, n);
    if (members != small)
        wf_mem_free(members);
    return r;
}

/* ---- isinstance / issubclass ------------------------------------------------------------ */

static wf_value generic_alias_error(wf_thread *t, const char *fname)
{
    return wf_err_set(t, &wf_exc_TypeError, "%s() argument 2 cannot be a parameterized generic",
                      fname);
}

int wf_union_isinstance(wf_thread *t, wf_value v, wf_value u)
{
    wf_value args = as_union(u)->args;
    for (size_t i = 0; i < wf_tuple_size(args); i++) {
        wf_value m = WF_TUPLE_ITEMS(args)[i];
        if (wf_generic_alias_check(m)) {
            generic_alias_error(t, "isinstance");
            return -1;
        }
        int r = wf_isinstance(t, v, m);
        if (r != 0)
            return r;
    }
    return 0;
}

int wf_union_issubclass(wf_thread *t, wf_value derived, wf_value u)
{
    wf_value args = as_union(u)->args;
    for (size_t i = 0; i < wf_tuple_size(args); i++) {
        wf_value m = WF_TUPLE_ITEMS(args)[i];
        if (wf_generic_alias_check(m)) {
            generic_alias_error(t, "issubclass");
            return -1;
        }
        int r = wf_issubclass(t, derived, m);
        if (r != 0)
            return r;
    }
    return 0;
}

/* ---- The type's slots ------------------------------------------------------------------- */

static void union_dealloc(wf_thread *t, wf_object *o)
{
    wf_value_decref(t, ((union_object *)o)->args);
    wf_object_free(t, o);
}

/* Whether v has attribute `name`: 1, 0, or -1 on an error other than AttributeError. */
static int has_attr(wf_thread *t, wf_value v, const char *name)
{
    wf_value a = wf_getattr_opt(t, v, wf_str_intern_cstr(t, name));
    if (!a)
        return wf_err_occurred(t) ? -1 : 0;
    wf_value_decref(t, a);
    return 1;
}

/* One member as CPython's union_repr_item prints it: "None" for NoneType, a class by
 * its qualified name ("int", "collections.OrderedDict"), an alias (or anything with
 * __origin__ and __args__, or without __qualname__ or __module__) by its repr. */
static bool repr_member(wf_thread *t, wf_reprbuf *b, wf_value v)
{
    if (v == wf_type_value(&wf_none_type))
        return wf_reprbuf_add_cstr(t, b, "None");
    if (wf_generic_alias_check(v))
        return wf_reprbuf_add_repr(t, b, v);
    int origin = has_attr(t, v, "__origin__");
    int alias_like = origin > 0 ? has_attr(t, v, "__args__") : origin;
    if (alias_like < 0)
        return false;
    if (alias_like)
        return wf_reprbuf_add_repr(t, b, v);
    wf_value qual = wf_getattr_opt(t, v, wf_str_intern_cstr(t, "__qualname__"));
    wf_value mod = qual ? wf_getattr_opt(t, v, wf_str_intern_cstr(t, "__module__")) : WF_NULL;
    bool ok;
    if (wf_err_occurred(t)) {
        ok = false;
    } else if (!qual || !mod || mod == WF_NONE) {
        ok = wf_reprbuf_add_repr(t, b, v);
    } else if (wf_str_check(mod) && strcmp(wf_str_utf8(mod), "builtins") == 0) {
        wf_value s = wf_str(t, qual);
        ok = s && wf_reprbuf_add_cstr(t, b, wf_str_utf8(s));
        if (s)
            wf_value_decref(t, s);
    } else {
        wf_value ms = wf_str(t, mod), qs = ms ? wf_str(t, qual) : WF_NULL;
        ok = qs && wf_reprbuf_add_cstr(t, b, wf_str_utf8(ms)) && wf_reprbuf_add_cstr(t, b, ".") &&
             wf_reprbuf_add_cstr(t, b, wf_str_utf8(qs));
        if (ms)
            wf_value_decref(t, ms);
        if (qs)
            wf_value_decref(t, qs);
    }
    if (qual)
        wf_value_decref(t, qual);
    if (mod)
        wf_value_decref(t, mod);
    return ok;
}

/* "int | str | None" */
static wf_value union_repr(wf_thread *t, wf_value self)
{
    wf_value args = as_union(self)->args;
    wf_reprbuf b = {0};
    bool ok = true;
    for (size_t i = 0; ok && i < wf_tuple_size(args); i++)
        ok = (i == 0 || wf_reprbuf_add_cstr(t, &b, " | ")) &&
             repr_member(t, &b, WF_TUPLE_ITEMS(args)[i]);
    if (!ok) {
        wf_reprbuf_discard(&b);
        return WF_NULL;
    }
    return wf_reprbuf_finish(t, &b);
}

/* The hash of frozenset(__args__), so that unions equal as sets hash alike. */
static int64_t union_hash(wf_thread *t, wf_value self)
{
    wf_value set = wf_frozenset_new(t, as_union(self)->args);
    if (!set)
        return -1;
    int64_t h = wf_hash(t, set);
    wf_value_decref(t, set);
    return h;
}

/* Equal when their members are equal as sets: (int | str) == (str | int). */
static wf_value union_richcompare(wf_thread *t, wf_value a, wf_value b, int op)
{
    if (!wf_union_check(b) || (op != WF_CMP_EQ && op != WF_CMP_NE))
        return WF_NOTIMPLEMENTED;
    wf_value sa = wf_frozenset_new(t, as_union(a)->args);
    wf_value sb = sa ? wf_frozenset_new(t, as_union(b)->args) : WF_NULL;
    int eq = sb ? wf_richcompare_bool(t, sa, sb, WF_CMP_EQ) : -1;
    if (sa)
        wf_value_decref(t, sa);
    if (sb)
        wf_value_decref(t, sb);
    if (eq < 0)
        return WF_NULL;
    return wf_bool((eq == 1) == (op == WF_CMP_EQ));
}

/* __module__ is the type's ('types'), for the typing module; the rest is generic. */
static wf_value union_getattr(wf_thread *t, wf_value self, wf_value name)
{
    if (strcmp(wf_str_utf8(name), "__module__") == 0)
        return wf_getattr(t, wf_type_value(&wf_union_type), name);
    return wf_generic_getattr(t, self, name);
}

/* u[...] substitutes type variables; without the typing module a union has none. */
static wf_value union_getitem(wf_thread *t, wf_value self, wf_value key)
{
    (void)key;
    wf_value r = wf_repr(t, self);
    if (!r)
        return WF_NULL;
    wf_err_set(t, &wf_exc_TypeError, "%s is not a generic class", wf_str_utf8(r));
    wf_value_decref(t, r);
    return WF_NULL;
}

static wf_value union_get_args(wf_thread *t, wf_value self)
{
    return wf_newref(t, as_union(self)->args);
}

/* The type variables among the members: none exist without the typing module. */
static wf_value union_get_parameters(wf_thread *t, wf_value self)
{
    (void)t, (void)self;
    return wf_tuple_empty();
}

static const wf_getset_def union_getset[] = {
    {"__args__", union_get_args, wf_getset_readonly},
    {"__parameters__", union_get_parameters, NULL},
    {NULL, NULL, NULL},
};

static const wf_number_methods union_as_number = {.binop[WF_NB_OR] = wf_union_or};
static const wf_mapping_methods union_as_mapping = {.getitem = union_getitem};

wf_type wf_union_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "types.UnionType",
    .tp_basicsize = sizeof(union_object),
    .tp_flags = WF_TPFLAG_TRACKED,
    .tp_dealloc = union_dealloc,
    .tp_repr = union_repr,
    .tp_hash = union_hash,
    .tp_richcompare = union_richcompare,
    .tp_getattr = union_getattr,
    .tp_as_number = &union_as_number,
    .tp_as_mapping = &union_as_mapping,
    .tp_getset = union_getset,
    .tp_doc = "Represent a PEP 604 union type\n\nE.g. for int | str",
};
