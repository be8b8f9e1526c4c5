# builtins: sorted stability, min/max key/default, sum start, divmod, round, abs, pow, chr/ord, hex/oct/bin, isinstance, getattr
data = [('b', 2), ('a', 1), ('c', 2), ('d', 1), ('e', 3)]
print(sorted(data, key=lambda t: t[1]), sorted(data, key=lambda t: t[1], reverse=True), sorted('bAcD', key=str.lower), sorted([3, 1, 2], reverse=True))
print(min(data, key=lambda t: t[1]), max(data, key=lambda t: t[1]), min([], default='none'), max([], key=len, default=0), min(3, 1, 2), max('ab', 'b', key=len), min([[2], [1, 0]]))
for f in [lambda: min([]), lambda: max(), lambda: min(1), lambda: min(1, 2, default=0), lambda: max([1, 'a'])]:
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(sum([1, 2], 10), sum([[1], [2]], []), sum([0.1] * 3), sum((), 5), sum(range(5), start=-10), sum([1.5, 2]), sum([True, True]))
for f in [lambda: sum(['a', 'b'], ''), lambda: sum([1, 'a']), lambda: sum([b'a'], b'')]:
    try:
        f()
    except TypeError as e:
        print('TE', e)
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), abs(-7), abs(-7.5), abs(True), pow(2, 10), pow(2, -2), pow(-2, 3, 5), pow(2.0, 3))
print(chr(65), chr(0x10FFFF) == '\U0010ffff', ord('é'), ord('\U0001f600'), hex(255), hex(-255), oct(8), oct(-8), bin(5), bin(-5), bin(0), hex(2 ** 64))
for f in [lambda: chr(-1), lambda: chr(0x110000), lambda: ord('ab'), lambda: ord(''), lambda: hex(1.5), lambda: chr('a'), lambda: ord(5)]:
    try:
        f()
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(isinstance(1, (str, (float, int))), isinstance('a', str), isinstance(True, int), issubclass(int, int), isinstance(int, type), isinstance(type, object))
try:
    isinstance(1, 'int')
except TypeError as e:
    print('TE', e)
class O:
    cls_attr = 1
    def __init__(self): self.b = 2; self.a = 1
    def meth(self): pass
o = O()
print(vars(o), sorted(k for k in dir(o) if not k.startswith('__')), getattr(o, 'zz', 'dflt'), getattr(o, 'a'), hasattr(o, 'meth'), hasattr(O, 'b'))
setattr(o, 'c', 3); delattr(o, 'a'); print(vars(o), 'cls_attr' in vars(O), vars(O)['cls_attr'])
try:
    getattr(o, 'nope')
except AttributeError as e:
    print('AE', e)
try:
    vars(5)
except TypeError as e:
    print('TE', e)
try:
    getattr(o, 5)
except TypeError as e:
    print('TE', e)
print(hash((1, 2)) == hash((1, 2)), hash(5), hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61), hash(None) == hash(None), hash(True))
x = []; print(id(x) == id(x), x is x, callable(print), callable(o), callable(O))
print(len('abc'), len(range(3, 10, 2)), len({1: 2}), repr(print)[:20], type(len).__name__, abs(-0), round(-0.5), round(0.5), round(1.5))
print(list(map(bool, [0, 1])), all(map(str.isdigit, '123')), any(c.isupper() for c in 'abC'), ascii([1, 'é']), repr(None), format(5))
print(int.__mro__[-1].__name__, type(None).__name__, type(NotImplemented).__name__, type(...).__name__, bool(NotImplemented) if False else 'skip', Ellipsis)
print(sorted({'b': 1, 'a': 2}), sorted([[2, 1], [1, 2], [1]]), sorted((1.5, 1, True, 0.5)), sorted([], reverse=True), sorted('bca', key=None))
try:
    sorted([1, 2], lambda x: x)
except TypeError as e:
    print('TE', e)
