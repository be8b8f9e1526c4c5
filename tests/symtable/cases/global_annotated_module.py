x: int
def f():
  global x
  return x
