if (n := 10) > 5:
    print(n)
found = [y for x in range(5) if (y := x * 2) > 4]
print(y)
total = sum((last := v) for v in range(3))
nested = [[(inner := j) for j in range(i)] for i in range(3)]


def f(items):
    if (m := len(items)) > 1:
        return m
    result = [w for v in items if (w := v)]
    return w, result


def g():
    global gx
    return [(gx := i) for i in range(3)]


def h():
    lam = [lambda: (z := 1) for _ in range(2)]
    return lam


def k():
    def inner():
        return [(kv := 1) for _ in range(2)]

    return inner


def outer_bound():
    ob = 0
    return [(ob := ob + i) for i in range(3)]
