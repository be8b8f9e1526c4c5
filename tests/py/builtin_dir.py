class Base:
    base_attr = 1
    def base_method(self):
        pass
class Child(Base):
    child_attr = 2
    def __init__(self):
        self.inst = 3
    def method(self):
        pass
    @property
    def prop(self):
        return 4
    @staticmethod
    def sm():
        pass
print([n for n in dir(Child) if not n.startswith('__')])
print([n for n in dir(Child()) if not n.startswith('__')])
print([n for n in dir(Base) if not n.startswith('__')])
print('append' in dir([]), 'keys' in dir({}), '__add__' in dir(1), 'upper' in dir(''))
print([n for n in dir(list) if not n.startswith('_')])
print([n for n in dir(dict) if not n.startswith('_')])
print([n for n in dir(str) if not n.startswith('_')])
print([n for n in dir(int) if not n.startswith('_')])
print([n for n in dir(set) if not n.startswith('_')])
class D:
    def __dir__(self):
        return ['zeta', 'alpha', 'mid']
print(dir(D()))
def f():
    a = 1
    b = 2
    return dir()
print(f())
