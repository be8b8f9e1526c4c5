class Logged:
    def __init__(self):
        object.__setattr__(self, 'log', [])
    def __setattr__(self, name, value):
        self.log.append(('set', name))
        object.__setattr__(self, name, value)
    def __getattr__(self, name):
        self.log.append(('miss', name))
        if name.startswith('auto_'):
            return name[5:]
        raise AttributeError(f'{type(self).__name__!r} has no {name!r}')
    def __delattr__(self, name):
        self.log.append(('del', name))
        object.__delattr__(self, name)
l = Logged()
l.x = 1
print(l.x, l.auto_hello)
del l.x
try:
    l.x
except AttributeError as e:
    print('AttributeError:', e)
print(l.log)
class GA:
    def __getattribute__(self, name):
        if name == 'secret':
            return 'intercepted'
        return object.__getattribute__(self, name)
g = GA()
g.normal = 5
print(g.secret, g.normal)
class Frozen:
    def __init__(self, v):
        object.__setattr__(self, 'v', v)
    def __setattr__(self, n, v):
        raise AttributeError('frozen')
f = Frozen(3)
try:
    f.v = 4
except AttributeError as e:
    print('AttributeError:', e, f.v)
class Desc:
    def __get__(self, obj, owner):
        return ('get', obj is None, owner.__name__)
    def __set__(self, obj, v):
        obj.__dict__['stored'] = v
class Host:
    d = Desc()
h = Host()
print(Host.d, h.d)
h.d = 'val'
print(h.stored, h.d)
