# tuple methods, comparisons, hashing, conversions
t = (3, 1, 4, 1, 5)
print(t.count(1), t.index(4), t.index(1, 2), t.index(5, -1), t[::-2], t[1:-1], t[10:])
try:
    t.index(9)
except ValueError as e:
    print('VE', e)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), () < (0,), (2,) > (1, 99), (1, 'a') == (1, 'a'))
print((1, 2) == (1.0, 2.0), hash((1, 2)) == hash((1.0, 2.0)), hash(()) == hash(()), (1,) == [1])
try:
    (1, 'a') < (1, 2)
except TypeError as e:
    print('TE', e)
try:
    hash((1, [2]))
except TypeError as e:
    print('TE', e)
try:
    t[0] = 1
except TypeError as e:
    print('TE', e)
try:
    del t[0]
except TypeError as e:
    print('TE', e)
print(tuple(), tuple('ab'), tuple([1]), tuple(range(3)), tuple({'k': 1}), (1,) * 3, 2 * (0,), (1,) * -1)
print((1,), (), ((),), (1, (2, (3,))), repr((None,)), str(('a',)))
a = (1, 2); b = a + (); print(a == b, a + (3,), (1,) + (2,) * 2)
try:
    (1,) + [2]
except TypeError as e:
    print('TE', e)
x, *y = t; *p, q = t; m, *n, o = (1, 2); print(x, y, p, q, m, n, o)
(a1, (b1, c1)), d1 = (1, (2, 3)), 4; print(a1, b1, c1, d1)
try:
    u, v = (1, 2, 3)
except ValueError as e:
    print('VE', e)
try:
    u, v, w = (1, 2)
except ValueError as e:
    print('VE', e)
try:
    u, *v, w = (1,)
except ValueError as e:
    print('VE', e)
class T(tuple):
    def first(self): return self[0]
tt = T([7, 8]); print(tt, tt.first(), type(tt + (1,)).__name__, type(tt[:]).__name__, tt == (7, 8))
print(len(t), 4 in t, 9 not in t, max(t), min(t), sum(t), sorted(t), list(reversed(t)))
n = float('nan'); print((n,) == (n,), (n, 1) < (n, 2))
print(tuple(x * x for x in range(4)), (1, 2).__len__(), (1, 2).__getitem__(-1))
print(((1, 2), (1, 2)).count((1, 2)), ((1,), [1]).index([1]))
print(t.__class__.__name__, isinstance(tt, tuple), issubclass(T, tuple))
print((1, 2, 3)[-1:-4:-1], (1, 2, 3)[::2], (0, 1)[True])
print(divmod(7, 2), tuple(enumerate('ab')), tuple(zip((1, 2), 'xy')))
