/* dict: CPython's compact, insertion-ordered hash table (runtime/dict.h).
 *
 * Layout. A dict points to a keys block: `size` index slots (a power of two), each
 * EMPTY, DUMMY (a deleted entry was there) or the position of an entry; then the entry
 * array, filled in insertion order. Each entry caches its key's hash. Deleting clears
 * the entry (key 0) and leaves DUMMY in its index slot, so probe chains stay intact;
 * entries are compacted only when the table is rebuilt. At most two thirds of the
 * index slots ever point to entries (USABLE), which keeps probe chains short; when no
 * entry is left the table is rebuilt with room for three times the live items, as
 * CPython's GROWTH_RATE. Probing is CPython's: i = i*5 + perturb + 1, perturb >>= 5.
 *
 * Locking. Every change to the table runs in a critical section on the dict. Lookups
 * of keys that compare without user code (the same object, exact strs, tagged ints)
 * and iteration steps (wf_dict_entry_at) read without the lock (DESIGN "Lock-free
 * reads"): load the keys block, probe, load the value, wf_try_incref it, then re-check
 * that the entry and the block are unchanged;
 * anything else (a user __eq__, a failed re-check) takes the locked path. As for lists,
 * a dict becomes "shared" (WF_GC_SHARED) when a thread other than its owner first locks
 * it: from then on its keys and values are marked shared and accept try_incref, and
 * replaced keys blocks are freed through QSBR; a non-owner reads lock-free only once
 * the dict is shared. Entry fields, index slots and the block pointer are atomics
 * (writers store with release after filling what they publish). `used` is read
 * without the lock (len()). `keys_version` changes whenever a key is added or removed
 * or the table is rebuilt: a locked lookup that called a user __eq__ (which may mutate
 * the dict, or block and let another thread in) checks it afterwards and restarts, as
 * CPython does. */
#include "dict.h"

#include <inttypes.h>

#include "abstract.h"
#include "alloc.h"
#include "callable.h"
#include "critical_section.h"
#include "error.h"
#include "generic_alias.h"
#include "exceptions.h"
#include "iterators.h"
#include "list.h"
#include "qsbr.h"
#include "singletons.h"
#include "slice.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

#define IX_EMPTY     (-1)
#define IX_DUMMY     (-2)
#define MIN_SIZE     8
#define USABLE(size) (((size) << 1) / 3)

typedef struct dict_entry {
    _Atomic int64_t hash;
    _Atomic wf_value key;   /* 0: deleted */
    _Atomic wf_value value; /* 0: deleted */
} dict_entry;

typedef struct dict_keys {
    size_t size;             /* index slots, a power of two */
    size_t usable;           /* entries that may still be appended */
    _Atomic size_t nentries; /* entries appended so far, deleted ones included */
    _Atomic int32_t indices[];
    /* then USABLE(size) dict_entry */
} dict_keys;

typedef struct wf_dict_object {
    wf_object ob;
    _Atomic int64_t used;      /* live items; written under the lock, read anywhere (relaxed) */
    _Atomic(dict_keys *) keys; /* NULL while empty; replaced under the lock (release) */
    uint64_t keys_version;     /* guarded by ob_mutex */
} wf_dict_object;

static inline wf_dict_object *as_dict(wf_value d)
{
    return (wf_dict_object *)wf_to_object(d);
}

static inline dict_entry *keys_entries(dict_keys *k)
{
    return (dict_entry *)(k->indices + k->size);
}

static inline void set_used(wf_dict_object *d, int64_t n)
{
    /* relaxed: len() readers want a recent count, not ordering with the table */
    atomic_store_explicit(&d->used, n, memory_order_relaxed);
}

static inline int64_t get_used(wf_dict_object *d)
{
    return atomic_load_explicit(&d->used, memory_order_relaxed);
}

static bool dict_is_shared(wf_dict_object *d)
{
    /* acquire: pairs with the release in dict_share */
    return atomic_load_explicit(&d->ob.ob_gc_bits, memory_order_acquire) & WF_GC_SHARED;
}

/* Let lock-free readers on other threads take references on v. */
static inline void share_value(wf_value v)
{
    if (wf_is_object(v)) {
        wf_object_mark_shared(wf_to_object(v));
        wf_object_enable_try_incref(wf_to_object(v));
    }
}

/* Share the dict (caller holds the lock): mark every key and value, then the dict. */
static void dict_share(wf_dict_object *d)
{
    if (dict_is_shared(d))
        return;
    dict_keys *k = d->keys;
    for (size_t i = 0; k && i < k->nentries; i++) {
        dict_entry *e = &keys_entries(k)[i];
        if (e->key) {
            share_value(e->key);
            share_value(e->value);
        }
    }
    atomic_fetch_or_explicit(&d->ob.ob_gc_bits, WF_GC_SHARED, memory_order_release);
}

/* Entering the lock from a thread other than the owner shares the dict. */
static inline void note_access(wf_thread *t, wf_dict_object *d)
{
    if (!wf_is_owner(t, &d->ob))
        dict_share(d);
}

/* A replaced keys block: a lock-free reader may still be probing it. */
static void keys_free(wf_thread *t, wf_dict_object *d, dict_keys *k)
{
    if (!k)
        return;
    if (dict_is_shared(d))
        wf_qsbr_free(t, k);
    else
        wf_mem_free(k);
}

bool wf_dict_check(wf_value v)
{
    return wf_is_object(v) && (wf_to_object(v)->ob_type->tp_flags & WF_TPFLAG_DICT_SUBCLASS);
}

int64_t wf_dict_size(wf_value d)
{
    return get_used(as_dict(d));
}

/* ---- Keys blocks --------------------------------------------------------------------- */

static dict_keys *keys_new(wf_thread *t, size_t size)
{
    WF_ASSERT((size & (size - 1)) == 0 && size >= MIN_SIZE);
    if (size > ((size_t)1 << 30))
        return NULL; /* int32 indices */
    size_t bytes = sizeof(dict_keys) + size * sizeof(int32_t) + USABLE(size) * sizeof(dict_entry);
    dict_keys *k = wf_mem_alloc(t, bytes);
    if (!k)
        return NULL;
    k->size = size;
    k->usable = USABLE(size);
    k->nentries = 0;
    for (size_t i = 0; i < size; i++)
        atomic_init(&k->indices[i], IX_EMPTY);
    return k;
}

