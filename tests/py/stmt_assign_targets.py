class Box:
    pass
b = Box()
b.items = [0, 0, 0]
b.items[1], b.attr = 'one', 'attr'
print(b.items, b.attr)
d = {}
d['a'], d['b'] = d['c'] = (1, 2)
print(d)
a = [1, 2, 3, 4]
a[0], a[-1] = a[-1], a[0]
print(a)
i = 0
a[i], i = 'x', 2
print(a, i)
x = [0, 1, 2]
i = 0
i, x[i] = 1, 'set'
print(x)
(a1, b1), [c1, *d1] = 'ab', range(4)
print(a1, b1, c1, d1)
first, *_, last = range(10)
print(first, last, _)
s = t = []
s.append(1)
print(t)
n = m = 0
n += 1
print(n, m)
p = [1]
q = p
p = p + [2]
print(p, q)
def swap(lst, i, j):
    lst[i], lst[j] = lst[j], lst[i]
l = list('abcd')
swap(l, 0, 3)
print(l)
