# complex: arithmetic with int, float and complex on either side, signed zeros, powers,
# division, abs, comparison and hashing, as CPython 3.11 computes them.
inf, nan = float('inf'), float('nan')
a, b = 1 + 2j, 3 - 4j
print(a + b, a - b, a * b, a / b, a ** 2, -a, +a, abs(b), a.conjugate())
print(2 + a, a + 2, 2.5 - a, a - 2.5, 3 * a, a * 0.5, 1 / a, a / 2, 2 ** a, a ** 0.5)
print(True + 1j, 1j * False, 2 ** 70 * 1j, (2 ** 70 + 0j).real)
x = 1j
x += 1
x *= 2
x **= 2
x /= 2j
print(x, type(x).__name__)

# signed zeros and special values in repr
print(0j, -0j, -(0j), complex(-0.0, 0.0), complex(0.0, -0.0), complex(-0.0, -0.0))
print(1 - 0j, -0.0 - 0j, 0j - 0.0, 0j * -1, -0.0j, (-0.0) + 0j)
print(complex(inf, nan), complex(-inf, -0.0), complex(nan, -inf), complex(-nan, -nan), 1e1000j, -1e1000j)
print(1e16j, complex(1e-5, 1e16), complex(2.0, 1.5), 123456789012345678j, 1e-320j, 5e-324 + 1j)

# powers: small integral exponents multiply, others go through polar form
print((1 + 1j) ** 3, (1 + 1j) ** -3, (1 + 1j) ** 101, (1 + 1j) ** 2.5, 1j ** 1j, 1j ** 0.5)
print((1 + 2j) ** 0, (1 + 2j) ** 2.0, (1 + 2j) ** -2, 0j ** 0, 0j ** 0j, 0j ** 2, (2j) ** 2)
print((-8) ** 0.5, (-8.0) ** (1 / 3), (-1) ** 0.5, (-8.0) ** -0.5, type((-2) ** 0.5).__name__)
print(complex(1e308, 1) ** 2, (-1 + 0j) ** complex(0.5, 1e308), pow(2, 1j), pow(1j, 1j))
for expr in ('0j ** -1', '0j ** 1j', '(-1 + 0j) ** 1e308', '(0.5 + 0j) ** -2000', '(-1e308) ** 1.5',
             'pow(1j, 2, 3)', 'pow(2, 1j, 3)', 'pow(2.0, 1j, 3)', '(1 + 2j) / 0', '1 / 0j', '1j / 0.0',
             'abs(complex(1e308, 1e308))', '1j + 2 ** 2000', 'complex(2 ** 2000)'):
    try:
        print(expr, '=', eval(expr))
    except (ZeroDivisionError, OverflowError, ValueError, TypeError) as e:
        print(expr, '->', type(e).__name__, e)
print((1e300 + 1e300j) / (1e-300 + 1e-300j), (1 + 2j) / (3 - 4j), (1 + 1j) / complex(nan, 0))
print(abs(3 + 4j), abs(complex(inf, nan)), abs(complex(nan, 1)), abs(-0j), abs(complex(-inf, 2)))

# operations complex does not have
for expr in ('1j // 1', '1j % 1', 'divmod(1j, 1)', 'int(1j)', 'float(1j)', 'round(1j)',
             '1j < 1', '1j <= 1j', '2 > 1j', '~1j', "1j + 'a'", "'a' * 1j", '1j & 1'):
    try:
        print(expr, '=', eval(expr))
    except TypeError as e:
        print(expr, '-> TypeError', e)

# equality with int, float and complex; hash agrees with equal ints and floats
print(1j == 1j, 0j == 0, (1 + 0j) == 1.0, 1j != 1j, 1j == 1, 1j == 'a', complex(1, 0) == True)
print(complex(2 ** 60, 0) == 2 ** 60, complex(2 ** 60, 0) == 2 ** 60 + 1, complex(nan, 0) == nan)
print(hash(1 + 2j), hash(complex(-1, 0)), hash(complex(0, -1)), hash(1.5j), hash(complex(1e300, inf)))
print(hash(3 + 0j) == hash(3), hash(complex(0.5, 0)) == hash(0.5), hash(-0j) == hash(0))
print({1j: 'a', complex(0, 1): 'b', 0j: 'c', 0: 'd', 0.0: 'e'}, 1j in {1j}, {2: 'two'}[2 + 0j])
print(sum([1j, 2, 3.5]), sum([0.5j] * 4, 1), sorted([3, 1, 2], key=lambda v: v * 1j == 2j))

# attributes and methods
c = 1.5 - 2j
print(c.real, c.imag, type(c.real).__name__, c.conjugate(), c.__getnewargs__(), c.__complex__())
print(bool(0j), bool(-0j), bool(1j), bool(complex(nan, 0)), isinstance(c, complex), type(c).__name__)


class C(complex):
    pass


d = C(1, 2)
d.tag = 'x'
print(type(d).__name__, d, d.tag, type(d + 1).__name__, type(+d).__name__, type(-d).__name__, d == 1 + 2j)


class R:
    def __radd__(self, other):
        return 'radd', other

    def __rpow__(self, other):
        return 'rpow', other


print(1j + R(), 1j ** R())
