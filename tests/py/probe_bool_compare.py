# bool arithmetic, comparison chaining with side effects, identity/equality mixes
print(True + True, True * 3, -True, ~True, ~False, True / 2, True // 2, True % 2, True ** 10, True << 3, True & False, True | False, True ^ True)
print(type(True + 1).__name__, type(True & True).__name__, type(True | 0).__name__, type(~True).__name__, type(-False).__name__, type(True ^ False).__name__)
print(True == 1, False == 0, hash(True) == hash(1), {True: 'a', 1: 'b'}, sum([True, True, False]), max(True, 2), str(True), repr(False))
print(bool(0), bool(0.0), bool(-0.0), bool(''), bool(' '), bool([]), bool(()), bool({}), bool(None), bool(range(0)), bool(float('nan')))
print(int(True), float(False), True.real, True.numerator, f'{True}', f'{True:d}', format(True, '^6'), '%d %s %r' % (True, True, False), True.__index__())
try:
    bool.__new__(bool, 1) is True and print('new-ok')
    class B(bool): pass
except TypeError as e:
    print('TE', e)
log = []
def f(x):
    log.append(x)
    return x
print(f(1) < f(2) < f(3), log); log.clear()
print(f(3) < f(2) < f(1), log); log.clear()
print(f(1) < f(0) < f(5) < f(9), log); log.clear()
print(f(1) == f(1) != f(2) is not None, log); log.clear()
print(f(5) in [f(5)] in [[5]], log); log.clear()
print(1 < 2 > 1.5 <= 1.5 >= 0 != -1 == -1.0, 'a' < 'b' < 'c', 1 < 3 < 2, (1 < 3) < 2)
print(f(0) and f(1), f(2) or f(3), f(0) or f('') or f([]), f(4) and f(5) and f(None), log); log.clear()
print(not 1 == 2, not (1 == 2), (not 1) == 2, 1 if f(0) else 2, log); log.clear()
x = None
print(x is None, x is not None, x == None, None == False, None < 1 if False else 'n')
try:
    None < 1
except TypeError as e:
    print('TE', e)
try:
    'a' < 1
except TypeError as e:
    print('TE', e)
try:
    [] > ()
except TypeError as e:
    print('TE', e)
try:
    {} <= {}
except TypeError as e:
    print('TE', e)
print(1 == 1.0 == True, 0 == -0.0 == False, 2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53, 10 ** 30 == 1e30, 1e30 < 10 ** 30)
print(float('nan') < 1, float('nan') >= 1, float('inf') > 10 ** 1000, -float('inf') < -10 ** 1000, 1 < float('nan') or 'both-false')
class E:
    def __init__(self, v): self.v = v
    def __eq__(self, o): log.append('eq'); return 'truthy' if self.v else 0
    def __lt__(self, o): log.append('lt'); return self.v
print(E(1) == E(0), E(0) == 5, E(1) != 3, E(0) != E(0), E(2) < E(3), E(0) < 1 < 2, log); log.clear()
print([E(1)] == [E(0)], E(1) in [0], E(0) in [1], [1] == [E(0)], log); log.clear()
print(all([True, 1, 'x']), any([0, '', None]), True and 'yes', False or 'no', None or 0 or [] or 'last', 1 and 2 and 3)
a = b = 5
print(a is b, a == b, True is not False, not None, not not [], (True, False) < (True, True))
