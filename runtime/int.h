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

/* sys.get_int_max_str_digits(): str() and int() of decimal text beyond this many digits
 * raise ValueError (0: no limit). The sys module sets it. */
#define WF_INT_DEFAULT_MAX_STR_DIGITS 4300
extern _Atomic int wf_int_max_str_digits;

/* v (an int, or bool / subclass instance) as an exact int; new reference. */
wf_value wf_int_exact(wf_thread *t, wf_value v);
/* A new instance of the int subclass `type` holding the value of the int v. */
wf_value wf_int_subtype_new(wf_thread *t, wf_type *type, wf_value v);
/* -1, 0, 1 for two ints. */
int wf_int_compare(wf_value a, wf_value b);
/* hash(v) for an int. */
int64_t wf_int_hash(wf_value v);
/* divmod(a, b) for two ints: a tuple. */
wf_value wf_int_divmod(wf_thread *t, wf_value a, wf_value b);
/* v in base 2..36, lowercase, '-' for negatives, no prefix (base 10 applies the
 * str-digits limit). */
wf_value wf_int_to_base(wf_thread *t, wf_value v, int base);
/* Does a comparison result c (-1, 0, 1) satisfy op (enum wf_cmp_op)? */
bool wf_cmp_result(int c, int op);

#endif
