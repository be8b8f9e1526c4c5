# properties with setter/deleter, classmethod/staticmethod, descriptors, __set_name__, __slots__
class P:
    def __init__(self): self._x = 0
    @property
    def x(self):
        """the x"""
        return self._x
    @x.setter
    def x(self, v): print('set', v); self._x = v
    @x.deleter
    def x(self): print('del'); self._x = None
    ro = property(lambda self: 'ro')
p = P(); p.x = 5; print(p.x); del p.x; print(p.x, P.x.__doc__, type(P.x).__name__, p.ro)
for act in [lambda: setattr(p, 'ro', 1), lambda: delattr(p, 'ro')]:
    try:
        act()
    except AttributeError as e:
        print('AE', e)
class K:
    count = 0
    @classmethod
    def make(cls, *a): cls.count += 1; return cls.__name__, a
    @staticmethod
    def util(x): return x * 2
class K2(K): pass
print(K.make(1), K().make(2), K2.make(), K.count, K2.count, K.util(3), K().util(4), K2.util(5))
print(type(K.__dict__['make']).__name__, type(K.__dict__['util']).__name__, K.__dict__['util'](6), K.__dict__['make'].__func__.__name__)
class Desc:
    def __set_name__(self, owner, name): self.name = name; print('set_name', owner.__name__, name)
    def __get__(self, obj, typ=None):
        if obj is None: return 'class-access:' + self.name
        return obj.__dict__.get('_' + self.name, 'unset')
    def __set__(self, obj, v): obj.__dict__['_' + self.name] = v * 10
class NonData:
    def __get__(self, obj, typ=None): return 'nondata'
class U:
    a = Desc()
    b = Desc()
    nd = NonData()
u = U(); print(U.a, u.a); u.a = 4; print(u.a, u.__dict__)
u.__dict__['a'] = 'shadow'; print(u.a)
print(u.nd); u.nd = 'inst'; print(u.nd, U.nd)
class Slotted:
    __slots__ = ('x', 'y')
    def __init__(self): self.x = 1
s = Slotted(); print(s.x, hasattr(s, 'y'), hasattr(s, '__dict__'))
for act in [lambda: s.y, lambda: setattr(s, 'z', 1)]:
    try:
        act()
    except AttributeError as e:
        print('AE', e)
s.y = 2; del s.x; print(s.y, hasattr(s, 'x'), sorted(Slotted.__slots__))
class Sub(Slotted): pass
t = Sub(); t.z = 3; print(t.z, t.x, hasattr(t, '__dict__'))
class Cached:
    def __init__(self, f): self.f = f
    def __get__(self, obj, typ=None):
        if obj is None: return self
        v = self.f(obj); obj.__dict__[self.f.__name__] = v; return v
class W:
    calls = 0
    @Cached
    def val(self): W.calls += 1; return 'computed'
w = W(); print(w.val, w.val, W.calls, type(W.val).__name__)
class Meth:
    def m(self): return 'm'
mm = Meth(); bm = mm.m
print(bm(), bm.__self__ is mm, bm.__func__ is Meth.m, Meth.m(mm), bm == mm.m, bm.__name__)
mm.m = lambda: 'instance override'; print(mm.m(), Meth().m())
class Prop2:
    @property
    def bad(self): raise AttributeError('inner missing')
    def __getattr__(self, name): return 'getattr:' + name
print(Prop2().bad, Prop2().other)
