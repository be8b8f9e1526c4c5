a = [1, 2]
a.append(a)
print(a, repr(a), str(a), len(a), a[2] is a)
b = [a, [a]]
print(b)
d = {'self': None}
d['self'] = d
print(d)
x = [1]
y = [x]
x.append(y)
print(x, y)
m = {'l': []}
m['l'].append(m)
print(m)
t = ([],)
t[0].append(t)
print(t)
print([[[]]], [[], [[]]], [(), {}, set(), ''])
print(repr(['a', "b'", 'c"', '\n']), [1.0, -0.0, 1e100], [None, True, ...])
nested = []
cur = nested
for i in range(5):
    nxt = [i]
    cur.append(nxt)
    cur = nxt
print(nested)
print([x for x in a if x is not a], a == a if False else a is a)
