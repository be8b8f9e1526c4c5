class C:
  a = 1
  b = [a for _ in range(a)]
  c = [[a for _ in range(a)] for _ in range(a)]
