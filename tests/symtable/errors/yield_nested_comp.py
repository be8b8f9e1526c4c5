def f():
    return [[(yield) for a in b] for c in d]
