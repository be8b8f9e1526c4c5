class C:
 def f(self):
  return [(__x := 1) for __x in y]
