def f():
  nonlocal_x = 1
  def g():
    return (lambda: nonlocal_x)
