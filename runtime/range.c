/* range objects and their iterators (runtime/range.h).
 *
 * All four fields are ints computed once at creation. The arithmetic goes through the
 * abstract number operations, so it is right for big ints too; when start, stop and
 * step are tagged ints, the length and every item fit in 64 bits (|values| < 2^62, so
 * differences < 2^63) and the C fast paths apply. */
#include "range.h"

#include <inttypes.h>

#include "abstract.h"
#include "alloc.h"
#include "callable.h"
#include "critical_section.h"
#include "error.h"
#include "exceptions.h"
#include "int.h"
#include "iterators.h"
#include "singletons.h"
#include "slice.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

static inline wf_range_object *as_range(wf_value v)
{
    return (wf_range_object *)wf_to_object(v);
}

/* True when all three bounds are tagged ints: the C fast paths apply. */
static inline bool range_small(wf_range_object *r)
{
    return wf_is_smallint(r->start) && wf_is_smallint(r->stop) && wf_is_smallint(r->step);
}

/* ---- Arithmetic on ints ------------------------------------------------------------------ */

static wf_value op(wf_thread *t, wf_value a, wf_value b, int nb)
{
    return wf_binary_op(t, a, b, nb);
}

/* The number of items of range(start, stop, step), any size (compute_range_length). */
static wf_value range_length(wf_thread *t, wf_value start, wf_value stop, wf_value step)
{
    if (wf_is_smallint(start) && wf_is_smallint(stop) && wf_is_smallint(step)) {
        int64_t lo = wf_smallint_unbox(start), hi = wf_smallint_unbox(stop);
        int64_t st = wf_smallint_unbox(step);
        if (st < 0) {
            int64_t x = lo;
            lo = hi;
            hi = x;
            st = -st;
        }
        if (lo >= hi)
            return wf_smallint_box(0);
        return wf_int_from_uint64(t, ((uint64_t)hi - (uint64_t)lo - 1) / (uint64_t)st + 1);
    }
    int neg = wf_int_sign(step) < 0;
    wf_value lo = neg ? stop : start, hi = neg ? start : stop;
    int ge = wf_richcompare_bool(t, lo, hi, WF_CMP_GE);
    if (ge != 0)
        return ge < 0 ? WF_NULL : wf_smallint_box(0);
    wf_value st = neg ? wf_negative(t, step) : wf_newref(t, step);
    wf_value diff = st ? op(t, hi, lo, WF_NB_SUBTRACT) : WF_NULL;
    wf_value d1 = diff ? op(t, diff, wf_smallint_box(1), WF_NB_SUBTRACT) : WF_NULL;
    wf_value q = d1 ? op(t, d1, st, WF_NB_FLOOR_DIVIDE) : WF_NULL;
    wf_value n = q ? op(t, q, wf_smallint_box(1), WF_NB_ADD) : WF_NULL;
    wf_value tmp[4] = {st, diff, d1, q};
    for (int i = 0; i < 4; i++)
        if (tmp[i])
            wf_value_decref(t, tmp[i]);
    return n;
}

/* start + i * step */
static wf_value range_item(wf_thread *t, wf_range_object *r, wf_value i)
{
    wf_value prod = op(t, i, r->step, WF_NB_MULTIPLY);
    if (!prod)
        return WF_NULL;
    wf_value v = op(t, r->start, prod, WF_NB_ADD);
    wf_value_decref(t, prod);
    return v;
}

/* ---- Construction -------------------------------------------------------------------------- */

wf_value wf_range_new(wf_thread *t, wf_value start, wf_value stop, wf_value step)
{
    if (wf_int_sign(step) == 0)
        return wf_err_set(t, &wf_exc_ValueError, "range() arg 3 must not be zero");
    wf_value length = range_length(t, start, stop, step);
    if (!length)
        return WF_NULL;
    wf_range_object *r =
        (wf_range_object *)wf_object_alloc(t, &wf_range_type, sizeof(wf_range_object));
    if (!r) {
        wf_value_decref(t, length);
        return wf_err_no_memory(t);
    }
    r->start = wf_newref(t, start);
    r->stop = wf_newref(t, stop);
    r->step = wf_newref(t, step);
    r->length = length;
    return wf_from_object(&r->ob);
}

