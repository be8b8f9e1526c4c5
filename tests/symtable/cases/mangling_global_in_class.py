class C:
  global __g
  __g = 1
  def f(self): return __g
