# enumerate, zip strict, map multi, filter None, reversed protocols, iter(callable, sentinel)
print(list(enumerate('abc', 5)), list(enumerate('ab', start=-1)), list(enumerate([], 3)), list(enumerate('x', 10**20)))
print(list(zip()), list(zip('ab')), list(zip('abc', [1, 2])), list(zip(range(3), 'ab', (9, 8, 7))))
for args in [('ab', [1]), ('a', 'bc'), ('ab', 'cd', 'e')]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print('VE', e)
print(list(zip('ab', 'cd', strict=True)))
print(list(map(pow, [2, 3], [5, 2, 9])), list(map(lambda *a: sum(a), [1], [2], [3])), list(map(str, range(3))))
print(list(filter(None, [0, 1, '', 'a', None, [], [0], False, 2.5])), list(filter(lambda x: x % 2, range(7))))
try:
    map(len)
except TypeError as e:
    print('TE', e)
class Rev:
    def __reversed__(self): return iter('zyx')
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError(i)
        return i * 10
class NoRev:
    def __reversed__(self): return None
    __iter__ = None
print(list(reversed(Rev())), list(reversed(Seq())), list(Seq()), 20 in Seq(), 5 in Seq())
for obj in [5, {1: 2}, {1, 2}, iter([1])]:
    try:
        reversed(obj)
    except TypeError as e:
        print('TE', e)
print(list(reversed({'a': 1, 'b': 2})), list(reversed('abc')), list(reversed((1, 2))))
n = [0]
def counter():
    n[0] += 1
    return n[0]
print(list(iter(counter, 4)), list(iter([1, 2, 3].pop, 1)))
try:
    iter(5, 1)
except TypeError as e:
    print('TE', e)
try:
    iter(5)
except TypeError as e:
    print('TE', e)
it = iter([1, 2]); print(next(it), next(it), next(it, 'done'), next(it, None))
try:
    next(it)
except StopIteration as e:
    print('SI', repr(e))
try:
    next([1])
except TypeError as e:
    print('TE', e)
e = enumerate('ab'); print(next(e), iter(e) is e, list(e))
z = zip([1, 2, 3], [4, 5]); print(next(z), list(z))
r = reversed([1, 2, 3]); print(next(r), list(r), list(r))
m = map(int, ['1', 'x', '3'])
print(next(m))
try:
    next(m)
except ValueError as ex:
    print('VE', ex)
print(list(m))
class Cnt:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
c = Cnt(); print(list(c), list(c), sum(Cnt()), max(Cnt()), sorted(Cnt(), reverse=True))
print(dict(enumerate('xy')), list(zip(*[(1, 'a'), (2, 'b')])), [a + b for a, b in zip('ab', 'cd')])
print(any(x > 2 for x in Cnt()), all([]), any([]), all(Cnt()), all([1, 0, 1]))
print(type(iter([])).__name__, type(iter(())).__name__, type(iter('')).__name__, type(iter(range(1))).__name__, type(reversed([])).__name__)
print(type(iter({})).__name__, type(iter(set())).__name__, type(enumerate([])).__name__, type(zip()).__name__)
