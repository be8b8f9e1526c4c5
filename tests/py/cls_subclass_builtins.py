class MyInt(int):
    def __repr__(self):
        return f'MyInt({int(self)})'
    def double(self):
        return MyInt(self * 2)
m = MyInt(21)
print(m, repr(m), m + 1, type(m + 1).__name__, m.double(), isinstance(m, int), m == 21, hash(m) == hash(21))
class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
u = Upper('hello')
print(u, repr(u), len(u), u.lower(), type(u.lower()).__name__, type(u).__name__, u == 'HELLO')
class Default(dict):
    def __init__(self, default, *a, **k):
        super().__init__(*a, **k)
        self.default = default
    def __missing__(self, key):
        self[key] = self.default()
        return self[key]
d = Default(list, a=[1])
d['b'].append(2); d['a'].append(3)
print(d, len(d), type(d).__name__, isinstance(d, dict), d.default.__name__)
class Stack(list):
    def push(self, v):
        self.append(v)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, s.peek(), s.pop(), len(s), s + [9], type(s + [9]).__name__, s[::-1])
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
p = Point(3, 4)
print(p, p.x, p[1], len(p), p == (3, 4), type(p).__name__)
class E(ValueError):
    pass
print(issubclass(E, Exception), E('m').args, str(E('m')))
class OrderedSet(dict):
    def add(self, v):
        self[v] = None
    def __repr__(self):
        return '{' + ', '.join(map(repr, self)) + '}'
o = OrderedSet(); o.add(3); o.add(1); o.add(3)
print(o, list(o))
