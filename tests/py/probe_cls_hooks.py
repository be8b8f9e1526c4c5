# __init_subclass__, __class_getitem__, __getattr__ vs __getattribute__, __eq__/__hash__
class Base:
    registry = []
    def __init_subclass__(cls, tag='none', **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Base.registry.append(cls.__name__)
class A(Base, tag='a'): pass
class B(A): pass
print(Base.registry, A.tag, B.tag, hasattr(Base, 'tag'))
try:
    class Bad(Base, unknown=1): pass
except TypeError as e:
    print('TE', e)
class G:
    def __class_getitem__(cls, item): return ('GI', cls.__name__, item)
print(G[int], G[1, 2], G['x'])
try:
    object[int]
except TypeError as e:
    print('TE', e)
print(list[int], dict[str, int], tuple[int, ...], type(list[int]).__name__ if hasattr(type(list[int]), '__name__') else '?')
class GA:
    def __init__(self): self.real = 1
    def __getattr__(self, name):
        if name.startswith('_'): raise AttributeError(name)
        return 'ga:' + name
ga = GA(); print(ga.real, ga.fake, getattr(ga, 'x', 'd'), hasattr(ga, '_p'), getattr(ga, '_p', 'dflt'))
class GAT:
    def __init__(self): self.v = 5
    def __getattribute__(self, name):
        if name == 'secret': return 'intercepted'
        return object.__getattribute__(self, name)
    def __getattr__(self, name): return 'fallback:' + name
g = GAT(); print(g.v, g.secret, g.nothing)
class Log:
    def __setattr__(self, k, v): print('setattr', k, v); object.__setattr__(self, k, v)
    def __delattr__(self, k): print('delattr', k); object.__delattr__(self, k)
l = Log(); l.a = 1; l.a += 1; del l.a
try:
    del l.a
except AttributeError as e:
    print('AE', e)
class EqOnly:
    def __eq__(self, o): return True
print(EqOnly.__hash__, EqOnly() == 1, EqOnly() != 1)
try:
    hash(EqOnly())
except TypeError as e:
    print('TE', e)
class EqHash:
    def __init__(self, k): self.k = k
    def __eq__(self, o): return isinstance(o, EqHash) and self.k == o.k
    def __hash__(self): return hash(self.k)
print(len({EqHash(1), EqHash(1), EqHash(2)}), EqHash(1) in {EqHash(1): 0}, EqHash(1) == EqHash(1), EqHash(1) != EqHash(2))
class Child(EqHash):
    def __eq__(self, o): return False
print(Child.__hash__ is None)
class Unhash: __hash__ = None
try:
    {Unhash()}
except TypeError as e:
    print('TE', e)
class Meta(type):
    def __repr__(cls): return '<Meta ' + cls.__name__ + '>'
    def __call__(cls, *a): print('meta call', a); return super().__call__(*a)
class WithMeta(metaclass=Meta):
    def __init__(self, *a): self.a = a
print(WithMeta, type(WithMeta).__name__, WithMeta(1, 2).a)
print(type('Dyn', (A,), {'x': 1}).tag, Base.registry[-1], type(3) is int, type.__name__)
class NewInit:
    def __new__(cls, *a):
        print('new', a)
        return super().__new__(cls)
    def __init__(self, *a): print('init', a)
NewInit(1)
class NotInst:
    def __new__(cls): return 42
    def __init__(self): print('never')
print(NotInst())
