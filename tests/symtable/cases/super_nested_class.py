class A:
  class B:
    def f(self): return super()
  def g(self): return __class__
