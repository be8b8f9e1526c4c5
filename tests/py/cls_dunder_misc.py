class Num:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
    def __int__(self):
        return self.v + 1000
    def __float__(self):
        return self.v / 2
    def __complex__(self):
        return complex(self.v, 1)
n = Num(5)
print([0, 1, 2, 3, 4, 5, 6][n], bin(n), hex(n), int(n), float(n), complex(n), range(n), 'ab' * n)
print(list(range(10))[Num(2):Num(6)], round(2.5), divmod(n.v, 2))
class Ctx:
    def __enter__(self):
        return 'entered'
    def __exit__(self, *a):
        return False
with Ctx() as v:
    print(v)
class Hashable:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        return hash(self.k)
    def __eq__(self, o):
        return isinstance(o, Hashable) and self.k == o.k
print(len({Hashable(1): 'a', Hashable(1): 'b'}), Hashable(2) in {Hashable(2)})
class Init:
    def __new__(cls, *a):
        print('__new__', cls.__name__, a)
        return super().__new__(cls)
    def __init__(self, *a):
        print('__init__', a)
Init(1, 2)
class NotSelf:
    def __new__(cls):
        return 42
    def __init__(self):
        print('never called')
print(NotSelf())
class Neg:
    def __neg__(self):
        return 'negated'
    def __invert__(self):
        return 'inverted'
    def __pos__(self):
        return 'positive'
print(-Neg(), ~Neg(), +Neg())
class Cls:
    def __init_subclass__(cls, **kw):
        print('subclass created', cls.__name__, kw)
class Sub(Cls, tag='x'):
    pass
class Named:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
class Owner:
    attr = Named()
