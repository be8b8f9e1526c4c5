def outer():
    def inner(x, x):
        pass
