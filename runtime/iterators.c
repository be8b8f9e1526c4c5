/* Generic iterators and the iterator builtins (runtime/iterators.h).
 *
 * Each iterator's mutable state (a position, a counter, "exhausted") is changed inside
 * a critical section on the iterator, so threads sharing one never corrupt it; calls
 * into the underlying iterables happen inside that section too (it is suspended if
 * they block), which makes one next() step atomic as CPython's free-threaded build
 * does for these types. */
#include "iterators.h"

#include <inttypes.h>
#include <string.h>

#include "alloc.h"
#include "callable.h"
#include "critical_section.h"
#include "dict.h"
#include "error.h"
#include "exceptions.h"
#include "int.h"
#include "singletons.h"
#include "slice.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

/* The next item of an iterator an adaptor (map, filter, zip, enumerate) wraps: adaptors
 * can wrap each other a million deep, so each level counts against the recursion
 * limit instead of overflowing the C stack. */
static wf_value inner_next(wf_thread *t, wf_value it)
{
    if (!wf_enter_recursion(t, ""))
        return WF_NULL;
    wf_value v = wf_iter_next(t, it);
    wf_leave_recursion(t);
    return v;
}

/* True if the pending exception is IndexError or StopIteration: the end of a
 * __getitem__-driven sequence. The exception is cleared then. */
static bool clear_sequence_end(wf_thread *t)
{
    if (wf_err_matches(t, &wf_exc_IndexError) || wf_err_matches(t, &wf_exc_StopIteration)) {
        wf_err_clear(t);
        return true;
    }
    return false;
}

static void drop(wf_thread *t, wf_value v)
{
    if (v)
        wf_value_decref(t, v);
}

/* ---- The sequence iterator: seq[0], seq[1], ... ------------------------------------------- */

typedef struct seqiter {
    wf_object ob;
    wf_value seq;  /* owned; 0 once exhausted (guarded by ob_mutex) */
    int64_t index; /* guarded by ob_mutex */
} seqiter;

wf_value wf_seqiter_new(wf_thread *t, wf_value seq)
{
    seqiter *it = (seqiter *)wf_object_alloc(t, &wf_seqiter_type, sizeof(seqiter));
    if (!it)
        return wf_err_no_memory(t);
    it->seq = wf_newref(t, seq);
    it->index = 0;
    return wf_from_object(&it->ob);
}

static void seqiter_dealloc(wf_thread *t, wf_object *o)
{
    drop(t, ((seqiter *)o)->seq);
    wf_object_free(t, o);
}

static wf_value seqiter_next(wf_thread *t, wf_value self)
{
    seqiter *it = (seqiter *)wf_to_object(self);
    wf_value v = WF_NULL, done = WF_NULL;
    WF_BEGIN_CRITICAL_SECTION(t, &it->ob);
    if (it->seq) {
        v = wf_getitem(t, it->seq, wf_smallint_box(it->index));
        if (v) {
            it->index++;
        } else if (clear_sequence_end(t)) {
            done = it->seq;
            it->seq = WF_NULL;
        }
    }
    WF_END_CRITICAL_SECTION(t);
    drop(t, done);
    return v;
}

wf_type wf_seqiter_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "iterator",
    .tp_basicsize = sizeof(seqiter),
    .tp_flags = WF_TPFLAG_TRACKED,
    .tp_dealloc = seqiter_dealloc,
    .tp_iter = wf_self_iter,
    .tp_iternext = seqiter_next,
};

/* ---- The callable iterator: iter(f, sentinel) -------------------------------------------- */

typedef struct callable_iter {
    wf_object ob;
    wf_value callable, sentinel; /* owned; 0 once exhausted (guarded by ob_mutex) */
} callable_iter;

wf_value wf_callable_iter_new(wf_thread *t, wf_value callable, wf_value sentinel)
{
    callable_iter *it =
        (callable_iter *)wf_object_alloc(t, &wf_callable_iter_type, sizeof(callable_iter));
    if (!it)
        return wf_err_no_memory(t);
    it->callable = wf_newref(t, callable);
    it->sentinel = wf_newref(t, sentinel);
    return wf_from_object(&it->ob);
}

