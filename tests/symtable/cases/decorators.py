def deco(fn):
    return fn


@deco
def f():
    pass


@deco
@(lambda c: c)
class C:
    @staticmethod
    def s():
        pass

    @property
    def p(self):
        return 1

    @p.setter
    def p(self, v):
        pass


def outer():
    local_deco = deco

    @local_deco
    def inner():
        pass

    return inner
