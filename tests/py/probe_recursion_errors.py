# RecursionError caught at various depths, recursive reprs, recursive generators
def deep(n):
    return deep(n + 1)
try:
    deep(0)
except RecursionError as e:
    print('RecursionError', e)
def outer():
    def inner(k):
        return inner(k + 1) + 1
    try:
        return inner(0)
    except RecursionError as e:
        return 'caught in outer: ' + str(e)
print(outer())
def mutual_a(n): return mutual_b(n + 1)
def mutual_b(n): return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError:
    print('mutual recursion caught')
def depth_ok(n): return 0 if n == 0 else 1 + depth_ok(n - 1)
print(depth_ok(500), sys.getrecursionlimit() >= 1000 if 'sys' in dir() else 'nosys')
import sys
old = sys.getrecursionlimit(); sys.setrecursionlimit(200)
def count(n):
    try:
        return count(n + 1)
    except RecursionError:
        return n
r = count(0); print('limited', 100 < r < 200); sys.setrecursionlimit(old)
l = []; l.append(l)
try:
    str_r = repr(l); print(str_r)
except RecursionError:
    print('repr recursion')
class Node:
    def __init__(self, nxt): self.nxt = nxt
    def __repr__(self): return 'N(%r)' % (self.nxt,)
a = Node(None); a.nxt = a
try:
    repr(a)
except RecursionError as e:
    print('repr RecursionError', e)
def gen_rec(n):
    if n: yield from gen_rec(n - 1)
    yield n
print(list(gen_rec(5)), sum(gen_rec(100)))
out = []
for i in range(3):
    try:
        if i == 1: continue
        out.append(i)
    finally:
        out.append('fin')
print(out)
