def a():
    raise KeyError('a')
def b():
    try:
        a()
    except KeyError:
        raise IndexError('b')
def c():
    try:
        b()
    except IndexError as e:
        raise ValueError('c') from e
try:
    c()
except ValueError:
    None.attr