/* The first index slot for hash that holds no entry (EMPTY or DUMMY). */
static size_t find_free_slot(dict_keys *k, int64_t hash)
{
    size_t mask = k->size - 1;
    size_t i = (size_t)hash & mask;
    for (uint64_t perturb = (uint64_t)hash; k->indices[i] >= 0;) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* Rebuild the table with room for `minused` items: live entries are copied in order
 * (compacting deletions). Caller holds the lock. */
static int dict_resize(wf_thread *t, wf_dict_object *d, size_t minused)
{
    size_t size = MIN_SIZE;
    while (USABLE(size) < minused || size < minused)
        size <<= 1;
    dict_keys *nk = keys_new(t, size);
    if (!nk) {
        wf_err_no_memory(t);
        return -1;
    }
    dict_keys *ok = d->keys;
    if (ok) {
        dict_entry *src = keys_entries(ok), *dst = keys_entries(nk);
        size_t n = 0;
        for (size_t i = 0; i < ok->nentries; i++) {
            if (!src[i].key)
                continue;
            atomic_init(&dst[n].hash, src[i].hash);
            atomic_init(&dst[n].key, src[i].key);
            atomic_init(&dst[n].value, src[i].value);
            atomic_init(&nk->indices[find_free_slot(nk, src[i].hash)], (int32_t)n);
            n++;
        }
        nk->nentries = n;
        nk->usable -= n;
    }
    /* release: a reader that loads the new block sees its filled entries */
    atomic_store_explicit(&d->keys, nk, memory_order_release);
    keys_free(t, d, ok);
    d->keys_version++;
    return 0;
}

/* ---- Hashing and lookup --------------------------------------------------------------- */

/* hash(key), with the cached hash of an exact str read directly. */
static int64_t key_hash(wf_thread *t, wf_value key)
{
    if (wf_str_check_exact(key))
        return wf_str_hash(key);
    return wf_hash(t, key);
}

/* Equality of a stored key with the probe key when the hashes match, without calling
 * out for the common exact types. 1, 0, or 2 = "ask wf_richcompare_bool". */
static int fast_key_equal(wf_value a, wf_value b)
{
    if (a == b)
        return 1;
    if (wf_is_smallint(a) && wf_is_smallint(b))
        return 0;
    if (wf_str_check_exact(a) && wf_str_check_exact(b))
        return wf_str_equal(a, b);
    return 2;
}

#define LOOKUP_ERROR   (-2)
#define LOOKUP_MISSING (-1)

/* The entry index of key in d, LOOKUP_MISSING, or LOOKUP_ERROR with the exception set.
 * *slot receives the index slot that holds it. Caller holds the lock. */
static int64_t dict_lookup(wf_thread *t, wf_dict_object *d, wf_value key, int64_t hash,
                           size_t *slot)
{
restart:;
    dict_keys *k = d->keys;
    if (!k)
        return LOOKUP_MISSING;
    size_t mask = k->size - 1;
    size_t i = (size_t)hash & mask;
    for (uint64_t perturb = (uint64_t)hash;;) {
        int32_t ix = k->indices[i];
        if (ix == IX_EMPTY)
            return LOOKUP_MISSING;
        if (ix >= 0) {
            dict_entry *e = &keys_entries(k)[ix];
            if (e->key && e->hash == hash) {
                int eq = fast_key_equal(e->key, key);
                if (eq == 2) {
                    uint64_t version = d->keys_version;
                    wf_value stored = wf_newref(t, e->key); /* __eq__ may delete it */
                    eq = wf_richcompare_bool(t, stored, key, WF_CMP_EQ);
                    wf_value_decref(t, stored);
                    if (eq < 0)
                        return LOOKUP_ERROR;
                    if (d->keys_version != version)
                        goto restart; /* the table changed under __eq__ */
                }
                if (eq) {
                    *slot = i;
                    return ix;
                }
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* d[key] = value (value owned, consumed on success and failure). Caller holds the
 * lock. The replaced value is dropped after the table is consistent, since its
 * finalizer may run arbitrary code. */
static int dict_insert(wf_thread *t, wf_dict_object *d, wf_value key, int64_t hash, wf_value value)
{
    size_t slot;
    int64_t ix = dict_lookup(t, d, key, hash, &slot);
    if (ix == LOOKUP_ERROR) {
        wf_value_decref(t, value);
        return -1;
    }
    if (dict_is_shared(d))
        share_value(value);
    if (ix >= 0) {
        dict_entry *e = &keys_entries(d->keys)[ix];
        wf_value old = e->value;
        atomic_store_explicit(&e->value, value, memory_order_release);
        wf_value_decref(t, old);
        return 0;
    }
    if (!d->keys || d->keys->usable == 0) {
        if (dict_resize(t, d, (size_t)get_used(d) * 3) < 0) {
            wf_value_decref(t, value);
            return -1;
        }
    }
    dict_keys *k = d->keys;
    size_t n = k->nentries;
    dict_entry *e = &keys_entries(k)[n];
    if (dict_is_shared(d))
        share_value(key);
    atomic_store_explicit(&e->hash, hash, memory_order_relaxed);
    atomic_store_explicit(&e->key, wf_newref(t, key), memory_order_release);
    atomic_store_explicit(&e->value, value, memory_order_release);
    /* release: a reader that finds the index sees the entry's fields */
    atomic_store_explicit(&k->indices[find_free_slot(k, hash)], (int32_t)n, memory_order_release);
    atomic_store_explicit(&k->nentries, n + 1, memory_order_release);
    k->usable--;
    d->keys_version++;
    set_used(d, get_used(d) + 1);
    return 0;
}

/* Remove the entry at index slot `slot` / entry `ix`; the key and value are handed to
 * the caller (owned). Caller holds the lock. */
static void dict_remove_entry(wf_dict_object *d, size_t slot, int64_t ix, wf_value *key,
                              wf_value *value)
{
    dict_entry *e = &keys_entries(d->keys)[ix];
    atomic_store_explicit(&d->keys->indices[slot], IX_DUMMY, memory_order_release);
    *key = e->key;
    *value = e->value;
    atomic_store_explicit(&e->key, 0, memory_order_release);
    atomic_store_explicit(&e->value, 0, memory_order_release);
    d->keys_version++;
    set_used(d, get_used(d) - 1);
}

/* ---- The C API (dict.h) ----------------------------------------------------------------- */

wf_value wf_dict_new(wf_thread *t)
{
    wf_dict_object *d = (wf_dict_object *)wf_object_alloc(t, &wf_dict_type, sizeof(wf_dict_object));
    if (!d)
        return wf_err_no_memory(t);
    atomic_init(&d->used, 0);
    d->keys = NULL;
    d->keys_version = 0;
    return wf_from_object(&d->ob);
}

#define LOCKFREE_RETRY (-1)

/* The lock-free lookup (see the file comment): 1 with a new reference in *out, 0 when
 * the key is absent, LOCKFREE_RETRY when the locked path must decide. */
static int dict_get_lockfree(wf_thread *t, wf_dict_object *d, wf_value key, int64_t hash,
                             wf_value *out)
{
    if (!wf_is_owner(t, &d->ob) && !dict_is_shared(d))
        return LOCKFREE_RETRY;
    /* acquire: pairs with the release that published the block */
    dict_keys *k = atomic_load_explicit(&d->keys, memory_order_acquire);
    if (!k)
        return 0;
    size_t mask = k->size - 1, i = (size_t)hash & mask;
    for (uint64_t perturb = (uint64_t)hash;;) {
        /* acquire: pairs with the release store of the index in dict_insert */
        int32_t ix = atomic_load_explicit(&k->indices[i], memory_order_acquire);
        if (ix == IX_EMPTY)
            break;
        if (ix >= 0) {
            dict_entry *e = &keys_entries(k)[ix];
            wf_value stored = atomic_load_explicit(&e->key, memory_order_acquire);
            if (stored && atomic_load_explicit(&e->hash, memory_order_relaxed) == hash) {
                int eq = fast_key_equal(stored, key);
                if (eq == 2)
                    return LOCKFREE_RETRY; /* user __eq__: only under the lock */
                if (eq) {
                    wf_value v = atomic_load_explicit(&e->value, memory_order_acquire);
                    if (!v || (wf_is_object(v) && !wf_try_incref(t, wf_to_object(v))))
                        return LOCKFREE_RETRY;
                    if (atomic_load_explicit(&e->value, memory_order_acquire) != v ||
                        atomic_load_explicit(&e->key, memory_order_acquire) != stored ||
                        atomic_load_explicit(&d->keys, memory_order_acquire) != k) {
                        wf_value_decref(t, v);
                        return LOCKFREE_RETRY;
                    }
                    *out = v;
                    return 1;
                }
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    /* absent from this block: only a fact if the block is still the dict's */
    return atomic_load_explicit(&d->keys, memory_order_acquire) == k ? 0 : LOCKFREE_RETRY;
}

/* Look up key with a known hash; new reference, 0 missing (no exception) or error. */
static wf_value dict_get_hashed(wf_thread *t, wf_value dv, wf_value key, int64_t hash)
{
    wf_dict_object *d = as_dict(dv);
    wf_value result = WF_NULL;
    int fast = dict_get_lockfree(t, d, key, hash, &result);
    if (fast != LOCKFREE_RETRY)
        return result;
    WF_BEGIN_CRITICAL_SECTION(t, &d->ob);
    note_access(t, d);
    size_t slot;
    int64_t ix = dict_lookup(t, d, key, hash, &slot);
    if (ix >= 0)
        result = wf_newref(t, keys_entries(d->keys)[ix].value);
    WF_END_CRITICAL_SECTION(t);
    return result;
}

wf_value wf_dict_get(wf_thread *t, wf_value d, wf_value key)
{
    int64_t hash = key_hash(t, key);
    if (hash == -1)
        return WF_NULL;
    return dict_get_hashed(t, d, key, hash);
}

wf_value wf_dict_get_cstr(wf_thread *t, wf_value d, const char *key)
{
    wf_value k = wf_str_intern_cstr(t, key); /* immortal: no reference to drop */
    if (!k)
        return wf_err_no_memory(t);
    return dict_get_hashed(t, d, k, wf_str_hash(k));
}

int wf_dict_set(wf_thread *t, wf_value dv, wf_value key, wf_value value)
{
    int64_t hash = key_hash(t, key);
    if (hash == -1)
        return -1;
    wf_dict_object *d = as_dict(dv);
    int r;
    WF_BEGIN_CRITICAL_SECTION(t, &d->ob);
    note_access(t, d);
    r = dict_insert(t, d, key, hash, wf_newref(t, value));
    WF_END_CRITICAL_SECTION(t);
    return r;
}

int wf_dict_set_cstr(wf_thread *t, wf_value d, const char *key, wf_value value)
{
    wf_value k = wf_str_intern_cstr(t, key);
    if (!k) {
        wf_err_no_memory(t);
        return -1;
    }
    return wf_dict_set(t, d, k, value);
}

/* Remove key: 1 removed (*value_out gets the value, owned, if not NULL), 0 missing,
 * -1 error. */
static int dict_pop_hashed(wf_thread *t, wf_dict_object *d, wf_value key, int64_t hash,
                           wf_value *value_out)
{
    wf_value old_key = 0, old_value = 0;
    int r;
    WF_BEGIN_CRITICAL_SECTION(t, &d->ob);
    note_access(t, d);
    size_t slot;
    int64_t ix = dict_lookup(t, d, key, hash, &slot);
    r = ix == LOOKUP_ERROR ? -1 : ix == LOOKUP_MISSING ? 0 : 1;
    if (r == 1)
        dict_remove_entry(d, slot, ix, &old_key, &old_value);
    WF_END_CRITICAL_SECTION(t);
    if (r == 1) {
        wf_value_decref(t, old_key);
        if (value_out)
            *value_out = old_value;
        else
            wf_value_decref(t, old_value);
    }
    return r;
}

int wf_dict_del(wf_thread *t, wf_value d, wf_value key)
{
    int64_t hash = key_hash(t, key);
    if (hash == -1)
        return -1;
    return dict_pop_hashed(t, as_dict(d), key, hash, NULL);
}

bool wf_dict_next(wf_thread *t, wf_value dv, size_t *pos, wf_value *key, wf_value *value)
{
    wf_dict_object *d = as_dict(dv);
    bool found = false;
    WF_BEGIN_CRITICAL_SECTION(t, &d->ob);
    note_access(t, d);
    dict_keys *k = d->keys;
    size_t i = *pos;
    while (k && i < k->nentries && !keys_entries(k)[i].key)
        i++;
    if (k && i < k->nentries) {
        dict_entry *e = &keys_entries(k)[i];
        if (key)
            *key = wf_newref(t, e->key);
        if (value)
            *value = wf_newref(t, e->value);
        *pos = i + 1;
        found = true;
    }
    WF_END_CRITICAL_SECTION(t);
    return found;
}

/* Fill `out` with the live entries' keys, values or (key, value) tuples in order. The
 * caller holds the lock on d; out is a list with exactly used slots. */
enum dict_part { PART_KEYS, PART_VALUES, PART_ITEMS };

static wf_value dict_snapshot(wf_thread *t, wf_value dv, enum dict_part part)
{
    wf_dict_object *d = as_dict(dv);
    wf_value result = WF_NULL;
    WF_BEGIN_CRITICAL_SECTION(t, &d->ob);
    note_access(t, d);
    int64_t n = get_used(d);
    wf_value *tmp = n ? wf_mem_alloc(t, (size_t)n * sizeof(wf_value)) : NULL;
    if (n && !tmp) {
        wf_err_no_memory(t);
    } else {
        int64_t j = 0;
        bool ok = true;
        for (size_t i = 0; d->keys && i < d->keys->nentries && ok; i++) {
            dict_entry *e = &keys_entries(d->keys)[i];
            if (!e->key)
                continue;
            if (part == PART_KEYS)
                tmp[j] = e->key;
            else if (part == PART_VALUES)
                tmp[j] = e->value;
            else if (!(tmp[j] = wf_tuple_pack(t, 2, e->key, e->value)))
                ok = false;
            j++;
        }
        if (ok)
            result = wf_list_from_array(t, tmp, (size_t)n);
        if (part == PART_ITEMS)
            for (int64_t i = 0; i < j; i++)
                if (tmp[i])
                    wf_value_decref(t, tmp[i]);
        wf_mem_free(tmp);
    }
    WF_END_CRITICAL_SECTION(t);
    return result;
}

wf_value wf_dict_items(wf_thread *t, wf_value d)
{
    return dict_snapshot(t, d, PART_ITEMS);
}

wf_value wf_dict_keys_list(wf_thread *t, wf_value d)
{
    return dict_snapshot(t, d, PART_KEYS);
}

wf_value wf_dict_values_list(wf_thread *t, wf_value d)
{
    return dict_snapshot(t, d, PART_VALUES);
}

/* Copy every entry of src into dst (both dicts; dst locked by the caller), src read
 * under its own lock. Entries' cached hashes are reused: no user code runs unless
 * dst already had keys equal under __eq__. */
static int dict_merge_dict(wf_thread *t, wf_dict_object *dst, wf_dict_object *src)
{
    int r = 0;
    if (dst == src)
        return 0;
    WF_BEGIN_CRITICAL_SECTION2(t, &dst->ob, &src->ob);
    note_access(t, dst);
    note_access(t, src);
    for (size_t i = 0; src->keys && i < src->keys->nentries; i++) {
        dict_entry *e = &keys_entries(src->keys)[i];
        if (!e->key)
            continue;
        wf_value key = wf_newref(t, e->key);
        int64_t hash = e->hash;
        r = dict_insert(t, dst, key, hash, wf_newref(t, e->value));
        wf_value_decref(t, key);
        if (r < 0)
            break;
    }
    WF_END_CRITICAL_SECTION2(t);
    return r;
}

wf_value wf_dict_copy(wf_thread *t, wf_value d)
{
    wf_value r = wf_dict_new(t);
    if (!r)
        return WF_NULL;
    if (dict_merge_dict(t, as_dict(r), as_dict(d)) < 0) {
        wf_value_decref(t, r);
        return WF_NULL;
    }
    return r;
}

/* ---- update() and the constructor ----------------------------------------------------- */

static wf_value cached_name(wf_thread *t, wf_value *cache, const char *s)
{
    /* interned strings are immortal and unique, so a racing second store is harmless */
    wf_value v = __atomic_load_n(cache, __ATOMIC_ACQUIRE);
    if (!v) {
        v = wf_str_intern_cstr(t, s);
        __atomic_store_n(cache, v, __ATOMIC_RELEASE);
    }
    return v;
}

/* Set d[k] for each k in other.keys(), the value from other[k]. */
static int dict_merge_keys(wf_thread *t, wf_value d, wf_value other, wf_value keys_fn)
{
    wf_value keys = wf_call(t, keys_fn, NULL, 0, WF_NULL);
    if (!keys)
        return -1;
    wf_value it = wf_iter(t, keys);
    wf_value_decref(t, keys);
    if (!it)
        return -1;
    int r = 0;
    wf_value k;
    while ((k = wf_iter_next(t, it))) {
        wf_value v = wf_getitem(t, other, k);
        r = v ? wf_dict_set(t, d, k, v) : -1;
        wf_value_decref(t, k);
        if (v)
            wf_value_decref(t, v);
        if (r < 0)
            break;
    }
    wf_value_decref(t, it);
    return r < 0 || wf_err_occurred(t) ? -1 : 0;
}

/* One element of an update sequence as a key/value pair (new references). */
static int pair_of(wf_thread *t, wf_value item, int64_t index, wf_value *k, wf_value *v)
{
    wf_value seq;
    if (wf_is_object(item) && wf_to_object(item)->ob_type == &wf_tuple_type) {
        seq = wf_newref(t, item);
    } else {
        seq = wf_list_new(t, 2);
        if (!seq)
            return -1;
        if (wf_list_extend(t, seq, item) < 0) {
            wf_value_decref(t, seq);
            if (!wf_err_matches(t, &wf_exc_TypeError))
                return -1;
            wf_err_set(t, &wf_exc_TypeError,
                       "cannot convert dictionary update sequence element #%" PRId64
                       " to a sequence",
                       index);
            return -1;
        }
        wf_value tuple = wf_list_as_tuple(t, seq);
        wf_value_decref(t, seq);
        if (!(seq = tuple))
            return -1;
    }
    size_t n = wf_tuple_size(seq);
    if (n != 2) {
        wf_value_decref(t, seq);
        wf_err_set(t, &wf_exc_ValueError,
                   "dictionary update sequence element #%" PRId64 " has length %zu; 2 is required",
                   index, n);
        return -1;
    }
    *k = wf_newref(t, WF_TUPLE_ITEMS(seq)[0]);
    *v = wf_newref(t, WF_TUPLE_ITEMS(seq)[1]);
    wf_value_decref(t, seq);
    return 0;
}

/* d.update(iterable of pairs) */
static int dict_merge_pairs(wf_thread *t, wf_value d, wf_value pairs)
{
    wf_value it = wf_iter(t, pairs);
    if (!it)
        return -1;
    int r = 0;
    wf_value item;
    for (int64_t index = 0; (item = wf_iter_next(t, it)); index++) {
        wf_value k, v;
        r = pair_of(t, item, index, &k, &v);
        wf_value_decref(t, item);
        if (r < 0)
            break;
        r = wf_dict_set(t, d, k, v);
        wf_value_decref(t, k);
        wf_value_decref(t, v);
        if (r < 0)
            break;
    }
    wf_value_decref(t, it);
    return r < 0 || wf_err_occurred(t) ? -1 : 0;
}

int wf_dict_update(wf_thread *t, wf_value d, wf_value other)
{
    static wf_value keys_name;
    if (wf_dict_check(other) && wf_dict_check(d) &&
        wf_to_object(other)->ob_type->tp_iter == wf_dict_type.tp_iter)
        return dict_merge_dict(t, as_dict(d), as_dict(other));
    wf_value keys_fn = wf_getattr_opt(t, other, cached_name(t, &keys_name, "keys"));
    if (keys_fn) {
        int r = dict_merge_keys(t, d, other, keys_fn);
        wf_value_decref(t, keys_fn);
        return r;
    }
    if (wf_err_occurred(t))
        return -1;
    return dict_merge_pairs(t, d, other);
}

/* update(*args, **kwargs) as dict() and dict.update take them. */
static int dict_update_common(wf_thread *t, wf_value self, const char *name, const wf_value *args,
                              size_t nargs, wf_value kwnames)
{
    if (!wf_check_positional(t, name, nargs, 0, 1))
        return -1;
    if (nargs == 1 && wf_dict_update(t, self, args[0]) < 0)
        return -1;
    size_t nkw = kwnames ? wf_tuple_size(kwnames) : 0;
    for (size_t i = 0; i < nkw; i++)
        if (wf_dict_set(t, self, WF_TUPLE_ITEMS(kwnames)[i], args[nargs + i]) < 0)
            return -1;
    return 0;
}

/* ---- The type's slots ----------------------------------------------------------------- */

static void dict_dealloc(wf_thread *t, wf_object *o)
{
    wf_dict_object *d = (wf_dict_object *)o;
    dict_keys *k = d->keys;
    atomic_store_explicit(&d->keys, NULL, memory_order_relaxed);
    for (size_t i = 0; k && i < k->nentries; i++) {
        dict_entry *e = &keys_entries(k)[i];
        if (e->key) {
            wf_value_decref(t, e->key);
            wf_value_decref(t, e->value);
        }
    }
    keys_free(t, d, k);
    wf_object_free(t, o);
}

static wf_value dict_tp_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    (void)args, (void)nargs, (void)kwnames; /* tp_init reads them */
    size_t size =
        type->tp_basicsize > sizeof(wf_dict_object) ? type->tp_basicsize : sizeof(wf_dict_object);
    wf_dict_object *d = (wf_dict_object *)wf_object_alloc(t, type, size);
    if (!d)
        return wf_err_no_memory(t);
    atomic_init(&d->used, 0);
    d->keys = NULL;
    d->keys_version = 0;
    return wf_from_object(&d->ob);
}

static int dict_tp_init(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                        wf_value kwnames)
{
    return dict_update_common(t, self, "dict", args, nargs, kwnames);
}

static int64_t dict_length(wf_thread *t, wf_value self)
{
    (void)t;
    return wf_dict_size(self);
}

static int dict_contains(wf_thread *t, wf_value self, wf_value key)
{
    wf_value v = wf_dict_get(t, self, key);
    if (!v)
        return wf_err_occurred(t) ? -1 : 0;
    wf_value_decref(t, v);
    return 1;
}

/* d[key]: KeyError(key) when missing, after a subclass's __missing__. */
static wf_value dict_getitem(wf_thread *t, wf_value self, wf_value key)
{
    static wf_value missing_name;
    wf_value v = wf_dict_get(t, self, key);
    if (v || wf_err_occurred(t))
        return v;
    wf_type *type = wf_to_object(self)->ob_type;
    if (type != &wf_dict_type) {
        wf_value missing = wf_type_lookup(t, type, cached_name(t, &missing_name, "__missing__"));
        if (missing) {
            wf_value argv[2] = {self, key};
            return wf_call(t, missing, argv, 2, WF_NULL);
        }
    }
    return wf_err_set_arg(t, &wf_exc_KeyError, key);
}

static int dict_setitem(wf_thread *t, wf_value self, wf_value key, wf_value value)
{
    if (value)
        return wf_dict_set(t, self, key, value);
    int r = wf_dict_del(t, self, key);
    if (r == 0) {
        wf_err_set_arg(t, &wf_exc_KeyError, key);
        return -1;
    }
    return r < 0 ? -1 : 0;
}

/* "{k: v, ...}" with "{...}" for a dict already being printed on this thread. */
static wf_value dict_repr(wf_thread *t, wf_value self)
{
    if (wf_dict_size(self) == 0)
        return wf_str_from_cstr(t, "{}");
    int entered = wf_repr_enter(t, self);
    if (entered != 0)
        return entered > 0 ? wf_str_from_cstr(t, "{...}") : WF_NULL;
    wf_value result = WF_NULL;
    wf_value items = wf_dict_items(t, self);
    if (items) {
        wf_reprbuf b = {0};
        bool ok = wf_reprbuf_add_cstr(t, &b, "{");
        int64_t n = wf_list_size(items);
        for (int64_t i = 0; ok && i < n; i++) {
            wf_value pair = wf_list_get(t, items, i);
            ok = pair && (i == 0 || wf_reprbuf_add_cstr(t, &b, ", ")) &&
                 wf_reprbuf_add_repr(t, &b, WF_TUPLE_ITEMS(pair)[0]) &&
                 wf_reprbuf_add_cstr(t, &b, ": ") &&
                 wf_reprbuf_add_repr(t, &b, WF_TUPLE_ITEMS(pair)[1]);
            if (pair)
                wf_value_decref(t, pair);
        }
        if (ok && wf_reprbuf_add_cstr(t, &b, "}"))
            result = wf_reprbuf_finish(t, &b);
        else
            wf_reprbuf_discard(&b);
        wf_value_decref(t, items);
    }
    wf_repr_leave(t, self);
    return result;
}

/* a == b for two dicts: same size, and every key of a maps to an equal value in b. */
static int dict_equal(wf_thread *t, wf_value a, wf_value b)
{
    if (wf_dict_size(a) != wf_dict_size(b))
        return 0;
    wf_value items = wf_dict_items(t, a);
    if (!items)
        return -1;
    int r = 1;
    int64_t n = wf_list_size(items);
    for (int64_t i = 0; r == 1 && i < n; i++) {
        wf_value pair = wf_list_get(t, items, i);
        if (!pair) {
            r = -1;
            break;
        }
        wf_value bv = wf_dict_get(t, b, WF_TUPLE_ITEMS(pair)[0]);
        if (!bv)
            r = wf_err_occurred(t) ? -1 : 0;
        else
            r = wf_richcompare_bool(t, WF_TUPLE_ITEMS(pair)[1], bv, WF_CMP_EQ);
        if (bv)
            wf_value_decref(t, bv);
        wf_value_decref(t, pair);
    }
    wf_value_decref(t, items);
    return r;
}

static wf_value dict_richcompare(wf_thread *t, wf_value a, wf_value b, int op)
{
    if (!wf_dict_check(a) || !wf_dict_check(b) || (op != WF_CMP_EQ && op != WF_CMP_NE))
        return wf_newref(t, WF_NOTIMPLEMENTED);
    int eq = dict_equal(t, a, b);
    if (eq < 0)
        return WF_NULL;
    return wf_bool((op == WF_CMP_EQ) == (eq == 1));
}

/* d | other: a copy of d updated with other (dicts only). */
static wf_value dict_or(wf_thread *t, wf_value a, wf_value b)
{
    if (!wf_dict_check(a) || !wf_dict_check(b))
        return wf_newref(t, WF_NOTIMPLEMENTED);
    wf_value r = wf_dict_copy(t, a);
    if (r && wf_dict_update(t, r, b) < 0) {
        wf_value_decref(t, r);
        return WF_NULL;
    }
    return r;
}

/* d |= other: update with any mapping or iterable of pairs. */
static wf_value dict_ior(wf_thread *t, wf_value a, wf_value b)
{
    if (!wf_dict_check(a))
        return wf_newref(t, WF_NOTIMPLEMENTED);
    if (wf_dict_update(t, a, b) < 0)
        return WF_NULL;
    return wf_newref(t, a);
}

/* ---- Methods ------------------------------------------------------------------------------ */

static wf_value dict_m_get(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "dict.get", kwnames) || !wf_check_positional(t, "get", nargs, 1, 2))
        return WF_NULL;
    wf_value v = wf_dict_get(t, self, args[0]);
    if (v || wf_err_occurred(t))
        return v;
    return wf_newref(t, nargs == 2 ? args[1] : WF_NONE);
}

/* d.setdefault(key, default=None): one critical section, so two threads setting the
 * same key agree on the value. */
static wf_value dict_m_setdefault(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                  wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "dict.setdefault", kwnames) ||
        !wf_check_positional(t, "setdefault", nargs, 1, 2))
        return WF_NULL;
    wf_value key = args[0], dflt = nargs == 2 ? args[1] : WF_NONE;
    int64_t hash = key_hash(t, key);
    if (hash == -1)
        return WF_NULL;
    wf_dict_object *d = as_dict(self);
    wf_value result = WF_NULL;
    WF_BEGIN_CRITICAL_SECTION(t, &d->ob);
    note_access(t, d);
    size_t slot;
    int64_t ix = dict_lookup(t, d, key, hash, &slot);
    if (ix >= 0)
        result = wf_newref(t, keys_entries(d->keys)[ix].value);
    else if (ix == LOOKUP_MISSING && dict_insert(t, d, key, hash, wf_newref(t, dflt)) == 0)
        result = wf_newref(t, dflt);
    WF_END_CRITICAL_SECTION(t);
    return result;
}

static wf_value dict_m_pop(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "dict.pop", kwnames) || !wf_check_positional(t, "pop", nargs, 1, 2))
        return WF_NULL;
    int64_t hash = key_hash(t, args[0]);
    if (hash == -1)
        return WF_NULL;
    wf_value v;
    int r = dict_pop_hashed(t, as_dict(self), args[0], hash, &v);
    if (r < 0)
        return WF_NULL;
    if (r == 1)
        return v;
    if (nargs == 2)
        return wf_newref(t, args[1]);
    return wf_err_set_arg(t, &wf_exc_KeyError, args[0]);
}

/* Remove and return the last (key, value) pair. */
static wf_value dict_m_popitem(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                               wf_value kwnames)
{
    (void)args;
    if (!wf_check_no_kwargs(t, "dict.popitem", kwnames) ||
        !wf_check_nargs(t, "dict.popitem", nargs, 0, 0))
        return WF_NULL;
    wf_dict_object *d = as_dict(self);
    wf_value key = 0, value = 0;
    WF_BEGIN_CRITICAL_SECTION(t, &d->ob);
    note_access(t, d);
    dict_keys *k = d->keys;
    if (k && get_used(d) > 0) {
        size_t i = k->nentries;
        while (!keys_entries(k)[i - 1].key)
            i--;
        dict_entry *e = &keys_entries(k)[i - 1];
        size_t mask = k->size - 1, slot = (size_t)e->hash & mask;
        for (uint64_t perturb = (uint64_t)e->hash; k->indices[slot] != (int32_t)(i - 1);) {
            perturb >>= 5;
            slot = (slot * 5 + perturb + 1) & mask;
        }
        dict_remove_entry(d, slot, (int64_t)(i - 1), &key, &value);
        k->nentries = i - 1; /* as CPython: the last entries are reused by nothing */
    }
    WF_END_CRITICAL_SECTION(t);
    if (!key)
        return wf_err_set(t, &wf_exc_KeyError, "popitem(): dictionary is empty");
    wf_value r = wf_tuple_new(t, 2);
    if (!r) {
        wf_value_decref(t, key);
        wf_value_decref(t, value);
        return WF_NULL;
    }
    WF_TUPLE_ITEMS(r)[0] = key;
    WF_TUPLE_ITEMS(r)[1] = value;
    return r;
}

static wf_value dict_m_update(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    if (dict_update_common(t, self, "update", args, nargs, kwnames) < 0)
        return WF_NULL;
    return WF_NONE;
}

static wf_value dict_m_copy(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    (void)args;
    if (!wf_check_no_kwargs(t, "dict.copy", kwnames) ||
        !wf_check_nargs(t, "dict.copy", nargs, 0, 0))
        return WF_NULL;
    return wf_dict_copy(t, self);
}

/* Empty the dict; the old entries are dropped after the lock is released, since
 * their finalizers may use the dict. */
static wf_value dict_m_clear(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    (void)args;
    if (!wf_check_no_kwargs(t, "dict.clear", kwnames) ||
        !wf_check_nargs(t, "dict.clear", nargs, 0, 0))
        return WF_NULL;
    wf_dict_object *d = as_dict(self);
    dict_keys *k;
    WF_BEGIN_CRITICAL_SECTION(t, &d->ob);
    note_access(t, d);
    k = d->keys;
    atomic_store_explicit(&d->keys, NULL, memory_order_release);
    d->keys_version++;
    set_used(d, 0);
    WF_END_CRITICAL_SECTION(t);
    for (size_t i = 0; k && i < k->nentries; i++) {
        dict_entry *e = &keys_entries(k)[i];
        if (e->key) {
            wf_value_decref(t, e->key);
            wf_value_decref(t, e->value);
        }
    }
    keys_free(t, d, k);
    return WF_NONE;
}

/* dict.fromkeys(iterable, value=None), a classmethod: self is the class. */
static wf_value dict_m_fromkeys(wf_thread *t, wf_value cls, const wf_value *args, size_t nargs,
                                wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "dict.fromkeys", kwnames) ||
        !wf_check_positional(t, "fromkeys", nargs, 1, 2))
        return WF_NULL;
    wf_value value = nargs == 2 ? args[1] : WF_NONE;
    wf_value d =
        cls == wf_type_value(&wf_dict_type) ? wf_dict_new(t) : wf_call(t, cls, NULL, 0, WF_NULL);
    if (!d)
        return WF_NULL;
    wf_value it = wf_iter(t, args[0]);
    if (!it) {
        wf_value_decref(t, d);
        return WF_NULL;
    }
    wf_value k;
    int r = 0;
    while (r == 0 && (k = wf_iter_next(t, it))) {
        r = wf_setitem(t, d, k, value);
        wf_value_decref(t, k);
    }
    wf_value_decref(t, it);
    if (r < 0 || wf_err_occurred(t)) {
        wf_value_decref(t, d);
        return WF_NULL;
    }
    return d;
}

