print(hash(0), hash(1), hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 61 - 2))
print(hash(10 ** 30), hash(-(10 ** 30)), hash(2 ** 64), hash(-(2 ** 64)))
print(hash(True), hash(False), hash(1.0), hash(1.5), hash(-1.0), hash(0.5), hash(-0.0))
print(hash(1) == hash(1.0) == hash(True), hash(2 ** 100) == hash(float(2 ** 100)))
print(hash(()), hash((1, 2)), hash((1, (2, 3))), hash((-1,)), hash((None,)) == hash((None,)))
print(hash(float('inf')), hash(float('-inf')), hash(1e100))
print(hash(12345678901234567890), hash(-12345678901234567890))
print(hash(None) == hash(None), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
try:
    hash([1])
except TypeError as e:
    print('TypeError:', e)
try:
    hash({})
except TypeError as e:
    print('TypeError:', e)
try:
    hash((1, [2]))
except TypeError as e:
    print('TypeError:', e)
d = {1: 'int', 1.0: 'float', True: 'bool'}
print(d)
print(hash(2 ** 63), hash(-(2 ** 63)), hash(2 ** 31), hash(-2 ** 61 + 1))
