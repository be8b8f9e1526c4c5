def f():
  x = 1
  class C:
    x = x
    y = [x for _ in range(1)]
    def m(self): return x
