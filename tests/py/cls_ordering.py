class V:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        print(f'  {self.v}<{o.v}', end='')
        return self.v < o.v
    def __le__(self, o):
        return self.v <= o.v
    def __repr__(self):
        return f'V{self.v}'
print(V(1) < V(2), V(2) < V(1))
print(V(3) > V(1))
print(V(1) <= V(1), V(2) >= V(3))
print(sorted([V(3), V(1), V(2)]))
try:
    V(1) > 5
except (TypeError, AttributeError) as e:
    print(type(e).__name__ + ':', e)
class Plain:
    pass
try:
    Plain() < Plain()
except TypeError as e:
    print('TypeError:', e)
try:
    sorted([Plain(), Plain()])
except TypeError as e:
    print('TypeError:', e)
class Money:
    def __init__(self, c):
        self.c = c
    def __lt__(self, o):
        return self.c < (o.c if isinstance(o, Money) else o)
    def __gt__(self, o):
        return self.c > (o.c if isinstance(o, Money) else o)
    def __eq__(self, o):
        return self.c == (o.c if isinstance(o, Money) else o)
    __hash__ = None
print(Money(5) < 10, 10 > Money(5), 3 < Money(5), Money(1) == 1, max([Money(3), Money(9), Money(4)]).c)
class NI:
    def __lt__(self, o):
        return NotImplemented
try:
    NI() < NI()
except TypeError as e:
    print('TypeError:', e)
