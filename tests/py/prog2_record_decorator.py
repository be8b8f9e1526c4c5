# A dataclass-like decorator with descriptors, __set_name__, __init_subclass__ and generated code.
import sys


class Field:
    def __init__(self, kind, default=None, *, check=None):
        self.kind, self.default, self.check = kind, default, check
        self.name = None

    def __set_name__(self, owner, name):
        self.name = name
        self.slot = "_f_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.slot, self.default)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{type(obj).__name__}.{self.name} must be {self.kind.__name__}, got {type(value).__name__}")
        if self.check and not self.check(value):
            raise ValueError(f"{type(obj).__name__}.{self.name}: invalid value {value!r}")
        object.__setattr__(obj, self.slot, value)

    def __repr__(self):
        return f"Field({self.kind.__name__}, default={self.default!r})"


def record(cls=None, *, frozen=False, order=False):
    def wrap(cls):
        fields = [k for c in reversed(cls.__mro__) for k, v in vars(c).items() if isinstance(v, Field)]
        fields = list(dict.fromkeys(fields))
        params = ", ".join(f"{f}=_defaults[{f!r}]" for f in fields)
        body = "\n".join(f"    self.{f} = {f}" for f in fields) or "    pass"
        src = f"def __init__(self, {params}):\n{body}\n" if fields else "def __init__(self):\n    pass\n"
        ns = {"_defaults": {f: getattr(cls, f).default for f in fields}}
        exec(src, ns)
        cls.__init__ = ns["__init__"]
        cls.__init__.__qualname__ = f"{cls.__qualname__}.__init__"
        cls._fields = tuple(fields)

        def __repr__(self):
            args = ", ".join(f"{f}={getattr(self, f)!r}" for f in self._fields)
            return f"{type(self).__qualname__}({args})"

        def __eq__(self, other):
            if other.__class__ is not self.__class__:
                return NotImplemented
            return all(getattr(self, f) == getattr(other, f) for f in self._fields)

        cls.__repr__, cls.__eq__ = __repr__, __eq__
        if order:
            cls.__lt__ = lambda s, o: tuple(getattr(s, f) for f in s._fields) < tuple(getattr(o, f) for f in o._fields)
        if frozen:
            def __setattr__(self, name, value):
                if getattr(self, "_init_done", False):
                    raise AttributeError(f"cannot assign to field {name!r}")
                object.__setattr__(self, name, value)
            orig = cls.__init__

            def __init__(self, *a, **kw):
                orig(self, *a, **kw)
                object.__setattr__(self, "_init_done", True)
            cls.__setattr__, cls.__init__ = __setattr__, __init__
            cls.__hash__ = lambda s: hash(tuple(getattr(s, f) for f in s._fields))
        return cls
    return wrap if cls is None else wrap(cls)


class Registry:
    kinds = {}

    def __init_subclass__(cls, /, tag=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.tag = tag or cls.__name__.lower()
        Registry.kinds[cls.tag] = cls


@record
class Shape(Registry):
    x = Field(int, 0)
    y = Field(int, 0)


@record(order=True)
class Circle(Shape, tag="circ"):
    r = Field(int, 1, check=lambda v: v > 0)


@record(frozen=True)
class Label(Registry):
    text = Field(str, "")
    size = Field(int, 12)


c = Circle(1, 2, r=5)
print(c, Circle(), Circle._fields, Circle.r, Circle.__init__.__qualname__)
print(c == Circle(1, 2, 5), c == Shape(1, 2), Shape(1, 2) == c, c != Circle(r=5))
print(sorted([Circle(3), Circle(1, 9), Circle(1, 2, 3)]))
print(sorted(Registry.kinds), Registry.kinds["circ"] is Circle, Label.tag, Shape.tag)
lab = Label("hi")
print(lab, hash(lab) == hash(Label("hi", 12)), {lab, Label("hi")} == {Label("hi")})
for action in (lambda: setattr(lab, "size", 3), lambda: Circle(r=0), lambda: Circle("1"),
               lambda: Circle(1, 2, 3, 4), lambda: Circle(z=1), lambda: Shape.__init__(c, y=2.5)):
    try:
        action()
        print("no error")
    except (TypeError, ValueError, AttributeError) as e:
        print(f"{type(e).__name__}: {e}")
print(c, vars(c))
c.x += 10
del c._f_y
print(c, Circle.__mro__[1:3], type(Circle.__dict__["r"]).__name__)
