/* list: the mutable sequence (runtime/list.h).
 *
 * Layout. A list points to an items block (capacity, then the slots). `size` and
 * the block pointer are atomics: writers change them only inside a critical section on
 * the list; readers of one item (wf_list_get, iteration, `in`) read without the lock:
 *
 *   block = load(items, acquire); n = load(size, acquire); v = load(slot i, acquire);
 *   try_incref(v); re-check that the slot and the block are unchanged;
 *
 * falling back to the locked path on any doubt. That is safe only while what the
 * reader may still hold stays readable, so once a list is "shared" (a thread other than
 * its owner has used it: WF_GC_SHARED on the list, set under its lock) its replaced
 * items blocks are freed through QSBR, and every item stored in it is marked shared
 * too (its memory is then also freed through QSBR) and accepts wf_try_incref from
 * other threads. A thread other than the owner always takes the locked path until
 * the list is shared, and taking the lock shares it.
 *
 * Growth follows CPython's list_resize (over-allocate by about 1/8), so capacity and
 * amortized costs match.
 *
 * This file also holds the per-thread repr guard and the repr buffer that the other
 * containers share (list.h). */
#include "list.h"

#include <inttypes.h>
#include <string.h>

#include "abstract.h"
#include "alloc.h"
#include "callable.h"
#include "critical_section.h"
#include "dict.h"
#include "error.h"
#include "generic_alias.h"
#include "exceptions.h"
#include "iterators.h"
#include "qsbr.h"
#include "range.h"
#include "set.h"
#include "singletons.h"
#include "slice.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

typedef struct list_items {
    size_t capacity;
    _Atomic wf_value slots[];
} list_items;

typedef struct wf_list_object {
    wf_object ob;
    _Atomic int64_t size;        /* written under the lock (release), read anywhere */
    _Atomic(list_items *) items; /* NULL when capacity is 0; replaced under the lock */
} wf_list_object;

static inline wf_list_object *as_list(wf_value v)
{
    return (wf_list_object *)wf_to_object(v);
}

bool wf_list_check(wf_value v)
{
    return wf_is_object(v) && (wf_to_object(v)->ob_type->tp_flags & WF_TPFLAG_LIST_SUBCLASS);
}

int64_t wf_list_size(wf_value list)
{
    /* acquire pairs with the release store in set_size: a reader that sees size n sees
     * the items stored below n */
    return atomic_load_explicit(&as_list(list)->size, memory_order_acquire);
}

/* ---- Locked-side helpers (the caller holds the list's critical section) -------------- */

static inline list_items *get_items(wf_list_object *l)
{
    return atomic_load_explicit(&l->items, memory_order_relaxed); /* we hold the lock */
}

static inline wf_value slot_get(list_items *b, int64_t i)
{
    return atomic_load_explicit(&b->slots[i], memory_order_relaxed);
}

/* Store an owned reference into a slot. release: a lock-free reader that loads the
 * value (acquire) sees the object's initialized contents and its shared marking. */
static inline void slot_set(wf_list_object *l, list_items *b, int64_t i, wf_value v)
{
    if (wf_is_object(v) &&
        (atomic_load_explicit(&l->ob.ob_gc_bits, memory_order_relaxed) & WF_GC_SHARED)) {
        wf_object_mark_shared(wf_to_object(v));
        wf_object_enable_try_incref(wf_to_object(v));
    }
    atomic_store_explicit(&b->slots[i], v, memory_order_release);
}

static inline void set_size(wf_list_object *l, int64_t n)
{
    atomic_store_explicit(&l->size, n, memory_order_release); /* pairs with wf_list_size */
}

static bool list_is_shared(wf_list_object *l)
{
    return atomic_load_explicit(&l->ob.ob_gc_bits, memory_order_acquire) & WF_GC_SHARED;
}

/* Share the list: from now on readers on other threads go lock-free, so every item
 * must accept try_incref and be freed through QSBR. Caller holds the lock. */
static void list_share(wf_list_object *l)
{
    if (list_is_shared(l))
        return;
    list_items *b = get_items(l);
    int64_t n = atomic_load_explicit(&l->size, memory_order_relaxed);
    for (int64_t i = 0; i < n; i++) {
        wf_value v = slot_get(b, i);
        if (wf_is_object(v)) {
            wf_object_mark_shared(wf_to_object(v));
            wf_object_enable_try_incref(wf_to_object(v));
        }
    }
    /* release: pairs with list_is_shared's acquire in lock-free readers */
    atomic_fetch_or_explicit(&l->ob.ob_gc_bits, WF_GC_SHARED, memory_order_release);
}

/* Entering the lock from a thread other than the owner shares the list. */
static inline void note_access(wf_thread *t, wf_list_object *l)
{
    if (!wf_is_owner(t, &l->ob))
        list_share(l);
}

static void items_free(wf_thread *t, wf_list_object *l, list_items *b)
{
    if (!b)
        return;
    if (list_is_shared(l))
        wf_qsbr_free(t, b); /* a lock-free reader may still be reading it */
    else
        wf_mem_free(b);
}

/* Make room for newsize items (CPython's list_resize over-allocation); size is set by
 * the caller. -1 with MemoryError. */
static int list_reserve(wf_thread *t, wf_list_object *l, int64_t newsize)
{
    list_items *b = get_items(l);
    size_t cap = b ? b->capacity : 0;
    if ((size_t)newsize <= cap && (size_t)newsize >= (cap >> 1))
        return 0;
    size_t newcap = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    if (newsize - atomic_load_explicit(&l->size, memory_order_relaxed) >
        (int64_t)(newcap - newsize))
        newcap = ((size_t)newsize + 3) & ~(size_t)3;
    if (newsize == 0)
        newcap = 0;
    if (newcap > ((size_t)1 << 58)) {
        wf_err_no_memory(t);
        return -1;
    }
    list_items *nb = NULL;
    if (newcap) {
        nb = wf_mem_alloc(t, sizeof(list_items) + newcap * sizeof(wf_value));
        if (!nb) {
            wf_err_no_memory(t);
            return -1;
        }
        nb->capacity = newcap;
        int64_t n = atomic_load_explicit(&l->size, memory_order_relaxed);
        int64_t keep = n < newsize ? n : newsize;
        for (int64_t i = 0; i < keep; i++)
            atomic_store_explicit(&nb->slots[i], slot_get(b, i), memory_order_relaxed);
        for (size_t i = (size_t)keep; i < newcap; i++)
            atomic_store_explicit(&nb->slots[i], 0, memory_order_relaxed);
    }
    /* release: readers that load the new block (acquire) see its slots */
    atomic_store_explicit(&l->items, nb, memory_order_release);
    items_free(t, l, b);
    return 0;
}

