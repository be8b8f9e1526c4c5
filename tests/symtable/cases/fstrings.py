name = "x"
width = 5
s = f"{name!r:>{width}} and {name.upper()} {width + 1:{width}}"


def f(value):
    return f"{value}" f"{other}"
