class top:
    x = 1

    def f(self):
        return x


def top2():
    y = 1
    return y
