def f(xs, ys):
    g = (x + y for x in xs for y in ys if x)
    h = (((a, b) for a in xs) for b in ys)
    return g, h


outer = (inner for inner in (i for i in range(3)))
