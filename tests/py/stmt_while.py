i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print('i', i)
else:
    print('while else runs', i)
n = 0
while True:
    n += 1
    if n > 3:
        break
else:
    print('not printed')
print('n', n)
while False:
    pass
else:
    print('else on never-entered loop')
a, b = 0, 1
fib = []
while a < 100:
    fib.append(a)
    a, b = b, a + b
print(fib)
stack = [1, 2, 3]
while stack:
    print('pop', stack.pop())
x = 10
while x:
    x -= 3
    if x < 0:
        print('negative', x)
        break
