import sys

print("a", "b", 3, sep="-", end="!\n")
print("x", None, 1.5, [1, "s"], sep=None, end=None)
print()
print("no", "flush", flush=True)
print("to stderr", file=sys.stderr)
print(*[1, 2, 3])
for bad in ("sep", "end"):
    try:
        print(1, **{bad: 5})
    except TypeError as e:
        print(type(e).__name__, e)
try:
    print(foo=1)
except TypeError as e:
    print(e)
print(sys.argv[1:], len(sys.argv))
print(sys.maxsize, sys.byteorder, sys.platform, sys.version_info[:2])
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(e)
print(repr(sys)[:20], type(sys).__name__)
try:
    sys.nosuch
except AttributeError as e:
    print(e)
print(sys.intern("abc") == "abc", sys.stdout.name, sys.stderr.mode)
print(repr(sys.stdout))
print(isinstance(IOError(), OSError), EnvironmentError is OSError)
print(sys.modules["sys"] is sys, sys.implementation.name == "weft" or sys.implementation.name == "cpython")
