def f(a, b):
  def g():
    nonlocal a
    global b
