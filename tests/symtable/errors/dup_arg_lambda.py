x = lambda p, q, p: p
