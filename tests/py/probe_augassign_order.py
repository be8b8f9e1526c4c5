# augmented assignment on subscripts/attributes: evaluation order and method calls
log = []
class Obj:
    def __init__(self): object.__setattr__(self, 'store', {'a': 1})
    def __getattr__(self, k):
        log.append('getattr ' + k)
        return self.store[k]
    def __setattr__(self, k, v):
        log.append('setattr %s=%r' % (k, v))
        self.store[k] = v
class Box:
    def __init__(self): self.d = {0: 10}
    def __getitem__(self, k): log.append('getitem %r' % (k,)); return self.d[k]
    def __setitem__(self, k, v): log.append('setitem %r=%r' % (k, v)); self.d[k] = v
def t(tag, v):
    log.append('eval ' + tag)
    return v
o = Obj(); t('obj', o).a += t('rhs', 5); print(log, o.store['a']); log.clear()
b = Box(); t('box', b)[t('key', 0)] += t('rhs', 1); print(log, b.d); log.clear()
b[0] **= 2; b[0] //= 3; b[0] %= 7; b[0] <<= 2; b[0] |= 1; b[0] ^= 3; b[0] &= 6; b[0] >>= 1; b[0] -= 10; b[0] *= -3; b[0] /= 2
print(b.d, len(log)); log.clear()
l = [1, 2]; l2 = l; l += (3,); l2 += 'ab'; print(l, l is l2)
t1 = (1,); t2 = t1; t1 += (2,); print(t1, t2, t1 is t2)
s = 'a'; s *= 3; s += 'b'; print(s)
st = {1}; st2 = st; st |= {2}; st &= {2, 3}; print(st, st is st2)
d = {'a': 1}; dd = d; d |= {'b': 2}; print(d is dd, d)
ll = [[1]]; ll[0] += [2]; print(ll)
tup = ([1],)
try:
    tup[0] += [2]
except TypeError as e:
    print('TE', e, tup)
class Counter:
    n = 0
c1 = Counter(); c1.n += 1; print(Counter.n, c1.n, c1.__dict__)
x = 5; x += x * 2; x -= -x; print(x)
def f():
    global gv
    gv += 1
gv = 0; f(); f(); print(gv)
def nonloc():
    v = 1
    def inc():
        nonlocal v
        v *= 10
    inc(); inc(); return v
print(nonloc())
try:
    undefined_var += 1
except NameError as e:
    print('NE', e)
def unbound():
    try:
        u += 1
    except UnboundLocalError as e:
        print('ULE', e)
    u = 0
unbound()
i = 0; arr = [0, 0, 0]
arr[i] += (i := 2) if False else 5; print(arr, i)
arr[t('idx', 1)] += t('rhs', 2) * t('rhs2', 3); print(arr, log); log.clear()
m = {'k': [1]}; m['k'] *= 2; m.setdefault('z', []).append(1); print(m)
n = 7
try:
    n @= 2
except TypeError as e:
    print('TE', e)
q = 2.0; q **= 0.5; print(round(q, 6)); q //= 0.1; print(q)
