calls = []
def v(x):
    calls.append(x)
    return x
print(v(1) < v(2) < v(3))
print(calls); calls.clear()
print(v(3) < v(2) < v(1))
print(calls); calls.clear()
print(v(1) == v(1) != v(2) is not v(None))
print(calls); calls.clear()
x = 5
print(0 < x <= 5, 0 < x < 5, x == 5 == 5.0, 1 < x > 3)
print('a' < 'b' < 'c', [1] < [1, 0] < [2])
print(1 in [1] in [[1]], 2 not in [1] not in [[2]])
r = 0 <= x < 10
print(r, type(r).__name__)
print((1 < 2) < 3, 1 < (2 < 3))
