# memoryview: one-dimensional byte views of bytes and bytearray.

def err(f):
    try:
        r = f()
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)
    return r

b = b"hello world"
m = memoryview(b)
print(len(m), m[0], m[-1], m[4], type(m).__name__)
print(err(lambda: m[11]), "|", err(lambda: m[-12]), "|", err(lambda: m["x"]))
print(err(lambda: memoryview("abc")), "|", err(lambda: memoryview(5)), "|", err(lambda: memoryview()))
print(m.nbytes, m.readonly, m.itemsize, m.format, m.ndim, m.shape, m.strides, m.obj is b)
print(m.c_contiguous, m.f_contiguous, m.contiguous, m.suboffsets)
print(m.tobytes(), m.tolist()[:3], m.hex(), m.hex(":"), m[:3].hex("-", 2))
# slices share the buffer
s = m[1:9:2]
print(type(s).__name__, s.tobytes(), s.shape, s.strides, s.contiguous, s.obj is b, len(s))
print(m[::-1].tobytes(), m[::-3].tolist(), m[5:2].tobytes(), m[-3:].tobytes(), m[2:9][1:5:2].tobytes())
print(list(m[:4]), [x for x in memoryview(b"ab")], err(lambda: m[...]))
# writing
ba = bytearray(b"abcdefgh")
w = memoryview(ba)
print(w.readonly, w.obj is ba)
w[0] = 65
w[-1] = 72
print(ba)
w[1:4] = b"XYZ"
print(ba)
w[::2] = bytearray(b"1234")
print(ba)
w2 = w[4:]
w2[0:2] = memoryview(b"()")
print(ba, w2.tobytes())
w[0:3] = w[3:6]
print(ba)
print(err(lambda: w.__setitem__(0, 256)), "|", err(lambda: w.__setitem__(0, -1)), "|", err(lambda: w.__setitem__(0, "a")))
print(err(lambda: w.__setitem__(slice(0, 2), b"abc")), "|", err(lambda: w.__setitem__(slice(0, 2), [1, 2])))
print(err(lambda: w.__setitem__(9, 1)), "|", err(lambda: w.__delitem__(0)))
print(err(lambda: m.__setitem__(0, 1)), "|", err(lambda: m.__setitem__(slice(0, 1), b"x")))
# comparisons and hashing
print(m == b, b == m, m == bytearray(b), m == memoryview(b), m != b"x", m == "hello world", m[:5] == b"hello")
print(w == ba, ba == w, memoryview(b"ab") == memoryview(bytearray(b"ab")))
print(err(lambda: m < b), "|", err(lambda: b < m), "|", bytearray(b"a") < memoryview(b"b"))
print(hash(m) == hash(b), hash(m[1:4]) == hash(b"ell"), err(lambda: hash(w)))
print(m.toreadonly().readonly, w.toreadonly().readonly, err(lambda: hash(w.toreadonly())) == hash(bytes(ba)))
# conversions and bytes-like acceptance
print(bytes(m[:5]), bytearray(m[6:]), bytes(w), bytes(m[::2]))
print(int.from_bytes(memoryview(b"\x01\x00"), "big"), int.from_bytes(memoryview(b"\x01\x02\x03")[::2], "little"))
print(b"-".join([m[:2], memoryview(b"zz")]), b"x" + memoryview(b"yz"), bytearray(b"q") + m[:2])
print(err(lambda: m + b"x"), "|", b"ab".decode() + memoryview(b"cd").tobytes().decode())
print(memoryview(b"caf\xc3\xa9").tobytes().decode(), str(memoryview(b"abc")[1:], "ascii"))
e = bytearray(b"xy"); e.extend(memoryview(b"zw")); e += memoryview(b"!"); print(e)
print(b"ell" in b, memoryview(b"ell") == b[1:4], b.find(memoryview(b"wor")), b.startswith(memoryview(b"he")))
mm = memoryview(memoryview(bytearray(b"nest")))
print(mm.obj, mm.readonly, mm[1:].obj, mm.tobytes())
print(m.tobytes("C"), err(lambda: m.tobytes("X")))
# release and the context manager
r = memoryview(b"abc")
r.release()
r.release()
print(err(lambda: len(r)), "|", err(lambda: r[0]), "|", err(lambda: r.tobytes()))
print(err(lambda: r.nbytes), "|", err(lambda: r.obj), "|", err(lambda: bytes(r)), "|", err(lambda: r[1:]))
print(r == r, r == b"abc", err(lambda: hash(r)), err(lambda: memoryview(r)), err(lambda: r.__enter__()))
print(repr(r).startswith("<released memory at 0x"), repr(m).startswith("<memory at 0x"))
with memoryview(bytearray(b"ctx")) as c:
    print(c[0], c.tobytes())
print(err(lambda: c[0]))
# exports block resizing of the bytearray
x = bytearray(b"12345")
v = memoryview(x)
ops = [
    ("append", lambda: x.append(1)),
    ("extend", lambda: x.extend(b"ab")),
    ("del", lambda: x.__delitem__(0)),
    ("delslice", lambda: x.__delitem__(slice(0, 2))),
    ("delext", lambda: x.__delitem__(slice(0, 4, 2))),
    ("setslice", lambda: x.__setitem__(slice(0, 2), b"abc")),
    ("iadd", lambda: x.__iadd__(b"z")),
    ("imul", lambda: x.__imul__(2)),
    ("clear", lambda: x.clear()),
    ("pop", lambda: x.pop()),
    ("insert", lambda: x.insert(0, 1)),
    ("remove", lambda: x.remove(ord("3"))),
]
for name, f in ops:
    print(name, err(f))
print(x, len(x))
x[0:2] = b"ab"
x[4] = 33
x *= 1
print(x, v.tobytes())
v2 = v[1:3]
v.release()
print(err(lambda: x.append(1)))
v2.release()
x.append(54)
print(x)
def make():
    y = bytearray(b"tmp")
    memoryview(y)[0] = 84
    y.append(33)
    return y
print(make())
s1 = memoryview(bytearray(b"abc"))[1:]
print(s1.obj, err(lambda: s1.obj.append(1)))
del s1
# edge cases: nested slices, released views, indices and values
m = memoryview(b"abcdef")
print(m[1:][::-1].strides, m[1:][::-1].tobytes(), m[::2][::-1].tolist(), m[10:].shape, m[5:6].contiguous)
r = memoryview(b"x"); r.release()
print(err(lambda: list(r)), err(lambda: r.hex()), err(lambda: r.tolist()), err(lambda: r.readonly))
print(len(memoryview(bytearray())), memoryview(bytearray()).tobytes())
x = bytearray(b"abc"); v = memoryview(x)
x[0:2] = b"zz"; x.reverse(); print(v.tobytes(), err(lambda: x.__imul__(0)), err(lambda: x.__setitem__(slice(0,1), b"")))
print(m[True], err(lambda: m[2.0]), err(lambda: m[10**20]), err(lambda: memoryview(b"a").__setitem__(0, 1)))
w = memoryview(bytearray(3)); print(err(lambda: w.__setitem__(0, 10**30)), err(lambda: w.__setitem__(0, True)), w.tolist())
print(err(lambda: w.__setitem__("a", 1)), err(lambda: w.__setitem__(5, 1)), err(lambda: memoryview(object=b"kw").tobytes()))
print(bytes(reversed(memoryview(b"abc"))), sorted(memoryview(b"cab")), sum(memoryview(b"\x01\x02")))
