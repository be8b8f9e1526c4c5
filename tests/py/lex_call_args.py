def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, sorted(kw.items())
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))
print(f(*[1, 2, 3], **{'c': 7, 'z': 0}))
print(f(1, *(), c=1, **{}))
print(f(c=1, a=0))
args = (10, 20)
kw = {'c': 30, 'd': 40}
print(f(*args, **kw))
print(f(*args, *args, **kw, x=1))
def g(x, /, y, *, z):
    return x, y, z
print(g(1, 2, z=3), g(1, y=2, z=3))
print(dict(a=1, **{'b': 2}))
print(f(1, c=2,))
