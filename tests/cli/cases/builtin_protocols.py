class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration
        return self.n
print(next(It()), list(It()), sum(It()), max(It()), sorted(It(), reverse=True))
class R:
    def __round__(self, n=None): return ("r", n)
    def __divmod__(self, o): return ("dm", o)
    def __rdivmod__(self, o): return ("rdm", o)
    def __len__(self): return 7
    def __index__(self): return 10
    def __abs__(self): return "abs"
    def __format__(self, spec): return "F" + spec
print(round(R()), round(R(), 2), divmod(R(), 1), divmod(1, R()), len(R()), hex(R()), abs(R()), format(R(), "x"))
try:
    sorted([], reverse="x")
except TypeError as e:
    print(e)
print(sorted([3,1,2], reverse=1), min("b", "a"), max(1, 2.5), min([(1, 'b'), (1, 'a')]))
print(isinstance(1, (str, (int,))), issubclass(bool, (str, int)))
print(print("inner", end="|"))
import sys
print("a", "b", file=sys.stdout, sep="")
print(repr(chr(0xd800)), ord(chr(0x10ffff)))
print(bin(-5), oct(-8), hex(2**70))
print(callable(print), callable(R), callable(R()))
print(type(print).__name__, print.__name__ if hasattr(print, "__name__") else "?")
print(any(x > 2 for x in [1, 2, 3]), all(x > 0 for x in []))
print(format(3.14159, ".2f"), format("s", ">4"), format(12345, ","))
print(vars(type(sys)("m")))
