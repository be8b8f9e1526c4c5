def outer(p):
    a = 1
    b = 2

    def middle():
        nonlocal a
        a = 10

        def inner():
            nonlocal a, b
            b = a
            nonlocal p
            p = 0

        return inner

    return middle


def nested_nonlocal():
    n = 0

    def one():
        def two():
            nonlocal n
            n += 1

        return two

    return one


def read_only_nonlocal():
    r = 1

    def f():
        nonlocal r
        return r

    return f
