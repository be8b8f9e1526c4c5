for b in (-3, -2, -1, 0, 1, 2, 3):
    print(b, [b ** e for e in range(0, 5)], [repr(b ** -e) if b else 'x' for e in range(1, 3)])
print((-2) ** 63, (-2) ** 64, -2 ** 64, (-1) ** 1001, (-1) ** 10 ** 6)
print(2 ** 0.5, 4 ** 0.5, 8 ** (1 / 3), (-8) ** 2.0, 0 ** 0.0, 10 ** -300, 10.0 ** -400)
print(pow(-2, 5, 7), pow(-2, 5, -7), pow(2, 5, -7), pow(5, -1, 13), pow(-5, -1, 13), pow(10, 100, 97))
print(type(2 ** -1).__name__, type(2 ** 2).__name__, type((-8) ** 0.5).__name__)
try:
    pow(0, -1, 5)
except ValueError as e:
    print('ValueError:', e)
try:
    pow(2, 3, 1.5)
except TypeError as e:
    print('TypeError:', e)
print(3 ** 3 ** 2, (3 ** 3) ** 2, -3 ** 2, (-3) ** 2, 2 ** -3 ** 2)
