lambda: (yield from x)
