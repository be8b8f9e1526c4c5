# Append-only log files with rotation: modes a/a+/ab/r+/w+, tell/seek/truncate, writelines, file reprs.
import sys

BASE = "prog2_log_rotation"


class RotatingLog:
    def __init__(self, stem, max_bytes, keep=3):
        self.stem, self.max_bytes, self.keep = stem, max_bytes, keep
        self.rotations = 0

    def path(self, n=0):
        return f"{self.stem}.{n}.tmp" if n else f"{self.stem}.tmp"

    def size(self, n=0):
        try:
            with open(self.path(n), "rb") as f:
                return len(f.read())
        except FileNotFoundError:
            return -1

    def rotate(self):
        for n in range(self.keep - 1, 0, -1):
            try:
                with open(self.path(n), "rb") as src, open(self.path(n + 1), "wb") as dst:
                    dst.write(src.read())
            except FileNotFoundError:
                pass
        with open(self.path(), "rb") as src, open(self.path(1), "wb") as dst:
            dst.write(src.read())
        open(self.path(), "w").close()
        self.rotations += 1

    def write(self, level, msg):
        line = f"{level:<5} {msg}\n"
        with open(self.path(), "a", encoding="utf-8") as f:
            start = f.tell()
            n = f.write(line)
            end = f.tell()
        if end >= self.max_bytes:
            self.rotate()
        return start, n, end


log = RotatingLog(BASE, max_bytes=60)
for i, (lvl, msg) in enumerate([("INFO", "service started"), ("WARN", "disk at 81%"), ("INFO", "user ännä logged in"),
                                ("ERROR", "db timeout"), ("INFO", "retry ok"), ("DEBUG", "cache size 1024"),
                                ("INFO", "shutdown ☾")]):
    print(i, log.write(lvl, msg), [log.size(n) for n in range(4)])
print("rotations:", log.rotations)
for n in range(3, -1, -1):
    try:
        with open(log.path(n), encoding="utf-8") as f:
            print(f"--- {log.path(n)}: {f.read()!r}")
    except FileNotFoundError as e:
        print(f"--- missing: {e.filename}")

P = BASE + "_scratch.tmp"
with open(P, "w+", encoding="utf-8") as f:
    f.writelines(f"row {i}\n" for i in range(5))
    print("w+ tell after writelines:", f.tell())
    f.seek(0)
    print("w+ reread:", f.readline().strip(), f.readlines()[-1].strip())
    f.seek(0)
    f.truncate(12)
    f.seek(0, 2)
    print("truncated size:", f.tell())

with open(P, "a+", encoding="utf-8") as f:
    print("a+ tell at open:", f.tell())
    print("a+ read at open:", repr(f.read()))
    f.seek(0)
    print("a+ after seek(0):", repr(f.read(6)))
    f.write("tail\n")
    print("a+ tell after write:", f.tell())
    f.seek(0)
    print("a+ content:", repr(f.read()))

with open(P, "ab") as f:
    print("ab tell at open:", f.tell(), "write:", f.write(b"\x00\x01"), "tell:", f.tell())

with open(P, "r+b") as f:
    f.seek(4)
    f.write(b"#")
    print("r+b tell:", f.tell(), f.read(3), f.tell())

with open(P, "r+", encoding="utf-8") as f:
    head = f.read(3)
    f.write("!!")
    print("r+ text write after read:", repr(head), f.tell())
with open(P, "rb") as f:
    print("final bytes:", f.read())

with open(P, "rb", buffering=0) as f:
    print(repr(f).replace(P, "P"), f.read(2))
with open(P, "rb") as f:
    print(repr(f).replace(P, "P"), type(f).__name__)
with open(P, "w", encoding="latin-1") as f:
    print(repr(f).replace(P, "P"))
open(P, "w").close()
for n in range(4):
    open(log.path(n), "w").close()