static wf_value dict_m_contains(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "dict.__contains__", kwnames) ||
        !wf_check_nargs(t, "dict.__contains__", nargs, 1, 1))
        return WF_NULL;
    int r = dict_contains(t, self, args[0]);
    return r < 0 ? WF_NULL : wf_bool(r);
}

static wf_value dict_m_getitem(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                               wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "dict.__getitem__", kwnames) ||
        !wf_check_nargs(t, "dict.__getitem__", nargs, 1, 1))
        return WF_NULL;
    return dict_getitem(t, self, args[0]);
}

static wf_value dict_m_keys(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    (void)args;
    if (!wf_check_no_kwargs(t, "dict.keys", kwnames) ||
        !wf_check_nargs(t, "dict.keys", nargs, 0, 0))
        return WF_NULL;
    return wf_dict_view_new(t, self, WF_DICT_KEYS);
}

static wf_value dict_m_values(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    (void)args;
    if (!wf_check_no_kwargs(t, "dict.values", kwnames) ||
        !wf_check_nargs(t, "dict.values", nargs, 0, 0))
        return WF_NULL;
    return wf_dict_view_new(t, self, WF_DICT_VALUES);
}

static wf_value dict_m_items(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    (void)args;
    if (!wf_check_no_kwargs(t, "dict.items", kwnames) ||
        !wf_check_nargs(t, "dict.items", nargs, 0, 0))
        return WF_NULL;
    return wf_dict_view_new(t, self, WF_DICT_ITEMS);
}

