def acc():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
    return total
g = acc()
print(g.send(None))
print(g.send(5))
print(g.send(10))
try:
    g.send(None)
except StopIteration as e:
    print('final', e.value)
g = acc()
try:
    g.send(1)
except TypeError as e:
    print('TypeError:', e)
def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
    finally:
        print('closing with', received)
e = echo()
next(e); e.send('a'); e.send('b')
e.close()
print('closed')
def catcher():
    while True:
        try:
            yield 'normal'
        except ValueError as ex:
            yield 'caught ' + str(ex)
c = catcher()
print(next(c))
print(c.throw(ValueError('boom')))
print(next(c))
try:
    c.throw(KeyError('k'))
except KeyError as ex:
    print('propagated', repr(ex))
print(next(c, 'exhausted'))
def gen_exit():
    try:
        yield 1
    except GeneratorExit:
        print('GeneratorExit seen')
        raise
g = gen_exit(); next(g); g.close()
def bad_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
g = bad_exit(); next(g)
try:
    g.close()
except RuntimeError as ex:
    print('RuntimeError:', ex)
