class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        if not isinstance(other, P):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f'P({self.x},{self.y})'
a, b, c = P(1, 2), P(1, 2), P(2, 1)
print(a == b, a != b, a == c, a is b, a == 'str', 'str' == a, a != 5)
print(len({a, b, c}), {a: 'first', b: 'second'}, a in [c, b], P(2, 1) in {c})
class EqOnly:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v == other.v
print(EqOnly.__hash__ is None, EqOnly(1) == EqOnly(1), EqOnly(1) != EqOnly(2))
try:
    {EqOnly(1)}
except TypeError as e:
    print('TypeError:', e)
class Default:
    pass
d1, d2 = Default(), Default()
print(d1 == d1, d1 == d2, d1 != d2, len({d1, d2, d1}))
class Weird:
    def __eq__(self, other):
        print('Weird.__eq__ called')
        return 'truthy-string'
print(Weird() == 1, 1 == Weird())
class Ne:
    def __eq__(self, o):
        return True
    def __ne__(self, o):
        return 'custom ne'
print(Ne() != 1, Ne() == 2)
print([1, P(0, 0)] == [1, P(0, 0)], (P(1, 1),) == (P(1, 1),), [P(1, 1)].count(P(1, 1)), [P(5, 5)].index(P(5, 5)))
