# A tiny typing-like layer: generic aliases via __class_getitem__ and __mro_entries__, runtime-checked
# containers, a metaclass that records declaration order and creates singletons, and protocol checks.
import sys


class Alias:
    def __init__(self, origin, args):
        self.origin = origin
        self.args = args if isinstance(args, tuple) else (args,)

    def __repr__(self):
        return f"{self.origin.__name__}[{', '.join(getattr(a, '__name__', repr(a)) for a in self.args)}]"

    def __eq__(self, other):
        return isinstance(other, Alias) and (self.origin, self.args) == (other.origin, other.args)

    def __hash__(self):
        return hash((self.origin, self.args))

    def __call__(self, *a, **kw):
        obj = self.origin(*a, **kw)
        obj.__orig_class__ = self
        return obj

    def __mro_entries__(self, bases):
        return (self.origin,)


class Generic:
    def __class_getitem__(cls, params):
        return Alias(cls, params)


class TypedList(Generic):
    def __init__(self, items=()):
        self._items = []
        for it in items:
            self.append(it)

    @property
    def item_type(self):
        alias = getattr(self, "__orig_class__", None)
        if alias is None:
            for base in getattr(type(self), "__orig_bases__", ()):
                if isinstance(base, Alias):
                    return base.args[0]
            return object
        return alias.args[0]

    def append(self, x):
        t = self.item_type if hasattr(self, "_items") and self._items is not None else object
        if not isinstance(x, t):
            raise TypeError(f"expected {t.__name__}, got {type(x).__name__} ({x!r})")
        self._items.append(x)

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __repr__(self):
        return f"{type(self).__name__}<{self.item_type.__name__}>({self._items})"


class IntList(TypedList[int]):
    def total(self):
        return sum(self)


class OrderedMeta(type):
    instances = {}

    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        return {"__declared__": []}

    def __new__(mcls, name, bases, ns, singleton=False):
        declared = [k for k in ns if not k.startswith("__")]
        ns["__declared__"] = declared
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls._singleton = singleton
        return cls

    def __call__(cls, *args, **kw):
        if cls._singleton:
            if cls not in OrderedMeta.instances:
                OrderedMeta.instances[cls] = super().__call__(*args, **kw)
            return OrderedMeta.instances[cls]
        return super().__call__(*args, **kw)


class Settings(metaclass=OrderedMeta, singleton=True):
    zeta = 1
    alpha = 2

    def mid(self):
        return "m"

    beta = 3


class SupportsClose(type):
    def __instancecheck__(cls, obj):
        return callable(getattr(obj, "close", None))

    def __subclasscheck__(cls, sub):
        return callable(getattr(sub, "close", None))


class Closeable(metaclass=SupportsClose):
    pass


class File:
    def close(self):
        return "closed"


print(TypedList[int], TypedList[int] == TypedList[int], TypedList[str, int], {TypedList[int]: 1}[TypedList[int]])
xs = TypedList[int]([1, 2, 3])
print(xs, len(xs), list(xs), xs.__orig_class__)
try:
    xs.append("4")
except TypeError as e:
    print("TypeError:", e)
il = IntList([4, 5])
print(il, il.total(), IntList.__bases__, IntList.__orig_bases__, IntList.__mro__[1].__name__)
try:
    IntList([1, 2.5])
except TypeError as e:
    print("TypeError:", e)
print(TypedList([1, "a"]), isinstance(il, TypedList), issubclass(IntList, Generic))
s1, s2 = Settings(), Settings()
print(s1 is s2, Settings.__declared__, type(Settings).__name__, Settings._singleton)
print(isinstance(File(), Closeable), isinstance(42, Closeable), issubclass(File, Closeable), issubclass(int, Closeable))
print(isinstance(File(), (int, Closeable)), isinstance(3, (str, (bytes, int))))
try:
    Pair = type("Pair", (TypedList[str],), {"first": lambda self: self._items[0]})
except TypeError as e:
    print("TypeError:", e)
    Pair = type("Pair", (TypedList,), {"first": lambda self: self._items[0], "__orig_bases__": (TypedList[str],)})
p = Pair(["x", "y"])
print(p.first(), p, Pair.__orig_bases__)
try:
    Pair([1])
except TypeError as e:
    print("TypeError:", e)
