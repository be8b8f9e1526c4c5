# Fixed-size binary records written/read with wb/rb/r+b/ab, int.to_bytes/from_bytes, seek/tell.
import sys

PATH = "prog2_binary_records_db.tmp"
REC = 16  # id:u32 le, score:i32 be, name: 8 bytes padded


def pack(rid, score, name):
    raw = name.encode("utf-8")
    if len(raw) > 8:
        raise ValueError(f"name too long: {name!r} ({len(raw)} bytes)")
    return rid.to_bytes(4, "little") + score.to_bytes(4, "big", signed=True) + raw.ljust(8, b"\0")


def rel_seek(f, off, whence):
    try:
        return f.seek(off, whence)
    except OSError as e:
        print("  seek failed:", type(e).__name__, e)
        base = f.tell() if whence == 1 else len(open(f.name, "rb").read())
        return f.seek(base + off)


def unpack(b):
    if len(b) != REC:
        raise EOFError(f"short record: {len(b)} bytes")
    return (int.from_bytes(b[:4], "little"), int.from_bytes(b[4:8], "big", signed=True),
            b[8:].rstrip(b"\0").decode("utf-8"))


people = [(1, 100, "ann"), (2, -5, "bob"), (70000, 2 ** 31 - 1, "zoë"), (4, -2 ** 31, "dan"), (5, 0, "12345678")]
with open(PATH, "wb") as f:
    written = [f.write(pack(*p)) for p in people]
    print(written, f.tell(), f.mode, f.writable(), f.readable(), f.seekable())

with open(PATH, "rb") as f:
    data = f.read()
print(len(data), data[:16].hex(), data[16:32].hex(" "), data[32:48].hex("-", 4))
print([unpack(data[i:i + REC]) for i in range(0, len(data), REC)])

with open(PATH, "r+b") as f:
    f.seek(2 * REC + 4)
    print(f.tell(), int.from_bytes(f.read(4), "big", signed=True))
    print(rel_seek(f, -4, 1))
    f.write((-1).to_bytes(4, "big", signed=True))
    print(rel_seek(f, -REC, 2))
    last = unpack(f.read(REC))
    print("last:", last, f.tell(), f.read(), f.read(5))
    f.seek(0)
    buf = bytearray(REC)
    try:
        n = f.readinto(buf)
    except AttributeError as e:
        print("  AttributeError:", e)
        buf[:] = f.read(REC)
        n = len(buf)
    print(n, unpack(bytes(buf)), f.tell())

with open(PATH, "ab") as f:
    print(f.tell(), f.write(pack(6, 66, "eve")), f.write(b""), f.write(bytearray(b"\x07\0\0\0")))

with open(PATH, "rb") as f:
    recs = []
    while True:
        chunk = f.read(REC)
        if not chunk:
            break
        try:
            recs.append(unpack(chunk))
        except EOFError as e:
            recs.append(str(e))
print(recs)
print(sorted(r for r in recs if isinstance(r, tuple))[-2:], max((r for r in recs if type(r) is tuple), key=lambda r: r[1]))

try:
    pack(9, 1, "toolongname")
except ValueError as e:
    print(e)
for bad in [lambda: (2 ** 32).to_bytes(4, "little"), lambda: (-1).to_bytes(2, "big"),
            lambda: (128).to_bytes(1, "big", signed=True), lambda: int.from_bytes(b"\xff\xff", "middle")]:
    try:
        print(bad())
    except (OverflowError, ValueError) as e:
        print(f"{type(e).__name__}: {e}")
print(int.from_bytes(b"\x01\x00", "little"), int.from_bytes(bytearray(b"\xff"), "big", signed=True),
      (255).to_bytes(2, "little"), (0).to_bytes(0, "big"), int.from_bytes(b"", "big"), (1024).bit_length())
print(bytes(range(0, 256, 51)), bytes.fromhex("de ad BE EF"), b"abc" * 2 + bytes(2), list(b"hi"), b"x"[0])
with open(PATH, "wb") as f:
    pass
with open(PATH, "rb") as f:
    print(f.read(), f.read(1), f.readline(), f.readlines())
with open(PATH, "w+b") as f:
    f.write(b"line1\nline2\r\nline3")
    f.seek(0)
    print(f.readline(), f.readlines(), list(f))
    f.seek(0)
    print([l for l in f], f.tell())
try:
    with open(PATH, "rb") as f:
        f.write(b"x")
except OSError as e:
    print(type(e).__name__, e)
try:
    open(PATH, "rb", encoding="utf-8")
except ValueError as e:
    print(e)
try:
    with open(PATH, "wb") as f:
        f.write("text")
except TypeError as e:
    print(e)
try:
    view = memoryview(pack(*people[2]))
    print(view.nbytes, view[:4].tobytes(), int.from_bytes(view[4:8], "big", signed=True), bytes(view[8:]).rstrip(b"\0"))
except NameError as e:
    print("NameError:", e)
