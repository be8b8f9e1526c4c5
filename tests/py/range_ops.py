r = range(10)
print(r, range(1, 5), range(0, 10, 2), range(5, 0, -1), repr(range(0)), range(-3, 3))
print(len(r), len(range(1, 10, 3)), len(range(10, 0)), len(range(10, 0, -3)), len(range(0, -10, -1)))
print(list(range(5)), list(range(2, 8, 2)), list(range(5, -5, -3)), list(range(0)), list(range(3, 3)))
print(r[0], r[-1], r[3], range(1, 10, 3)[-1], r[2:5], r[::-1], r[::3], r[-3:], range(1, 20, 4)[1:3])
print(5 in r, 10 in r, -1 in r, 4 in range(0, 10, 2), 5 in range(0, 10, 2), 3.0 in r, 'a' in r)
print(r.index(7), range(0, 20, 5).index(15), r.count(3), range(1, 4).count(5))
print(range(0, 10, 2) == range(0, 9, 2), range(0) == range(5, 5), range(3) == [0, 1, 2])
print(r.start, r.stop, r.step, range(2, 9, 3).stop, sum(range(101)), max(range(7)), min(range(3, 9)))
print(list(reversed(range(4))), list(range(10 ** 20, 10 ** 20 + 3)), range(0, 10 ** 20, 3)[-1])
try:
    len(range(0, 10 ** 20, 3))
except OverflowError as e:
    print('OverflowError:', e)
print(range(10 ** 18)[10 ** 17], 10 ** 17 in range(10 ** 18))
errs = [lambda: range(0, 10, 0), lambda: r[10], lambda: range(1.5), lambda: r.index(20), lambda: range(), lambda: range(1, 2, 3, 4)]
for f in errs:
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
print(hash(range(3)) == hash(range(0, 3)), bool(range(0)), bool(range(1)))
