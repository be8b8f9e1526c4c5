def make_adder(n):
    def add(x):
        return x + n
    return add
a5 = make_adder(5)
print(a5(1), make_adder(10)(1))
print(a5.__closure__ is not None, len(a5.__closure__), a5.__closure__[0].cell_contents)
print(make_adder.__closure__)
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def get():
        return n
    return inc, get
inc, get = counter()
inc(); inc(); inc()
print(get())
def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(late())
def captured_after():
    def f():
        return v
    v = 'set after def'
    return f()
print(captured_after())
def not_yet():
    def f():
        return w
    try:
        f()
    except NameError as e:
        print('NameError:', e)
    w = 1
not_yet()
def nested():
    x = 1
    def mid():
        y = 2
        def inner():
            return x + y
        return inner
    return mid()()
print(nested())
def shared():
    val = []
    def add(x):
        val.append(x)
    def show():
        return val
    return add, show
add, show = shared()
add(1); add(2)
print(show())
x = 'global'
def outer():
    x = 'enclosing'
    def inner():
        return x
    return inner()
print(outer())
