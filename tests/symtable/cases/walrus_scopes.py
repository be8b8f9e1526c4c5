def f():
    return [[(deep := j) for j in range(i)] for i in range(3)]


def g():
    x = [(a := 1) for _ in range(1)]
    return a


def h():
    def inner():
        return [(hv := 1) for _ in range(1)]

    hv = 0
    return inner


class C:
    def m(self):
        return [(mv := 1) for _ in range(1)]

    def __p(self):
        return [(__w := 1) for _ in range(1)]


lam = lambda: [(lv := 1) for _ in range(1)]
gen = ((gv := i) for i in range(3))
