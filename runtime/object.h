/* The object header and biased reference counting.
 *
 * Header (32 bytes):
 *   ob_tid        id of the owning thread (wf_thread.tid); 0 once the counts are merged.
 *   ob_mutex      the object's wf_mutex (critical sections lock it).
 *   ob_gc_bits    WF_GC_* bits; set with atomic fetch_or by any thread.
 *   ob_flags      for tracked objects: slot of the tracked list holding them
 *                 (runtime/tracked.c); otherwise 0.
 *   ob_ref_local  the owner's count: only the owner writes it, with a relaxed load and a
 *                 relaxed store (no read-modify-write). WF_REF_IMMORTAL = not counted.
 *   ob_ref_shared every other thread's count, atomic: (count << 2) | state.
 *   ob_type       the type; written before the object is published, then read-only.
 *
 * The true reference count is ob_ref_local + (ob_ref_shared >> 2), minus one while the
 * object sits in its owner's merge queue (the queue holds the decrement that put it
 * there). Shared states:
 *   DEFAULT   counts are split between owner and others;
 *   WEAKREFS  like DEFAULT, but wf_try_incref may succeed on a shared count of zero;
 *   QUEUED    a non-owner's decrement took the shared count below zero: the object is
 *             on its owner's merge queue, further shared decrements go negative;
 *   MERGED    ob_ref_local is folded in and ob_tid is 0: every thread counts on
 *             ob_ref_shared and whoever takes it to zero frees the object.
 * Thread ids are never reused, so "owner" is never confused with a later thread. */
#ifndef WF_OBJECT_H
#define WF_OBJECT_H

#include <stdatomic.h>

#include "common.h"
#include "mutex.h"
#include "thread.h"
#include "value.h"

typedef struct wf_type wf_type;

typedef struct wf_object {
    _Atomic uintptr_t ob_tid;
    wf_mutex ob_mutex;
    _Atomic uint8_t ob_gc_bits;
    _Atomic uint16_t ob_flags;
    _Atomic uint32_t ob_ref_local;
    _Atomic intptr_t ob_ref_shared;
    wf_type *ob_type;
} wf_object;

_Static_assert(sizeof(wf_object) == 32, "object header is four words");

#define WF_REF_IMMORTAL     UINT32_MAX
#define WF_REF_SHARED_SHIFT 2
#define WF_REF_SHARED_ONE   ((intptr_t)1 << WF_REF_SHARED_SHIFT)
#define WF_REF_STATE_MASK   ((intptr_t)3)
#define WF_REF_DEFAULT      ((intptr_t)0)
#define WF_REF_WEAKREFS     ((intptr_t)1)
#define WF_REF_QUEUED       ((intptr_t)2)
#define WF_REF_MERGED       ((intptr_t)3)

/* ob_gc_bits */
#define WF_GC_TRACKED   (1u << 0) /* has a tracked pre-header (runtime/tracked.c) */
#define WF_GC_FINALIZED (1u << 1)
#define WF_GC_SHARED    (1u << 2) /* was visible to other threads: free through QSBR */
#define WF_GC_DEFERRED  (1u << 3)

/* ---- Type objects ------------------------------------------------------------------
 *
 * Every slot takes the thread first. A slot that can fail returns 0 (WF_NULL) or -1
 * with the exception set on t (runtime/error.h). NULL slots mean "not supported" and
 * the abstract operations (runtime/abstract.h) raise CPython's TypeError for them.
 * Built-in types are static and immortal; wf_type_ready fills in their dict and MRO.
 * Classes made by `class` statements are heap types (runtime/type.c) whose slots call
 * the class's dunder methods. */
typedef void (*wf_dealloc_fn)(wf_thread *t, wf_object *o);
typedef wf_value (*wf_unary_fn)(wf_thread *t, wf_value self);
typedef wf_value (*wf_binary_fn)(wf_thread *t, wf_value a, wf_value b);
typedef wf_value (*wf_ternary_fn)(wf_thread *t, wf_value a, wf_value b, wf_value c);
/* The vector call: args[0..nargs) positional, then one value per name in kwnames (a
 * tuple of str, or 0 when there are no keywords). Nothing else is built for a call. */
