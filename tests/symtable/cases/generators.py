def gen():
    yield 1


def gen_from():
    yield from range(3)


def gen_value():
    x = yield
    return x


def returns():
    return 5


def returns_none():
    return


def nested_gen():
    def inner():
        yield 1

    return inner


def genexp_only():
    return (i for i in range(3))


lam = lambda: (yield)
