print(round(2.675, 2), round(2.665, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2))
print(round(1234.5678, -2), round(1234.5678, 1), round(-1234.5678, 0), round(5.5), round(6.5))
print(round(0.5), round(-0.5), round(1.5), round(-1.5), type(round(1.5)).__name__, type(round(1.5, 0)).__name__)
print(round(123.456, -1), round(123.456, -3), round(987.654, -3), round(1e20, -19))
print(round(3.14159, 3), round(-3.14159, 4), round(1e-10, 5), round(0.1 + 0.2, 15))
print(round(7, 2), round(7, -1), round(15, -1), round(-15, -1), round(12345, -10))
print(round(2.5, None), round(1e300, 2), round(-0.0), round(-0.4))
for x in (0.1, 0.25, 0.35, 0.45, 1.15, 2.5e-5):
    print(x, [round(x, n) for n in range(4)])
try:
    round(1.5, 1.0)
except TypeError as e:
    print('TypeError:', e)
try:
    round('1.5')
except TypeError as e:
    print('TypeError:', e)
class R:
    def __round__(self, n=None):
        return ('rounded', n)
print(round(R()), round(R(), 3))
