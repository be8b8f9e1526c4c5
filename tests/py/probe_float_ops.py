# float: rounding, repr, parsing, methods, hashing, division
print([round(x) for x in [0.5, 1.5, 2.5, -0.5, -1.5, 3.5, 2.675]], [round(x, 2) for x in [2.675, 1.005, 0.125, 0.375, -0.125]])
print(round(1234.5678, -2), round(-1234.5678, -1), round(0.5, 0), round(1e300, -300), round(5e-324, 400), round(2.5, None), type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
for v in [float('inf'), float('nan')]:
    try:
        round(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(round(float('inf'), 2), round(float('nan'), 1))
print([repr(x) for x in [0.1, 0.2 + 0.1, 1 / 3, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5, 5e-324, 2.0 ** 53, 1.5e300 * 1e10, -0.0, 100.0, 1e22, 1e23]])
print([float(s) for s in [' 1e5 ', 'inf', '-Infinity', '+nan', '-nan', '1_000.5', '.5', '5.', '\t-1E-3\n', '0x10' if False else '16', 'iNfInItY', '1e-400', '-1e400', '٣.٥']])
for s in ['', '1e', 'e5', '1_', '_1', '1__0', 'nan nan', 'in f', '0x10', '1.5.2', '--1', 'infinit']:
    try:
        float(s)
    except ValueError as e:
        print('VE', e)
print((3.0).is_integer(), (3.5).is_integer(), float('inf').is_integer(), (-0.0).is_integer(), (1e300).is_integer())
print((0.5).as_integer_ratio(), (-0.1).as_integer_ratio(), (3.0).as_integer_ratio(), (1e20).as_integer_ratio(), (0.0).as_integer_ratio())
for v in [float('inf'), float('nan')]:
    try:
        v.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(hash(1.0) == hash(1), hash(-1.0) == hash(-1), hash(2.0 ** 64) == hash(2 ** 64), hash(0.0) == hash(-0.0) == hash(0), hash(1e100) == hash(int(1e100)), hash(-1.0), hash(0.5), hash(-2 ** 61 + 0.0 if False else 1.5))
print(hash(float('inf')), hash(float('-inf')), {1.0: 'a', 1: 'b'}, {0.0, -0.0, 0}, 2.0 in {2}, 2 in {2.0: 1})
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7.5, -2), divmod(-0.0, 1), 7.5 // -2, -7.5 % 2, 7.5 % -2, 0.0 % -1, -0.0 % 1, 5 % float('inf'), -5 % float('inf'), -5.0 // float('inf'))
print(1e308 + 1e308, -1e308 * 10, float('inf') - float('inf'), 0.0 * float('inf'), float('inf') * -1, 2.0 ** -1075, 10.0 ** 308)
try:
    10.0 ** 309
except OverflowError as e:
    print('OE', e)
try:
    0.0 ** -1.5
except ZeroDivisionError as e:
    print('ZDE', e)
print(1.0 == 1, 0.1 + 0.2 == 0.3, float('nan') != float('nan'), 1e16 + 1 == 1e16, 2 ** 53 + 1 == float(2 ** 53 + 1), 10 ** 400 > 1e308, -10 ** 400 < float('-inf'))
print(float(10 ** 20), float(2 ** 63), float(-7), float(True), 3 * 0.1, 0.1 * 3, 1 - 0.9, 7 / 7, 2 ** 0.5, 4 ** 0.5, (-8) ** 2.0)
try:
    float(10 ** 400)
except OverflowError as e:
    print('OE', e)
print(int(1e18), int(2.5e-3), int(-1e19), (1.5).real, (1.5).imag, (1.5).conjugate(), abs(-0.0), -(0.0), max(0.0, -0.0), min(-0.0, 0.0))
print(float.__name__, str(float('nan')), repr(float('-inf')), 5e-324 / 2, 1.7976931348623157e308 * 1.0000000000000002)
print(sum([0.1] * 10), sum([1e100, 1.0, -1e100]), 1e-310, 2.2250738585072014e-308 / 2, 0.1 + 0.7, 4.35 * 100, 1.1 * 1.1)
print(float.fromhex('0x1.8p1'), (1.5).hex(), (0.1).hex(), float.fromhex('-0x1p-1074'), (-0.0).hex(), float('inf').hex())
