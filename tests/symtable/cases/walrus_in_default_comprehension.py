def f(a=[(q := i) for i in r]): pass
