/* Raising and catching exceptions in C.
 *
 * The exception being raised lives in t->exc (an exception instance, owned). A function
 * that fails sets it and returns 0 (WF_NULL), -1 or false, as its header says; its
 * caller either handles it (wf_err_fetch / wf_err_clear) or passes the failure up.
 * Never overwrite a pending exception by accident: wf_err_set replaces it, so set only
 * when you are the one failing. Out of memory raises MemoryError with a preallocated
 * instance, so raising never needs memory. */
#ifndef WF_ERROR_H
#define WF_ERROR_H

#include "object.h"

#define WF_NULL ((wf_value)0)

/* Raise type(message), message formatted as printf. Returns WF_NULL for
 * `return wf_err_set(...)`. */
wf_value wf_err_set(wf_thread *t, wf_type *type, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Raise type(arg) (no formatting; arg may be any object, e.g. a KeyError's key). */
wf_value wf_err_set_arg(wf_thread *t, wf_type *type, wf_value arg);
/* Raise type() with no arguments. */
wf_value wf_err_set_none(wf_thread *t, wf_type *type);
/* Raise the exception instance exc (a new reference is taken). */
wf_value wf_err_set_object(wf_thread *t, wf_value exc);
/* MemoryError. */
wf_value wf_err_no_memory(wf_thread *t);

static inline bool wf_err_occurred(wf_thread *t)
{
    return t->exc != NULL;
}
/* True if the pending exception is an instance of type (or a subclass). */
bool wf_err_matches(wf_thread *t, wf_type *type);
/* Take the pending exception (the caller owns it); t->exc becomes NULL. */
wf_value wf_err_fetch(wf_thread *t);
/* Make exc (owned reference, consumed) pending again. */
void wf_err_restore(wf_thread *t, wf_value exc);
/* Set attribute `attr` of the pending exception to value (ImportError.name,
 * NameError.name ...); a failure to set it is ignored, the exception stays. */
void wf_err_set_attr(wf_thread *t, const char *attr, wf_value value);
void wf_err_clear(wf_thread *t);

/* Report the pending exception as CPython's PyErr_WriteUnraisable: "Exception ignored
 * in: <repr(obj)>" and the traceback on stderr, then clear it. For errors nobody can
 * catch (__del__). */
void wf_err_write_unraisable(wf_thread *t, wf_value obj);
/* Prints an exception with its traceback (the interpreter registers
 * wf_print_exception at start-up); NULL: "Type: message" only. */
extern void (*wf_print_exception_hook)(wf_thread *t, wf_value exc);

/* Fatal for a C caller that cannot fail: prints the exception and aborts. For start-up
 * code only. */
_Noreturn void wf_err_fatal(wf_thread *t, const char *where);

#endif
