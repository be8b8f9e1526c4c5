def f():
  del (a, [b])
  return c
