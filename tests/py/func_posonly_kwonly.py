def f(a, b, /, c, d=4, *, e, f=6):
    return (a, b, c, d, e, f)
print(f(1, 2, 3, e=5), f(1, 2, c=3, d=0, e=5, f=7))
bad = [lambda: f(a=1, b=2, c=3, e=5), lambda: f(1, 2, 3, 4, 5), lambda: f(1, 2, 3),
       lambda: f(1, 2, 3, e=1, g=2), lambda: f(1, 2, 3, c=3, e=1)]
for c in bad:
    try:
        c()
    except TypeError as e:
        print('TypeError:', e)
def g(x, /, **kw):
    return x, kw
print(g(1, x=2))
def only_kw(*, a, b, c):
    return a + b + c
try:
    only_kw(1, 2, 3)
except TypeError as e:
    print('TypeError:', e)
try:
    only_kw(a=1)
except TypeError as e:
    print('TypeError:', e)
def many(a, b, c, d):
    pass
for args in [(), (1,), (1, 2), (1, 2, 3)]:
    try:
        many(*args)
    except TypeError as e:
        print('TypeError:', e)
def varargs_then_kw(*args, sep=' '):
    return sep.join(map(str, args))
print(varargs_then_kw(1, 2, 3), varargs_then_kw(1, 2, sep='-'))
def pos_defaults(a, b=2, /, c=3):
    return a, b, c
print(pos_defaults(1), pos_defaults(1, 5), pos_defaults(1, c=9))
try:
    pos_defaults(1, b=5)
except TypeError as e:
    print('TypeError:', e)
