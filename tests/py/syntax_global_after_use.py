x = 1
def g():
    print(x)
    global x