static wf_value dict_m_reversed(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                wf_value kwnames)
{
    (void)args;
    if (!wf_check_no_kwargs(t, "dict.__reversed__", kwnames) ||
        !wf_check_nargs(t, "dict.__reversed__", nargs, 0, 0))
        return WF_NULL;
    return wf_dict_iter_new(t, self, WF_DICT_KEYS, true);
}

static wf_value dict_iter(wf_thread *t, wf_value self)
{
    return wf_dict_iter_new(t, self, WF_DICT_KEYS, false);
}

/* ---- Entry access for the views and iterators (runtime/dict_views.c) ------------------ */

/* Take a reference on *slot's value if the slot still holds it afterwards: the
 * lock-free read protocol for one field. 0 when the slot is empty or changed. */
static wf_value take_field(wf_thread *t, _Atomic wf_value *slot)
{
    wf_value v = atomic_load_explicit(slot, memory_order_acquire);
    if (!v || (wf_is_object(v) && !wf_try_incref(t, wf_to_object(v))))
        return WF_NULL;
    if (atomic_load_explicit(slot, memory_order_acquire) != v) {
        wf_value_decref(t, v);
        return WF_NULL;
    }
    return v;
}

#define ENTRY_RETRY (-2)

/* wf_dict_entry_at without the lock (see the file comment); ENTRY_RETRY when the
 * locked path must decide (a field changed under us, or the dict is not readable
 * lock-free by this thread). */
