d = {(lambda: 1):
     (lambda: 2),
     (lambda: 3):
     (lambda: 4),
     **(lambda: 5)()}
dc = {(lambda: 6):
      (lambda: 7)
      for x in ()}
f(lambda: 8,
  *(lambda: 9),
  k=lambda: 10,
  **(lambda: 11))
x = [lambda: 12,
     lambda: 13]
x[lambda: 14:
  lambda: 15] = lambda: 16


@(lambda: 17)
def g(a=lambda: 18, *, b=lambda: 19, c: lambda: 20 = 1) -> lambda: 21:
    pass


@(lambda: 22)
class K(lambda: 23,
        metaclass=lambda: 24):
    pass
