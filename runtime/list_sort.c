/* list.sort's algorithm: timsort, making the same '<' comparisons, in the same order
 * and with the same operands, as CPython 3.11's list.sort (Objects/listsort.txt). A
 * user __lt__ with side effects sees no difference, and partly ordered input costs
 * close to n comparisons.
 *
 * Data (runtime/list.h, wf_sort_values):
 * - The caller's array is never written until the sort has succeeded: the items are
 *   copied into a scratch array that is sorted and then copied back. A failing key
 *   call or comparison leaves the caller's array as it was.
 * - The sort moves a `span`: keys, and alongside them the items when a key function
 *   made the keys (values is NULL when the items are their own keys). Every move
 *   moves both, so keys[i] is always the key of values[i].
 * - reverse=True reverses the items before sorting and again after, as CPython does,
 *   so equal items keep their original order.
 *
 * The algorithm, in data-flow order below:
 * 1. count_run finds the next run: non-descending, or strictly descending (then
 *    reversed in place, which keeps the sort stable as no two of its items are equal).
 * 2. A run shorter than minrun (32..64, from the list length) is extended to minrun
 *    items by binary insertion.
 * 3. Runs wait on a stack and are merged in powersort's order (Munro and Wild): the
 *    boundary between the top run and the new one gets a power, its depth in the
 *    binary tree that halves [0, n) at midpoints; every pending boundary of higher
 *    power is merged first. Powers strictly increase up the stack, so it holds at most
 *    one run per power. At the end merge_force_collapse merges everything.
 * 4. A merge first gallops to skip the prefix of the left run and the suffix of the
 *    right run that are already in place, copies the shorter remaining run to a
 *    scratch area and merges from the left (merge_lo) or from the right (merge_hi).
 *    A merge compares pairwise until one run wins min_gallop times in a row, then
 *    gallops (exponential then binary search) until galloping stops paying off.
 *    min_gallop starts at 7 and adapts for the whole sort.
 * Each step's comparisons, including their operand order, are part of the contract. */
#include "list.h"

#include <string.h>

#include "abstract.h"
#include "alloc.h"
#include "error.h"
#include "float.h"
#include "str.h"

#define MIN_GALLOP 7 /* initial min_gallop, and how long a gallop must be to go on */
/* pending runs: one per power (1..64, as n < 2^64) below the top, plus the top */
#define MAX_RUNS 66

/* ---- Spans: keys with their items ---------------------------------------------------- */

typedef struct span {
    wf_value *keys;
    wf_value *values; /* NULL when the items are their own keys */
} span;

/* The span starting i items after s (i may be negative). */
static inline span span_at(span s, ptrdiff_t i)
{
    s.keys += i;
    if (s.values)
        s.values += i;
    return s;
}

/* dst[0, n) = src[0, n); the two may overlap. dst and src both have values or not. */
static inline void span_copy(span dst, span src, size_t n)
{
    memmove(dst.keys, src.keys, n * sizeof(wf_value));
    if (dst.values)
        memmove(dst.values, src.values, n * sizeof(wf_value));
}

/* dst[0] = src[0]. */
static inline void span_put(span dst, span src)
{
    dst.keys[0] = src.keys[0];
    if (dst.values)
        dst.values[0] = src.values[0];
}

/* dest[0] = src[0], then both cursors step by dir: +1 when merging left to right,
 * -1 right to left. */
static inline void span_take(span *dest, span *src, ptrdiff_t dir)
{
    span_put(*dest, *src);
    *dest = span_at(*dest, dir);
    *src = span_at(*src, dir);
}

/* Reverse s[0, n) in place. */
static void span_reverse(span s, size_t n)
{
    for (size_t i = 0, j = n - 1; n && i < j; i++, j--) {
        wf_value k = s.keys[i];
        s.keys[i] = s.keys[j];
        s.keys[j] = k;
        if (s.values) {
            wf_value v = s.values[i];
            s.values[i] = s.values[j];
            s.values[j] = v;
        }
    }
}

/* ---- The sorter and its comparison ---------------------------------------------------- */

typedef struct pending_run {
    span base;
    size_t len;
    int power; /* of the boundary after this run; set once a run follows it */
} pending_run;

