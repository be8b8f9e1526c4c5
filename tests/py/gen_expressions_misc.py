def squares(n):
    for i in range(n):
        yield i * i
print(list(squares(5)), sum(squares(10)), max(squares(4)))
print(sorted(squares(5), reverse=True))
g = squares(3)
print(list(zip(g, g)))
def pairs(s):
    it = iter(s)
    for a in it:
        yield a, next(it, None)
print(list(pairs('abcde')))
def running():
    s = 0
    for x in [3, 1, 4, 1, 5]:
        s += x
        yield s
print(list(running()))
gen = (c for c in 'xyz')
print('y' in gen, list(gen))
def states():
    yield 'a'
    yield 'b'
s = states()
print(s.__name__, s.gi_running)
print(list(enumerate(squares(3), 1)))
def nested():
    for i in range(3):
        yield (j for j in range(i))
print([list(x) for x in nested()])
g = squares(2)
g.close()
print(list(g))
def filt(pred, it):
    for x in it:
        if pred(x):
            yield x
print(list(filt(lambda v: v % 2, squares(8))))
