it = iter([1, 2])
print(next(it), next(it), next(it, None))
try:
    next(it)
except StopIteration as e:
    print('StopIteration', e.args)
def g():
    yield 1
    raise StopIteration('inside')
try:
    list(g())
except RuntimeError as e:
    print('RuntimeError:', e, type(e.__cause__).__name__)
class Count:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Count(4)), [x * 2 for x in Count(3)])
c = Count(1)
print(next(c), next(c, 'done'))
try:
    next([1, 2])
except TypeError as e:
    print('TypeError:', e)
e = StopIteration(5)
print(e.value, e.args)
print(StopIteration().value)
def gen_ret():
    return 7
    yield
try:
    next(gen_ret())
except StopIteration as e:
    print('return value', e.value)
