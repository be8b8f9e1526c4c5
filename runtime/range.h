/* range: an immutable arithmetic sequence of ints, as CPython's (any size: the bounds
 * and the length are ints, big ones included). Iteration over bounds that fit in 64
 * bits uses a C-integer iterator ("range_iterator"); others a big-int one
 * ("longrange_iterator"). */
#ifndef WF_RANGE_H
#define WF_RANGE_H

#include "object.h"

extern wf_type wf_range_type, wf_range_iter_type, wf_longrange_iter_type;

typedef struct wf_range_object {
    wf_object ob;
    wf_value start, stop, step; /* ints, owned, immutable */
    wf_value length;            /* int, owned: len() of the sequence */
} wf_range_object;

static inline bool wf_range_check(wf_value v)
{
    return wf_is_object(v) && wf_to_object(v)->ob_type == &wf_range_type;
}

/* range(start, stop, step) for three ints; ValueError "range() arg 3 must not be zero". */
wf_value wf_range_new(wf_thread *t, wf_value start, wf_value stop, wf_value step);

#endif