static void range_dealloc(wf_thread *t, wf_object *o)
{
    wf_range_object *r = (wf_range_object *)o;
    wf_value_decref(t, r->start);
    wf_value_decref(t, r->stop);
    wf_value_decref(t, r->step);
    wf_value_decref(t, r->length);
    wf_object_free(t, o);
}

/* An argument of range(): an int through __index__, else CPython's TypeError. */
static wf_value range_arg(wf_thread *t, wf_value v)
{
    if (wf_is_smallint(v))
        return v;
    if (!wf_is_index(v))
        return wf_err_set(t, &wf_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          wf_type_name(wf_type_of(v)));
    return wf_index(t, v);
}

static wf_value range_tp_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    (void)type;
    if (!wf_check_no_kwargs(t, "range", kwnames) || !wf_check_positional(t, "range", nargs, 1, 3))
        return WF_NULL;
    wf_value v[3] = {wf_smallint_box(0), 0, wf_smallint_box(1)};
    wf_value r = WF_NULL;
    size_t got = 0;
    for (; got < nargs; got++) {
        wf_value x = range_arg(t, args[got]);
        if (!x)
            goto done;
        v[nargs == 1 ? 1 : got] = x;
    }
    r = wf_range_new(t, v[0], v[1], v[2]);
done:
    for (size_t i = 0; i < got; i++)
        wf_value_decref(t, v[nargs == 1 ? 1 : i]);
    return r;
}

/* ---- Sequence protocol ---------------------------------------------------------------------- */

