print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[x * y for y in range(3)] for x in range(3)])
print([c.upper() for c in 'abc'])
print([x if x > 2 else -x for x in range(5)])
x = 'outer'
print([x for x in 'ab'], x)
print([i + j for i, j in zip([1, 2], [10, 20])])
print([a for a, *_ in [(1, 2), (3, 4, 5)]])
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for i in range(3) for row in matrix])
print([[row[i] for row in matrix] for i in range(3)])
print([n for n in range(2, 30) if all(n % d for d in range(2, n))])
class K:
    v = 5
    lst = [v * 2 for _ in range(2)] if False else [i for i in range(v)]
print(K.lst)
print([y for y in []], [() for _ in range(2)])
