a b
if x:
    y
  z
