add = lambda a, b: a + b
const = lambda: 42
default = lambda x=add: x
nested = lambda x: lambda y: x + y
star = lambda *a, **k: (a, k)


def maker(n):
    return lambda m: n * m


def default_from_enclosing(base):
    return lambda v=base: v
