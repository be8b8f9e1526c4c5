a, b = 7.5, 2.0
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b, -a, +a, abs(-a))
print(0.1 + 0.2, 0.1 * 3, 1 - 0.9, 1e16 + 1, 2 ** 0.5, 10 ** -2, 2.0 ** 10)
print(1 / 3 * 3, 100 * 1.1, 3 * 0.1 == 0.3, round(3 * 0.1, 10) == round(0.3, 10))
print(1 + 2.0, 3 * 1.5, 7 / 2, 6 / 3, type(6 / 3).__name__, 2 ** -1, True + 0.5)
print((-8) ** (1 / 3) if False else (-8.0) ** 2, 0.0 ** 0, (-2.0) ** 3)
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7.5, -2), -0.0 + 0.0, 0.0 * -1)
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10, 5e-324 / 2)
print(float.fromhex('0x1.8p1'), (1.5).hex(), (0.1).hex(), float.fromhex('-0x1p-2'))
print(pow(2.0, 3), pow(4, 0.5), pow(2, -1.0))
try:
    (-8) ** 0.5
    print('complex result:', (-8) ** 0.5 == complex(0, 8 ** 0.5) or type((-8) ** 0.5).__name__)
except ValueError as e:
    print('ValueError', e)
try:
    10.0 ** 400
except OverflowError as e:
    print('OverflowError', type(e.args).__name__)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    1 / 0.0
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    1.5 % 0
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    2.0 // 0.0
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
print(3.0.is_integer(), 3.5.is_integer(), (-0.0).is_integer(), (1e300).is_integer())
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (-2.75).as_integer_ratio(), (0.0).as_integer_ratio())
print(1.5.real, 1.5.imag, 1.5.conjugate())