/* Append an owned reference. Caller holds the lock. */
static int list_append_locked(wf_thread *t, wf_list_object *l, wf_value v)
{
    int64_t n = atomic_load_explicit(&l->size, memory_order_relaxed);
    if (list_reserve(t, l, n + 1) < 0) {
        wf_value_decref(t, v);
        return -1;
    }
    slot_set(l, get_items(l), n, v);
    set_size(l, n + 1);
    return 0;
}

/* ---- Construction -------------------------------------------------------------------- */

static wf_list_object *list_alloc(wf_thread *t, wf_type *type)
{
    size_t size =
        type->tp_basicsize > sizeof(wf_list_object) ? type->tp_basicsize : sizeof(wf_list_object);
    wf_list_object *l = (wf_list_object *)wf_object_alloc(t, type, size);
    if (!l) {
        wf_err_no_memory(t);
        return NULL;
    }
    atomic_init(&l->size, 0);
    atomic_init(&l->items, NULL);
    return l;
}

wf_value wf_list_new(wf_thread *t, size_t capacity)
{
    wf_list_object *l = list_alloc(t, &wf_list_type);
    if (!l)
        return WF_NULL;
    if (capacity) {
        list_items *b = wf_mem_alloc(t, sizeof(list_items) + capacity * sizeof(wf_value));
        if (!b) {
            wf_object_free(t, &l->ob);
            return wf_err_no_memory(t);
        }
        b->capacity = capacity;
        for (size_t i = 0; i < capacity; i++)
            atomic_init(&b->slots[i], 0);
        atomic_init(&l->items, b);
    }
    return wf_from_object(&l->ob);
}

wf_value wf_list_from_array(wf_thread *t, const wf_value *items, size_t n)
{
    wf_value r = wf_list_new(t, n);
    if (!r)
        return WF_NULL;
    list_items *b = get_items(as_list(r));
    for (size_t i = 0; i < n; i++)
        atomic_init(&b->slots[i], wf_newref(t, items[i]));
    atomic_init(&as_list(r)->size, (int64_t)n); /* not yet visible to anyone */
    return r;
}

static void list_dealloc(wf_thread *t, wf_object *o)
{
    wf_list_object *l = (wf_list_object *)o;
    list_items *b = get_items(l);
    int64_t n = atomic_load_explicit(&l->size, memory_order_relaxed);
    for (int64_t i = 0; i < n; i++)
        wf_value_decref(t, slot_get(b, i));
    items_free(t, l, b);
    wf_object_free(t, o);
}

/* ---- Reads --------------------------------------------------------------------------- */

/* list[i] under the lock; 0 without an exception when i is out of range. */
static wf_value list_get_locked(wf_thread *t, wf_list_object *l, int64_t i)
{
    wf_value v = WF_NULL;
    WF_BEGIN_CRITICAL_SECTION(t, &l->ob);
    note_access(t, l);
    if (i >= 0 && i < atomic_load_explicit(&l->size, memory_order_relaxed))
        v = wf_newref(t, slot_get(get_items(l), i));
    WF_END_CRITICAL_SECTION(t);
    return v;
}

/* list[i] without the lock when the protocol allows; 0 without an exception when i
 * is out of range. */
static wf_value list_get_opt(wf_thread *t, wf_list_object *l, int64_t i)
{
    if (!wf_is_owner(t, &l->ob) && !list_is_shared(l))
        return list_get_locked(t, l, i);
    list_items *b = atomic_load_explicit(&l->items, memory_order_acquire);
    int64_t n = atomic_load_explicit(&l->size, memory_order_acquire);
    if (i < 0 || i >= n)
        return WF_NULL;
    if (!b || (size_t)i >= b->capacity)
        return list_get_locked(t, l, i); /* size and block from different moments */
    wf_value v = atomic_load_explicit(&b->slots[i], memory_order_acquire);
    if (!v)
        return list_get_locked(t, l, i);
    if (wf_is_object(v)) {
        wf_object *o = wf_to_object(v);
        if (!wf_try_incref(t, o))
            return list_get_locked(t, l, i);
        if (atomic_load_explicit(&b->slots[i], memory_order_acquire) != v ||
            atomic_load_explicit(&l->items, memory_order_acquire) != b) {
            wf_decref(t, o);
            return list_get_locked(t, l, i);
        }
    }
    return v;
}

wf_value wf_list_get(wf_thread *t, wf_value list, int64_t i)
{
    wf_value v = list_get_opt(t, as_list(list), i);
    if (!v)
        return wf_err_set(t, &wf_exc_IndexError, "list index out of range");
    return v;
}

wf_value wf_list_as_tuple(wf_thread *t, wf_value list)
{
    wf_list_object *l = as_list(list);
    wf_value r;
    WF_BEGIN_CRITICAL_SECTION(t, &l->ob);
    note_access(t, l);
    int64_t n = atomic_load_explicit(&l->size, memory_order_relaxed);
    r = wf_tuple_new(t, (size_t)n);
    if (r) {
        list_items *b = get_items(l);
        for (int64_t i = 0; i < n; i++)
            WF_TUPLE_ITEMS(r)[i] = wf_newref(t, slot_get(b, i));
    }
    WF_END_CRITICAL_SECTION(t);
    return r;
}

wf_value wf_list_slice(wf_thread *t, wf_value list, int64_t lo, int64_t hi)
{
    wf_list_object *l = as_list(list);
    wf_value r = WF_NULL;
    WF_BEGIN_CRITICAL_SECTION(t, &l->ob);
    note_access(t, l);
    int64_t n = atomic_load_explicit(&l->size, memory_order_relaxed);
    if (hi > n)
        hi = n;
    if (lo > hi)
        lo = hi;
    r = wf_list_new(t, (size_t)(hi - lo));
    if (r) {
        list_items *src = get_items(l), *dst = get_items(as_list(r));
        for (int64_t i = lo; i < hi; i++)
            atomic_init(&dst->slots[i - lo], wf_newref(t, slot_get(src, i)));
        atomic_init(&as_list(r)->size, hi - lo);
    }
    WF_END_CRITICAL_SECTION(t);
    return r;
}

/* ---- Writes ----------------------------------------------------------------------------- */

int wf_list_append(wf_thread *t, wf_value list, wf_value item)
{
    wf_list_object *l = as_list(list);
    int r;
    WF_BEGIN_CRITICAL_SECTION(t, &l->ob);
    note_access(t, l);
    r = list_append_locked(t, l, wf_newref(t, item));
    WF_END_CRITICAL_SECTION(t);
    return r;
}

int wf_list_set(wf_thread *t, wf_value list, int64_t i, wf_value item)
{
    wf_list_object *l = as_list(list);
    wf_value old = WF_NULL;
    WF_BEGIN_CRITICAL_SECTION(t, &l->ob);
    note_access(t, l);
    if (i >= 0 && i < atomic_load_explicit(&l->size, memory_order_relaxed)) {
        list_items *b = get_items(l);
        old = slot_get(b, i);
        slot_set(l, b, i, wf_newref(t, item));
    }
    WF_END_CRITICAL_SECTION(t);
    if (!old) {
        wf_err_set(t, &wf_exc_IndexError, "list assignment index out of range");
        return -1;
    }
    wf_value_decref(t, old); /* outside the lock: its finalizer may use the list */
    return 0;
}

