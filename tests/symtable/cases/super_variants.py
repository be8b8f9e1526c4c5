class A:
    def f(self):
        return lambda: super()

    def g(self):
        return (super() for _ in range(1))

    def h(self):
        super = None
        return super

    def i(self):
        global super
        return super()

    def j(self):
        __class__ = 1
        return __class__

    def k(self):
        def inner():
            nonlocal __class__
            return __class__

        return inner
