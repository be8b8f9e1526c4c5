def f():
    try:
        [][1]
    except IndexError:
        raise ValueError('clean') from None
f()
