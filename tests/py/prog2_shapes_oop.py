# Shape hierarchy: abstract base by hand, cooperative multiple inheritance, mixins, operator
# fallbacks (reflected ops, subclass priority, in-place ops), __hash__ rules and class attributes.
import sys


class AbstractError(TypeError):
    pass


class Abstract:
    _abstract = ()

    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        cls._abstract = tuple(sorted(name for name in dir(cls) if getattr(getattr(cls, name), "_is_abstract", False)))

    def __new__(cls, *args, **kwargs):
        if cls._abstract:
            raise AbstractError(f"Can't instantiate abstract class {cls.__name__} with abstract methods {', '.join(cls._abstract)}")
        return super().__new__(cls)


def abstract(fn):
    fn._is_abstract = True
    return fn


class Shape(Abstract):
    count = 0

    def __init__(self, name, **kw):
        super().__init__(**kw)
        self.name = name
        type(self).count += 1
        Shape.count += 0

    @abstract
    def area(self):
        ...

    @abstract
    def perimeter(self):
        ...

    def __lt__(self, other):
        return self.area() < other.area()

    def __eq__(self, other):
        return isinstance(other, Shape) and (self.name, self.area()) == (other.name, other.area())

    def __repr__(self):
        return f"<{type(self).__name__} {self.name} area={self.area():.2f}>"


class ColorMixin:
    def __init__(self, *args, color="black", **kw):
        super().__init__(*args, **kw)
        self.color = color

    def describe(self):
        return f"{self.color} " + super().describe()


class Describable:
    def describe(self):
        return f"{type(self).__name__.lower()} with perimeter {self.perimeter():g}"


class Rect(Shape, Describable):
    def __init__(self, w, h, **kw):
        super().__init__(name=kw.pop("name", "rect"), **kw)
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h

    def perimeter(self):
        return 2 * (self.w + self.h)

    def __add__(self, other):
        if isinstance(other, Rect):
            return Rect(self.w + other.w, max(self.h, other.h))
        if isinstance(other, (int, float)):
            return Rect(self.w + other, self.h + other)
        return NotImplemented

    def __radd__(self, other):
        return self if other == 0 else self.__add__(other)


class Square(Rect):
    def __init__(self, side, **kw):
        super().__init__(side, side, name="square", **kw)

    def __add__(self, other):
        if isinstance(other, Square):
            return Square(self.w + other.w)
        return super().__add__(other)

    def __radd__(self, other):
        return Square(self.w + other.w) if isinstance(other, Rect) else super().__radd__(other)

    def __iadd__(self, n):
        self.w += n
        self.h += n
        return self


class ColoredSquare(ColorMixin, Square):
    __hash__ = Shape.__hash__ if False else None


class Circle(Shape, Describable):
    def __init__(self, r, **kw):
        super().__init__("circle", **kw)
        self.r = r

    def area(self):
        return 3.14159 * self.r ** 2

    def perimeter(self):
        return 2 * 3.14159 * self.r


for cls in (Shape, Rect, Circle):
    try:
        print(cls.__name__, "->", cls(2) if cls is not Rect else cls(2, 3))
    except AbstractError as e:
        print(cls.__name__, "-> AbstractError:", e)
print([c.__name__ for c in ColoredSquare.__mro__])
cs = ColoredSquare(3, color="red")
print(cs, cs.describe(), cs.color, cs.name, ColoredSquare._abstract, Rect._abstract)
r, s = Rect(1, 4), Square(2)
print(r + s, s + r, s + s, 5 + r, r + 0.5, sum([r, s, Rect(2, 2)]))
t = s
t += 1
print(t is s, s, Rect(1, 1) == Rect(1, 1), Rect(1, 4) == Square(2), Rect(2, 2) == Square(2), Square(2) != Rect(2, 2))
try:
    r + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "x" + r
except TypeError as e:
    print("TypeError:", e)
rr = r
rr += 1
print(rr is r, rr, r)
print(Rect.__hash__, ColoredSquare.__hash__, Shape.__dict__.get("__hash__", "missing"))
for obj in (r, cs):
    try:
        print({obj: 1})
    except TypeError as e:
        print("TypeError:", e)
shapes = [Circle(1), Square(3), Rect(2, 5), Circle(0.5), ColoredSquare(1, color="blue")]
print(sorted(shapes))
print(max(shapes), min(shapes, key=lambda s: s.perimeter()), sorted(shapes, key=lambda s: (type(s).__name__, -s.area()))[:2])
print(Circle(2) > Square(3), Square(1) <= Square(1) if hasattr(Shape, "__le__") and Shape.__le__ is not object.__le__ else "no __le__")
try:
    Square(1) <= Square(1)
except TypeError as e:
    print("TypeError:", e)
print(Shape.count, Rect.count, Square.count, ColoredSquare.count, Circle.count, "count" in Rect.__dict__, "count" in Describable.__dict__)
