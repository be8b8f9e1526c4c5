# truthiness __bool__/__len__, __iter__ vs __getitem__, __contains__ fallback, __index__
class T1:
    def __bool__(self): return False
    def __len__(self): return 5
class T2:
    def __len__(self): return 0
class T3: pass
class BadBool:
    def __bool__(self): return 1
class BadLen:
    def __len__(self): return -1
class BigLen:
    def __len__(self): return 2 ** 70
print(bool(T1()), bool(T2()), bool(T3()), 'yes' if T1() else 'no', not T2(), len(T1()))
for o in [BadBool(), BadLen(), BigLen()]:
    try:
        print(bool(o))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    len(BigLen())
except OverflowError as e:
    print('OE', e)
try:
    len(T3())
except TypeError as e:
    print('TE', e)
class GI:
    def __getitem__(self, i):
        if i > 3: raise IndexError
        return i * i
print(list(GI()), 9 in GI(), 5 in GI(), list(enumerate(GI())), [x for x in GI()], sorted(GI(), reverse=True))
a, b, *c = GI(); print(a, b, c)
class GIKey:
    def __getitem__(self, k): raise KeyError(k)
try:
    list(GIKey())
except KeyError as e:
    print('KE', e)
class It:
    def __iter__(self): return iter([1, 2, 3])
    def __getitem__(self, i): return 'never'
print(list(It()), 2 in It(), 4 in It())
class Cont:
    def __contains__(self, x): return x == 'magic'
    def __iter__(self): return iter(['a'])
print('magic' in Cont(), 'a' in Cont(), 'x' not in Cont())
class ContTruthy:
    def __contains__(self, x): return [1]
print(1 in ContTruthy(), type(1 in ContTruthy()).__name__)
