# operator overloading: reflected ops, NotImplemented, in-place fallbacks, subclass priority
log = []
class V:
    def __init__(self, v): self.v = v
    def __repr__(self): return 'V(%r)' % (self.v,)
    def __add__(self, o):
        log.append('add')
        if isinstance(o, V): return V(self.v + o.v)
        if isinstance(o, int): return V(self.v + o)
        return NotImplemented
    def __radd__(self, o):
        log.append('radd')
        if isinstance(o, int): return V(o + self.v)
        return NotImplemented
    def __mul__(self, o): return V(self.v * o) if isinstance(o, int) else NotImplemented
    __rmul__ = __mul__
    def __neg__(self): return V(-self.v)
    def __pos__(self): return self
    def __abs__(self): return V(abs(self.v))
    def __invert__(self): return V(~self.v)
    def __lt__(self, o): log.append('lt'); return self.v < o.v if isinstance(o, V) else NotImplemented
    def __eq__(self, o): log.append('eq'); return isinstance(o, V) and self.v == o.v
    __hash__ = None
print(V(1) + V(2), V(1) + 5, 5 + V(1), sum([V(1), V(2)], V(0)), sum([V(1), V(2)]), 3 * V(2), V(2) * 3, -V(3), +V(1), abs(V(-4)), ~V(0), log); log.clear()
for expr in [lambda: V(1) + 'x', lambda: 'x' + V(1), lambda: V(1) - V(1), lambda: V(1) < 3, lambda: 3 > V(1), lambda: V(1) @ V(1), lambda: V(1) ** 2]:
    try:
        print(expr())
    except TypeError as e:
        print('TE', e)
print(log); log.clear()
print(V(1) < V(2), V(2) > V(1), log); log.clear()
print(V(1) == 1, 1 == V(1), V(1) != V(1), log); log.clear()
class Sub(V):
    def __radd__(self, o): log.append('Sub.radd'); return 'sub-wins'
    def __gt__(self, o): log.append('Sub.gt'); return 'sub-gt'
print(V(1) + Sub(2), V(1) < Sub(2), log); log.clear()
class IAdd:
    def __init__(self): self.n = 0
    def __iadd__(self, o): self.n += o; return self
    def __add__(self, o): return 'plain-add'
i = IAdd(); j = i; i += 5; print(i is j, i.n)
class NoIAdd: __add__ = lambda self, o: 'via-add'
x = NoIAdd(); x += 1; print(x)
class IAddNI:
    def __iadd__(self, o): return NotImplemented
    def __add__(self, o): return 'fallback-add'
y = IAddNI(); y += 1; print(y)
z = V(1)
try:
    z -= 1
except TypeError as e:
    print('TE', e)
class Cmp:
    def __init__(self, k): self.k = k
    __lt__ = lambda self, o: self.k < o.k
    def __repr__(self): return 'C%d' % self.k
cs = [Cmp(3), Cmp(1), Cmp(2)]
print(sorted(cs), min(cs), max(cs), Cmp(1) > Cmp(0))
try:
    Cmp(1) <= Cmp(2)
except TypeError as e:
    print('TE', e)
class Div:
    __truediv__ = lambda s, o: 'truediv'; __floordiv__ = lambda s, o: 'floordiv'; __rtruediv__ = lambda s, o: 'rtruediv'
    def __mod__(self, o): return 'mod %r' % (o,)
    def __divmod__(self, o): return 'divmod'
    def __rpow__(self, o): return 'rpow'
    def __pow__(self, o, m=None): return 'pow %r %r' % (o, m)
    def __lshift__(self, o): return 'lshift'
    def __rand__(self, o): return 'rand'
    def __matmul__(self, o): return 'matmul'
d = Div()
print(d / 1, d // 1, 1 / d, d % 5, d % (1, 2), divmod(d, 1), 2 ** d, d ** 2, pow(d, 2, 3), d << 1, 1 & d, d @ d)
try:
    pow(2, d, 3)
except TypeError as e:
    print('TE', e)
class Bo:
    __or__ = lambda self, o: 'or'; __ror__ = lambda self, o: 'ror'
print(Bo() | 1, 1 | Bo(), {1: 2} | Bo(), Bo() | {}, [1] + [2] if True else 0)
