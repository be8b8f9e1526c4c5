a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 2, a >> 2, bin(a & b), bin(a | b))
print(-12 & 10, -12 | 10, -12 ^ 10, ~-12, -12 << 3, -12 >> 2, -1 >> 100, 1 >> 100)
print(1 << 100, (1 << 100) >> 99, -(1 << 70) >> 3, (1 << 64) - 1 & 0xFFFF)
print(0xFF & -1, 0 & 0, ~0, -1 & 0xFFFFFFFF)
print((2 ** 100 - 1) ^ (2 ** 99), (2 ** 100) | 1, -(2 ** 100) & 0xFFF)
try:
    1 << -1
except ValueError as e:
    print('ValueError:', e)
try:
    1 >> -1
except ValueError as e:
    print('ValueError:', e)
try:
    1.0 << 1
except TypeError as e:
    print('TypeError:', e)
try:
    1 & 1.0
except TypeError as e:
    print('TypeError:', e)
print(True & False, True | False, True ^ True, ~True, type(True & True).__name__, type(True + True).__name__)
x = 0
for i in range(0, 16, 3):
    x |= 1 << i
print(x, bin(x), hex(x))
print(bin(-5), oct(-8), hex(-255), bin(0), hex(0))
