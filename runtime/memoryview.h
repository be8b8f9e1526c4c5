/* memoryview: a one-dimensional view of unsigned bytes (format 'B', itemsize 1) over a
 * bytes or a bytearray, as CPython's for that case. A view of a view, and every slice,
 * refers to the original object directly (its obj), with its own start and step.
 *
 * Locking rule: a view's fields are immutable after creation, except released. A view
 * of a bytearray is an export of it: creating it increments the bytearray's export
 * count and releasing it (release(), the with block's end, or deallocation) decrements
 * it, both inside a critical section on the bytearray that also sets released; while
 * the count is positive the bytearray refuses to change its size (BufferError), so the
 * view's items stay in range. Reads and writes of those items take the same critical
 * section, as bytearray's own do. A view of a bytes needs no lock. */
#ifndef WF_MEMORYVIEW_H
#define WF_MEMORYVIEW_H

#include "bytes.h"
#include "object.h"

extern wf_type wf_memoryview_type;

typedef struct wf_memoryview_object {
    wf_object ob;
    wf_value obj;             /* bytes or bytearray, owned; immutable */
    int64_t start, step, len; /* items obj[start + i*step] for i < len; immutable */
    bool readonly;            /* immutable: true over bytes */
    _Atomic bool released;    /* over a bytearray: written inside its critical section */
    _Atomic int64_t hash;     /* -1 until computed (read-only views only) */
} wf_memoryview_object;

static inline bool wf_memoryview_check(wf_value v)
{
    return wf_is_object(v) && wf_to_object(v)->ob_type == &wf_memoryview_type;
}

/* The bytes of a memoryview for wf_bytes_view_get: a view of a bytes with step 1 in
 * place, any other through a snapshot; false with ValueError "operation forbidden on
 * released memoryview object". */
bool wf_memoryview_view(wf_thread *t, wf_value v, wf_bytes_view *out);

#endif
