print = print
len = 5


def f():
    return list, dict, len


def g():
    list = []
    return list
