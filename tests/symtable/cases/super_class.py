class A:
    def f(self):
        return super().f()

    def g(self):
        return __class__

    def h(self):
        def inner():
            return super()

        return inner

    def plain(self):
        return 1

    lam = lambda self: super()
    comp = [super for _ in ()]


class B:
    def f(self):
        return [super() for _ in range(1)]


class NoMethods:
    super = 1
    x = super


def not_a_method():
    return super()


class Nested:
    class Inner:
        def f(self):
            return __class__

    def g(self):
        class Local:
            def h(self):
                return super()

        return Local
