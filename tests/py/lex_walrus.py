data = [1, 5, 2, 8, 3]
if (n := len(data)) > 3:
    print('long', n)
print(n)
vals = [y for x in data if (y := x * 2) > 4]
print(vals, y)
i = 0
while (i := i + 1) < 4:
    print('loop', i)
print([(last := k) for k in range(3)], last)
print((z := 10) + z)
def f():
    if (w := 7):
        return w * 2
print(f())
total = 0
print([total := total + v for v in data], total)
print(any((hit := v) > 6 for v in data), hit)
