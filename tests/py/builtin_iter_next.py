data = iter(range(3))
print(next(data), next(data), next(data), next(data, 'default'), next(data, None))
lines = iter(['a', 'b', '', 'c'])
print(list(iter(lambda: next(lines), '')))
print(next(lines))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 5)))
it = iter('xyz')
print(list(zip(it, it)), list(it))
d = {'a': 1, 'b': 2}
di = iter(d)
print(next(di), list(di))
ii = iter(d.items())
print(next(ii))
class Cycle:
    def __init__(self, items):
        self.items = items
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        v = self.items[self.i % len(self.items)]
        self.i += 1
        return v
c = Cycle('ab')
print([next(c) for _ in range(5)])
e = enumerate(Cycle([10, 20]))
print(next(e), next(e), next(e))
try:
    next(5)
except TypeError as ex:
    print('TypeError:', ex)
try:
    iter(lambda: 1)
except TypeError as ex:
    print('TypeError:', ex)
try:
    iter(5, 5)
except TypeError as ex:
    print('TypeError:', ex)
m = map(int, ['1', 'x', '3'])
print(next(m))
try:
    next(m)
except ValueError as ex:
    print('ValueError:', ex)
print(next(m))
