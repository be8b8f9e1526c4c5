class Base:
    def __init__(self, *args):
        print('Base.__init__', args)
        self.base = True
    def greet(self, who):
        return 'Base hello ' + who
    @classmethod
    def make(cls):
        return cls.__name__ + ' made'
class Mid(Base):
    def __init__(self, x):
        print('Mid.__init__', x)
        super().__init__(x, 'from mid')
    def greet(self, who):
        return 'Mid>' + super().greet(who)
    @classmethod
    def make(cls):
        return 'Mid>' + super().make()
class Leaf(Mid):
    def __init__(self):
        super(Leaf, self).__init__('leaf')
    def greet(self, who):
        return 'Leaf>' + super(Mid, self).greet(who)
l = Leaf()
print(l.base, l.greet('you'), Leaf.make(), Mid.make())
print(super(Leaf, l).greet('direct'))
class L1:
    def m(self): return ['L1']
class L2(L1):
    def m(self): return ['L2'] + super().m()
class R2(L1):
    def m(self): return ['R2'] + super().m()
class Diamond(L2, R2):
    def m(self): return ['Diamond'] + super().m()
print(Diamond().m())
class NoSuperArgs:
    def f(self):
        def inner():
            return super().__str__
        return inner
try:
    NoSuperArgs().f()()
except RuntimeError as e:
    print('RuntimeError:', e)
class P:
    def __init__(self):
        self.v = 'P'
class Q(P):
    def __init__(self):
        pass
print(hasattr(Q(), 'v'))
class S(str):
    def upper(self):
        return 'S:' + super().upper()
print(S('abc').upper(), S('x') + 'y', type(S('x') + 'y').__name__, len(S('four')))
class MyList(list):
    def append(self, v):
        super().append(v * 2)
m = MyList([1])
m.append(5)
print(m, type(m).__name__, isinstance(m, list))
