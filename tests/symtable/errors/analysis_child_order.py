def f():
    def g():
        nonlocal b
    def h():
        nonlocal a
