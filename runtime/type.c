/* Types: readiness of static types, lookup along the MRO, generic attribute access,
 * the `type` type, classes made at run time, and slots (runtime/type.h).
 *
 * Readiness. A static type is readied lazily, the first time anything needs its dict,
 * MRO or inherited slots (wf_type_ready, called by the abstract operations). Readying
 * runs under one process-wide recursive lock (readying a type readies its base and may
 * create strs, tuples and dicts whose types get readied in turn); the READY bit is set
 * last with a release store and tested with an acquire load, so a thread that sees it
 * sees the whole type. A type whose readying is in progress on this thread (READYING)
 * counts as ready for the nested calls.
 *
 * Slots. Every slot that has a dunder name is described by a slotdef. A static type's
 * dict gets a "slot wrapper" descriptor for each slot it defines itself (int.__add__,
 * object.__init__), which calls the C slot. A heap type's slot is re-derived from its
 * MRO whenever a class is made or a dunder is assigned on it or a base: when every
 * dunder of the slot resolves to a slot wrapper of the same C function, the slot is that
 * function; otherwise it is a dispatcher that looks the dunder up on the type at each
 * call (so `X.__add__ = f` takes effect at once).
 *
 * Versions. tp_version is a fresh number from a global counter whenever a type is
 * readied or its dict (or a base's) changes; caches compare it. */
#define _GNU_SOURCE /* PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP */
#include "type.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "abstract.h"
#include "alloc.h"
#include "callable.h"
#include "critical_section.h"
#include "dict.h"
#include "error.h"
#include "exceptions.h"
#include "int.h"
#include "bytes.h"
#include "complex.h"
#include "float.h"
#include "iterators.h"
#include "list.h"
#include "range.h"
#include "set.h"
#include "singletons.h"
#include "slice.h"
#include "str.h"
#include "tuple.h"
#include "union.h"

typedef void (*wf_anyfn)(void);

/* A class made at run time. Heap types are immortal until the cycle collector exists
 * (DESIGN "Deferred reference counting"), so nothing here is ever freed. */
typedef struct wf_heap_type {
    wf_type type;
    wf_number_methods as_number; /* tp_as_number points here */
    wf_mapping_methods as_mapping;
    wf_value name;               /* __name__ (a str; tp_name points into it) */
    wf_value qualname;           /* __qualname__ */
    size_t slots_offset, nslots; /* this class's __slots__ values in its instances */
} wf_heap_type;

#define HEAP(tp) ((wf_heap_type *)(tp))

static bool is_heap(wf_type *tp)
{
    return (tp->tp_flags & WF_TPFLAG_HEAPTYPE) != 0;
}

/* ---- Versions and the registry of heap types ---------------------------------------- */

static _Atomic uint32_t next_version = 1;

static void assign_version(wf_type *tp)
{
    /* relaxed: the number only has to be unique; readers pair it with the dict they
     * check under their own synchronisation */
    uint32_t v = atomic_fetch_add_explicit(&next_version, 1, memory_order_relaxed);
    atomic_store_explicit(&tp->tp_version, v, memory_order_release);
}

/* Every heap type ever made (they are immortal), for re-deriving slots of subclasses.
 * Guarded by heap_types_lock. */
static wf_mutex heap_types_lock;
static wf_type **heap_types;
static size_t heap_types_len, heap_types_cap;

static bool register_heap_type(wf_type *tp)
{
    wf_mutex_lock_internal(&heap_types_lock);
    if (heap_types_len == heap_types_cap) {
        size_t cap = heap_types_cap ? heap_types_cap * 2 : 64;
        wf_type **grown = wf_raw_realloc(heap_types, cap * sizeof *grown);
        if (!grown) {
            wf_mutex_unlock(&heap_types_lock);
            return false;
        }
        heap_types = grown;
        heap_types_cap = cap;
    }
    heap_types[heap_types_len++] = tp;
    wf_mutex_unlock(&heap_types_lock);
    return true;
}

static void type_modified(wf_thread *t, wf_type *tp, wf_value name);

/* ---- Subtypes and lookup -------------------------------------------------------------- */

static unsigned load_flags(wf_type *tp)
{
    return __atomic_load_n(&tp->tp_flags, __ATOMIC_ACQUIRE);
}

bool wf_type_is_subtype(wf_type *a, wf_type *b)
{
    if (a == b)
        return true;
    wf_object *mro = a->tp_mro;
    if (mro && (load_flags(a) & WF_TPFLAG_READY)) {
        wf_value m = wf_from_object(mro);
        size_t n = wf_tuple_size(m);
        for (size_t i = 0; i < n; i++)
            if (WF_TUPLE_ITEMS(m)[i] == wf_type_value(b))
                return true;
        return false;
    }
    /* not readied yet: the base chain (single inheritance, as static types are) */
    for (wf_type *tp = a->tp_base; tp; tp = tp->tp_base)
        if (tp == b)
            return true;
    return b == &wf_object_type;
}

/* ---- The lookup cache ------------------------------------------------------------------
 *
 * Every attribute access looks its name up along the class's MRO, and each class dict
 * lookup takes that dict's lock: without a cache, threads calling methods on one class
 * would all queue on its dict. The cache maps (tp_version, interned name) to the result
 * when the result needs no reference count to stay valid: absent (the common case for
 * instance attributes, which are looked up on the type first), a tagged int, or an
 * immortal object. Versions are unique across all types and change whenever a dict
 * along the MRO changes (type_modified), so a stale entry can never match.
 *
 * Each entry is a seqlock: a writer claims it by making seq odd with a CAS (losers just
 * skip caching), writes the fields, then publishes an even seq with release; a reader
 * loads seq (acquire), the fields, then seq again after an acquire fence, and believes
 * the fields only if both seq loads agree and are even. */
#define LOOKUP_CACHE_BITS 12

typedef struct lookup_entry {
    _Atomic uint64_t seq;
    _Atomic uint32_t version;
    _Atomic wf_value name;
    _Atomic wf_value value; /* 0: absent */
} lookup_entry;

static lookup_entry lookup_cache[1u << LOOKUP_CACHE_BITS];

static lookup_entry *lookup_slot(uint32_t version, wf_value name)
{
    uint64_t h = ((uint64_t)version * 0x9E3779B97F4A7C15ull) ^ ((uint64_t)name >> 4);
    return &lookup_cache[(h ^ (h >> 29)) & ((1u << LOOKUP_CACHE_BITS) - 1)];
}

static bool lookup_cache_find(uint32_t version, wf_value name, wf_value *out)
{
    lookup_entry *e = lookup_slot(version, name);
    /* acquire: pairs with the release store that published the entry */
    uint64_t s1 = atomic_load_explicit(&e->seq, memory_order_acquire);
    if (s1 & 1)
        return false;
    uint32_t v = atomic_load_explicit(&e->version, memory_order_relaxed);
    wf_value n = atomic_load_explicit(&e->name, memory_order_relaxed);
    wf_value val = atomic_load_explicit(&e->value, memory_order_relaxed);
    /* the field loads happen before the re-check of seq */
    atomic_thread_fence(memory_order_acquire);
    if (atomic_load_explicit(&e->seq, memory_order_relaxed) != s1 || v != version || n != name)
        return false;
    *out = val;
    return true;
}

static void lookup_cache_store(uint32_t version, wf_value name, wf_value value)
{
    lookup_entry *e = lookup_slot(version, name);
    uint64_t s = atomic_load_explicit(&e->seq, memory_order_relaxed);
    if ((s & 1) || !atomic_compare_exchange_strong_explicit(
                       &e->seq, &s, s + 1, memory_order_acquire, memory_order_relaxed))
        return; /* another writer has it: caching is optional */
    atomic_store_explicit(&e->version, version, memory_order_relaxed);
    atomic_store_explicit(&e->name, name, memory_order_relaxed);
    atomic_store_explicit(&e->value, value, memory_order_relaxed);
    /* release: the fields above are visible to a reader that sees the even seq */
    atomic_store_explicit(&e->seq, s + 2, memory_order_release);
}

/* Results that stay valid without a reference: absent, tagged ints, immortal objects. */
static bool cacheable(wf_value v)
{
    return !v || wf_is_smallint(v) || wf_is_immortal(wf_to_object(v));
}

static bool is_interned(wf_value name)
{
    return wf_str_check_exact(name) && ((wf_str_object *)wf_to_object(name))->interned;
}

/* The MRO walk itself. */
static wf_value lookup_uncached(wf_thread *t, wf_type *type, wf_value name)
{
    wf_value mro = wf_from_object(type->tp_mro);
    size_t n = wf_tuple_size(mro);
    for (size_t i = 0; i < n; i++) {
        wf_type *base = (wf_type *)wf_to_object(WF_TUPLE_ITEMS(mro)[i]);
        wf_value v = wf_dict_get(t, wf_from_object(base->tp_dict), name);
        if (v)
            return v;
        if (wf_err_occurred(t))
            wf_err_clear(t); /* names are strs: a failure here is only MemoryError */
    }
    return WF_NULL;
}

wf_value wf_type_lookup_ref(wf_thread *t, wf_type *type, wf_value name)
{
    if (!wf_type_ready(t, type)) {
        wf_err_clear(t);
        return WF_NULL;
    }
    /* acquire: a version published by assign_version comes with the dict state */
    uint32_t version = atomic_load_explicit(&type->tp_version, memory_order_acquire);
    bool use_cache = version != 0 && is_interned(name) && !(load_flags(type) & WF_TPFLAG_READYING);
    wf_value v;
    if (use_cache && lookup_cache_find(version, name, &v))
        return v; /* absent, tagged or immortal: no reference to take */
    v = lookup_uncached(t, type, name);
    if (use_cache && cacheable(v))
        lookup_cache_store(version, name, v);
    return v;
}

void wf_type_modified(wf_thread *t, wf_type *type)
{
    if (is_heap(type))
        type_modified(t, type, WF_NULL);
    else
        assign_version(type);
}

/* Borrowed: the dict of the type that holds it keeps it alive (types are immortal, an
 * attribute replaced meanwhile stays valid until its old value's last reference). */
wf_value wf_type_lookup(wf_thread *t, wf_type *type, wf_value name)
{
    wf_value v = wf_type_lookup_ref(t, type, name);
    if (v)
        wf_value_decref(t, v);
    return v;
}

const char *wf_type_name(wf_type *type)
{
    return type->tp_name;
}

/* ---- Readiness ------------------------------------------------------------------------ */

static pthread_mutex_t ready_lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;

/* Copy every slot the type leaves NULL from its base (as CPython's inherit_slots). */
#define INHERIT(field)                                                                             \
    do {                                                                                           \
        if (!tp->field)                                                                            \
            tp->field = base->field;                                                               \
    } while (0)

static bool merge_number(wf_type *tp, wf_type *base)
{
    if (!base->tp_as_number || tp->tp_as_number == base->tp_as_number)
        return true;
    if (!tp->tp_as_number) {
        tp->tp_as_number = base->tp_as_number;
        return true;
    }
    wf_number_methods *m = wf_raw_alloc(sizeof *m);
    if (!m)
        return false;
    *m = *tp->tp_as_number;
    const wf_number_methods *b = base->tp_as_number;
    for (int i = 0; i < WF_NB_COUNT; i++) {
        if (!m->binop[i])
            m->binop[i] = b->binop[i];
        if (!m->inplace[i])
            m->inplace[i] = b->inplace[i];
    }
#define NB_INHERIT(f)                                                                              \
    if (!m->f)                                                                                     \
    m->f = b->f
    NB_INHERIT(power3);
    NB_INHERIT(negative);
    NB_INHERIT(positive);
    NB_INHERIT(absolute);
    NB_INHERIT(invert);
    NB_INHERIT(truth);
    NB_INHERIT(to_int);
    NB_INHERIT(to_float);
    NB_INHERIT(index);
#undef NB_INHERIT
    tp->tp_as_number = m;
    return true;
}

static bool merge_mapping(wf_type *tp, wf_type *base)
{
    if (!base->tp_as_mapping || tp->tp_as_mapping == base->tp_as_mapping)
        return true;
    if (!tp->tp_as_mapping) {
        tp->tp_as_mapping = base->tp_as_mapping;
        return true;
    }
    wf_mapping_methods *m = wf_raw_alloc(sizeof *m);
    if (!m)
        return false;
    *m = *tp->tp_as_mapping;
    const wf_mapping_methods *b = base->tp_as_mapping;
    if (!m->length)
        m->length = b->length;
    if (!m->getitem)
        m->getitem = b->getitem;
    if (!m->setitem)
        m->setitem = b->setitem;
    if (!m->contains)
        m->contains = b->contains;
    tp->tp_as_mapping = m;
    return true;
}

#define SUBCLASS_FLAGS                                                                             \
    (WF_TPFLAG_INT_SUBCLASS | WF_TPFLAG_STR_SUBCLASS | WF_TPFLAG_TUPLE_SUBCLASS |                  \
     WF_TPFLAG_LIST_SUBCLASS | WF_TPFLAG_DICT_SUBCLASS | WF_TPFLAG_EXC_SUBCLASS |                  \
     WF_TPFLAG_TYPE_SUBCLASS)

static bool inherit_slots(wf_type *tp, wf_type *base)
{
    unsigned extra = base->tp_flags & (SUBCLASS_FLAGS | WF_TPFLAG_TRACKED);
    __atomic_fetch_or(&tp->tp_flags, extra, __ATOMIC_RELAXED);
    INHERIT(tp_basicsize);
    INHERIT(tp_dealloc);
    INHERIT(tp_dictoffset);
    INHERIT(tp_repr);
    INHERIT(tp_str);
    INHERIT(tp_getattr);
    INHERIT(tp_setattr);
    INHERIT(tp_call);
    INHERIT(tp_iter);
    INHERIT(tp_iternext);
    INHERIT(tp_descr_get);
    INHERIT(tp_descr_set);
    INHERIT(tp_init);
    /* A static type directly under object without tp_new cannot be instantiated
     * ("cannot create 'X' instances"), as in CPython. */
    if (!tp->tp_new && (base != &wf_object_type || is_heap(tp)))
        tp->tp_new = base->tp_new;
    if (!tp->tp_richcompare && !tp->tp_hash) {
        tp->tp_richcompare = base->tp_richcompare;
        tp->tp_hash = base->tp_hash;
    }
    return merge_number(tp, base) && merge_mapping(tp, base);
}

static void make_immortal(wf_value v)
{
    if (wf_is_object(v))
        wf_object_set_immortal(wf_to_object(v));
}

static bool add_slot_wrappers(wf_thread *t, wf_type *tp);
static bool add_new_wrapper(wf_thread *t, wf_type *tp);

/* The dict of a static type: method descriptors, getset descriptors, slot wrappers,
 * __new__ and __doc__. */
static bool fill_static_dict(wf_thread *t, wf_type *tp)
{
    wf_value dict = wf_from_object(tp->tp_dict);
    for (const wf_method_def *m = tp->tp_methods; m && m->name; m++) {
        wf_value d = wf_method_descr_new(t, tp, m);
        if (!d || wf_dict_set_cstr(t, dict, m->name, d) < 0)
            return false;
        make_immortal(d);
        wf_value_decref(t, d);
    }
    for (const wf_getset_def *g = tp->tp_getset; g && g->name; g++) {
        wf_value d = wf_getset_descr_new(t, tp, g);
        if (!d || wf_dict_set_cstr(t, dict, g->name, d) < 0)
            return false;
        make_immortal(d);
        wf_value_decref(t, d);
    }
    if (!add_slot_wrappers(t, tp) || !add_new_wrapper(t, tp))
        return false;
    /* comparable but unhashable (list, dict): __hash__ = None hides object.__hash__, so
     * subclasses derive no hash slot from it either */
    if (!tp->tp_hash && tp->tp_base) {
        wf_value have = wf_dict_get_cstr(t, dict, "__hash__");
        if (have)
            wf_value_decref(t, have);
        else if (wf_dict_set_cstr(t, dict, "__hash__", WF_NONE) < 0)
            return false;
    }
    wf_value missing = wf_dict_get_cstr(t, dict, "__doc__");
    if (missing) {
        wf_value_decref(t, missing);
        return true;
    }
    wf_value doc = tp->tp_doc ? wf_str_from_cstr(t, tp->tp_doc) : WF_NONE;
    if (!doc || wf_dict_set_cstr(t, dict, "__doc__", doc) < 0)
        return false;
    make_immortal(doc);
    return true;
}

/* tp_bases, tp_mro (the type, then its base's MRO) and tp_dict of a static type. */
static bool ready_static(wf_thread *t, wf_type *tp)
{
    /* static types are immortal objects of type `type` (WF_TYPE_HEAD) */
    WF_ASSERT(wf_is_immortal(&tp->ob_base) && tp->ob_base.ob_type == &wf_type_type);
    wf_type *base = tp->tp_base;
    if (!base && tp != &wf_object_type)
        base = tp->tp_base = &wf_object_type;
    if (base && (!wf_type_ready(t, base) || !inherit_slots(tp, base)))
        return false;
    if (!tp->tp_bases) {
        wf_value b = base ? wf_tuple_pack(t, 1, wf_type_value(base)) : wf_tuple_empty();
        if (!b)
            return false;
        make_immortal(b);
        tp->tp_bases = wf_to_object(b);
    }
    if (!tp->tp_mro) {
        size_t n = base ? wf_tuple_size(wf_from_object(base->tp_mro)) : 0;
        wf_value mro = wf_tuple_new(t, n + 1);
        if (!mro)
            return false;
        WF_TUPLE_ITEMS(mro)[0] = wf_type_value(tp);
        for (size_t i = 0; i < n; i++)
            WF_TUPLE_ITEMS(mro)[i + 1] = WF_TUPLE_ITEMS(wf_from_object(base->tp_mro))[i];
        make_immortal(mro);
        tp->tp_mro = wf_to_object(mro);
    }
    if (!tp->tp_dict) {
        wf_value d = wf_dict_new(t);
        if (!d)
            return false;
        make_immortal(d);
        tp->tp_dict = wf_to_object(d);
        if (!fill_static_dict(t, tp))
            return false;
    }
    return true;
}

