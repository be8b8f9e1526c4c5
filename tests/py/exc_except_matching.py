def which(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return 'lookup-specific ' + type(e).__name__
    except LookupError as e:
        return 'lookup ' + type(e).__name__
    except ArithmeticError as e:
        return 'arith ' + type(e).__name__
    except Exception as e:
        return 'exception ' + type(e).__name__
    except BaseException as e:
        return 'base ' + type(e).__name__
for exc in [KeyError, IndexError('i'), LookupError(), ZeroDivisionError, OverflowError, ValueError,
            UnicodeDecodeError('utf-8', b'', 0, 1, 'x'), SystemExit, KeyboardInterrupt, GeneratorExit, StopIteration]:
    print(which(exc))
handlers = (ValueError, TypeError)
try:
    int('x')
except handlers as e:
    print('tuple var handler', type(e).__name__)
try:
    try:
        raise ValueError('inner')
    except TypeError:
        print('wrong')
except ValueError as e:
    print('propagated to outer:', e)
def dynamic(cls):
    try:
        raise KeyError('k')
    except cls:
        return 'matched ' + str(cls)
print(dynamic(LookupError) if False else dynamic(LookupError)[:7], dynamic(Exception)[:7])
try:
    try:
        raise KeyError('x')
    except ():
        print('empty tuple never matches')
except KeyError:
    print('empty tuple handler skipped')
