class C:
    shared = []
    value = 1
    def add(self, x):
        self.shared.append(x)
a, b = C(), C()
a.add(1); b.add(2)
print(C.shared, a.shared is b.shared)
a.value = 'instance'
print(a.value, b.value, C.value)
del a.value
print(a.value)
C.value = 'changed on class'
print(a.value, b.value)
C.new_method = lambda self: 'added later'
print(a.new_method())
def free(self, n):
    return n * 2
C.double = free
print(b.double(21))
a.func = lambda n: n + 1
print(a.func(1))
print('value' in C.__dict__, 'value' in a.__dict__, sorted(a.__dict__))
class D:
    __private = 'mangled'
    def get(self):
        return self.__private
print(D().get(), D._D__private, hasattr(D, '__private'))
class Dyn:
    pass
for i in range(3):
    setattr(Dyn, f'attr{i}', i * i)
print(Dyn.attr0, Dyn.attr2, Dyn().attr1)
print(C.__name__, C.__qualname__, type(C.__dict__).__name__, C.__doc__)
class Nested:
    class Inner:
        x = 'inner'
    def make(self):
        return self.Inner()
print(Nested.Inner.x, Nested().make().x, Nested.Inner.__qualname__)
