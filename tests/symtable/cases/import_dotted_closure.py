def f():
  import a.b
  def g(): return a
