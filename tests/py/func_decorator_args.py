def tag(name, sep=':'):
    def deco(fn):
        def wrapper(*a, **k):
            return name + sep + str(fn(*a, **k))
        wrapper.__name__ = fn.__name__
        wrapper.wrapped = fn
        return wrapper
    return deco
@tag('A')
def a(x):
    return x * 2
@tag('B', sep='=')
@tag('C')
def b():
    return 'b'
print(a(3), b(), a.__name__, a.wrapped(5))
def memo(fn):
    cache = {}
    def w(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    w.cache = cache
    return w
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
def count_calls(fn):
    def w(*a):
        w.calls += 1
        return fn(*a)
    w.calls = 0
    return w
@count_calls
def sq(x):
    return x * x
print([sq(i) for i in range(4)], sq.calls)
class Deco:
    def __init__(self, fn):
        self.fn = fn
    def __call__(self, *a):
        return ('Deco', self.fn(*a))
@Deco
def cls_decorated(x):
    return x + 1
print(cls_decorated(1), type(cls_decorated).__name__)
def method_deco(fn):
    def w(self, *a):
        return 'm:' + fn(self, *a)
    return w
class K:
    @method_deco
    def hello(self, who):
        return 'hello ' + who
print(K().hello('k'))
