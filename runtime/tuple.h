/* tuple: immutable array of values. The empty tuple is immortal and unique. A new
 * tuple is filled by its creator (wf_tuple_new, then WF_TUPLE_ITEMS writes) before
 * anyone else sees it; after that it never changes. */
#ifndef WF_TUPLE_H
#define WF_TUPLE_H

#include "object.h"

extern wf_type wf_tuple_type, wf_tuple_iter_type;

typedef struct wf_tuple_object {
    wf_object ob;
    size_t size;
    wf_value items[];
} wf_tuple_object;

#define WF_TUPLE_ITEMS(v) (((wf_tuple_object *)wf_to_object(v))->items)
static inline size_t wf_tuple_size(wf_value v)
{
    return ((wf_tuple_object *)wf_to_object(v))->size;
}

bool wf_tuple_check(wf_value v); /* tuple or a subclass */
/* A tuple of n items, all 0: the caller stores owned references into every slot. */
wf_value wf_tuple_new(wf_thread *t, size_t n);
/* A tuple of copies of the n values (new references taken). */
wf_value wf_tuple_from_array(wf_thread *t, const wf_value *items, size_t n);
wf_value wf_tuple_pack(wf_thread *t, size_t n, ...); /* n wf_value arguments, borrowed */
wf_value wf_tuple_empty(void);                       /* immortal */
/* An instance of the tuple subtype `type` with the items of the exact tuple `items`. */
wf_value wf_tuple_subtype_new(wf_thread *t, wf_type *type, wf_value items);

#endif
