def read_lines():
    text = 'alpha 3\nbeta 5\n# comment\ngamma 2\n\ndelta 7'
    for line in text.split('\n'):
        yield line
def non_empty(lines):
    for l in lines:
        if l and not l.startswith('#'):
            yield l
def parse(lines):
    for l in lines:
        name, n = l.split()
        yield name, int(n)
def running_total(pairs):
    total = 0
    for name, n in pairs:
        total += n
        yield name, n, total
for row in running_total(parse(non_empty(read_lines()))):
    print(row)
def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(list(take(5, (x * x for x in naturals() if x % 2))))
def window(it, k):
    buf = []
    for v in it:
        buf.append(v)
        if len(buf) > k:
            buf.pop(0)
        if len(buf) == k:
            yield tuple(buf)
print(list(window(range(6), 3)))
def interleave(*its):
    its = [iter(i) for i in its]
    while its:
        for it in list(its):
            try:
                yield next(it)
            except StopIteration:
                its.remove(it)
print(list(interleave('abc', [1, 2], 'XYZW')))
