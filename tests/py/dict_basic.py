d = {'b': 2, 'a': 1}
d['c'] = 3
d['b'] = 20
print(d, len(d), list(d), d['a'], 'a' in d, 'z' in d, 1 in d)
del d['a']; d['a'] = 'back'
print(d)
print(d.get('c'), d.get('z'), d.get('z', 0), d.setdefault('c', 9), d.setdefault('n', []), d)
print(d.pop('n'), d.pop('missing', 'dflt'), d)
print(d.popitem(), d)
d.update({'x': 1}, y=2); d.update([('z', 3)]); print(d)
print(list(d.keys()), list(d.values()), list(d.items()))
e = d.copy(); e['new'] = 1; print(d == e, len(e))
print(dict.fromkeys('abc'), dict.fromkeys([1, 2], 0), dict(a=1, b=2), dict([('k', 'v')]), dict({1: 2}, three=3))
print({1: 'a', True: 'b', 1.0: 'c'}, {(1, 2): 'tuple key', None: 'none', frozenset(): 'fs'})
d.clear(); print(d, bool(d))
errs = [lambda: {}['k'], lambda: {}.pop('k'), lambda: {}.popitem(), lambda: {[]: 1}, lambda: dict([1, 2]),
        lambda: dict([(1, 2, 3)]), lambda: {1: 2} < {3: 4}, lambda: {}[{}], lambda: dict(1)]
for f in errs:
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
print({'a': 1} == {'a': 1.0}, {'a': 1, 'b': 2} == {'b': 2, 'a': 1}, {1: 2} != {1: 3})
counts = {}
for w in 'the cat and the hat and the bat'.split():
    counts[w] = counts.get(w, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
