# object's protocol methods and CPython's messages around them: dir(object),
# __sizeof__ / __getstate__ / __reduce_ex__, a metaclass's mro(), object.__new__ /
# __init__ argument rules, read-only attributes, dunders set to None, format of
# numeric subclasses, divmod by zero, and __module__ of built-in functions.
import sys

def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '=>', type(e).__name__, e)

# -- item: dir(object) and the protocol methods every object has
show('dir(object)', lambda: dir(object))
show('len(dir(object))', lambda: len(dir(object)))
show('sorted(object.__dict__)', lambda: sorted(object.__dict__))
for name in ['__sizeof__', '__getstate__', '__reduce__', '__reduce_ex__']:
    show('type(object.__dict__[%r]).__name__' % name,
         lambda: type(object.__dict__[name]).__name__)
show('(1).__sizeof__() is an int', lambda: type((1).__sizeof__()) is int)
show('object().__sizeof__() > 0', lambda: object().__sizeof__() > 0)
show('object.__sizeof__(object()) > 0', lambda: object.__sizeof__(object()) > 0)
show('object().__sizeof__(1)', lambda: object().__sizeof__(1))

class Empty:
    pass

class Attrs:
    def __init__(self):
        self.a = 1
        self.b = [2]

class Slotted:
    __slots__ = ('x', 'y', '__private')
    def __init__(self):
        self.x = 1
        self.__private = 3

class SlottedChild(Slotted):
    __slots__ = 'z'

class SlotsAndDict:
    __slots__ = ('s', '__dict__')

show('object().__getstate__()', lambda: object().__getstate__())
show('Empty().__getstate__()', lambda: Empty().__getstate__())
show('Attrs().__getstate__()', lambda: Attrs().__getstate__())
a = Attrs()
show('getstate is __dict__', lambda: a.__getstate__() is a.__dict__)
show('Slotted().__getstate__()', lambda: Slotted().__getstate__())
def child_state():
    c = SlottedChild()
    c.z = 'zz'
    return c.__getstate__()
show('SlottedChild state', child_state)
def slots_and_dict():
    o = SlotsAndDict()
    o.s = 5
    o.extra = 6
    return o.__getstate__()
show('SlotsAndDict state', slots_and_dict)
show('object().__getstate__(1)', lambda: object().__getstate__(1))

class CustomReduce:
    def __reduce__(self):
        return (CustomReduce, ())

show('CustomReduce().__reduce_ex__(2)', lambda: CustomReduce().__reduce_ex__(2))
show('CustomReduce().__reduce_ex__(0)', lambda: CustomReduce().__reduce_ex__(0))
show('object().__reduce_ex__()', lambda: object().__reduce_ex__())
show("object().__reduce_ex__('x')", lambda: object().__reduce_ex__('x'))

# -- item: a metaclass's mro() decides the class's __mro__
class DropBases(type):
    def mro(cls):
        return [cls, object]

class B:
    x = 1

class C(B, metaclass=DropBases):
    pass

show('C.__mro__', lambda: [k.__name__ for k in C.__mro__])
show("hasattr(C, 'x')", lambda: hasattr(C, 'x'))
show('issubclass(C, B)', lambda: issubclass(C, B))
show('C.mro()', lambda: [k.__name__ for k in C.mro()])
show('type.mro(C)', lambda: [k.__name__ for k in type.mro(C)])

class Reverse(type):
    calls = []
    def mro(cls):
        Reverse.calls.append(cls.__name__)
        default = super().mro()
        return [default[0]] + default[1:-1][::-1] + [default[-1]]

class P:
    who = 'P'
class Q:
    who = 'Q'
class R(P, Q, metaclass=Reverse):
    pass

show('R.__mro__', lambda: [k.__name__ for k in R.__mro__])
show('R.who', lambda: R.who)
show('Reverse.calls', lambda: Reverse.calls)

class Plain(type):
    pass

class UsesPlain(B, metaclass=Plain):
    pass

show('UsesPlain.__mro__', lambda: [k.__name__ for k in UsesPlain.__mro__])

def bad_mro(result):
    class M(type):
        def mro(cls):
            return result(cls)
    class X(metaclass=M):
        pass
    return [k.__name__ for k in X.__mro__]

