for i in range(3):
    print(i, end=' ')
print()
for ch in 'héllo':
    print(ch, end='|')
print()
for k in {'b': 1, 'a': 2}:
    print(k)
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    print('even', i)
else:
    print('not reached')
for i in []:
    print('never')
else:
    print('for else empty')
for i in range(3):
    pass
else:
    print('for else', i)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
lst = [1, 2, 3]
for x in lst:
    if x == 1:
        lst.append(4)
    print('x', x)
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        print(i, j)
    else:
        print('inner else')
d = {}
for d['key'] in 'ab':
    pass
print(d)
for _ in range(2):
    i = 'rebound'
print(i)