typedef wf_value (*wf_vector_fn)(wf_thread *t, wf_value callable, const wf_value *args,
                                 size_t nargs, wf_value kwnames);
/* A method of a built-in type: self, then a vector call. */
typedef wf_value (*wf_method_fn)(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                 wf_value kwnames);
typedef wf_value (*wf_new_fn)(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                              wf_value kwnames);
typedef int (*wf_init_fn)(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kwnames);
typedef int64_t (*wf_hash_fn)(wf_thread *t, wf_value self); /* -1 = error */
typedef int64_t (*wf_len_fn)(wf_thread *t, wf_value self);  /* -1 = error */
typedef int (*wf_inquiry_fn)(wf_thread *t, wf_value self);  /* 1, 0, or -1 = error */
typedef int (*wf_contains_fn)(wf_thread *t, wf_value self, wf_value item);
/* value 0 deletes */
typedef int (*wf_setitem_fn)(wf_thread *t, wf_value self, wf_value key, wf_value value);
typedef int (*wf_setattr_fn)(wf_thread *t, wf_value self, wf_value name, wf_value value);
typedef wf_value (*wf_richcmp_fn)(wf_thread *t, wf_value a, wf_value b, int op);
typedef wf_value (*wf_descr_get_fn)(wf_thread *t, wf_value descr, wf_value obj, wf_value type);
typedef int (*wf_descr_set_fn)(wf_thread *t, wf_value descr, wf_value obj, wf_value value);

/* Comparison operators, in CPython's order (Py_LT...). */
enum wf_cmp_op { WF_CMP_LT, WF_CMP_LE, WF_CMP_EQ, WF_CMP_NE, WF_CMP_GT, WF_CMP_GE };

/* Binary operators, in CPython's order (NB_ADD...); the in-place forms are
 * WF_NB_INPLACE + op. (The AST's operator enum is a different one: interp/ast.h.) */
enum wf_nb_op {
    WF_NB_ADD,
    WF_NB_AND,
    WF_NB_FLOOR_DIVIDE,
    WF_NB_LSHIFT,
    WF_NB_MATRIX_MULTIPLY,
    WF_NB_MULTIPLY,
    WF_NB_REMAINDER,
    WF_NB_OR,
    WF_NB_POWER,
    WF_NB_RSHIFT,
    WF_NB_SUBTRACT,
    WF_NB_TRUE_DIVIDE,
    WF_NB_XOR,
    WF_NB_COUNT,
    WF_NB_INPLACE = WF_NB_COUNT,
};

/* Number protocol. binop[op](a, b) is called for a op b when either operand has this
 * type (as CPython's nb_ slots): it checks both operands and returns
 * WF_NOTIMPLEMENTED for a combination it does not handle. inplace[op] is optional. */
typedef struct wf_number_methods {
    wf_binary_fn binop[WF_NB_COUNT];
    wf_binary_fn inplace[WF_NB_COUNT];
    wf_ternary_fn power3; /* pow(a, b, m) */
    wf_unary_fn negative, positive, absolute, invert;
    wf_inquiry_fn truth;  /* bool(x) */
    wf_unary_fn to_int;   /* int(x) */
    wf_unary_fn to_float; /* float(x) */
    wf_unary_fn index;    /* operator.index(x): an int */
} wf_number_methods;

/* Sequence and mapping protocol (one table: Python's data model has one __getitem__). */
typedef struct wf_mapping_methods {
    wf_len_fn length;
    wf_binary_fn getitem; /* self[key] */
    wf_setitem_fn setitem;
    wf_contains_fn contains; /* item in self */
} wf_mapping_methods;

/* A method of a built-in type, exposed in its dict as a method descriptor. */
#define WF_METH_CLASS  (1u << 0) /* classmethod: self is the type */
#define WF_METH_STATIC (1u << 1)
typedef struct wf_method_def {
    const char *name;
    wf_method_fn fn;
    unsigned flags;
} wf_method_def;

/* A computed attribute of a built-in type (a getset descriptor). set may be NULL. */
typedef struct wf_getset_def {
    const char *name;
    wf_unary_fn get;
    int (*set)(wf_thread *t, wf_value self, wf_value value); /* value 0 deletes */
} wf_getset_def;

