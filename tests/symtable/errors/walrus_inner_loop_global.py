def f():
    global j
    return [i for i in r if (j := 0) for j in r]
