def f(a, a):
    global b
    print(c)
    global c
