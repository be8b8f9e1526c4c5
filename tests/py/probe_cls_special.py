# iteration/containment fallbacks, __index__, __call__, __hash__ and __repr__ protocols
class T3: pass
class NotIter:
    __iter__ = None
try:
    iter(NotIter())
except TypeError as e:
    print('TE', e)
try:
    1 in T3()
except TypeError as e:
    print('TE', e)
class BadIter:
    def __iter__(self): return 5
try:
    for _ in BadIter(): pass
except TypeError as e:
    print('TE', e)
class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
print([10, 20, 30][Idx(1)], 'abc'[Idx(-1)], hex(Idx(255)), bin(Idx(5)), oct(Idx(8)), range(Idx(3)), [1, 2, 3, 4][Idx(1):Idx(3)], 'ab' * Idx(2), int(Idx(7)), hasattr(Idx, '__int__'))
try:
    [1][Idx('x')]
except TypeError as e:
    print('TE', e)
try:
    lst1 = [1]; lst1['x']
except TypeError as e:
    print('TE', e)
class L:
    def __len__(self): return 3
    def __getitem__(self, i): return 'L%d' % i
print(len(L()), L()[7], list(reversed(L())))
class CallMe:
    def __call__(self, *a, **k): return ('called', a, sorted(k))
print(CallMe()(1, x=2), callable(CallMe()), callable(CallMe), callable(1), callable(len), callable(lambda: 0))
class Hashy:
    def __hash__(self): return 2 ** 100
print(hash(Hashy()) == hash(2 ** 100))
class HashBad:
    def __hash__(self): return 'x'
try:
    hash(HashBad())
except TypeError as e:
    print('TE', e)
class Rep:
    def __repr__(self): return 'Rep()'
print(str(Rep()), [Rep()], f'{Rep()}', '%s' % Rep(), repr([Rep(), (Rep(),)]), {Rep(): Rep()} if False else {1: Rep()})
class StrOnly:
    def __str__(self): return 'S'
print(str(StrOnly()), [StrOnly()] == [StrOnly()], f'{StrOnly()!s}')
