def outer():
    x = 1
    y = 2

    def inner():
        return x

    def assigns():
        y = 3
        return y

    return inner, assigns


def counter():
    count = 0

    def inc():
        nonlocal count
        count += 1
        return count

    return inc


def param_cell(p, q):
    return lambda: p


def reads_later():
    def g():
        return v

    v = 1
    return g
