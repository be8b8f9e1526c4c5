# PEP 604 unions (types.UnionType): making them with |, flattening, deduplication,
# repr, equality and hashing, attributes, and isinstance / issubclass.

def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '=>', type(e).__name__, e)

UnionType = type(int | str)

# -- making unions
show('int | str', lambda: int | str)
show('int | None', lambda: int | None)
show('None | int', lambda: None | int)
show('type(None) | int', lambda: type(None) | int)
show('int | type(None)', lambda: int | type(None))
show('int | str | float', lambda: int | str | float)
show('type(int | str)', lambda: type(int | str))
show('UnionType.__name__', lambda: UnionType.__name__)
show('UnionType.__qualname__', lambda: UnionType.__qualname__)
show('UnionType.__module__', lambda: UnionType.__module__)
show('UnionType.__doc__', lambda: UnionType.__doc__)
show('repr(UnionType)', lambda: repr(UnionType))
show('type | list[int]', lambda: type | list[int])
show('list[int] | None', lambda: list[int] | None)
show('None | list[int]', lambda: None | list[int])
show('type(list[int] | None)', lambda: type(list[int] | None))
show('dict[str, int] | list[int]', lambda: dict[str, int] | list[int])
show('int | list[int] | None', lambda: int | list[int] | None)

# -- single members come back as themselves
show('int | int', lambda: int | int)
show('(int | int) is int', lambda: (int | int) is int)
show('type(None) | None', lambda: type(None) | None)
show('list[int] | list[int]', lambda: list[int] | list[int])
show('type(list[int] | list[int])', lambda: type(list[int] | list[int]))
show('list[int] | list[str]', lambda: list[int] | list[str])

# -- flattening and deduplication keep first-seen order
u = int | str
show('u | float', lambda: u | float)
show('float | u', lambda: float | u)
show('u | u', lambda: u | u)
show('u | str', lambda: u | str)
show('str | u', lambda: str | u)
show('(u | None) | int', lambda: (u | None) | int)
show('int | None | None', lambda: int | None | None)
show('(int | str) | (str | float)', lambda: (int | str) | (str | float))
show('(int | str | None).__args__', lambda: (int | str | None).__args__)
show('(int | list[int]).__args__', lambda: (int | list[int]).__args__)
show('len((bool | int | bool | str | int).__args__)',
     lambda: len((bool | int | bool | str | int).__args__))

# -- operands that are not classes
show('int | 1', lambda: int | 1)
show('1 | int', lambda: 1 | int)
show("int | 'str'", lambda: int | 'str')
show('None | None', lambda: None | None)
show('u | 1', lambda: u | 1)
show('1 | u', lambda: 1 | u)
show('list[int] | 3', lambda: list[int] | 3)
show('u | [int]', lambda: u | [int])

class Meta(type):
    pass

class WithMeta(metaclass=Meta):
    pass

class Plain:
    pass

show('Plain | None', lambda: Plain | None)
show('WithMeta | int', lambda: WithMeta | int)
show('type(WithMeta | int) is UnionType', lambda: type(WithMeta | int) is UnionType)

class Ror:
    def __ror__(self, other):
        return ('ror', other)
    def __or__(self, other):
        return ('or', other)

show('int | Ror()', lambda: int | Ror())
show('Ror() | int', lambda: Ror() | int)
show('u | Ror()', lambda: u | Ror())

class MetaOr(type):
    def __or__(cls, other):
        return 'MetaOr.__or__'

class CustomOr(metaclass=MetaOr):
    pass

show('CustomOr | int', lambda: CustomOr | int)
show('int | CustomOr', lambda: int | CustomOr)

# -- repr of members
class Outer:
    class Inner:
        pass

show('Outer | Outer.Inner', lambda: repr(Outer | Outer.Inner))
show('int | None | list[str]', lambda: repr(int | None | list[str]))
show('str(int | str)', lambda: str(int | str))
show('f-string', lambda: f'{int | None}')
show('format', lambda: format(float | bytes))

# -- equality and hashing
show('(int | str) == (str | int)', lambda: (int | str) == (str | int))
show('(int | str) != (str | int)', lambda: (int | str) != (str | int))
show('(int | str) == (int | float)', lambda: (int | str) == (int | float))
show('(int | str) == (int | str | int)', lambda: (int | str) == (int | str | int))
show('(int | str) == int', lambda: (int | str) == int)
show('(int | str) == (int, str)', lambda: (int | str) == (int, str))
show('(list[int] | None) == (None | list[int])',
     lambda: (list[int] | None) == (None | list[int]))
show('(list[int] | None) == (list[str] | None)',
     lambda: (list[int] | None) == (list[str] | None))
