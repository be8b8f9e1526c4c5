def square(x):
    return x * x
def apply(f, *args):
    return f(*args)
funcs = [square, abs, str, len]
print([f(-3) if f is not len else f('abc') for f in funcs])
print(apply(square, 5), apply(max, 3, 9, 2), apply(lambda: 'thunk'))
table = {'sq': square, 'neg': lambda v: -v}
print(table['sq'](4), table['neg'](4), sorted(table))
def compose(*fs):
    def run(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return run
print(compose(str, square, abs)(-4), compose()(7))
print(square.__name__, type(square).__name__, callable(square), square == square, square is not abs)
def make_ops():
    return [lambda a, b, op=op: eval(f'a {op} b') for op in '+-*']
print([f(6, 3) for f in make_ops()])
def partial(f, *pre, **kwpre):
    def call(*a, **kw):
        return f(*pre, *a, **{**kwpre, **kw})
    return call
p = partial(print, 'prefix:', sep='|')
p('a', 'b')
p('c', sep='-')
print(list(map(square, range(5))), list(filter(callable, [1, print, 'x', square])) == [print, square])
print(sorted([3, -1, 2], key=square), max(['aaa', 'b'], key=len))
