class AppError(Exception):
    pass
class DbError(AppError):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
        self.msg = msg
    def __str__(self):
        return f'[{self.code}] {self.msg}'
class NotFound(DbError):
    pass
try:
    raise NotFound(404, 'no row')
except AppError as e:
    print(type(e).__name__, e, repr(e), e.args, e.code)
print([c.__name__ for c in NotFound.__mro__])
class WithRepr(Exception):
    def __repr__(self):
        return 'WithRepr!'
print(repr(WithRepr('a')), str(WithRepr('a')))
for exc in (AppError('x'), DbError(1, 'y'), NotFound(2, 'z'), ValueError('w')):
    try:
        raise exc
    except NotFound:
        print('NotFound handler', exc)
    except DbError:
        print('DbError handler', exc)
    except AppError:
        print('AppError handler', exc)
    except Exception:
        print('generic handler', exc)
class NoArgs(Exception):
    def __init__(self):
        super().__init__('fixed message')
print(NoArgs())
class KeyErr(KeyError):
    pass
print(str(KeyErr('k')), issubclass(KeyErr, LookupError))
try:
    raise KeyErr('sub')
except LookupError as e:
    print('caught as LookupError', repr(e))
class NotAnException:
    pass
try:
    raise NotAnException()
except TypeError as e:
    print('TypeError:', e)
try:
    try:
        pass
    except NotAnException:
        pass
    print('unused bad handler is fine')
    try:
        raise ValueError
    except NotAnException:
        pass
except TypeError as e:
    print('TypeError:', e)
