def f():
  class C:
    def g(self):
      def h(): return super()
      return h
  return C
