def f():
    x = 1
    y = 2
    z = 3

    class C:
        x = 10
        print(y)

        def m(self):
            return x + y + z

        def n(self):
            global z
            return z

    return C


def g():
    q = 1

    class D:
        global q

        def m(self):
            return q

    return D
