# print sep/end/file/flush, input from stdin
import sys
print('a', 'b', sep='')
print('a', 'b', sep=None, end=None)
print(1, 2, 3, sep=', ', end='.\n')
print('x', end=''); print('y', end='|'); print()
print(*['p', 'q'], sep='\n')
print('to-stderr', 1, sep='-', file=sys.stderr)
print('flushed', flush=True)
print(file=None)
print('', 'a', '', sep='+')
print(end='only-end\n')
for kw in [{'sep': 5}, {'end': 1}, {'nope': 1}, {'file': 5}]:
    try:
        print('z', **kw)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s); return len(s)
w = W(); print('a', 'b', file=w, end='!'); print(w.parts)
print(sys.stdout.write('raw\n'), sys.stderr.write('raw-err\n'))
line = input()
print(repr(line))
print(repr(input('prompt> ')))
rest = []
while True:
    try:
        rest.append(input())
    except EOFError as e:
        print('EOF', repr(str(e)))
        break
print(rest)
print(sys.stdin.readline() == '', repr(sys.stdin.read()))
try:
    input()
except EOFError:
    print('EOF again')
try:
    input('a', 'b')
except TypeError as e:
    print('TE', e)
sys.stdout.write('no newline at end')
