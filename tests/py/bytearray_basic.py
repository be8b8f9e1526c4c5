ba = bytearray(b'hello')
print(ba, len(ba), ba[0], ba[1:3], repr(ba))
ba[0] = 72
print(ba)
ba[1:3] = b'EY'
print(ba)
ba.append(33)
ba.extend(b'??')
print(ba)
ba.insert(0, 62)
print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(ord('Y'))
print(ba)
del ba[0]
del ba[-2:]
print(ba)
ba += b'xyz'
print(ba, ba * 2, ba.upper(), bytes(ba), ba.decode())
ba.reverse()
print(ba, ba.find(b'z'), ba.count(b'l'), b'l' in ba, ba.hex())
b2 = bytearray(3)
print(b2, bytearray([1, 2, 3]), bytearray('é', 'utf-8'), bytearray(range(65, 70)), bytearray())
b2[1:2] = b'abc'
print(b2, len(b2))
b2.clear()
print(b2, ba == bytearray(ba), ba == bytes(ba), type(ba + b'1').__name__, type(b'1' + ba).__name__)
errs = [lambda: ba.__setitem__(0, 256), lambda: ba.__setitem__(0, b'x'), lambda: ba.remove(0),
        lambda: bytearray().pop(), lambda: ba[100], lambda: hash(ba), lambda: ba.append(-1)]
for f in errs:
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
c = bytearray(b'abcdef')
c[::2] = b'XYZ'
print(c)
del c[::2]
print(c, c.copy(), c.strip(b'f'), c.lstrip(b'b'))