/* Replace list[lo:hi] by the n values of `items` (borrowed; copied first by the
 * caller if they could alias the list). The removed references are handed back in
 * *removed (a wf_mem_alloc'd array the caller drops outside the lock). */
static int list_replace_locked(wf_thread *t, wf_list_object *l, int64_t lo, int64_t hi,
                               const wf_value *items, int64_t n, wf_value **removed,
                               int64_t *nremoved)
{
    int64_t size = atomic_load_explicit(&l->size, memory_order_relaxed);
    if (lo < 0)
        lo = 0;
    if (lo > size)
        lo = size;
    if (hi < lo)
        hi = lo;
    if (hi > size)
        hi = size;
    int64_t d = n - (hi - lo);
    *nremoved = hi - lo;
    *removed = NULL;
    if (hi > lo) {
        *removed = wf_mem_alloc(t, (size_t)(hi - lo) * sizeof(wf_value));
        if (!*removed) {
            wf_err_no_memory(t);
            return -1;
        }
        for (int64_t i = lo; i < hi; i++)
            (*removed)[i - lo] = slot_get(get_items(l), i);
    }
    if (d > 0 && list_reserve(t, l, size + d) < 0) {
        wf_mem_free(*removed);
        *removed = NULL;
        *nremoved = 0;
        return -1;
    }
    list_items *b = get_items(l);
    if (d < 0) { /* move the tail left */
        for (int64_t i = hi; i < size; i++)
            atomic_store_explicit(&b->slots[i + d], slot_get(b, i), memory_order_release);
        for (int64_t i = size + d; i < size; i++)
            atomic_store_explicit(&b->slots[i], 0, memory_order_release);
        set_size(l, size + d);
    } else if (d > 0) { /* move the tail right */
        for (int64_t i = size - 1; i >= hi; i--)
            atomic_store_explicit(&b->slots[i + d], slot_get(b, i), memory_order_release);
        set_size(l, size + d);
    }
    for (int64_t i = 0; i < n; i++)
        slot_set(l, b, lo + i, wf_newref(t, items[i]));
    if (d < 0 && list_reserve(t, l, size + d) < 0)
        wf_err_clear(t); /* shrinking failed: the larger block simply stays */
    return 0;
}

static void drop_array(wf_thread *t, wf_value *a, int64_t n)
{
    for (int64_t i = 0; i < n; i++)
        wf_value_decref(t, a[i]);
    wf_mem_free(a);
}

/* list[lo:hi] = items (a snapshot array), one critical section. */
static int list_replace(wf_thread *t, wf_list_object *l, int64_t lo, int64_t hi,
                        const wf_value *items, int64_t n)
{
    wf_value *removed = NULL;
    int64_t nremoved = 0;
    int r;
    WF_BEGIN_CRITICAL_SECTION(t, &l->ob);
    note_access(t, l);
    r = list_replace_locked(t, l, lo, hi, items, n, &removed, &nremoved);
    WF_END_CRITICAL_SECTION(t);
    drop_array(t, removed, nremoved);
    return r;
}

/* A snapshot of any iterable as a tuple (the list's own items when it is a list). */
static wf_value as_snapshot(wf_thread *t, wf_value iterable)
{
    /* exact types only, as CPython's PySequence_Fast: a subclass's __iter__ counts */
    wf_type *tp = wf_type_of(iterable);
    if (tp == &wf_tuple_type)
        return wf_newref(t, iterable);
    if (tp == &wf_list_type)
        return wf_list_as_tuple(t, iterable);
    wf_value l = wf_list_new(t, 0);
    if (!l)
        return WF_NULL;
    if (wf_list_extend(t, l, iterable) < 0) {
        wf_value_decref(t, l);
        return WF_NULL;
    }
    wf_value r = wf_list_as_tuple(t, l);
    wf_value_decref(t, l);
    return r;
}

int wf_list_extend(wf_thread *t, wf_value list, wf_value iterable)
{
    wf_list_object *l = as_list(list);
    /* exact types only: a subclass may override __iter__, which CPython then calls */
    wf_type *it_type = wf_type_of(iterable);
    if (it_type == &wf_list_type || it_type == &wf_tuple_type || iterable == list) {
        wf_value snap = as_snapshot(t, iterable); /* l.extend(l) reads l first */
        if (!snap)
            return -1;
        int64_t n = (int64_t)wf_tuple_size(snap);
        int64_t end = INT64_MAX;
        int r = list_replace(t, l, end, end, WF_TUPLE_ITEMS(snap), n);
        wf_value_decref(t, snap);
        return r;
    }
    wf_value it = wf_iter(t, iterable);
    if (!it)
        return -1;
    wf_value v;
    int r = 0;
    while ((v = wf_iter_next(t, it))) {
        r = wf_list_append(t, list, v);
        wf_value_decref(t, v);
        if (r < 0)
            break;
    }
    wf_value_decref(t, it);
    return r < 0 || wf_err_occurred(t) ? -1 : 0;
}

/* ---- Sequence slots ----------------------------------------------------------------------- */

static int64_t list_length(wf_thread *t, wf_value self)
{
    (void)t;
    return wf_list_size(self);
}

/* `item in list`: each slot read lock-free, compared outside any lock. */
static int list_contains(wf_thread *t, wf_value self, wf_value item)
{
    wf_list_object *l = as_list(self);
    wf_value v;
    for (int64_t i = 0; (v = list_get_opt(t, l, i)); i++) {
        int r = wf_richcompare_bool(t, v, item, WF_CMP_EQ);
        wf_value_decref(t, v);
        if (r != 0)
            return r;
    }
    return 0;
}

/* list[start:stop:step] for a step other than 1, under the lock. */
static wf_value list_extended_slice(wf_thread *t, wf_list_object *l, wf_value key)
{
    int64_t start, stop, step;
    if (wf_slice_unpack(t, key, &start, &stop, &step) < 0)
        return WF_NULL;
    wf_value r = WF_NULL;
    WF_BEGIN_CRITICAL_SECTION(t, &l->ob);
    note_access(t, l);
    int64_t n =
        wf_slice_adjust(atomic_load_explicit(&l->size, memory_order_relaxed), &start, &stop, step);
    if (step == 1) {
        r = wf_list_slice(t, wf_from_object(&l->ob), start, stop);
    } else if ((r = wf_list_new(t, (size_t)n))) {
        list_items *src = get_items(l), *dst = get_items(as_list(r));
        for (int64_t i = 0, j = start; i < n; i++, j += step)
            atomic_init(&dst->slots[i], wf_newref(t, slot_get(src, j)));
        atomic_init(&as_list(r)->size, n);
    }
    WF_END_CRITICAL_SECTION(t);
    return r;
}

