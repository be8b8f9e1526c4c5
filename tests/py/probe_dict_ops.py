# dict methods: setdefault, pop default, popitem order, update forms, fromkeys, |, |=
d = {'a': 1}
print(d.setdefault('a', 5), d.setdefault('b'), d.setdefault('c', []), d)
print(d.pop('a'), d.pop('zz', 'dflt'), d.pop('zz', None), d)
try:
    d.pop('zz')
except KeyError as e:
    print('KE', e, repr(e))
d = dict.fromkeys('abc', 0); print(d, dict.fromkeys([1, 2]), dict.fromkeys(''))
print(d.popitem(), d.popitem(), d)
try:
    {}.popitem()
except KeyError as e:
    print('KE', e)
d = {}; d.update([('x', 1), ['y', 2]], z=3); d.update({'x': 10}); d.update(w=4, x=0); print(d)
d.update(); d.update(()); print(d)
for bad in [[1], [(1, 2, 3)], 5]:
    try:
        {}.update(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(dict(a=1, b=2), dict([(1, 2)], a=3), dict({1: 1}, **{'k': 2}), dict(zip('ab', range(2))))
a = {'x': 1, 'y': 2}; b = {'y': 20, 'z': 30}
print(a | b, b | a, a)
a |= b; print(a)
a |= [('q', 9)]; print(a)
try:
    a | [('q', 9)]
except TypeError as e:
    print('TE', e)
c = a.copy(); c['new'] = 1; print('new' in a, 'new' in c, len(c))
print({1: 'a'} == {1.0: 'a'}, {1: 2, 3: 4} == {3: 4, 1: 2}, {1: 2} != {1: 3}, {} == {})
try:
    {1: 2} < {1: 2}
except TypeError as e:
    print('TE', e)
r = {'k': 1}; r['self'] = r; print(r)
l = [1]; dd = {'l': l}; l.append(dd); print(dd, l)
d = {True: 'a', 1: 'b', 1.0: 'c'}; print(d)
d = {}; d[0] = 'zero'; d[0.0] = 'zf'; d[False] = 'f'; print(d)
d = {'b': 1, 'a': 2}; del d['b']; d['b'] = 3; print(list(d), list(d.values()), list(d.items()))
print(d.get('zz'), d.get('zz', 7), d.get('a', 7), 'a' in d, 2 in d.values(), ('a', 2) in d.items())
print(list(reversed(d)), list(reversed(d.items())), list(reversed(d.values())))
try:
    d[[1]] = 2
except TypeError as e:
    print('TE', e)
try:
    d['missing']
except KeyError as e:
    print('KE', e)
class M(dict):
    def __missing__(self, k): return k * 2
m = M(a=1); print(m['a'], m['xy'], m.get('xy'), m)
try:
    for k in d:
        d[k + 'x'] = 1
except RuntimeError as e:
    print('RE', e)
d = dict.fromkeys(range(5)); print(d.keys() & {1, 2, 9}, d.keys() | {9}, d.keys() - {0, 1}, d.keys() ^ {0, 7})
print(len(d), d.keys() == {0, 1, 2, 3, 4}, repr(d.keys()), repr({1: 2}.values()), repr({1: 2}.items()))
print(sorted({3: 1, 1: 2, 2: 3}.items(), key=lambda kv: kv[1], reverse=True))
print({k: v for k, v in zip('abc', range(3)) if v}, dict(sorted({'b': 1, 'a': 2}.items())))
print({**{'a': 1}, 'a': 2, **{'b': 3}}, {'a': 1, **{'a': 0}})
print(dict.fromkeys('ab', []).__len__(), {}.setdefault(1, 2), {1: 1}.__contains__(1))
