def f():
  return [super() for _ in ()]
