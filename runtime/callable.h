/* Callables of C code: built-in functions (`len`, `print`), bound built-in methods
 * (`[].append`), method descriptors (list.append in list's dict), and the descriptor
 * types Python code uses: classmethod, staticmethod, property, and bound methods of
 * Python functions (the function type itself lives in interp/). */
#ifndef WF_CALLABLE_H
#define WF_CALLABLE_H

#include "object.h"

extern wf_type wf_builtin_function_type; /* builtin_function_or_method */
extern wf_type wf_method_descr_type;     /* method_descriptor */
extern wf_type wf_getset_descr_type;     /* getset_descriptor */
extern wf_type wf_method_type;           /* method: a bound Python function */
extern wf_type wf_classmethod_type, wf_staticmethod_type, wf_property_type;

/* A built-in function: calling it calls def->fn(t, self, args, nargs, kwnames). self
 * is the module (or 0) for functions, the instance for bound methods (borrowed, a new
 * reference is taken). def must outlive the object (static). */
wf_value wf_builtin_new(wf_thread *t, const wf_method_def *def, wf_value self);
/* A bound method: func(self, ...). */
wf_value wf_method_new(wf_thread *t, wf_value func, wf_value self);

/* The descriptors wf_type_ready puts in a static type's dict for tp_methods and
 * tp_getset entries. */
wf_value wf_method_descr_new(wf_thread *t, wf_type *type, const wf_method_def *def);
wf_value wf_getset_descr_new(wf_thread *t, wf_type *type, const wf_getset_def *def);
/* The setter of an attribute CPython exposes as a read-only member descriptor
 * (slice.start, range.stop): setting or deleting it raises AttributeError "readonly
 * attribute", where a getset without a setter says "attribute 'x' of 'T' objects is
 * not writable". */
int wf_getset_readonly(wf_thread *t, wf_value self, wf_value value);
/* For a built-in function object: its def and self (borrowed); NULL / 0 otherwise. */
const wf_method_def *wf_builtin_def(wf_value v);
wf_value wf_builtin_self(wf_value v);
/* staticmethod(f), classmethod(f). */
wf_value wf_staticmethod_new(wf_thread *t, wf_value func);
wf_value wf_classmethod_new(wf_thread *t, wf_value func);

/* Argument checking for C functions, with CPython's messages:
 * "len() takes exactly one argument (2 given)", "f() takes no keyword arguments",
 * "f() missing required argument 'x' (pos 1)", ... Returns false with TypeError set. */
bool wf_check_no_kwargs(wf_thread *t, const char *fname, wf_value kwnames);
bool wf_check_nargs(wf_thread *t, const char *fname, size_t nargs, size_t min, size_t max);
/* Parse positional-or-keyword arguments by name: names[0..n) (C strings); out[i] gets
 * a borrowed value or 0 if not given; `required` leading names are mandatory. */
bool wf_parse_args(wf_thread *t, const char *fname, const wf_value *args, size_t nargs,
                   wf_value kwnames, const char *const *names, size_t n, size_t required,
                   wf_value *out);

#endif
