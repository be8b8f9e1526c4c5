print(list(enumerate('abc')), list(enumerate('abc', start=10)), list(enumerate([], 5)))
print(list(zip([1, 2, 3], 'ab')), list(zip()), list(zip([1])), list(zip(range(3), range(3), 'xyz')))
try:
    list(zip([1, 2, 3], 'ab', strict=True))
except ValueError as e:
    print('ValueError:', e)
try:
    list(zip([1], 'ab', strict=True))
except ValueError as e:
    print('ValueError:', e)
try:
    list(zip([1], 'a', [], strict=True))
except ValueError as e:
    print('ValueError:', e)
print(list(zip('ab', 'cd', strict=True)))
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(abs, [])))
print(list(filter(None, [0, 1, '', 'a', None, []])), list(filter(lambda x: x > 1, [1, 2, 3])))
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed((1,))), list(reversed(range(3))))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, 'done'))
vals = iter([5, 4, 0, 3])
print(list(iter(lambda: next(vals), 0)))
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(Seq()), list(iter(Seq())), 20 in Seq(), list(reversed([*Seq()])))
errs = [lambda: iter(5), lambda: next(iter([])), lambda: reversed({1, 2}), lambda: map(), lambda: enumerate(1),
        lambda: iter(lambda: 1, 1, 2), lambda: zip(1), lambda: filter(None)]
for f in errs:
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
e = enumerate('xy')
print(iter(e) is e, type(e).__name__, type(zip()).__name__, type(map(str, [])).__name__, type(reversed([])).__name__)
z = zip('ab', [1, 2])
print(dict(z), list(z))
print(type(iter([])).__name__, type(iter({})).__name__, type(iter(range(1))).__name__)
