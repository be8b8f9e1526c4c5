# Sudoku solver (constraint propagation + backtracking) and an N-queens counter.
import sys

PUZZLES = [
    "53..7....6..195....98....6.8...6...34..8.3..17...2...6.6....28....419..5....8..79",
    "..9748...7.........2.1.9.....7...24..64.1.59..98...3.....8.3.2.........6...2759..",
    "1....7.9..3..2...8..96..5....53..9...1..8...26....4...3......1..4......7..7...3..",
]
ROWS = "ABCDEFGHI"
COLS = "123456789"
SQUARES = [r + c for r in ROWS for c in COLS]
UNITS = ([[r + c for c in COLS] for r in ROWS] + [[r + c for r in ROWS] for c in COLS] +
         [[r + c for r in rs for c in cs] for rs in ("ABC", "DEF", "GHI") for cs in ("123", "456", "789")])
UNITS_OF = {s: [u for u in UNITS if s in u] for s in SQUARES}
PEERS = {s: sorted(set(sum(UNITS_OF[s], [])) - {s}) for s in SQUARES}


class Contradiction(Exception):
    pass


def assign(values, s, d):
    for other in values[s].replace(d, ""):
        eliminate(values, s, other)
    return values


def eliminate(values, s, d):
    if d not in values[s]:
        return
    values[s] = values[s].replace(d, "")
    if not values[s]:
        raise Contradiction(f"no candidates left for {s}")
    if len(values[s]) == 1:
        d2 = values[s]
        for p in PEERS[s]:
            eliminate(values, p, d2)
    for u in UNITS_OF[s]:
        places = [sq for sq in u if d in values[sq]]
        if not places:
            raise Contradiction(f"no place for {d} in unit starting {u[0]}")
        if len(places) == 1:
            assign(values, places[0], d)


def parse(grid):
    values = dict.fromkeys(SQUARES, COLS)
    for s, ch in zip(SQUARES, grid):
        if ch in COLS:
            assign(values, s, ch)
    return values


stats = {"guesses": 0, "dead_ends": 0}


def search(values):
    if all(len(v) == 1 for v in values.values()):
        return values
    n, s = min((len(values[s]), s) for s in SQUARES if len(values[s]) > 1)
    for d in values[s]:
        stats["guesses"] += 1
        try:
            return search(assign(values.copy(), s, d))
        except Contradiction:
            stats["dead_ends"] += 1
    raise Contradiction(f"exhausted {s}")


def show(values):
    lines = []
    for i, r in enumerate(ROWS):
        if i in (3, 6):
            lines.append("------+-------+------")
        row = [values[r + c] for c in COLS]
        lines.append(" | ".join(" ".join(row[j:j + 3]) for j in (0, 3, 6)))
    return "\n".join(lines)


for k, p in enumerate(PUZZLES):
    stats.update(guesses=0, dead_ends=0)
    sol = search(parse(p))
    flat = "".join(sol[s] for s in SQUARES)
    ok = all(sorted(sol[s] for s in u) == list(COLS) for u in UNITS) and all(a == b or a == "." for a, b in zip(p, flat))
    print(f"puzzle {k}: valid={ok} guesses={stats['guesses']} dead_ends={stats['dead_ends']}")
    print(show(sol))
try:
    parse("11" + "." * 79)
except Contradiction as e:
    print("Contradiction:", e)


def queens(n):
    count, first = 0, None
    cols, d1, d2 = [False] * n, [False] * (2 * n), [False] * (2 * n)
    placed = []

    def place(r):
        nonlocal count, first
        if r == n:
            count += 1
            if first is None:
                first = placed[:]
            return
        for c in range(n):
            if not (cols[c] or d1[r + c] or d2[r - c + n]):
                cols[c] = d1[r + c] = d2[r - c + n] = True
                placed.append(c)
                place(r + 1)
                placed.pop()
                cols[c] = d1[r + c] = d2[r - c + n] = False

    place(0)
    return count, first


for n in range(1, 9):
    cnt, first = queens(n)
    print(n, cnt, first)
cnt, first = queens(8)
print("\n".join("".join("Q" if c == q else "." for c in range(8)) for q in first))
