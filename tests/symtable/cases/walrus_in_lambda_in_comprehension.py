def f():
  return [(lambda: (y := 1)) for i in r]
