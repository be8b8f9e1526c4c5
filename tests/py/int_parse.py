print(int('42'), int('-42'), int(' 42 '), int('0'), int('1_000'), int('\t7\n'))
print(int('ff', 16), int('FF', 16), int('0xff', 16), int('0xff', 0), int('0o17', 0), int('0b101', 0))
print(int('z', 36), int('Z', 36), int('10', 2), int('777', 8), int('-0b11', 0), int('12', 3))
print(int('0', 0), int('00', 0) if False else int('00'), int('1_2', 0), int('٣'))
print(int(3.99), int(-0.5), int(1e20), int(True), int('  -  1'.replace(' ', '')))
bad = ['', ' ', 'abc', '1.5', '1e3', '0x10', '1__0', '_1', '1_', '- 1', '++1', '12a', 'None']
for s in bad:
    try:
        int(s)
    except ValueError as e:
        print('ValueError:', e)
for s, base in [('2', 2), ('g', 16), ('0b2', 0), ('010', 0), ('9', 8)]:
    try:
        int(s, base)
    except ValueError as e:
        print('ValueError:', e)
for base in (1, 37, -1):
    try:
        int('1', base)
    except ValueError as e:
        print('ValueError:', e)
try:
    int(5, 10)
except TypeError as e:
    print('TypeError:', e)
try:
    int(None)
except TypeError as e:
    print('TypeError:', e)
try:
    int([1])
except TypeError as e:
    print('TypeError:', e)
for f in (float('inf'), float('nan')):
    try:
        int(f)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__ + ':', e)
print(int(b'12'), int(bytearray(b'-3')))
class I:
    def __int__(self):
        return 99
class X:
    def __index__(self):
        return 7
print(int(I()), int(X()), bin(X()), [10, 20, 30, 40, 50, 60, 70, 80][X()])
