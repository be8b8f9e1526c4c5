class Point:
    """A point."""
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def __repr__(self):
        return f'Point({self.x}, {self.y})'
p = Point(3, 4)
print(p, p.norm2(), Point.dims, p.dims, Point.__doc__, Point.__name__)
print(Point.norm2(p), type(p).__name__, type(p) is Point)
p.dims = 3
print(p.dims, Point.dims)
Point.dims = 5
q = Point(0, 0)
print(q.dims)
print(sorted(k for k in vars(p)))
print(p.__dict__)
class Empty:
    pass
e = Empty()
e.anything = 1
print(e.anything)
try:
    e.missing
except AttributeError as ex:
    print('AttributeError:', ex)
try:
    Point(1)
except TypeError as ex:
    print('TypeError:', ex)
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
Counter(); Counter(); Counter()
print(Counter.count)
class WithBody:
    x = 1
    y = x + 1
    for i in range(3):
        x += i
    del i
print(WithBody.x, WithBody.y, hasattr(WithBody, 'i'))
print(Point.__module__, Point.__qualname__)
def f():
    class Local:
        pass
    return Local
print(f().__qualname__)
