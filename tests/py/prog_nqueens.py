def solve(n):
    sols = []
    cols = []
    def place(row, used_c, d1, d2):
        if row == n:
            sols.append(cols[:])
            return
        for c in range(n):
            if c in used_c or row - c in d1 or row + c in d2:
                continue
            cols.append(c)
            place(row + 1, used_c | {c}, d1 | {row - c}, d2 | {row + c})
            cols.pop()
    place(0, frozenset(), frozenset(), frozenset())
    return sols
for n in range(1, 8):
    print(n, len(solve(n)))
first = solve(6)[0]
for c in first:
    print(' '.join('Q' if i == c else '.' for i in range(6)))
