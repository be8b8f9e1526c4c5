def inner():
    x = yield 'i1'
    print('inner got', x)
    yield 'i2'
    return 'inner result'
def outer():
    r = yield from inner()
    print('outer got', r)
    yield from [10, 20]
    yield from range(2)
    yield from 'ab'
g = outer()
print(next(g))
print(g.send('sent'))
print(list(g))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], (3,), {4: 0}, 'x')))
def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)
print(list(tree(3)))
def delegating():
    try:
        yield from thrower()
    except ValueError as e:
        yield 'outer caught ' + str(e)
def thrower():
    yield 1
    raise ValueError('from inner')
print(list(delegating()))
def inner2():
    try:
        yield 1
        yield 2
    except KeyError:
        yield 'inner handled'
def outer2():
    yield from inner2()
g = outer2()
print(next(g), g.throw(KeyError), next(g, 'end'))
