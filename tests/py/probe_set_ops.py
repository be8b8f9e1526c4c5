# set / frozenset methods and operators with mixed types
s = {1, 2, 3}; f = frozenset([3, 4])
print(sorted(s | f), type(s | f).__name__, type(f | s).__name__, type(f & s).__name__, sorted(f - s), sorted(s ^ f))
print(s.union([9], (8,)), s.intersection(range(2, 10), [3]), s.difference([1], {2}), s.symmetric_difference([3, 5]))
print(s.issubset(range(5)), s.issuperset([1]), s.isdisjoint('abc'), f.isdisjoint(s), s <= s, s < s, s >= {1}, s > {1, 2, 3})
try:
    s | [4]
except TypeError as e:
    print('TE', e)
try:
    s < [1]
except TypeError as e:
    print('TE', e)
print(s == frozenset(s), {1} == {1.0}, frozenset() == set(), set() == {}, hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
t = set(); t.add(1); t.add(1.0); t.add(True); print(t)
t.update('a', [2], {3}); print(len(t), 2 in t, 'a' in t)
t.discard(99); t.discard('a'); t.remove(2); print(sorted(t))
try:
    t.remove(99)
except KeyError as e:
    print('KE', e)
u = {5}; print(u.pop(), u)
try:
    u.pop()
except KeyError as e:
    print('KE', e)
v = {1, 2, 3, 4}; v &= {2, 3, 9}; print(v); v |= {7}; print(sorted(v)); v -= {2}; print(sorted(v)); v ^= {3, 8}; print(sorted(v))
w = {1, 2, 3}; w.intersection_update([2], [2, 3]); print(w); w.difference_update([2]); print(w)
w = {1, 2}; w.symmetric_difference_update([2, 3]); print(w)
fz = frozenset([1]); g = fz; fz |= {2}; print(sorted(fz), sorted(g), fz is g)
try:
    {[1]}
except TypeError as e:
    print('TE', e)
try:
    {1} | {[]} if False else set([[]])
except TypeError as e:
    print('TE', e)
print({frozenset([1]): 'x'}[frozenset([1])], {1} in [{1}], frozenset([1]) in {frozenset([1])}, {1} in {frozenset([1])})
print(repr(set()), repr(frozenset()), repr({1}), repr(frozenset({2})), str({3}))
print(sorted({x % 3 for x in range(10)}), len({1, 1, 1}), set('aab') == {'a', 'b'}, bool(set()))
class S(set):
    pass
ss = S([1, 2]); print(type(ss | {3}).__name__, type(ss.copy()).__name__, ss == {1, 2}, repr(S()))
print(s.copy() is s, frozenset(f) is f, f.copy() is f, set(s) is s)
nan = float('nan'); print(len({nan, nan}), nan in {nan}, len({float('nan'), float('nan')}))
print(sorted({-1, 3, 0} | set(range(2))), min({4, 2, 8}), max(frozenset({4, 2})), sum({1, 2}))
print({1, 2} - {2} | {9} & {9, 1}, {1, 2, 3} ^ {2} - {3})
try:
    set([1], [2])
except TypeError as e:
    print('TE', e)
z = {1, 2, 3}
try:
    for i in z:
        z.add(i + 10)
except RuntimeError as e:
    print('RE', e)
print(set.union(*[{1}, {2}, {3}]), frozenset.union(frozenset(), [1]), set().union())
