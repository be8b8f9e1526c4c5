class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, scale=1):
        return (x + self.n + sum(rest)) * scale
add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10), callable(add5), list(map(add5, [0, 1])))
try:
    add5()
except TypeError as e:
    print('TypeError:', e)
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print('TypeError:', e)
class Truth:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print('bool called', self.v)
        return self.v
print(bool(Truth(True)), not Truth(False), Truth(1 > 0) and 'yes')
if Truth(False):
    print('no')
else:
    print('else branch')
print([t.v for t in [Truth(True), Truth(False)] if t])
class LenOnly:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(bool(LenOnly(0)), bool(LenOnly(3)), 'truthy' if LenOnly(1) else 'falsy')
class Both:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
print(bool(Both()))
class BadLen:
    def __len__(self):
        return 'x'
try:
    bool(BadLen())
except TypeError as e:
    print('TypeError:', e)
while Truth(False):
    pass
print((Truth(0 == 0) or 'unused').v)