show('mro returns non-class', lambda: bad_mro(lambda cls: [cls, 1]))
show('mro returns empty', lambda: bad_mro(lambda cls: []))
show('mro returns int layout', lambda: bad_mro(lambda cls: [cls, int, object]))
show('mro returns tuple', lambda: bad_mro(lambda cls: (cls, object)))
show('mro returns non-iterable', lambda: bad_mro(lambda cls: 5))

# -- item: object.__new__ / object.__init__
class HasInit:
    def __init__(self, *a):
        pass
class HasNew:
    def __new__(cls, *a):
        return object.__new__(cls)
class IntSub(int):
    pass
class NewInt(int):
    def __new__(cls, v):
        return int.__new__(cls, v)

show('object.__new__(int)', lambda: object.__new__(int))
show('object.__new__(list)', lambda: object.__new__(list))
show('object.__new__(type)', lambda: object.__new__(type))
show('object.__new__(BaseException)', lambda: object.__new__(BaseException))
show('object.__new__(IntSub)', lambda: object.__new__(IntSub))
show('object.__new__(NewInt)', lambda: object.__new__(NewInt))
show('int.__new__(bool)', lambda: int.__new__(bool))
show('int.__new__(IntSub, 5)', lambda: int.__new__(IntSub, 5))
show('int.__new__(NewInt, 5)', lambda: int.__new__(NewInt, 5))
show('type(object.__new__(Empty))', lambda: type(object.__new__(Empty)))
show('object.__new__(1)', lambda: object.__new__(1))
show('object.__new__()', lambda: object.__new__())
show('list.__new__(int)', lambda: list.__new__(int))
show('object.__init__(object(), 1)', lambda: object.__init__(object(), 1))
show('object.__init__(Empty(), 1)', lambda: object.__init__(Empty(), 1))
show('object.__init__(HasInit(), 1)', lambda: object.__init__(HasInit(), 1))
show('object.__init__(HasNew(), 1)', lambda: object.__init__(HasNew(), 1))
show('object(1)', lambda: object(1))
show('Empty(1)', lambda: Empty(1))
show('object.__new__(Empty, 1)', lambda: object.__new__(Empty, 1))
show('object.__new__(HasInit, 1) type', lambda: type(object.__new__(HasInit, 1)).__name__)
show('object.__new__(HasNew, 1)', lambda: object.__new__(HasNew, 1))

# -- item: read-only attributes
def set_attr(obj, name, value=1):
    def f():
        setattr(obj, name, value)
    return f

show('(1.5).imag = 1', set_attr(1.5, 'imag'))
show('(1.5).real = 1', set_attr(1.5, 'real'))
show('slice(1).start = 1', set_attr(slice(1), 'start'))
show('slice(1).stop = 1', set_attr(slice(1), 'stop'))
show('slice(1).step = 1', set_attr(slice(1), 'step'))
show('range(3).start = 1', set_attr(range(3), 'start'))
show('range(3).stop = 1', set_attr(range(3), 'stop'))
show('range(3).step = 1', set_attr(range(3), 'step'))
show('del slice(1).start', lambda: delattr(slice(1), 'start'))
show('slice(1, 2, 3).start', lambda: slice(1, 2, 3).start)
show('range(1, 9, 2).step', lambda: range(1, 9, 2).step)

class DeleteOnly:
    def __get__(self, obj, owner=None):
        return 'got'
    def __delete__(self, obj):
        print('  deleting')

class SetOnly:
    def __set__(self, obj, value):
        print('  setting', value)

class Holder:
    d = DeleteOnly()
    s = SetOnly()

def set_delete_only():
    Holder().d = 5
def del_set_only():
    del Holder().s
show('set through __delete__-only descriptor', set_delete_only)
show('del through __set__-only descriptor', del_set_only)
def del_delete_only():
    h = Holder()
    del h.d
    return h.d
show('del through __delete__-only descriptor', del_delete_only)
def set_set_only():
    h = Holder()
    h.s = 7
    return type(h.s).__name__
show('set through __set__-only descriptor', set_set_only)

# -- item: dunders set to None
class NotIter:
    __iter__ = None
class NotIterWithGetitem:
    __iter__ = None
    def __getitem__(self, i):
        return i
class NotContainer:
    __contains__ = None
    def __iter__(self):
        return iter([1])
class NotReversible:
    __reversed__ = None
    def __len__(self):
        return 1
    def __getitem__(self, i):
        return i
class NoLen:
    __len__ = None
class NoHash:
    __hash__ = None
