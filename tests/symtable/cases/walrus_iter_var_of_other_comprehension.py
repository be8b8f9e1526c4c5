def f():
  return [(i := 1) for j in [i for i in r]]
