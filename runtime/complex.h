/* complex: an immutable pair of doubles. repr, hash, arithmetic, the complex()
 * constructor and format() as CPython 3.11. */
#ifndef WF_COMPLEX_H
#define WF_COMPLEX_H

#include "object.h"

extern wf_type wf_complex_type;

typedef struct wf_complex_object {
    wf_object ob;
    double real, imag;
} wf_complex_object;

bool wf_complex_check(wf_value v); /* complex or a subclass */
wf_value wf_complex_new(wf_thread *t, double real, double imag);
static inline double wf_complex_real(wf_value v)
{
    return ((wf_complex_object *)wf_to_object(v))->real;
}
static inline double wf_complex_imag(wf_value v)
{
    return ((wf_complex_object *)wf_to_object(v))->imag;
}

/* (ar + ai*j) ** (br + bi*j) as complex.__pow__ computes it: repeated multiplication
 * for an integral exponent up to 100 in magnitude, polar form otherwise;
 * ZeroDivisionError "0.0 to a negative or complex power", OverflowError "complex
 * exponentiation". float ** float uses it for a negative base and a fractional
 * exponent, as CPython does. */
wf_value wf_complex_pow_parts(wf_thread *t, double ar, double ai, double br, double bi);

#endif
