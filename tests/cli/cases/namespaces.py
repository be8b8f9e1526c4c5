import sys
x = 1
def f(a, b=2):
    c = a + b
    def g():
        return c
    print(sorted(locals().keys()), dir())
    return g
f(1)
print("x" in globals(), globals()["x"], vars()["x"])
print(dir(int)[:3], "__add__" in dir(int), "bit_length" in dir(1))
class A:
    y = 2
    def m(self): pass
a = A(); a.z = 3
print([n for n in dir(a) if not n.startswith("__")])
print(sorted(vars(A).keys() - {"__dict__", "__weakref__", "__module__", "__doc__", "__qualname__"}))
ns = {}
exec("def h(): return 5\nr = h()", ns)
print(ns["r"], sorted(k for k in ns if k != "__builtins__"))
loc = {}
exec("q = x + 1", None, loc)
print(loc)
def k():
    exec("w = 3")
    return eval("x + 10")
print(k())
print(eval("a.z", {"a": a}), eval(" 1+1"))
c = compile("1 + 2", "<s>", "eval")
print(eval(c), type(c).__name__)
print(type(sys), sys.__name__, sys.version_info >= (3, 11), isinstance(sys.maxsize, int))
m = type(sys)("mymod", "doc")
print(m, m.__doc__, m.__name__)
m.v = 7
print(m.v, m.__dict__["v"])
try:
    m.nope
except AttributeError as e:
    print(e)
print(__name__, repr(__builtins__)[:30] if not isinstance(__builtins__, dict) else "dict")
print(iter(lambda: 1, 1).__class__.__name__, list(iter([1,2,3].pop, 1)))
print(list(zip([1,2],[3,4])), list(map(str, [1,2])), list(filter(None, [0,1,2])), list(enumerate("ab")), list(reversed([1,2])))
print(sys.stdout.encoding, sys.stdin.name, sys.stderr.errors)
print(bytes(2), bytearray(b"x"), set([1]), frozenset(), range(3), slice(1, 2), super, property)
print(exit.__class__.__name__ in ("builtin_function_or_method", "Quitter"))
import builtins
print(builtins.len is len, builtins.__name__)
