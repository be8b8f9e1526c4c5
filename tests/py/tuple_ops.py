t = (1, 'two', 3.0, None, (5, 6))
print(t, len(t), t[0], t[-1], t[-1][0], t[1:3], t[::-1], t[::2])
print((), (1,), (1, 2), tuple(), tuple([1, 2]), tuple('ab'), tuple(range(3)), tuple({'k': 1}))
print(t.count(1), (1, 2, 1, 1.0).count(1), t.index('two'), (1, 2, 3, 2).index(2, 2))
print((1, 2) + (3,), (0,) * 3, 3 * ('a', 'b'), () * 5, 2 in (1, 2), 5 not in (1, 2))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), (1, 'a') == (1, 'a'), () < (0,))
print(min((3, 1), (2, 9)), sorted([(2, 'b'), (1, 'z'), (2, 'a')]), max([(1,), (1, 0)]))
a, b, c = (1, 2, 3)
print(a, b, c, repr((1,)), repr(((),)), str(('s',)))
nested = ([1], [2])
nested[0].append(9)
print(nested)
errs = [lambda: t[10], lambda: t.index(42), lambda: (1,) + [2], lambda: t.__setitem__(0, 1), lambda: (1, 2) < (1, 'x'),
        lambda: hash(([],)), lambda: t.append(1)]
for f in errs:
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
print(hash((1, 2)) == hash((1, 2)), tuple(x * x for x in range(4)), (1, 2, 3)[1:] == (2, 3))
print(len(((1, 2), (3, 4))), list(zip(*[(1, 2), (3, 4)])), (*'ab', *[1]))
