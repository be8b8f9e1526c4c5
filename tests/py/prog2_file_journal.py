# A small journal/notes store using text files: modes r/w/a/x/r+, encodings, newlines, seek/tell.
import sys

BASE = "prog2_file_journal"
MAIN = BASE + "_notes.tmp"
LATIN = BASE + "_latin.tmp"
CRLF = BASE + "_crlf.tmp"


class Journal:
    def __init__(self, path):
        self.path = path

    def create(self, title):
        with open(self.path, "x", encoding="utf-8") as f:
            n = f.write(f"# {title}\n")
        return n

    def add(self, *entries):
        counts = []
        with open(self.path, "a", encoding="utf-8") as f:
            for i, e in enumerate(entries, 1):
                counts.append(f.write(f"{i:03d}: {e}\n"))
            print("appended", len(entries), "entries", file=f) if False else None
        return counts

    def entries(self):
        with open(self.path, encoding="utf-8") as f:
            header = f.readline()
            for line in f:
                num, _, text = line.rstrip("\n").partition(": ")
                yield int(num), text
        print("  (closed:", f.closed, "header:", header.strip() + ")")

    def replace_first(self, old, new):
        with open(self.path, "r+", encoding="utf-8") as f:
            data = f.read()
            pos = data.find(old)
            if pos < 0:
                return False
            if len(new) != len(old):
                raise ValueError("in-place replacement must keep length")
            f.seek(0)
            f.write(data[:pos] + new)
            return f.tell()


j = Journal(MAIN)
print("header bytes:", j.create("Weft journal ✓"))
try:
    j.create("again")
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
print(j.add("first entry", "naïve café", "emoji 😀 here"))
for num, text in j.entries():
    print(f"  {num:>3} {text!r} {len(text)}")
print("replace ->", j.replace_first("first", "FIRST"), j.replace_first("zzz", "yyy"))
try:
    j.replace_first("FIRST", "1st")
except ValueError as e:
    print("ValueError:", e)

with open(MAIN, "rb") as f:
    raw = f.read()
print(len(raw), raw[:20], raw.count(b"\n"), raw.decode("utf-8").count("\n"))

with open(MAIN, encoding="utf-8") as f:
    first = f.readline()
    pos = f.tell()
    rest = f.readlines()
    f.seek(pos)
    again = f.readline()
    print(repr(first), pos, len(rest), again == rest[0], f.read(3), repr(f.readline(4)), f.readline() == rest[1][7:])
    print(f.read() == "".join(rest[2:]), repr(f.read()), repr(f.readline()), f.name, f.mode)

with open(LATIN, "w", encoding="latin-1") as f:
    try:
        f.write("Grüße, señor — no")
    except UnicodeEncodeError as e:
        print("UnicodeEncodeError:", e.reason, e.start, e.end, repr(e.object[e.start:e.end]))
    print(f.encoding, f.tell())
with open(LATIN, "w", encoding="latin-1") as f:
    print(f.write("Grüße, señor"), f.tell())
with open(LATIN, "rb") as f:
    b = f.read()
print(b, len(b), b.decode("latin-1"))
try:
    open(LATIN, encoding="utf-8").read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e.reason, e.start, e.end, e.encoding)

with open(CRLF, "w", newline="\r\n") as f:
    f.write("line1\nline2\n")
with open(CRLF, "rb") as f:
    print(f.read())
with open(CRLF, newline="") as f:
    print(f.readlines())
with open(CRLF) as f:
    print(f.readlines(), repr(getattr(f, "newlines", "<no newlines attribute>")))
with open(CRLF, "w", newline="") as f:
    f.write("a\rb\r\nc\nd")
with open(CRLF) as f:
    print(list(f))
with open(CRLF, newline="\r") as f:
    print(list(f))

for path, mode in [(BASE + "_missing.tmp", "r"), (BASE + "_missing.tmp", "r+"), (MAIN, "q"), (MAIN, "rw")]:
    try:
        open(path, mode)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, repr(e.filename), str(e))
    except ValueError as e:
        print("ValueError:", e)
f = open(MAIN)
f.close()
for op in (f.read, f.readline, lambda: f.write("x"), lambda: next(f)):
    try:
        op()
    except ValueError as e:
        print("ValueError:", e)
with open(MAIN, "w") as f:
    try:
        f.read()
    except OSError as e:
        print(type(e).__name__, e)
for path in (MAIN, LATIN, CRLF):
    with open(path, "w") as f:
        pass
    with open(path) as f:
        print(repr(f.read()), end=" ")
print()
