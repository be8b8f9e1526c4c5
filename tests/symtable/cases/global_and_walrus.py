def f():
    global a
    [(a := i) for i in range(3)]


def g():
    [(b := i) for i in range(3)]

    def h():
        global b
        return b

    return h
