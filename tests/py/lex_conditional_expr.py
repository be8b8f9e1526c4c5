for x in range(-2, 3):
    print(x, 'neg' if x < 0 else 'zero' if x == 0 else 'pos')
f = lambda n: 'even' if n % 2 == 0 else 'odd'
print([f(i) for i in range(4)])
print((1 if True else 2) + 10, 1 if False else 2 + 10)
a = None
print(a if a is not None else 'default')
print([i if i % 3 else '-' for i in range(7)])
def side(x):
    print('eval', x)
    return x
print(side(1) if side(True) else side(2))
print(side(1) if side(False) else side(2))
