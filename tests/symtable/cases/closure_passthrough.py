def a():
    v = 1
    w = 2

    def b():
        def c():
            def d():
                return v + w

            return d

        return c

    return b


def e():
    u = 1

    def f():
        u = 2

        def g():
            return u

        return g

    return f
