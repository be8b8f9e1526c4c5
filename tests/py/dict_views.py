d = {'a': 1, 'b': 2, 'c': 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), 'a' in k, 2 in v, ('a', 1) in it, ('a', 2) in it)
d['d'] = 4
print(list(k), list(v), list(it))
print(sorted(k & {'a', 'x'}), sorted(k | {'z'}), sorted(k - {'a'}), sorted(k ^ {'a', 'q'}))
print(sorted(it & {('a', 1), ('b', 0)}), k == {'a', 'b', 'c', 'd'}, k <= {'a', 'b', 'c', 'd', 'e'}, k.isdisjoint({'x'}))
print(list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())))
try:
    for key in d:
        d['new' + key] = 0
except RuntimeError as e:
    print('RuntimeError:', e)
d2 = {'x': 1}
try:
    for key in d2:
        del d2[key]
except RuntimeError as e:
    print('RuntimeError:', e)
print(d2)
print(type(k).__name__, type(v).__name__, type(it).__name__, v == v)
m = d.keys().mapping if hasattr(d.keys(), 'mapping') else None
print(m is d or m == d)
print(repr({}.keys()), list({}.items()))
