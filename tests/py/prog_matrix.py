def mat_mul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
def transpose(m):
    return [list(r) for r in zip(*m)]
def identity(n):
    return [[int(i == j) for j in range(n)] for i in range(n)]
def mat_pow(m, k):
    r = identity(len(m))
    while k:
        if k & 1:
            r = mat_mul(r, m)
        m = mat_mul(m, m)
        k >>= 1
    return r
a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
print(mat_mul(a, b), transpose(a), identity(3))
fib = mat_pow([[1, 1], [1, 0]], 90)
print(fib[0][1])
def det(m):
    if len(m) == 1:
        return m[0][0]
    return sum((-1) ** j * m[0][j] * det([row[:j] + row[j + 1:] for row in m[1:]]) for j in range(len(m)))
print(det([[2, 0, 1], [1, 3, 2], [1, 1, 1]]), det(identity(4)), det([[1, 2], [2, 4]]))
for row in mat_mul(identity(2), [[1.5, -2], [0, 3]]):
    print(' '.join(f'{v:6.2f}' for v in row))
spiral = [[0] * 4 for _ in range(4)]
r = c = 0; dr, dc = 0, 1
for n in range(1, 17):
    spiral[r][c] = n
    nr, nc = r + dr, c + dc
    if not (0 <= nr < 4 and 0 <= nc < 4 and spiral[nr][nc] == 0):
        dr, dc = dc, -dr
        nr, nc = r + dr, c + dc
    r, c = nr, nc
for row in spiral:
    print(''.join(f'{v:4}' for v in row))
