# Permutations and list manipulation: generate all permutations recursively (list
# slicing and concatenation), then reverse/rotate/insert/pop on lists.
# usage: permutations.py N   (N items, N! permutations)
import sys


def permutations(items):
    if len(items) <= 1:
        return [items[:]]
    result = []
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            result.append([items[i]] + p)
    return result


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    perms = permutations(list(range(n)))
    check = 0
    for k, p in enumerate(perms):
        q = p[::-1]
        q.insert(k % n, q.pop())
        q = q[2:] + q[:2]
        check = (check * 31 + q[0] * 7 + q[-1] + len(q)) % 1000000007
    fixed = 0
    for p in perms:
        for i in range(n):
            if p[i] == i:
                fixed += 1
    print(len(perms), check, fixed)


main()
