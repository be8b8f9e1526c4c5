/* slice: the object behind a[i:j:k], and the index arithmetic every sequence shares.
 *
 * wf_slice_unpack + wf_slice_adjust compute start/stop/step and the number of items a
 * slice selects in a sequence of a given length exactly as CPython's PySlice_Unpack and
 * PySlice_AdjustIndices: bounds clamp, negative indices count from the end, a step of
 * zero raises ValueError "slice step cannot be zero". The sequence helpers below give
 * every container the same integer-index checks and messages. */
#ifndef WF_SLICE_H
#define WF_SLICE_H

#include "object.h"

/* tp_flags of v's type (tagged ints are int, not a heap type). */
static inline unsigned wf_type_of_flags(wf_value v)
{
    return wf_is_smallint(v) ? 0 : wf_to_object(v)->ob_type->tp_flags;
}

extern wf_type wf_slice_type;

typedef struct wf_slice_object {
    wf_object ob;
    wf_value start, stop, step; /* owned; None when omitted */
} wf_slice_object;

static inline bool wf_slice_check(wf_value v)
{
    return wf_is_object(v) && wf_to_object(v)->ob_type == &wf_slice_type;
}

/* slice(start, stop, step); 0 for any argument means None. */
wf_value wf_slice_new(wf_thread *t, wf_value start, wf_value stop, wf_value step);

/* The slice's bounds as C integers, None replaced by the defaults for the sign of the
 * step; values beyond the index range clamp to +-INT64_MAX (as PY_SSIZE_T_MAX).
 * -1 with TypeError ("slice indices must be integers or None or have an __index__
 * method") or ValueError ("slice step cannot be zero"). */
int wf_slice_unpack(wf_thread *t, wf_value slice, int64_t *start, int64_t *stop, int64_t *step);
/* Clamp the unpacked bounds to a sequence of `length` items; returns the number of
 * items selected. */
int64_t wf_slice_adjust(int64_t length, int64_t *start, int64_t *stop, int64_t step);

/* True if v can be used as a sequence index: an int or a type with __index__. */
bool wf_is_index(wf_value v);
/* Turn an index value into a position in a sequence of `length` items: negative
 * positions count from the end. Returns false with IndexError "<what> index out of
 * range" when outside [0, length), or the error of wf_as_ssize. */
bool wf_seq_index(wf_thread *t, wf_value key, int64_t length, const char *what, int64_t *out);
/* TypeError "<what> indices must be integers or slices, not <type>". */
wf_value wf_seq_index_type_error(wf_thread *t, const char *what, wf_value key);
/* The repeat count of seq * n: false with TypeError "can't multiply sequence by non-int
 * of type 'X'" when n is not an index; negative counts become 0. */
bool wf_seq_repeat_count(wf_thread *t, wf_value n, int64_t *out);
/* The start/stop arguments args[1], args[2] (when nargs reaches them) of
 * seq.index(x[, start[, stop]]), clamped as CPython does: negative values count from
 * the end, then clamp at 0; *stop defaults to length. */
bool wf_seq_index_range(wf_thread *t, const wf_value *args, size_t nargs, int64_t length,
                        int64_t *start, int64_t *stop);
/* Whether the right operand of seq + x / seq * x may still handle the operation with a
 * reflected method (its class is a Python class): the sequence's slot then returns
 * NotImplemented instead of raising CPython's TypeError itself. */
static inline bool wf_other_may_reflect(wf_value other)
{
    return (wf_type_of_flags(other) & WF_TPFLAG_HEAPTYPE) != 0;
}

/* CPython's _PyArg_CheckPositional: TypeError "name expected at least 1 argument, got
 * 0" / "at most 2 arguments, got 3" / "expected 1 argument, got 2". */
bool wf_check_positional(wf_thread *t, const char *name, size_t nargs, size_t min, size_t max);

#endif
