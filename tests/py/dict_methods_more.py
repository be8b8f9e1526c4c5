inventory = {}
for item, qty in [('apple', 3), ('pear', 2), ('apple', 5), ('fig', 1), ('pear', 1)]:
    inventory[item] = inventory.setdefault(item, 0) + qty
print(inventory)
groups = {}
for w in ['ant', 'bee', 'cat', 'ape', 'bat', 'cow']:
    groups.setdefault(w[0], []).append(w)
print(groups, {k: len(v) for k, v in groups.items()})
d = dict.fromkeys(range(5), 'x')
print(d, d.pop(2), list(d))
for k in list(d):
    if k % 2:
        del d[k]
print(d)
d2 = {'b': 1, 'a': 2}
print(sorted(d2), sorted(d2.values()), sorted(d2.items(), key=lambda kv: kv[1]), min(d2, key=d2.get))
items = list(d2.items())
print(items, dict(items) == d2, dict(reversed(items)))
nested = {'a': {'b': {'c': 1}}}
print(nested['a']['b']['c'], nested.get('x', {}).get('y'), 'b' in nested['a'])
inv = {v: k for k, v in inventory.items()}
print(inv)
print(len({}), {}.get(1), dict(), {**{}}, {} == dict())
keys = ['x', 'y']
print(dict(zip(keys, [[]] * 2)), {k: [] for k in keys})
big = {i: i * i for i in range(1000)}
print(len(big), big[999], sum(big.values()), list(big)[-3:])
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5])
