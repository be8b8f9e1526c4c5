l = list(range(10))
l[2:5] = ['a', 'b']; print(l)
l[1:1] = [100, 200]; print(l)
l[:] = l[::-1]; print(l)
l[-2:] = []; print(l)
l[::2] = 'ABCDE'; print(l)
l[len(l):] = [99]; print(l)
l[0:0] = 'xy'; print(l)
del l[1:4]; print(l)
del l[::3]; print(l)
del l[:]; print(l)
m = [1, 2, 3, 4, 5]
m[1:4] = range(3); print(m)
m[10:20] = [7]; print(m)
m[-100:1] = [0]; print(m)
m[::-1] = m[:]; print(m)
try:
    m[::2] = [1]
except ValueError as e:
    print('ValueError:', e)
try:
    m[1:2] = 5
except TypeError as e:
    print('TypeError:', e)
try:
    m[0] = m[100]
except IndexError as e:
    print('IndexError:', e)
try:
    m[100] = 1
except IndexError as e:
    print('IndexError:', e)
try:
    m['a'] = 1
except TypeError as e:
    print('TypeError:', e)
n = [1, 2, 3]
n[1:2] = n; print(n)
n[-1] = 'end'; print(n, n[-1], n[-len(n)])
