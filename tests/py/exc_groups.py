# ExceptionGroup and BaseExceptionGroup (PEP 654, no except*): construction and its
# errors, attributes, str/repr, split/subgroup/derive, notes, and an uncaught nested
# group printed in the boxed traceback format.
import sys


def attempt(expr):
    try:
        r = eval(expr)
        print(expr, "->", type(r).__name__, repr(r))
    except Exception as e:
        print(expr, "!!", type(e).__name__, e)


print(ExceptionGroup.__mro__)
print(BaseExceptionGroup.__mro__, ExceptionGroup.__bases__)
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))

for expr in [
    "ExceptionGroup()",
    "ExceptionGroup('m')",
    "ExceptionGroup(1, [ValueError()])",
    "ExceptionGroup('m', 5)",
    "ExceptionGroup('m', {ValueError()})",
    "ExceptionGroup('m', [])",
    "ExceptionGroup('m', 'ab')",
    "ExceptionGroup('m', [ValueError(), 2])",
    "ExceptionGroup('m', [KeyboardInterrupt()])",
    "ExceptionGroup('m', [ValueError()], 3)",
    "ExceptionGroup('m', [ValueError()], x=3)",
    "BaseExceptionGroup('m', [ValueError()])",
    "BaseExceptionGroup('m', (KeyboardInterrupt(), ValueError()))",
    "ExceptionGroup('m', (ValueError(1), TypeError(2)))",
]:
    attempt(expr)

eg = ExceptionGroup("many", [ValueError(1), TypeError(2)])
print(str(eg), "|", str(ExceptionGroup("one", [ValueError()])))
print(eg.message, eg.exceptions, eg.args)
try:
    eg.message = "x"
except AttributeError:
    print("message is read-only")

# split and subgroup: by type, by tuple of types, by predicate; nested groups keep shape
tree = ExceptionGroup("root", [
    ValueError("v1"),
    TypeError("t1"),
    ExceptionGroup("inner", [ValueError("v2"), KeyError("k"), ExceptionGroup("deep", [TypeError("t2")])]),
])
tree.add_note("root note")
for matcher in [ValueError, (TypeError, KeyError), OSError, Exception,
                lambda e: isinstance(e, LookupError), lambda e: e is tree]:
    match, rest = tree.split(matcher)
    print("split:", repr(match), "|", repr(rest))
print("subgroup:", repr(tree.subgroup(TypeError)), repr(tree.subgroup(OSError)))
match, rest = tree.split(ValueError)
print(match.__notes__, rest.__notes__, match.__notes__ is tree.__notes__)
print(match.__traceback__ is tree.__traceback__, match.__suppress_context__)
for bad in [3, [ValueError], (ValueError, 3), "ValueError"]:
    try:
        tree.split(bad)
    except TypeError as e:
        print("split(%r): %s" % (bad, e))

mixed = BaseExceptionGroup("mixed", [KeyboardInterrupt(), ValueError("v")])
m, r = mixed.split(Exception)
print(type(m).__name__, type(r).__name__, repr(m), repr(r))
print(repr(eg.derive([KeyboardInterrupt()])), type(eg.derive([ValueError()])).__name__)


class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + "*", excs)


mg = MyGroup("mine", [ValueError(1), TypeError(2)])
print(repr(mg.split(ValueError)))
try:
    MyGroup("bad", [SystemExit()])
except TypeError as e:
    print("TypeError:", e)


class MyBase(BaseExceptionGroup):
    pass


print(type(MyBase("b", [ValueError()])).__name__)

# caught like any exception
try:
    raise ExceptionGroup("caught", [ValueError()])
except Exception as e:
    print("caught", type(e).__name__, e)


def fail(n):
    if n % 2:
        raise ValueError(f"odd {n}")
    raise TypeError(f"even {n}")


errors = []
for n in range(3):
    try:
        fail(n)
    except Exception as e:
        e.add_note(f"while processing item {n}")
        errors.append(e)
try:
    raise ExceptionGroup("first batch", errors[:2])
except ExceptionGroup as first:
    inner = first
try:
    try:
        {}["missing"]
    except KeyError as ke:
        raise RuntimeError("lookup failed") from ke
except RuntimeError as re:
    chained = re
sys.stdout.flush()
raise ExceptionGroup("all batches", [inner, chained, errors[2]])
