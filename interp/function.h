/* Python functions and cells.
 *
 * A function pairs a code object with the globals it runs in, its defaults, keyword
 * defaults and closure (a tuple of cells). Calling it binds the arguments into a new
 * frame with CPython's rules and messages and runs the frame (interp/eval.h). Its
 * attributes are written by their owner thread under the function's critical section
 * (__defaults__, __doc__, ... may be reassigned from Python).
 *
 * A cell holds one variable shared between a function and the functions nested in it;
 * its contents are read and written with atomics so that threads sharing a closure see
 * whole values (an empty cell is 0). */
#ifndef WF_FUNCTION_H
#define WF_FUNCTION_H

#include "runtime/object.h"

extern wf_type wf_function_type, wf_cell_type;

typedef struct wf_function {
    wf_object ob;
    wf_value code;     /* code object */
    wf_value globals;  /* dict */
    wf_value builtins; /* dict: globals['__builtins__'] at creation, else the builtins module's */
    wf_value name, qualname; /* str */
    wf_value defaults;       /* tuple or 0 */
    wf_value kwdefaults;     /* dict or 0 */
    wf_value closure;        /* tuple of cells or 0 */
    wf_value doc;            /* or 0 (None) */
    wf_value module;         /* globals['__name__'] at creation, or 0 */
    wf_value dict;           /* __dict__, 0 until first needed */
    wf_value annotations;    /* dict or 0 */
} wf_function;

typedef struct wf_cell {
    wf_object ob;
    _Atomic wf_value ref; /* 0: empty */
} wf_cell;

static inline wf_function *wf_function_of(wf_value v)
{
    return (wf_function *)wf_to_object(v);
}
static inline bool wf_function_check(wf_value v)
{
    return wf_is_object(v) && wf_to_object(v)->ob_type == &wf_function_type;
}

/* A new function for code in globals (new references are taken). */
wf_value wf_function_new(wf_thread *t, wf_value code, wf_value globals, wf_value qualname);

/* A new cell holding v (0: empty; the reference to v is taken). */
wf_value wf_cell_new(wf_thread *t, wf_value v);
/* The cell's contents (new reference), or 0 with no exception when empty. */
wf_value wf_cell_get(wf_thread *t, wf_value cell);
/* Replace the contents (v may be 0 to empty it; the reference to v is consumed). */
void wf_cell_set(wf_thread *t, wf_value cell, wf_value v);

/* The vector call of a Python function. */
wf_value wf_function_call(wf_thread *t, wf_value func, const wf_value *args, size_t nargs,
                          wf_value kwnames);

#endif