bool wf_type_ready_slow(wf_thread *t, wf_type *type)
{
    pthread_mutex_lock(&ready_lock);
    unsigned flags = load_flags(type);
    bool ok = true;
    if (!(flags & (WF_TPFLAG_READY | WF_TPFLAG_READYING))) {
        __atomic_fetch_or(&type->tp_flags, WF_TPFLAG_READYING, __ATOMIC_RELAXED);
        ok = ready_static(t, type);
        if (ok)
            assign_version(type);
        /* release: pairs with load_flags' acquire; everything above is visible */
        __atomic_fetch_and(&type->tp_flags, ~WF_TPFLAG_READYING, __ATOMIC_RELAXED);
        if (ok)
            __atomic_fetch_or(&type->tp_flags, WF_TPFLAG_READY, __ATOMIC_RELEASE);
    }
    pthread_mutex_unlock(&ready_lock);
    return ok;
}

/* ---- Slot definitions ------------------------------------------------------------------
 *
 * A slot id names one C slot (tp_repr, binop[ADD], ...). Several dunders may feed one
 * slot (__add__ and __radd__; the six comparisons; __setattr__ and __delattr__). */
enum slot_id {
    SL_REPR,
    SL_STR,
    SL_HASH,
    SL_CALL,
    SL_ITER,
    SL_NEXT,
    SL_GETATTR,
    SL_SETATTR,
    SL_DESCR_GET,
    SL_DESCR_SET,
    SL_INIT,
    SL_RICH,
    SL_NEG,
    SL_POS,
    SL_ABS,
    SL_INVERT,
    SL_BOOL,
    SL_INT,
    SL_FLOAT,
    SL_INDEX,
    SL_LEN,
    SL_GETITEM,
    SL_SETITEM,
    SL_CONTAINS,
    SL_BINOP,                            /* + op */
    SL_INPLACE = SL_BINOP + WF_NB_COUNT, /* + op */
    SL_COUNT = SL_INPLACE + WF_NB_COUNT,
};

/* How a slot wrapper calls the C slot from Python: self and the call's arguments. */
typedef wf_value (*wrap_fn)(wf_thread *t, wf_anyfn fn, int arg, wf_value self, const wf_value *args,
                            size_t nargs, wf_value kwnames);

typedef struct slotdef {
    const char *name;
    int slot; /* enum slot_id */
    int arg;  /* the comparison op, or 1 for a reflected (__radd__) / deleting form */
    wrap_fn wrap;
} slotdef;

/* The address of the slot in tp (its number/mapping table must exist for those). */
static wf_anyfn *slot_field(wf_type *tp, int slot)
{
    wf_number_methods *nb = (wf_number_methods *)tp->tp_as_number;
    wf_mapping_methods *mp = (wf_mapping_methods *)tp->tp_as_mapping;
    if (slot >= SL_INPLACE)
        return nb ? (wf_anyfn *)&nb->inplace[slot - SL_INPLACE] : NULL;
    if (slot >= SL_BINOP)
        return nb ? (wf_anyfn *)&nb->binop[slot - SL_BINOP] : NULL;
    switch (slot) {
    case SL_REPR:
        return (wf_anyfn *)&tp->tp_repr;
    case SL_STR:
        return (wf_anyfn *)&tp->tp_str;
    case SL_HASH:
        return (wf_anyfn *)&tp->tp_hash;
    case SL_CALL:
        return (wf_anyfn *)&tp->tp_call;
    case SL_ITER:
        return (wf_anyfn *)&tp->tp_iter;
    case SL_NEXT:
        return (wf_anyfn *)&tp->tp_iternext;
    case SL_GETATTR:
        return (wf_anyfn *)&tp->tp_getattr;
    case SL_SETATTR:
        return (wf_anyfn *)&tp->tp_setattr;
    case SL_DESCR_GET:
        return (wf_anyfn *)&tp->tp_descr_get;
    case SL_DESCR_SET:
        return (wf_anyfn *)&tp->tp_descr_set;
    case SL_INIT:
        return (wf_anyfn *)&tp->tp_init;
    case SL_RICH:
        return (wf_anyfn *)&tp->tp_richcompare;
    case SL_NEG:
        return nb ? (wf_anyfn *)&nb->negative : NULL;
    case SL_POS:
        return nb ? (wf_anyfn *)&nb->positive : NULL;
    case SL_ABS:
        return nb ? (wf_anyfn *)&nb->absolute : NULL;
    case SL_INVERT:
        return nb ? (wf_anyfn *)&nb->invert : NULL;
    case SL_BOOL:
        return nb ? (wf_anyfn *)&nb->truth : NULL;
    case SL_INT:
        return nb ? (wf_anyfn *)&nb->to_int : NULL;
    case SL_FLOAT:
        return nb ? (wf_anyfn *)&nb->to_float : NULL;
    case SL_INDEX:
        return nb ? (wf_anyfn *)&nb->index : NULL;
    case SL_LEN:
        return mp ? (wf_anyfn *)&mp->length : NULL;
    case SL_GETITEM:
        return mp ? (wf_anyfn *)&mp->getitem : NULL;
    case SL_SETITEM:
        return mp ? (wf_anyfn *)&mp->setitem : NULL;
    case SL_CONTAINS:
        return mp ? (wf_anyfn *)&mp->contains : NULL;
    default:
        return NULL;
    }
}

static wf_anyfn slot_get(wf_type *tp, int slot)
{
    wf_anyfn *f = slot_field(tp, slot);
    return f ? *f : NULL;
}

/* ---- Slot wrappers: calling a C slot from Python ---------------------------------------- */

static bool wrap_nargs(wf_thread *t, size_t nargs, size_t want, wf_value kwnames)
{
    if (kwnames) {
        wf_err_set(t, &wf_exc_TypeError, "wrapper takes no keyword arguments");
        return false;
    }
    if (nargs != want) {
        wf_err_set(t, &wf_exc_TypeError, "expected %zu argument%s, got %zu", want,
                   want == 1 ? "" : "s", nargs);
        return false;
    }
    return true;
}

static wf_value none_or_null(int rc)
{
    return rc < 0 ? WF_NULL : WF_NONE;
}

static wf_value wrap_unary(wf_thread *t, wf_anyfn fn, int arg, wf_value self, const wf_value *args,
                           size_t nargs, wf_value kwnames)
{
    (void)arg;
    (void)args;
    if (!wrap_nargs(t, nargs, 0, kwnames))
        return WF_NULL;
    return ((wf_unary_fn)fn)(t, self);
}

static wf_value wrap_binary(wf_thread *t, wf_anyfn fn, int arg, wf_value self, const wf_value *args,
                            size_t nargs, wf_value kwnames)
{
    if (!wrap_nargs(t, nargs, 1, kwnames))
        return WF_NULL;
    return arg ? ((wf_binary_fn)fn)(t, args[0], self) : ((wf_binary_fn)fn)(t, self, args[0]);
}

static wf_value wrap_rich(wf_thread *t, wf_anyfn fn, int arg, wf_value self, const wf_value *args,
                          size_t nargs, wf_value kwnames)
{
    if (!wrap_nargs(t, nargs, 1, kwnames))
        return WF_NULL;
    return ((wf_richcmp_fn)fn)(t, self, args[0], arg);
}

static wf_value wrap_hash(wf_thread *t, wf_anyfn fn, int arg, wf_value self, const wf_value *args,
                          size_t nargs, wf_value kwnames)
{
    (void)arg;
    (void)args;
    if (!wrap_nargs(t, nargs, 0, kwnames))
        return WF_NULL;
    int64_t h = ((wf_hash_fn)fn)(t, self);
    return h == -1 && wf_err_occurred(t) ? WF_NULL : wf_int_from_int64(t, h);
}

static wf_value wrap_call(wf_thread *t, wf_anyfn fn, int arg, wf_value self, const wf_value *args,
                          size_t nargs, wf_value kwnames)
{
    (void)arg;
    return ((wf_vector_fn)fn)(t, self, args, nargs, kwnames);
}

static wf_value wrap_next(wf_thread *t, wf_anyfn fn, int arg, wf_value self, const wf_value *args,
                          size_t nargs, wf_value kwnames)
{
    (void)arg;
    (void)args;
    if (!wrap_nargs(t, nargs, 0, kwnames))
        return WF_NULL;
    wf_value r = ((wf_unary_fn)fn)(t, self);
    if (!r && !wf_err_occurred(t))
        wf_err_set_none(t, &wf_exc_StopIteration);
    return r;
}

static wf_value wrap_setattr(wf_thread *t, wf_anyfn fn, int arg, wf_value self,
                             const wf_value *args, size_t nargs, wf_value kwnames)
{
    if (!wrap_nargs(t, nargs, arg ? 1 : 2, kwnames))
        return WF_NULL;
    return none_or_null(((wf_setattr_fn)fn)(t, self, args[0], arg ? WF_NULL : args[1]));
}

static wf_value wrap_descr_get(wf_thread *t, wf_anyfn fn, int arg, wf_value self,
                               const wf_value *args, size_t nargs, wf_value kwnames)
{
    (void)arg;
    if (kwnames || nargs < 1 || nargs > 2)
        return wf_err_set(t, &wf_exc_TypeError, "expected 1 or 2 arguments, got %zu", nargs);
    wf_value obj = args[0] == WF_NONE ? WF_NULL : args[0];
    wf_value type = nargs == 2 && args[1] != WF_NONE ? args[1] : WF_NULL;
    if (!obj && !type)
        return wf_err_set(t, &wf_exc_TypeError, "__get__(None, None) is invalid");
    return ((wf_descr_get_fn)fn)(t, self, obj, type);
}

static wf_value wrap_descr_set(wf_thread *t, wf_anyfn fn, int arg, wf_value self,
                               const wf_value *args, size_t nargs, wf_value kwnames)
{
    if (!wrap_nargs(t, nargs, arg ? 1 : 2, kwnames))
        return WF_NULL;
    return none_or_null(((wf_descr_set_fn)fn)(t, self, args[0], arg ? WF_NULL : args[1]));
}

static wf_value wrap_init(wf_thread *t, wf_anyfn fn, int arg, wf_value self, const wf_value *args,
                          size_t nargs, wf_value kwnames)
{
    (void)arg;
    return none_or_null(((wf_init_fn)fn)(t, self, args, nargs, kwnames));
}

static wf_value wrap_inquiry(wf_thread *t, wf_anyfn fn, int arg, wf_value self,
                             const wf_value *args, size_t nargs, wf_value kwnames)
{
    (void)arg;
    (void)args;
    if (!wrap_nargs(t, nargs, 0, kwnames))
        return WF_NULL;
    int r = ((wf_inquiry_fn)fn)(t, self);
    return r < 0 ? WF_NULL : wf_bool(r);
}

static wf_value wrap_len(wf_thread *t, wf_anyfn fn, int arg, wf_value self, const wf_value *args,
                         size_t nargs, wf_value kwnames)
{
    (void)arg;
    (void)args;
    if (!wrap_nargs(t, nargs, 0, kwnames))
        return WF_NULL;
    int64_t n = ((wf_len_fn)fn)(t, self);
    return n < 0 ? WF_NULL : wf_int_from_int64(t, n);
}

static wf_value wrap_setitem(wf_thread *t, wf_anyfn fn, int arg, wf_value self,
                             const wf_value *args, size_t nargs, wf_value kwnames)
{
    if (!wrap_nargs(t, nargs, arg ? 1 : 2, kwnames))
        return WF_NULL;
    return none_or_null(((wf_setitem_fn)fn)(t, self, args[0], arg ? WF_NULL : args[1]));
}

static wf_value wrap_contains(wf_thread *t, wf_anyfn fn, int arg, wf_value self,
                              const wf_value *args, size_t nargs, wf_value kwnames)
{
    (void)arg;
    if (!wrap_nargs(t, nargs, 1, kwnames))
        return WF_NULL;
    int r = ((wf_contains_fn)fn)(t, self, args[0]);
    return r < 0 ? WF_NULL : wf_bool(r);
}

#define BINOP_DEFS(op, name, rname, iname)                                                         \
    {name, SL_BINOP + op, 0, wrap_binary}, {rname, SL_BINOP + op, 1, wrap_binary},                 \
    {                                                                                              \
        iname, SL_INPLACE + op, 0, wrap_binary                                                     \
    }

static const slotdef slotdefs[] = {
    {"__repr__", SL_REPR, 0, wrap_unary},
    {"__str__", SL_STR, 0, wrap_unary},
    {"__hash__", SL_HASH, 0, wrap_hash},
    {"__call__", SL_CALL, 0, wrap_call},
    {"__iter__", SL_ITER, 0, wrap_unary},
    {"__next__", SL_NEXT, 0, wrap_next},
    {"__getattribute__", SL_GETATTR, 0, wrap_binary},
    {"__getattr__", SL_GETATTR, 0, NULL}, /* no wrapper: only a heap type's hook */
    {"__setattr__", SL_SETATTR, 0, wrap_setattr},
    {"__delattr__", SL_SETATTR, 1, wrap_setattr},
    {"__get__", SL_DESCR_GET, 0, wrap_descr_get},
    {"__set__", SL_DESCR_SET, 0, wrap_descr_set},
    {"__delete__", SL_DESCR_SET, 1, wrap_descr_set},
    {"__init__", SL_INIT, 0, wrap_init},
    {"__lt__", SL_RICH, WF_CMP_LT, wrap_rich},
    {"__le__", SL_RICH, WF_CMP_LE, wrap_rich},
    {"__eq__", SL_RICH, WF_CMP_EQ, wrap_rich},
    {"__ne__", SL_RICH, WF_CMP_NE, wrap_rich},
    {"__gt__", SL_RICH, WF_CMP_GT, wrap_rich},
    {"__ge__", SL_RICH, WF_CMP_GE, wrap_rich},
    {"__neg__", SL_NEG, 0, wrap_unary},
    {"__pos__", SL_POS, 0, wrap_unary},
    {"__abs__", SL_ABS, 0, wrap_unary},
    {"__invert__", SL_INVERT, 0, wrap_unary},
    {"__bool__", SL_BOOL, 0, wrap_inquiry},
    {"__int__", SL_INT, 0, wrap_unary},
    {"__float__", SL_FLOAT, 0, wrap_unary},
    {"__index__", SL_INDEX, 0, wrap_unary},
    {"__len__", SL_LEN, 0, wrap_len},
    {"__getitem__", SL_GETITEM, 0, wrap_binary},
    {"__setitem__", SL_SETITEM, 0, wrap_setitem},
    {"__delitem__", SL_SETITEM, 1, wrap_setitem},
    {"__contains__", SL_CONTAINS, 0, wrap_contains},
    BINOP_DEFS(WF_NB_ADD, "__add__", "__radd__", "__iadd__"),
    BINOP_DEFS(WF_NB_AND, "__and__", "__rand__", "__iand__"),
    BINOP_DEFS(WF_NB_FLOOR_DIVIDE, "__floordiv__", "__rfloordiv__", "__ifloordiv__"),
    BINOP_DEFS(WF_NB_LSHIFT, "__lshift__", "__rlshift__", "__ilshift__"),
    BINOP_DEFS(WF_NB_MATRIX_MULTIPLY, "__matmul__", "__rmatmul__", "__imatmul__"),
    BINOP_DEFS(WF_NB_MULTIPLY, "__mul__", "__rmul__", "__imul__"),
    BINOP_DEFS(WF_NB_REMAINDER, "__mod__", "__rmod__", "__imod__"),
    BINOP_DEFS(WF_NB_OR, "__or__", "__ror__", "__ior__"),
    BINOP_DEFS(WF_NB_POWER, "__pow__", "__rpow__", "__ipow__"),
    BINOP_DEFS(WF_NB_RSHIFT, "__rshift__", "__rrshift__", "__irshift__"),
    BINOP_DEFS(WF_NB_SUBTRACT, "__sub__", "__rsub__", "__isub__"),
    BINOP_DEFS(WF_NB_TRUE_DIVIDE, "__truediv__", "__rtruediv__", "__itruediv__"),
    BINOP_DEFS(WF_NB_XOR, "__xor__", "__rxor__", "__ixor__"),
    {"__del__", -1, 0, NULL}, /* no C slot: WF_TPFLAG_HAS_DEL */
};
#define NSLOTDEFS (sizeof slotdefs / sizeof slotdefs[0])

/* The interned names of slotdefs, made once by wf_types_init (or the first use). */
static _Atomic wf_value slotdef_names[NSLOTDEFS];

static wf_value slotdef_name(wf_thread *t, size_t i)
{
    wf_value n = atomic_load_explicit(&slotdef_names[i], memory_order_acquire);
    if (!n) {
        /* interned strs are unique, so racing threads store the same value */
        n = wf_str_intern_cstr(t, slotdefs[i].name);
        atomic_store_explicit(&slotdef_names[i], n, memory_order_release);
    }
    return n;
}

static wf_value name_cstr(wf_thread *t, const char *s)
{
    return wf_str_intern_cstr(t, s);
}

/* ---- The slot wrapper descriptor ("wrapper_descriptor") ------------------------------- */

typedef struct slot_wrapper {
    wf_object ob;
    wf_type *type; /* the type whose dict holds it */
    const slotdef *def;
    wf_anyfn fn;
} slot_wrapper;

