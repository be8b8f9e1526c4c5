# inheritance, super() with multiple inheritance, MRO, MRO errors
class A:
    def who(self): return ['A']
    def __init__(self): print('A.init'); super().__init__()
class B(A):
    def who(self): return ['B'] + super().who()
    def __init__(self): print('B.init'); super().__init__()
class C(A):
    def who(self): return ['C'] + super().who()
    def __init__(self): print('C.init'); super().__init__()
class D(B, C):
    def who(self): return ['D'] + super().who()
    def __init__(self): print('D.init'); super().__init__()
d = D(); print(d.who(), [k.__name__ for k in D.__mro__], [k.__name__ for k in D.mro()])
print(super(B, d).who(), super(C, d).who(), super(D, D).who(d), isinstance(d, C), issubclass(D, A), D.__bases__ == (B, C), A.__bases__ == (object,))
for bases in [(A, B), (A, A)]:
    try:
        type('X', bases, {})
    except TypeError as e:
        print('TE', e)
class O1: pass
class O2: pass
class M1(O1, O2): pass
class M2(O2, O1): pass
try:
    class Z(M1, M2): pass
except TypeError as e:
    print('TE', e)
class E: x = 'E'
class F(E): pass
class G(E): x = 'G'
class H(F, G): pass
print(H.x, H().x, [k.__name__ for k in H.__mro__])
class Base:
    def __init__(self, a, b=2): self.a, self.b = a, b
    def m(self): return 'Base.m'
    @classmethod
    def cm(cls): return 'Base.cm ' + cls.__name__
    @staticmethod
    def sm(): return 'Base.sm'
    @property
    def p(self): return 'Base.p'
class Der(Base):
    def __init__(self): super().__init__(1, b=3)
    def m(self): return 'Der.m+' + super().m()
    @classmethod
    def cm(cls): return 'Der.cm>' + super().cm()
    @staticmethod
    def sm(): return 'Der.sm>' + super(Der, Der).sm()
    @property
    def p(self): return 'Der.p>' + super().p
o = Der(); print(o.a, o.b, o.m(), Der.cm(), o.cm(), Der.sm(), o.p)
print((lambda self: super(Der, self).m())(o))
try:
    super(Der, 5)
except TypeError as e:
    print('TE', e)
class NoSuper:
    def f(self):
        def inner(): return super().f()
        return inner()
try:
    NoSuper().f()
except RuntimeError as e:
    print('RE', e)
class IntSub(int):
    def __add__(self, o): return IntSub(super().__add__(o) * 10)
print(IntSub(2) + 3, type(IntSub(2) + 3).__name__, IntSub(5) * 2, type(IntSub(5) * 2).__name__, 3 + IntSub(1))
class StrSub(str):
    def shout(self): return self.upper() + '!'
ss = StrSub('hi'); print(ss.shout(), ss + 'x', type(ss + 'x').__name__, type(ss.upper()).__name__, ss == 'hi', repr(ss))
class DictSub(dict):
    __getitem__ = lambda self, k: dict.__getitem__(self, k) * 2
ds = DictSub(a=1); print(ds['a'], ds.get('a'), dict(ds), list(ds.values()))
print(type(d).__name__, type(d).__qualname__, D.__name__, D.__module__, d.__class__.__mro__[1].__name__, object.__subclasses__ is not None)
class Mixin: hello = lambda self: 'mixin ' + self.name()
class Named: name = lambda self: 'named'
class Both(Mixin, Named): pass
print(Both().hello(), Both.__mro__[-1].__name__, len(Both.__mro__))
print(issubclass(bool, int), issubclass(int, (str, object)), isinstance(True, (str, int)), isinstance(1, ()), issubclass(D, (C,)))
