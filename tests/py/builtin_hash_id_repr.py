print(hash(5), hash(-1), hash((1, 'x')) == hash((1, 'x')), hash(()) == hash(()), hash(1.0) == hash(1))
class H:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v
    def __eq__(self, o):
        return isinstance(o, H) and o.v == self.v
print(hash(H(7)), hash(H(-1)), H(1) == H(1), len({H(1), H(1), H(2)}))
class NoHash:
    def __eq__(self, o):
        return True
try:
    hash(NoHash())
except TypeError as e:
    print('TypeError:', e)
class BadHash:
    def __hash__(self):
        return 'x'
try:
    hash(BadHash())
except TypeError as e:
    print('TypeError:', e)
class BigHash:
    def __hash__(self):
        return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
a = object()
b = a
print(id(a) == id(b), id(a) == id(object()) and False, a is b)
print(repr(1), repr('x'), repr([1, 'a']), repr({'k': (1,)}), repr(None), repr(...), repr(NotImplemented))
print(repr(int), repr(str), repr(type), repr(object), repr(ValueError), repr(len), repr(print))
class R:
    def __repr__(self):
        return 'R()'
print(repr(R()), str(R()), [R()], f'{R()!r}', '%r' % R())
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print('TypeError:', e)
