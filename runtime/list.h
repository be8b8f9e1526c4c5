/* list: a mutable array. Every mutation runs in a critical section on the list
 * (runtime/critical_section.h); wf_list_get reads without the lock (DESIGN "Lock-free
 * reads"): the item array is replaced on resize and the old one freed through QSBR. */
#ifndef WF_LIST_H
#define WF_LIST_H

#include "object.h"

extern wf_type wf_list_type;

bool wf_list_check(wf_value v);                      /* list or a subclass */
wf_value wf_list_new(wf_thread *t, size_t capacity); /* empty */
/* A list holding copies of the n values. */
wf_value wf_list_from_array(wf_thread *t, const wf_value *items, size_t n);
int wf_list_append(wf_thread *t, wf_value list, wf_value item); /* 0 or -1 */
/* list[i] for 0 <= i < len, new reference; 0 with IndexError "list index out of range". */
wf_value wf_list_get(wf_thread *t, wf_value list, int64_t i);
int wf_list_set(wf_thread *t, wf_value list, int64_t i, wf_value item);
int64_t wf_list_size(wf_value list);
/* list.extend(iterable). */
int wf_list_extend(wf_thread *t, wf_value list, wf_value iterable);
/* tuple(list) snapshot. */
wf_value wf_list_as_tuple(wf_thread *t, wf_value list);
/* list.sort(key=key, reverse=reverse); key may be 0. Stable. */
int wf_list_sort(wf_thread *t, wf_value list, wf_value key, bool reverse);

#endif
