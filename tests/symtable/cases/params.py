def f(a, b=1, /, c=2, *args, d, e=3, **kwargs):
    return a, b, c, args, d, e, kwargs


def g(*, only):
    return only


def h(*rest):
    pass


def k(**kw):
    pass


def unused(p, q, r):
    pass


def shadow(len):
    return len(len)


lam = lambda a, /, b, *c, d=4, **e: (a, b, c, d, e)
