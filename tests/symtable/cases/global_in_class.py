class C:
    global g
    g = 1
    h = g

    def m(self):
        return g, h


def f():
    x = 1

    class D:
        global x
        x = 2

        def m(self):
            return x

    return D
