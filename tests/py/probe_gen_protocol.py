# generators: send, throw, close, yield from with return values, genexpr scoping
def echo():
    got = yield 'start'
    while True:
        try:
            got = yield 'got %r' % (got,)
        except ValueError as e:
            got = yield 'caught %s' % e
        if got == 'stop':
            return 'finished'
g = echo(); print(next(g), g.send(1), g.send(None), g.throw(ValueError('bad')), g.send(2))
try:
    g.send('stop')
except StopIteration as e:
    print('SI', e.value, e.args)
try:
    echo().send(5)
except TypeError as e:
    print('TE', e)
def inner():
    x = yield 1
    print('inner got', x)
    y = yield 2
    print('inner got', y)
    return 'inner-ret'
def outer():
    r = yield from inner()
    print('outer got', r)
    r2 = yield from [10, 20]
    print('list yf', r2)
    return 'outer-ret'
o = outer(); print(next(o), o.send('a'), o.send('b'), next(o))
try:
    next(o)
except StopIteration as e:
    print('SI', e.value)
def closer():
    try:
        yield 1
        yield 2
    finally:
        print('cleanup')
c = closer(); next(c); print(c.close(), c.close())
try:
    next(c)
except StopIteration:
    print('exhausted after close')
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 'no'
s = stubborn(); next(s)
try:
    s.close()
except RuntimeError as e:
    print('RE', e)
