# keyword-only / positional-only call errors, */** unpacking order, duplicate keyword errors
def f(a, b, /, c, d=4, *args, e, f=6, **kw): return a, b, c, d, args, e, f, sorted(kw.items())
print(f(1, 2, 3, e=5), f(1, 2, c=3, e=5, z=0), f(*[1, 2, 3, 4, 5, 6], e=0, **{'a': 'kw-a'}))
tests = [
    lambda: f(1, 2, 3),
    lambda: f(1, b=2, c=3, e=5),
    lambda: f(1, 2, 3, c=3, e=1),
    lambda: f(1, e=1),
    lambda: f(),
    lambda: f(1, 2, 3, e=1, **{'e': 2}),
    lambda: f(1, 2, 3, **{'e': 1}, **{'e': 2}),
    lambda: f(1, 2, 3, e=1, **{1: 2}),
    lambda: f(1, 2, 3, e=1, **[1]),
    lambda: f(*5),
]
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print('TE', e)
def g(x, y=2, *, z): return x, y, z
def h(x, y): return x, y
def k(*, a): return a
def p(a, /): return a
def n(): return 0
more = [lambda: g(1, 2, 3), lambda: g(1, 2, 3, z=4), lambda: h(1), lambda: h(1, 2, 3), lambda: h(1, x=2), lambda: h(y=1),
        lambda: k(1), lambda: k(b=1), lambda: p(a=1), lambda: n(1), lambda: n(x=1), lambda: h(1, 2, z=3, w=4), lambda: g(), lambda: k(),
        lambda: (lambda a, b, c: 0)(), lambda: (lambda a, b, c: 0)(1), lambda: (lambda *, a, b: 0)(), lambda: (lambda a=1, *, b: 0)(1, 2)]
for t in more:
    try:
        print(t())
    except TypeError as e:
        print('TE', e)
order = []
def v(tag):
    order.append(tag)
    return tag
def sink(*a, **k): return a, k
print(sink(v(1), *[v(2), v(3)], v(4), x=v(5), **{v('y'): v(6)}, z=v(7)), order)
order.clear()
print(sink(*(v(i) for i in range(3)), *'ab', **dict(q=1), **{'r': 2}), order)
print(sink(*[], **{}), sink(*range(2), *(), 9), sink(**{'a': 1}, b=2))
class O:
    def m(self, a, *, b): return a, b
try:
    O().m(1, 2)
except TypeError as e:
    print('TE', e)
try:
    O.m(1)
except TypeError as e:
    print('TE', e)
try:
    O().m()
except TypeError as e:
    print('TE', e)
d = {'a': 1}
def kwf(**kw): kw['a'] = 99; return kw
print(kwf(**d), d, p(5), sink(**{'self': 1}), (lambda **kw: kw)(**{'if': 1}))
def posname(a, /, **kw): return a, kw
print(posname(1, a=2))
