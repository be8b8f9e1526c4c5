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

/* x ** y for doubles with Python's rules and errors (ZeroDivisionError "0.0 cannot be
 * raised to a negative power", OverflowError (34, 'Numerical result out of range'), ...);
 * a negative x to a non-integral y gives a complex, as in CPython. */
wf_value wf_float_pow_doubles(wf_thread *t, double x, double y);
/* divmod(a, b) where either is a float: a tuple of floats. */
wf_value wf_float_divmod(wf_thread *t, wf_value a, wf_value b);
/* hash() of a double as CPython computes it (integral values hash as the int; inf is
 * 314159, -inf -314159; a nan hashes by `identity`, the object's address). */
int64_t wf_float_hash_double(double x, wf_value identity);

/* int(x) for a double: truncation; OverflowError for infinities, ValueError for nan. */
wf_value wf_float_to_int(wf_thread *t, double x);

#endif
