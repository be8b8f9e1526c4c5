def f():
  return [[k for k in range((j := i))] for i in r]
