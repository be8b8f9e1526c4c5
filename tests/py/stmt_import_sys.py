import sys
from sys import argv
from sys import maxsize as ms, version_info
import sys as system
print(system is sys, argv is sys.argv, ms == sys.maxsize)
print(ms, type(version_info).__name__ if False else version_info[0])
print(sys.version_info.major, sys.version_info >= (3, 0), version_info[:1])
print(argv[0], len(argv))
print(type(sys.path).__name__, type(sys.modules).__name__, 'sys' in sys.modules)
print(sys.byteorder in ('little', 'big'), type(sys.platform).__name__)
print(sys.getrecursionlimit() > 100)
print(callable(sys.exit), sys.stdout is not None, sys.stderr is not None)
def f():
    import sys as s2
    from sys import maxsize
    return s2 is sys, maxsize
print(f())
try:
    import no_such_module_weft
except ImportError as e:
    print(type(e).__name__, e.name, e)
try:
    from sys import no_such_name
except ImportError as e:
    print(type(e).__name__, e)
