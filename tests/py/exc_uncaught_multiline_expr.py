def compute(a, b, c):
    return (a +
            b *
            c)
data = {'x': [1, 2, 3]}
print(compute(1, 2, 3))
value = compute(1, data['x'][0], 'str')
