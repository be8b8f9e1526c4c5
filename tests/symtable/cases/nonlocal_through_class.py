def f():
    x = 1

    class C:
        def g(self):
            nonlocal x
            x = 2

        def h(self):
            return x

    return C


def two_classes():
    v = 0

    class A:
        class B:
            def m(self):
                return v

    return A
