/* types.GenericAlias: what list[int], dict[str, int] or tuple[int, ...] evaluate to
 * (PEP 585). The containers' __class_getitem__ make one; it records the origin class
 * and the arguments, prints as "list[int]", compares and hashes by both, calls the
 * origin, forwards other attribute reads to the origin, and makes a union with `|`
 * (list[int] | None, runtime/union.h), as CPython 3.11's. */
#ifndef WF_GENERIC_ALIAS_H
#define WF_GENERIC_ALIAS_H

#include "object.h"

extern wf_type wf_generic_alias_type;

static inline bool wf_generic_alias_check(wf_value v)
{
    return wf_is_object(v) && wf_to_object(v)->ob_type == &wf_generic_alias_type;
}

/* origin[args]: args is one value or a tuple of them (as the subscript gives it). */
wf_value wf_generic_alias_new(wf_thread *t, wf_value origin, wf_value args);

/* cls.__class_getitem__(item): the classmethod the container types expose. */
wf_value wf_class_getitem(wf_thread *t, wf_value cls, const wf_value *args, size_t nargs,
                          wf_value kwnames);

#endif
