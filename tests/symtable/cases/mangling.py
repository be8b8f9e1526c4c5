__module_private = 1


class Foo:
    __secret = 1
    __dunder__ = 2
    _single = 3
    __ = 4
    ___ = 5

    def __method(self, __arg, normal):
        __local = __arg
        return self.__secret + __local + __module_private

    def __repr__(self):
        global __g
        __g = 1
        import __imp
        import __pkg.sub
        from m import __name1, x as __name2
        return [__v for __v in ()]

    class __Inner:
        __deep = 1

        def f(self):
            return __deep

    def nested(self):
        def __fn():
            return __other

        return __fn


class _Under:
    __x = 1


class __Dunder:
    __y = 1


class ___:
    __z = 1


def outside(__a):
    __b = __a
    return __b
