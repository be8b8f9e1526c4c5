/* wf_value: one machine word holding either an object pointer or a small int.
 *
 * Invariants:
 * - low bits 00: a pointer to a wf_object (objects are at least 8-byte aligned);
 * - low bit 1: a tagged int whose 63-bit signed payload sits in the upper bits,
 *   range [WF_SMALLINT_MIN, WF_SMALLINT_MAX] = [-2^62, 2^62 - 1].
 * Tagged ints carry no reference count and are never locked. Arithmetic on them goes
 * through the checked helpers below, which report when a result needs a heap big int
 * (promotion); a result that fits is always stored tagged (demotion). */
#ifndef WF_VALUE_H
#define WF_VALUE_H

#include "common.h"

typedef uintptr_t wf_value;
struct wf_object;

#define WF_SMALLINT_MAX ((intptr_t)(((uintptr_t)1 << 62) - 1))
#define WF_SMALLINT_MIN (-WF_SMALLINT_MAX - 1)

_Static_assert(sizeof(wf_value) == 8, "weft needs a 64-bit word");

static inline bool wf_is_smallint(wf_value v)
{
    return (v & 1) != 0;
}

static inline bool wf_is_object(wf_value v)
{
    return (v & 3) == 0;
}

static inline bool wf_smallint_fits(int64_t i)
{
    return i >= WF_SMALLINT_MIN && i <= WF_SMALLINT_MAX;
}

/* Box a small int; the caller has checked wf_smallint_fits. */
static inline wf_value wf_smallint_box(intptr_t i)
{
    WF_ASSERT(wf_smallint_fits(i));
    return ((uintptr_t)i << 1) | 1;
}

/* Unbox: arithmetic right shift (gcc and clang define it for signed values). */
static inline intptr_t wf_smallint_unbox(wf_value v)
{
    WF_ASSERT(wf_is_smallint(v));
    return (intptr_t)v >> 1;
}

static inline wf_value wf_from_object(struct wf_object *o)
{
    WF_ASSERT(((uintptr_t)o & 3) == 0);
    return (wf_value)o;
}

static inline struct wf_object *wf_to_object(wf_value v)
{
    WF_ASSERT(wf_is_object(v));
    return (struct wf_object *)v;
}

/* Checked arithmetic: true and *out set when the result fits a tagged int; false when
 * it must be promoted to a heap big int (the caller does that). */
static inline bool wf_smallint_add(intptr_t a, intptr_t b, wf_value *out)
{
    intptr_t r = a + b; /* both in [-2^62, 2^62): the sum cannot overflow 64 bits */
    if (!wf_smallint_fits(r))
        return false;
    *out = wf_smallint_box(r);
    return true;
}

static inline bool wf_smallint_sub(intptr_t a, intptr_t b, wf_value *out)
{
    intptr_t r = a - b;
    if (!wf_smallint_fits(r))
        return false;
    *out = wf_smallint_box(r);
    return true;
}

static inline bool wf_smallint_mul(intptr_t a, intptr_t b, wf_value *out)
{
    intptr_t r;
    if (__builtin_mul_overflow(a, b, &r) || !wf_smallint_fits(r))
        return false;
    *out = wf_smallint_box(r);
    return true;
}

/* Negation overflows only for WF_SMALLINT_MIN, whose negation is 2^62. */
static inline bool wf_smallint_neg(intptr_t a, wf_value *out)
{
    return wf_smallint_sub(0, a, out);
}

#endif
