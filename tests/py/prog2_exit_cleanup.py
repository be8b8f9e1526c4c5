# Resource cleanup on sys.exit: context managers, finally blocks, SystemExit inspection; exits with 3.
import sys

events = []


class Resource:
    opened = 0

    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress

    def __enter__(self):
        Resource.opened += 1
        events.append(f"open {self.name}")
        return self

    def __exit__(self, etype, exc, tb):
        Resource.opened -= 1
        kind = etype.__name__ if etype else None
        events.append(f"close {self.name} ({kind}{': ' + str(exc) if exc is not None and str(exc) else ''})")
        return self.suppress and etype is not None and not issubclass(etype, SystemExit)


def attempt(code):
    try:
        with Resource("outer"), Resource("inner", suppress=True) as r:
            events.append(f"using {r.name}")
            if code == "value":
                raise ValueError("swallowed by inner")
            sys.exit(code)
    except SystemExit as e:
        return ("SystemExit", e.code, e.args, type(e.code).__name__)
    finally:
        events.append(f"finally for {code!r}")
    return ("fell through", Resource.opened)


for code in (0, 7, None, "msg", ("a", 1), "value", [1], True):
    print(f"{code!r:>10} -> {attempt(code)}")
print("\n".join(events))
events.clear()

print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException), SystemExit.__bases__)
e = SystemExit(1, 2)
print(e.code, e.args, SystemExit().code, SystemExit(None).code, repr(SystemExit("x")))
try:
    try:
        raise SystemExit(5)
    except Exception:
        print("not caught by Exception")
except BaseException as b:
    print("caught by BaseException:", type(b).__name__, b.code)


def worker(depth):
    with Resource(f"level{depth}"):
        try:
            if depth == 3:
                print("exiting from depth", depth, flush=True)
                sys.exit(3)
            worker(depth + 1)
        finally:
            events.append(f"unwind {depth}")
            print(f"unwinding {depth}", file=sys.stderr)


def report():
    print("events so far:", events)


try:
    worker(1)
except KeyboardInterrupt:
    print("never")
finally:
    report()
    print("opened resources:", Resource.opened)
print("unreachable")
