a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [7]), a.intersection(b, {4}), a.difference(b, {1}), a.symmetric_difference([1, 9]))
print(a <= b, {1, 2} <= a, {1, 2} < a, a < a, a >= {1}, a > {1, 2, 3, 4}, a == {4, 3, 2, 1})
print(a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({9}), a.isdisjoint(b))
s = set()
s.add(5); s.add(5); s.add(1)
print(s, len(s), 5 in s, 7 not in s)
s.update([3, 2], (8,)); print(s)
s.discard(100); s.discard(8); print(s)
s.remove(1); print(s)
print(s.pop() in {2, 3, 5}, len(s))
c = a.copy(); c |= {10}; c &= {1, 2, 10}; c -= {1}; c ^= {2, 99}; print(c, a)
c.intersection_update({10, 11}); print(c)
c.difference_update({10}); print(c)
c.symmetric_difference_update({1, 2}); print(c)
c.clear(); print(c, set(), repr(set()))
print(set('hello') == set('ohel'), sorted(set('mississippi')), set(range(5)), set([3, 1, 2]))
errs = [lambda: set().pop(), lambda: {1}.remove(2), lambda: {[1]}, lambda: {1} | [2], lambda: {1} < [1],
        lambda: set(5), lambda: {1}.add([])]
for f in errs:
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
print({1, 2} | frozenset([3]), type({1} | frozenset([3])).__name__, type(frozenset([3]) | {1}).__name__)
print(sorted({'pear', 'apple', 'fig'}), sorted({'b', 'a'} | {'c'}))
print({-1, -2, 0, 10, 100}, {x % 5 for x in range(20)})
