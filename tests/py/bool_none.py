print(True, False, repr(True), str(False), int(True), float(False), True + True, True * 10, -True)
print(type(True).__name__, isinstance(True, int), True == 1, False == 0, True is True, bool.__mro__[1].__name__)
print(bool(0), bool(1), bool(-1), bool(0.0), bool(''), bool('0'), bool([]), bool([0]), bool(None), bool(()))
print(bool(), bool({}), bool({0: 0}), bool(set()), bool(range(0)), bool(0j), bool(b''), bool(b'\x00'))
print(True and 'x', False and 'x', True or 'x', False or 'x', not True, not None)
print(True & False, True | False, True ^ True, ~False, True << 3, True / 2, True // 2)
print(None, repr(None), type(None).__name__, None is None, None == None, None != 0, bool(None))
print(str(None), [None], {None: None}, None.__class__.__name__)
def f():
    pass
print(f() is None, print() is None)
print(sum([True, True, False]), max(False, True), sorted([True, False, True]))
print(hash(True), hash(None) == hash(None), True.real, True.bit_length())
print(format(True), format(True, 'd'), f'{True}', f'{False:>6}', '%s %d' % (True, True))
try:
    n = None
    n()
except TypeError as e:
    print('TypeError:', e)
try:
    None + 1
except TypeError as e:
    print('TypeError:', e)
try:
    len(None)
except TypeError as e:
    print('TypeError:', e)
try:
    None.x = 1
except AttributeError as e:
    print('AttributeError:', e)
try:
    bool.__new__(bool, 1)
    class B(bool): pass
except TypeError as e:
    print('TypeError:', e)
class C:
    def __bool__(self):
        return False
class L:
    def __len__(self):
        return 0
class Bad:
    def __bool__(self):
        return 1
print(bool(C()), bool(L()), not C(), 'yes' if L() else 'no')
try:
    bool(Bad())
except TypeError as e:
    print('TypeError:', e)
