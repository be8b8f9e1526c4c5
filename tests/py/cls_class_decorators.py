registry = {}
def register(name):
    def deco(cls):
        registry[name] = cls
        cls.reg_name = name
        return cls
    return deco
@register('alpha')
class A:
    pass
@register('beta')
class B(A):
    pass
print(sorted(registry), registry['beta'].__name__, B.reg_name, A.reg_name)
def add_repr(cls):
    def __repr__(self):
        fields = ', '.join(f'{k}={v!r}' for k, v in vars(self).items())
        return f'{cls.__name__}({fields})'
    cls.__repr__ = __repr__
    return cls
@add_repr
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(Point(1, 'two'), [Point(0, None)])
def singleton(cls):
    instances = {}
    def get(*a):
        if cls not in instances:
            instances[cls] = cls(*a)
        return instances[cls]
    return get
@singleton
class Config:
    def __init__(self, v):
        self.v = v
c1 = Config(1); c2 = Config(2)
print(c1 is c2, c1.v, c2.v)
def method_logger(cls):
    for name, val in list(vars(cls).items()):
        if callable(val) and not name.startswith('__'):
            def wrap(f, name=name):
                def w(*a):
                    print('calling', name)
                    return f(*a)
                return w
            setattr(cls, name, wrap(val))
    return cls
@method_logger
class Svc:
    def ping(self):
        return 'pong'
    def echo(self, x):
        return x
s = Svc()
print(s.ping(), s.echo(42))
