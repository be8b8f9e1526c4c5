a = {'x': 1, 'y': 2}
b = {'y': 20, 'z': 30}
print(a | b, b | a, a, b)
c = dict(a)
c |= b
print(c)
c |= [('w', 0)]
print(c)
try:
    a | [('q', 1)]
except TypeError as e:
    print('TypeError:', e)
print({**a, **b}, {**b, 'x': 'over'}, dict(a, **b))
o = {}
for key in ['z', 'a', 'm', 'b']:
    o[key] = len(o)
print(o, list(o))
o['z'] = 'updated'
print(o)
del o['a']
o['a'] = 'readded'
print(o)
print({k: v for k, v in sorted(o.items(), key=lambda kv: str(kv[1]))})
s = {}
s[3] = 'three'; s[1] = 'one'; s[2] = 'two'
print(s, sorted(s), min(s), next(iter(s)))
print(dict(zip('abc', range(3))), dict(enumerate('xy')))
print({1: 1, 2: 2}.items() == {2: 2, 1: 1}.items(), list({1: 1, 2: 2}) == list({2: 2, 1: 1}))