class NoCall:
    __call__ = None
class NoAdd:
    __add__ = None

show('iter(NotIter())', lambda: iter(NotIter()))
show('list(NotIter())', lambda: list(NotIter()))
show('for over NotIter()', lambda: [x for x in NotIter()])
show('iter(NotIterWithGetitem())', lambda: iter(NotIterWithGetitem()))
show('1 in NotIter()', lambda: 1 in NotIter())
show('sorted(NotIter())', lambda: sorted(NotIter()))
show('1 in NotContainer()', lambda: 1 in NotContainer())
show('list(NotContainer())', lambda: list(NotContainer()))
show('reversed(NotReversible())', lambda: reversed(NotReversible()))
show('len(NoLen())', lambda: len(NoLen()))
show('hash(NoHash())', lambda: hash(NoHash()))
show('NoCall()()', lambda: NoCall()())
show('NoAdd() + 1', lambda: NoAdd() + 1)
show('1 + NoAdd()', lambda: 1 + NoAdd())
def iter_restored():
    class Later:
        __iter__ = None
    Later.__iter__ = lambda self: iter('ab')
    return list(Later())
show('__iter__ restored', iter_restored)
def iter_removed():
    class Later:
        def __iter__(self):
            return iter('ab')
    Later.__iter__ = None
    return list(Later())
show('__iter__ set to None later', iter_removed)
def inherited_none():
    class Base:
        __iter__ = None
    class Child(Base):
        pass
    return iter(Child())
show('inherited __iter__ = None', inherited_none)

# -- item: format() of numeric subclasses with an empty spec uses str()
class F(float):
    def __repr__(self):
        return 'F!'
class FS(float):
    def __str__(self):
        return 'FS!'
class I(int):
    def __repr__(self):
        return 'I!'
class S(str):
    def __str__(self):
        return 'S!'
class Cx(complex):
    def __repr__(self):
        return 'C!'

show('float subclass', lambda: (repr(F(1.5)), str(F(1.5)), f'{F(1.5)}', format(F(1.5)),
                                f'{F(1.5):.2f}', '{}'.format(F(2.5)), '%s' % F(1.5), [F(1)]))
show('float subclass __format__', lambda: (F(1.5).__format__(''), F(1.5).__format__('g')))
show('float subclass __str__', lambda: (f'{FS(0.5)}', format(FS(0.5), ''), f'{FS(0.5):5}'))
show('float.__format__(F(1.5), "")', lambda: float.__format__(F(1.5), ''))
show('plain float', lambda: (f'{1.5}', format(2.5), format(1e300), format(float('nan'))))
show('int subclass', lambda: (repr(I(3)), str(I(3)), f'{I(3)}', format(I(3)), f'{I(3):3d}'))
show('str subclass', lambda: (str(S('a')), f'{S("a")}', format(S('a')), '{}'.format(S('a'))))
show('complex subclass', lambda: (repr(Cx(1j)), f'{Cx(1j)}', format(Cx(1j))))

# -- item: divmod by zero with floats
for a, b in [(1.0, 0), (1, 0.0), (1.0, 0.0), (True, 0.0), (1.5, False), (10 ** 30, 0.0),
             (-1, 0.0), (1, -0.0)]:
    show('divmod(%r, %r)' % (a, b), lambda: divmod(a, b))
for expr in ['1.0 // 0', '1 // 0.0', '1 % 0.0', '1.0 % 0', '(1).__divmod__(0.0)',
             '(1.0).__divmod__(0)', '(0.0).__rdivmod__(1)', 'divmod(5, 2.0)',
             'divmod(-5, 2.0)', 'divmod(2 ** 70, 3.0)']:
    show(expr, lambda: eval(expr))

# -- item: __module__ of built-in functions
show('len.__module__', lambda: len.__module__)
show('print.__module__', lambda: print.__module__)
show('__build_class__.__module__', lambda: __build_class__.__module__)
show('sys.exit.__module__', lambda: sys.exit.__module__)
show('sys.getrecursionlimit.__module__', lambda: sys.getrecursionlimit.__module__)
show('[].append.__module__', lambda: [].append.__module__)
show('dict.fromkeys.__module__', lambda: dict.fromkeys.__module__)
show('int.__new__.__module__', lambda: int.__new__.__module__)
show('str.maketrans.__module__', lambda: str.maketrans.__module__)
