import sys

with open("t.txt", "w") as f:
    print(repr(f)[:45], f.mode, f.name, f.closed)
    print(f.write("line one\n"), f.write("é two\r\nthree\rfour"))
print(f.closed)
f = open("t.txt")
print(f.readline(), end="")
print(repr(f.readline()), repr(f.readline()), repr(f.readline()), repr(f.readline()))
f.close()
with open("t.txt") as f:
    print(f.read(3), f.read(2), repr(f.read()))
with open("t.txt", newline="") as f:
    print(repr(f.read()))
with open("t.txt") as f:
    print([line for line in f])
with open("t.txt") as f:
    print(f.readlines())
with open("t.txt", "a") as f:
    f.writelines(["\nappended", " more"])
with open("t.txt") as f:
    print(f.read().split("\n")[-1])
with open("t.txt", "r+") as f:
    print(f.read(4), f.tell())
    f.seek(0)
    f.write("LINE")
    f.seek(0)
    print(f.readline(), end="")
with open("b.bin", "wb") as f:
    print(repr(f), f.write(b"\x00\x01abc\n"), f.write(bytearray(b"z")))
with open("b.bin", "rb") as f:
    print(repr(f), f.read(2), f.readline(), f.read())
try:
    open("no/such/file")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e)
try:
    open(".", "w")
except IsADirectoryError as e:
    print(type(e).__name__, e)
try:
    open("x", "rw")
except ValueError as e:
    print(e)
try:
    open("t.txt", "q")
except ValueError as e:
    print(e)
f = open("t.txt", "w")
try:
    f.read()
except OSError as e:
    print(type(e).__name__, isinstance(e, ValueError), e)
f.close()
try:
    f.write("x")
except ValueError as e:
    print(e)
try:
    open("t.txt", "w").write(b"x")
except TypeError as e:
    print(e)
try:
    open("b.bin", "wb").write("x")
except TypeError as e:
    print(e)
try:
    open("t.txt", "rb", encoding="utf-8")
except ValueError as e:
    print(e)
try:
    open("t.txt", buffering=0)
except ValueError as e:
    print(e)
with open("bad.txt", "wb") as f:
    f.write(b"ok\xff")
try:
    open("bad.txt").read()
except UnicodeDecodeError as e:
    print(type(e).__name__)
print(sys.stdin.readable(), sys.stdout.writable(), sys.stdout.fileno(), sys.stderr.line_buffering)
