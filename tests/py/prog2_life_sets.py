# Conway's Game of Life on a set of (x, y) tuples, with pattern detection and set algebra.
import sys

GLIDER = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
BLINKER = {(0, 1), (1, 1), (2, 1)}
BLOCK = {(0, 0), (0, 1), (1, 0), (1, 1)}
OFFSETS = [(dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1) if (dx, dy) != (0, 0)]


def neighbours(cell):
    x, y = cell
    return {(x + dx, y + dy) for dx, dy in OFFSETS}


def step(live):
    counts = {}
    for cell in live:
        for n in neighbours(cell):
            counts[n] = counts.get(n, 0) + 1
    return frozenset(c for c, k in counts.items() if k == 3 or (k == 2 and c in live))


def normalise(cells):
    if not cells:
        return frozenset()
    mx = min(x for x, _ in cells)
    my = min(y for _, y in cells)
    return frozenset((x - mx, y - my) for x, y in cells)


def bbox(cells):
    xs = [x for x, _ in cells]
    ys = [y for _, y in cells]
    return (min(xs), min(ys)), (max(xs), max(ys))


def render(cells, pad=0):
    (x0, y0), (x1, y1) = bbox(cells)
    rows = []
    for y in range(y0 - pad, y1 + pad + 1):
        rows.append("".join("#" if (x, y) in cells else "." for x in range(x0 - pad, x1 + pad + 1)))
    return "\n".join(rows)


def classify(start, limit=40):
    seen = {}
    cur = frozenset(start)
    for gen in range(limit):
        key = normalise(cur)
        if key in seen:
            first = seen[key]
            shape = "still life" if gen - first == 1 and normalise(step(cur)) == key and step(cur) == cur else "oscillator/spaceship"
            return f"period {gen - first} from gen {first} ({shape})"
        seen[key] = gen
        if not cur:
            return f"dies at gen {gen}"
        cur = step(cur)
    return "no cycle found"


g = frozenset(GLIDER)
for i in range(5):
    print(f"gen {i}: {len(g)} cells, bbox {bbox(g)}")
    print(render(g))
    g = step(g)
print("glider moved by", tuple(a - b for a, b in zip(bbox(g)[0], bbox(GLIDER)[0])), normalise(g) == normalise(GLIDER))
for name, pat in [("glider", GLIDER), ("blinker", BLINKER), ("block", BLOCK), ("pair", {(0, 0), (1, 0)}),
                  ("r-pentomino", {(1, 0), (2, 0), (0, 1), (1, 1), (1, 2)})]:
    print(f"{name:>12}: {classify(pat)}")

print(sorted(BLINKER | BLOCK), sorted(BLINKER & BLOCK), sorted(BLOCK - BLINKER), sorted(BLINKER ^ BLOCK))
print(BLOCK <= BLOCK | BLINKER, BLOCK < BLOCK, frozenset(BLOCK) == BLOCK, BLOCK.isdisjoint({(5, 5)}), {(0, 0)}.issubset([(0, 0), (1, 1)]))
print(set(), frozenset(), {1, 2, 3}, frozenset({3, 1, 2}), {(0, 1)}, {-1, -2, 10, 33, 64, 2 ** 40})
print(sorted(step(step(frozenset(BLINKER)))) == sorted(BLINKER), len({frozenset(BLOCK), frozenset(BLOCK), frozenset()}))
s = set(range(20))
s -= set(range(0, 20, 3))
s.discard(100)
s.symmetric_difference_update({1, 50})
s.intersection_update(range(2, 60))
print(sorted(s), len(s), max(s), min(s), sum(s), 50 in s)
try:
    s.remove(999)
except KeyError as e:
    print("KeyError:", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
fs = frozenset({1, 2})
try:
    fs.add(3)
except AttributeError as e:
    print("AttributeError:", e)
print({fs: "pair"}[frozenset([2, 1])], fs | {3}, type(fs | {3}).__name__, type({3} | fs).__name__, fs.union([4], (5,)))
