# File positions and the buffered/raw binary API: append modes, relative seeks,
# unsupported-operation messages, readinto/read1/peek/.raw, FileIO, .newlines.
P = "io_positions_a.tmp"
Q = "io_positions_b.tmp"


def err(fn, *args):
    try:
        return fn(*args)
    except (OSError, ValueError, TypeError) as e:
        return f"{type(e).__name__}: {e}"


with open(P, "wb") as f:
    f.write(b"0123456789abcdef")

# 1. append modes start at the end
for mode in ("a", "ab", "a+", "ab+"):
    with open(P, mode) as f:
        start = f.tell()
        at_open = f.read() if "+" in mode else None
        f.write("xy" if "b" not in mode else b"xy")
        print(mode, start, repr(at_open), f.tell())
with open(P, "a+") as f:
    f.seek(2)
    print("a+ read after seek:", repr(f.read(3)), f.write("Z"), f.tell())
with open(P, "rb") as f:
    print(f.read())

# 2. seeks
with open(P, "rb") as f:
    print(f.seek(4), f.read(2), f.seek(-4, 1), f.read(2), f.seek(-3, 2), f.read())
    print(err(f.seek, -1), f.tell(), err(f.seek, 0, 5))
with open(P) as f:
    print(err(f.seek, -1), err(f.seek, 2, 1), err(f.seek, -2, 2), f.seek(0, 2))
with open(P, "r+b") as f:
    print(f.read(3), err(f.truncate, -1), f.truncate(20), f.tell(), f.seek(0, 2))

# 3. unsupported operations
with open(P, "rb") as f:
    print(err(f.write, b"x"), err(f.truncate))
with open(Q, "wb") as f:
    print(err(f.read), err(f.readline), err(f.read1))
with open(P) as f:
    print(err(f.write, "x"))
with open(Q, "w") as f:
    print(err(f.read), err(f.readline))
with open(P, "rb", buffering=0) as f:
    print(err(f.write, b"x"))

# 4. buffered binary API
with open(P, "rb") as f:
    buf = bytearray(5)
    print(f.readinto(buf), buf, f.peek(2)[:2], f.read1(3), f.read1(), f.read1(), f.peek())
    print(repr(f.raw).replace(P, "P"), type(f.raw).__name__, f.raw.name == P)
    print(err(f.readinto, b"xx"))

# 5. FileIO
with open(P, "rb", buffering=0) as f:
    print(repr(f).replace(P, "P"), f.mode, f.read(3), f.tell(), f.seek(-2, 1))
    buf = bytearray(4)
    print(f.readinto(buf), buf, len(f.readall()), f.read(), f.readable(), f.writable())
with open(Q, "ab+", buffering=0) as f:
    print(type(f).__name__, f.mode, f.write(b"hi"), f.tell())
print(repr(f).replace(Q, "Q"))
print(err(open, P, "r", 0))

# 6. newlines
with open(Q, "wb") as f:
    f.write(b"a\nb\r\nc\rd")
for nl in (None, "", "\n"):
    with open(Q, newline=nl) as f:
        print(repr(nl), f.newlines, repr(f.readline()), f.newlines, repr(f.read()), f.newlines)
with open(Q, "w") as f:
    f.write("x\n")
with open(Q) as f:
    print(f.newlines, f.read(), f.newlines)
with open(Q) as f:
    print(err(f.readline, None), repr(f.readline(1)), f.readlines(1))
