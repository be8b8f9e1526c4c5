good = ['1', '1.5', '  -2.5  ', '+3', '1e5', '1E-5', '.5', '5.', 'inf', '-inf', 'INF', 'Infinity',
        '-Infinity', 'nan', 'NaN', '-nan', '1_000.5', '0x10' if False else '16', '\t1.25\n', '1e400', '-1e400', '1e-400']
for s in good:
    print(repr(s), float(s))
bad = ['', ' ', 'abc', '1.5.5', '1e', 'e5', '--1', '1_', '_1', 'in f', 'infinit', '0x10', '1,5', 'nan1', '1 2']
for s in bad:
    try:
        float(s)
    except ValueError as e:
        print('ValueError:', e)
print(float(5), float(True), float(-0), float(2 ** 60), float(b'2.5') if False else float('2.5'))
try:
    float(None)
except TypeError as e:
    print('TypeError:', e)
try:
    float([1.0])
except TypeError as e:
    print('TypeError:', e)
class F:
    def __float__(self):
        return 4.5
class Idx:
    def __index__(self):
        return 3
print(float(F()), float(Idx()))
print(float('  0.1e1  '), float('-0'), float('+0.0'))