static void callable_iter_dealloc(wf_thread *t, wf_object *o)
{
    callable_iter *it = (callable_iter *)o;
    drop(t, it->callable);
    drop(t, it->sentinel);
    wf_object_free(t, o);
}

/* Call f(); a result equal to the sentinel, or StopIteration, ends the iteration. */
static wf_value callable_iter_next(wf_thread *t, wf_value self)
{
    callable_iter *it = (callable_iter *)wf_to_object(self);
    wf_value v = WF_NULL, f = WF_NULL, s = WF_NULL;
    WF_BEGIN_CRITICAL_SECTION(t, &it->ob);
    if (it->callable) {
        v = wf_call(t, it->callable, NULL, 0, WF_NULL);
        bool end = false;
        if (!v) {
            end = wf_err_matches(t, &wf_exc_StopIteration);
            if (end)
                wf_err_clear(t);
        } else {
            int eq = wf_richcompare_bool(t, v, it->sentinel, WF_CMP_EQ);
            if (eq != 0) {
                wf_value_decref(t, v);
                v = WF_NULL;
                end = eq > 0;
            }
        }
        if (end) {
            f = it->callable, s = it->sentinel;
            it->callable = it->sentinel = WF_NULL;
        }
    }
    WF_END_CRITICAL_SECTION(t);
    drop(t, f);
    drop(t, s);
    return v;
}

wf_type wf_callable_iter_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "callable_iterator",
    .tp_basicsize = sizeof(callable_iter),
    .tp_flags = WF_TPFLAG_TRACKED,
    .tp_dealloc = callable_iter_dealloc,
    .tp_iter = wf_self_iter,
    .tp_iternext = callable_iter_next,
};

/* ---- enumerate(iterable, start=0) ---------------------------------------------------------- */

typedef struct enumerate_obj {
    wf_object ob;
    wf_value it;    /* owned, immutable */
    wf_value count; /* owned int; guarded by ob_mutex */
} enumerate_obj;

/* enumerate's arguments by position or name, with CPython's messages. */
static bool enumerate_args(wf_thread *t, const wf_value *args, size_t nargs, wf_value kwnames,
                           wf_value *iterable, wf_value *start)
{
    size_t nkw = kwnames ? wf_tuple_size(kwnames) : 0;
    if (nargs + nkw > 2) {
        wf_err_set(t, &wf_exc_TypeError, "enumerate() takes at most 2 arguments (%zu given)",
                   nargs + nkw);
        return false;
    }
    *iterable = nargs > 0 ? args[0] : WF_NULL;
    *start = nargs > 1 ? args[1] : WF_NULL;
    for (size_t i = 0; i < nkw; i++) {
        const char *name = wf_str_utf8(WF_TUPLE_ITEMS(kwnames)[i]);
        wf_value *slot = strcmp(name, "iterable") == 0 ? iterable
                         : strcmp(name, "start") == 0  ? start
                                                       : NULL;
        if (!slot) {
            wf_err_set(t, &wf_exc_TypeError, "'%s' is an invalid keyword argument for enumerate()",
                       name);
            return false;
        }
        if (*slot) {
            wf_err_set(t, &wf_exc_TypeError,
                       "argument for enumerate() given by name ('%s') and position (%d)", name,
                       slot == iterable ? 1 : 2);
            return false;
        }
        *slot = args[nargs + i];
    }
    if (!*iterable) {
        wf_err_set(t, &wf_exc_TypeError, "enumerate() missing required argument 'iterable'");
        return false;
    }
    return true;
}

