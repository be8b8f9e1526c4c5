def f(x):
  return [(x := 1) for i in r]
