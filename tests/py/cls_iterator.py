class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        return CountdownIter(self.start)
class CountdownIter:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
c = Countdown(3)
print(list(c), list(c), sum(c), [x * 10 for x in c])
it = iter(c)
print(next(it), next(it), next(it), next(it, 'stop'))
class GenIter:
    def __init__(self, data):
        self.data = data
    def __iter__(self):
        for d in self.data:
            yield d.upper()
print(list(GenIter('abc')), 'B' in GenIter('abc'), dict(zip(GenIter('xy'), range(2))))
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print('TypeError:', e)
class NoNext:
    def __iter__(self):
        return self
try:
    for _ in NoNext():
        pass
except TypeError as e:
    print('TypeError:', e)
a, b, c2 = Countdown(3)
print(a, b, c2)
print(*Countdown(2), sep=':')
class Fib:
    def __init__(self, limit):
        self.a, self.b, self.limit = 0, 1, limit
    def __iter__(self):
        return self
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        r = self.a
        self.a, self.b = self.b, self.a + self.b
        return r
print(list(Fib(50)), tuple(Fib(3)), max(Fib(1000)))
