# A defensive file-access layer: every operation goes through a wrapper that reports success or the
# exact exception, covering misuse of text/binary files, bad seeks, closed files and buffered APIs.
import sys

P = "prog2_safe_io_data.tmp"


class Outcome:
    def __init__(self, label, value=None, error=None):
        self.label, self.value, self.error = label, value, error

    def __str__(self):
        if self.error is not None:
            return f"{self.label:<28} !! {type(self.error).__name__}: {self.error}"
        return f"{self.label:<28} -> {self.value!r}"


def attempt(label, fn, *args):
    try:
        return Outcome(label, fn(*args))
    except (OSError, ValueError, TypeError, AttributeError) as e:
        return Outcome(label, error=e)


def report(title, *outcomes):
    print(f"== {title}")
    for o in outcomes:
        print("  ", o)


with open(P, "w", encoding="utf-8") as t:
    report("text writer",
           attempt("write str", t.write, "alpha\nbeta\ngamma\n"),
           attempt("write int", t.write, 42),
           attempt("write bytes", t.write, b"raw"),
           attempt("writelines ints", t.writelines, [1, 2]),
           attempt("read on writer", t.read),
           attempt("seek cur nonzero", t.seek, 2, 1),
           attempt("seek negative", t.seek, -1),
           attempt("seek bad whence", t.seek, 0, 7),
           attempt("truncate negative", t.truncate, -1),
           attempt("tell", t.tell))

with open(P, "rb") as b:
    report("binary reader",
           attempt("read(4)", b.read, 4),
           attempt("read('1')", b.read, "1"),
           attempt("peek(3)[:3]", lambda: b.peek(3)[:3]),
           attempt("read1(5)", lambda: b.read1(5)),
           attempt("seek(-1)", b.seek, -1),
           attempt("seek(-2, 1)", b.seek, -2, 1),
           attempt("seek(-3, 2)", b.seek, -3, 2),
           attempt("readline()", b.readline),
           attempt("raw.name", lambda: b.raw.name),
           attempt("write on reader", b.write, b"x"),
           attempt("readinto", lambda: (b.seek(0), b.readinto(buf := bytearray(5)), bytes(buf))[1:]))

with open(P, encoding="utf-8") as t:
    report("text reader",
           attempt("readline(None)", t.readline, None),
           attempt("readline(3)", t.readline, 3),
           attempt("readlines(-1)", t.readlines, -1),
           attempt("seek(0) + read(None)", lambda: (t.seek(0), t.read(None))[1]),
           attempt("buffer.read()", lambda: t.buffer.read()),
           attempt("detach class", lambda: type(t.buffer).__name__),
           attempt("newlines", lambda: t.newlines))

dead = open(P, "rb")
dead.close()
report("closed file",
       attempt("read", dead.read),
       attempt("seek", dead.seek, 0),
       attempt("tell", dead.tell),
       attempt("iterate", lambda: list(dead)),
       attempt("closed flag", lambda: dead.closed),
       attempt("name still set", lambda: dead.name))

report("open() arguments",
       attempt("mode 'rt+b'", open, P, "rt+b"),
       attempt("buffering=0 text", open, P, "r", 0),
       attempt("newline='x'", lambda: open(P, newline="x")),
       attempt("encoding on binary", lambda: open(P, "rb", encoding="utf-8")),
       attempt("errors on binary", lambda: open(P, "wb", errors="strict")),
       attempt("float path", open, 1.5),
       attempt("missing file", open, P + ".missing"),
       attempt("directory", open, "."))
open(P, "w").close()
