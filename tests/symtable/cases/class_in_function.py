def factory(base, value):
    class Made(base):
        attr = value
        base = 1

        def get(self):
            return value

    return Made


def shadowing():
    name = 1

    class K:
        name = name

    return K
