/* float: a boxed double. repr is the shortest round-trip string (runtime/dtoa.h), hash
 * and every operation as CPython 3.11. */
#ifndef WF_FLOAT_H
#define WF_FLOAT_H

#include "object.h"

extern wf_type wf_float_type;

typedef struct wf_float_object {
    wf_object ob;
    double value;
} wf_float_object;

bool wf_float_check(wf_value v); /* float or a subclass */
wf_value wf_float_new(wf_thread *t, double d);
static inline double wf_float_value(wf_value v)
{
    return ((wf_float_object *)wf_to_object(v))->value;
}
/* float(text) as Python parses it; ValueError "could not convert string to float: 'x'". */
wf_value wf_float_from_string(wf_thread *t, const char *s, size_t len);
/* The value of an int or float (or an object with __float__/__index__) as a double;
 * TypeError "must be real number, not str" otherwise. */
bool wf_as_double(wf_thread *t, wf_value v, double *out);

#endif