static int64_t entry_at_lockfree(wf_thread *t, wf_dict_object *d, int64_t pos, int dir,
                                 wf_value *key, wf_value *value, int64_t *used)
{
    if (!wf_is_owner(t, &d->ob) && !dict_is_shared(d))
        return ENTRY_RETRY;
    *used = get_used(d);
    dict_keys *k = atomic_load_explicit(&d->keys, memory_order_acquire);
    int64_t n = k ? (int64_t)atomic_load_explicit(&k->nentries, memory_order_acquire) : 0;
    if (pos == INT64_MAX)
        pos = n - 1;
    for (; pos >= 0 && pos < n; pos += dir) {
        dict_entry *e = &keys_entries(k)[pos];
        if (!atomic_load_explicit(&e->key, memory_order_acquire))
            continue;
        wf_value kv = take_field(t, &e->key);
        wf_value vv = kv ? take_field(t, &e->value) : WF_NULL;
        bool same = vv && atomic_load_explicit(&e->key, memory_order_acquire) == kv &&
                    atomic_load_explicit(&d->keys, memory_order_acquire) == k;
        if (!same) {
            if (kv)
                wf_value_decref(t, kv);
            if (vv)
                wf_value_decref(t, vv);
            return ENTRY_RETRY;
        }
        if (key)
            *key = kv;
        else
            wf_value_decref(t, kv);
        if (value)
            *value = vv;
        else
            wf_value_decref(t, vv);
        return pos;
    }
    return atomic_load_explicit(&d->keys, memory_order_acquire) == k ? -1 : ENTRY_RETRY;
}

