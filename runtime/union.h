/* types.UnionType: what `int | str`, `int | None` or `list[int] | None` evaluate to
 * (PEP 604), as CPython 3.11's. `|` between classes, None, generic aliases and unions
 * makes one: nested unions flatten, None becomes NoneType, duplicates drop (aliases by
 * equality, everything else by identity), and a single remaining member is returned
 * itself (int | int is int). A union prints as "int | None", compares and hashes as
 * the set of its members, and isinstance / issubclass test it as the tuple of them. */
#ifndef WF_UNION_H
#define WF_UNION_H

#include "object.h"

extern wf_type wf_union_type;

static inline bool wf_union_check(wf_value v)
{
    return wf_is_object(v) && wf_to_object(v)->ob_type == &wf_union_type;
}

/* a | b for a class, None, alias or union on either side (the nb_or of `type`,
 * GenericAlias and UnionType): the union, a single member, or NotImplemented when
 * either operand is something else. */
wf_value wf_union_or(wf_thread *t, wf_value a, wf_value b);

/* isinstance(v, u) / issubclass(derived, u) for a union u: each member in turn, as
 * wf_isinstance / wf_issubclass would test it inside a tuple; a generic alias member
 * raises TypeError as CPython's does ("isinstance() argument 2 cannot be a
 * parameterized generic"). 1, 0 or -1. */
int wf_union_isinstance(wf_thread *t, wf_value v, wf_value u);
int wf_union_issubclass(wf_thread *t, wf_value derived, wf_value u);

#endif
