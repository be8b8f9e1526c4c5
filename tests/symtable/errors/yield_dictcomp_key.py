def f():
    return {(yield x): x for x in y}
