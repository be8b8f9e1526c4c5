a = [3, 1, 4, 1, 5, 9, 2, 6]
print(a[2:6], len(a), a.index(1), a.count(1), sorted(a)[::-1], max(a), sum(a), a[::-2])
b = a
c = a[:]
a.append(0)
print(b is a, c is a, len(b), len(c), a == c + [0])
stack = []
stack.append(1); stack.append(2); print(stack.pop(), stack)
queue = [1, 2, 3]
print(queue.pop(0), queue)
print([0] * 3, [[0] * 2 for _ in range(2)], list(range(3)) * 2)
m = [[1, 2], [3, 4]]
print([x for row in m for x in row], [list(r) for r in zip(*m)], sum(m, []))
print(list(map(list, zip('ab', 'cd'))), list(enumerate(['x', 'y'], 1)))
words = 'the quick brown fox'.split()
print([w[::-1] for w in words], [len(w) for w in words], ' '.join(sorted(words, key=len)))
e = []
e += 'ab'
e += range(2)
e += (None,)
print(e)
print([1, 2, 3][-1:-4:-1], [][::-1], [1][5:], [1, 2][:-5])
x = [1, 2, 3]
x[1:2] = []
x[:0] = [0]
print(x, x * 0, x[:] == x, [x] * 2)
y = [5, 3, 8]
y.sort(key=lambda v: -v)
print(y, list(reversed(y)), y.__len__(), y.__contains__(3))
