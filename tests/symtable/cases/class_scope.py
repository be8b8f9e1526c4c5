x = "module"


class C:
    x = "class"
    y = x

    def method(self):
        return x

    def uses_y(self):
        return y

    z = [x for _ in range(1)]
    lam = lambda self: x


class Empty:
    pass


class WithBases(C, Empty, metaclass=type):
    attr = C


def f():
    v = 1

    class Inner:
        w = v
        v = 2

        def m(self):
            return v

    return Inner
