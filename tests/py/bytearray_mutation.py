# bytearray changed in place: items, slices (extended too), deletion, methods, += and *=.
ba = bytearray(b'abcdef')
ba[0] = 65; ba[-1] = 70
print(ba, len(ba))
ba[1:3] = b'XYZ'; print(ba)
ba[1:4] = bytearray(b''); print(ba)
ba[2:2] = [48, 49]; print(ba)
ba[len(ba):] = range(97, 100); print(ba)
ba[::2] = b'_' * len(ba[::2]); print(ba)
ba[::-3] = bytes(len(ba[::-3])); print(ba)
del ba[::3]; print(ba)
del ba[::-2]; print(ba)
del ba[0]; del ba[-1:]; print(ba)
ba[:] = ba; print(ba)
ba[1:1] = ba; print(ba)
c = bytearray(b'hello')
c.insert(0, 62); c.insert(-1, 33); c.insert(100, 60); c.insert(-100, 40)
print(c)
c.append(10); c.extend(b'ab'); c.extend(bytearray(b'cd')); c.extend([1, 2]); c.extend(x for x in (3, 4)); c.extend(())
print(c, c.pop(), c.pop(0), c.pop(-2), c)
c.remove(ord('l')); c.reverse(); print(c)
d = c.copy(); d.clear(); print(c == d, d, len(c))
e = bytearray(b'xy'); alias = e
e += b'z'; e += bytearray(b'!'); print(e, alias is e)
e *= 3; print(e, alias is e)
e *= 0; print(e, alias is e)
f = bytearray(b'ab'); f *= -1; print(f)
h = bytearray(b'abcdef'); h[::2] = b''; h2 = bytearray(b'ab'); del h2[2:5:-2]; h3 = bytearray(b'abc'); h3[0:-10:-1] = b''
print(h, h2, h3)
g = bytearray(b'1234567890')
del g[2:8:2]; print(g)
g[0:2] = b''; print(g, g.find(b'9'), g.count(b'0'), g.endswith(b'0'))
errs = [lambda: g.__setitem__(slice(0, 1), 5), lambda: g.__setitem__(slice(0, 1), 'x'), lambda: g.__setitem__(slice(0, 3, 2), b'x'),
        lambda: g.__setitem__('a', 1), lambda: g.__delitem__(50), lambda: g.__setitem__(50, 1), lambda: g.__setitem__(0, 256),
        lambda: g.__setitem__(0, b'x'), lambda: g.insert(1), lambda: g.insert('x', 1), lambda: g.insert(1, 256),
        lambda: g.remove(b'a'), lambda: g.remove(300), lambda: g.remove(200), lambda: g.pop(50), lambda: g.pop('x'),
        lambda: g.pop(1, 2), lambda: bytearray().pop(), lambda: g.extend(1), lambda: g.extend('ab'), lambda: g.extend([1, 256]),
        lambda: g.append(), lambda: g.append(-1), lambda: g.copy(1), lambda: g.reverse(1), lambda: g.clear(1),
        lambda: g.__setitem__(slice(0, 1), [1, 'a'])]
for fn in errs:
    try:
        print(fn())
    except Exception as ex:
        print(type(ex).__name__ + ':', ex)
def iadd(x, y):
    x += y
    return x
def imul(x, y):
    x *= y
    return x
for op, arg in ((iadd, [1]), (iadd, 'x'), (imul, 'x'), (imul, 2.0), (iadd, b'!'), (imul, 2)):
    try:
        print(op(g, arg))
    except TypeError as ex:
        print('TypeError:', ex)
print(g)
