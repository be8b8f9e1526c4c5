class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __delitem__(self, i):
        del self.items[i]
    def __contains__(self, x):
        print('contains', x)
        return x in self.items
    def __iter__(self):
        return iter(self.items)
    def __repr__(self):
        return f'Bag{self.items}'
b = Bag(1, 2, 3, 4)
print(len(b), b[0], b[-1], b[1:3], 2 in b, 9 not in b, list(b), bool(b), bool(Bag()))
b[0] = 'one'; del b[1]; print(b)
for x in b:
    print('iter', x)
print(sorted(Bag(3, 1, 2)), max(b[1:]), [*b], dict.fromkeys(b))
class OnlyGetitem:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError(i)
        return i * i
og = OnlyGetitem()
print(list(og), 4 in og, 5 in og, og[10 // 5])
class Mapping:
    def __getitem__(self, k):
        if k == 'bad':
            raise KeyError(k)
        return k.upper()
    def __missing__(self, k):
        return 'never used'
m = Mapping()
print(m['abc'])
try:
    m['bad']
except KeyError as e:
    print('KeyError:', e)
class DD(dict):
    def __missing__(self, k):
        return f'missing {k}'
dd = DD(a=1)
print(dd['a'], dd['zz'], dd.get('zz'), 'zz' in dd)
try:
    len(object())
except TypeError as e:
    print('TypeError:', e)
try:
    object()[0]
except TypeError as e:
    print('TypeError:', e)
try:
    5 in object()
except TypeError as e:
    print('TypeError:', e)
