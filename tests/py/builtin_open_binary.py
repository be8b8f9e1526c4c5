import sys
path = sys.argv[0] + '.tmp'
with open(path, 'wb') as f:
    print(f.write(b'\x00\x01\xffbinary\n'))
    f.write(bytes(range(5)))
    f.write(bytearray(b'ba'))
with open(path, 'rb') as f:
    data = f.read()
print(data, len(data), type(data).__name__)
with open(path, 'rb') as f:
    print(f.read(3), f.read(2), f.readline(), f.read())
with open(path, 'wb') as f:
    f.write('héllo\n'.encode('utf-8'))
with open(path, 'rb') as f:
    raw = f.read()
with open(path) as f:
    text = f.read()
print(raw, repr(text), len(raw), len(text))
try:
    with open(path, 'wb') as f:
        f.write('text')
except TypeError as e:
    print('TypeError:', e)
try:
    with open(path, 'w') as f:
        f.write(b'bytes')
except TypeError as e:
    print('TypeError:', e)
with open(path, 'ab') as f:
    f.write(b'tail')
with open(path, 'rb') as f:
    print(f.read()[-6:])
