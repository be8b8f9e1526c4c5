/* The abstract object operations: what the evaluation loop and built-in functions call
 * on any value. Each dispatches on the operands' types (slots), applies Python's rules
 * (reflected binary operators, rich-comparison fallbacks, __bool__/__len__ truth,
 * __index__), and raises CPython's TypeError messages when nothing applies, e.g.
 * "unsupported operand type(s) for +: 'int' and 'str'", "'int' object is not
 * subscriptable", "object of type 'int' has no len()".
 *
 * All return new references; 0 / -1 means an exception is set on t. */
#ifndef WF_ABSTRACT_H
#define WF_ABSTRACT_H

#include "object.h"

static inline wf_value wf_newref(wf_thread *t, wf_value v)
{
    wf_value_incref(t, v);
    return v;
}

wf_value wf_repr(wf_thread *t, wf_value v); /* a str; RecursionError on deep nesting */
wf_value wf_str(wf_thread *t, wf_value v);
wf_value wf_ascii(wf_thread *t, wf_value v);
wf_value wf_format(wf_thread *t, wf_value v, wf_value spec); /* format(v, spec) */
int64_t wf_hash(wf_thread *t, wf_value v);                   /* -1: error */

wf_value wf_richcompare(wf_thread *t, wf_value a, wf_value b, enum wf_cmp_op op);
/* 1, 0 or -1; EQ and NE treat identical objects as equal first, as CPython's
 * PyObject_RichCompareBool (used by containers). */
int wf_richcompare_bool(wf_thread *t, wf_value a, wf_value b, enum wf_cmp_op op);
int wf_truth(wf_thread *t, wf_value v); /* bool(v): 1, 0, or -1 */

/* a op b for op in enum wf_nb_op; in-place forms (WF_NB_INPLACE + op) try the
 * in-place slot first. */
wf_value wf_binary_op(wf_thread *t, wf_value a, wf_value b, int op);
wf_value wf_power3(wf_thread *t, wf_value a, wf_value b, wf_value m);
wf_value wf_negative(wf_thread *t, wf_value v);
wf_value wf_positive(wf_thread *t, wf_value v);
wf_value wf_invert(wf_thread *t, wf_value v);
wf_value wf_absolute(wf_thread *t, wf_value v);
/* operator.index(v): an int. */
wf_value wf_index(wf_thread *t, wf_value v);
/* v as a C index for sequences: IndexError/OverflowError message as CPython's
 * ("cannot fit 'int' into an index-sized integer"); -1 with an exception set, check
 * wf_err_occurred. */
int64_t wf_as_ssize(wf_thread *t, wf_value v);
/* The same with OverflowError and the same message: a repeat count, a length
 * (CPython's PyNumber_AsSsize_t(v, OverflowError)). */
int64_t wf_as_ssize_overflow(wf_thread *t, wf_value v);
/* The same for a method's Py_ssize_t argument: OverflowError "Python int too large to
 * convert to C ssize_t" (CPython's argument converter). */
int64_t wf_ssize_arg(wf_thread *t, wf_value v);

/* Calls: the vector convention (object.h). */
wf_value wf_call(wf_thread *t, wf_value callable, const wf_value *args, size_t nargs,
                 wf_value kwnames);
/* callable(*args) with a tuple and an optional dict (0): for f(*a, **k). */
wf_value wf_call_tuple_dict(wf_thread *t, wf_value callable, wf_value args, wf_value kwargs);
/* self.name(*args) */
wf_value wf_call_method(wf_thread *t, wf_value self, wf_value name, const wf_value *args,
                        size_t nargs);
bool wf_callable(wf_value v);

/* Attributes; name is a str. */
wf_value wf_getattr(wf_thread *t, wf_value v, wf_value name);
wf_value wf_getattr_cstr(wf_thread *t, wf_value v, const char *name);
/* The attribute, or 0 without an exception when it is missing (AttributeError
 * swallowed); other errors are 0 with the exception set. */
wf_value wf_getattr_opt(wf_thread *t, wf_value v, wf_value name);
int wf_setattr(wf_thread *t, wf_value v, wf_value name, wf_value value); /* value 0 deletes */

/* Items. */
wf_value wf_getitem(wf_thread *t, wf_value obj, wf_value key);
int wf_setitem(wf_thread *t, wf_value obj, wf_value key, wf_value value);
int wf_delitem(wf_thread *t, wf_value obj, wf_value key);
int wf_contains(wf_thread *t, wf_value container, wf_value item); /* `item in container` */
int64_t wf_len(wf_thread *t, wf_value v);                         /* -1: error */

/* Iteration. wf_iter_next returns 0 with no exception set when the iterator is
 * exhausted (a StopIteration raised by a Python __next__ is swallowed). */
wf_value wf_iter(wf_thread *t, wf_value v);
wf_value wf_iter_next(wf_thread *t, wf_value it);
/* Count one level of C recursion against the thread's recursion limit: false with
 * RecursionError ("maximum recursion depth exceeded" + where) when over it. */
bool wf_enter_recursion(wf_thread *t, const char *where);
void wf_leave_recursion(wf_thread *t);

/* isinstance / issubclass with tuples and __instancecheck__-free semantics for now. */
int wf_isinstance(wf_thread *t, wf_value v, wf_value cls);
int wf_issubclass(wf_thread *t, wf_value derived, wf_value cls);

#endif
