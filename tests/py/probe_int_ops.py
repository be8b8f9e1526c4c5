# int operations: bits, bytes, shifts, division signs, pow, round, parsing
print([n.bit_length() for n in [0, 1, -1, 255, -256, 2 ** 100, -(2 ** 100) + 1]], [n.bit_count() for n in [0, 7, -7, 2 ** 65 - 1, -(2 ** 64)]])
print((1024).to_bytes(2, 'big'), (1024).to_bytes(4, 'little'), (-1).to_bytes(2, 'big', signed=True), (255).to_bytes(1, 'big'), (0).to_bytes(0, 'big'))
print(int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\x01\x00', 'little'), int.from_bytes(b'\xff\xff', 'big', signed=True), int.from_bytes(b'', 'big'), int.from_bytes([1, 2], 'big'))
for f in [lambda: (256).to_bytes(1, 'big'), lambda: (-1).to_bytes(1, 'big'), lambda: (128).to_bytes(1, 'big', signed=True), lambda: (1).to_bytes(1, 'middle')]:
    try:
        f()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(1 << 100, (1 << 100) >> 99, -1 >> 100, -5 >> 1, 5 >> 100, 0 << 1000, -(2 ** 70) >> 3, 1 << 0)
try:
    1 << -1
except ValueError as e:
    print('VE', e)
try:
    1 >> -1
except ValueError as e:
    print('VE', e)
print([(a // b, a % b) for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, -3), (2 ** 70, -3), (-(2 ** 70), 7)]])
print(divmod(-7, 2), divmod(7, -3), divmod(-2 ** 65, 2 ** 33 + 1), -7 // 1, -1 // 10 ** 30, 1 // -10 ** 30)
print(pow(3, 4, 5), pow(-3, 3, 7), pow(3, 3, -7), pow(2, 100, 10 ** 9 + 7), pow(3, -1, 7), pow(5, 0, 1), pow(7, -2, 10), pow(0, 0))
for args in [(2, -1, 4), (2, 3, 0), (2.0, 3, 5), (2, 3.0, 5)]:
    try:
        pow(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(round(12345, -2), round(12350, -2), round(12250, -2), round(-15, -1), round(25, -1), round(5, -1), round(7, 0), round(7), round(7, 3), round(-2 ** 70 - 5, -1))
print(type(round(5, 1)).__name__, round(10 ** 20 + 50, -2), round(0, -5), round(99, -2), round(150, -2), round(-150, -2))
print(int('0x1f', 16), int('0x1F', 0), int('0b101', 0), int('0o17', 0), int('  -12_345  '), int('z', 36), int('10', 2), int('1_0', 0), int('+0'), int('00'), int('007', 10))
for s, b in [('012', 0), ('1__0', 10), ('_1', 10), ('1_', 10), ('0x', 16), ('12', 2), ('', 10), (' ', 10), ('1.5', 10), ('9', 37), ('0b2', 0), ('٣', 10)]:
    try:
        print(repr(s), b, int(s, b))
    except ValueError as e:
        print('VE', e)
print(int(3.99), int(-3.99), int(True), int('٣'), int(' \t42\n'), int(1e20), int(-0.0))
for v in [float('inf'), float('nan'), None, [1], '1e3']:
    try:
        int(v)
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    int(5, 10)
except TypeError as e:
    print('TE', e)
print(abs(-2 ** 80), -(-5), +7, ~5, ~-1, 5 & -2, -5 | 2, -5 ^ 3, 2 ** -1, (-2) ** 2, -2 ** 2, 0 ** 0, (-8) ** (1 / 3) if False else 0)
print(int.__name__, (5).real, (5).imag, (5).numerator, (5).denominator, (5).conjugate(), (-5).as_integer_ratio(), (10).__index__())
print(7 / 2, -7 / 2, 10 ** 20 / 10 ** 10, 2 ** 1000 // 2 ** 999, 1 / 3 * 3 == 1, 6 // 2.0, 7 % 2.5, -7 % 2.5, 10 ** 400 // 10 ** 399)
try:
    2 ** 10000 / 1
except OverflowError as e:
    print('OE', e)
for op in ['1 / 0', '1 // 0', '1 % 0', 'divmod(1, 0)', '0 ** -1', '1.0 // 0', '2 % 0.0']:
    try:
        eval(op)
    except ZeroDivisionError as e:
        print(op, '->', e)
