import sys
try:
    sys.exit(0)
except SystemExit as e:
    print('caught SystemExit', repr(e.code), e.args)
try:
    sys.exit('msg')
except SystemExit as e:
    print('caught', repr(e.code))
try:
    sys.exit(1, ) if False else sys.exit((1, 2))
except SystemExit as e:
    print('caught', e.code)
try:
    raise SystemExit(7)
except BaseException as e:
    print(type(e).__name__, e.code, isinstance(e, Exception))
def f():
    try:
        sys.exit(4)
    finally:
        print('finally runs on exit')
try:
    f()
except SystemExit as e:
    print('code', e.code)
print('now exit 0 for real')
sys.exit(0)
