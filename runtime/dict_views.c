/* dict views (d.keys(), d.values(), d.items()) and the dict iterators (runtime/dict.h).
 *
 * Views are live: they hold the dict and read it on every operation. Iterators walk
 * the entry array by position through wf_dict_entry_at, one locked step at a time, and
 * compare the dict's size with the size at creation, raising CPython's "dictionary
 * changed size during iteration". An iterator's fields are relaxed atomics: threads
 * sharing one iterator may see an item twice or skip one, never a bad one. Set
 * operations on keys and items views build a set and call its methods, as CPython's
 * dictviews_* functions do. */
#include "dict.h"

#include <stdio.h>

#include "abstract.h"
#include "alloc.h"
#include "callable.h"
#include "error.h"
#include "exceptions.h"
#include "iterators.h"
#include "list.h"
#include "set.h"
#include "singletons.h"
#include "slice.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

/* ---- Iterators ----------------------------------------------------------------------- */

typedef struct dict_iter {
    wf_object ob;
    wf_value dict;          /* owned */
    _Atomic int64_t pos;    /* next entry position; INT64_MAX: the last (reverse start) */
    _Atomic int64_t used;   /* the dict's size at creation; -1 after a size error */
    _Atomic int64_t left;   /* items still expected */
    int dir;                /* 1 forward, -1 reverse; immutable */
    enum wf_dict_part part; /* immutable */
} dict_iter;

static wf_type *const iter_types[2][3] = {
    {&wf_dict_keyiter_type, &wf_dict_valueiter_type, &wf_dict_itemiter_type},
    {&wf_dict_revkeyiter_type, &wf_dict_revvalueiter_type, &wf_dict_revitemiter_type},
};

wf_value wf_dict_iter_new(wf_thread *t, wf_value d, enum wf_dict_part part, bool reverse)
{
    wf_type *type = iter_types[reverse][part];
    dict_iter *it = (dict_iter *)wf_object_alloc(t, type, sizeof(dict_iter));
    if (!it)
        return wf_err_no_memory(t);
    it->dict = wf_newref(t, d);
    int64_t used = wf_dict_size(d);
    atomic_init(&it->pos, reverse ? INT64_MAX : 0);
    atomic_init(&it->used, used);
    atomic_init(&it->left, used);
    it->dir = reverse ? -1 : 1;
    it->part = part;
    return wf_from_object(&it->ob);
}

static void dict_iter_dealloc(wf_thread *t, wf_object *o)
{
    wf_value_decref(t, ((dict_iter *)o)->dict);
    wf_object_free(t, o);
}

static wf_value dict_iter_next(wf_thread *t, wf_value self)
{
    dict_iter *it = (dict_iter *)wf_to_object(self);
    int64_t pos = atomic_load_explicit(&it->pos, memory_order_relaxed);
    if (pos < 0)
        return WF_NULL; /* exhausted (reverse, or marked) */
    wf_value key = 0, value = 0;
    int64_t used;
    int64_t found = wf_dict_entry_at(t, it->dict, pos, it->dir, &key, &value, &used);
    int64_t expected = atomic_load_explicit(&it->used, memory_order_relaxed);
    if (used != expected) {
        if (found >= 0) {
            wf_value_decref(t, key);
            wf_value_decref(t, value);
        }
        atomic_store_explicit(&it->used, -1, memory_order_relaxed); /* stays an error */
        return wf_err_set(t, &wf_exc_RuntimeError, "dictionary changed size during iteration");
    }
    if (found < 0) {
        atomic_store_explicit(&it->pos, -1, memory_order_relaxed);
        return WF_NULL;
    }
    int64_t left = atomic_load_explicit(&it->left, memory_order_relaxed);
    if (left <= 0) {
        wf_value_decref(t, key);
        wf_value_decref(t, value);
        atomic_store_explicit(&it->pos, -1, memory_order_relaxed);
        return wf_err_set(t, &wf_exc_RuntimeError, "dictionary keys changed during iteration");
    }
    atomic_store_explicit(&it->left, left - 1, memory_order_relaxed);
    atomic_store_explicit(&it->pos, found + it->dir, memory_order_relaxed);
    if (it->part == WF_DICT_KEYS) {
        wf_value_decref(t, value);
        return key;
    }
    if (it->part == WF_DICT_VALUES) {
        wf_value_decref(t, key);
        return value;
    }
    wf_value pair = wf_tuple_new(t, 2);
    if (!pair) {
        wf_value_decref(t, key);
        wf_value_decref(t, value);
        return WF_NULL;
    }
    WF_TUPLE_ITEMS(pair)[0] = key;
    WF_TUPLE_ITEMS(pair)[1] = value;
    return pair;
}

