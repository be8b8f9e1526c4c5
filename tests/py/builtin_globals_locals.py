x = 10
g = globals()
print(g['x'], 'x' in g, g['__name__'], type(g).__name__, '__builtins__' in g)
g['injected'] = 'via globals'
print(injected)
def f(a, b=2):
    c = a + b
    loc = locals()
    return sorted(loc.items())
print(f(1))
class Obj:
    def __init__(self):
        self.p = 1
        self.q = [2]
o = Obj()
print(vars(o), vars(o) is o.__dict__)
vars(o)['r'] = 3
print(o.r)
print(sorted(k for k in vars(Obj) if not k.startswith('__')))
try:
    vars(5)
except TypeError as e:
    print('TypeError:', e)
def outer():
    v = 'enclosed'
    def inner():
        return sorted(locals())
    def inner2():
        v
        return sorted(locals())
    return inner(), inner2()
print(outer())
print(sorted(k for k in locals() if not k.startswith('__'))[:6])
print(__name__, type(__builtins__).__name__ in ('module', 'dict'))