static int64_t range_len(wf_thread *t, wf_value self)
{
    wf_value n = as_range(self)->length;
    if (wf_is_smallint(n))
        return wf_smallint_unbox(n);
    wf_err_set(t, &wf_exc_OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
}

static int range_truth(wf_thread *t, wf_value self)
{
    (void)t;
    return as_range(self)->length != wf_smallint_box(0);
}

/* range[i] for an index of any size; IndexError "range object index out of range". */
static wf_value range_index_item(wf_thread *t, wf_range_object *r, wf_value key)
{
    wf_value i = wf_is_smallint(key) ? key : wf_index(t, key);
    if (!i)
        return WF_NULL;
    wf_value pos = WF_NULL, result = WF_NULL;
    if (wf_int_sign(i) < 0)
        pos = op(t, i, r->length, WF_NB_ADD);
    else
        pos = wf_newref(t, i);
    if (pos) {
        int lt = wf_richcompare_bool(t, pos, r->length, WF_CMP_LT);
        if (lt >= 0 && (wf_int_sign(pos) < 0 || !lt))
            wf_err_set(t, &wf_exc_IndexError, "range object index out of range");
        else if (lt > 0)
            result = range_item(t, r, pos);
        wf_value_decref(t, pos);
    }
    wf_value_decref(t, i);
    return result;
}

/* One bound of a slice against a sequence of `length` items, as ints of any size
 * (CPython's _PySlice_GetLongIndices): None takes the default, negatives count from
 * the end, then the value is clamped to [lower, upper]. New reference. */
static wf_value long_slice_bound(wf_thread *t, wf_value v, wf_value length, wf_value lower,
                                 wf_value upper, wf_value dflt)
{
    if (v == WF_NONE)
        return wf_newref(t, dflt);
    if (!wf_is_index(v))
        return wf_err_set(t, &wf_exc_TypeError,
                          "slice indices must be integers or None or have an __index__ method");
    wf_value i = wf_index(t, v);
    if (i && wf_int_sign(i) < 0) {
        wf_value j = op(t, i, length, WF_NB_ADD);
        wf_value_decref(t, i);
        i = j;
    }
    if (!i)
        return WF_NULL;
    int below = wf_richcompare_bool(t, i, lower, WF_CMP_LT);
    int above = below == 0 ? wf_richcompare_bool(t, i, upper, WF_CMP_GT) : 0;
    if (below < 0 || above < 0) {
        wf_value_decref(t, i);
        return WF_NULL;
    }
    if (below || above) {
        wf_value_decref(t, i);
        return wf_newref(t, below ? lower : upper);
    }
    return i;
}

/* range[slice]: another range (compute_slice). The bounds are computed with ints of
 * any size, so huge ranges slice as in CPython. */
static wf_value range_slice(wf_thread *t, wf_range_object *r, wf_value key)
{
    wf_slice_object *sl = (wf_slice_object *)wf_to_object(key);
    wf_value step = wf_smallint_box(1);
    if (sl->step != WF_NONE) {
        if (!wf_is_index(sl->step))
            return wf_err_set(t, &wf_exc_TypeError,
                              "slice indices must be integers or None or "
                              "have an __index__ method");
        if (!(step = wf_index(t, sl->step)))
            return WF_NULL;
        if (wf_int_sign(step) == 0) {
            wf_value_decref(t, step);
            return wf_err_set(t, &wf_exc_ValueError, "slice step cannot be zero");
        }
    }
    bool neg = wf_int_sign(step) < 0;
    wf_value lower = neg ? wf_smallint_box(-1) : wf_smallint_box(0);
    wf_value upper =
        neg ? op(t, r->length, wf_smallint_box(-1), WF_NB_ADD) : wf_newref(t, r->length);
    wf_value start =
        upper ? long_slice_bound(t, sl->start, r->length, lower, upper, neg ? upper : lower)
              : WF_NULL;
    wf_value stop =
        start ? long_slice_bound(t, sl->stop, r->length, lower, upper, neg ? lower : upper)
              : WF_NULL;
    wf_value na = stop ? range_item(t, r, start) : WF_NULL;
    wf_value nb = na ? range_item(t, r, stop) : WF_NULL;
    wf_value nc = nb ? op(t, r->step, step, WF_NB_MULTIPLY) : WF_NULL;
    wf_value result = nc ? wf_range_new(t, na, nb, nc) : WF_NULL;
    wf_value tmp[7] = {step, upper, start, stop, na, nb, nc};
    for (int i = 0; i < 7; i++)
        if (tmp[i])
            wf_value_decref(t, tmp[i]);
    return result;
}

static wf_value range_getitem(wf_thread *t, wf_value self, wf_value key)
{
    if (wf_is_index(key))
        return range_index_item(t, as_range(self), key);
    if (wf_slice_check(key))
        return range_slice(t, as_range(self), key);
    return wf_seq_index_type_error(t, "range", key);
}

/* For an int x in the range: its position as an int (new reference); 0 without an
 * exception when absent. The membership test CPython does arithmetically. */
static wf_value int_position(wf_thread *t, wf_range_object *r, wf_value x)
{
    if (range_small(r) && wf_is_smallint(x)) {
        int64_t s = wf_smallint_unbox(r->start), e = wf_smallint_unbox(r->stop);
        int64_t st = wf_smallint_unbox(r->step), v = wf_smallint_unbox(x);
        bool inside = st > 0 ? (v >= s && v < e) : (v <= s && v > e);
        if (!inside || (v - s) % st != 0)
            return WF_NULL;
        return wf_smallint_box((v - s) / st);
    }
    int pos_step = wf_int_sign(r->step) > 0;
    int c1 = wf_richcompare_bool(t, pos_step ? r->start : x, pos_step ? x : r->start, WF_CMP_LE);
    int c2 = c1 > 0
                 ? wf_richcompare_bool(t, pos_step ? x : r->stop, pos_step ? r->stop : x, WF_CMP_LT)
                 : c1;
    if (c2 <= 0)
        return WF_NULL;
    wf_value diff = op(t, x, r->start, WF_NB_SUBTRACT);
    wf_value rem = diff ? op(t, diff, r->step, WF_NB_REMAINDER) : WF_NULL;
    wf_value q = WF_NULL;
    if (rem && wf_int_sign(rem) == 0)
        q = op(t, diff, r->step, WF_NB_FLOOR_DIVIDE);
    if (diff)
        wf_value_decref(t, diff);
    if (rem)
        wf_value_decref(t, rem);
    return q;
}

/* Exact ints and bools are tested arithmetically; anything else by iteration. */
static bool fast_member_type(wf_value x)
{
    if (wf_is_smallint(x))
        return true;
    wf_type *type = wf_to_object(x)->ob_type;
    return type == &wf_int_type || type == &wf_bool_type;
}

/* How many items equal x (CPython's _PySequence_IterSearch count). */
static int64_t search_count(wf_thread *t, wf_value self, wf_value x, bool first_only,
                            int64_t *index)
{
    wf_value it = wf_iter(t, self);
    if (!it)
        return -1;
    int64_t count = 0, i = 0;
    wf_value v;
    while ((v = wf_iter_next(t, it))) {
        int eq = wf_richcompare_bool(t, v, x, WF_CMP_EQ);
        wf_value_decref(t, v);
        if (eq < 0) {
            count = -1;
            break;
        }
        if (eq) {
            count++;
            if (first_only) {
                *index = i;
                break;
            }
        }
        i++;
    }
    wf_value_decref(t, it);
    return count >= 0 && wf_err_occurred(t) ? -1 : count;
}

static int range_contains(wf_thread *t, wf_value self, wf_value x)
{
    if (fast_member_type(x)) {
        wf_value pos = int_position(t, as_range(self), x);
        if (pos) {
            wf_value_decref(t, pos);
            return 1;
        }
        return wf_err_occurred(t) ? -1 : 0;
    }
    int64_t n = search_count(t, self, x, true, &(int64_t){0});
    return n < 0 ? -1 : n > 0;
}

/* ---- repr, comparison, hash ------------------------------------------------------------------ */

static wf_value range_repr(wf_thread *t, wf_value self)
{
    wf_range_object *r = as_range(self);
    wf_value parts[3] = {r->start, r->stop, r->step};
    wf_value reprs[3] = {0, 0, 0};
    int n = r->step == wf_smallint_box(1) ? 2 : 3;
    wf_value result = WF_NULL;
    for (int i = 0; i < n; i++)
        if (!(reprs[i] = wf_repr(t, parts[i])))
            goto done;
    result = n == 2
                 ? wf_str_printf(t, "range(%s, %s)", wf_str_utf8(reprs[0]), wf_str_utf8(reprs[1]))
                 : wf_str_printf(t, "range(%s, %s, %s)", wf_str_utf8(reprs[0]),
                                 wf_str_utf8(reprs[1]), wf_str_utf8(reprs[2]));
done:
    for (int i = 0; i < 3; i++)
        if (reprs[i])
            wf_value_decref(t, reprs[i]);
    return result;
}

/* Ranges are equal when they are the same sequence: same length, and (when not empty)
 * same first item, and (when longer than one) same step. */
static int range_equal(wf_thread *t, wf_range_object *a, wf_range_object *b)
{
    if (a == b)
        return 1;
    int r = wf_richcompare_bool(t, a->length, b->length, WF_CMP_EQ);
    if (r <= 0)
        return r;
    if (a->length == wf_smallint_box(0))
        return 1;
    r = wf_richcompare_bool(t, a->start, b->start, WF_CMP_EQ);
    if (r <= 0)
        return r;
    if (a->length == wf_smallint_box(1))
        return 1;
    return wf_richcompare_bool(t, a->step, b->step, WF_CMP_EQ);
}

static wf_value range_richcompare(wf_thread *t, wf_value a, wf_value b, int cmp)
{
    if (!wf_range_check(a) || !wf_range_check(b) || (cmp != WF_CMP_EQ && cmp != WF_CMP_NE))
        return wf_newref(t, WF_NOTIMPLEMENTED);
    int r = range_equal(t, as_range(a), as_range(b));
    if (r < 0)
        return WF_NULL;
    return wf_bool((cmp == WF_CMP_EQ) == (r == 1));
}

/* hash((len, start, step)) with None for what the sequence does not depend on. */
static int64_t range_hash(wf_thread *t, wf_value self)
{
    wf_range_object *r = as_range(self);
    bool empty = r->length == wf_smallint_box(0), one = r->length == wf_smallint_box(1);
    wf_value tuple = wf_tuple_pack(t, 3, r->length, empty ? WF_NONE : r->start,
                                   empty || one ? WF_NONE : r->step);
    if (!tuple)
        return -1;
    int64_t h = wf_hash(t, tuple);
    wf_value_decref(t, tuple);
    return h;
}

/* ---- Methods -----------------------------------------------------------------------------------
 */

static wf_value range_m_count(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "range.count", kwnames) ||
        !wf_check_nargs(t, "range.count", nargs, 1, 1))
        return WF_NULL;
    if (fast_member_type(args[0])) {
        int r = range_contains(t, self, args[0]);
        return r < 0 ? WF_NULL : wf_smallint_box(r);
    }
    int64_t n = search_count(t, self, args[0], false, &(int64_t){0});
    return n < 0 ? WF_NULL : wf_int_from_int64(t, n);
}