typedef struct sorter {
    wf_thread *t;
    size_t min_gallop;      /* pairwise wins in a row before a merge starts galloping */
    span tmp;               /* merge scratch: room for half the items */
    const wf_value *origin; /* keys[0] of the whole array, for run start indices */
    size_t n;               /* items in the whole array */
    size_t nruns;
    pending_run runs[MAX_RUNS]; /* runs[nruns - 1] is the most recent */
} sorter;

/* x < y for two exact strs: UTF-8 byte order is code point order (surrogates
 * included, as the parser encodes them in three bytes), which is str's order. */
static int str_less(wf_value x, wf_value y)
{
    size_t nx = wf_str_size(x), ny = wf_str_size(y);
    int c = memcmp(wf_str_utf8(x), wf_str_utf8(y), nx < ny ? nx : ny);
    return c < 0 || (c == 0 && nx < ny);
}

/* v is a float, not a subclass (whose '<' could be user code). */
static inline bool float_exact(wf_value v)
{
    return wf_is_object(v) && wf_to_object(v)->ob_type == &wf_float_type;
}

/* x < y: 1, 0, or -1 on error. Tagged ints, exact strs and exact floats compare
 * directly (no user code can run, so the observable sequence is unchanged), everything
 * else through '<'. */
static inline int less(sorter *s, wf_value x, wf_value y)
{
    if (wf_is_smallint(x) && wf_is_smallint(y))
        return wf_smallint_unbox(x) < wf_smallint_unbox(y);
    if (wf_str_check_exact(x) && wf_str_check_exact(y))
        return str_less(x, y);
    if (float_exact(x) && float_exact(y))
        return wf_float_value(x) < wf_float_value(y);
    return wf_richcompare_bool(s->t, x, y, WF_CMP_LT);
}

/* ---- Runs ------------------------------------------------------------------------------ */

/* The length of the run at the start of a[0, n) (n >= 1) in *len: the longest
 * non-descending prefix, or the longest strictly descending one (*descending).
 * Compares each item with the one before it, stopping at the first that breaks the
 * run. 0, or -1 on error. */
static int count_run(sorter *s, const wf_value *a, size_t n, size_t *len, bool *descending)
{
    *descending = false;
    *len = 1;
    if (n == 1)
        return 0;
    int c = less(s, a[1], a[0]);
    if (c < 0)
        return -1;
    *descending = c;
    size_t i = 2;
    for (; i < n; i++) {
        c = less(s, a[i], a[i - 1]);
        if (c < 0)
            return -1;
        if (c != *descending)
            break;
    }
    *len = i;
    return 0;
}

/* Sort a[0, end) by binary insertion, given a[0, start) is sorted (start >= 1). Each
 * new item (the pivot) is compared as `pivot < a[mid]` and goes after every item equal
 * to it, which keeps the sort stable. 0, or -1 on error (a is then still a permutation
 * of its items). */
static int binary_insertion(sorter *s, span a, size_t start, size_t end)
{
    WF_ASSERT(start >= 1 && start <= end);
    for (size_t i = start; i < end; i++) {
        wf_value pivot = a.keys[i];
        size_t l = 0, r = i; /* pivot >= a[0, l), pivot < a[r, i) */
        while (l < r) {
            size_t mid = l + ((r - l) >> 1);
            int c = less(s, pivot, a.keys[mid]);
            if (c < 0)
                return -1;
            if (c)
                r = mid;
            else
                l = mid + 1;
        }
        wf_value value = a.values ? a.values[i] : WF_NULL;
        span_copy(span_at(a, (ptrdiff_t)l + 1), span_at(a, (ptrdiff_t)l), i - l);
        a.keys[l] = pivot;
        if (a.values)
            a.values[l] = value;
    }
    return 0;
}

/* The minimum run length for n items: n itself below 64, otherwise a length in
 * [32, 64] such that n / minrun is a power of two or slightly less, so the final merges
 * are balanced. It is n's top six bits, plus one if any lower bit is set. */
static size_t min_run_length(size_t n)
{
    size_t any_lower = 0;
    while (n >= 64) {
        any_lower |= n & 1;
        n >>= 1;
    }
    return n + any_lower;
}

