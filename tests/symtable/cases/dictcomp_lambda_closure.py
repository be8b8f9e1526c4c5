def f():
  x = 1
  return {x: (lambda: x) for x in y}
