def f0():
    return 'f0'
def f1(a, b=2):
    return a, b
def f2(*args):
    return args
def f3(**kw):
    return kw
def f4(a, *, k):
    return a, k
def f5(a, b, /, c, *, d=4):
    return a, b, c, d
def f6(a: int, b: 'str' = 'x') -> list:
    return [a, b]
def f7(a, *args, k=1, **kw):
    return a, args, k, kw
print(f0(), f1(1), f1(1, 3), f2(), f2(1, 2), f3(), f3(x=1))
print(f4(1, k=2), f5(1, 2, 3), f5(1, 2, c=3, d=5))
print(f6(1), f6.__annotations__)
print(f7(1, 2, 3, k=4, z=5))
print(f1.__defaults__, f4.__kwdefaults__, f5.__defaults__, f5.__kwdefaults__)
print(f7.__code__.co_argcount, f7.__code__.co_kwonlyargcount, f5.__code__.co_posonlyargcount)
print(f1.__name__, f1.__qualname__)
def doc():
    """docstring here"""
print(doc.__doc__, f0.__doc__)
def noret():
    x = 1
print(noret())
def early(x):
    if x:
        return
    return 'late'
print(early(1), early(0))
def multi():
    return 1, 2, 3
print(multi())
def rec_default(x, acc=[]):
    acc.append(x)
    return acc
print(rec_default(1), rec_default(2))
f0.attr = 'custom'
print(f0.attr)