show('hash equal', lambda: hash(int | str) == hash(str | int))
show('hash with alias', lambda: hash(list[int] | None) == hash(None | list[int]))
show('hash is frozenset hash', lambda: hash(int | str) == hash(frozenset([int, str])))
show('dict key', lambda: {int | str: 'x'}[str | int])
show('set dedup', lambda: len({int | str, str | int, int | None}))
show('(int | str) < (int | str)', lambda: (int | str) < (int | str))

# -- attributes
show('u.__args__', lambda: u.__args__)
show('u.__parameters__', lambda: u.__parameters__)
show('u.__module__', lambda: u.__module__)
show('u.__class__', lambda: u.__class__)
show('u.__origin__', lambda: u.__origin__)
show('u.foo', lambda: u.foo)

def set_attr(name):
    def f():
        setattr(u, name, 1)
    return f

def del_attr(name):
    def f():
        delattr(u, name)
    return f

show('u.__args__ = 1', set_attr('__args__'))
show('u.__parameters__ = 1', set_attr('__parameters__'))
show('u.x = 1', set_attr('x'))
show('del u.__args__', del_attr('__args__'))
show('u[int]', lambda: u[int])
show('(list[int] | None)[int]', lambda: (list[int] | None)[int])
show('u()', lambda: u())
show('UnionType()', lambda: UnionType())
show('dir(u) == sorted(dir(u))', lambda: dir(u) == sorted(dir(u)))
show('own names', lambda: sorted(n for n in dir(u) if n not in dir(object)))
show('UnionType dict', lambda: sorted(UnionType.__dict__))
show('type.__or__(int, str)', lambda: type.__or__(int, str))
show('type.__ror__(int, str)', lambda: type.__ror__(int, str))
show('u.__or__(float)', lambda: u.__or__(float))
show('u.__ror__(float)', lambda: u.__ror__(float))
show('u.__or__(1)', lambda: u.__or__(1))
show("'__or__' in type.__dict__", lambda: '__or__' in type.__dict__)
show("'__ror__' in type.__dict__", lambda: '__ror__' in type.__dict__)
show("hasattr(None, '__or__')", lambda: hasattr(None, '__or__'))
show('list[int].__or__(None)', lambda: list[int].__or__(None))

def subclass_union():
    class X(int | str):
        pass
show('class X(int | str)', subclass_union)

# -- isinstance and issubclass
show('isinstance(1, int | str)', lambda: isinstance(1, int | str))
show("isinstance('a', int | str)", lambda: isinstance('a', int | str))
show('isinstance(1.5, int | str)', lambda: isinstance(1.5, int | str))
show('isinstance(None, int | None)', lambda: isinstance(None, int | None))
show('isinstance(0, int | None)', lambda: isinstance(0, int | None))
show('isinstance(True, bool | None)', lambda: isinstance(True, bool | None))
show('isinstance(True, int | None)', lambda: isinstance(True, int | None))
show('isinstance(1.5, (int | str, float))', lambda: isinstance(1.5, (int | str, float)))
show('isinstance(b"", (int | str, float))', lambda: isinstance(b'', (int | str, float)))
show('isinstance(1, (int | None) | str)', lambda: isinstance(1, (int | None) | str))
show('isinstance(1, int | list[int])', lambda: isinstance(1, int | list[int]))
show("isinstance('', int | list[int])", lambda: isinstance('', int | list[int]))
show('isinstance([], list[int] | int)', lambda: isinstance([], list[int] | int))
show('issubclass(bool, int | None)', lambda: issubclass(bool, int | None))
show('issubclass(str, int | None)', lambda: issubclass(str, int | None))
show('issubclass(type(None), int | None)', lambda: issubclass(type(None), int | None))
show('issubclass(int, int | list[int])', lambda: issubclass(int, int | list[int]))
show('issubclass(str, int | list[int])', lambda: issubclass(str, int | list[int]))
show('issubclass(1, int | str)', lambda: issubclass(1, int | str))
show('issubclass(bool, (int | str, float))', lambda: issubclass(bool, (int | str, float)))
show('issubclass(WithMeta, Plain | WithMeta)', lambda: issubclass(WithMeta, Plain | WithMeta))

class Checked(type):
    def __instancecheck__(cls, obj):
        return obj == 'magic'
    def __subclasscheck__(cls, sub):
        return sub is float

class Abstract(metaclass=Checked):
    pass

show("isinstance('magic', int | Abstract)", lambda: isinstance('magic', int | Abstract))
show("isinstance('plain', int | Abstract)", lambda: isinstance('plain', int | Abstract))
show('issubclass(float, int | Abstract)', lambda: issubclass(float, int | Abstract))
show('issubclass(str, int | Abstract)', lambda: issubclass(str, int | Abstract))

def check(x):
    if isinstance(x, int | float):
        return 'number'
    if isinstance(x, str | bytes):
        return 'text'
    if isinstance(x, list | tuple | None):
        return 'sequence or None'
    return 'other'

show('check', lambda: [check(v) for v in [1, 2.5, 'a', b'b', [1], (), None, {}]])
