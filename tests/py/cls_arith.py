class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f'Vec({self.x}, {self.y})'
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        if isinstance(o, (int, float)):
            return Vec(self.x + o, self.y + o)
        return NotImplemented
    def __radd__(self, o):
        print('radd', o)
        return self + o
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __pos__(self):
        return self
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)
    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 3, 3 * a, -a, +a, abs(b), b / 2, b // 2, b % 2, a ** 2, a @ b)
print(a + 1, 1 + a, sum([a, b], Vec(0, 0)), sum([a, b]))
try:
    a + 'x'
except TypeError as e:
    print('TypeError:', e)
try:
    'x' + a
except TypeError as e:
    print('TypeError:', e)
try:
    a < b
except TypeError as e:
    print('TypeError:', e)
try:
    ~a
except TypeError as e:
    print('TypeError:', e)
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
    def __add__(self, x):
        print('plain add used')
        return self
acc = Acc()
ref = acc
acc += 1
acc += 2
print(acc.items, acc is ref)
v = Vec(1, 1)
w = v
v += Vec(1, 0)
print(v, w, v is w)
class Sub(Vec):
    def __radd__(self, o):
        return 'Sub.__radd__ wins'
print(Vec(0, 0) + Sub(1, 1))
class Bits:
    def __init__(self, v): self.v = v
    def __and__(self, o): return Bits(self.v & o.v)
    def __or__(self, o): return Bits(self.v | o.v)
    def __xor__(self, o): return Bits(self.v ^ o.v)
    def __lshift__(self, n): return Bits(self.v << n)
    def __rshift__(self, n): return Bits(self.v >> n)
    def __invert__(self): return Bits(~self.v)
    def __repr__(self): return f'Bits({self.v:#b})'
print(Bits(12) & Bits(10), Bits(12) | Bits(10), Bits(12) ^ Bits(10), Bits(1) << 3, Bits(8) >> 2, ~Bits(0))