static wf_value list_getitem(wf_thread *t, wf_value self, wf_value key)
{
    if (wf_is_index(key)) {
        int64_t i;
        if (wf_is_smallint(key)) {
            i = wf_smallint_unbox(key);
        } else if ((i = wf_as_ssize(t, key)) == -1 && wf_err_occurred(t)) {
            return WF_NULL;
        }
        if (i < 0)
            i += wf_list_size(self);
        return wf_list_get(t, self, i);
    }
    if (wf_slice_check(key))
        return list_extended_slice(t, as_list(self), key);
    return wf_seq_index_type_error(t, "list", key);
}

/* del list[slice] for any step, one critical section. */
static int list_del_slice(wf_thread *t, wf_list_object *l, wf_value key)
{
    int64_t start, stop, step;
    if (wf_slice_unpack(t, key, &start, &stop, &step) < 0)
        return -1;
    wf_value *removed = NULL;
    int64_t nremoved = 0;
    int r = 0;
    WF_BEGIN_CRITICAL_SECTION(t, &l->ob);
    note_access(t, l);
    int64_t size = atomic_load_explicit(&l->size, memory_order_relaxed);
    int64_t n = wf_slice_adjust(size, &start, &stop, step);
    if (step == 1 || n == 0) {
        r = list_replace_locked(t, l, start, start + n, NULL, 0, &removed, &nremoved);
    } else {
        if (step < 0) { /* walk the same items upwards */
            start = start + step * (n - 1);
            step = -step;
        }
        removed = wf_mem_alloc(t, (size_t)n * sizeof(wf_value));
        if (!removed) {
            wf_err_no_memory(t);
            r = -1;
        } else {
            list_items *b = get_items(l);
            int64_t out = start;
            for (int64_t i = start; i < size; i++) {
                bool gone = i >= start && (i - start) % step == 0 && (i - start) / step < n;
                if (gone)
                    removed[nremoved++] = slot_get(b, i);
                else
                    atomic_store_explicit(&b->slots[out++], slot_get(b, i), memory_order_release);
            }
            for (int64_t i = out; i < size; i++)
                atomic_store_explicit(&b->slots[i], 0, memory_order_release);
            set_size(l, out);
        }
    }
    WF_END_CRITICAL_SECTION(t);
    drop_array(t, removed, nremoved);
    return r;
}

/* list[slice] = iterable. An extended slice needs exactly as many items as it selects. */
static int list_set_slice(wf_thread *t, wf_list_object *l, wf_value key, wf_value value)
{
    int64_t start, stop, step;
    if (wf_slice_unpack(t, key, &start, &stop, &step) < 0)
        return -1;
    if (step != 1) {
        wf_value probe = wf_iter(t, value);
        if (!probe) {
            if (wf_err_matches(t, &wf_exc_TypeError))
                wf_err_set(t, &wf_exc_TypeError, "must assign iterable to extended slice");
            return -1;
        }
        wf_value_decref(t, probe);
    }
    wf_value snap = as_snapshot(t, value);
    if (!snap) {
        if (step == 1 && wf_err_matches(t, &wf_exc_TypeError))
            wf_err_set(t, &wf_exc_TypeError, "can only assign an iterable");
        return -1;
    }
    int64_t m = (int64_t)wf_tuple_size(snap);
    wf_value *removed = NULL;
    int64_t nremoved = 0;
    int r = 0;
    WF_BEGIN_CRITICAL_SECTION(t, &l->ob);
    note_access(t, l);
    int64_t n =
        wf_slice_adjust(atomic_load_explicit(&l->size, memory_order_relaxed), &start, &stop, step);
    if (step == 1) {
        if (stop < start)
            stop = start;
        r = list_replace_locked(t, l, start, stop, WF_TUPLE_ITEMS(snap), m, &removed, &nremoved);
    } else if (m != n) {
        wf_err_set(t, &wf_exc_ValueError,
                   "attempt to assign sequence of size %" PRId64
                   " to extended slice of size %" PRId64,
                   m, n);
        r = -1;
    } else if (n > 0 && !(removed = wf_mem_alloc(t, (size_t)n * sizeof(wf_value)))) {
        wf_err_no_memory(t);
        r = -1;
    } else {
        list_items *b = get_items(l);
        for (int64_t i = 0, j = start; i < n; i++, j += step) {
            removed[nremoved++] = slot_get(b, j);
            slot_set(l, b, j, wf_newref(t, WF_TUPLE_ITEMS(snap)[i]));
        }
    }
    WF_END_CRITICAL_SECTION(t);
    wf_value_decref(t, snap);
    drop_array(t, removed, nremoved);
    return r;
}

static int list_setitem(wf_thread *t, wf_value self, wf_value key, wf_value value)
{
    wf_list_object *l = as_list(self);
    if (wf_is_index(key)) {
        int64_t i;
        if (wf_is_smallint(key)) {
            i = wf_smallint_unbox(key);
        } else if ((i = wf_as_ssize(t, key)) == -1 && wf_err_occurred(t)) {
            return -1;
        }
        if (i < 0)
            i += wf_list_size(self);
        if (value)
            return wf_list_set(t, self, i, value);
        int64_t size = wf_list_size(self);
        if (i < 0 || i >= size) {
            wf_err_set(t, &wf_exc_IndexError, "list assignment index out of range");
            return -1;
        }
        return list_replace(t, l, i, i + 1, NULL, 0);
    }
    if (wf_slice_check(key))
        return value ? list_set_slice(t, l, key, value) : list_del_slice(t, l, key);
    wf_seq_index_type_error(t, "list", key);
    return -1;
}

/* list + list */
static wf_value list_add(wf_thread *t, wf_value a, wf_value b)
{
    if (!wf_list_check(a) || !wf_list_check(b)) {
        if (!wf_list_check(a) || wf_other_may_reflect(b))
            return wf_newref(t, WF_NOTIMPLEMENTED);
        return wf_err_set(t, &wf_exc_TypeError, "can only concatenate list (not \"%s\") to list",
                          wf_type_name(wf_type_of(b)));
    }
    wf_value r = wf_list_slice(t, a, 0, INT64_MAX);
    if (r && wf_list_extend(t, r, b) < 0) {
        wf_value_decref(t, r);
        return WF_NULL;
    }
    return r;
}

/* list += iterable */
static wf_value list_iadd(wf_thread *t, wf_value a, wf_value b)
{
    if (!wf_list_check(a))
        return wf_newref(t, WF_NOTIMPLEMENTED);
    if (wf_list_extend(t, a, b) < 0)
        return WF_NULL;
    return wf_newref(t, a);
}

