def init(self, v):
    self.v = v
Dyn = type('Dyn', (object,), {'__init__': init, 'double': lambda self: self.v * 2, 'kind': 'dynamic'})
d = Dyn(21)
print(type(d).__name__, d.double(), d.kind, Dyn.__name__, Dyn.__bases__[0].__name__)
Sub = type('Sub', (Dyn,), {'kind': 'sub'})
print(Sub(1).kind, Sub(2).double(), issubclass(Sub, Dyn), [c.__name__ for c in Sub.__mro__])
print(type(int), type(type), type(Dyn), isinstance(Dyn, type), isinstance(type, object))
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns['created_by'] = 'Meta'
        return super().__new__(mcls, name, bases, ns)
    def describe(cls):
        return f'class {cls.__name__}'
class WithMeta(metaclass=Meta):
    pass
print(WithMeta.created_by, WithMeta.describe(), type(WithMeta).__name__)
try:
    type('X', (1,), {})
except TypeError as e:
    print('TypeError:', e)
try:
    type('X', 'notatuple', {})
except TypeError as e:
    print('TypeError:', e)
print(int.__name__, int.__qualname__, str.__mro__, object.__mro__)
print(type.__name__, type(None).__name__, type(print).__name__, type(lambda: 0).__name__, type(Dyn.double).__name__)