static wf_value dict_iter_length_hint(wf_thread *t, wf_value self, const wf_value *args,
                                      size_t nargs, wf_value kwnames)
{
    (void)t, (void)args, (void)nargs, (void)kwnames;
    dict_iter *it = (dict_iter *)wf_to_object(self);
    int64_t left = atomic_load_explicit(&it->left, memory_order_relaxed);
    bool live = atomic_load_explicit(&it->pos, memory_order_relaxed) >= 0 &&
                atomic_load_explicit(&it->used, memory_order_relaxed) == wf_dict_size(it->dict);
    return wf_smallint_box(live && left > 0 ? left : 0);
}

static const wf_method_def dict_iter_methods[] = {
    {"__length_hint__", dict_iter_length_hint, 0},
    {NULL, NULL, 0},
};

#define DICT_ITER_TYPE(cname, pyname)                                                              \
    wf_type cname = {                                                                              \
        .ob_base = WF_TYPE_HEAD,                                                                   \
        .tp_name = pyname,                                                                         \
        .tp_basicsize = sizeof(dict_iter),                                                         \
        .tp_flags = WF_TPFLAG_TRACKED,                                                             \
        .tp_dealloc = dict_iter_dealloc,                                                           \
        .tp_iter = wf_self_iter,                                                                   \
        .tp_iternext = dict_iter_next,                                                             \
        .tp_methods = dict_iter_methods,                                                           \
    }

DICT_ITER_TYPE(wf_dict_keyiter_type, "dict_keyiterator");
DICT_ITER_TYPE(wf_dict_valueiter_type, "dict_valueiterator");
DICT_ITER_TYPE(wf_dict_itemiter_type, "dict_itemiterator");
DICT_ITER_TYPE(wf_dict_revkeyiter_type, "dict_reversekeyiterator");
DICT_ITER_TYPE(wf_dict_revvalueiter_type, "dict_reversevalueiterator");
DICT_ITER_TYPE(wf_dict_revitemiter_type, "dict_reverseitemiterator");

/* ---- Views --------------------------------------------------------------------------- */

typedef struct dict_view {
    wf_object ob;
    wf_value dict; /* owned, immutable */
} dict_view;

static wf_type *const view_types[3] = {&wf_dict_keys_type, &wf_dict_values_type,
                                       &wf_dict_items_type};

static inline wf_value view_dict(wf_value v)
{
    return ((dict_view *)wf_to_object(v))->dict;
}

static enum wf_dict_part view_part(wf_value v)
{
    wf_type *type = wf_to_object(v)->ob_type;
    return type == &wf_dict_keys_type     ? WF_DICT_KEYS
           : type == &wf_dict_values_type ? WF_DICT_VALUES
                                          : WF_DICT_ITEMS;
}

/* A keys or items view: the set-like ones. */
static bool is_setlike_view(wf_value v)
{
    if (!wf_is_object(v))
        return false;
    wf_type *type = wf_to_object(v)->ob_type;
    return type == &wf_dict_keys_type || type == &wf_dict_items_type;
}

wf_value wf_dict_view_new(wf_thread *t, wf_value d, enum wf_dict_part part)
{
    dict_view *v = (dict_view *)wf_object_alloc(t, view_types[part], sizeof(dict_view));
    if (!v)
        return wf_err_no_memory(t);
    v->dict = wf_newref(t, d);
    return wf_from_object(&v->ob);
}

static void view_dealloc(wf_thread *t, wf_object *o)
{
    wf_value_decref(t, ((dict_view *)o)->dict);
    wf_object_free(t, o);
}

static int64_t view_length(wf_thread *t, wf_value self)
{
    (void)t;
    return wf_dict_size(view_dict(self));
}

static wf_value view_iter(wf_thread *t, wf_value self)
{
    return wf_dict_iter_new(t, view_dict(self), view_part(self), false);
}

/* CPython's METH_O / METH_NOARGS checks, naming the view type ("dict_keys.isdisjoint()
 * takes exactly one argument (0 given)"). */
