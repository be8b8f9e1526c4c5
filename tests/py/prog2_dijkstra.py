# Hand-written binary heap used for Dijkstra, plus path reconstruction and a heapsort.
import sys


class Heap:
    def __init__(self, items=(), key=lambda x: x):
        self.key = key
        self.a = []
        for it in items:
            self.push(it)

    def __len__(self):
        return len(self.a)

    def __bool__(self):
        return bool(self.a)

    def push(self, item):
        a = self.a
        a.append(item)
        i = len(a) - 1
        while i > 0:
            p = (i - 1) >> 1
            if self.key(a[i]) < self.key(a[p]):
                a[i], a[p] = a[p], a[i]
                i = p
            else:
                break

    def pop(self):
        a = self.a
        if not a:
            raise IndexError("pop from empty heap")
        top = a[0]
        last = a.pop()
        if a:
            a[0] = last
            i, n = 0, len(a)
            while True:
                l, r, m = 2 * i + 1, 2 * i + 2, i
                if l < n and self.key(a[l]) < self.key(a[m]):
                    m = l
                if r < n and self.key(a[r]) < self.key(a[m]):
                    m = r
                if m == i:
                    break
                a[i], a[m] = a[m], a[i]
                i = m
        return top


EDGES = """
A B 7
A C 9
A F 14
B C 10
B D 15
C D 11
C F 2
D E 6
E F 9
G H 1
"""


def build_graph(text):
    g = {}
    for line in text.strip().splitlines():
        u, v, w = line.split()
        w = int(w)
        g.setdefault(u, {})[v] = w
        g.setdefault(v, {})[u] = w
    return g


def dijkstra(graph, src):
    dist = {src: 0}
    prev = {}
    heap = Heap([(0, src)])
    seen = set()
    order = []
    while heap:
        d, u = heap.pop()
        if u in seen:
            continue
        seen.add(u)
        order.append(u)
        for v, w in sorted(graph[u].items()):
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                prev[v] = u
                heap.push((nd, v))
    return dist, prev, order


def path_to(prev, src, dst):
    path = [dst]
    while path[-1] != src:
        try:
            path.append(prev[path[-1]])
        except KeyError:
            raise LookupError(f"no path from {src} to {dst}") from None
    return path[::-1]


g = build_graph(EDGES)
dist, prev, order = dijkstra(g, "A")
print("visit order:", " -> ".join(order))
for node in sorted(g):
    d = dist.get(node, float("inf"))
    try:
        p = "-".join(path_to(prev, "A", node))
    except LookupError as e:
        p = f"<{e}>"
    print(f"{node}: {d!s:>4} via {p}")
print(max(dist.items(), key=lambda kv: kv[1]), sum(dist.values()), dist.get("G") is None)

h = Heap([5, 3, 9, 1, 5, 8, 2, 7, 0, -4, 11], key=lambda x: -x)
print([h.pop() for _ in range(len(h))])
words = "the quick brown fox jumps over the lazy dog".split()
h2 = Heap(enumerate(words), key=lambda p: (len(p[1]), p[1], p[0]))
out = []
while h2:
    out.append(h2.pop())
print(out)
try:
    h2.pop()
except IndexError as e:
    print(repr(e))
inf = float("inf")
print(inf > 10 ** 400, -inf < -10 ** 400, inf == inf, inf - inf != inf - inf, repr(inf), str(-inf))
