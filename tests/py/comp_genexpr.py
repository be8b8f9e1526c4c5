g = (x * 2 for x in range(4))
print(type(g).__name__)
print(next(g), next(g), list(g), list(g))
print(sum(x for x in range(101)), max(len(s) for s in ['a', 'bcd', 'ef']))
print(list(x for x in 'abc' if x != 'b'))
print(tuple((i, j) for i in range(2) for j in 'xy'))
print(sorted((-x for x in [3, 1, 2])))
def gen():
    for i in range(3):
        print('producing', i)
        yield i
lazy = (v + 100 for v in gen())
print('created')
for v in lazy:
    print('got', v)
try:
    (1 / x for x in [0])
    print('not evaluated yet')
    list(1 / x for x in [0])
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
try:
    (x for x in 5)
except TypeError as e:
    print('eager iter:', e)
print(any(x > 2 for x in [1, 2, 3]), all(x > 0 for x in []))