/* The operands of list * n or n * list. A class of the other operand may define the
 * reflected operator, so list * x returns NotImplemented for one; otherwise CPython's
 * "can't multiply sequence by non-int" is raised here (*not_impl false, false). */
static bool repeat_operands(wf_thread *t, wf_value a, wf_value b, wf_value *seq, int64_t *count,
                            bool *not_impl)
{
    *seq = wf_list_check(a) ? a : b;
    wf_value n = *seq == a ? b : a;
    *not_impl = !wf_is_index(n) && *seq == a && wf_other_may_reflect(n);
    if (*not_impl)
        return true;
    return wf_seq_repeat_count(t, n, count);
}

static wf_value list_mul(wf_thread *t, wf_value a, wf_value b)
{
    wf_value seq;
    int64_t count;
    bool ni;
    if (!repeat_operands(t, a, b, &seq, &count, &ni))
        return WF_NULL;
    if (ni)
        return wf_newref(t, WF_NOTIMPLEMENTED);
    wf_value snap = wf_list_as_tuple(t, seq);
    if (!snap)
        return WF_NULL;
    size_t size = wf_tuple_size(snap);
    wf_value r = WF_NULL;
    if (size && (uint64_t)count > ((uint64_t)1 << 58) / size) {
        wf_err_no_memory(t);
    } else if ((r = wf_list_new(t, size * (size_t)count))) {
        list_items *dst = get_items(as_list(r));
        size_t k = 0;
        for (int64_t c = 0; c < count; c++)
            for (size_t i = 0; i < size; i++)
                atomic_init(&dst->slots[k++], wf_newref(t, WF_TUPLE_ITEMS(snap)[i]));
        atomic_init(&as_list(r)->size, (int64_t)k);
    }
    wf_value_decref(t, snap);
    return r;
}

/* list *= n */
static wf_value list_imul(wf_thread *t, wf_value a, wf_value b)
{
    if (!wf_list_check(a))
        return wf_newref(t, WF_NOTIMPLEMENTED);
    wf_value seq;
    int64_t count;
    bool ni;
    if (!repeat_operands(t, a, b, &seq, &count, &ni))
        return WF_NULL;
    if (ni)
        return wf_newref(t, WF_NOTIMPLEMENTED);
    wf_value snap = wf_list_as_tuple(t, a);
    if (!snap)
        return WF_NULL;
    int64_t size = (int64_t)wf_tuple_size(snap);
    int r = 0;
    if (count == 0)
        r = list_replace(t, as_list(a), 0, INT64_MAX, NULL, 0);
    for (int64_t c = 1; r == 0 && c < count; c++)
        r = list_replace(t, as_list(a), INT64_MAX, INT64_MAX, WF_TUPLE_ITEMS(snap), size);
    wf_value_decref(t, snap);
    return r < 0 ? WF_NULL : wf_newref(t, a);
}

/* Lists compare as snapshots of their items, lexicographically (as tuples do). */
static wf_value list_richcompare(wf_thread *t, wf_value a, wf_value b, int op)
{
    if (!wf_list_check(a) || !wf_list_check(b))
        return wf_newref(t, WF_NOTIMPLEMENTED);
    if ((op == WF_CMP_EQ || op == WF_CMP_NE) && wf_list_size(a) != wf_list_size(b))
        return wf_bool(op == WF_CMP_NE);
    wf_value ta = wf_list_as_tuple(t, a);
    if (!ta)
        return WF_NULL;
    wf_value tb = wf_list_as_tuple(t, b);
    if (!tb) {
        wf_value_decref(t, ta);
        return WF_NULL;
    }
    wf_value r = wf_richcompare(t, ta, tb, (enum wf_cmp_op)op);
    wf_value_decref(t, ta);
    wf_value_decref(t, tb);
    return r;
}

/* "[1, 2]", "[...]" when the list is already being printed on this thread. */
static wf_value list_repr(wf_thread *t, wf_value self)
{
    if (wf_list_size(self) == 0)
        return wf_str_from_cstr(t, "[]");
    int entered = wf_repr_enter(t, self);
    if (entered != 0)
        return entered > 0 ? wf_str_from_cstr(t, "[...]") : WF_NULL;
    wf_value r = WF_NULL;
    wf_value snap = wf_list_as_tuple(t, self);
    if (snap) {
        r = wf_repr_join(t, "[", WF_TUPLE_ITEMS(snap), wf_tuple_size(snap), "]");
        wf_value_decref(t, snap);
    }
    wf_repr_leave(t, self);
    return r;
}

/* ---- Methods --------------------------------------------------------------------------------- */

#define NO_KW(name)                                                                                \
    if (!wf_check_no_kwargs(t, "list." name, kwnames))                                             \
    return WF_NULL

static wf_value list_m_append(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    NO_KW("append");
    if (!wf_check_nargs(t, "list.append", nargs, 1, 1))
        return WF_NULL;
    return wf_list_append(t, self, args[0]) < 0 ? WF_NULL : WF_NONE;
}

static wf_value list_m_extend(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    NO_KW("extend");
    if (!wf_check_nargs(t, "list.extend", nargs, 1, 1))
        return WF_NULL;
    return wf_list_extend(t, self, args[0]) < 0 ? WF_NULL : WF_NONE;
}

/* An index argument of insert/pop: TypeError "'str' object cannot be interpreted as an
 * integer" for a non-index. */
static bool int_arg(wf_thread *t, wf_value v, int64_t *out)
{
    if (wf_is_smallint(v)) {
        *out = wf_smallint_unbox(v);
        return true;
    }
    if (!wf_is_index(v)) {
        wf_err_set(t, &wf_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   wf_type_name(wf_type_of(v)));
        return false;
    }
    *out = wf_ssize_arg(t, v);
    return !(*out == -1 && wf_err_occurred(t));
}

static wf_value list_m_insert(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    NO_KW("insert");
    if (!wf_check_positional(t, "insert", nargs, 2, 2))
        return WF_NULL;
    int64_t i;
    if (!int_arg(t, args[0], &i))
        return WF_NULL;
    wf_list_object *l = as_list(self);
    wf_value *removed = NULL;
    int64_t nremoved = 0;
    int r;
    WF_BEGIN_CRITICAL_SECTION(t, &l->ob);
    note_access(t, l);
    int64_t n = atomic_load_explicit(&l->size, memory_order_relaxed);
    if (i < 0) {
        i += n;
        if (i < 0)
            i = 0;
    }
    r = list_replace_locked(t, l, i, i, &args[1], 1, &removed, &nremoved);
    WF_END_CRITICAL_SECTION(t);
    return r < 0 ? WF_NULL : WF_NONE;
}

