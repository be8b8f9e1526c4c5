# list.sort / sorted perform exactly CPython 3.11's sequence of '<' comparisons
# (timsort: run detection, binary insertion, merge_collapse, galloping).  Each case
# prints the number of comparisons, a checksum of the (left, right) pairs in order,
# and the sorted order (in full when short, as a checksum otherwise).

seed = 12345


def rand(bound):
    """Next value of a fixed LCG, reduced to range(bound)."""
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 8) % bound


log = []


class R:
    """An item whose '<' is recorded: (self.i, other.i) appended to log."""
    def __init__(self, v, i):
        self.v = v
        self.i = i

    def __lt__(self, other):
        log.append((self.i, other.i))
        return self.v < other.v


def checksum(numbers):
    h = 0
    for x in numbers:
        h = (h * 1000003 + x + 1) % 2305843009213693951
    return h


def pairs_checksum():
    h = 0
    for a, b in log:
        h = (h * 1000003 + a * 7919 + b + 1) % 2305843009213693951
    return h


def order_text(ids):
    if len(ids) <= 16:
        return str(ids)
    return 'order#' + str(checksum(ids))


def report(name, ids):
    print(name, len(log), pairs_checksum(), order_text(ids))


def run_sort(name, values, how='sort', key=False, reverse=False):
    """Sort R items of values (by themselves, or by R keys through key=)."""
    log.clear()
    if key:
        keys = {}
        items = [(i, v) for i, v in enumerate(values)]
        for i, v in items:
            keys[i] = R(v, i)

        def keyf(item):
            return keys[item[0]]
        if how == 'sort':
            items.sort(key=keyf, reverse=reverse)
            out = items
        else:
            out = sorted(items, key=keyf, reverse=reverse)
        report(name, [i for i, v in out])
    else:
        items = [R(v, i) for i, v in enumerate(values)]
        if how == 'sort':
            items.sort(reverse=reverse)
            out = items
        else:
            out = sorted(items, reverse=reverse)
        report(name, [r.i for r in out])


def random_list(n, bound):
    return [rand(bound) for _ in range(n)]


# ---- random lists of every size up to 300 -----------------------------------------
for n in range(0, 301):
    run_sort('random%d' % n, random_list(n, 1000))

# duplicates-heavy random lists, some sorted with sorted(), some descending
for n in (2, 3, 10, 33, 64, 65, 127, 128, 129, 200, 257):
    run_sort('dups%d' % n, random_list(n, 4))
    run_sort('dups%d-rev' % n, random_list(n, 4), reverse=True)
    run_sort('dups%d-sorted' % n, random_list(n, 5), how='sorted')

