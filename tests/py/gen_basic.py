def gen():
    print('start')
    yield 1
    print('middle')
    yield 2
    print('end')
g = gen()
print(type(g).__name__)
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print('StopIteration', e.value)
print(next(g, 'default'))
def countdown(n):
    while n > 0:
        yield n
        n -= 1
print(list(countdown(5)), sum(countdown(100)))
def ret():
    yield 1
    return 'done'
g = ret()
next(g)
try:
    next(g)
except StopIteration as e:
    print('value', repr(e.value), e.args)
def inf():
    i = 0
    while True:
        yield i
        i += 1
it = inf()
print([next(it) for _ in range(5)])
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
out = []
for v in fib():
    if v > 100:
        break
    out.append(v)
print(out)
g = countdown(3)
print(iter(g) is g, list(g), list(g))
def empty():
    return
    yield
print(list(empty()))
