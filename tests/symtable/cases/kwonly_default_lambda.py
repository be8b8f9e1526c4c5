def f(*, a, b=lambda: c): pass
