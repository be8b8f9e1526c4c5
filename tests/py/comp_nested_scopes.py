def f(n):
    return [[(i, j) for j in range(i)] for i in range(n)]
print(f(3))
def g():
    k = 10
    return [[k * i + j for j in range(2)] for i in range(2)]
print(g())
funcs = [lambda: i for i in range(3)]
print([fn() for fn in funcs])
funcs2 = [(lambda i=i: i) for i in range(3)]
print([fn() for fn in funcs2])
print({i: [j for j in range(i)] for i in range(4)})
print(sorted({(i, j) for i in range(3) for j in range(3) if i < j}))
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
print([[row[c] for row in matrix] for c in range(3)])
print(list(x for x in (y * 2 for y in range(5)) if x > 3))
try:
    [undefined_in_comp for _ in range(1)]
except NameError as e:
    print('NameError:', e)
class C:
    data = [1, 2, 3]
    total = sum(x for x in data)
    doubled = [x * 2 for x in data]
print(C.total, C.doubled)
x = 'outer'
gen = (x for _ in range(1))
x = 'rebound'
print(list(gen))
