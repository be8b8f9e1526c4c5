/* list.sort's algorithm: a stable merge sort (runtime/list.h, wf_sort_values).
 *
 * The sort orders a permutation of indices, not the values, so a failing comparison
 * or key call leaves the caller's array exactly as it was; the permutation is applied
 * only on success. Runs of up to INSERTION_RUN items are sorted by binary insertion,
 * then merged bottom-up; each merge takes from the right run only when its head is
 * strictly less than the left's, which is what makes the sort stable. Reverse order
 * reverses before and after sorting, as CPython does, so equal items keep their
 * original order. */
#include "list.h"

#include <string.h>

#include "abstract.h"
#include "alloc.h"
#include "error.h"
#include "str.h"

#define INSERTION_RUN 16

typedef struct sorter {
    wf_thread *t;
    const wf_value *keys;
} sorter;

/* x < y for two exact strs: UTF-8 byte order is code point order (surrogates
 * included, as the parser encodes them in three bytes), which is str's order. */
static int str_less(wf_value x, wf_value y)
{
    size_t nx = wf_str_size(x), ny = wf_str_size(y);
    int c = memcmp(wf_str_utf8(x), wf_str_utf8(y), nx < ny ? nx : ny);
    return c < 0 || (c == 0 && nx < ny);
}

/* keys[a] < keys[b]: 1, 0, or -1 on error. Tagged ints and exact strs compare
 * directly (no user code can be involved), everything else through '<'. */
static inline int less(sorter *s, size_t a, size_t b)
{
    wf_value x = s->keys[a], y = s->keys[b];
    if (wf_is_smallint(x) && wf_is_smallint(y))
        return wf_smallint_unbox(x) < wf_smallint_unbox(y);
    if (wf_str_check_exact(x) && wf_str_check_exact(y))
        return str_less(x, y);
    return wf_richcompare_bool(s->t, x, y, WF_CMP_LT);
}

/* Binary insertion sort of idx[lo, hi): each new item goes after every equal one. */
static int insertion_sort(sorter *s, size_t *idx, size_t lo, size_t hi)
{
    for (size_t i = lo + 1; i < hi; i++) {
        size_t pivot = idx[i], l = lo, r = i;
        while (l < r) {
            size_t mid = l + (r - l) / 2;
            int c = less(s, pivot, idx[mid]);
            if (c < 0)
                return -1;
            if (c)
                r = mid;
            else
                l = mid + 1;
        }
        for (size_t j = i; j > l; j--)
            idx[j] = idx[j - 1];
        idx[l] = pivot;
    }
    return 0;
}

/* Merge the sorted runs src[lo, mid) and src[mid, hi) into dst[lo, hi). */
static int merge(sorter *s, const size_t *src, size_t *dst, size_t lo, size_t mid, size_t hi)
{
    size_t i = lo, j = mid, k = lo;
    while (i < mid && j < hi) {
        int c = less(s, src[j], src[i]);
        if (c < 0)
            return -1;
        dst[k++] = c ? src[j++] : src[i++];
    }
    while (i < mid)
        dst[k++] = src[i++];
    while (j < hi)
        dst[k++] = src[j++];
    return 0;
}

/* Sort the permutation idx of n items; tmp has room for n. The result ends in idx. */
static int merge_sort(sorter *s, size_t *idx, size_t *tmp, size_t n)
{
    for (size_t lo = 0; lo < n; lo += INSERTION_RUN) {
        size_t hi = lo + INSERTION_RUN < n ? lo + INSERTION_RUN : n;
        if (insertion_sort(s, idx, lo, hi) < 0)
            return -1;
    }
    size_t *src = idx, *dst = tmp;
    for (size_t width = INSERTION_RUN; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            if (merge(s, src, dst, lo, mid, hi) < 0)
                return -1;
        }
        size_t *swap = src;
        src = dst;
        dst = swap;
    }
    if (src != idx)
        for (size_t i = 0; i < n; i++)
            idx[i] = src[i];
    return 0;
}

static void reverse_values(wf_value *a, size_t n)
{
    for (size_t i = 0, j = n - 1; n && i < j; i++, j--) {
        wf_value x = a[i];
        a[i] = a[j];
        a[j] = x;
    }
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

int wf_sort_values(wf_thread *t, wf_value *items, size_t n, wf_value key, bool reverse)
{
    if (n == 0)
        return 0;
    wf_value *keys = NULL;
    if (key && !(keys = compute_keys(t, items, n, key)))
        return -1;
    size_t *idx = wf_mem_alloc(t, 2 * n * sizeof(size_t));
    wf_value *sorted = wf_mem_alloc(t, n * sizeof(wf_value));
    int r = -1;
    if (!idx || !sorted) {
        wf_err_no_memory(t);
        goto done;
    }
    if (reverse) {
        reverse_values(items, n);
        if (keys)
            reverse_values(keys, n);
    }
    for (size_t i = 0; i < n; i++)
        idx[i] = i;
    sorter s = {t, keys ? keys : items};
    r = n > 1 ? merge_sort(&s, idx, idx + n, n) : 0;
    if (r == 0) {
        for (size_t i = 0; i < n; i++)
            sorted[i] = items[idx[i]];
        for (size_t i = 0; i < n; i++)
            items[i] = sorted[i];
    }
    if (reverse)
        reverse_values(items, n);
done:
    if (keys) {
        for (size_t i = 0; i < n; i++)
            wf_value_decref(t, keys[i]);
        wf_mem_free(keys);
    }
    wf_mem_free(idx);
    wf_mem_free(sorted);
    return r;
}
