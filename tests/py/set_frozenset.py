f = frozenset([3, 1, 2, 3])
print(f, len(f), 2 in f, repr(frozenset()), type(f).__name__)
print(f | {9}, f & {1, 9}, f - {1}, f ^ {1, 5}, f.union([7]), f.copy() is f)
print(hash(f) == hash(frozenset({1, 2, 3})), f == {1, 2, 3}, {f: 'key'}[frozenset([1, 2, 3])])
s = {frozenset([1]), frozenset([1]), frozenset([2])}
print(len(s), sorted(len(x) for x in s))
try:
    f.add(4)
except AttributeError as e:
    print('AttributeError:', e)
print(frozenset('aab') == frozenset('ab'), sorted(frozenset('cab')), f.issubset({1, 2, 3, 4}))
nested = frozenset([frozenset([1, 2]), frozenset()])
print(len(nested), frozenset() in nested)
print(set(f), frozenset(set([5])), frozenset(range(3)))
