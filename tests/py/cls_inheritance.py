class Animal:
    sound = '...'
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f'{self.name} says {self.sound}'
    def kind(self):
        return 'animal'
class Dog(Animal):
    sound = 'woof'
    def kind(self):
        return 'dog (' + super().kind() + ')'
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + ' softly'
for a in (Animal('generic'), Dog('rex'), Puppy('bit', 1)):
    print(type(a).__name__, a.speak(), a.kind())
print([c.__name__ for c in Puppy.__mro__], Puppy.__bases__[0].__name__)
print(isinstance(Puppy('x', 0), Animal), issubclass(Dog, Puppy), Puppy('p', 2).age)
class A:
    def who(self):
        return 'A'
class B(A):
    def who(self):
        return 'B>' + super().who()
class C(A):
    def who(self):
        return 'C>' + super().who()
class D(B, C):
    def who(self):
        return 'D>' + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
class X: pass
class Y(X): pass
try:
    class Z(X, Y): pass
except TypeError as e:
    print('TypeError:', e)
class Base:
    def template(self):
        return self.hook() * 2
    def hook(self):
        return 'base'
class Impl(Base):
    def hook(self):
        return 'impl'
print(Impl().template(), Base().template())
class NoInit(Animal):
    pass
print(NoInit('inherited init').name)
print(Dog.speak is Animal.speak, Dog.kind is Animal.kind)
