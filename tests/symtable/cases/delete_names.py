def f():
    a = 1
    del a

    def g():
        return b

    b = 2
    del b
    return g


x = 1
del x