int64_t wf_dict_entry_at(wf_thread *t, wf_value dv, int64_t pos, int dir, wf_value *key,
                         wf_value *value, int64_t *used)
{
    wf_dict_object *d = as_dict(dv);
    int64_t found = entry_at_lockfree(t, d, pos, dir, key, value, used);
    if (found != ENTRY_RETRY)
        return found;
    found = -1;
    WF_BEGIN_CRITICAL_SECTION(t, &d->ob);
    note_access(t, d);
    dict_keys *k = d->keys;
    int64_t n = k ? (int64_t)k->nentries : 0;
    if (pos == INT64_MAX)
        pos = n - 1; /* reverse iteration starts at the last entry */
    for (; pos >= 0 && pos < n; pos += dir) {
        dict_entry *e = &keys_entries(k)[pos];
        if (!e->key)
            continue;
        if (key)
            *key = wf_newref(t, e->key);
        if (value)
            *value = wf_newref(t, e->value);
        found = pos;
        break;
    }
    *used = get_used(d);
    WF_END_CRITICAL_SECTION(t);
    return found;
}

static const wf_number_methods dict_as_number = {
    .binop[WF_NB_OR] = dict_or,
    .inplace[WF_NB_OR] = dict_ior,
};

static const wf_mapping_methods dict_as_mapping = {
    .length = dict_length,
    .getitem = dict_getitem,
    .setitem = dict_setitem,
    .contains = dict_contains,
};

