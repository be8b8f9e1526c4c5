# Console output: print sep/end/file/flush, sys.stdout.write/sys.stderr.write, interleaving, custom writers.
import sys


class Tee:
    def __init__(self, *streams):
        self.streams = streams
        self.chunks = []

    def write(self, s):
        self.chunks.append(s)
        for st in self.streams:
            st.write(s)
        return len(s)

    def flush(self):
        self.chunks.append("<flush>")


class Upper:
    def __init__(self, target):
        self.target = target

    def write(self, s):
        return self.target.write(s.upper())


def banner(title, width=40, fill="=", stream=None):
    stream = stream or sys.stdout
    print(f" {title} ".center(width, fill), file=stream)


banner("print basics")
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=", ", end=".\n")
print(1, 2.5, None, True, [1, "x"], (), {}, sep=" | ")
print("no newline", end="")
print(" -- continued", end="!\n")
print()
print(sep="XX", end="[empty]\n")
print(*range(5), sep="-")
print(*"hello", sep=None, end=None)
print("multi\nline", "string", sep="\n---\n")

banner("streams")
sys.stdout.flush()
print("to stderr 1", file=sys.stderr)
sys.stderr.write("to stderr 2\n")
n = sys.stdout.write("written via sys.stdout.write\n")
print("write returned", n, sys.stdout.write(""), sys.stderr.write("é\n"))
print("flushed", flush=True)
print("stderr with sep", 1, 2, sep="/", file=sys.stderr, flush=True)
print(file=sys.stderr)

banner("custom file objects")
t = Tee(sys.stdout)
print("tee line", 42, file=t)
print("tee", "flush", sep="+", end="~\n", file=t, flush=True)
print(t.chunks)
u = Upper(sys.stdout)
print("shouting", "quietly", file=u)
print("value:", [1, "two"], file=Upper(sys.stderr))
print(None, file=None)
for bad in (dict(sep=1), dict(end=2), dict(file=42), dict(flush="yes"), dict(bogus=1)):
    try:
        print("x", **bad)
    except TypeError as e:
        print(f"TypeError for {list(bad)[0]}: {e}")
    except AttributeError as e:
        print(f"AttributeError for {list(bad)[0]}: {e}")


class Stringy:
    def __str__(self):
        return "S!"

    def __repr__(self):
        return "R!"


class BadStr:
    def __str__(self):
        return 42


banner("conversion")
print(Stringy(), [Stringy()], {"k": Stringy()}, (Stringy(),), f"{Stringy()}", f"{Stringy()!r}", str(Stringy()), "%s %r" % (Stringy(), Stringy()))
try:
    print("before", BadStr(), "after")
except TypeError as e:
    print("TypeError:", e)
print(1e16, 1e-5, 0.1 + 0.2, -0.0, 2 ** 64, 10 ** -3, 1.0, 3.0e300 * 10, complex(1, -0.5), 1j * 1j, b"\x00\n'\"", bytearray(b"ab"))
try:
    esc = "unicode: \u00e9 \u4e2d \U0001f600 tab[\t] nul[\x00]".encode("unicode_escape")
except LookupError as e:
    esc = f"LookupError: {e}"
print(esc, ascii("é😀"), repr("'\""), repr('\'"'), repr("\\n"))
print("".join(["x"] * 3), "\x41\102\N{BULLET}", len("\N{GREEK SMALL LETTER ALPHA}"), "end", end="\n\n")
sys.stderr.write("last stderr line\n")
sys.stdout.write("last stdout line (no newline)")