static wf_value enumerate_tp_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                                 wf_value kwnames)
{
    wf_value iterable, start;
    if (!enumerate_args(t, args, nargs, kwnames, &iterable, &start))
        return WF_NULL;
    wf_value count = wf_smallint_box(0);
    if (start) {
        if (!wf_is_index(start))
            return wf_err_set(t, &wf_exc_TypeError,
                              "'%s' object cannot be interpreted as an integer",
                              wf_type_name(wf_type_of(start)));
        if (!(count = wf_index(t, start)))
            return WF_NULL;
    }
    wf_value it = wf_iter(t, iterable);
    if (!it) {
        wf_value_decref(t, count);
        return WF_NULL;
    }
    enumerate_obj *e = (enumerate_obj *)wf_object_alloc(t, type, type->tp_basicsize);
    if (!e) {
        wf_value_decref(t, it);
        wf_value_decref(t, count);
        return wf_err_no_memory(t);
    }
    e->it = it;
    e->count = count;
    return wf_from_object(&e->ob);
}

static void enumerate_dealloc(wf_thread *t, wf_object *o)
{
    enumerate_obj *e = (enumerate_obj *)o;
    drop(t, e->it);
    drop(t, e->count);
    wf_object_free(t, o);
}

static wf_value enumerate_next(wf_thread *t, wf_value self)
{
    enumerate_obj *e = (enumerate_obj *)wf_to_object(self);
    wf_value result = WF_NULL;
    WF_BEGIN_CRITICAL_SECTION(t, &e->ob);
    wf_value v = inner_next(t, e->it);
    wf_value next = v ? wf_binary_op(t, e->count, wf_smallint_box(1), WF_NB_ADD) : WF_NULL;
    if (next && (result = wf_tuple_new(t, 2))) {
        WF_TUPLE_ITEMS(result)[0] = e->count; /* the tuple takes the old count */
        WF_TUPLE_ITEMS(result)[1] = v;
        e->count = next;
        v = next = WF_NULL;
    }
    drop(t, v);
    drop(t, next);
    WF_END_CRITICAL_SECTION(t);
    return result;
}

wf_type wf_enumerate_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "enumerate",
    .tp_basicsize = sizeof(enumerate_obj),
    .tp_flags = WF_TPFLAG_TRACKED | WF_TPFLAG_BASETYPE,
    .tp_dealloc = enumerate_dealloc,
    .tp_iter = wf_self_iter,
    .tp_iternext = enumerate_next,
    .tp_new = enumerate_tp_new,
    .tp_doc = "Return an enumerate object.\n\n  iterable\n    an object supporting iteration\n\n"
              "The enumerate object yields pairs containing a count (from start, which\n"
              "defaults to zero) and a value yielded by the iterable argument.\n\n"
              "enumerate is useful for obtaining an indexed list:\n"
              "    (0, seq[0]), (1, seq[1]), (2, seq[2]), ...",
};

/* ---- zip(*iterables, strict=False) -------------------------------------------------------- */

typedef struct zip_obj {
    wf_object ob;
    wf_value iters; /* tuple of iterators, owned, immutable */
    bool strict;    /* immutable */
} zip_obj;

static wf_value zip_tp_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    bool strict = false;
    size_t nkw = kwnames ? wf_tuple_size(kwnames) : 0;
    for (size_t i = 0; i < nkw; i++) {
        const char *name = wf_str_utf8(WF_TUPLE_ITEMS(kwnames)[i]);
        if (strcmp(name, "strict") != 0)
            return wf_err_set(t, &wf_exc_TypeError, "'%s' is an invalid keyword argument for zip()",
                              name);
        int truth = wf_truth(t, args[nargs + i]);
        if (truth < 0)
            return WF_NULL;
        strict = truth;
    }
    wf_value iters = wf_tuple_new(t, nargs);
    if (!iters)
        return WF_NULL;
    for (size_t i = 0; i < nargs; i++) {
        if (!(WF_TUPLE_ITEMS(iters)[i] = wf_iter(t, args[i]))) {
            wf_value_decref(t, iters); /* the tuple's dealloc skips empty slots */
            return WF_NULL;
        }
    }
    zip_obj *z = (zip_obj *)wf_object_alloc(t, type, type->tp_basicsize);
    if (!z) {
        wf_value_decref(t, iters);
        return wf_err_no_memory(t);
    }
    z->iters = iters;
    z->strict = strict;
    return wf_from_object(&z->ob);
}

