# range objects and slice.indices
r = range(0, 20, 3)
print(r, r[2], r[-1], r[1:4], r[::-1], r[::2], r[-2:], r[5:1:-2], r[100:], len(r))
print(r.index(9), r.count(9), r.count(10), 9 in r, 10 in r, 9.0 in r, '9' in r, True in range(2))
try:
    r.index(10)
except ValueError as e:
    print('VE', e)
try:
    r[7]
except IndexError as e:
    print('IE', e)
print(list(reversed(range(5))), list(reversed(range(1, 10, 4))), list(reversed(range(0))), list(range(5, 0, -2)))
print(range(0) == range(5, 2), range(0, 3) == range(3), range(1, 10, 3) == range(1, 11, 3), range(2) == [0, 1], range(1, 2, 5) == range(1, 3, 7))
print(repr(range(3)), repr(range(1, 3)), repr(range(1, 3, 1)), repr(range(3, 1, -1)), str(range(-5, 5, 2)))
big = range(10 ** 20)
print(big[-1], big[10 ** 19], big[::10 ** 19], 10 ** 19 in big, big.index(12345), big[-3:])
try:
    len(big)
except OverflowError as e:
    print('OE', e)
print(range(10**30, 10**30 + 5)[2], range(-3, 3).index(0), range(5).start, range(5).stop, range(1, 5, 2).step)
for bad in [lambda: range(1, 2, 0), lambda: range(1.5), lambda: range('3'), lambda: range()]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(hash(range(3)) == hash(range(0, 3, 1)), hash(range(0)) == hash(range(5, 1)), bool(range(0)), bool(range(1)))
print(sum(range(101)), max(range(7)), list(range(-2, -8, -3)), range(3)[True])
class Idx:
    def __index__(self): return 4
print(range(Idx()), range(10)[Idx()], list(range(Idx(), 7)))
print(slice(1, 10, 2).indices(5), slice(None).indices(7), slice(-3, None).indices(10), slice(None, None, -1).indices(4))
print(slice(-100, 100).indices(3), slice(10, -10, -3).indices(6), slice(2, 2).indices(0), slice(None, None, -2).indices(0))
try:
    slice(0, 1, 0).indices(3)
except ValueError as e:
    print('VE', e)
try:
    slice(0, 1).indices(-1)
except ValueError as e:
    print('VE', e)
s = slice(1, 2, 3); print(s, s.start, s.stop, s.step, slice(5), slice(None, 'a'), repr(slice(1, None)))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2) < slice(1, 3))
try:
    hash(slice(1, 2))
    print('hashable')
except TypeError as e:
    print('TE', e)
print(list(range(10))[slice(*slice(2, 8, 2).indices(10))], 'abcdef'[slice(None, None, -2)])
print(range(0, 10, 2)[1:4].start, range(0, 10, 2)[1:4].stop, range(3)[::-1].start, range(3)[::-1].stop)
