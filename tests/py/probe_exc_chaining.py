# exception chaining (__context__/__cause__), custom exception classes, args, raise errors
try:
    try:
        raise ValueError('first')
    except ValueError:
        raise TypeError('second')
except TypeError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    try:
        raise ValueError('first')
    except ValueError as v:
        raise TypeError('second') from v
except TypeError as e:
    print(repr(e.__cause__), e.__suppress_context__)
try:
    try:
        raise ValueError('first')
    except ValueError:
        raise TypeError('second') from None
except TypeError as e:
    print(e.__cause__, repr(e.__context__), e.__suppress_context__)
class MyErr(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
    def __str__(self): return 'E%d: %s' % self.args
class Plain(Exception): pass
e = MyErr(3, 'oops'); print(e, repr(e), e.args, e.code, str(Plain()), repr(Plain()), str(Plain(1)), str(Plain(1, 2)), repr(Plain('x', 2)))
print(str(KeyError('k')), str(KeyError('k', 2)), str(KeyError()), repr(ValueError()), str(OSError(2, 'No file')), Exception('a').args)
try:
    raise MyErr(7, 'seven')
except Exception as ex:
    print(type(ex).__name__, ex, isinstance(ex, MyErr))
try:
    raise Plain
except Plain as ex:
    print('class raised', repr(ex))
try:
    raise 5
except TypeError as ex:
    print('TE', ex)
try:
    raise ValueError from 5
except TypeError as ex:
    print('TE', ex)
def exc_var_cleared():
    try:
        raise ValueError
    except ValueError as err:
        pass
    try:
        return err
    except NameError as ne:
        return 'NE ' + str(ne)
print(exc_var_cleared())
e2 = ValueError('x'); e2.args = ('changed', 1); print(e2, e2.args)
print(BaseException.__name__, issubclass(KeyboardInterrupt, Exception), issubclass(StopIteration, Exception), LookupError.__subclasses__() is not None)
try:
    try:
        raise ValueError('a')
    finally:
        print('in finally, exc active:', sys_info() if False else 'yes')
except ValueError as e:
    print('after', e)
