print(len("abc"), len([1, 2]), repr("x"), ascii("é"), format(255, "x"), format(3))
print(abs(-3), abs(2.5), divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), pow(2, 10), pow(2, 10, 1000))
print(hex(255), oct(8), bin(5), hex(-255), chr(65), chr(0x20ac), ord("A"), ord("€"))
print(min(3, 1, 2), max([1, 5, 2]), min([], default=7), max("abc", key=ord), min([3, 1], key=lambda v: -v))
print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.5, 0.25]), sum([[1], [2]], []))
print(sorted([3, 1, 2]), sorted("bca", reverse=True), sorted([1, -2, 3], key=abs))
print(any([0, 1]), any([]), all([1, 1]), all([1, 0]))
it = iter([1, 2])
print(next(it), next(it), next(it, "end"))
print(list(iter([4, 5])))
print(round(2.5), round(3.14159, 2), round(7), round(1234, -2))
print(isinstance(1, int), isinstance(True, (str, int)), issubclass(bool, int), callable(len), callable(1))
class A:
    pass
a = A()
setattr(a, "x", 1)
print(getattr(a, "x"), getattr(a, "y", "dflt"), hasattr(a, "x"), hasattr(a, "y"))
delattr(a, "x")
print(hasattr(a, "x"), vars(a))
print(hash(1) == hash(1.0), type(id(a)).__name__, type(3) is int)
print(eval("1 + 2"), eval("x * 2", {"x": 21}))
g = {}
exec("y = 6 * 7", g)
print(g["y"])
print(__import__("sys").platform)
def f():
    z = 1
    return sorted(locals())
print(f(), "print" in dir(__builtins__) if isinstance(__builtins__, type(__import__("sys"))) else "print" in __builtins__)
tests = [
    "len()", "len(1, 2)", "sorted()", "max()", "max([])", "sum(['a'], 'x')", "chr(-1)", "chr('a')",
    "ord(1)", "ord('ab')", "getattr(1)", "getattr(1, 2)", "next(1)", "iter(1, 2)", "round('a')",
    "divmod('a', 1)", "divmod(1)", "pow(1)", "isinstance(1, 2)", "vars(1)", "abs('a')", "hash([])",
    "format(1, 2)", "compile('1', 'f', 'q')", "max(1, 2, default=3)", "input(1, 2)", "__import__('nosuch')",
    "min([], default=3, key=None, foo=2)", "sum()", "exec(1)",
]
for t in tests:
    try:
        eval(t)
        print(t, "ok")
    except Exception as e:
        print(t, "->", type(e).__name__, e)