static const wf_method_def dict_methods[] = {
    {"__contains__", dict_m_contains, 0},
    {"__getitem__", dict_m_getitem, 0},
    {"__reversed__", dict_m_reversed, 0},
    {"get", dict_m_get, 0},
    {"setdefault", dict_m_setdefault, 0},
    {"pop", dict_m_pop, 0},
    {"popitem", dict_m_popitem, 0},
    {"keys", dict_m_keys, 0},
    {"items", dict_m_items, 0},
    {"values", dict_m_values, 0},
    {"update", dict_m_update, 0},
    {"fromkeys", dict_m_fromkeys, WF_METH_CLASS},
    {"clear", dict_m_clear, 0},
    {"copy", dict_m_copy, 0},
    {"__class_getitem__", wf_class_getitem, WF_METH_CLASS},
    {NULL, NULL, 0},
};

wf_type wf_dict_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "dict",
    .tp_basicsize = sizeof(wf_dict_object),
    .tp_flags = WF_TPFLAG_TRACKED | WF_TPFLAG_BASETYPE | WF_TPFLAG_DICT_SUBCLASS,
    .tp_dealloc = dict_dealloc,
    .tp_repr = dict_repr,
    .tp_richcompare = dict_richcompare,
    .tp_iter = dict_iter,
    .tp_new = dict_tp_new,
    .tp_init = dict_tp_init,
    .tp_as_number = &dict_as_number,
    .tp_as_mapping = &dict_as_mapping,
    .tp_methods = dict_methods,
    .tp_doc = "dict() -> new empty dictionary\ndict(mapping) -> new dictionary initialized from "
              "a mapping object's\n    (key, value) pairs\ndict(iterable) -> new dictionary "
              "initialized as if via:\n    d = {}\n    for k, v in iterable:\n        d[k] = "
              "v\ndict(**kwargs) -> new dictionary initialized with the name=value pairs\n    "
              "in the keyword argument list.  For example:  dict(one=1, two=2)",
};