static void zip_dealloc(wf_thread *t, wf_object *o)
{
    drop(t, ((zip_obj *)o)->iters);
    wf_object_free(t, o);
}

/* "s 1-" / " " as CPython's plural in the strict messages: "arguments 1-2". */
static wf_value zip_length_error(wf_thread *t, size_t i, const char *what)
{
    return wf_err_set(t, &wf_exc_ValueError, "zip() argument %zu is %s than argument%s%zu", i + 1,
                      what, i == 1 ? " " : "s 1-", i);
}

/* Argument i ran out first: with strict, check that every other one is exhausted too. */
static wf_value zip_strict_end(wf_thread *t, zip_obj *z, size_t i)
{
    if (wf_err_occurred(t))
        return WF_NULL;
    if (i > 0)
        return zip_length_error(t, i, "shorter");
    size_t n = wf_tuple_size(z->iters);
    for (i = 1; i < n; i++) {
        wf_value v = inner_next(t, WF_TUPLE_ITEMS(z->iters)[i]);
        if (v) {
            wf_value_decref(t, v);
            return zip_length_error(t, i, "longer");
        }
        if (wf_err_occurred(t))
            return WF_NULL;
    }
    return WF_NULL;
}

static wf_value zip_next(wf_thread *t, wf_value self)
{
    zip_obj *z = (zip_obj *)wf_to_object(self);
    size_t n = wf_tuple_size(z->iters);
    if (n == 0)
        return WF_NULL;
    wf_value result = wf_tuple_new(t, n);
    if (!result)
        return WF_NULL;
    for (size_t i = 0; i < n; i++) {
        wf_value v = inner_next(t, WF_TUPLE_ITEMS(z->iters)[i]);
        if (!v) {
            wf_value_decref(t, result);
            return z->strict ? zip_strict_end(t, z, i) : WF_NULL;
        }
        WF_TUPLE_ITEMS(result)[i] = v;
    }
    return result;
}

wf_type wf_zip_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "zip",
    .tp_basicsize = sizeof(zip_obj),
    .tp_flags = WF_TPFLAG_TRACKED | WF_TPFLAG_BASETYPE,
    .tp_dealloc = zip_dealloc,
    .tp_iter = wf_self_iter,
    .tp_iternext = zip_next,
    .tp_new = zip_tp_new,
    .tp_doc = "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.",
};

/* ---- map(func, *iterables) ------------------------------------------------------------------ */

typedef struct map_obj {
    wf_object ob;
    wf_value func;  /* owned, immutable */
    wf_value iters; /* tuple of iterators, owned, immutable */
} map_obj;

static wf_value map_tp_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "map", kwnames))
        return WF_NULL;
    if (nargs < 2)
        return wf_err_set(t, &wf_exc_TypeError, "map() must have at least two arguments.");
    wf_value iters = wf_tuple_new(t, nargs - 1);
    if (!iters)
        return WF_NULL;
    for (size_t i = 1; i < nargs; i++) {
        if (!(WF_TUPLE_ITEMS(iters)[i - 1] = wf_iter(t, args[i]))) {
            wf_value_decref(t, iters);
            return WF_NULL;
        }
    }
    map_obj *m = (map_obj *)wf_object_alloc(t, type, type->tp_basicsize);
    if (!m) {
        wf_value_decref(t, iters);
        return wf_err_no_memory(t);
    }
    m->func = wf_newref(t, args[0]);
    m->iters = iters;
    return wf_from_object(&m->ob);
}

static void map_dealloc(wf_thread *t, wf_object *o)
{
    map_obj *m = (map_obj *)o;
    drop(t, m->func);
    drop(t, m->iters);
    wf_object_free(t, o);
}

#define MAP_STACK_ARGS 8

