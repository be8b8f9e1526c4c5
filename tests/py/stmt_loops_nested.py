found = None
for i in range(2, 50):
    for j in range(2, i):
        if i % j == 0:
            break
    else:
        if i > 40:
            found = i
            break
print('first prime > 40:', found)
result = []
i = 0
while i < 4:
    j = 0
    while j < 4:
        if j > i:
            break
        if (i + j) % 2:
            j += 1
            continue
        result.append((i, j))
        j += 1
    else:
        result.append('inner-else')
    i += 1
print(result)
count = 0
for a in range(3):
    for b in range(3):
        for c in range(3):
            if a + b + c == 4:
                count += 1
print(count)
for x in range(3):
    try:
        if x == 1:
            continue
        print('body', x)
    finally:
        print('finally', x)
n = 0
while True:
    n += 1
    try:
        if n == 3:
            break
    finally:
        print('cleanup', n)
print('n', n)
