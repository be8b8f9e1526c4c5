def down(n):
    if n == 20:
        raise ValueError(f'bottom reached at {n}')
    return down(n + 1)
print('recursing')
down(0)