static bool view_args(wf_thread *t, wf_value self, const char *name, size_t nargs, wf_value kwnames,
                      size_t n)
{
    char qualified[64];
    snprintf(qualified, sizeof qualified, "%s.%s", wf_to_object(self)->ob_type->tp_name, name);
    return wf_check_no_kwargs(t, qualified, kwnames) && wf_check_nargs(t, qualified, nargs, n, n);
}

static wf_value view_reversed(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    (void)args;
    if (!view_args(t, self, "__reversed__", nargs, kwnames, 0))
        return WF_NULL;
    return wf_dict_iter_new(t, view_dict(self), view_part(self), true);
}

static int keys_contains(wf_thread *t, wf_value self, wf_value key)
{
    wf_value v = wf_dict_get(t, view_dict(self), key);
    if (!v)
        return wf_err_occurred(t) ? -1 : 0;
    wf_value_decref(t, v);
    return 1;
}

/* (k, v) in d.items(): k maps to a value equal to v. */
static int items_contains(wf_thread *t, wf_value self, wf_value item)
{
    if (!wf_tuple_check(item) || wf_tuple_size(item) != 2)
        return 0;
    wf_value v = wf_dict_get(t, view_dict(self), WF_TUPLE_ITEMS(item)[0]);
    if (!v)
        return wf_err_occurred(t) ? -1 : 0;
    int r = wf_richcompare_bool(t, v, WF_TUPLE_ITEMS(item)[1], WF_CMP_EQ);
    wf_value_decref(t, v);
    return r;
}

/* "dict_keys([1, 2])"; "..." for a view already being printed on this thread. */
static wf_value view_repr(wf_thread *t, wf_value self)
{
    int entered = wf_repr_enter(t, self);
    if (entered != 0)
        return entered > 0 ? wf_str_from_cstr(t, "...") : WF_NULL;
    wf_value r = WF_NULL;
    wf_value list = wf_call(t, wf_type_value(&wf_list_type), &self, 1, WF_NULL);
    if (list) {
        wf_value inner = wf_repr(t, list);
        if (inner) {
            r = wf_str_printf(t, "%s(%s)", wf_to_object(self)->ob_type->tp_name,
                              wf_str_utf8(inner));
            wf_value_decref(t, inner);
        }
        wf_value_decref(t, list);
    }
    wf_repr_leave(t, self);
    return r;
}

/* Every item of a is in b: 1, 0, -1. */
static int all_contained_in(wf_thread *t, wf_value a, wf_value b)
{
    wf_value it = wf_iter(t, a);
    if (!it)
        return -1;
    int r = 1;
    wf_value x;
    while (r == 1 && (x = wf_iter_next(t, it))) {
        r = wf_contains(t, b, x);
        wf_value_decref(t, x);
    }
    wf_value_decref(t, it);
    return r == 1 && wf_err_occurred(t) ? -1 : r;
}

/* Set comparisons with sets and set-like views (dictview_richcompare). */
static wf_value view_richcompare(wf_thread *t, wf_value a, wf_value b, int op)
{
    if (!is_setlike_view(a) || !(wf_anyset_check(b) || is_setlike_view(b)))
        return wf_newref(t, WF_NOTIMPLEMENTED);
    int64_t la = wf_len(t, a), lb = wf_len(t, b);
    if (la < 0 || lb < 0)
        return WF_NULL;
    int r = 0;
    switch (op) {
    case WF_CMP_EQ:
    case WF_CMP_NE:
        r = la == lb ? all_contained_in(t, a, b) : 0;
        if (r >= 0 && op == WF_CMP_NE)
            r = !r;
        break;
    case WF_CMP_LT:
        r = la < lb ? all_contained_in(t, a, b) : 0;
        break;
    case WF_CMP_LE:
        r = la <= lb ? all_contained_in(t, a, b) : 0;
        break;
    case WF_CMP_GT:
        r = la > lb ? all_contained_in(t, b, a) : 0;
        break;
    case WF_CMP_GE:
        r = la >= lb ? all_contained_in(t, b, a) : 0;
        break;
    }
    return r < 0 ? WF_NULL : wf_bool(r);
}

