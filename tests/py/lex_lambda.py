add = lambda a, b=10: a + b
print(add(1), add(1, 2), add(b=5, a=1))
print((lambda: 'no args')())
print((lambda *a, **k: (a, sorted(k.items())))(1, 2, x=3, y=4))
print((lambda a, /, b, *, c: (a, b, c))(1, 2, c=3))
print(add.__name__, (lambda: 0).__name__)
fs = [lambda x, i=i: x * i for i in range(4)]
print([f(10) for f in fs])
gs = [lambda x: x * i for i in range(4)]
print([g(10) for g in gs])
print(sorted(['bb', 'a', 'ccc'], key=lambda s: -len(s)))
compose = lambda f, g: lambda x: f(g(x))
print(compose(lambda x: x + 1, lambda x: x * 2)(5))
print((lambda x: (lambda y: x + y))(3)(4))
y = lambda: (yield)
print(type(y()).__name__)
