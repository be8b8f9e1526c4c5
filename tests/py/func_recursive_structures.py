def build(depth):
    if depth == 0:
        return 'leaf'
    return {'left': build(depth - 1), 'right': [build(depth - 1)]}
def count_leaves(t):
    if t == 'leaf':
        return 1
    if isinstance(t, list):
        return sum(count_leaves(x) for x in t)
    return sum(count_leaves(v) for v in t.values())
t = build(4)
print(count_leaves(t), build(1), build(2))
def depth(t):
    if isinstance(t, dict):
        return 1 + max(depth(v) for v in t.values())
    if isinstance(t, list):
        return max(depth(v) for v in t) if t else 0
    return 0
print(depth(t))
def merge_sort(a):
    if len(a) <= 1:
        return a
    m = len(a) // 2
    l, r = merge_sort(a[:m]), merge_sort(a[m:])
    out = []
    while l and r:
        out.append(l.pop(0) if l[0] <= r[0] else r.pop(0))
    return out + l + r
print(merge_sort([5, 2, 9, 1, 5, 6, -3, 0]))
def quicksort(a):
    if len(a) < 2:
        return a
    p, *rest = a
    return quicksort([x for x in rest if x < p]) + [p] + quicksort([x for x in rest if x >= p])
print(quicksort([3, 6, 1, 8, 1, 9, 2]), quicksort(list('recursion')))
def power_set(s):
    if not s:
        return [[]]
    rest = power_set(s[1:])
    return rest + [[s[0]] + r for r in rest]
print(power_set([1, 2, 3]))
def binary_search(a, x, lo=0, hi=None):
    if hi is None:
        hi = len(a)
    if lo >= hi:
        return -1
    mid = (lo + hi) // 2
    if a[mid] == x:
        return mid
    return binary_search(a, x, mid + 1, hi) if a[mid] < x else binary_search(a, x, lo, mid)
arr = list(range(0, 100, 3))
print([binary_search(arr, v) for v in (0, 3, 48, 99, 50, -1)])