# ---- structured inputs --------------------------------------------------------------
for n in (1, 2, 5, 63, 64, 65, 100, 1000):
    run_sort('ascending%d' % n, list(range(n)))
    run_sort('descending%d' % n, list(range(n, 0, -1)))
    run_sort('organ%d' % n, list(range(n // 2)) + list(range(n - n // 2, 0, -1)))
    run_sort('constant%d' % n, [7] * n)
    run_sort('random-big%d' % n, random_list(n, 1000000))
    run_sort('sawtooth%d' % n, [i % 10 for i in range(n)])

# descending with equal neighbours: the descending run stops at the first tie
run_sort('desc-ties', [9, 8, 8, 7, 6, 6, 5, 4, 4, 3, 2, 2, 1, 0])
run_sort('desc-ties-long', [x // 2 for x in range(300, 0, -1)])


def runs(lengths, bound):
    """Concatenated runs: ascending for positive lengths, descending for negative."""
    out = []
    for ln in lengths:
        r = sorted(random_list(abs(ln), bound))
        if ln < 0:
            r.reverse()
        out += r
    return out


# runs longer than minrun, in shapes that drive merge_collapse, merge_lo and merge_hi
run_sort('runs-a', runs([100, 90, 80, 200, 40, 300], 1000))
run_sort('runs-b', runs([-100, 150, -70, 500, 33, 65], 1000))
run_sort('runs-c', runs([400, 50], 1000))
run_sort('runs-d', runs([50, 400], 1000))
run_sort('runs-e', runs([70] * 20, 1000))
run_sort('runs-f', runs([300, -300, 300, -300], 50))
run_sort('runs-g', runs([1000, 200, 100, 64, 64, 64], 100000))
run_sort('runs-h', runs([128, 64, 32, 16, 8, 4, 2, 1] * 6, 1000))

# galloping: long stretches where one run wins, then interleaving, then winning again
gallop = list(range(0, 1000, 2)) + list(range(1, 300, 2)) + list(range(300, 1000))
run_sort('gallop-a', gallop)
run_sort('gallop-b', list(range(500, 1000)) + list(range(0, 500)))
run_sort('gallop-c', list(range(0, 2000, 3)) + list(range(0, 2000, 7)))
run_sort('gallop-d', list(range(300)) + [150] * 100 + list(range(100, 400)))
blocks = []
for b in range(40):
    blocks += list(range(b * 5, b * 5 + 5 * (1 + b % 7)))
run_sort('gallop-e', blocks)
mixed = list(range(2000))
for i in range(0, 2000, 97):
    j = rand(2000)
    mixed[i], mixed[j] = mixed[j], mixed[i]
run_sort('nearly-sorted', mixed)
run_sort('nearly-sorted-rev', mixed, reverse=True)

# ---- key= and reverse= --------------------------------------------------------------
for n in (0, 1, 2, 10, 64, 65, 150, 1000):
    data = random_list(n, 50)
    run_sort('key%d' % n, data, key=True)
    run_sort('key-rev%d' % n, data, key=True, reverse=True)
    run_sort('rev%d' % n, data, reverse=True)
    run_sort('sorted-key-rev%d' % n, data, how='sorted', key=True, reverse=True)
run_sort('key-runs', runs([100, -90, 80, 200, -40, 300], 100), key=True)
run_sort('key-runs-rev', runs([100, -90, 80, 200, -40, 300], 100), key=True, reverse=True)

# ---- plain values (the fast paths) still sort like CPython --------------------------
ints = random_list(500, 100)
print(checksum(sorted(ints)), sorted(ints)[:10], sorted(ints, reverse=True)[:10])
words = ['w%d' % rand(300) for _ in range(300)]
print(sorted(words)[:8], sorted(words, key=len)[:5], sorted(words, reverse=True)[:5])
pairs = [(rand(5), rand(5)) for _ in range(100)]
print(sorted(pairs)[:8], sorted(pairs, key=lambda p: p[1])[:8])
print(sorted([3, 1.5, -2, 2.5, 0, True, 10 ** 20, -(10 ** 20)]))
print(sorted(['b', 'a', 'é', 'ab', '', 'Z', '\U0001f600', 'a\x00']))


# ---- a comparison that raises mid-sort ----------------------------------------------
class Boom(Exception):
    pass


class Fragile:
    """'<' raises on the limit-th comparison; every comparison is recorded."""
    limit = 0

    def __init__(self, v, i):
        self.v = v
        self.i = i

    def __lt__(self, other):
        log.append((self.i, other.i))
        if len(log) == Fragile.limit:
            raise Boom('comparison %d' % len(log))
        return self.v < other.v


for n, limit in ((2, 1), (10, 5), (64, 100), (65, 300), (300, 1), (300, 2000), (1000, 8000)):
    # CPython leaves a list partly sorted after an error, so each sort gets a fresh
    # list and the list is never printed afterwards.
    data = random_list(n, 100)
    log.clear()
    Fragile.limit = limit
    items = [Fragile(v, i) for i, v in enumerate(data)]
    try:
        items.sort()
        print('sorted without error', n, limit)
    except Boom as e:
        print('Boom:', e, len(log), pairs_checksum())
    log.clear()
    items = [Fragile(v, i) for i, v in enumerate(data)]
    try:
        sorted(items, reverse=True)
        print('sorted without error', n, limit)
    except Boom as e:
        print('Boom:', e, len(log), pairs_checksum())
    # keys made by the key function are owned by the sort alone
    log.clear()
    try:
        sorted(data, key=lambda v, c=iter(range(n)): Fragile(v, next(c)))
        print('sorted without error', n, limit)
    except Boom as e:
        print('Boom:', e, len(log), pairs_checksum())


def failing_key(x):
    if x == 42:
        raise ValueError('bad key %d' % x)
    return x


try:
    sorted([5, 3, 42, 1], key=failing_key)
except ValueError as e:
    print('ValueError:', e)
try:
    sorted([R(1, 0), 'x', R(2, 1)])
except TypeError as e:
    print('TypeError:', e)
