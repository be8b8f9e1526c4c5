def f():
  [[(x := j) for j in i] for i in r]
  return x
