def f():
  x = 1
  def g():
    x = 2
    def h():
      global x
      def k():
        return x
