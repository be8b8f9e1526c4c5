# PEP 560: __mro_entries__ on a non-class base of a class statement, __orig_bases__,
# and type() refusing such bases.
class Alias:
    def __init__(self, origin, arg):
        self.origin, self.arg = origin, arg
    def __mro_entries__(self, bases):
        print('mro_entries of', [getattr(b, '__name__', type(b).__name__) for b in bases])
        return (self.origin,)
class Base:
    def hello(self):
        return 'hello from ' + type(self).__name__
class Mixin:
    pass
class C(Alias(Base, int), Mixin):
    pass
print(C.__bases__, C.__mro__, C().hello())
print([type(b).__name__ for b in C.__orig_bases__], '__orig_bases__' in Base.__dict__)
class Empty:
    def __mro_entries__(self, bases):
        return ()
class D(Empty(), Base):
    pass
print(D.__bases__, D.__orig_bases__[1] is Base)
class Bad:
    def __mro_entries__(self, bases):
        return [Base]
try:
    class E(Bad()):
        pass
except TypeError as e:
    print('TypeError:', e)
try:
    type('F', (Alias(Base, int),), {})
except TypeError as e:
    print('TypeError:', e)
class G(list[int]):
    pass
print(G.__bases__, G.__orig_bases__, G([1, 2]))
try:
    class H(5):
        pass
except TypeError as e:
    print('TypeError:', e)
