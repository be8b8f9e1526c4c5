print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max('hello'), min('b', 'a'), max((1, 'a'), (1, 'b')))
print(min([], default='empty'), max([], default=None), min([3], default=0), max(range(0), default=-1))
print(min(['bb', 'a', 'ccc'], key=len), max(['bb', 'a', 'ccc'], key=len), max([1, -5, 3], key=abs), min(4, -7, key=abs))
print(max([1, 3, 3.0]), max([3.0, 3, 1]), min([(1, 'b'), (1, 'a')]), max({'x': 1, 'y': 0}))
print(max(2, 1, key=lambda v: 0), min(2, 1, key=lambda v: 0))
errs = [lambda: min([]), lambda: max(()), lambda: min(1), lambda: max(1, 'a'), lambda: min(), lambda: max([1], [2], default=0),
        lambda: min(1, 2, bad=3)]
for f in errs:
    try:
        print(f())
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)
print(sum([1, 2, 3]), sum([]), sum([], 10), sum(range(10), start=100), sum([0.1] * 3), sum([[1], [2]], []))
print(sum([1.5, 2.5]), sum((True, True)), sum([1, 2 ** 70]), sum([1j, 2]), sum(x * x for x in range(4)))
for bad in (lambda: sum(['a', 'b'], ''), lambda: sum([1, 'a']), lambda: sum(5), lambda: sum([b'a'], b'')):
    try:
        print(bad())
    except TypeError as e:
        print('TypeError:', e)
print(any([]), all([]), any([0, '', None]), any([0, 1]), all([1, 'x']), all([1, 0]), any(iter([False, True])))
def noisy(v):
    print('check', v)
    return v
print(any(noisy(v) for v in [0, 1, 2]), all(noisy(v) for v in [1, 0, 2]))