/* set(left).method(right): the set operators of keys and items views. */
static wf_value view_set_op(wf_thread *t, wf_value left, wf_value right, const char *method)
{
    wf_value result = wf_set_new(t, left);
    if (!result)
        return WF_NULL;
    wf_value name = wf_str_intern_cstr(t, method);
    wf_value r = name ? wf_call_method(t, result, name, &right, 1) : wf_err_no_memory(t);
    if (!r) {
        wf_value_decref(t, result);
        return WF_NULL;
    }
    wf_value_decref(t, r);
    return result;
}

/* view & x or x & view: the intersection, as a set. */
static wf_value view_and(wf_thread *t, wf_value a, wf_value b)
{
    if (!is_setlike_view(a)) {
        wf_value swap = a;
        a = b;
        b = swap;
    }
    return view_set_op(t, a, b, "intersection_update");
}

static wf_value view_or(wf_thread *t, wf_value a, wf_value b)
{
    return view_set_op(t, a, b, "update");
}

static wf_value view_sub(wf_thread *t, wf_value a, wf_value b)
{
    return view_set_op(t, a, b, "difference_update");
}

static wf_value view_xor(wf_thread *t, wf_value a, wf_value b)
{
    return view_set_op(t, a, b, "symmetric_difference_update");
}

static wf_value view_isdisjoint(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                wf_value kwnames)
{
    if (!view_args(t, self, "isdisjoint", nargs, kwnames, 1))
        return WF_NULL;
    wf_value it = wf_iter(t, args[0]);
    if (!it)
        return WF_NULL;
    int r = 0;
    wf_value x;
    while (r == 0 && (x = wf_iter_next(t, it))) {
        r = wf_contains(t, self, x);
        wf_value_decref(t, x);
    }
    wf_value_decref(t, it);
    if (r < 0 || wf_err_occurred(t))
        return WF_NULL;
    return wf_bool(r == 0);
}

static const wf_number_methods setlike_view_as_number = {
    .binop[WF_NB_AND] = view_and,
    .binop[WF_NB_OR] = view_or,
    .binop[WF_NB_SUBTRACT] = view_sub,
    .binop[WF_NB_XOR] = view_xor,
};

static const wf_mapping_methods keys_as_mapping = {
    .length = view_length,
    .contains = keys_contains,
};

static const wf_mapping_methods items_as_mapping = {
    .length = view_length,
    .contains = items_contains,
};

static const wf_mapping_methods values_as_mapping = {
    .length = view_length,
};

static const wf_method_def setlike_view_methods[] = {
    {"isdisjoint", view_isdisjoint, 0},
    {"__reversed__", view_reversed, 0},
    {NULL, NULL, 0},
};

static const wf_method_def values_view_methods[] = {
    {"__reversed__", view_reversed, 0},
    {NULL, NULL, 0},
};

/* view.mapping: a read-only proxy of the viewed dict. */
static wf_value view_get_mapping(wf_thread *t, wf_value self)
{
    return wf_mappingproxy_new(t, ((dict_view *)wf_to_object(self))->dict);
}

static const wf_getset_def view_getset[] = {
    {"mapping", view_get_mapping, NULL},
    {NULL, NULL, NULL},
};

#define DICT_VIEW_TYPE(cname, pyname, mapping, number, cmp, methods)                               \
    wf_type cname = {                                                                              \
        .ob_base = WF_TYPE_HEAD,                                                                   \
        .tp_name = pyname,                                                                         \
        .tp_basicsize = sizeof(dict_view),                                                         \
        .tp_flags = WF_TPFLAG_TRACKED,                                                             \
        .tp_dealloc = view_dealloc,                                                                \
        .tp_repr = view_repr,                                                                      \
        .tp_richcompare = cmp,                                                                     \
        .tp_iter = view_iter,                                                                      \
        .tp_as_number = number,                                                                    \
        .tp_as_mapping = mapping,                                                                  \
        .tp_methods = methods,                                                                     \
        .tp_getset = view_getset,                                                                  \
    }

DICT_VIEW_TYPE(wf_dict_keys_type, "dict_keys", &keys_as_mapping, &setlike_view_as_number,
               view_richcompare, setlike_view_methods);
DICT_VIEW_TYPE(wf_dict_items_type, "dict_items", &items_as_mapping, &setlike_view_as_number,
               view_richcompare, setlike_view_methods);
DICT_VIEW_TYPE(wf_dict_values_type, "dict_values", &values_as_mapping, NULL, NULL,
               values_view_methods);