static wf_value list_m_pop(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    NO_KW("pop");
    if (!wf_check_positional(t, "pop", nargs, 0, 1))
        return WF_NULL;
    int64_t i = -1;
    if (nargs == 1 && !int_arg(t, args[0], &i))
        return WF_NULL;
    wf_list_object *l = as_list(self);
    wf_value *removed = NULL;
    int64_t nremoved = 0;
    const char *error = NULL;
    WF_BEGIN_CRITICAL_SECTION(t, &l->ob);
    note_access(t, l);
    int64_t n = atomic_load_explicit(&l->size, memory_order_relaxed);
    if (i < 0)
        i += n;
    if (n == 0)
        error = "pop from empty list";
    else if (i < 0 || i >= n)
        error = "pop index out of range";
    else if (list_replace_locked(t, l, i, i + 1, NULL, 0, &removed, &nremoved) < 0)
        error = "";
    WF_END_CRITICAL_SECTION(t);
    if (error) {
        if (*error)
            wf_err_set(t, &wf_exc_IndexError, "%s", error);
        return WF_NULL;
    }
    wf_value v = removed[0];
    wf_mem_free(removed);
    return v;
}

/* "X is not in list" with X the repr of the value. */
static wf_value not_in_list(wf_thread *t, wf_value v)
{
    wf_value r = wf_repr(t, v);
    if (!r)
        return WF_NULL;
    wf_err_set(t, &wf_exc_ValueError, "%s is not in list", wf_str_utf8(r));
    wf_value_decref(t, r);
    return WF_NULL;
}

static wf_value list_m_index(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    NO_KW("index");
    if (!wf_check_positional(t, "index", nargs, 1, 3))
        return WF_NULL;
    int64_t start, stop;
    if (!wf_seq_index_range(t, args, nargs, wf_list_size(self), &start, &stop))
        return WF_NULL;
    wf_value v;
    for (int64_t i = start; i < stop && (v = list_get_opt(t, as_list(self), i)); i++) {
        int r = wf_richcompare_bool(t, v, args[0], WF_CMP_EQ);
        wf_value_decref(t, v);
        if (r < 0)
            return WF_NULL;
        if (r)
            return wf_smallint_box(i);
    }
    return not_in_list(t, args[0]);
}

static wf_value list_m_count(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    NO_KW("count");
    if (!wf_check_nargs(t, "list.count", nargs, 1, 1))
        return WF_NULL;
    int64_t count = 0;
    wf_value v;
    for (int64_t i = 0; (v = list_get_opt(t, as_list(self), i)); i++) {
        int r = wf_richcompare_bool(t, v, args[0], WF_CMP_EQ);
        wf_value_decref(t, v);
        if (r < 0)
            return WF_NULL;
        count += r;
    }
    return wf_smallint_box(count);
}

/* Remove the first item equal to x. The item at i is removed only if it is still the
 * one compared (another thread or __eq__ may have changed the list meanwhile). */
static wf_value list_m_remove(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    NO_KW("remove");
    if (!wf_check_nargs(t, "list.remove", nargs, 1, 1))
        return WF_NULL;
    wf_list_object *l = as_list(self);
    wf_value v;
    for (int64_t i = 0; (v = list_get_opt(t, l, i)); i++) {
        int r = wf_richcompare_bool(t, v, args[0], WF_CMP_EQ);
        if (r < 0) {
            wf_value_decref(t, v);
            return WF_NULL;
        }
        if (r == 0) {
            wf_value_decref(t, v);
            continue;
        }
        wf_value *removed = NULL;
        int64_t nremoved = 0;
        bool same = false;
        WF_BEGIN_CRITICAL_SECTION(t, &l->ob);
        note_access(t, l);
        same = i < atomic_load_explicit(&l->size, memory_order_relaxed) &&
               slot_get(get_items(l), i) == v;
        if (same)
            r = list_replace_locked(t, l, i, i + 1, NULL, 0, &removed, &nremoved);
        WF_END_CRITICAL_SECTION(t);
        wf_value_decref(t, v);
        drop_array(t, removed, nremoved);
        if (!same) {
            i = -1; /* the list changed: search again from the start */
            continue;
        }
        return r < 0 ? WF_NULL : WF_NONE;
    }
    return wf_err_set(t, &wf_exc_ValueError, "list.remove(x): x not in list");
}

static void reverse_slots(list_items *b, int64_t lo, int64_t hi)
{
    for (; lo < hi; lo++, hi--) {
        wf_value x = slot_get(b, lo), y = slot_get(b, hi);
        atomic_store_explicit(&b->slots[lo], y, memory_order_release);
        atomic_store_explicit(&b->slots[hi], x, memory_order_release);
    }
}

static wf_value list_m_reverse(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                               wf_value kwnames)
{
    (void)args;
    NO_KW("reverse");
    if (!wf_check_nargs(t, "list.reverse", nargs, 0, 0))
        return WF_NULL;
    wf_list_object *l = as_list(self);
    WF_BEGIN_CRITICAL_SECTION(t, &l->ob);
    note_access(t, l);
    int64_t n = atomic_load_explicit(&l->size, memory_order_relaxed);
    if (n > 1)
        reverse_slots(get_items(l), 0, n - 1);
    WF_END_CRITICAL_SECTION(t);
    return WF_NONE;
}

static wf_value list_m_copy(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    (void)args;
    NO_KW("copy");
    if (!wf_check_nargs(t, "list.copy", nargs, 0, 0))
        return WF_NULL;
    return wf_list_slice(t, self, 0, INT64_MAX);
}

static wf_value list_m_clear(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    (void)args;
    NO_KW("clear");
    if (!wf_check_nargs(t, "list.clear", nargs, 0, 0))
        return WF_NULL;
    return list_replace(t, as_list(self), 0, INT64_MAX, NULL, 0) < 0 ? WF_NULL : WF_NONE;
}

/* ---- Sorting (the algorithm is in runtime/list_sort.c) --------------------------------- */

/* Sort with the list emptied, as CPython does: the items are taken out under the lock,
 * sorted (comparisons may run Python code and let other threads in), and put back; if
 * the list was changed meanwhile, those changes are dropped and ValueError "list
 * modified during sort" is raised. */
