def f():
    y = 1
    def g():
        nonlocal y
        nonlocal z
        nonlocal z
