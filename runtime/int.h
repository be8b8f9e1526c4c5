/* int: tagged small ints (runtime/value.h) plus heap big ints for everything outside
 * [-2^62, 2^62). A heap int never holds a value that fits a tagged int (results are
 * demoted), except True and False, which are heap ints of type bool. Arithmetic uses
 * runtime/bigint.h; hash(), repr() and every operation match CPython 3.11. */
#ifndef WF_INT_H
#define WF_INT_H

#include "bigint.h"
#include "object.h"

extern wf_type wf_int_type;

typedef struct wf_int_object {
    wf_object ob;
    wf_bigint big; /* digits follow */
} wf_int_object;

/* int or a subclass (bool included). */
bool wf_int_check(wf_value v);

wf_value wf_int_from_int64(wf_thread *t, int64_t i);
wf_value wf_int_from_uint64(wf_thread *t, uint64_t u);
/* A copy of b as an int value (tagged when it fits). */
wf_value wf_int_from_bigint(wf_thread *t, const wf_bigint *b);
/* int(text, base) as Python parses it (underscores, whitespace, sign, 0x prefixes with
 * base 0); ValueError "invalid literal for int() with base 10: 'x'" otherwise. */
wf_value wf_int_from_string(wf_thread *t, const char *s, size_t len, int base);
/* The value as int64_t; OverflowError ("Python int too large to convert to C long")
 * when it does not fit. v must be an int. */
bool wf_int_as_int64(wf_thread *t, wf_value v, int64_t *out);
/* The value as a wf_bigint view: for tagged ints written into *tmp. */
const wf_bigint *wf_int_bigint(wf_value v, wf_bigint64 *tmp);
/* Sign: -1, 0, 1. */
int wf_int_sign(wf_value v);
/* str(v) for an int, in base 10. */
wf_value wf_int_repr(wf_thread *t, wf_value v);
/* float(v) for an int: OverflowError "int too large to convert to float". */
bool wf_int_as_double(wf_thread *t, wf_value v, double *out);

#endif