static wf_value range_m_index(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "range.index", kwnames) ||
        !wf_check_nargs(t, "range.index", nargs, 1, 1))
        return WF_NULL;
    wf_value x = args[0];
    if (fast_member_type(x)) {
        wf_value pos = int_position(t, as_range(self), x);
        if (pos || wf_err_occurred(t))
            return pos;
        wf_value r = wf_repr(t, x);
        if (!r)
            return WF_NULL;
        wf_err_set(t, &wf_exc_ValueError, "%s is not in range", wf_str_utf8(r));
        wf_value_decref(t, r);
        return WF_NULL;
    }
    int64_t index = 0;
    int64_t n = search_count(t, self, x, true, &index);
    if (n < 0)
        return WF_NULL;
    if (n == 0)
        return wf_err_set(t, &wf_exc_ValueError, "sequence.index(x): x not in sequence");
    return wf_int_from_int64(t, index);
}

/* ---- Iterators ----------------------------------------------------------------------------------
 */

/* The C-integer iterator: next = start + index * step while index < len. */
typedef struct range_iter {
    wf_object ob;
    int64_t start, step, len; /* immutable */
    _Atomic int64_t index;    /* relaxed: a shared iterator may repeat an item */
} range_iter;

/* The big-int iterator: the next value and the items left, as ints. */
typedef struct longrange_iter {
    wf_object ob;
    wf_value next, step, left; /* owned; guarded by ob_mutex (critical section) */
} longrange_iter;