struct wf_type {
    wf_object ob_base;
    const char *tp_name; /* "int", "list"; qualified for heap types' __qualname__ */
    size_t tp_basicsize;
    unsigned tp_flags;        /* WF_TPFLAG_* */
    wf_dealloc_fn tp_dealloc; /* finalizes o, then calls wf_object_free */

    wf_type *tp_base;            /* the first base (object has none) */
    wf_object *tp_bases;         /* tuple of the bases */
    wf_object *tp_mro;           /* tuple: the type, then its method resolution order */
    wf_object *tp_dict;          /* dict; built by wf_type_ready for static types */
    ptrdiff_t tp_dictoffset;     /* where an instance keeps its __dict__ (0: none) */
    _Atomic uint32_t tp_version; /* bumped on any change of the type or a base */

    wf_unary_fn tp_repr;
    wf_unary_fn tp_str; /* NULL: repr */
    wf_hash_fn tp_hash; /* NULL: unhashable */
    wf_richcmp_fn tp_richcompare;
    wf_binary_fn tp_getattr;  /* (self, name str); NULL: wf_generic_getattr */
    wf_setattr_fn tp_setattr; /* NULL: wf_generic_setattr */
    wf_vector_fn tp_call;
    wf_unary_fn tp_iter;
    wf_unary_fn tp_iternext; /* 0 without an exception set: exhausted */
    wf_descr_get_fn tp_descr_get;
    wf_descr_set_fn tp_descr_set;
    wf_new_fn tp_new;
    wf_init_fn tp_init;
    const wf_number_methods *tp_as_number;
    const wf_mapping_methods *tp_as_mapping;
    const wf_method_def *tp_methods; /* ends with a {NULL} entry */
    const wf_getset_def *tp_getset;  /* ends with a {NULL} entry */
    const char *tp_doc;
};
#define WF_TPFLAG_TRACKED  (1u << 0) /* instances carry the tracked pre-header */
#define WF_TPFLAG_HEAPTYPE (1u << 1) /* made by a class statement or type() */
#define WF_TPFLAG_BASETYPE (1u << 2) /* may be subclassed */
#define WF_TPFLAG_READY    (1u << 3) /* wf_type_ready has run */
/* Fast subclass checks, as CPython's Py_TPFLAGS_*_SUBCLASS */
#define WF_TPFLAG_INT_SUBCLASS   (1u << 8)
#define WF_TPFLAG_STR_SUBCLASS   (1u << 9)
#define WF_TPFLAG_TUPLE_SUBCLASS (1u << 10)
#define WF_TPFLAG_LIST_SUBCLASS  (1u << 11)
#define WF_TPFLAG_DICT_SUBCLASS  (1u << 12)
#define WF_TPFLAG_EXC_SUBCLASS   (1u << 13) /* BaseException */
#define WF_TPFLAG_TYPE_SUBCLASS  (1u << 14)

/* ---- Slow paths (runtime/refcount.c) ----------------------------------------------- */

void wf_refcount_merge_zero_local(wf_thread *t, wf_object *o);
void wf_refcount_decref_shared(wf_thread *t, wf_object *o);
intptr_t wf_refcount_merge(wf_object *o, intptr_t extra);
void wf_object_set_immortal(wf_object *o);
void wf_object_enable_try_incref(wf_object *o);
intptr_t wf_refcount_total(wf_object *o);

/* Deallocation nests when a dying container drops the last reference to another (a
 * list of a list of ...). Past WF_DEALLOC_MAX_DEPTH nested deaths the object waits on
 * the thread's dealloc_later list and the outermost wf_dealloc frees it, so a long
 * chain costs a bounded C stack (CPython's "trashcan"). */
#define WF_DEALLOC_MAX_DEPTH 50
void wf_dealloc_defer(wf_thread *t, wf_object *o);
void wf_dealloc_drain(wf_thread *t);

