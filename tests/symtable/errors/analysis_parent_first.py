def f():
    def g():
        nonlocal y
    nonlocal z