wf_type wf_slot_wrapper_type;

static wf_value slot_wrapper_new(wf_thread *t, wf_type *tp, const slotdef *def, wf_anyfn fn)
{
    slot_wrapper *w =
        (slot_wrapper *)wf_object_alloc(t, &wf_slot_wrapper_type, sizeof(slot_wrapper));
    if (!w)
        return wf_err_no_memory(t);
    w->type = tp;
    w->def = def;
    w->fn = fn;
    return wf_from_object(&w->ob);
}

static void slot_wrapper_dealloc(wf_thread *t, wf_object *o)
{
    wf_object_free(t, o);
}

/* int.__add__(1, 2): the first argument is self and must be an instance of the type. */
static wf_value slot_wrapper_call(wf_thread *t, wf_value callable, const wf_value *args,
                                  size_t nargs, wf_value kwnames)
{
    slot_wrapper *w = (slot_wrapper *)wf_to_object(callable);
    if (nargs < 1)
        return wf_err_set(t, &wf_exc_TypeError, "descriptor '%s' of '%s' object needs an argument",
                          w->def->name, w->type->tp_name);
    if (!wf_isinstance_type(args[0], w->type))
        return wf_err_set(t, &wf_exc_TypeError,
                          "descriptor '%s' requires a '%s' object but received a '%s'",
                          w->def->name, w->type->tp_name, wf_type_name(wf_type_of(args[0])));
    return w->def->wrap(t, w->fn, w->def->arg, args[0], args + 1, nargs - 1, kwnames);
}

/* ---- method-wrapper: a slot wrapper bound to an instance ((1).__add__) ---------------- */

typedef struct method_wrapper {
    wf_object ob;
    slot_wrapper *descr; /* immortal (in a static type's dict) */
    wf_value self;
} method_wrapper;

wf_type wf_method_wrapper_type;

static void method_wrapper_dealloc(wf_thread *t, wf_object *o)
{
    wf_value_decref(t, ((method_wrapper *)o)->self);
    wf_object_free(t, o);
}

static wf_value method_wrapper_call(wf_thread *t, wf_value callable, const wf_value *args,
                                    size_t nargs, wf_value kwnames)
{
    method_wrapper *m = (method_wrapper *)wf_to_object(callable);
    const slotdef *d = m->descr->def;
    return d->wrap(t, m->descr->fn, d->arg, m->self, args, nargs, kwnames);
}

static wf_value method_wrapper_repr(wf_thread *t, wf_value self)
{
    method_wrapper *m = (method_wrapper *)wf_to_object(self);
    void *addr = wf_is_object(m->self) ? (void *)wf_to_object(m->self) : (void *)m->self;
    return wf_str_printf(t, "<method-wrapper '%s' of %s object at %p>", m->descr->def->name,
                         wf_type_name(wf_type_of(m->self)), addr);
}

static wf_value method_wrapper_get_self(wf_thread *t, wf_value self)
{
    return wf_newref(t, ((method_wrapper *)wf_to_object(self))->self);
}

static wf_value method_wrapper_get_name(wf_thread *t, wf_value self)
{
    return wf_str_from_cstr(t, ((method_wrapper *)wf_to_object(self))->descr->def->name);
}

static const wf_getset_def method_wrapper_getset[] = {
    {"__self__", method_wrapper_get_self, NULL},
    {"__name__", method_wrapper_get_name, NULL},
    {NULL},
};

wf_type wf_method_wrapper_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "method-wrapper",
    .tp_basicsize = sizeof(method_wrapper),
    .tp_flags = WF_TPFLAG_TRACKED,
    .tp_dealloc = method_wrapper_dealloc,
    .tp_repr = method_wrapper_repr,
    .tp_call = method_wrapper_call,
    .tp_getset = method_wrapper_getset,
};

static wf_value slot_wrapper_get(wf_thread *t, wf_value descr, wf_value obj, wf_value type)
{
    (void)type;
    if (!obj)
        return wf_newref(t, descr);
    method_wrapper *m =
        (method_wrapper *)wf_object_alloc(t, &wf_method_wrapper_type, sizeof(method_wrapper));
    if (!m)
        return wf_err_no_memory(t);
    m->descr = (slot_wrapper *)wf_to_object(descr);
    m->self = wf_newref(t, obj);
    return wf_from_object(&m->ob);
}

static wf_value slot_wrapper_repr(wf_thread *t, wf_value self)
{
    slot_wrapper *w = (slot_wrapper *)wf_to_object(self);
    return wf_str_printf(t, "<slot wrapper '%s' of '%s' objects>", w->def->name, w->type->tp_name);
}

static wf_value slot_wrapper_name(wf_thread *t, wf_value self)
{
    return wf_str_from_cstr(t, ((slot_wrapper *)wf_to_object(self))->def->name);
}

static wf_value slot_wrapper_objclass(wf_thread *t, wf_value self)
{
    return wf_newref(t, wf_type_value(((slot_wrapper *)wf_to_object(self))->type));
}

static const wf_getset_def slot_wrapper_getset[] = {
    {"__name__", slot_wrapper_name, NULL},
    {"__objclass__", slot_wrapper_objclass, NULL},
    {NULL},
};

wf_type wf_slot_wrapper_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "wrapper_descriptor",
    .tp_basicsize = sizeof(slot_wrapper),
    .tp_dealloc = slot_wrapper_dealloc,
    .tp_repr = slot_wrapper_repr,
    .tp_call = slot_wrapper_call,
    .tp_descr_get = slot_wrapper_get,
    .tp_getset = slot_wrapper_getset,
};

/* A static type's dict gets a wrapper for each slot it defines itself (a slot equal to
 * its base's is found in the base's dict along the MRO). Names already in the dict
 * (from tp_methods) win. */
static bool add_slot_wrappers(wf_thread *t, wf_type *tp)
{
    wf_value dict = wf_from_object(tp->tp_dict);
    for (size_t i = 0; i < NSLOTDEFS; i++) {
        const slotdef *d = &slotdefs[i];
        wf_anyfn fn = slot_get(tp, d->slot);
        if (!fn || !d->wrap || (tp->tp_base && slot_get(tp->tp_base, d->slot) == fn))
            continue;
        wf_value name = slotdef_name(t, i);
        if (!name)
            return false;
        wf_value have = wf_dict_get(t, dict, name);
        if (have) {
            wf_value_decref(t, have);
            continue;
        }
        wf_value w = slot_wrapper_new(t, tp, d, fn);
        if (!w || wf_dict_set(t, dict, name, w) < 0)
            return false;
        make_immortal(w);
        wf_value_decref(t, w);
    }
    return true;
}

static wf_value slot_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                         wf_value kwnames);

/* ---- __new__ of static types ------------------------------------------------------------
 *
 * int.__new__ is a built-in function whose self is the type: int.__new__(X, ...) checks
 * that X is a subtype and calls int's tp_new with X, as CPython's tp_new_wrapper. */
static wf_value tp_new_wrapper(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                               wf_value kwnames)
{
    wf_type *type = (wf_type *)wf_to_object(self);
    if (nargs < 1)
        return wf_err_set(t, &wf_exc_TypeError, "%s.__new__(): not enough arguments",
                          type->tp_name);
    wf_value sub = args[0];
    if (!wf_isinstance_type(sub, &wf_type_type))
        return wf_err_set(t, &wf_exc_TypeError, "%s.__new__(X): X is not a type object (%s)",
                          type->tp_name, wf_type_name(wf_type_of(sub)));
    wf_type *subtype = (wf_type *)wf_to_object(sub);
    if (!wf_type_is_subtype(subtype, type))
        return wf_err_set(t, &wf_exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s",
                          type->tp_name, subtype->tp_name, subtype->tp_name, type->tp_name);
    /* object.__new__(dict) would make a dict without its state: the nearest class
     * whose __new__ is not Python code must use this very tp_new */
    wf_type *staticbase = subtype;
    while (staticbase && staticbase->tp_new == slot_new)
        staticbase = staticbase->tp_base;
    if (staticbase && staticbase->tp_new != type->tp_new)
        return wf_err_set(t, &wf_exc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()",
                          type->tp_name, subtype->tp_name, staticbase->tp_name);
    return type->tp_new(t, subtype, args + 1, nargs - 1, kwnames);
}

static const wf_method_def tp_new_def = {"__new__", tp_new_wrapper, 0};

static bool add_new_wrapper(wf_thread *t, wf_type *tp)
{
    if (!tp->tp_new || (tp->tp_base && tp->tp_base->tp_new == tp->tp_new))
        return true;
    wf_value dict = wf_from_object(tp->tp_dict);
    wf_value have = wf_dict_get_cstr(t, dict, "__new__");
    if (have) {
        wf_value_decref(t, have);
        return true;
    }
    wf_value f = wf_builtin_new(t, &tp_new_def, wf_type_value(tp));
    if (!f || wf_dict_set_cstr(t, dict, "__new__", f) < 0)
        return false;
    make_immortal(f);
    wf_value_decref(t, f);
    return true;
}

/* ---- Heap types: dispatchers that call the dunder methods ------------------------------ */

/* Indices into slotdefs (checked by wf_types_init). */
enum {
    SD_REPR = 0,
    SD_STR = 1,
    SD_HASH = 2,
    SD_CALL = 3,
    SD_ITER = 4,
    SD_NEXT = 5,
    SD_GETATTRIBUTE = 6,
    SD_GETATTR = 7,
    SD_SETATTR = 8,
    SD_DELATTR = 9,
    SD_GET = 10,
    SD_SET = 11,
    SD_DELETE = 12,
    SD_INIT = 13,
    SD_LT = 14, /* + comparison op */
    SD_NEG = 20,
    SD_POS = 21,
    SD_ABS = 22,
    SD_INVERT = 23,
    SD_BOOL = 24,
    SD_INT = 25,
    SD_FLOAT = 26,
    SD_INDEX = 27,
    SD_LEN = 28,
    SD_GETITEM = 29,
    SD_SETITEM = 30,
    SD_DELITEM = 31,
    SD_CONTAINS = 32,
    SD_BINOP = 33, /* + 3 * op: __op__, __rop__, __iop__ */
    SD_DEL = SD_BINOP + 3 * WF_NB_COUNT,
};

/* The interpreter's function type, recognised by name the first time it is seen (the
 * runtime layer cannot name interp/ symbols): calling a Python function found on the
 * type with self prepended is what binding it would do, without the bound method. */
static _Atomic(wf_type *) function_type;

static bool is_function_type(wf_type *tp)
{
    wf_type *known = atomic_load_explicit(&function_type, memory_order_relaxed);
    if (known)
        return tp == known;
    if (strcmp(tp->tp_name, "function") != 0 || (tp->tp_flags & WF_TPFLAG_HEAPTYPE))
        return false;
    atomic_store_explicit(&function_type, tp, memory_order_relaxed);
    return true;
}

/* f(self, *args, **kw); consumes the reference to f. */
static wf_value call_unbound(wf_thread *t, wf_value f, wf_value self, const wf_value *args,
                             size_t nargs, wf_value kwnames)
{
    wf_value small[8];
    size_t total = 1 + nargs + (kwnames ? wf_tuple_size(kwnames) : 0);
    wf_value *vec = total <= 8 ? small : wf_mem_alloc(t, total * sizeof(wf_value));
    wf_value r = WF_NULL;
    if (vec) {
        vec[0] = self;
        if (total > 1) /* args may be NULL when empty */
            memcpy(vec + 1, args, (total - 1) * sizeof(wf_value));
        r = wf_call(t, f, vec, nargs + 1, kwnames);
        if (vec != small)
            wf_mem_free(vec);
    } else {
        wf_err_no_memory(t);
    }
    wf_value_decref(t, f);
    return r;
}

/* Call the dunder slotdefs[sd] of type(self) bound to self. *found tells a missing
 * method (0 returned, no exception) from a failed call. */
static wf_value call_dunder(wf_thread *t, wf_value self, size_t sd, const wf_value *args,
                            size_t nargs, wf_value kwnames, bool *found)
{
    wf_type *tp = wf_type_of(self);
    wf_value name = slotdef_name(t, sd);
    wf_value f = name ? wf_type_lookup_ref(t, tp, name) : WF_NULL;
    *found = f != 0;
    if (!f)
        return WF_NULL;
    wf_type *ft = wf_type_of(f);
    if (is_function_type(ft))
        return call_unbound(t, f, self, args, nargs, kwnames);
    wf_descr_get_fn get = ft->tp_descr_get;
    wf_value callee = f;
    if (get) {
        callee = get(t, f, self, wf_type_value(tp));
        wf_value_decref(t, f);
        if (!callee)
            return WF_NULL;
    }
    wf_value r = wf_call(t, callee, args, nargs, kwnames);
    wf_value_decref(t, callee);
    return r;
}

/* The dunder must exist (the slot was derived from it or a sibling: __delete__ without
 * __set__); if not, AttributeError with the bare name, as CPython 3.11's lookup_method. */
static wf_value call_dunder_required(wf_thread *t, wf_value self, size_t sd, const wf_value *args,
                                     size_t nargs, wf_value kwnames)
{
    bool found;
    wf_value r = call_dunder(t, self, sd, args, nargs, kwnames, &found);
    if (!found)
        return wf_err_set(t, &wf_exc_AttributeError, "%s", slotdefs[sd].name);
    return r;
}

/* The class sets the dunder to None, CPython's way of saying "not supported" (as
 * __hash__ = None). */
static bool dunder_is_none(wf_thread *t, wf_value self, size_t sd)
{
    return wf_type_lookup(t, wf_type_of(self), slotdef_name(t, sd)) == WF_NONE;
}

/* A missing method means NotImplemented (binary operators, comparisons). */
static wf_value call_dunder_maybe(wf_thread *t, wf_value self, size_t sd, wf_value arg)
{
    bool found;
    wf_value r = call_dunder(t, self, sd, &arg, 1, 0, &found);
    return found ? r : WF_NOTIMPLEMENTED;
}

static wf_value check_str_result(wf_thread *t, wf_value r, const char *what)
{
    if (r && !wf_str_check(r)) {
        wf_type *rt = wf_type_of(r);
        wf_value_decref(t, r);
        return wf_err_set(t, &wf_exc_TypeError, "%s returned non-string (type %s)", what,
                          wf_type_name(rt));
    }
    return r;
}

static wf_value slot_repr(wf_thread *t, wf_value self)
{
    return check_str_result(t, call_dunder_required(t, self, SD_REPR, NULL, 0, 0), "__repr__");
}

static wf_value slot_str(wf_thread *t, wf_value self)
{
    return check_str_result(t, call_dunder_required(t, self, SD_STR, NULL, 0, 0), "__str__");
}