static wf_value map_next(wf_thread *t, wf_value self)
{
    map_obj *m = (map_obj *)wf_to_object(self);
    size_t n = wf_tuple_size(m->iters);
    wf_value stack[MAP_STACK_ARGS];
    wf_value *argv = n <= MAP_STACK_ARGS ? stack : wf_mem_alloc(t, n * sizeof(wf_value));
    if (!argv)
        return wf_err_no_memory(t);
    size_t got = 0;
    wf_value result = WF_NULL;
    for (; got < n; got++)
        if (!(argv[got] = inner_next(t, WF_TUPLE_ITEMS(m->iters)[got])))
            break;
    if (got == n)
        result = wf_call(t, m->func, argv, n, WF_NULL);
    for (size_t i = 0; i < got; i++)
        wf_value_decref(t, argv[i]);
    if (argv != stack)
        wf_mem_free(argv);
    return result;
}

wf_type wf_map_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "map",
    .tp_basicsize = sizeof(map_obj),
    .tp_flags = WF_TPFLAG_TRACKED | WF_TPFLAG_BASETYPE,
    .tp_dealloc = map_dealloc,
    .tp_iter = wf_self_iter,
    .tp_iternext = map_next,
    .tp_new = map_tp_new,
    .tp_doc = "map(func, *iterables) --> map object\n\nMake an iterator that computes the "
              "function using arguments from\neach of the iterables.  Stops when the shortest "
              "iterable is exhausted.",
};

/* ---- filter(function or None, iterable) ----------------------------------------------------- */

typedef struct filter_obj {
    wf_object ob;
    wf_value func; /* owned, immutable; None: the items' truth */
    wf_value it;   /* owned, immutable */
} filter_obj;

static wf_value filter_tp_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "filter", kwnames) || !wf_check_positional(t, "filter", nargs, 2, 2))
        return WF_NULL;
    wf_value it = wf_iter(t, args[1]);
    if (!it)
        return WF_NULL;
    filter_obj *f = (filter_obj *)wf_object_alloc(t, type, type->tp_basicsize);
    if (!f) {
        wf_value_decref(t, it);
        return wf_err_no_memory(t);
    }
    f->func = wf_newref(t, args[0]);
    f->it = it;
    return wf_from_object(&f->ob);
}

static void filter_dealloc(wf_thread *t, wf_object *o)
{
    filter_obj *f = (filter_obj *)o;
    drop(t, f->func);
    drop(t, f->it);
    wf_object_free(t, o);
}

static wf_value filter_next(wf_thread *t, wf_value self)
{
    filter_obj *f = (filter_obj *)wf_to_object(self);
    wf_value v;
    bool plain = f->func == WF_NONE || f->func == wf_type_value(&wf_bool_type);
    while ((v = inner_next(t, f->it))) {
        int ok;
        if (plain) {
            ok = wf_truth(t, v);
        } else {
            wf_value r = wf_call(t, f->func, &v, 1, WF_NULL);
            ok = r ? wf_truth(t, r) : -1;
            drop(t, r);
        }
        if (ok > 0)
            return v;
        wf_value_decref(t, v);
        if (ok < 0)
            return WF_NULL;
    }
    return WF_NULL;
}

wf_type wf_filter_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "filter",
    .tp_basicsize = sizeof(filter_obj),
    .tp_flags = WF_TPFLAG_TRACKED | WF_TPFLAG_BASETYPE,
    .tp_dealloc = filter_dealloc,
    .tp_iter = wf_self_iter,
    .tp_iternext = filter_next,
    .tp_new = filter_tp_new,
    .tp_doc = "filter(function or None, iterable) --> filter object\n\nReturn an iterator "
              "yielding those items of iterable for which function(item)\nis true. If function "
              "is None, return the items that are true.",
};

/* ---- reversed(sequence) -----------------------------------------------------------------------
 */

typedef struct reversed_obj {
    wf_object ob;
    wf_value seq;  /* owned; 0 once exhausted (guarded by ob_mutex) */
    int64_t index; /* next index to read, counting down; guarded by ob_mutex */
} reversed_obj;

