def f():
  global x
  def g():
    return [(x := 1) for i in r]
