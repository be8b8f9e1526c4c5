a = b = c = [1]
print(a is b is c, a)
x, y = 1, 2
x, y = y, x
print(x, y)
(p, q), r = (1, 2), 3
print(p, q, r)
[s, t] = 'st'
print(s, t)
i, (j, (k, l)) = 1, (2, (3, 4))
print(i, j, k, l)
d = {}
d['a'] = d['b'] = 0
print(d)
lst = [0, 0, 0]
idx = 0
idx, lst[idx] = 2, 'x'
print(idx, lst)
class O: pass
o = O()
o.a, o.b = 'A', 'B'
print(o.a, o.b)
for n in [[1, 2]]:
    m, n = n
    print(m, n)
try:
    u, v = [1, 2, 3]
except ValueError as e:
    print('ValueError:', e)
try:
    u, v, w = [1, 2]
except ValueError as e:
    print('ValueError:', e)
try:
    u, *v, w = [1]
except ValueError as e:
    print('ValueError:', e)
try:
    u, v = 5
except TypeError as e:
    print('TypeError:', e)
e1 = e2 = 'same'
print(e1, e2)
z: int = 5
print(z)
w: list
print('w' in dir())