/* The __len__/__getitem__ fallback object, from the last index down to 0. */
static wf_value reversed_make(wf_thread *t, wf_type *type, wf_value seq)
{
    int64_t n = wf_len(t, seq);
    if (n < 0)
        return WF_NULL;
    reversed_obj *r = (reversed_obj *)wf_object_alloc(t, type, type->tp_basicsize);
    if (!r)
        return wf_err_no_memory(t);
    r->seq = wf_newref(t, seq);
    r->index = n - 1;
    return wf_from_object(&r->ob);
}

static wf_value not_reversible(wf_thread *t, wf_value seq)
{
    return wf_err_set(t, &wf_exc_TypeError, "'%s' object is not reversible",
                      wf_type_name(wf_type_of(seq)));
}

/* reversed(seq): seq.__reversed__() when the type defines it (None: not reversible),
 * else the sequence protocol. */
static wf_value reversed_of(wf_thread *t, wf_type *type, wf_value seq)
{
    static wf_value name;
    if (!name && !(name = wf_str_intern_cstr(t, "__reversed__")))
        return wf_err_no_memory(t);
    wf_type *st = wf_type_of(seq);
    wf_value method = wf_type_lookup(t, st, name);
    if (method == WF_NONE)
        return not_reversible(t, seq);
    if (method)
        return wf_call_method(t, seq, name, NULL, 0);
    if (!st->tp_as_mapping || !st->tp_as_mapping->getitem || wf_type_is_subtype(st, &wf_dict_type))
        return not_reversible(t, seq);
    return reversed_make(t, type, seq);
}

wf_value wf_reversed(wf_thread *t, wf_value seq)
{
    return reversed_of(t, &wf_reversed_type, seq);
}

static wf_value reversed_tp_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                                wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "reversed", kwnames) ||
        !wf_check_positional(t, "reversed", nargs, 1, 1))
        return WF_NULL;
    return reversed_of(t, type, args[0]);
}

static void reversed_dealloc(wf_thread *t, wf_object *o)
{
    drop(t, ((reversed_obj *)o)->seq);
    wf_object_free(t, o);
}

static wf_value reversed_next(wf_thread *t, wf_value self)
{
    reversed_obj *r = (reversed_obj *)wf_to_object(self);
    wf_value v = WF_NULL, done = WF_NULL;
    WF_BEGIN_CRITICAL_SECTION(t, &r->ob);
    if (r->seq && r->index >= 0) {
        v = wf_getitem(t, r->seq, wf_smallint_box(r->index));
        if (v)
            r->index--;
        else if (clear_sequence_end(t))
            r->index = -1;
    }
    if (!v && !wf_err_occurred(t) && r->seq) {
        done = r->seq;
        r->seq = WF_NULL;
    }
    WF_END_CRITICAL_SECTION(t);
    drop(t, done);
    return v;
}

static wf_value reversed_length_hint(wf_thread *t, wf_value self, const wf_value *args,
                                     size_t nargs, wf_value kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    reversed_obj *r = (reversed_obj *)wf_to_object(self);
    int64_t left = 0;
    WF_BEGIN_CRITICAL_SECTION(t, &r->ob);
    if (r->seq) {
        int64_t n = wf_len(t, r->seq);
        if (n < 0)
            left = -1;
        else
            left = r->index < n ? r->index + 1 : 0;
    }
    WF_END_CRITICAL_SECTION(t);
    return left < 0 ? WF_NULL : wf_smallint_box(left);
}

static const wf_method_def reversed_methods[] = {
    {"__length_hint__", reversed_length_hint, 0},
    {NULL, NULL, 0},
};

wf_type wf_reversed_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "reversed",
    .tp_basicsize = sizeof(reversed_obj),
    .tp_flags = WF_TPFLAG_TRACKED | WF_TPFLAG_BASETYPE,
    .tp_dealloc = reversed_dealloc,
    .tp_iter = wf_self_iter,
    .tp_iternext = reversed_next,
    .tp_new = reversed_tp_new,
    .tp_methods = reversed_methods,
    .tp_doc = "Return a reverse iterator over the values of the given sequence.",
};