/* ---- Galloping ------------------------------------------------------------------------- */

/* Where key goes in the sorted a[0, n) (n >= 1), before any equal item: the k with
 * a[k-1] < key <= a[k]. Starts at a[hint] and gallops (offsets 1, 3, 7, ...) away from
 * it, then binary-searches the last gap; comparisons are `a[i] < key`. k, or -1 on
 * error. */
static ptrdiff_t gallop_left(sorter *s, wf_value key, const wf_value *a, size_t n, size_t hint)
{
    WF_ASSERT(n > 0 && hint < n);
    /* bounds of the search, as offsets from a: a[lo] < key <= a[hi] (lo may be -1,
     * hi may be n) */
    ptrdiff_t lo, hi;
    size_t last = 0, ofs = 1;
    int c = less(s, a[hint], key);
    if (c < 0)
        return -1;
    if (c) { /* a[hint] < key: gallop right */
        size_t max = n - hint;
        while (ofs < max) {
            if ((c = less(s, a[hint + ofs], key)) < 0)
                return -1;
            if (!c)
                break;
            last = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > max)
            ofs = max;
        lo = (ptrdiff_t)(hint + last);
        hi = (ptrdiff_t)(hint + ofs);
    } else { /* key <= a[hint]: gallop left */
        size_t max = hint + 1;
        while (ofs < max) {
            if ((c = less(s, a[hint - ofs], key)) < 0)
                return -1;
            if (c)
                break;
            last = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > max)
            ofs = max;
        lo = (ptrdiff_t)hint - (ptrdiff_t)ofs;
        hi = (ptrdiff_t)(hint - last);
    }
    for (lo++; lo < hi;) { /* a[lo-1] < key <= a[hi] */
        ptrdiff_t mid = lo + ((hi - lo) >> 1);
        if ((c = less(s, a[mid], key)) < 0)
            return -1;
        if (c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return hi;
}

/* Where key goes in the sorted a[0, n) (n >= 1), after every equal item: the k with
 * a[k-1] <= key < a[k]. Gallops from a[hint] like gallop_left; comparisons are
 * `key < a[i]`. k, or -1 on error. */
static ptrdiff_t gallop_right(sorter *s, wf_value key, const wf_value *a, size_t n, size_t hint)
{
    WF_ASSERT(n > 0 && hint < n);
    /* a[lo] <= key < a[hi] (lo may be -1, hi may be n) */
    ptrdiff_t lo, hi;
    size_t last = 0, ofs = 1;
    int c = less(s, key, a[hint]);
    if (c < 0)
        return -1;
    if (c) { /* key < a[hint]: gallop left */
        size_t max = hint + 1;
        while (ofs < max) {
            if ((c = less(s, key, a[hint - ofs])) < 0)
                return -1;
            if (!c)
                break;
            last = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > max)
            ofs = max;
        lo = (ptrdiff_t)hint - (ptrdiff_t)ofs;
        hi = (ptrdiff_t)(hint - last);
    } else { /* a[hint] <= key: gallop right */
        size_t max = n - hint;
        while (ofs < max) {
            if ((c = less(s, key, a[hint + ofs])) < 0)
                return -1;
            if (c)
                break;
            last = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > max)
            ofs = max;
        lo = (ptrdiff_t)(hint + last);
        hi = (ptrdiff_t)(hint + ofs);
    }
    for (lo++; lo < hi;) { /* a[lo-1] <= key < a[hi] */
        ptrdiff_t mid = lo + ((hi - lo) >> 1);
        if ((c = less(s, key, a[mid])) < 0)
            return -1;
        if (c)
            hi = mid;
        else
            lo = mid + 1;
    }
    return hi;
}

/* ---- Merging from the left ------------------------------------------------------------- *
 *
 * merge_lo merges run A (na items) with the run B (nb items) right after it when A is
 * the shorter: A is copied to the scratch area and the output is written from A's old
 * start, left to right. Cursors point at the next item of each run and the next output
 * slot; the output never overtakes B's cursor. Given A[0] > B[0] and A[na-1] > B[nb-1]
 * (merge_at galloped away the rest), B's first item goes first and A's last item last. */

/* How a merge phase ended. */
typedef enum merge_end {
    MERGE_SWITCH, /* go on in the other mode (pairwise <-> galloping) */
    MERGE_DONE,   /* one run is empty: what is left of the other is already in place or
                     is copied back from scratch */
    MERGE_LAST,   /* the run being merged towards holds one item, which goes at the far end */
    MERGE_ERROR,
} merge_end;

typedef struct merge {
    span a, b, dest; /* cursors */
    size_t na, nb;   /* items left in A and B */
} merge;

/* Compare B's head with A's head (`b < a`), moving the smaller (A on ties) to the
 * output, until one run has won min_gallop times in a row or one runs out. */
static merge_end lo_pairwise(sorter *s, merge *m)
{
    size_t awins = 0, bwins = 0;
    for (;;) {
        WF_ASSERT(m->na > 1 && m->nb > 0);
        int c = less(s, m->b.keys[0], m->a.keys[0]);
        if (c < 0)
            return MERGE_ERROR;
        if (c) {
            span_take(&m->dest, &m->b, 1);
            bwins++;
            awins = 0;
            if (--m->nb == 0)
                return MERGE_DONE;
            if (bwins >= s->min_gallop)
                return MERGE_SWITCH;
        } else {
            span_take(&m->dest, &m->a, 1);
            awins++;
            bwins = 0;
            if (--m->na == 1)
                return MERGE_LAST;
            if (awins >= s->min_gallop)
                return MERGE_SWITCH;
        }
    }
}

/* Gallop: find how many of A's items go before B's head and move them at once, then
 * B's head, then how many of B's go before A's head, then A's head; repeat while either
 * stretch is at least MIN_GALLOP long. Entering raises min_gallop by one, each round
 * lowers it (never below 1), leaving raises it again: long gallops make the next
 * merge start galloping sooner. */
static merge_end lo_gallop(sorter *s, merge *m)
{
    s->min_gallop++;
    size_t acount, bcount;
    do {
        WF_ASSERT(m->na > 1 && m->nb > 0);
        if (s->min_gallop > 1)
            s->min_gallop--;
        ptrdiff_t k = gallop_right(s, m->b.keys[0], m->a.keys, m->na, 0);
        if (k < 0)
            return MERGE_ERROR;
        acount = (size_t)k;
        if (acount) {
            span_copy(m->dest, m->a, acount);
            m->dest = span_at(m->dest, k);
            m->a = span_at(m->a, k);
            m->na -= acount;
            if (m->na == 1)
                return MERGE_LAST;
            if (m->na == 0) /* only with an inconsistent '<' */
                return MERGE_DONE;
        }
        span_take(&m->dest, &m->b, 1);
        if (--m->nb == 0)
            return MERGE_DONE;

        k = gallop_left(s, m->a.keys[0], m->b.keys, m->nb, 0);
        if (k < 0)
            return MERGE_ERROR;
        bcount = (size_t)k;
        if (bcount) {
            span_copy(m->dest, m->b, bcount);
            m->dest = span_at(m->dest, k);
            m->b = span_at(m->b, k);
            m->nb -= bcount;
            if (m->nb == 0)
                return MERGE_DONE;
        }
        span_take(&m->dest, &m->a, 1);
        if (--m->na == 1)
            return MERGE_LAST;
    } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
    s->min_gallop++;
    return MERGE_SWITCH;
}

/* Merge a[0, na) and the adjacent b[0, nb), na <= nb, A copied to scratch. 0 or -1; on
 * error too the region holds all its items (A's rest is copied back). */
static int merge_lo(sorter *s, span a, size_t na, span b, size_t nb)
{
    WF_ASSERT(na > 0 && nb > 0 && a.keys + na == b.keys);
    span_copy(s->tmp, a, na);
    merge m = {.a = s->tmp, .b = span_at(b, 1), .dest = span_at(a, 1), .na = na, .nb = nb - 1};
    span_put(a, b);
    merge_end end = m.nb == 0 ? MERGE_DONE : m.na == 1 ? MERGE_LAST : MERGE_SWITCH;
    while (end == MERGE_SWITCH) {
        end = lo_pairwise(s, &m);
        if (end == MERGE_SWITCH)
            end = lo_gallop(s, &m);
    }
    if (end == MERGE_LAST) { /* B's rest, then A's last item */
        WF_ASSERT(m.na == 1 && m.nb > 0);
        span_copy(m.dest, m.b, m.nb);
        span_put(span_at(m.dest, (ptrdiff_t)m.nb), m.a);
        return 0;
    }
    span_copy(m.dest, m.a, m.na);
    return end == MERGE_ERROR ? -1 : 0;
}

/* ---- Merging from the right ------------------------------------------------------------ *
 *
 * merge_hi is merge_lo's mirror, for when B is the shorter run: B is copied to scratch
 * and the output is written from B's old end, right to left. Cursors point at the last
 * item left in each run and the last output slot not yet written; `abase`/`bbase` are
 * where what is left of A and B starts. The comparison is still `b < a` on the two
 * last items: A's goes out (is the larger) only when strictly greater. */

typedef struct hi_merge {
    merge m; /* cursors at the last items, moving left */
    const wf_value *abase, *bbase;
} hi_merge;

/* Pairwise mode of merge_hi: move the larger last item to the output, B's on ties. */
static merge_end hi_pairwise(sorter *s, merge *m)
{
    size_t awins = 0, bwins = 0;
    for (;;) {
        WF_ASSERT(m->na > 0 && m->nb > 1);
        int c = less(s, m->b.keys[0], m->a.keys[0]);
        if (c < 0)
            return MERGE_ERROR;
        if (c) {
            span_take(&m->dest, &m->a, -1);
            awins++;
            bwins = 0;
            if (--m->na == 0)
                return MERGE_DONE;
            if (awins >= s->min_gallop)
                return MERGE_SWITCH;
        } else {
            span_take(&m->dest, &m->b, -1);
            bwins++;
            awins = 0;
            if (--m->nb == 1)
                return MERGE_LAST;
            if (bwins >= s->min_gallop)
                return MERGE_SWITCH;
        }
    }
}

/* Galloping mode of merge_hi: how many of A's last items go after B's last item (found
 * by galloping from A's end), then B's last, then how many of B's go after A's last,
 * then A's last; min_gallop adapts as in lo_gallop. */
static merge_end hi_gallop(sorter *s, hi_merge *h)
{
    merge *m = &h->m;
    s->min_gallop++;
    size_t acount, bcount;
    do {
        WF_ASSERT(m->na > 0 && m->nb > 1);
        if (s->min_gallop > 1)
            s->min_gallop--;
        ptrdiff_t k = gallop_right(s, m->b.keys[0], h->abase, m->na, m->na - 1);
        if (k < 0)
            return MERGE_ERROR;
        acount = m->na - (size_t)k;
        if (acount) {
            m->dest = span_at(m->dest, -(ptrdiff_t)acount);
            m->a = span_at(m->a, -(ptrdiff_t)acount);
            span_copy(span_at(m->dest, 1), span_at(m->a, 1), acount);
            m->na -= acount;
            if (m->na == 0)
                return MERGE_DONE;
        }
        span_take(&m->dest, &m->b, -1);
        if (--m->nb == 1)
            return MERGE_LAST;

        k = gallop_left(s, m->a.keys[0], h->bbase, m->nb, m->nb - 1);
        if (k < 0)
            return MERGE_ERROR;
        bcount = m->nb - (size_t)k;
        if (bcount) {
            m->dest = span_at(m->dest, -(ptrdiff_t)bcount);
            m->b = span_at(m->b, -(ptrdiff_t)bcount);
            span_copy(span_at(m->dest, 1), span_at(m->b, 1), bcount);
            m->nb -= bcount;
            if (m->nb == 1)
                return MERGE_LAST;
            if (m->nb == 0) /* only with an inconsistent '<' */
                return MERGE_DONE;
        }
        span_take(&m->dest, &m->a, -1);
        if (--m->na == 0)
            return MERGE_DONE;
    } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
    s->min_gallop++;
    return MERGE_SWITCH;
}

/* Merge a[0, na) and the adjacent b[0, nb), na > nb, B copied to scratch. 0 or -1; on
 * error too the region holds all its items (B's rest is copied back). */
static int merge_hi(sorter *s, span a, size_t na, span b, size_t nb)
{
    WF_ASSERT(na > 0 && nb > 0 && a.keys + na == b.keys);
    span_copy(s->tmp, b, nb);
    hi_merge h = {
        .m = {.a = span_at(a, (ptrdiff_t)na - 2),
              .b = span_at(s->tmp, (ptrdiff_t)nb - 1),
              .dest = span_at(b, (ptrdiff_t)nb - 2),
              .na = na - 1,
              .nb = nb},
        .abase = a.keys,
        .bbase = s->tmp.keys,
    };
    merge *m = &h.m;
    span_put(span_at(b, (ptrdiff_t)nb - 1), span_at(a, (ptrdiff_t)na - 1));
    merge_end end = m->na == 0 ? MERGE_DONE : m->nb == 1 ? MERGE_LAST : MERGE_SWITCH;
    while (end == MERGE_SWITCH) {
        end = hi_pairwise(s, m);
        if (end == MERGE_SWITCH)
            end = hi_gallop(s, &h);
    }
    if (end == MERGE_LAST) { /* A's rest, then B's first item in front of it */
        WF_ASSERT(m->nb == 1 && m->na > 0);
        span dest = span_at(m->dest, -(ptrdiff_t)m->na);
        span_copy(span_at(dest, 1), span_at(m->a, 1 - (ptrdiff_t)m->na), m->na);
        span_put(dest, m->b);
        return 0;
    }
    span_copy(span_at(m->dest, 1 - (ptrdiff_t)m->nb), s->tmp, m->nb);
    return end == MERGE_ERROR ? -1 : 0;
}

/* ---- The run stack --------------------------------------------------------------------- */

/* Merge runs i and i + 1 of the stack (i is third- or second-from-top). The part of
 * run i that precedes run i+1's first item, and the part of run i+1 that follows run
 * i's last item, are already in place; only the rest is merged, by the shorter side. */
static int merge_at(sorter *s, size_t i)
{
    WF_ASSERT(s->nruns >= 2 && (i == s->nruns - 2 || i == s->nruns - 3));
    span a = s->runs[i].base, b = s->runs[i + 1].base;
    size_t na = s->runs[i].len, nb = s->runs[i + 1].len;
    s->runs[i].len = na + nb;
    if (i == s->nruns - 3)
        s->runs[i + 1] = s->runs[i + 2];
    s->nruns--;

    ptrdiff_t k = gallop_right(s, b.keys[0], a.keys, na, 0);
    if (k < 0)
        return -1;
    a = span_at(a, k);
    na -= (size_t)k;
    if (na == 0)
        return 0;
    k = gallop_left(s, a.keys[na - 1], b.keys, nb, nb - 1);
    if (k <= 0)
        return (int)k;
    nb = (size_t)k;
    return na <= nb ? merge_lo(s, a, na, b, nb) : merge_hi(s, a, na, b, nb);
}

/* The power of the boundary between the run [s1, s1 + n1) and the run of n2 items
 * after it, in an array of n: the first k at which the binary expansions of the two
 * runs' midpoints divided by n differ in their k-th bit after the point. Computed with
 * doubled midpoints, so they stay integers, one bit per round. */
static int boundary_power(size_t s1, size_t n1, size_t n2, size_t n)
{
    WF_ASSERT(n1 > 0 && n2 > 0 && s1 + n1 + n2 <= n);
    size_t a = 2 * s1 + n1, b = a + n1 + n2; /* 2 * midpoint of each run */
    int power = 0;
    for (;;) { /* a < b, and both are reduced below n after each round */
        power++;
        if (a >= n) { /* both bits 1 */
            a -= n;
            b -= n;
        } else if (b >= n) { /* the bits differ */
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    return power;
}

/* A run of n2 items starts after the top run: merge the pending runs whose boundary
 * with their successor has a higher power than the top run's boundary with the new one,
 * then give that boundary its power. The caller pushes the new run. */
static int found_new_run(sorter *s, size_t n2)
{
    if (s->nruns == 0)
        return 0;
    pending_run *top = &s->runs[s->nruns - 1];
    int power = boundary_power((size_t)(top->base.keys - s->origin), top->len, n2, s->n);
    while (s->nruns > 1 && s->runs[s->nruns - 2].power > power)
        if (merge_at(s, s->nruns - 2) < 0)
            return -1;
    WF_ASSERT(s->nruns < 2 || s->runs[s->nruns - 2].power < power);
    s->runs[s->nruns - 1].power = power;
    return 0;
}

/* Merge every pending run, always merging the middle of the top three with its shorter
 * neighbour (the top one on ties). */
static int merge_force_collapse(sorter *s)
{
    pending_run *r = s->runs;
    while (s->nruns > 1) {
        size_t i = s->nruns - 2;
        if (i > 0 && r[i - 1].len < r[i + 1].len)
            i--;
        if (merge_at(s, i) < 0)
            return -1;
    }
    return 0;
}

/* ---- The sort -------------------------------------------------------------------------- */

/* Timsort a[0, n), n >= 2: cut it into runs (extended to minrun), merge pending runs
 * in powersort's order as each is found, then merge what is pending. 0, or -1 with a
 * holding its items in some order. */
static int timsort(sorter *s, span a, size_t n)
{
    size_t minrun = min_run_length(n);
    for (size_t left = n; left > 0;) {
        size_t len;
        bool descending;
        if (count_run(s, a.keys, left, &len, &descending) < 0)
            return -1;
        if (descending)
            span_reverse(a, len);
        if (len < minrun) {
            size_t end = left < minrun ? left : minrun;
            if (binary_insertion(s, a, len, end) < 0)
                return -1;
            len = end;
        }
        if (found_new_run(s, len) < 0)
            return -1;
        WF_ASSERT(s->nruns < MAX_RUNS);
        s->runs[s->nruns++] = (pending_run){a, len, 0};
        a = span_at(a, (ptrdiff_t)len);
        left -= len;
    }
    return merge_force_collapse(s);
}

/* keys[i] = key(items[i]) for every item; on failure the computed keys are dropped. */
static wf_value *compute_keys(wf_thread *t, const wf_value *items, size_t n, wf_value key)
{
    wf_value *keys = wf_mem_alloc(t, n * sizeof(wf_value));
    if (!keys) {
        wf_err_no_memory(t);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        keys[i] = wf_call(t, key, &items[i], 1, WF_NULL);
        if (!keys[i]) {
            while (i-- > 0)
                wf_value_decref(t, keys[i]);
            wf_mem_free(keys);
            return NULL;
        }
    }
    return keys;
}

/* dst[i] = src[i], or src[n-1-i] when reversed. */
static void copy_values(wf_value *dst, const wf_value *src, size_t n, bool reversed)
{
    if (!reversed) {
        memcpy(dst, src, n * sizeof(wf_value));
        return;
    }
    for (size_t i = 0; i < n; i++)
        dst[i] = src[n - 1 - i];
}

int wf_sort_values(wf_thread *t, wf_value *items, size_t n, wf_value key, bool reverse)
{
    if (n == 0)
        return 0;
    wf_value *keys = NULL;
    if (key && !(keys = compute_keys(t, items, n, key)))
        return -1;
    /* work: the copy of the items that is sorted, then the merge scratch (keys, and
     * items too when keys are separate) */
    size_t width = keys ? 2 : 1, half = n / 2;
    wf_value *work = wf_mem_alloc(t, (n + width * half) * sizeof(wf_value));
    int r = -1;
    if (!work) {
        wf_err_no_memory(t);
        goto done;
    }
    copy_values(work, items, n, reverse);
    if (keys && reverse)
        span_reverse((span){keys, NULL}, n);
    sorter s = {.t = t, .min_gallop = MIN_GALLOP, .n = n};
    span all;
    if (keys) {
        all = (span){keys, work};
        s.tmp = (span){work + n, work + n + half};
    } else {
        all = (span){work, NULL};
        s.tmp = (span){work + n, NULL};
    }
    s.origin = all.keys;
    r = n > 1 ? timsort(&s, all, n) : 0;
    if (r == 0)
        copy_values(items, work, n, reverse);
done:
    if (keys) {
        for (size_t i = 0; i < n; i++)
            wf_value_decref(t, keys[i]);
        wf_mem_free(keys);
    }
    wf_mem_free(work);
    return r;
}
