def f(cm, seq):
    with cm as a, cm as (b, c):
        pass
    for d in seq:
        pass
    else:
        e = 1
    try:
        pass
    except ValueError as err:
        pass
    except (TypeError, KeyError):
        pass
    else:
        g = 1
    finally:
        h = 1
    del seq
    i: int = 0
    j = k = 1
    [l, m] = 1, 2
    (n, *o) = 1, 2
    return a, b, c, d, e, g, h, i, j, k, l, m, n, o


def g():
    while True:
        break
    else:
        x = 1
    assert x, "msg"
    raise ValueError from None
