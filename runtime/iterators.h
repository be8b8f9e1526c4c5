/* Generic iterators: the sequence iterator behind iter(obj) for objects with only
 * __getitem__, the callable iterator of iter(f, sentinel), and the builtins enumerate,
 * zip (strict=True included), map, filter and reversed (__reversed__ first, then the
 * __len__/__getitem__ fallback). Each is a type whose tp_new implements the builtin;
 * the builtins part exposes the types under their names. */
#ifndef WF_ITERATORS_H
#define WF_ITERATORS_H

#include "abstract.h"
#include "object.h"

extern wf_type wf_seqiter_type;       /* "iterator" */
extern wf_type wf_callable_iter_type; /* "callable_iterator" */
extern wf_type wf_enumerate_type, wf_zip_type, wf_map_type, wf_filter_type;
extern wf_type wf_reversed_type; /* "reversed" */

/* iter(seq) for an object with __getitem__: calls seq[0], seq[1], ... until IndexError
 * or StopIteration. */
wf_value wf_seqiter_new(wf_thread *t, wf_value seq);
/* iter(callable, sentinel) */
wf_value wf_callable_iter_new(wf_thread *t, wf_value callable, wf_value sentinel);
/* reversed(seq) */
wf_value wf_reversed(wf_thread *t, wf_value seq);

/* tp_iter of every iterator type: iter(it) is it. */
static inline wf_value wf_self_iter(wf_thread *t, wf_value self)
{
    return wf_newref(t, self);
}

#endif
