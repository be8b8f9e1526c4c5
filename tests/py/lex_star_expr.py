a = [1, 2, 3]
b = (4, 5)
print([*a, *b], (*a,), {*a, *b}, [*'ab', *range(2)])
print({**{'x': 1}, 'y': 2, **{'x': 3}})
first, *rest = a
print(first, rest)
*init, last = 'hello'
print(init, last)
x, *mid, y = range(6)
print(x, mid, y)
p, *q = [1]
print(p, q)
def f(*args, **kw):
    return args, kw
print(f(*a, *b, 0, **{'k': 1}, j=2))
print(*a, sep='-')
print(*[], 'only')
for h, *t in [(1, 2, 3), (4,), 'xy']:
    print(h, t)
t = *a, *b
print(t)
[m, *n] = (9, 8, 7)
print(m, n)
print(max(*a, 0), min(*b))
