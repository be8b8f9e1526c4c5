def f(a, b, c=3):
    return a, b, c
def kw(a, *, k):
    return a, k
def po(a, b, /, c):
    return a, b, c
def star(*args, x):
    return args, x
class C:
    def m(self, a):
        return a
calls = [
    lambda: f(),
    lambda: f(1),
    lambda: f(1, 2, 3, 4),
    lambda: f(1, 2, d=4),
    lambda: f(1, 2, a=1),
    lambda: f(1, b=2, **{'b': 3}),
    lambda: kw(1),
    lambda: kw(1, 2),
    lambda: kw(1, 2, k=3),
    lambda: kw(k=1),
    lambda: po(a=1, b=2, c=3),
    lambda: po(1, b=2, c=3),
    lambda: star(1, 2),
    lambda: C().m(),
    lambda: C().m(1, 2),
    lambda: C.m(),
    lambda: f(*5),
    lambda: f(**[1]),
    lambda: f(1, 2, **{1: 2}),
    lambda: (lambda: 0)(1),
    lambda: (lambda x, y: 0)(),
    lambda: f(1, 2, 3, 4, 5, 6),
    lambda: kw(),
    lambda: len(),
    lambda: len(1, 2),
    lambda: len([], x=1),
    lambda: int('5', 10, 3),
    lambda: 'abc'.split(1),
    lambda: [].append(),
    lambda: {}.get(),
]
for i, c in enumerate(calls):
    try:
        c()
        print(i, 'no error')
    except TypeError as e:
        print(i, 'TypeError:', e)