static inline void wf_dealloc(wf_thread *t, wf_object *o)
{
    if (WF_UNLIKELY(t->dealloc_depth >= WF_DEALLOC_MAX_DEPTH)) {
        wf_dealloc_defer(t, o);
        return;
    }
    t->dealloc_depth++;
    o->ob_type->tp_dealloc(t, o);
    t->dealloc_depth--;
    if (WF_UNLIKELY(t->dealloc_later != NULL) && t->dealloc_depth == 0)
        wf_dealloc_drain(t);
}

/* ---- Fast paths --------------------------------------------------------------------- */

static inline bool wf_is_immortal(wf_object *o)
{
    return atomic_load_explicit(&o->ob_ref_local, memory_order_relaxed) == WF_REF_IMMORTAL;
}

/* True if t owns o. relaxed: ob_tid changes only from the owner's id to 0, and no other
 * thread's id can ever equal it, so a stale read gives the right answer. */
static inline bool wf_is_owner(wf_thread *t, wf_object *o)
{
    return atomic_load_explicit(&o->ob_tid, memory_order_relaxed) == t->tid;
}

/* New reference. The owner's path is a plain load and store (relaxed atomics so TSan
 * accepts other threads reading the count); a count that reaches UINT32_MAX makes the
 * object immortal, as in CPython. */
static inline void wf_incref(wf_thread *t, wf_object *o)
{
    uint32_t local = atomic_load_explicit(&o->ob_ref_local, memory_order_relaxed);
    if (local == WF_REF_IMMORTAL)
        return;
    if (WF_LIKELY(wf_is_owner(t, o)))
        atomic_store_explicit(&o->ob_ref_local, local + 1, memory_order_relaxed);
    else
        atomic_fetch_add_explicit(&o->ob_ref_shared, WF_REF_SHARED_ONE, memory_order_relaxed);
}

static inline void wf_decref(wf_thread *t, wf_object *o)
{
    uint32_t local = atomic_load_explicit(&o->ob_ref_local, memory_order_relaxed);
    if (local == WF_REF_IMMORTAL)
        return;
    if (WF_LIKELY(wf_is_owner(t, o))) {
        WF_ASSERT(local > 0);
        local--;
        atomic_store_explicit(&o->ob_ref_local, local, memory_order_relaxed);
        if (WF_UNLIKELY(local == 0))
            wf_refcount_merge_zero_local(t, o);
    } else {
        wf_refcount_decref_shared(t, o);
    }
}

/* Conditional incref for lock-free readers: succeeds unless the object may already be
 * on its way to being freed. The caller re-checks that the slot it loaded o from still
 * holds o (and drops the reference if not); on failure it takes the locked path. The
 * memory read here must stay valid: such objects are freed through QSBR. */
static inline bool wf_try_incref(wf_thread *t, wf_object *o)
{
    uint32_t local = atomic_load_explicit(&o->ob_ref_local, memory_order_relaxed);
    if (local == WF_REF_IMMORTAL)
        return true;
    if (wf_is_owner(t, o)) {
        atomic_store_explicit(&o->ob_ref_local, local + 1, memory_order_relaxed);
        return true;
    }
    intptr_t shared = atomic_load_explicit(&o->ob_ref_shared, memory_order_relaxed);
    for (;;) {
        /* shared == 0: the owner frees without a CAS when its count ends, so we cannot
         * race it; MERGED with count 0: already being freed. */
        if (shared == WF_REF_DEFAULT || shared == WF_REF_MERGED)
            return false;
        if (atomic_compare_exchange_weak_explicit(&o->ob_ref_shared, &shared,
                                                  shared + WF_REF_SHARED_ONE, memory_order_relaxed,
                                                  memory_order_relaxed))
            return true;
    }
}

static inline void wf_value_incref(wf_thread *t, wf_value v)
{
    if (wf_is_object(v))
        wf_incref(t, wf_to_object(v));
}

static inline void wf_value_decref(wf_thread *t, wf_value v)
{
    if (wf_is_object(v))
        wf_decref(t, wf_to_object(v));
}

static inline void wf_object_mark_shared(wf_object *o)
{
    if (!(atomic_load_explicit(&o->ob_gc_bits, memory_order_relaxed) & WF_GC_SHARED))
        atomic_fetch_or_explicit(&o->ob_gc_bits, WF_GC_SHARED, memory_order_relaxed);
}

#endif
