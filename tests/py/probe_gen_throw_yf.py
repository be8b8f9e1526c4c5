# generators: throw, delegation with yield from, StopIteration conversion, genexpr scoping, gi_running
def thrower():
    yield 1
t = thrower()
try:
    t.throw(KeyError('k'))
except KeyError as e:
    print('KE', e)
print(list(t))
def delegating():
    try:
        yield from thrower_catch()
    except ZeroDivisionError:
        yield 'outer caught'
def thrower_catch():
    try:
        yield 'a'
    except IndexError:
        yield 'inner caught'
dg = delegating(); print(next(dg), dg.throw(IndexError), next(dg, 'end'))
dg = delegating(); next(dg); print(dg.throw(ZeroDivisionError))
def stopper():
    yield 1
    raise StopIteration('x')
try:
    list(stopper())
except RuntimeError as e:
    print('RE', e, type(e.__cause__).__name__)
x = 'global-x'
gen = (x for x in range(3)); print(list(gen), x)
lst = [[1, 2], [3]]
print(list(y for row in lst for y in row if y != 2), sum(i * i for i in range(4)))
def running():
    yield g2.gi_running
g2 = running(); print(next(g2), g2.gi_running)
def self_send():
    yield me.send(None)
me = self_send()
try:
    next(me)
except ValueError as e:
    print('VE', e)
def ret_only():
    return 5
    yield
print(list(ret_only()), type(ret_only()).__name__)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib(); print([next(f) for _ in range(10)]); f.close()
print(list(zip(fib(), 'abc')))
