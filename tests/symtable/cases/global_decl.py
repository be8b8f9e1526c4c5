counter = 0


def bump():
    global counter
    counter += 1


def declares_only():
    global declared_elsewhere
    declared_elsewhere = 1


def reads_global():
    global g1, g2
    return g1


def outer():
    x = 1

    def inner():
        global x
        x = 2

    def inner2():
        return x

    return inner, inner2


def uses_outer_global():
    global shared

    def inner():
        return shared

    return inner


global at_module
at_module = 5
