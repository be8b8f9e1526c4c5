def f(a, b=[]):
    b.append(a)
    return b
print(f(1), f(2), f(3, []), f(4))
n = 10
def g(x=n):
    return x
n = 20
print(g(), g(5))
def h(a, b=2, c=3):
    return a * 100 + b * 10 + c
print(h(1), h(1, 5), h(1, c=9), h(c=1, b=2, a=3))
def kwo(*, a=1, b):
    return a, b
print(kwo(b=2), kwo(a=5, b=6))
def none_default(x=None):
    if x is None:
        x = []
    x.append(1)
    return x
print(none_default(), none_default())
print(h.__defaults__)
h.__defaults__ = (7, 8)
print(h(1))
def evaluated():
    print('default evaluated')
    return 0
def uses(x=evaluated()):
    return x
print(uses(), uses(1))
