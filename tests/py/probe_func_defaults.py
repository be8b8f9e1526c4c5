# default-argument evaluation time, mutable defaults, __defaults__, lambdas, class scopes
calls = []
def dflt(tag):
    calls.append(tag)
    return tag
def f1(a=dflt('a'), b=dflt('b'), *, c=dflt('c')): return a, b, c
print(calls, f1(), f1(1), calls)
def acc(x, l=[]):
    l.append(x)
    return l
print(acc(1), acc(2), acc(3, []), acc(4))
print(f1.__defaults__, f1.__kwdefaults__, acc.__defaults__, (lambda: 0).__defaults__, f1.__name__, (lambda: 0).__name__)
f1.__defaults__ = (9, 8); print(f1())
n = 10
def g(k=n): return k
n = 20; print(g(), (lambda k=n: k)())
adders = {i: (lambda x, i=i: x + i) for i in range(3)}
print([adders[i](10) for i in range(3)])
def fact():
    def rec(n): return 1 if n <= 1 else n * rec(n - 1)
    return rec
print(fact()(10), (lambda f: f(f, 6))(lambda s, n: 1 if n == 0 else n * s(s, n - 1)))
def cell_after_del():
    x = 1
    def r(): return x
    del x
    try:
        r()
    except NameError as e:
        print('NE', e)
cell_after_del()
def gen_closure():
    return [(lambda: j * 2)() for j in range(3)], list(map(lambda j: j + 1, range(3)))
print(gen_closure())
def nl_loop():
    total = 0
    def add(v):
        nonlocal total
        total += v
    for k in range(5): add(k)
    return total
print(nl_loop(), (lambda *a, **k: (a, sorted(k)))(1, 2, z=3, y=4), (lambda a, /, b=2, *, c=3: (a, b, c))(0, c=9))
x = 'global'
def read_global(): return x
def class_scope():
    x = 'enclosing'
    class K:
        x = 'classattr'
        y = x
        def m(self): return x
        z = [x for _ in range(1)]
    return K.y, K().m(), K.z
print(read_global(), class_scope())
print(f1.__qualname__, acc.__qualname__, fact().__qualname__, adders[0].__qualname__, class_scope.__code__.co_name)
