import sys
path = sys.argv[0] + '.tmp'
f = open(path, 'w')
print(type(f).__name__ if False else 'opened', f.closed)
n = f.write('first line\n')
f.write('second line\n')
print('third', 42, file=f)
f.writelines(['a\n', 'b\n'])
f.close()
print(n, f.closed)
with open(path) as f:
    print(repr(f.read()))
with open(path, 'r') as f:
    print(repr(f.readline()), repr(f.readline()))
    print(f.readlines())
    print(repr(f.readline()), repr(f.read()))
with open(path) as f:
    for i, line in enumerate(f):
        print(i, repr(line), line.rstrip('\n'))
with open(path, 'a') as f:
    f.write('appended é★\n')
with open(path, encoding='utf-8') as f:
    lines = f.read().splitlines()
print(len(lines), lines[-1])
with open(path) as f:
    print(repr(f.read(5)), repr(f.read(3)))
try:
    f.read()
except ValueError as e:
    print('ValueError:', e)
try:
    open(path + '.missing.tmp')
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno, e.strerror)
try:
    open(path, 'rz')
except ValueError as e:
    print('ValueError:', e)
with open(path, 'w') as f:
    f.write('')
with open(path) as f:
    print(repr(f.read()))
