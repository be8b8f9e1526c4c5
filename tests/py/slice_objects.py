s = slice(1, 10, 2)
print(s, repr(s), s.start, s.stop, s.step, slice(5).stop, slice(5).start)
print(s == slice(1, 10, 2), s != slice(1, 10), slice(1, 2) < slice(1, 3))
data = list(range(20))
print(data[s], 'abcdefghijklmnop'[s], tuple(range(12))[slice(None, None, -4)])
print(s.indices(5), s.indices(100), slice(-3, None).indices(10), slice(None, None, -2).indices(7))
print(slice(10, -10, -3).indices(8), slice(-100, 100).indices(3))
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print('ValueError:', e)
try:
    slice(1, 2).indices(-1)
except ValueError as e:
    print('ValueError:', e)
try:
    hash(slice(1))
    print('hashable')
except TypeError as e:
    print('TypeError:', e)
class Rec:
    def __getitem__(self, key):
        return type(key).__name__, key
r = Rec()
print(r[1:2], r[:], r[::2], r[1:2, 3:4], r[..., 1])
lst = list(range(10))
lst[slice(0, 3)] = ['x']
print(lst)
del lst[slice(None, None, 2)]
print(lst, slice('a', 'b', 'c'))
