for a in range(-7, 8, 3):
    row = []
    for b in (-4, -3, -1, 1, 2, 5):
        row.append((a // b, a % b))
    print(a, row)
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2)
print(10 ** 20 // 7, -(10 ** 20) // 7, 10 ** 20 % 7, -(10 ** 20) % 7)
print(10 ** 30 // -(10 ** 15 + 1), (10 ** 30) % -(10 ** 15 + 1))
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7 % 2.5, -7 % -2.5)
for op in ('a // b', 'a % b', 'divmod(a, b)', 'a / b'):
    a, b = 5, 0
    try:
        eval(op)
    except ZeroDivisionError as e:
        print(op, 'ZeroDivisionError:', e)
for op in ('a // b', 'a % b', 'divmod(a, b)', 'a / b'):
    a, b = 5.0, 0.0
    try:
        eval(op)
    except ZeroDivisionError as e:
        print(op, 'float ZeroDivisionError:', e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    pow(5, 2, 0)
except ValueError as e:
    print('ValueError:', e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print('ValueError:', e)
