# complex(): from numbers, from objects with __complex__ / __float__ / __index__, from
# strings (every accepted form, and the errors), literals, and format().
print(complex(), complex(2), complex(1.5), complex(True), complex(False, True), complex(2, -3.5))
print(complex(real=2, imag=3), complex(imag=4), complex(1j, 1j), complex(1 + 2j, 3), complex(-0.0))
print(complex(0.0, -0.0), complex(-0.0, 0.0), complex(2 ** 53 + 1), complex.__new__(complex, 1))

for s in ('1+2j', ' (3-4J) ', '4j', '-j', 'j', '+j', '1+j', '1-j', '1e3j', 'inf', '-inf', 'nan',
          'infj', '-infinityj', '+NaNj', '1.j', '.5j', '1.5e-3-2.5E+2J', '1e500j', '-1e500',
          '1_0', '1_0.5_5j', '1e1_0j', '\t( 1+2j )\n', '١+٢j', '\u3000 3j \u3000', '0x10',
          '1+2', '(1+2j', '1+2j)', '', ' ', '()', '(j)', '1 + 2j', '1e', '1e+j', '1+e1j',
          '.j', '1j1', 'jj', '1+2jj', '1__2j', '_1j', '1_j', '1+_2j', '1_', '1\x00', 'abc'):
    try:
        print(repr(s), '->', complex(s))
    except ValueError as e:
        print(repr(s), '-> ValueError', e)

for args in (('1', 2), (1, '2'), (None,), (1, None), (b'1',), ([],), (1, 2, 3)):
    try:
        print(args, complex(*args))
    except TypeError as e:
        print(args, '-> TypeError', e)
for kw in ({'foo': 1}, {'real': 1, 'imag': 2, 'x': 3}):
    try:
        print(kw, complex(**kw))
    except TypeError as e:
        print(kw, '-> TypeError', e)
try:
    complex(1, real=2)
except TypeError as e:
    print('TypeError', e)


class HasComplex:
    def __complex__(self):
        return 3 + 4j


class HasFloat:
    def __float__(self):
        return 2.5


class HasIndex:
    def __index__(self):
        return 7


class BadComplex:
    def __complex__(self):
        return 5


print(complex(HasComplex()), complex(HasFloat()), complex(HasIndex()), complex(HasFloat(), HasIndex()))
print(complex(HasComplex(), 2), complex(HasComplex(), 1j))
for args in ((BadComplex(),), (2, HasComplex())):
    try:
        complex(*args)
    except TypeError as e:
        print('TypeError', e)

# literals, constant folding and the constants of a code object
print(1j, 2.5j, 1e3j, 0j, 00j, 1_0j, 0.5J, 1E2j, 1e-1000j, 1e1000j, -1j, 1 - 0j, -0.0j, (2j) ** 2)


def f():
    return (1j, 0j, 0.0, 0, -0.0, -0j, 1, 1.0, True, 1 + 2j)


print(f())
print([type(k).__name__ for k in f.__code__.co_consts if k is not None])

# format()
vals = [0j, -0j, 1 + 2j, -1.5 - 2.25j, 12345.678 + 0.001j, 1e20 - 1e-20j,
        complex(float('nan'), float('inf')), 1e16j]
specs = ['', '10', '<12', '^15', '*>15', '+', ' ', 'z', '#', ',', '.3', '.0', '.3e', '.3E',
         'f', 'F', 'g', 'n', '#.3g', '+.2f', ',.2f', '_.3e', '<30,.2f', 'z.0f',
         'x', '%', '=5', '05', '0<5', ',n', ',_', '.', '1.2.3']
for v in vals:
    row = []
    for s in specs:
        try:
            row.append(format(v, s))
        except ValueError as e:
            row.append('ValueError: %s' % e)
    print(repr(v), row)
print(f'{1 + 2j}|{1 + 2j:>12}|{-1j:.2f}|{3j!r}', str(1j), repr(-1j), '%s %r' % (1j, 2j))
