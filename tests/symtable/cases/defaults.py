def outer(x):
    y = 2

    def inner(a=x, *, b=y):
        return a + b

    return inner


def kwdefaults(*, k=len, m=None):
    return k, m


class C:
    default = 1

    def method(self, v=default):
        return v
