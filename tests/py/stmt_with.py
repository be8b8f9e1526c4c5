class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print('exit', self.name, et.__name__ if et else None, ev, tb is not None)
        return self.swallow
with CM('a') as x:
    print('body', x)
with CM('a') as x, CM('b') as y:
    print('body', x, y)
with CM('outer'), CM('inner'):
    print('two without as')
with CM('s', swallow=True):
    raise ValueError('swallowed')
print('after swallow')
try:
    with CM('p'):
        raise KeyError('propagates')
except KeyError as e:
    print('caught', repr(e))
def f():
    with CM('ret'):
        return 'returned'
print(f())
for i in range(2):
    with CM('loop%d' % i):
        if i == 0:
            continue
        break
with (CM('paren1') as a,
      CM('paren2') as b):
    print(a, b)
class Bad:
    pass
try:
    with Bad():
        pass
except TypeError as e:
    print('TypeError:', e)
class T:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return None
with T() as (t):
    print(type(t).__name__)
lst = [0, 0]
with CM('target') as lst[1]:
    pass
print(lst)
