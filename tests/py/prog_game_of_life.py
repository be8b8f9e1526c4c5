def step(live):
    counts = {}
    for (r, c) in live:
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr or dc:
                    k = (r + dr, c + dc)
                    counts[k] = counts.get(k, 0) + 1
    return {k for k, n in counts.items() if n == 3 or (n == 2 and k in live)}
def show(live, h=6, w=8):
    for r in range(h):
        print(''.join('#' if (r, c) in live else '.' for c in range(w)))
    print('-' * w)
glider = {(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)}
g = glider
for i in range(4):
    show(g)
    g = step(g)
print(sorted(g), len(g))
blinker = {(1, 0), (1, 1), (1, 2)}
print(sorted(step(blinker)), step(step(blinker)) == blinker)