/* An iterator from first, by step, for len items. */
static wf_value make_iter(wf_thread *t, wf_value first, wf_value step, wf_value len)
{
    int64_t f, s, n;
    if (wf_is_smallint(first) && wf_is_smallint(step) && wf_is_smallint(len)) {
        f = wf_smallint_unbox(first), s = wf_smallint_unbox(step), n = wf_smallint_unbox(len);
        /* the last item must fit too: first + (len - 1) * step */
        __int128 last = (__int128)f + (__int128)(n ? n - 1 : 0) * s;
        if (last >= INT64_MIN && last <= INT64_MAX) {
            range_iter *it =
                (range_iter *)wf_object_alloc(t, &wf_range_iter_type, sizeof(range_iter));
            if (!it)
                return wf_err_no_memory(t);
            it->start = f;
            it->step = s;
            it->len = n;
            atomic_init(&it->index, 0);
            return wf_from_object(&it->ob);
        }
    }
    longrange_iter *it =
        (longrange_iter *)wf_object_alloc(t, &wf_longrange_iter_type, sizeof(longrange_iter));
    if (!it)
        return wf_err_no_memory(t);
    it->next = wf_newref(t, first);
    it->step = wf_newref(t, step);
    it->left = wf_newref(t, len);
    return wf_from_object(&it->ob);
}

static wf_value range_iter_new(wf_thread *t, wf_value self)
{
    wf_range_object *r = as_range(self);
    return make_iter(t, r->start, r->step, r->length);
}

/* reversed(range): from the last item, by -step. */
static wf_value range_m_reversed(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                 wf_value kwnames)
{
    (void)args;
    if (!wf_check_no_kwargs(t, "range.__reversed__", kwnames) ||
        !wf_check_nargs(t, "range.__reversed__", nargs, 0, 0))
        return WF_NULL;
    wf_range_object *r = as_range(self);
    wf_value last_index = op(t, r->length, wf_smallint_box(1), WF_NB_SUBTRACT);
    wf_value last = last_index ? range_item(t, r, last_index) : WF_NULL;
    wf_value neg = last ? wf_negative(t, r->step) : WF_NULL;
    wf_value it = neg ? make_iter(t, last, neg, r->length) : WF_NULL;
    wf_value tmp[3] = {last_index, last, neg};
    for (int i = 0; i < 3; i++)
        if (tmp[i])
            wf_value_decref(t, tmp[i]);
    return it;
}

static void range_iter_dealloc(wf_thread *t, wf_object *o)
{
    wf_object_free(t, o);
}

static wf_value range_iter_next(wf_thread *t, wf_value self)
{
    range_iter *it = (range_iter *)wf_to_object(self);
    int64_t i = atomic_load_explicit(&it->index, memory_order_relaxed);
    if (i >= it->len)
        return WF_NULL;
    atomic_store_explicit(&it->index, i + 1, memory_order_relaxed);
    return wf_int_from_int64(t, it->start + i * it->step);
}