int wf_list_sort(wf_thread *t, wf_value list, wf_value key, bool reverse)
{
    wf_list_object *l = as_list(list);
    list_items *b;
    int64_t n;
    WF_BEGIN_CRITICAL_SECTION(t, &l->ob);
    note_access(t, l);
    b = get_items(l);
    n = atomic_load_explicit(&l->size, memory_order_relaxed);
    set_size(l, 0);
    atomic_store_explicit(&l->items, NULL, memory_order_release);
    WF_END_CRITICAL_SECTION(t);

    /* Sort a private copy: a lock-free reader that loaded the block before we took it
     * may still read its slots, so they change only through atomic stores. */
    wf_value *items = n ? wf_mem_alloc(t, (size_t)n * sizeof(wf_value)) : NULL;
    int r = 0;
    if (n && !items) {
        wf_err_no_memory(t);
        r = -1;
    }
    for (int64_t i = 0; items && i < n; i++)
        items[i] = slot_get(b, i);
    if (r == 0)
        r = wf_sort_values(t, items, (size_t)n, key, reverse);
    for (int64_t i = 0; items && r == 0 && i < n; i++)
        atomic_store_explicit(&b->slots[i], items[i], memory_order_relaxed);
    wf_mem_free(items);

    list_items *extra;
    int64_t extra_n;
    WF_BEGIN_CRITICAL_SECTION(t, &l->ob);
    extra = get_items(l);
    extra_n = atomic_load_explicit(&l->size, memory_order_relaxed);
    /* release: readers see the sorted slots with the block */
    atomic_store_explicit(&l->items, b, memory_order_release);
    set_size(l, n);
    WF_END_CRITICAL_SECTION(t);
    if (extra || extra_n) {
        for (int64_t i = 0; i < extra_n; i++)
            wf_value_decref(t, slot_get(extra, i));
        items_free(t, l, extra);
        if (r == 0) {
            wf_err_set(t, &wf_exc_ValueError, "list modified during sort");
            r = -1;
        }
    }
    return r;
}

/* list.sort(*, key=None, reverse=False) */
static wf_value list_m_sort(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    (void)args;
    if (nargs)
        return wf_err_set(t, &wf_exc_TypeError, "sort() takes no positional arguments");
    wf_value key = WF_NONE, rev = WF_FALSE;
    size_t nkw = kwnames ? wf_tuple_size(kwnames) : 0;
    for (size_t i = 0; i < nkw; i++) {
        const char *name = wf_str_utf8(WF_TUPLE_ITEMS(kwnames)[i]);
        if (strcmp(name, "key") == 0)
            key = args[nargs + i];
        else if (strcmp(name, "reverse") == 0)
            rev = args[nargs + i];
        else
            return wf_err_set(t, &wf_exc_TypeError,
                              "'%s' is an invalid keyword argument for sort()", name);
    }
    int64_t reverse = 0;
    if (rev != WF_FALSE && rev != WF_TRUE) {
        if (!int_arg(t, rev, &reverse))
            return WF_NULL;
    } else {
        reverse = rev == WF_TRUE;
    }
    if (wf_list_sort(t, self, key == WF_NONE ? WF_NULL : key, reverse != 0) < 0)
        return WF_NULL;
    return WF_NONE;
}

/* ---- Iterators ---------------------------------------------------------------------------- */

typedef struct list_iter {
    wf_object ob;
    wf_value list;         /* owned */
    _Atomic int64_t index; /* relaxed: a shared iterator may yield an item twice, never a
                              bad one (each read is the list's own lock-free read) */
} list_iter;

static wf_value list_iter_make(wf_thread *t, wf_type *type, wf_value list, int64_t index)
{
    list_iter *it = (list_iter *)wf_object_alloc(t, type, sizeof(list_iter));
    if (!it)
        return wf_err_no_memory(t);
    it->list = wf_newref(t, list);
    atomic_init(&it->index, index);
    return wf_from_object(&it->ob);
}

static wf_value list_iter_new(wf_thread *t, wf_value self)
{
    return list_iter_make(t, &wf_list_iter_type, self, 0);
}

static void list_iter_dealloc(wf_thread *t, wf_object *o)
{
    wf_value_decref(t, ((list_iter *)o)->list);
    wf_object_free(t, o);
}

static wf_value list_iter_next(wf_thread *t, wf_value self)
{
    list_iter *it = (list_iter *)wf_to_object(self);
    int64_t i = atomic_load_explicit(&it->index, memory_order_relaxed);
    if (i < 0)
        return WF_NULL;
    wf_value v = list_get_opt(t, as_list(it->list), i);
    atomic_store_explicit(&it->index, v ? i + 1 : -1, memory_order_relaxed);
    return v;
}

/* Reverse iteration: index counts down; an index past the end (the list shrank) ends
 * the iteration, as CPython's listreviter. */
static wf_value list_reviter_next(wf_thread *t, wf_value self)
{
    list_iter *it = (list_iter *)wf_to_object(self);
    int64_t i = atomic_load_explicit(&it->index, memory_order_relaxed);
    wf_value v = i >= 0 ? list_get_opt(t, as_list(it->list), i) : WF_NULL;
    atomic_store_explicit(&it->index, v ? i - 1 : -1, memory_order_relaxed);
    return v;
}

static wf_value list_iter_length_hint(wf_thread *t, wf_value self, const wf_value *args,
                                      size_t nargs, wf_value kwnames)
{
    (void)t, (void)args, (void)nargs, (void)kwnames;
    list_iter *it = (list_iter *)wf_to_object(self);
    int64_t i = atomic_load_explicit(&it->index, memory_order_relaxed);
    int64_t left;
    if (it->ob.ob_type == &wf_list_reviter_type)
        left = i >= 0 && i < wf_list_size(it->list) ? i + 1 : 0;
    else
        left = i >= 0 && i < wf_list_size(it->list) ? wf_list_size(it->list) - i : 0;
    return wf_smallint_box(left);
}

static const wf_method_def list_iter_methods[] = {
    {"__length_hint__", list_iter_length_hint, 0},
    {NULL, NULL, 0},
};

wf_type wf_list_iter_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "list_iterator",
    .tp_basicsize = sizeof(list_iter),
    .tp_flags = WF_TPFLAG_TRACKED,
    .tp_dealloc = list_iter_dealloc,
    .tp_iter = wf_self_iter,
    .tp_iternext = list_iter_next,
    .tp_methods = list_iter_methods,
};

wf_type wf_list_reviter_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "list_reverseiterator",
    .tp_basicsize = sizeof(list_iter),
    .tp_flags = WF_TPFLAG_TRACKED,
    .tp_dealloc = list_iter_dealloc,
    .tp_iter = wf_self_iter,
    .tp_iternext = list_reviter_next,
    .tp_methods = list_iter_methods,
};

static wf_value list_m_reversed(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                wf_value kwnames)
{
    (void)args;
    NO_KW("__reversed__");
    if (!wf_check_nargs(t, "list.__reversed__", nargs, 0, 0))
        return WF_NULL;
    return list_iter_make(t, &wf_list_reviter_type, self, wf_list_size(self) - 1);
}

static wf_value list_m_getitem(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                               wf_value kwnames)
{
    NO_KW("__getitem__");
    if (!wf_check_nargs(t, "list.__getitem__", nargs, 1, 1))
        return WF_NULL;
    return list_getitem(t, self, args[0]);
}

/* ---- Construction from Python -------------------------------------------------------- */

static wf_value list_tp_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    (void)args, (void)nargs, (void)kwnames; /* tp_init reads them */
    wf_list_object *l = list_alloc(t, type);
    return l ? wf_from_object(&l->ob) : WF_NULL;
}

