# closures: late binding, nonlocal, free variables before assignment, shadowing
def make():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    gs = [lambda i=i: i for i in range(3)]
    return [f() for f in fs], [g() for g in gs]
print(make())
def counter():
    n = 0
    def inc(by=1):
        nonlocal n
        n += by
        return n
    def get(): return n
    return inc, get
inc, get = counter(); inc(); inc(5); print(get(), inc(-2), get())
def outer():
    x = 'outer'
    def mid():
        def inner():
            nonlocal x
            x = 'inner'
        inner()
        return x
    r = mid()
    return r, x
print(outer())
def late():
    def f(): return v
    try:
        f()
    except NameError as e:
        print('NE', e)
    v = 42
    return f()
print(late())
def shadow():
    x = 1
    def g():
        try:
            print(x)
        except UnboundLocalError as e:
            print('ULE', e)
        x = 2
    g()
shadow()
