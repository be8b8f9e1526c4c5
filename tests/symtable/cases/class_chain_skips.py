def outer():
  v = 1
  class C:
    v = 2
    class D:
      def m(self): return v
