print(len('abc'), len([1, 2]), len(()), len({'a': 1}), len({1, 2, 3}), len(range(5)), len(b'xy'), len(frozenset()))
class L:
    def __len__(self):
        return 7
print(len(L()))
class NegLen:
    def __len__(self):
        return -1
for obj in (5, None, NegLen(), iter([])):
    try:
        len(obj)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)
print(type(1), type('s'), type([]), type(None), type(type), type(len), type(L()).__name__)
print(type(1) is int, type(True) is bool, type(True) == int, type(1.0).__name__, type(int).__name__)
print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), isinstance(1, (str, (int,))))
print(isinstance([], list), isinstance('x', object), isinstance(None, type(None)), isinstance(int, type))
print(issubclass(bool, int), issubclass(int, object), issubclass(int, (str, int)), issubclass(L, object))
class A: pass
class B(A): pass
class C(B): pass
print(isinstance(C(), A), isinstance(A(), C), issubclass(C, A), issubclass(A, C), issubclass(C, C))
print(type('X', (A,), {'v': 1})().v, type('X', (), {}).__name__, [k.__name__ for k in C.__mro__])
try:
    isinstance(1, 1)
except TypeError as e:
    print('TypeError:', e)
try:
    issubclass(1, int)
except TypeError as e:
    print('TypeError:', e)
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), a is b, a is c, a == c)
print(type(A()) is A, A().__class__ is A, B.__base__ is A, B.__bases__ == (A,), object.__bases__)