/* list.__init__(iterable=()): clears, then extends. */
static int list_tp_init(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                        wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "list", kwnames) || !wf_check_positional(t, "list", nargs, 0, 1))
        return -1;
    if (wf_list_size(self) && list_replace(t, as_list(self), 0, INT64_MAX, NULL, 0) < 0)
        return -1;
    return nargs ? wf_list_extend(t, self, args[0]) : 0;
}

/* ---- The part's type table (list.h) ------------------------------------------------------ */

wf_type *const wf_container_types[] = {
    &wf_tuple_type,
    &wf_tuple_iter_type,
    &wf_list_type,
    &wf_list_iter_type,
    &wf_list_reviter_type,
    &wf_dict_type,
    &wf_dict_keys_type,
    &wf_dict_values_type,
    &wf_dict_items_type,
    &wf_dict_keyiter_type,
    &wf_dict_valueiter_type,
    &wf_dict_itemiter_type,
    &wf_dict_revkeyiter_type,
    &wf_dict_revvalueiter_type,
    &wf_dict_revitemiter_type,
    &wf_set_type,
    &wf_frozenset_type,
    &wf_set_iter_type,
    &wf_range_type,
    &wf_range_iter_type,
    &wf_longrange_iter_type,
    &wf_slice_type,
    &wf_seqiter_type,
    &wf_callable_iter_type,
    &wf_enumerate_type,
    &wf_zip_type,
    &wf_map_type,
    &wf_filter_type,
    &wf_reversed_type,
    &wf_generic_alias_type,
    NULL,
};

/* ---- Repr helpers shared by the containers (list.h) ------------------------------------- */

bool wf_reprbuf_add(wf_thread *t, wf_reprbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = wf_mem_realloc(t, b->data, cap);
        if (!p) {
            wf_err_no_memory(t);
            return false;
        }
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    return true;
}

bool wf_reprbuf_add_cstr(wf_thread *t, wf_reprbuf *b, const char *s)
{
    return wf_reprbuf_add(t, b, s, strlen(s));
}

bool wf_reprbuf_add_repr(wf_thread *t, wf_reprbuf *b, wf_value v)
{
    wf_value r = wf_repr(t, v);
    if (!r)
        return false;
    bool ok = wf_reprbuf_add(t, b, wf_str_utf8(r), wf_str_size(r));
    wf_value_decref(t, r);
    return ok;
}

wf_value wf_reprbuf_finish(wf_thread *t, wf_reprbuf *b)
{
    wf_value s = wf_str_from_utf8(t, b->data ? b->data : "", b->len);
    wf_reprbuf_discard(b);
    return s;
}

void wf_reprbuf_discard(wf_reprbuf *b)
{
    wf_mem_free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

wf_value wf_repr_join(wf_thread *t, const char *open, const wf_value *items, size_t n,
                      const char *close)
{
    wf_reprbuf b = {0};
    bool ok = wf_reprbuf_add_cstr(t, &b, open);
    for (size_t i = 0; ok && i < n; i++)
        ok = (i == 0 || wf_reprbuf_add(t, &b, ", ", 2)) && wf_reprbuf_add_repr(t, &b, items[i]);
    if (!ok || !wf_reprbuf_add_cstr(t, &b, close)) {
        wf_reprbuf_discard(&b);
        return WF_NULL;
    }
    return wf_reprbuf_finish(t, &b);
}

/* The objects whose repr is running on this OS thread, innermost last. Reprs nest only
 * as deep as the recursion limit allows, so a linear search is fine. The array is
 * process memory (it outlives any one thread state of this OS thread). */
static _Thread_local wf_value *repr_stack;
static _Thread_local size_t repr_len, repr_cap;

int wf_repr_enter(wf_thread *t, wf_value obj)
{
    for (size_t i = 0; i < repr_len; i++)
        if (repr_stack[i] == obj)
            return 1;
    if (repr_len == repr_cap) {
        size_t cap = repr_cap ? repr_cap * 2 : 16;
        wf_value *p = wf_raw_realloc(repr_stack, cap * sizeof(wf_value));
        if (!p) {
            wf_err_no_memory(t);
            return -1;
        }
        repr_stack = p;
        repr_cap = cap;
    }
    repr_stack[repr_len++] = obj;
    return 0;
}

void wf_repr_leave(wf_thread *t, wf_value obj)
{
    (void)t;
    /* normally the top; search anyway so an unbalanced caller cannot corrupt others */
    for (size_t i = repr_len; i-- > 0;) {
        if (repr_stack[i] == obj) {
            memmove(&repr_stack[i], &repr_stack[i + 1], (repr_len - i - 1) * sizeof(wf_value));
            repr_len--;
            break;
        }
    }
    if (repr_len == 0) {
        wf_raw_free(repr_stack); /* nothing left on this thread: give the memory back */
        repr_stack = NULL;
        repr_cap = 0;
    }
}

/* ---- The type ------------------------------------------------------------------------------- */

static const wf_number_methods list_as_number = {
    .binop[WF_NB_ADD] = list_add,
    .binop[WF_NB_MULTIPLY] = list_mul,
    .inplace[WF_NB_ADD] = list_iadd,
    .inplace[WF_NB_MULTIPLY] = list_imul,
};

static const wf_mapping_methods list_as_mapping = {
    .length = list_length,
    .getitem = list_getitem,
    .setitem = list_setitem,
    .contains = list_contains,
};

static const wf_method_def list_methods[] = {
    {"__getitem__", list_m_getitem, 0},
    {"__reversed__", list_m_reversed, 0},
    {"append", list_m_append, 0},
    {"clear", list_m_clear, 0},
    {"copy", list_m_copy, 0},
    {"count", list_m_count, 0},
    {"extend", list_m_extend, 0},
    {"index", list_m_index, 0},
    {"insert", list_m_insert, 0},
    {"pop", list_m_pop, 0},
    {"remove", list_m_remove, 0},
    {"reverse", list_m_reverse, 0},
    {"sort", list_m_sort, 0},
    {"__class_getitem__", wf_class_getitem, WF_METH_CLASS},
    {NULL, NULL, 0},
};

wf_type wf_list_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "list",
    .tp_basicsize = sizeof(wf_list_object),
    .tp_flags = WF_TPFLAG_TRACKED | WF_TPFLAG_BASETYPE | WF_TPFLAG_LIST_SUBCLASS,
    .tp_dealloc = list_dealloc,
    .tp_repr = list_repr,
    .tp_richcompare = list_richcompare,
    .tp_iter = list_iter_new,
    .tp_new = list_tp_new,
    .tp_init = list_tp_init,
    .tp_as_number = &list_as_number,
    .tp_as_mapping = &list_as_mapping,
    .tp_methods = list_methods,
    .tp_doc = "Built-in mutable sequence.\n\nIf no argument is given, the constructor creates a "
              "new empty list.\nThe argument must be an iterable if specified.",
};
