def f():
  [(x := 1) for i in r]
  global x
