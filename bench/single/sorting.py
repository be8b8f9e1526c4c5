# Sorting with keys: records sorted by lambdas, tuples, reverse, and a stable multi-pass sort.
# usage: sorting.py N
import sys


class Rec:
    def __init__(self, a, b, name):
        self.a = a
        self.b = b
        self.name = name


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 250000
    seed = 42
    recs = []
    for i in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        recs.append(Rec(seed % 1000, (seed >> 4) % 100000, "n%d" % (seed >> 15 & 0xffff)))
    check = 0
    s1 = sorted(recs, key=lambda r: r.a)
    check += s1[0].a + s1[-1].a
    s2 = sorted(recs, key=lambda r: (r.a, -r.b, r.name))
    check += s2[n // 2].b
    s3 = sorted(recs, key=lambda r: r.name, reverse=True)
    check += len(s3[0].name)
    s4 = list(recs)
    s4.sort(key=lambda r: r.b)
    s4.sort(key=lambda r: r.a)
    for i in range(0, n, max(1, n // 100)):
        check = (check * 31 + s4[i].a * 100000 + s4[i].b) % 1000000007
    nums = [r.b for r in recs]
    nums.sort()
    strs = sorted([r.name for r in recs])
    print(check, nums[n // 3], strs[n // 4], strs[-1])


main()
