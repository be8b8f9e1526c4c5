import sys
print()
print('a', 'b', 'c')
print('a', 'b', sep='')
print('a', 'b', sep=' -- ', end='!\n')
print('no newline', end='')
print(' continued')
print(1, 2.5, None, True, [1], (2,), {'k': 3}, sep='|')
print('to stderr', file=sys.stderr)
print('flushed', flush=True)
print(*range(5), sep=', ')
print('x', end='')
print('y', end='', sep='?')
print()
print('sep None', 'ok', sep=None, end=None)
print('é ★ \U0001F600')
sys.stdout.write('direct write\n')
n = sys.stdout.write('abc\n')
print(n)
sys.stderr.write('stderr direct\n')
print(file=None)
try:
    print('x', sep=5)
except TypeError as e:
    print('TypeError:', e)
try:
    print('x', end=[])
except TypeError as e:
    print('TypeError:', e)
try:
    print('x', bogus=1)
except TypeError as e:
    print('TypeError:', e)
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print('into', 'object', file=w, sep='_')
print(w.parts)
