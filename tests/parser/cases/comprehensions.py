a = [x for x in range(10)]
b = [x * y for x in range(3) if x for y in range(4) if y > 1 if y < 3]
c = {k: v for k, v in d.items()}
d = {x for x in s}
e = (x for x in y)
f = [[y for y in x] for x in z]
g = sum(x for x in y)
h = [x async for x in y]
