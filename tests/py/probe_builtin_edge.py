# builtins at the edges: union types, argument-count messages, module attributes, huge indices
import sys
def run(src):
    try:
        print(src, '->', repr(eval(src)))
    except BaseException as e:
        print(src, '=>', type(e).__name__, e)
for s in ["isinstance(1, int | str)", "isinstance(1.5, (int | str, float))", "issubclass(bool, int | None)", "repr(int | None)", "(int | str) == (str | int)",
          "format()", "format(1, 2)", "().index()", "[].index()", "(1,).count()", "len.__module__", "len.__name__", "print.__qualname__",
          "'__main__' in sys.modules", "sys.modules[__name__].__name__", "'%010.2f' % float('inf')", "'%-010.2f|' % float('-inf')", "'%010d' % 5", "'%010s' % 'x'",
          "[0] * 2**70", "'a' * 2**70", "[1][2**70]", "[1].insert(2**70, 0)", "[1].pop(2**70)", "'a'.center(2**70)", "'a'.zfill(-2**70)", "range(5)[2**70]",
          "(1,)[-2**70]", "'abc'[2**70:]", "[1, 2, 3][-2**70:2**70]", "'%*d' % (2**70, 1)", "round(1.5, 2**70)", "round(1.5, -2**70)", "2**70 >> 2**70", "(-1) >> 2**100"]:
    run(s)
x: int = 5
y: 'str'
print(__annotations__)
def f(a: int, b: 'B' = 2, *args: str, c: float = 1.0, **kw: dict) -> list: return a
print(f.__annotations__, (lambda q: q).__annotations__)
class C:
    n: int
    m: str = 'hi'
    def g(self) -> None: pass
print(C.__annotations__, C.m, hasattr(C, 'n'), C.g.__annotations__)
try:
    print(y)
except NameError as e:
    print('NE', e)
def g():
    z: int
    w: int = 3
    return w, 'z' in locals()
lst = [0]
lst[0]: int = 9
print(g(), lst)
class D:
    a: int = 1
    b: list[int] = []
print(D.__annotations__)
