def trace(fn):
    def wrapper(*a, **k):
        print('call', fn.__name__, a, k)
        r = fn(*a, **k)
        print('ret', r)
        return r
    return wrapper
@trace
def add(a, b):
    return a + b
add(1, 2)
add(a=3, b=4)
def repeat(n):
    def deco(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return deco
@repeat(3)
def hi(name):
    return 'hi ' + name
print(hi('x'))
order = []
def mark(tag):
    order.append('make ' + tag)
    def d(fn):
        order.append('apply ' + tag)
        return fn
    return d
@mark('outer')
@mark('inner')
def target():
    pass
print(order)
def register(cls):
    cls.registered = True
    return cls
@register
class R:
    pass
print(R.registered)
@lambda f: 'replaced'
def gone():
    pass
print(gone)
funcs = {}
@funcs.setdefault('k', lambda f: f.__name__.upper())
def named():
    pass
print(named)
