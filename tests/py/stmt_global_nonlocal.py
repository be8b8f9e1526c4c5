counter = 0
def inc():
    global counter
    counter += 1
    return counter
inc(); inc()
print(counter)
def make_global():
    global newly
    newly = 'created'
make_global()
print(newly)
def outer():
    x = 'outer'
    def inner():
        nonlocal x
        x = 'changed'
    inner()
    return x
print(outer())
def counter_factory():
    count = 0
    def step(n=1):
        nonlocal count
        count += n
        return count
    return step
c1 = counter_factory(); c2 = counter_factory()
print(c1(), c1(), c1(5), c2())
def shadow():
    counter = 'local'
    return counter
print(shadow(), counter)
def read_global():
    return counter * 10
print(read_global())
def unbound():
    print(counter)
    counter = 5
try:
    unbound()
except UnboundLocalError as e:
    print('UnboundLocalError:', e)
def level1():
    a = 1
    def level2():
        def level3():
            nonlocal a
            a += 100
            return a
        return level3()
    r = level2()
    return r, a
print(level1())
