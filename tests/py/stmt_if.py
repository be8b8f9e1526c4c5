def classify(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    else:
        return 'large'
for n in (-5, 0, 3, 99):
    print(n, classify(n))
for v in [0, 1, '', 'x', [], [0], {}, None, 0.0, -0.0, 1j, (), range(0), range(1)]:
    if v:
        print(repr(v), 'truthy')
    else:
        print(repr(v), 'falsy')
if 0:
    print('no')
elif 0:
    print('no')
print('after')
x = 5
if x > 1:
    if x > 3:
        if x > 4:
            print('deep', x)