/* __hash__ must return an int; a big one is reduced by int's own hash. */
static int64_t slot_hash(wf_thread *t, wf_value self)
{
    wf_value r = call_dunder_required(t, self, SD_HASH, NULL, 0, 0);
    if (!r)
        return -1;
    if (!wf_int_check(r)) {
        wf_value_decref(t, r);
        wf_err_set(t, &wf_exc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    int64_t h = wf_hash(t, r);
    wf_value_decref(t, r);
    return h;
}

static wf_value slot_call(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    return call_dunder_required(t, self, SD_CALL, args, nargs, kwnames);
}

static wf_value slot_iter(wf_thread *t, wf_value self)
{
    if (dunder_is_none(t, self, SD_ITER))
        return wf_err_set(t, &wf_exc_TypeError, "'%s' object is not iterable",
                          wf_type_name(wf_type_of(self)));
    return call_dunder_required(t, self, SD_ITER, NULL, 0, 0);
}

/* A StopIteration out of __next__ is the end of the iteration: 0 without an error. */
/* __next__: a StopIteration it raises stays set (tp_iternext may end either way), so
 * next() and `yield from` see its value; wf_iter_next clears it for loops. */
static wf_value slot_next(wf_thread *t, wf_value self)
{
    return call_dunder_required(t, self, SD_NEXT, NULL, 0, 0);
}

/* __getattribute__, then __getattr__ when that raised AttributeError. */
static wf_value slot_getattr(wf_thread *t, wf_value self, wf_value name)
{
    wf_type *tp = wf_type_of(self);
    wf_value ga = wf_type_lookup_ref(t, tp, slotdef_name(t, SD_GETATTRIBUTE));
    wf_value r;
    bool found;
    if (ga && wf_type_of(ga) == &wf_slot_wrapper_type &&
        ((slot_wrapper *)wf_to_object(ga))->fn == (wf_anyfn)wf_generic_getattr)
        r = wf_generic_getattr(t, self, name);
    else
        r = call_dunder_required(t, self, SD_GETATTRIBUTE, &name, 1, 0);
    if (ga)
        wf_value_decref(t, ga);
    if (r || !wf_err_matches(t, &wf_exc_AttributeError))
        return r;
    wf_value saved = wf_err_fetch(t);
    r = call_dunder(t, self, SD_GETATTR, &name, 1, 0, &found);
    if (!found) {
        wf_err_restore(t, saved);
        return WF_NULL;
    }
    wf_value_decref(t, saved);
    return r;
}

static int result_to_status(wf_thread *t, wf_value r)
{
    if (!r)
        return -1;
    wf_value_decref(t, r);
    return 0;
}

static int slot_setattr(wf_thread *t, wf_value self, wf_value name, wf_value value)
{
    wf_value args[2] = {name, value};
    if (value)
        return result_to_status(t, call_dunder_required(t, self, SD_SETATTR, args, 2, 0));
    return result_to_status(t, call_dunder_required(t, self, SD_DELATTR, args, 1, 0));
}

static wf_value slot_descr_get(wf_thread *t, wf_value descr, wf_value obj, wf_value type)
{
    wf_value args[2] = {obj ? obj : WF_NONE, type ? type : WF_NONE};
    if (!type)
        args[1] = wf_type_value(wf_type_of(obj));
    return call_dunder_required(t, descr, SD_GET, args, 2, 0);
}

static int slot_descr_set(wf_thread *t, wf_value descr, wf_value obj, wf_value value)
{
    wf_value args[2] = {obj, value};
    if (value)
        return result_to_status(t, call_dunder_required(t, descr, SD_SET, args, 2, 0));
    return result_to_status(t, call_dunder_required(t, descr, SD_DELETE, args, 1, 0));
}

static int slot_init(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                     wf_value kwnames)
{
    wf_value r = call_dunder_required(t, self, SD_INIT, args, nargs, kwnames);
    if (!r)
        return -1;
    if (r != WF_NONE) {
        wf_err_set(t, &wf_exc_TypeError, "__init__() should return None, not '%s'",
                   wf_type_name(wf_type_of(r)));
        wf_value_decref(t, r);
        return -1;
    }
    return 0;
}

/* __new__ is a static method: called with the type first. */
static wf_value slot_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                         wf_value kwnames)
{
    static _Atomic wf_value cache;
    wf_value name = atomic_load_explicit(&cache, memory_order_acquire);
    if (!name) {
        name = name_cstr(t, "__new__");
        atomic_store_explicit(&cache, name, memory_order_release);
    }
    wf_value f = wf_getattr(t, wf_type_value(type), name);
    if (!f)
        return WF_NULL;
    wf_value small[8];
    size_t nkw = kwnames ? wf_tuple_size(kwnames) : 0;
    size_t total = nargs + nkw + 1;
    wf_value *buf = total <= 8 ? small : wf_mem_alloc(t, total * sizeof(wf_value));
    if (!buf) {
        wf_value_decref(t, f);
        return wf_err_no_memory(t);
    }
    buf[0] = wf_type_value(type);
    if (nargs + nkw)
        memcpy(buf + 1, args, (nargs + nkw) * sizeof(wf_value));
    wf_value r = wf_call(t, f, buf, nargs + 1, kwnames);
    if (buf != small)
        wf_mem_free(buf);
    wf_value_decref(t, f);
    return r;
}

static wf_value slot_rich(wf_thread *t, wf_value a, wf_value b, int op)
{
    return call_dunder_maybe(t, a, SD_LT + (size_t)op, b);
}

#define UNARY_DISPATCHER(fname, sd)                                                                \
    static wf_value fname(wf_thread *t, wf_value self)                                             \
    {                                                                                              \
        return call_dunder_required(t, self, sd, NULL, 0, 0);                                      \
    }
UNARY_DISPATCHER(slot_neg, SD_NEG)
UNARY_DISPATCHER(slot_pos, SD_POS)
UNARY_DISPATCHER(slot_abs, SD_ABS)
UNARY_DISPATCHER(slot_invert, SD_INVERT)
UNARY_DISPATCHER(slot_int, SD_INT)
UNARY_DISPATCHER(slot_float, SD_FLOAT)
UNARY_DISPATCHER(slot_index, SD_INDEX)

/* __bool__ must return a bool. */
static int slot_bool(wf_thread *t, wf_value self)
{
    wf_value r = call_dunder_required(t, self, SD_BOOL, NULL, 0, 0);
    if (!r)
        return -1;
    if (r != WF_TRUE && r != WF_FALSE) {
        wf_err_set(t, &wf_exc_TypeError, "__bool__ should return bool, returned %s",
                   wf_type_name(wf_type_of(r)));
        wf_value_decref(t, r);
        return -1;
    }
    return r == WF_TRUE;
}

/* __len__ must give an index >= 0. */
static int64_t slot_len(wf_thread *t, wf_value self)
{
    wf_value r = call_dunder_required(t, self, SD_LEN, NULL, 0, 0);
    if (!r)
        return -1;
    wf_value i = wf_index(t, r);
    wf_value_decref(t, r);
    if (!i)
        return -1;
    if (wf_int_sign(i) < 0) {
        wf_value_decref(t, i);
        wf_err_set(t, &wf_exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    int64_t n;
    bool ok = wf_int_as_int64(t, i, &n);
    wf_value_decref(t, i);
    if (!ok) {
        wf_err_clear(t);
        wf_err_set(t, &wf_exc_OverflowError, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    return n;
}

static wf_value slot_getitem(wf_thread *t, wf_value self, wf_value key)
{
    return call_dunder_required(t, self, SD_GETITEM, &key, 1, 0);
}

static int slot_setitem(wf_thread *t, wf_value self, wf_value key, wf_value value)
{
    wf_value args[2] = {key, value};
    if (value)
        return result_to_status(t, call_dunder_required(t, self, SD_SETITEM, args, 2, 0));
    return result_to_status(t, call_dunder_required(t, self, SD_DELITEM, args, 1, 0));
}

static int slot_contains(wf_thread *t, wf_value self, wf_value item)
{
    if (dunder_is_none(t, self, SD_CONTAINS)) {
        wf_err_set(t, &wf_exc_TypeError, "'%s' object is not a container",
                   wf_type_name(wf_type_of(self)));
        return -1;
    }
    wf_value r = call_dunder_required(t, self, SD_CONTAINS, &item, 1, 0);
    if (!r)
        return -1;
    int truth = wf_truth(t, r);
    wf_value_decref(t, r);
    return truth;
}

/* a op b for heap types, as CPython's SLOT1BINFULL: the right operand's reflected
 * method first when its type is a proper subclass that overrides it. */
static wf_value slot_binop_common(wf_thread *t, wf_value a, wf_value b, int op,
                                  wf_binary_fn self_fn)
{
    wf_type *ta = wf_type_of(a), *tb = wf_type_of(b);
    size_t lsd = SD_BINOP + 3 * (size_t)op, rsd = lsd + 1;
    bool a_has = ta->tp_as_number && ta->tp_as_number->binop[op] == self_fn;
    bool do_other = ta != tb && tb->tp_as_number && tb->tp_as_number->binop[op] == self_fn;
    if (a_has) {
        if (do_other && wf_type_is_subtype(tb, ta)) {
            wf_value rname = slotdef_name(t, rsd);
            wf_value ra = wf_type_lookup_ref(t, ta, rname), rb = wf_type_lookup_ref(t, tb, rname);
            bool overloaded = rb && rb != ra;
            if (ra)
                wf_value_decref(t, ra);
            if (rb)
                wf_value_decref(t, rb);
            if (overloaded) {
                wf_value r = call_dunder_maybe(t, b, rsd, a);
                if (r != WF_NOTIMPLEMENTED)
                    return r;
                do_other = false;
            }
        }
        wf_value r = call_dunder_maybe(t, a, lsd, b);
        if (r != WF_NOTIMPLEMENTED || ta == tb)
            return r;
    }
    if (do_other)
        return call_dunder_maybe(t, b, rsd, a);
    return WF_NOTIMPLEMENTED;
}

#define BINOP_DISPATCHERS(op, lower)                                                               \
    static wf_value slot_nb_##lower(wf_thread *t, wf_value a, wf_value b)                          \
    {                                                                                              \
        return slot_binop_common(t, a, b, op, slot_nb_##lower);                                    \
    }                                                                                              \
    static wf_value slot_inb_##lower(wf_thread *t, wf_value a, wf_value b)                         \
    {                                                                                              \
        return call_dunder_maybe(t, a, SD_BINOP + 3 * op + 2, b);                                  \
    }
BINOP_DISPATCHERS(WF_NB_ADD, add)
BINOP_DISPATCHERS(WF_NB_AND, and)
BINOP_DISPATCHERS(WF_NB_FLOOR_DIVIDE, floordiv)
BINOP_DISPATCHERS(WF_NB_LSHIFT, lshift)
BINOP_DISPATCHERS(WF_NB_MATRIX_MULTIPLY, matmul)
BINOP_DISPATCHERS(WF_NB_MULTIPLY, mul)
BINOP_DISPATCHERS(WF_NB_REMAINDER, mod)
BINOP_DISPATCHERS(WF_NB_OR, or)
BINOP_DISPATCHERS(WF_NB_POWER, pow)
BINOP_DISPATCHERS(WF_NB_RSHIFT, rshift)
BINOP_DISPATCHERS(WF_NB_SUBTRACT, sub)
BINOP_DISPATCHERS(WF_NB_TRUE_DIVIDE, truediv)
BINOP_DISPATCHERS(WF_NB_XOR, xor)

/* pow(a, b, m) on a heap type: a.__pow__(b, m). */
static wf_value slot_power3(wf_thread *t, wf_value a, wf_value b, wf_value m)
{
    /* three-argument pow never tries __rpow__: only a's own __pow__ (CPython's rule) */
    const wf_number_methods *nb = wf_type_of(a)->tp_as_number;
    if (!nb || nb->power3 != slot_power3)
        return WF_NOTIMPLEMENTED;
    wf_value args[2] = {b, m};
    bool found;
    wf_value r = call_dunder(t, a, SD_BINOP + 3 * WF_NB_POWER, args, 2, 0, &found);
    return found ? r : WF_NOTIMPLEMENTED;
}

static const wf_anyfn dispatchers[SL_COUNT] = {
    [SL_REPR] = (wf_anyfn)slot_repr,
    [SL_STR] = (wf_anyfn)slot_str,
    [SL_HASH] = (wf_anyfn)slot_hash,
    [SL_CALL] = (wf_anyfn)slot_call,
    [SL_ITER] = (wf_anyfn)slot_iter,
    [SL_NEXT] = (wf_anyfn)slot_next,
    [SL_GETATTR] = (wf_anyfn)slot_getattr,
    [SL_SETATTR] = (wf_anyfn)slot_setattr,
    [SL_DESCR_GET] = (wf_anyfn)slot_descr_get,
    [SL_DESCR_SET] = (wf_anyfn)slot_descr_set,
    [SL_INIT] = (wf_anyfn)slot_init,
    [SL_RICH] = (wf_anyfn)slot_rich,
    [SL_NEG] = (wf_anyfn)slot_neg,
    [SL_POS] = (wf_anyfn)slot_pos,
    [SL_ABS] = (wf_anyfn)slot_abs,
    [SL_INVERT] = (wf_anyfn)slot_invert,
    [SL_BOOL] = (wf_anyfn)slot_bool,
    [SL_INT] = (wf_anyfn)slot_int,
    [SL_FLOAT] = (wf_anyfn)slot_float,
    [SL_INDEX] = (wf_anyfn)slot_index,
    [SL_LEN] = (wf_anyfn)slot_len,
    [SL_GETITEM] = (wf_anyfn)slot_getitem,
    [SL_SETITEM] = (wf_anyfn)slot_setitem,
    [SL_CONTAINS] = (wf_anyfn)slot_contains,
#define NB_ENTRY(op, lower)                                                                        \
    [SL_BINOP + op] = (wf_anyfn)slot_nb_##lower, [SL_INPLACE + op] = (wf_anyfn)slot_inb_##lower
    NB_ENTRY(WF_NB_ADD, add),
    NB_ENTRY(WF_NB_AND, and),
    NB_ENTRY(WF_NB_FLOOR_DIVIDE, floordiv),
    NB_ENTRY(WF_NB_LSHIFT, lshift),
    NB_ENTRY(WF_NB_MATRIX_MULTIPLY, matmul),
    NB_ENTRY(WF_NB_MULTIPLY, mul),
    NB_ENTRY(WF_NB_REMAINDER, mod),
    NB_ENTRY(WF_NB_OR, or),
    NB_ENTRY(WF_NB_POWER, pow),
    NB_ENTRY(WF_NB_RSHIFT, rshift),
    NB_ENTRY(WF_NB_SUBTRACT, sub),
    NB_ENTRY(WF_NB_TRUE_DIVIDE, truediv),
    NB_ENTRY(WF_NB_XOR, xor),
#undef NB_ENTRY
};

/* ---- Deriving a heap type's slots ---------------------------------------------------- */

/* Re-derive one slot of heap type tp from what its MRO holds for the slot's dunders. */
static void update_slot(wf_thread *t, wf_type *tp, int slot)
{
    wf_anyfn *field = slot_field(tp, slot);
    wf_anyfn fn = NULL;
    bool found = false, generic = false;
    for (size_t i = 0; i < NSLOTDEFS; i++) {
        if (slotdefs[i].slot != slot)
            continue;
        wf_value d = wf_type_lookup_ref(t, tp, slotdef_name(t, i));
        if (!d)
            continue;
        found = true;
        if (wf_type_of(d) == &wf_slot_wrapper_type &&
            ((slot_wrapper *)wf_to_object(d))->def->slot == slot) {
            wf_anyfn f = ((slot_wrapper *)wf_to_object(d))->fn;
            if (fn && fn != f)
                generic = true;
            fn = f;
        } else if (slot == SL_HASH && d == WF_NONE) {
            wf_value_decref(t, d);
            *field = NULL; /* __hash__ = None: unhashable */
            return;
        } else {
            generic = true;
        }
        wf_value_decref(t, d);
    }
    *field = !found ? NULL : generic ? dispatchers[slot] : fn;
    /* pow(a, b, m) follows __pow__: a Python __pow__ takes the modulus too */
    if (slot == SL_BINOP + WF_NB_POWER && generic)
        ((wf_number_methods *)tp->tp_as_number)->power3 = slot_power3;
}

/* tp_new: the C tp_new of a static type's __new__, else the dispatcher. */
static void update_new(wf_thread *t, wf_type *tp)
{
    wf_value d = wf_type_lookup_ref(t, tp, name_cstr(t, "__new__"));
    if (d && wf_builtin_def(d) == &tp_new_def)
        tp->tp_new = ((wf_type *)wf_to_object(wf_builtin_self(d)))->tp_new;
    else
        tp->tp_new = d ? slot_new : NULL;
    if (d)
        wf_value_decref(t, d);
}

/* WF_TPFLAG_HAS_DEL: instances run __del__ before they are freed. */
static void update_del(wf_thread *t, wf_type *tp)
{
    wf_value d = wf_type_lookup_ref(t, tp, name_cstr(t, "__del__"));
    if (d) {
        wf_value_decref(t, d);
        __atomic_fetch_or(&tp->tp_flags, WF_TPFLAG_HAS_DEL, __ATOMIC_RELAXED);
    } else {
        __atomic_fetch_and(&tp->tp_flags, ~WF_TPFLAG_HAS_DEL, __ATOMIC_RELAXED);
    }
}

static void update_all_slots(wf_thread *t, wf_type *tp)
{
    for (int s = 0; s < SL_COUNT; s++)
        update_slot(t, tp, s);
    update_new(t, tp);
    update_del(t, tp);
}

/* The slot ids fed by a dunder name, or -1. */
static int slot_of_name(wf_value name)
{
    const char *s = wf_str_utf8(name);
    if (strcmp(s, "__new__") == 0)
        return SL_COUNT; /* tp_new */
    if (strcmp(s, "__del__") == 0)
        return SL_COUNT + 1; /* WF_TPFLAG_HAS_DEL */
    for (size_t i = 0; i < NSLOTDEFS; i++)
        if (strcmp(slotdefs[i].name, s) == 0)
            return slotdefs[i].slot;
    return -1;
}

/* Re-derive what `slot` (from slot_of_name) feeds in one heap type. */
static void update_named_slot(wf_thread *t, wf_type *tp, int slot)
{
    if (slot == SL_COUNT)
        update_new(t, tp);
    else if (slot == SL_COUNT + 1)
        update_del(t, tp);
    else if (slot >= 0)
        update_slot(t, tp, slot);
}

/* Every thread reads type slots without a lock, so a dunder assignment re-derives them
 * with every other thread stopped, as CPython's free-threaded build does. The lookups
 * that derive them run inside the stop too, so two threads changing classes at once
 * cannot leave a slot derived from an older dict. A lookup can run Python code (a
 * class dict with an odd key whose __eq__ runs); if that code changes a class in turn,
 * the stop it is already inside covers it (the count below). */
static _Thread_local int world_stops;

static void stop_world(wf_thread *t)
{
    if (world_stops++ == 0 && wf_hooks.stop_the_world)
        wf_hooks.stop_the_world(t);
}

static void start_world(wf_thread *t)
{
    if (--world_stops == 0 && wf_hooks.start_the_world)
        wf_hooks.start_the_world(t);
}

static void update_subclasses(wf_thread *t, wf_type *tp, int slot);

static void type_modified(wf_thread *t, wf_type *tp, wf_value name)
{
    int slot = name ? slot_of_name(name) : -1;
    if (slot < 0) { /* no slot changes: new versions only (they are atomic) */
        update_subclasses(t, tp, slot);
        return;
    }
    stop_world(t);
    update_subclasses(t, tp, slot);
    start_world(t);
}

/* New versions for tp and every heap type below it, and what `slot` feeds re-derived
 * in each. */
static void update_subclasses(wf_thread *t, wf_type *tp, int slot)
{
    /* the common case: a class nobody derives from (a counter on the class...) */
    if (!(__atomic_load_n(&tp->tp_flags, __ATOMIC_RELAXED) & WF_TPFLAG_HAS_SUBCLASSES)) {
        assign_version(tp); /* first: the slot's lookups must not see cached old state */
        update_named_slot(t, tp, slot);
        return;
    }
    /* a snapshot: updating runs dict lookups, which must not happen under this lock */
    wf_mutex_lock_internal(&heap_types_lock);
    size_t n = heap_types_len;
    wf_type **list = wf_raw_alloc((n ? n : 1) * sizeof *list);
    if (list && n)
        memcpy(list, heap_types, n * sizeof *list);
    wf_mutex_unlock(&heap_types_lock);
    if (!list)
        n = 0; /* out of memory: only tp itself is updated below */
    for (size_t i = 0; i < n; i++) {
        wf_type *sub = list[i];
        if (!wf_type_is_subtype(sub, tp))
            continue;
        assign_version(sub);
        update_named_slot(t, sub, slot);
    }
    wf_raw_free(list);
    assign_version(tp);
}

/* ---- Side dicts: __dict__ of instances of variable-size classes ------------------------
 *
 * An int, str or tuple keeps its items right after its header, so a subclass cannot put
 * a __dict__ slot at a fixed offset. Instances of such subclasses (WF_TPFLAG_SIDE_DICT:
 * IntEnum members, str subclasses with attributes) keep their dict in this table,
 * keyed by address, from first use until the instance is freed. Each bucket has its
 * own lock, held only around the list operations. */
#define SIDE_BUCKETS 256

typedef struct side_entry {
    wf_object *obj;
    wf_value dict;
    struct side_entry *next;
} side_entry;

static struct {
    wf_mutex lock;
    side_entry *head;
} side_table[SIDE_BUCKETS];

static size_t side_bucket(wf_object *o)
{
    uint64_t h = ((uint64_t)(uintptr_t)o >> 4) * 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 56) & (SIDE_BUCKETS - 1);
}

/* The dict of o, borrowed (the instance keeps it), or 0. */
static wf_value side_dict_peek(wf_object *o)
{
    size_t b = side_bucket(o);
    wf_value d = WF_NULL;
    wf_mutex_lock_internal(&side_table[b].lock);
    for (side_entry *e = side_table[b].head; e; e = e->next)
        if (e->obj == o)
            d = e->dict;
    wf_mutex_unlock(&side_table[b].lock);
    return d;
}

/* Install dict (a new reference, consumed) for o, replacing any; the old one is
 * returned for the caller to release, or 0. false when out of memory. */
static bool side_dict_put(wf_object *o, wf_value dict, wf_value *old)
{
    size_t b = side_bucket(o);
    *old = WF_NULL;
    side_entry *fresh = wf_raw_alloc(sizeof *fresh);
    wf_mutex_lock_internal(&side_table[b].lock);
    for (side_entry *e = side_table[b].head; e; e = e->next) {
        if (e->obj == o) {
            *old = e->dict;
            e->dict = dict;
            wf_mutex_unlock(&side_table[b].lock);
            wf_raw_free(fresh);
            return true;
        }
    }
    if (fresh) {
        *fresh = (side_entry){o, dict, side_table[b].head};
        side_table[b].head = fresh;
    }
    wf_mutex_unlock(&side_table[b].lock);
    return fresh != NULL;
}

/* Get or create, as wf_object_dict: two racing creators keep the first dict. */
static wf_value side_dict(wf_thread *t, wf_object *o)
{
    wf_value d = side_dict_peek(o);
    if (d)
        return d;
    wf_value fresh = wf_dict_new(t);
    if (!fresh)
        return WF_NULL;
    size_t b = side_bucket(o);
    side_entry *entry = wf_raw_alloc(sizeof *entry);
    if (!entry) {
        wf_value_decref(t, fresh);
        return wf_err_no_memory(t);
    }
    wf_mutex_lock_internal(&side_table[b].lock);
    for (side_entry *e = side_table[b].head; e; e = e->next)
        if (e->obj == o)
            d = e->dict;
    if (!d) {
        *entry = (side_entry){o, fresh, side_table[b].head};
        side_table[b].head = entry;
        d = fresh;
        entry = NULL;
        fresh = WF_NULL;
    }
    wf_mutex_unlock(&side_table[b].lock);
    wf_raw_free(entry);
    if (fresh)
        wf_value_decref(t, fresh);
    return d;
}

/* At dealloc: the entry goes, its dict is released. */
static void side_dict_drop(wf_thread *t, wf_object *o)
{
    size_t b = side_bucket(o);
    side_entry *gone = NULL;
    wf_mutex_lock_internal(&side_table[b].lock);
    for (side_entry **p = &side_table[b].head; *p; p = &(*p)->next) {
        if ((*p)->obj == o) {
            gone = *p;
            *p = gone->next;
            break;
        }
    }
    wf_mutex_unlock(&side_table[b].lock);
    if (gone) {
        wf_value_decref(t, gone->dict);
        wf_raw_free(gone);
    }
}

/* ---- Generic attribute access (object.__getattribute__ / __setattr__) ------------------ */

static _Atomic wf_value *dict_slot(wf_value self, wf_type *tp)
{
    return (_Atomic wf_value *)((char *)wf_to_object(self) + tp->tp_dictoffset);
}

/* The instance dict if it exists (borrowed), without creating it. */
static wf_value instance_dict_peek(wf_value self, wf_type *tp)
{
    if (tp->tp_dictoffset)
        /* acquire: pairs with the release CAS that published the dict */
        return atomic_load_explicit(dict_slot(self, tp), memory_order_acquire);
    if (tp->tp_flags & WF_TPFLAG_SIDE_DICT)
        return side_dict_peek(wf_to_object(self));
    return WF_NULL;
}

wf_value wf_object_dict(wf_thread *t, wf_value self)
{
    if (!wf_is_object(self))
        return WF_NULL;
    wf_type *tp = wf_type_of(self);
    if (!tp->tp_dictoffset && (tp->tp_flags & WF_TPFLAG_SIDE_DICT))
        return side_dict(t, wf_to_object(self));
    if (!tp->tp_dictoffset)
        return WF_NULL;
    _Atomic wf_value *slot = dict_slot(self, tp);
    /* acquire: pairs with the release CAS that published the dict */
    wf_value d = atomic_load_explicit(slot, memory_order_acquire);
    if (d)
        return d;
    wf_value fresh = wf_dict_new(t);
    if (!fresh)
        return WF_NULL;
    wf_value expected = 0;
    if (atomic_compare_exchange_strong_explicit(slot, &expected, fresh, memory_order_acq_rel,
                                                memory_order_acquire))
        return fresh;
    wf_value_decref(t, fresh); /* another thread installed one first */
    return expected;
}

static wf_value no_attribute(wf_thread *t, wf_value self, wf_value name)
{
    wf_err_set(t, &wf_exc_AttributeError, "'%s' object has no attribute '%s'",
               wf_type_name(wf_type_of(self)), wf_str_utf8(name));
    wf_attribute_error_set_info(t, self, name);
    return WF_NULL;
}

static bool is_data_descriptor(wf_value d)
{
    return wf_type_of(d)->tp_descr_set != NULL;
}

wf_value wf_generic_getattr(wf_thread *t, wf_value self, wf_value name)
{
    wf_type *tp = wf_type_of(self);
    wf_value descr = wf_type_lookup_ref(t, tp, name);
    wf_descr_get_fn get = descr ? wf_type_of(descr)->tp_descr_get : NULL;
    if (get && is_data_descriptor(descr)) {
        wf_value r = get(t, descr, self, wf_type_value(tp));
        wf_value_decref(t, descr);
        return r;
    }
    if (tp->tp_dictoffset || (tp->tp_flags & WF_TPFLAG_SIDE_DICT)) {
        wf_value d = instance_dict_peek(self, tp);
        wf_value v = d ? wf_dict_get(t, d, name) : WF_NULL;
        if (v || wf_err_occurred(t)) {
            if (descr)
                wf_value_decref(t, descr);
            return v;
        }
    }
    if (get) {
        wf_value r = get(t, descr, self, wf_type_value(tp));
        wf_value_decref(t, descr);
        return r;
    }
    if (descr)
        return descr;
    return no_attribute(t, self, name);
}

int wf_generic_setattr(wf_thread *t, wf_value self, wf_value name, wf_value value)
{
    wf_type *tp = wf_type_of(self);
    wf_value descr = wf_type_lookup_ref(t, tp, name);
    if (descr && is_data_descriptor(descr)) {
        int rc = wf_type_of(descr)->tp_descr_set(t, descr, self, value);
        wf_value_decref(t, descr);
        return rc;
    }
    wf_value d = wf_object_dict(t, self);
    if (!d) {
        if (wf_err_occurred(t))
            return -1;
        if (descr)
            wf_err_set(t, &wf_exc_AttributeError, "'%s' object attribute '%s' is read-only",
                       wf_type_name(tp), wf_str_utf8(name));
        else
            no_attribute(t, self, name);
        if (descr)
            wf_value_decref(t, descr);
        return -1;
    }
    if (descr)
        wf_value_decref(t, descr);
    if (value)
        return wf_dict_set(t, d, name, value);
    int rc = wf_dict_del(t, d, name);
    if (rc == 0)
        no_attribute(t, self, name);
    return rc > 0 ? 0 : -1;
}

/* ---- The `type` type: attributes ------------------------------------------------------- */

#define TYPE(v) ((wf_type *)wf_to_object(v))

static wf_value type_no_attribute(wf_thread *t, wf_type *tp, wf_value name)
{
    wf_err_set(t, &wf_exc_AttributeError, "type object '%s' has no attribute '%s'",
               wf_type_name(tp), wf_str_utf8(name));
    wf_attribute_error_set_info(t, wf_type_value(tp), name);
    return WF_NULL;
}

/* X.name: data descriptors of the metatype, then X's MRO (descriptors bound to the
 * class: obj 0), then other attributes of the metatype. */
static wf_value type_getattr(wf_thread *t, wf_value self, wf_value name)
{
    wf_type *tp = TYPE(self), *meta = wf_type_of(self);
    if (!wf_type_ready(t, tp))
        return WF_NULL;
    wf_value meta_attr = wf_type_lookup_ref(t, meta, name);
    wf_descr_get_fn meta_get = meta_attr ? wf_type_of(meta_attr)->tp_descr_get : NULL;
    if (meta_get && is_data_descriptor(meta_attr)) {
        wf_value r = meta_get(t, meta_attr, self, wf_type_value(meta));
        wf_value_decref(t, meta_attr);
        return r;
    }
    wf_value attr = wf_type_lookup_ref(t, tp, name);
    if (attr) {
        if (meta_attr)
            wf_value_decref(t, meta_attr);
        wf_descr_get_fn get = wf_type_of(attr)->tp_descr_get;
        if (!get)
            return attr;
        wf_value r = get(t, attr, WF_NULL, self);
        wf_value_decref(t, attr);
        return r;
    }
    if (meta_get) {
        wf_value r = meta_get(t, meta_attr, self, wf_type_value(meta));
        wf_value_decref(t, meta_attr);
        return r;
    }
    if (meta_attr)
        return meta_attr;
    return type_no_attribute(t, tp, name);
}

/* X.name = value on a class: the metatype's data descriptors first; static types are
 * immutable. A dunder re-derives the slots of X and its subclasses. */
static int type_setattr(wf_thread *t, wf_value self, wf_value name, wf_value value)
{
    wf_type *tp = TYPE(self);
    wf_value meta_attr = wf_type_lookup_ref(t, wf_type_of(self), name);
    if (meta_attr && is_data_descriptor(meta_attr)) {
        int rc = wf_type_of(meta_attr)->tp_descr_set(t, meta_attr, self, value);
        wf_value_decref(t, meta_attr);
        return rc;
    }
    if (meta_attr)
        wf_value_decref(t, meta_attr);
    if (!is_heap(tp)) {
        wf_err_set(t, &wf_exc_TypeError, "cannot set '%s' attribute of immutable type '%s'",
                   wf_str_utf8(name), tp->tp_name);
        return -1;
    }
    wf_value interned = wf_str_intern(t, name);
    if (!interned)
        return -1;
    wf_value dict = wf_from_object(tp->tp_dict);
    int rc;
    if (value) {
        rc = wf_dict_set(t, dict, interned, value);
    } else {
        rc = wf_dict_del(t, dict, interned);
        if (rc == 0)
            type_no_attribute(t, tp, name);
        rc = rc > 0 ? 0 : -1;
    }
    if (rc == 0)
        type_modified(t, tp, interned);
    wf_value_decref(t, interned);
    return rc;
}

/* The module part of a static type's tp_name ("collections.OrderedDict"), or
 * "builtins". */
static wf_value static_module(wf_thread *t, wf_type *tp)
{
    const char *dot = strrchr(tp->tp_name, '.');
    if (!dot)
        return wf_str_from_cstr(t, "builtins");
    return wf_str_from_utf8(t, tp->tp_name, (size_t)(dot - tp->tp_name));
}

static wf_value static_name(wf_thread *t, wf_type *tp)
{
    const char *dot = strrchr(tp->tp_name, '.');
    return wf_str_from_cstr(t, dot ? dot + 1 : tp->tp_name);
}

static wf_value type_get_name(wf_thread *t, wf_value self)
{
    wf_type *tp = TYPE(self);
    return is_heap(tp) ? wf_newref(t, HEAP(tp)->name) : static_name(t, tp);
}

static int heap_only_set(wf_thread *t, wf_type *tp, const char *attr, wf_value value)
{
    if (!is_heap(tp)) {
        wf_err_set(t, &wf_exc_TypeError, "cannot set '%s' attribute of immutable type '%s'", attr,
                   tp->tp_name);
        return -1;
    }
    if (!value) {
        wf_err_set(t, &wf_exc_TypeError, "cannot delete '%s' attribute of immutable type '%s'",
                   attr, tp->tp_name);
        return -1;
    }
    return 0;
}

static int type_set_name(wf_thread *t, wf_value self, wf_value value)
{
    wf_type *tp = TYPE(self);
    if (heap_only_set(t, tp, "__name__", value) < 0)
        return -1;
    if (!wf_str_check(value)) {
        wf_err_set(t, &wf_exc_TypeError, "can only assign string to %s.__name__, not '%s'",
                   tp->tp_name, wf_type_name(wf_type_of(value)));
        return -1;
    }
    /* the old name stays alive: tp_name may be read by another thread right now */
    wf_value_incref(t, value);
    make_immortal(value);
    HEAP(tp)->name = value;
    tp->tp_name = wf_str_utf8(value);
    return 0;
}

static wf_value type_get_qualname(wf_thread *t, wf_value self)
{
    wf_type *tp = TYPE(self);
    return is_heap(tp) ? wf_newref(t, HEAP(tp)->qualname) : static_name(t, tp);
}

static int type_set_qualname(wf_thread *t, wf_value self, wf_value value)
{
    wf_type *tp = TYPE(self);
    if (heap_only_set(t, tp, "__qualname__", value) < 0)
        return -1;
    if (!wf_str_check(value)) {
        wf_err_set(t, &wf_exc_TypeError, "can only assign string to %s.__qualname__, not '%s'",
                   tp->tp_name, wf_type_name(wf_type_of(value)));
        return -1;
    }
    wf_value_incref(t, value);
    make_immortal(value);
    HEAP(tp)->qualname = value;
    return 0;
}

static wf_value type_get_module(wf_thread *t, wf_value self)
{
    wf_type *tp = TYPE(self);
    if (!is_heap(tp))
        return static_module(t, tp);
    wf_value m = wf_dict_get_cstr(t, wf_from_object(tp->tp_dict), "__module__");
    if (!m && !wf_err_occurred(t))
        wf_err_set(t, &wf_exc_AttributeError, "__module__");
    return m;
}

static int type_set_module(wf_thread *t, wf_value self, wf_value value)
{
    wf_type *tp = TYPE(self);
    if (heap_only_set(t, tp, "__module__", value) < 0)
        return -1;
    int rc = wf_dict_set_cstr(t, wf_from_object(tp->tp_dict), "__module__", value);
    if (rc == 0)
        type_modified(t, tp, WF_NULL);
    return rc;
}

static wf_value type_get_doc(wf_thread *t, wf_value self)
{
    wf_type *tp = TYPE(self);
    if (!is_heap(tp))
        return tp->tp_doc ? wf_str_from_cstr(t, tp->tp_doc) : WF_NONE;
    wf_value doc = wf_dict_get_cstr(t, wf_from_object(tp->tp_dict), "__doc__");
    if (!doc)
        return wf_err_occurred(t) ? WF_NULL : WF_NONE;
    wf_descr_get_fn get = wf_type_of(doc)->tp_descr_get;
    if (!get)
        return doc;
    wf_value r = get(t, doc, WF_NULL, self);
    wf_value_decref(t, doc);
    return r;
}

static int type_set_doc(wf_thread *t, wf_value self, wf_value value)
{
    wf_type *tp = TYPE(self);
    if (heap_only_set(t, tp, "__doc__", value) < 0)
        return -1;
    int rc = wf_dict_set_cstr(t, wf_from_object(tp->tp_dict), "__doc__", value);
    if (rc == 0)
        type_modified(t, tp, WF_NULL);
    return rc;
}

static wf_value type_get_bases(wf_thread *t, wf_value self)
{
    return wf_newref(t, wf_from_object(TYPE(self)->tp_bases));
}

static wf_value type_get_base(wf_thread *t, wf_value self)
{
    wf_type *base = TYPE(self)->tp_base;
    return base ? wf_newref(t, wf_type_value(base)) : WF_NONE;
}

/* None while the class is being made (a metaclass's mro() asking), as in CPython;
 * lookups meanwhile already follow the C3 order (custom_mro). */
static wf_value type_get_mro(wf_thread *t, wf_value self)
{
    wf_type *tp = TYPE(self);
    if (is_heap(tp) && (load_flags(tp) & WF_TPFLAG_READYING))
        return WF_NONE;
    return wf_newref(t, wf_from_object(tp->tp_mro));
}

/* ---- mappingproxy: the read-only view X.__dict__ ---------------------------------------- */

typedef struct mappingproxy {
    wf_object ob;
    wf_value mapping;
} mappingproxy;

#define PROXY(v) (((mappingproxy *)wf_to_object(v))->mapping)

wf_type wf_mappingproxy_type;

static void proxy_dealloc(wf_thread *t, wf_object *o)
{
    wf_value_decref(t, ((mappingproxy *)o)->mapping);
    wf_object_free(t, o);
}

static wf_value proxy_getitem(wf_thread *t, wf_value self, wf_value key)
{
    return wf_getitem(t, PROXY(self), key);
}

static int64_t proxy_len(wf_thread *t, wf_value self)
{
    return wf_len(t, PROXY(self));
}

static int proxy_contains(wf_thread *t, wf_value self, wf_value key)
{
    return wf_contains(t, PROXY(self), key);
}

static wf_value proxy_iter(wf_thread *t, wf_value self)
{
    return wf_iter(t, PROXY(self));
}

static wf_value proxy_repr(wf_thread *t, wf_value self)
{
    wf_value r = wf_repr(t, PROXY(self));
    if (!r)
        return WF_NULL;
    wf_value s = wf_str_printf(t, "mappingproxy(%s)", wf_str_utf8(r));
    wf_value_decref(t, r);
    return s;
}

static wf_value proxy_str(wf_thread *t, wf_value self)
{
    return wf_str(t, PROXY(self));
}

static wf_value proxy_richcompare(wf_thread *t, wf_value a, wf_value b, int op)
{
    return wf_richcompare(t, PROXY(a), b, op);
}

/* keys(), values(), items(), get(), copy(): the mapping's own methods. */
#define PROXY_FORWARD(fname)                                                                       \
    static wf_value proxy_##fname(wf_thread *t, wf_value self, const wf_value *args, size_t nargs, \
                                  wf_value kwnames)                                                \
    {                                                                                              \
        if (!wf_check_no_kwargs(t, #fname, kwnames))                                               \
            return WF_NULL;                                                                        \
        return wf_call_method(t, PROXY(self), wf_str_intern_cstr(t, #fname), args, nargs);         \
    }
PROXY_FORWARD(keys)
PROXY_FORWARD(values)
PROXY_FORWARD(items)
PROXY_FORWARD(get)
PROXY_FORWARD(copy)

static const wf_method_def proxy_methods[] = {
    {"keys", proxy_keys, 0}, {"values", proxy_values, 0}, {"items", proxy_items, 0},
    {"get", proxy_get, 0},   {"copy", proxy_copy, 0},     {NULL},
};

static const wf_mapping_methods proxy_as_mapping = {
    .length = proxy_len,
    .getitem = proxy_getitem,
    .contains = proxy_contains,
};

wf_type wf_mappingproxy_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "mappingproxy",
    .tp_basicsize = sizeof(mappingproxy),
    .tp_flags = WF_TPFLAG_TRACKED,
    .tp_dealloc = proxy_dealloc,
    .tp_repr = proxy_repr,
    .tp_str = proxy_str,
    .tp_richcompare = proxy_richcompare,
    .tp_iter = proxy_iter,
    .tp_as_mapping = &proxy_as_mapping,
    .tp_methods = proxy_methods,
};

wf_value wf_mappingproxy_new(wf_thread *t, wf_value mapping)
{
    mappingproxy *p =
        (mappingproxy *)wf_object_alloc(t, &wf_mappingproxy_type, sizeof(mappingproxy));
    if (!p)
        return wf_err_no_memory(t);
    p->mapping = wf_newref(t, mapping);
    return wf_from_object(&p->ob);
}

/* X.__dict__: a read-only view of the class namespace. */
static wf_value type_get_dict(wf_thread *t, wf_value self)
{
    return wf_mappingproxy_new(t, wf_from_object(TYPE(self)->tp_dict));
}

/* __abstractmethods__ lives in the class dict (type itself has none); setting it to a
 * non-empty collection marks the class abstract. */
static wf_value type_get_abstract(wf_thread *t, wf_value self)
{
    wf_type *tp = TYPE(self);
    wf_value v = tp == &wf_type_type
                     ? WF_NULL
                     : wf_dict_get_cstr(t, wf_from_object(tp->tp_dict), "__abstractmethods__");
    if (!v && !wf_err_occurred(t))
        wf_err_set(t, &wf_exc_AttributeError, "__abstractmethods__");
    return v;
}

static int type_set_abstract(wf_thread *t, wf_value self, wf_value value)
{
    wf_type *tp = TYPE(self);
    if (heap_only_set(t, tp, "__abstractmethods__", value) < 0)
        return -1;
    int abstract = wf_truth(t, value);
    if (abstract < 0 ||
        wf_dict_set_cstr(t, wf_from_object(tp->tp_dict), "__abstractmethods__", value) < 0)
        return -1;
    if (abstract)
        __atomic_fetch_or(&tp->tp_flags, WF_TPFLAG_IS_ABSTRACT, __ATOMIC_RELAXED);
    else
        __atomic_fetch_and(&tp->tp_flags, ~WF_TPFLAG_IS_ABSTRACT, __ATOMIC_RELAXED);
    type_modified(t, tp, WF_NULL);
    return 0;
}

static const wf_getset_def type_getset[] = {
    {"__abstractmethods__", type_get_abstract, type_set_abstract},
    {"__name__", type_get_name, type_set_name},
    {"__qualname__", type_get_qualname, type_set_qualname},
    {"__module__", type_get_module, type_set_module},
    {"__doc__", type_get_doc, type_set_doc},
    {"__bases__", type_get_bases, NULL},
    {"__base__", type_get_base, NULL},
    {"__mro__", type_get_mro, NULL},
    {"__dict__", type_get_dict, NULL},
    {NULL},
};

static wf_value compute_mro(wf_thread *t, wf_type *tp, wf_value bases);

/* type.mro(cls): the C3 linearization of cls's bases, a list. A heap class's is
 * computed afresh (a metaclass overriding mro() calls this while the class is being
 * made, and the class's __mro__ may be the override's); a static type's is its MRO. */
static wf_value type_mro_method(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                wf_value kwnames)
{
    (void)args;
    if (!wf_check_no_kwargs(t, "mro", kwnames) || !wf_check_nargs(t, "mro", nargs, 0, 0))
        return WF_NULL;
    wf_type *tp = TYPE(self);
    wf_value mro = is_heap(tp) ? compute_mro(t, tp, wf_from_object(tp->tp_bases))
                               : wf_newref(t, wf_from_object(tp->tp_mro));
    if (!mro)
        return WF_NULL;
    wf_value list = wf_list_from_array(t, WF_TUPLE_ITEMS(mro), wf_tuple_size(mro));
    wf_value_decref(t, mro);
    return list;
}

/* The direct heap subclasses (static types are not tracked). */
static wf_value type_subclasses(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                wf_value kwnames)
{
    (void)args;
    if (!wf_check_no_kwargs(t, "__subclasses__", kwnames) ||
        !wf_check_nargs(t, "__subclasses__", nargs, 0, 0))
        return WF_NULL;
    wf_value list = wf_list_new(t, 0);
    if (!list)
        return WF_NULL;
    wf_mutex_lock_internal(&heap_types_lock);
    size_t n = heap_types_len;
    wf_type **snapshot = wf_raw_alloc((n ? n : 1) * sizeof *snapshot);
    if (snapshot && n)
        memcpy(snapshot, heap_types, n * sizeof *snapshot);
    wf_mutex_unlock(&heap_types_lock);
    if (!snapshot) {
        wf_value_decref(t, list);
        return wf_err_no_memory(t);
    }
    for (size_t i = 0; i < n; i++) {
        wf_value bases = wf_from_object(snapshot[i]->tp_bases);
        for (size_t j = 0; j < wf_tuple_size(bases); j++) {
            if (WF_TUPLE_ITEMS(bases)[j] == self &&
                wf_list_append(t, list, wf_type_value(snapshot[i])) < 0) {
                wf_raw_free(snapshot);
                wf_value_decref(t, list);
                return WF_NULL;
            }
        }
    }
    wf_raw_free(snapshot);
    return list;
}

/* type.__prepare__(name, bases, **kwds): the namespace of a class body, a new dict. */
static wf_value type_prepare(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    (void)self;
    (void)args;
    (void)nargs;
    (void)kwnames;
    return wf_dict_new(t);
}

static wf_value type_instancecheck(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                   wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "__instancecheck__", kwnames) ||
        !wf_check_nargs(t, "__instancecheck__", nargs, 1, 1))
        return WF_NULL;
    return wf_bool(wf_isinstance_type(args[0], TYPE(self)));
}

static wf_value type_subclasscheck(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                   wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "__subclasscheck__", kwnames) ||
        !wf_check_nargs(t, "__subclasscheck__", nargs, 1, 1))
        return WF_NULL;
    int r = wf_issubclass(t, args[0], self);
    return r < 0 ? WF_NULL : wf_bool(r);
}

static const wf_method_def type_methods[] = {
    {"mro", type_mro_method, 0},
    {"__subclasses__", type_subclasses, 0},
    {"__prepare__", type_prepare, WF_METH_CLASS},
    {"__instancecheck__", type_instancecheck, 0},
    {"__subclasscheck__", type_subclasscheck, 0},
    {NULL},
};

/* "<class 'int'>", "<class '__main__.X'>" */
static wf_value type_repr(wf_thread *t, wf_value self)
{
    wf_type *tp = TYPE(self);
    if (!is_heap(tp))
        return wf_str_printf(t, "<class '%s'>", tp->tp_name);
    wf_value mod = wf_dict_get_cstr(t, wf_from_object(tp->tp_dict), "__module__");
    if (!mod && wf_err_occurred(t))
        return WF_NULL;
    wf_value r;
    const char *qual = wf_str_utf8(HEAP(tp)->qualname);
    if (mod && wf_str_check(mod) && strcmp(wf_str_utf8(mod), "builtins") != 0)
        r = wf_str_printf(t, "<class '%s.%s'>", wf_str_utf8(mod), qual);
    else
        r = wf_str_printf(t, "<class '%s'>", qual);
    if (mod)
        wf_value_decref(t, mod);
    return r;
}

/* ---- The `type` type: calls ----------------------------------------------------------- */

/* X(...): tp_new, then tp_init when the result is an instance of X. */
static wf_value type_call(wf_thread *t, wf_value callable, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    wf_type *tp = TYPE(callable);
    if (!wf_type_ready(t, tp))
        return WF_NULL;
    if (!tp->tp_new)
        return wf_err_set(t, &wf_exc_TypeError, "cannot create '%s' instances", tp->tp_name);
    wf_value obj = tp->tp_new(t, tp, args, nargs, kwnames);
    if (!obj)
        return WF_NULL;
    /* type(x) returns x's type: never initialised */
    if (tp == &wf_type_type && nargs == 1 && !kwnames)
        return obj;
    wf_type *ot = wf_type_of(obj);
    if (!wf_type_is_subtype(ot, tp) || !ot->tp_init)
        return obj;
    if (ot->tp_init(t, obj, args, nargs, kwnames) < 0) {
        wf_value_decref(t, obj);
        return WF_NULL;
    }
    return obj;
}

static wf_value type_new_impl(wf_thread *t, wf_type *meta, wf_value name, wf_value bases,
                              wf_value dict, const wf_value *kwvalues, wf_value kwnames);

/* type(x) or type(name, bases, dict, **kwds). */
static wf_value type_tp_new(wf_thread *t, wf_type *meta, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    if (meta == &wf_type_type && nargs == 1 && !kwnames)
        return wf_newref(t, wf_type_value(wf_type_of(args[0])));
    if (nargs != 3)
        return wf_err_set(t, &wf_exc_TypeError, "type() takes 1 or 3 arguments");
    return type_new_impl(t, meta, args[0], args[1], args[2], args + 3, kwnames);
}

static int type_init(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                     wf_value kwnames)
{
    (void)self;
    (void)args;
    if (nargs == 1 && kwnames) {
        wf_err_set(t, &wf_exc_TypeError, "type.__init__() takes no keyword arguments");
        return -1;
    }
    if (nargs != 1 && nargs != 3) {
        wf_err_set(t, &wf_exc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

static void type_dealloc(wf_thread *t, wf_object *o)
{
    (void)t;
    (void)o;
    wf_fatal("types are immortal");
}

static wf_value type_richcompare(wf_thread *t, wf_value a, wf_value b, int op)
{
    (void)t;
    if (op != WF_CMP_EQ && op != WF_CMP_NE)
        return WF_NOTIMPLEMENTED;
    if (!wf_isinstance_type(b, &wf_type_type))
        return WF_NOTIMPLEMENTED;
    return wf_bool((a == b) == (op == WF_CMP_EQ));
}

static int64_t type_hash(wf_thread *t, wf_value self)
{
    (void)t;
    /* as CPython's _Py_HashPointer: rotate away the alignment bits */
    uintptr_t p = (uintptr_t)self;
    int64_t h = (int64_t)((p >> 4) | (p << (8 * sizeof p - 4)));
    return h == -1 ? -2 : h;
}

/* int | str (runtime/union.h) */
static const wf_number_methods type_as_number = {.binop[WF_NB_OR] = wf_union_or};

wf_type wf_type_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "type",
    .tp_basicsize = sizeof(wf_heap_type),
    .tp_flags = WF_TPFLAG_BASETYPE | WF_TPFLAG_TYPE_SUBCLASS,
    .tp_dealloc = type_dealloc,
    .tp_repr = type_repr,
    .tp_hash = type_hash,
    .tp_richcompare = type_richcompare,
    .tp_getattr = type_getattr,
    .tp_setattr = type_setattr,
    .tp_call = type_call,
    .tp_new = type_tp_new,
    .tp_init = type_init,
    .tp_as_number = &type_as_number,
    .tp_methods = type_methods,
    .tp_getset = type_getset,
    .tp_doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type",
};

/* ---- Classes made at run time ----------------------------------------------------------- */

wf_value (*wf_type_caller_globals)(wf_thread *t);

/* The nearest static ancestor, walked up past ancestors that add no state: two bases
 * can be combined only when one's solid base derives from the other's. */
static wf_type *solid_base(wf_type *tp)
{
    while (is_heap(tp))
        tp = tp->tp_base;
    while (tp->tp_base && tp->tp_basicsize == tp->tp_base->tp_basicsize &&
           tp->tp_dictoffset == tp->tp_base->tp_dictoffset)
        tp = tp->tp_base;
    return tp;
}

/* The base whose layout the new class extends; 0 with TypeError on a conflict. */
static wf_type *best_base(wf_thread *t, wf_value bases)
{
    wf_type *best = NULL, *winner = NULL;
    for (size_t i = 0; i < wf_tuple_size(bases); i++) {
        wf_type *b = TYPE(WF_TUPLE_ITEMS(bases)[i]);
        wf_type *cand = solid_base(b);
        if (!winner) {
            winner = cand;
            best = b;
        } else if (wf_type_is_subtype(winner, cand)) {
            /* keep */
        } else if (wf_type_is_subtype(cand, winner)) {
            winner = cand;
            best = b;
        } else {
            wf_err_set(t, &wf_exc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return best;
}

/* Checks each base: a type, subclassable, not repeated. */
static bool check_bases(wf_thread *t, wf_value bases)
{
    size_t n = wf_tuple_size(bases);
    for (size_t i = 0; i < n; i++) {
        wf_value b = WF_TUPLE_ITEMS(bases)[i];
        if (!wf_isinstance_type(b, &wf_type_type)) {
            wf_err_set(t, &wf_exc_TypeError, "bases must be types");
            return false;
        }
        if (!wf_type_ready(t, TYPE(b)))
            return false;
        if (!(TYPE(b)->tp_flags & WF_TPFLAG_BASETYPE)) {
            wf_err_set(t, &wf_exc_TypeError, "type '%s' is not an acceptable base type",
                       TYPE(b)->tp_name);
            return false;
        }
        for (size_t j = 0; j < i; j++) {
            if (WF_TUPLE_ITEMS(bases)[j] == b) {
                wf_err_set(t, &wf_exc_TypeError, "duplicate base class %s", TYPE(b)->tp_name);
                return false;
            }
        }
    }
    return true;
}

/* type() takes classes only: a base with __mro_entries__ (a generic alias) belongs in a
 * class statement, which resolves it first (CPython's message). */
static bool reject_mro_entries(wf_thread *t, wf_value bases)
{
    for (size_t i = 0; i < wf_tuple_size(bases); i++) {
        wf_value b = WF_TUPLE_ITEMS(bases)[i];
        if (wf_isinstance_type(b, &wf_type_type))
            continue;
        wf_value m = wf_getattr_opt(t, b, wf_str_intern_cstr(t, "__mro_entries__"));
        if (m) {
            wf_value_decref(t, m);
            wf_err_set(t, &wf_exc_TypeError,
                       "type() doesn't support MRO entry resolution; use types.new_class()");
        }
        if (wf_err_occurred(t))
            return false;
    }
    return true;
}

/* The most derived metatype among meta and the bases' types. */
static wf_type *calculate_meta(wf_thread *t, wf_type *meta, wf_value bases)
{
    wf_type *winner = meta;
    for (size_t i = 0; i < wf_tuple_size(bases); i++) {
        wf_type *bt = wf_type_of(WF_TUPLE_ITEMS(bases)[i]);
        if (wf_type_is_subtype(winner, bt))
            continue;
        if (wf_type_is_subtype(bt, winner)) {
            winner = bt;
            continue;
        }
        wf_err_set(t, &wf_exc_TypeError,
                   "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                   "subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

/* C3 linearization state: the sequences to merge (each base's MRO, then the bases), each
 * consumed from a head index. */
typedef struct c3_seq {
    wf_value *items;
    size_t n, head;
} c3_seq;

static bool c3_in_tail(c3_seq *seqs, size_t nseqs, wf_value cand)
{
    for (size_t i = 0; i < nseqs; i++)
        for (size_t j = seqs[i].head + 1; j < seqs[i].n; j++)
            if (seqs[i].items[j] == cand)
                return true;
    return false;
}

/* "Cannot create a consistent method resolution\norder (MRO) for bases A, B" (the
 * line break is CPython 3.11's): the remaining heads, each named once. */
static void c3_error(wf_thread *t, c3_seq *seqs, size_t nseqs)
{
    char msg[512] = "Cannot create a consistent method resolution\norder (MRO) for bases ";
    size_t len = strlen(msg);
    bool first = true;
    for (size_t i = 0; i < nseqs; i++) {
        if (seqs[i].head >= seqs[i].n)
            continue;
        wf_value head = seqs[i].items[seqs[i].head];
        bool seen = false;
        for (size_t k = 0; k < i; k++)
            if (seqs[k].head < seqs[k].n && seqs[k].items[seqs[k].head] == head)
                seen = true;
        if (seen)
            continue;
        len += (size_t)snprintf(msg + len, len < sizeof msg ? sizeof msg - len : 0, "%s%s",
                                first ? "" : ", ", TYPE(head)->tp_name);
        if (len >= sizeof msg)
            len = sizeof msg - 1;
        first = false;
    }
    wf_err_set(t, &wf_exc_TypeError, "%s", msg);
}

static wf_value compute_mro(wf_thread *t, wf_type *tp, wf_value bases)
{
    size_t nb = wf_tuple_size(bases), nseqs = nb + 1, total = 1;
    c3_seq *seqs = wf_mem_alloc(t, nseqs * sizeof *seqs);
    if (!seqs)
        return wf_err_no_memory(t);
    for (size_t i = 0; i < nb; i++) {
        wf_value mro = wf_from_object(TYPE(WF_TUPLE_ITEMS(bases)[i])->tp_mro);
        seqs[i] = (c3_seq){WF_TUPLE_ITEMS(mro), wf_tuple_size(mro), 0};
        total += wf_tuple_size(mro);
    }
    seqs[nb] = (c3_seq){WF_TUPLE_ITEMS(bases), nb, 0};
    wf_value *out = wf_mem_alloc(t, total * sizeof *out);
    if (!out) {
        wf_mem_free(seqs);
        return wf_err_no_memory(t);
    }
    size_t len = 0;
    out[len++] = wf_type_value(tp);
    for (;;) {
        wf_value pick = 0;
        bool any = false;
        for (size_t i = 0; i < nseqs && !pick; i++) {
            if (seqs[i].head >= seqs[i].n)
                continue;
            any = true;
            wf_value cand = seqs[i].items[seqs[i].head];
            if (!c3_in_tail(seqs, nseqs, cand))
                pick = cand;
        }
        if (!any)
            break;
        if (!pick) {
            c3_error(t, seqs, nseqs);
            wf_mem_free(seqs);
            wf_mem_free(out);
            return WF_NULL;
        }
        out[len++] = pick;
        for (size_t i = 0; i < nseqs; i++)
            if (seqs[i].head < seqs[i].n && seqs[i].items[seqs[i].head] == pick)
                seqs[i].head++;
    }
    wf_value mro = wf_tuple_from_array(t, out, len);
    wf_mem_free(seqs);
    wf_mem_free(out);
    return mro;
}

/* Instances of heap types: release the __dict__ the class added, then the static
 * base's own finalisation (which frees the memory). The type itself is not counted. */
/* PEP 442: run __del__ once, on an object brought back to one owned reference; if it
 * stores self somewhere the object lives on, else the last decref frees it (and, being
 * FINALIZED, without calling __del__ again). An exception in __del__ is reported and
 * ignored, as CPython does. */
static void finalize(wf_thread *t, wf_object *o)
{
    atomic_fetch_or_explicit(&o->ob_gc_bits, WF_GC_FINALIZED, memory_order_relaxed);
    /* no other reference exists: reset the counts as a fresh object of this thread */
    atomic_store_explicit(&o->ob_tid, t->tid, memory_order_relaxed);
    atomic_store_explicit(&o->ob_ref_shared, 0, memory_order_relaxed);
    atomic_store_explicit(&o->ob_ref_local, 1, memory_order_relaxed);
    wf_value self = wf_from_object(o);
    wf_value saved = wf_err_fetch(t);
    bool found;
    wf_value r = call_dunder(t, self, SD_DEL, NULL, 0, 0, &found);
    if (r) {
        wf_value_decref(t, r);
    } else if (wf_err_occurred(t)) {
        wf_value del = wf_type_lookup_ref(t, o->ob_type, slotdef_name(t, SD_DEL));
        wf_err_write_unraisable(t, del);
        if (del)
            wf_value_decref(t, del);
    }
    wf_err_restore(t, saved);
    wf_decref(t, o); /* frees it unless __del__ resurrected it */
}

static void subtype_dealloc(wf_thread *t, wf_object *o)
{
    wf_type *tp = o->ob_type;
    if ((tp->tp_flags & WF_TPFLAG_HAS_DEL) &&
        !(atomic_load_explicit(&o->ob_gc_bits, memory_order_relaxed) & WF_GC_FINALIZED)) {
        finalize(t, o);
        return;
    }
    wf_type *base = tp;
    while (is_heap(base))
        base = base->tp_base;
    if (tp->tp_dictoffset && !base->tp_dictoffset) {
        wf_value d = *(wf_value *)((char *)o + tp->tp_dictoffset);
        if (d)
            wf_value_decref(t, d);
    }
    if (tp->tp_flags & WF_TPFLAG_SIDE_DICT)
        side_dict_drop(t, o);
    for (wf_type *h = tp; is_heap(h); h = h->tp_base) {
        wf_value *slot = (wf_value *)((char *)o + HEAP(h)->slots_offset);
        for (size_t i = 0; i < HEAP(h)->nslots; i++)
            if (slot[i])
                wf_value_decref(t, slot[i]);
    }
    base->tp_dealloc(t, o);
}

static wf_value subtype_get_dict(wf_thread *t, wf_value self)
{
    wf_value d = wf_object_dict(t, self);
    return d ? wf_newref(t, d) : WF_NULL;
}

static int subtype_set_dict(wf_thread *t, wf_value self, wf_value value)
{
    if (!value || !wf_dict_check(value)) {
        wf_err_set(t, &wf_exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                   value ? wf_type_name(wf_type_of(value)) : "NoneType");
        return -1;
    }
    wf_type *tp = wf_type_of(self);
    wf_value old;
    if (!tp->tp_dictoffset) { /* a side dict */
        if (!side_dict_put(wf_to_object(self), wf_newref(t, value), &old)) {
            wf_value_decref(t, value);
            wf_err_no_memory(t);
            return -1;
        }
    } else {
        old = atomic_exchange_explicit(dict_slot(self, tp), wf_newref(t, value),
                                       memory_order_acq_rel);
    }
    if (old)
        wf_value_decref(t, old);
    return 0;
}

static const wf_getset_def subtype_dict_getset = {"__dict__", subtype_get_dict, subtype_set_dict};

/* Weak references do not exist yet: __weakref__ reads None, as for an object that has
 * none. */
static wf_value subtype_get_weakref(wf_thread *t, wf_value self)
{
    (void)t;
    (void)self;
    return WF_NONE;
}

static const wf_getset_def subtype_weakref_getset = {"__weakref__", subtype_get_weakref, NULL};

/* Variable-size built-ins keep their items right after the header, where a __dict__
 * slot would go: their subclasses have no instance dict (yet). */
static bool has_variable_size(wf_type *tp)
{
    return tp->tp_flags &
           (WF_TPFLAG_INT_SUBCLASS | WF_TPFLAG_STR_SUBCLASS | WF_TPFLAG_TUPLE_SUBCLASS);
}

static bool is_python_function(wf_value v)
{
    return strcmp(wf_type_name(wf_type_of(v)), "function") == 0;
}

/* The namespace entries CPython's type_new adjusts: __new__ becomes a staticmethod,
 * __init_subclass__ and __class_getitem__ classmethods, __eq__ without __hash__ sets
 * __hash__ = None, __module__ comes from the caller's globals, __doc__ defaults to
 * None, __qualname__ is taken out. */
static bool fix_namespace(wf_thread *t, wf_heap_type *ht, wf_value dict)
{
    static const char *const wrap_static[] = {"__new__"};
    static const char *const wrap_class[] = {"__init_subclass__", "__class_getitem__"};
    for (int k = 0; k < 3; k++) {
        const char *key = k == 0 ? wrap_static[0] : wrap_class[k - 1];
        wf_value f = wf_dict_get_cstr(t, dict, key);
        if (!f)
            continue;
        if (is_python_function(f)) {
            wf_value w = k == 0 ? wf_staticmethod_new(t, f) : wf_classmethod_new(t, f);
            int rc = w ? wf_dict_set_cstr(t, dict, key, w) : -1;
            if (w)
                wf_value_decref(t, w);
            if (rc < 0) {
                wf_value_decref(t, f);
                return false;
            }
        }
        wf_value_decref(t, f);
    }
    wf_value eq = wf_dict_get_cstr(t, dict, "__eq__"), hash = wf_dict_get_cstr(t, dict, "__hash__");
    bool need_hash = eq && !hash;
    if (eq)
        wf_value_decref(t, eq);
    if (hash)
        wf_value_decref(t, hash);
    if (need_hash && wf_dict_set_cstr(t, dict, "__hash__", WF_NONE) < 0)
        return false;
    wf_value mod = wf_dict_get_cstr(t, dict, "__module__");
    if (mod) {
        wf_value_decref(t, mod);
    } else if (wf_type_caller_globals) {
        wf_value globals = wf_type_caller_globals(t);
        wf_value gname = globals ? wf_dict_get_cstr(t, globals, "__name__") : WF_NULL;
        if (gname) {
            int rc = wf_dict_set_cstr(t, dict, "__module__", gname);
            wf_value_decref(t, gname);
            if (rc < 0)
                return false;
        }
    }
    wf_value qual = wf_dict_get_cstr(t, dict, "__qualname__");
    if (qual) {
        if (!wf_str_check(qual)) {
            wf_err_set(t, &wf_exc_TypeError, "type __qualname__ must be a str, not %s",
                       wf_type_name(wf_type_of(qual)));
            wf_value_decref(t, qual);
            return false;
        }
        ht->qualname = qual;
        wf_value key = name_cstr(t, "__qualname__");
        if (wf_dict_del(t, dict, key) < 0)
            return false;
    } else {
        ht->qualname = wf_newref(t, ht->name);
    }
    return true;
}

/* Layout: the best base's, plus a __dict__ slot when the base has none. */
/* ---- __slots__: member descriptors ("member_descriptor") ---------------------------- */

typedef struct member_descr {
    wf_object ob;
    wf_type *type;
    wf_value name;
    size_t offset;
} member_descr;

#define MEMBER(v) ((member_descr *)wf_to_object(v))

static void member_dealloc(wf_thread *t, wf_object *o)
{
    wf_value_decref(t, ((member_descr *)o)->name);
    wf_object_free(t, o);
}

static _Atomic wf_value *member_slot(wf_value descr, wf_value obj)
{
    return (_Atomic wf_value *)((char *)wf_to_object(obj) + MEMBER(descr)->offset);
}

static bool member_check(wf_thread *t, wf_value descr, wf_value obj)
{
    if (wf_isinstance_type(obj, MEMBER(descr)->type))
        return true;
    wf_err_set(t, &wf_exc_TypeError,
               "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
               wf_str_utf8(MEMBER(descr)->name), MEMBER(descr)->type->tp_name,
               wf_type_name(wf_type_of(obj)));
    return false;
}

static wf_value member_get(wf_thread *t, wf_value descr, wf_value obj, wf_value type)
{
    (void)type;
    if (!obj)
        return wf_newref(t, descr);
    if (!member_check(t, descr, obj))
        return WF_NULL;
    /* under the object's lock: a setter on another thread may drop the old value */
    wf_value v;
    WF_BEGIN_CRITICAL_SECTION(t, wf_to_object(obj));
    v = atomic_load_explicit(member_slot(descr, obj), memory_order_relaxed);
    if (v)
        wf_value_incref(t, v);
    WF_END_CRITICAL_SECTION(t);
    return v ? v : no_attribute(t, obj, MEMBER(descr)->name);
}

static int member_set(wf_thread *t, wf_value descr, wf_value obj, wf_value value)
{
    if (!member_check(t, descr, obj))
        return -1;
    wf_value old;
    if (value)
        wf_value_incref(t, value);
    WF_BEGIN_CRITICAL_SECTION(t, wf_to_object(obj));
    old = atomic_exchange_explicit(member_slot(descr, obj), value, memory_order_relaxed);
    WF_END_CRITICAL_SECTION(t);
    if (!value && !old) {
        no_attribute(t, obj, MEMBER(descr)->name);
        return -1;
    }
    if (old)
        wf_value_decref(t, old);
    return 0;
}

static wf_value member_repr(wf_thread *t, wf_value self)
{
    return wf_str_printf(t, "<member '%s' of '%s' objects>", wf_str_utf8(MEMBER(self)->name),
                         MEMBER(self)->type->tp_name);
}

wf_type wf_member_descr_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "member_descriptor",
    .tp_basicsize = sizeof(member_descr),
    .tp_dealloc = member_dealloc,
    .tp_repr = member_repr,
    .tp_descr_get = member_get,
    .tp_descr_set = member_set,
};

/* One slot: a member descriptor in the class dict, unless the name is taken. */
static bool add_member(wf_thread *t, wf_type *tp, wf_value name, size_t offset)
{
    wf_value dict = wf_from_object(tp->tp_dict);
    wf_value have = wf_dict_get(t, dict, name);
    if (have) {
        wf_value_decref(t, have);
        wf_err_set(t, &wf_exc_ValueError, "'%s' in __slots__ conflicts with class variable",
                   wf_str_utf8(name));
        return false;
    }
    member_descr *m =
        (member_descr *)wf_object_alloc(t, &wf_member_descr_type, sizeof(member_descr));
    if (!m) {
        wf_err_no_memory(t);
        return false;
    }
    m->type = tp;
    m->name = wf_newref(t, name);
    m->offset = offset;
    int rc = wf_dict_set(t, dict, name, wf_from_object(&m->ob));
    wf_decref(t, &m->ob);
    return rc == 0;
}

/* A private name ("__x", not "__x__") as the compiler mangles it inside class `cls`:
 * "_cls__x", with cls's leading underscores dropped (unchanged if nothing is left).
 * Consumes the reference to name. */
static wf_value mangle(wf_thread *t, wf_value cls, wf_value name)
{
    const char *s = wf_str_utf8(name), *owner = wf_str_utf8(cls);
    size_t len = strlen(s);
    while (*owner == '_')
        owner++;
    if (len < 3 || strncmp(s, "__", 2) != 0 || strcmp(s + len - 2, "__") == 0 || strchr(s, '.') ||
        !*owner)
        return name;
    wf_value r = wf_str_printf(t, "_%s%s", owner, s);
    wf_value_decref(t, name);
    return r;
}

/* The class's __slots__ as a new tuple of names (a str is one name), private names
 * mangled for class `cls`, or 0 without any. */
static wf_value slot_names(wf_thread *t, wf_value dict, wf_value cls, bool *failed)
{
    *failed = false;
    wf_value slots = wf_dict_get_cstr(t, dict, "__slots__");
    if (!slots)
        return WF_NULL;
    wf_value given = wf_str_check(slots) ? wf_tuple_pack(t, 1, slots)
                                         : wf_call(t, wf_type_value(&wf_tuple_type), &slots, 1, 0);
    wf_value_decref(t, slots);
    /* tuple(x) may be x itself (the class's own __slots__): the names go in a new one */
    size_t n = given ? wf_tuple_size(given) : 0;
    wf_value names = given ? wf_tuple_new(t, n) : WF_NULL;
    for (size_t i = 0; names && i < n; i++) {
        wf_value item = WF_TUPLE_ITEMS(given)[i];
        wf_value name = wf_str_check(item) ? mangle(t, cls, wf_newref(t, item)) : WF_NULL;
        if (name) {
            WF_TUPLE_ITEMS(names)[i] = name;
            continue;
        }
        if (!wf_str_check(item))
            wf_err_set(t, &wf_exc_TypeError, "__slots__ items must be strings, not '%s'",
                       wf_type_name(wf_type_of(item)));
        for (size_t j = i; j < n; j++)
            WF_TUPLE_ITEMS(names)[j] = WF_NONE; /* complete, to be released */
        wf_value_decref(t, names);
        names = WF_NULL;
    }
    if (given)
        wf_value_decref(t, given);
    *failed = names == 0;
    return names;
}

/* Layout: the best base's, then this class's __slots__ values, then a __dict__ slot
 * when the base has none (and __slots__, if given, names __dict__). */
static bool set_layout(wf_thread *t, wf_heap_type *ht, wf_type *base)
{
    wf_type *tp = &ht->type;
    tp->tp_basicsize = base->tp_basicsize;
    tp->tp_dictoffset = base->tp_dictoffset;
    if (base->tp_flags & WF_TPFLAG_SIDE_DICT)
        tp->tp_flags |= WF_TPFLAG_SIDE_DICT;
    bool failed;
    wf_value names = slot_names(t, wf_from_object(tp->tp_dict), ht->name, &failed);
    if (failed)
        return false;
    bool want_dict = !tp->tp_dictoffset && !(tp->tp_flags & WF_TPFLAG_SIDE_DICT) &&
                     !(base->tp_flags & WF_TPFLAG_TYPE_SUBCLASS);
    if (names) {
        want_dict = false;
        ht->slots_offset = tp->tp_basicsize;
        /* the members, sorted by name as CPython lays them out */
        size_t n = 0, total = wf_tuple_size(names);
        wf_value *members = wf_mem_alloc(t, (total ? total : 1) * sizeof *members);
        bool ok = members != NULL;
        if (!ok)
            wf_err_no_memory(t);
        for (size_t i = 0; ok && i < total; i++) {
            wf_value name = WF_TUPLE_ITEMS(names)[i];
            const char *s = wf_str_utf8(name);
            if (strcmp(s, "__dict__") == 0)
                want_dict = !tp->tp_dictoffset && !(tp->tp_flags & WF_TPFLAG_SIDE_DICT);
            else if (strcmp(s, "__weakref__") != 0)
                members[n++] = name;
        }
        if (ok && n && has_variable_size(base)) {
            wf_err_set(t, &wf_exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                       base->tp_name);
            ok = false;
        }
        ok = ok && wf_sort_values(t, members, n, 0, false) == 0;
        for (size_t i = 0; ok && i < n; i++) {
            ok = add_member(t, tp, members[i], tp->tp_basicsize);
            tp->tp_basicsize += sizeof(wf_value);
            ht->nslots++;
        }
        wf_mem_free(members);
        wf_value_decref(t, names);
        if (!ok)
            return false;
    }
    if (!want_dict)
        return true;
    if (has_variable_size(base)) {
        tp->tp_flags |= WF_TPFLAG_SIDE_DICT; /* items follow the header: see side_dict */
    } else {
        tp->tp_dictoffset = (ptrdiff_t)tp->tp_basicsize;
        tp->tp_basicsize += sizeof(wf_value);
    }
    const wf_getset_def *defs[2] = {&subtype_dict_getset, &subtype_weakref_getset};
    for (int i = 0; i < 2; i++) {
        wf_value d = wf_getset_descr_new(t, tp, defs[i]);
        if (!d)
            return false;
        int rc = wf_dict_set_cstr(t, wf_from_object(tp->tp_dict), defs[i]->name, d);
        wf_value_decref(t, d);
        if (rc < 0)
            return false;
    }
    return true;
}

/* Python 3.11 reports a failing __set_name__ as a RuntimeError caused by the error. */
static void set_name_failed(wf_thread *t, wf_type *tp, wf_value value, wf_value key)
{
    wf_value cause = wf_err_fetch(t);
    wf_value key_repr = wf_repr(t, key);
    if (!key_repr) {
        wf_value_decref(t, cause);
        return;
    }
    wf_err_set(t, &wf_exc_RuntimeError, "Error calling __set_name__ on '%s' instance %s in '%s'",
               wf_type_name(wf_type_of(value)), wf_str_utf8(key_repr), wf_type_name(tp));
    wf_value_decref(t, key_repr);
    wf_value err = wf_err_fetch(t);
    if (wf_is_immortal(wf_to_object(err))) { /* the shared MemoryError */
        wf_value_decref(t, cause);
        wf_err_restore(t, err);
        return;
    }
    wf_exception *e = (wf_exception *)wf_to_object(err);
    e->cause = cause; /* the reference fetched above */
    e->suppress_context = true;
    if (!e->context)
        e->context = wf_newref(t, cause);
    wf_err_restore(t, err);
}

/* value.__set_name__(owner, key) for each attribute that has it. */
static bool call_set_names(wf_thread *t, wf_type *tp)
{
    wf_value items = wf_dict_items(t, wf_from_object(tp->tp_dict));
    if (!items)
        return false;
    wf_value set_name = name_cstr(t, "__set_name__");
    bool ok = true;
    for (int64_t i = 0; ok && i < wf_list_size(items); i++) {
        wf_value pair = wf_list_get(t, items, i);
        if (!pair) {
            ok = false;
            break;
        }
        wf_value value = WF_TUPLE_ITEMS(pair)[1];
        wf_value f = wf_type_lookup_ref(t, wf_type_of(value), set_name);
        if (f) {
            wf_value args[2] = {wf_type_value(tp), WF_TUPLE_ITEMS(pair)[0]};
            wf_value r = wf_call_method(t, value, set_name, args, 2);
            ok = r != 0;
            if (r)
                wf_value_decref(t, r);
            else
                set_name_failed(t, tp, value, WF_TUPLE_ITEMS(pair)[0]);
            wf_value_decref(t, f);
        }
        wf_value_decref(t, pair);
    }
    wf_value_decref(t, items);
    return ok;
}

/* super(tp, tp).__init_subclass__(**kwds): the first definition after tp in its MRO. */
static bool call_init_subclass(wf_thread *t, wf_type *tp, const wf_value *kwvalues,
                               wf_value kwnames)
{
    wf_value name = name_cstr(t, "__init_subclass__");
    wf_value mro = wf_from_object(tp->tp_mro);
    for (size_t i = 1; i < wf_tuple_size(mro); i++) {
        wf_type *b = TYPE(WF_TUPLE_ITEMS(mro)[i]);
        wf_value f = wf_dict_get(t, wf_from_object(b->tp_dict), name);
        if (!f)
            continue;
        wf_descr_get_fn get = wf_type_of(f)->tp_descr_get;
        wf_value bound = get ? get(t, f, wf_type_value(tp), wf_type_value(tp)) : wf_newref(t, f);
        wf_value_decref(t, f);
        if (!bound)
            return false;
        wf_value r = wf_call(t, bound, kwvalues, 0, kwnames);
        wf_value_decref(t, bound);
        if (!r)
            return false;
        wf_value_decref(t, r);
        return true;
    }
    return true;
}

static bool check_type_new_args(wf_thread *t, wf_value name, wf_value bases, wf_value dict)
{
    const char *bad = NULL;
    int argno = 0;
    if (!wf_str_check(name))
        bad = "str", argno = 1;
    else if (!wf_tuple_check(bases))
        bad = "tuple", argno = 2;
    else if (!wf_dict_check(dict))
        bad = "dict", argno = 3;
    if (!bad)
        return true;
    wf_value wrong = argno == 1 ? name : argno == 2 ? bases : dict;
    wf_err_set(t, &wf_exc_TypeError, "type.__new__() argument %d must be %s, not %s", argno, bad,
               wf_type_name(wf_type_of(wrong)));
    return false;
}

/* A class whose creation failed: nothing else has seen it, so it is freed. */
static void heap_type_discard(wf_thread *t, wf_heap_type *ht)
{
    wf_type *tp = &ht->type;
    wf_value owned[] = {ht->name, ht->qualname,
                        tp->tp_bases ? wf_from_object(tp->tp_bases) : WF_NULL,
                        tp->tp_dict ? wf_from_object(tp->tp_dict) : WF_NULL,
                        tp->tp_mro ? wf_from_object(tp->tp_mro) : WF_NULL};
    for (size_t i = 0; i < sizeof owned / sizeof owned[0]; i++)
        if (owned[i])
            wf_value_decref(t, owned[i]);
    wf_object_free(t, &tp->ob_base);
}

/* Classes live until the cycle collector exists: everything they hold becomes
 * immortal with them once made. */
static void heap_type_immortalize(wf_heap_type *ht)
{
    wf_type *tp = &ht->type;
    wf_object_set_immortal(&tp->ob_base);
    make_immortal(ht->name);
    make_immortal(ht->qualname);
    make_immortal(wf_from_object(tp->tp_bases));
    make_immortal(wf_from_object(tp->tp_dict));
    make_immortal(wf_from_object(tp->tp_mro));
}

/* Allocates and fills the heap type; readiness and registration follow. */
static wf_heap_type *heap_type_alloc(wf_thread *t, wf_type *meta, wf_value name, wf_value bases,
                                     wf_type *base, wf_value dict)
{
    wf_heap_type *ht = (wf_heap_type *)wf_object_alloc(t, meta, meta->tp_basicsize);
    if (!ht) {
        wf_err_no_memory(t);
        return NULL;
    }
    wf_type *tp = &ht->type;
    ht->name = wf_newref(t, name);
    tp->tp_name = wf_str_utf8(name);
    tp->tp_flags = WF_TPFLAG_HEAPTYPE | WF_TPFLAG_BASETYPE | WF_TPFLAG_TRACKED |
                   WF_TPFLAG_READYING | (base->tp_flags & SUBCLASS_FLAGS);
    tp->tp_base = base;
    tp->tp_bases = wf_to_object(wf_newref(t, bases));
    wf_value copy = wf_dict_copy(t, dict);
    if (!copy) {
        heap_type_discard(t, ht);
        return NULL;
    }
    tp->tp_dict = wf_to_object(copy);
    return ht;
}

/* One entry of an mro() override: a class whose layout tp can have (CPython's
 * mro_check). */
static bool check_mro_entry(wf_thread *t, wf_type *tp, wf_value b)
{
    if (!wf_isinstance_type(b, &wf_type_type)) {
        wf_err_set(t, &wf_exc_TypeError, "mro() returned a non-class ('%s')",
                   wf_type_name(wf_type_of(b)));
        return false;
    }
    if (!wf_type_ready(t, TYPE(b)))
        return false;
    if (!wf_type_is_subtype(solid_base(tp), solid_base(TYPE(b)))) {
        wf_err_set(t, &wf_exc_TypeError, "mro() returned base with unsuitable layout ('%s')",
                   wf_type_name(TYPE(b)));
        return false;
    }
    return true;
}

/* type(cls).mro(cls) as a tuple, the method found on the metaclass alone. */
static wf_value call_mro(wf_thread *t, wf_type *tp, wf_value f)
{
    wf_type *meta = wf_type_of(wf_type_value(tp));
    wf_descr_get_fn get = wf_type_of(f)->tp_descr_get;
    wf_value bound = get ? get(t, f, wf_type_value(tp), wf_type_value(meta)) : wf_newref(t, f);
    wf_value r = bound ? wf_call(t, bound, NULL, 0, 0) : WF_NULL;
    if (bound)
        wf_value_decref(t, bound);
    wf_value list = r ? wf_list_new(t, 0) : WF_NULL;
    wf_value mro = list && wf_list_extend(t, list, r) == 0 ? wf_list_as_tuple(t, list) : WF_NULL;
    if (r)
        wf_value_decref(t, r);
    if (list)
        wf_value_decref(t, list);
    return mro;
}

/* The metaclass's mro() replaces the C3 order when it overrides type.mro, as CPython's
 * mro_invoke: the result must be a non-empty sequence of classes whose layouts the
 * class can have. Runs with tp_mro holding the C3 order, so the method can read the
 * class's attributes; the class is not yet ready (nothing else has seen it). */
static bool custom_mro(wf_thread *t, wf_type *tp)
{
    wf_type *meta = wf_type_of(wf_type_value(tp));
    if (meta == &wf_type_type)
        return true;
    wf_value name = name_cstr(t, "mro");
    wf_value f = wf_type_lookup_ref(t, meta, name);
    if (!f)
        return true;
    if (f == wf_type_lookup(t, &wf_type_type, name)) {
        wf_value_decref(t, f);
        return true;
    }
    wf_value mro = call_mro(t, tp, f);
    wf_value_decref(t, f);
    if (!mro)
        return false;
    bool ok = wf_tuple_size(mro) > 0;
    if (!ok)
        wf_err_set(t, &wf_exc_TypeError, "type MRO must not be empty");
    for (size_t i = 0; ok && i < wf_tuple_size(mro); i++)
        ok = check_mro_entry(t, tp, WF_TUPLE_ITEMS(mro)[i]);
    if (!ok) {
        wf_value_decref(t, mro);
        return false;
    }
    wf_value_decref(t, wf_from_object(tp->tp_mro));
    tp->tp_mro = wf_to_object(mro);
    return true;
}

/* Everything after allocation: namespace fixes, layout, slots, MRO. */
static bool heap_type_fill(wf_thread *t, wf_heap_type *ht, wf_type *base, wf_value bases)
{
    wf_type *tp = &ht->type;
    wf_value dict = wf_from_object(tp->tp_dict);
    if (!fix_namespace(t, ht, dict) || !set_layout(t, ht, base))
        return false;
    /* __doc__ defaults to None, after the layout's descriptors as in CPython's dict */
    wf_value doc = wf_dict_get_cstr(t, dict, "__doc__");
    if (doc)
        wf_value_decref(t, doc);
    else if (wf_err_occurred(t) || wf_dict_set_cstr(t, dict, "__doc__", WF_NONE) < 0)
        return false;
    wf_value mro = compute_mro(t, tp, bases);
    if (!mro)
        return false;
    tp->tp_mro = wf_to_object(mro);
    if (!custom_mro(t, tp))
        return false;
    if (!inherit_slots(tp, base))
        return false;
    if (base->tp_as_number)
        ht->as_number = *base->tp_as_number;
    if (base->tp_as_mapping)
        ht->as_mapping = *base->tp_as_mapping;
    tp->tp_as_number = &ht->as_number;
    tp->tp_as_mapping = &ht->as_mapping;
    tp->tp_dealloc = subtype_dealloc;
    update_all_slots(t, tp);
    return true;
}

static wf_value type_new_impl(wf_thread *t, wf_type *meta, wf_value name, wf_value bases,
                              wf_value dict, const wf_value *kwvalues, wf_value kwnames)
{
    if (!check_type_new_args(t, name, bases, dict) || !reject_mro_entries(t, bases))
        return WF_NULL;
    meta = calculate_meta(t, meta, bases);
    if (!meta)
        return WF_NULL;
    wf_value own_bases = wf_tuple_size(bases) ? wf_newref(t, bases)
                                              : wf_tuple_pack(t, 1, wf_type_value(&wf_object_type));
    if (!own_bases)
        return WF_NULL;
    wf_type *base = check_bases(t, own_bases) ? best_base(t, own_bases) : NULL;
    wf_heap_type *ht = base ? heap_type_alloc(t, meta, name, own_bases, base, dict) : NULL;
    bool ok = ht && heap_type_fill(t, ht, base, own_bases);
    wf_value_decref(t, own_bases);
    if (!ok) {
        if (ht)
            heap_type_discard(t, ht);
        return WF_NULL;
    }
    heap_type_immortalize(ht);
    wf_type *tp = &ht->type;
    /* its bases now have a subclass whose slots follow theirs (type_modified) */
    wf_value mro = wf_from_object(tp->tp_mro);
    for (size_t i = 1; i < wf_tuple_size(mro); i++) {
        wf_type *b = TYPE(WF_TUPLE_ITEMS(mro)[i]);
        if (is_heap(b))
            __atomic_fetch_or(&b->tp_flags, WF_TPFLAG_HAS_SUBCLASSES, __ATOMIC_RELAXED);
    }
    assign_version(tp);
    __atomic_fetch_and(&tp->tp_flags, ~WF_TPFLAG_READYING, __ATOMIC_RELAXED);
    __atomic_fetch_or(&tp->tp_flags, WF_TPFLAG_READY, __ATOMIC_RELEASE);
    if (!register_heap_type(tp))
        return wf_err_no_memory(t);
    if (!call_set_names(t, tp) || !call_init_subclass(t, tp, kwvalues, kwnames))
        return WF_NULL;
    return wf_type_value(tp);
}

wf_value wf_type_new(wf_thread *t, wf_value name, wf_value bases, wf_value dict)
{
    return type_new_impl(t, &wf_type_type, name, bases, dict, NULL, 0);
}

/* ---- Start-up --------------------------------------------------------------------------- */

void wf_types_init(wf_thread *t)
{
    WF_ASSERT(strcmp(slotdefs[SD_INIT].name, "__init__") == 0);
    WF_ASSERT(strcmp(slotdefs[SD_LT].name, "__lt__") == 0);
    WF_ASSERT(strcmp(slotdefs[SD_CONTAINS].name, "__contains__") == 0);
    WF_ASSERT(strcmp(slotdefs[SD_BINOP].name, "__add__") == 0);
    WF_ASSERT(NSLOTDEFS == SD_DEL + 1);
    WF_ASSERT(strcmp(slotdefs[SD_DEL].name, "__del__") == 0);
    for (size_t i = 0; i < NSLOTDEFS; i++)
        if (!slotdef_name(t, i))
            wf_err_fatal(t, "wf_types_init");
    /* the other parts' types too: readied here, before other threads run, so their
     * type objects are complete (ob_type included) from the start */
    wf_type *core[] = {
        &wf_object_type,
        &wf_type_type,
        &wf_none_type,
        &wf_notimplemented_type,
        &wf_ellipsis_type,
        &wf_bool_type,
        &wf_slot_wrapper_type,
        &wf_method_wrapper_type,
        &wf_member_descr_type,
        &wf_mappingproxy_type,
        &wf_builtin_function_type,
        &wf_method_descr_type,
        &wf_getset_descr_type,
        &wf_method_type,
        &wf_classmethod_type,
        &wf_staticmethod_type,
        &wf_property_type,
        &wf_super_type,
        &wf_union_type,
        &wf_int_type,
        &wf_float_type,
        &wf_complex_type,
        &wf_str_type,
        &wf_bytes_type,
        &wf_bytearray_type,
        &wf_memoryview_type,
        &wf_bytes_iterator_type,
        &wf_str_iterator_type,
        &wf_str_ascii_iterator_type,
    };
    for (size_t i = 0; i < sizeof core / sizeof core[0]; i++)
        if (!wf_type_ready(t, core[i]))
            wf_err_fatal(t, "wf_types_init");
    /* every container, view and iterator type: a type readied lazily would have its
     * flags written while other threads allocate instances of it */
    for (size_t i = 0; wf_container_types[i]; i++)
        if (!wf_type_ready(t, wf_container_types[i]))
            wf_err_fatal(t, "wf_types_init");
    for (size_t i = 0; wf_exception_types[i]; i++)
        if (!wf_type_ready(t, wf_exception_types[i]))
            wf_err_fatal(t, "wf_types_init");
}
