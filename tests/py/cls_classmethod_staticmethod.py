class Date:
    count = 0
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
        Date.count += 1
    @classmethod
    def from_string(cls, s):
        y, m, d = map(int, s.split('-'))
        return cls(y, m, d)
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    @classmethod
    def how_many(cls):
        return cls.__name__, cls.count
    def __repr__(self):
        return f'{type(self).__name__}({self.y}, {self.m}, {self.d})'
class SubDate(Date):
    pass
print(Date.from_string('2024-02-29'), SubDate.from_string('1999-12-31'))
print(Date.is_leap(2000), Date.is_leap(1900), Date(1, 1, 1).is_leap(2024), SubDate.how_many(), Date.how_many())
print(type(Date.__dict__['from_string']).__name__, type(Date.__dict__['is_leap']).__name__)
print(Date.from_string.__self__ is Date, SubDate.from_string.__self__ is SubDate)
sm = staticmethod(lambda: 'callable staticmethod')
print(sm())
class Counter:
    _instances = []
    def __init__(self):
        Counter._instances.append(self)
    @classmethod
    def reset(cls):
        n = len(cls._instances)
        cls._instances = []
        return n
Counter(); Counter()
print(Counter.reset(), Counter.reset(), Counter().reset())
class M:
    def method(self):
        return 'bound to ' + type(self).__name__
m = M()
bm = m.method
print(bm(), bm.__self__ is m, bm.__func__ is M.method, M.method(m))
try:
    M.method()
except TypeError as e:
    print('TypeError:', e)
