class C:
  def f(self, a=[(q := i) for i in r]): pass
