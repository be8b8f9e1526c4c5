/* Allocation (see alloc.h). */
#include "alloc.h"

#include <stdlib.h>
#include <string.h>
#include <sys/sysinfo.h>

#include "qsbr.h"
#include "tracked.h"

#if WF_ASAN || WF_TSAN || defined(WF_FORCE_LIBC_MALLOC)
#define WF_ALLOC_LIBC 1
#include <malloc.h>
#else
#define WF_ALLOC_LIBC 0
#include <mimalloc.h>
#endif

/* The largest single block worth asking for: the machine's RAM plus swap. A bigger
 * request can only fail, but with overcommit the OS may grant the address space and
 * the program would then fill it page by page until the OOM killer stops it; refusing
 * it gives MemoryError at once, as CPython gets from malloc. Computed on first use. */
static _Atomic size_t alloc_limit;

static size_t limit(void)
{
    /* relaxed: every thread computes the same value */
    size_t l = atomic_load_explicit(&alloc_limit, memory_order_relaxed);
    if (WF_UNLIKELY(l == 0)) {
        struct sysinfo si;
        l = sysinfo(&si) == 0 ? ((size_t)si.totalram + (size_t)si.totalswap) * si.mem_unit
                              : SIZE_MAX;
        if (l == 0)
            l = SIZE_MAX;
        atomic_store_explicit(&alloc_limit, l, memory_order_relaxed);
    }
    return l;
}

/* Only a request past 1 GiB pays for the comparison with the limit. */
static inline bool too_big(size_t n)
{
    return WF_UNLIKELY(n > ((size_t)1 << 30)) && n > limit();
}

void wf_alloc_thread_init(wf_thread *t)
{
#if WF_ALLOC_LIBC
    t->heap = NULL;
#else
    t->heap = mi_heap_new();
    if (!t->heap)
        wf_fatal("cannot create a mimalloc heap");
#endif
}

/* Blocks still allocated move to mimalloc's backing heap and stay valid; other
 * threads free them as usual. */
void wf_alloc_thread_fini(wf_thread *t)
{
#if !WF_ALLOC_LIBC
    mi_heap_delete(t->heap);
#endif
    t->heap = NULL;
}

void *wf_mem_alloc(wf_thread *t, size_t n)
{
    if (too_big(n))
        return NULL;
#if WF_ALLOC_LIBC
    (void)t;
    return malloc(n);
#else
    return mi_heap_malloc(t->heap, n);
#endif
}

void *wf_mem_realloc(wf_thread *t, void *p, size_t n)
{
    if (too_big(n))
        return NULL;
#if WF_ALLOC_LIBC
    (void)t;
    return realloc(p, n);
#else
    return mi_heap_realloc(t->heap, p, n);
#endif
}

void wf_mem_free(void *p)
{
#if WF_ALLOC_LIBC
    free(p);
#else
    mi_free(p);
#endif
}

size_t wf_mem_usable_size(void *p)
{
#if WF_ALLOC_LIBC
    return malloc_usable_size(p);
#else
    return mi_usable_size(p);
#endif
}

void *wf_raw_alloc(size_t n)
{
    if (too_big(n))
        return NULL;
#if WF_ALLOC_LIBC
    return malloc(n);
#else
    return mi_malloc(n);
#endif
}

void *wf_raw_realloc(void *p, size_t n)
{
    if (too_big(n))
        return NULL;
#if WF_ALLOC_LIBC
    return realloc(p, n);
#else
    return mi_realloc(p, n);
#endif
}

void wf_raw_free(void *p)
{
    wf_mem_free(p);
}

wf_object *wf_object_alloc(wf_thread *t, wf_type *type, size_t size)
{
    WF_ASSERT(size >= sizeof(wf_object));
    bool tracked = (type->tp_flags & WF_TPFLAG_TRACKED) != 0;
    size_t pre = tracked ? sizeof(wf_gc_link) : 0;
    char *mem = wf_mem_alloc(t, pre + size);
    if (!mem)
        return NULL;
    memset(mem, 0, pre + size);
    wf_object *o = (wf_object *)(mem + pre);
    /* plain initialization: o is not yet visible to any other thread */
    atomic_init(&o->ob_tid, t->tid);
    atomic_init(&o->ob_mutex.v, 0);
    atomic_init(&o->ob_gc_bits, tracked ? WF_GC_TRACKED : 0);
    atomic_init(&o->ob_flags, 0);
    atomic_init(&o->ob_ref_local, 1);
    atomic_init(&o->ob_ref_shared, 0);
    o->ob_type = type;
    if (tracked)
        wf_tracked_insert(t, o);
    return o;
}

void wf_object_free_memory(wf_thread *t, wf_object *o)
{
    uint8_t bits = atomic_load_explicit(&o->ob_gc_bits, memory_order_relaxed);
    void *mem = bits & WF_GC_TRACKED ? (void *)wf_gc_link_of(o) : (void *)o;
    if (bits & WF_GC_SHARED)
        wf_qsbr_free(t, mem);
    else
        wf_mem_free(mem);
}

void wf_object_free(wf_thread *t, wf_object *o)
{
    uint8_t bits = atomic_load_explicit(&o->ob_gc_bits, memory_order_relaxed);
    if ((bits & WF_GC_TRACKED) && !wf_tracked_remove(t, o))
        return; /* its list's owner frees it */
    wf_object_free_memory(t, o);
}