static wf_value range_iter_length_hint(wf_thread *t, wf_value self, const wf_value *args,
                                       size_t nargs, wf_value kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    range_iter *it = (range_iter *)wf_to_object(self);
    int64_t i = atomic_load_explicit(&it->index, memory_order_relaxed);
    return wf_int_from_int64(t, i < it->len ? it->len - i : 0);
}

static void longrange_iter_dealloc(wf_thread *t, wf_object *o)
{
    longrange_iter *it = (longrange_iter *)o;
    wf_value_decref(t, it->next);
    wf_value_decref(t, it->step);
    wf_value_decref(t, it->left);
    wf_object_free(t, o);
}

/* One step under the iterator's lock, so threads sharing it never lose a reference. */
static wf_value longrange_iter_next(wf_thread *t, wf_value self)
{
    longrange_iter *it = (longrange_iter *)wf_to_object(self);
    wf_value result = WF_NULL;
    WF_BEGIN_CRITICAL_SECTION(t, &it->ob);
    if (wf_int_sign(it->left) > 0) {
        wf_value next = op(t, it->next, it->step, WF_NB_ADD);
        wf_value left = next ? op(t, it->left, wf_smallint_box(1), WF_NB_SUBTRACT) : WF_NULL;
        if (left) {
            result = it->next;
            it->next = next;
            wf_value_decref(t, it->left);
            it->left = left;
        } else if (next) {
            wf_value_decref(t, next);
        }
    }
    WF_END_CRITICAL_SECTION(t);
    return result;
}

static const wf_method_def range_iter_methods[] = {
    {"__length_hint__", range_iter_length_hint, 0},
    {NULL, NULL, 0},
};

wf_type wf_range_iter_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "range_iterator",
    .tp_basicsize = sizeof(range_iter),
    .tp_dealloc = range_iter_dealloc,
    .tp_iter = wf_self_iter,
    .tp_iternext = range_iter_next,
    .tp_methods = range_iter_methods,
};

wf_type wf_longrange_iter_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "longrange_iterator",
    .tp_basicsize = sizeof(longrange_iter),
    .tp_dealloc = longrange_iter_dealloc,
    .tp_iter = wf_self_iter,
    .tp_iternext = longrange_iter_next,
};

/* ---- The type ----------------------------------------------------------------------------------
 */

static wf_value range_get_start(wf_thread *t, wf_value self)
{
    return wf_newref(t, as_range(self)->start);
}
static wf_value range_get_stop(wf_thread *t, wf_value self)
{
    return wf_newref(t, as_range(self)->stop);
}
static wf_value range_get_step(wf_thread *t, wf_value self)
{
    return wf_newref(t, as_range(self)->step);
}

/* read-only members in CPython ("readonly attribute") */
static const wf_getset_def range_getset[] = {
    {"start", range_get_start, wf_getset_readonly},
    {"stop", range_get_stop, wf_getset_readonly},
    {"step", range_get_step, wf_getset_readonly},
    {NULL, NULL, NULL},
};

static const wf_method_def range_methods[] = {
    {"__reversed__", range_m_reversed, 0},
    {"count", range_m_count, 0},
    {"index", range_m_index, 0},
    {NULL, NULL, 0},
};

static const wf_number_methods range_as_number = {
    .truth = range_truth,
};

static const wf_mapping_methods range_as_mapping = {
    .length = range_len,
    .getitem = range_getitem,
    .contains = range_contains,
};

wf_type wf_range_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "range",
    .tp_basicsize = sizeof(wf_range_object),
    .tp_dealloc = range_dealloc,
    .tp_repr = range_repr,
    .tp_hash = range_hash,
    .tp_richcompare = range_richcompare,
    .tp_iter = range_iter_new,
    .tp_new = range_tp_new,
    .tp_as_number = &range_as_number,
    .tp_as_mapping = &range_as_mapping,
    .tp_methods = range_methods,
    .tp_getset = range_getset,
    .tp_doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\nReturn "
              "an object that produces a sequence of integers from start (inclusive)\nto stop "
              "(exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\nstart defaults "
              "to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\nThese are exactly the "
              "valid indices for a list of 4 elements.\nWhen step is given, it specifies the "
              "increment (or decrement).",
};
