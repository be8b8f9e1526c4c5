class A:
    __class__ = 1

    def f(self):
        return __class__


class B:
    x = __class__
