class EnterFails:
    def __enter__(self):
        raise RuntimeError('enter failed')
    def __exit__(self, *a):
        print('exit not called')
try:
    with EnterFails():
        print('body not run')
except RuntimeError as e:
    print('RuntimeError:', e)
class Tracker:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print('enter', self.name)
        return self
    def __exit__(self, et, ev, tb):
        print('exit', self.name, et.__name__ if et else None)
        return False
try:
    with Tracker('a'), EnterFails(), Tracker('c'):
        pass
except RuntimeError as e:
    print('caught', e)
class ExitFails:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise KeyError('from exit')
try:
    with ExitFails():
        raise ValueError('from body')
except KeyError as e:
    print('KeyError:', e, 'context:', repr(e.__context__))
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            print('suppressed', et.__name__, ev)
            return True
        return False
with Suppress(KeyError, IndexError):
    {}['k']
with Suppress(KeyError):
    [][0] if False else print('no exception')
try:
    with Suppress(KeyError):
        1 / 0
except ZeroDivisionError as e:
    print('not suppressed:', e)
def gen():
    with Tracker('in generator'):
        yield 1
        yield 2
g = gen()
print(next(g))
g.close()
print('done')
