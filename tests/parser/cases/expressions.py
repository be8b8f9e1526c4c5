x = 1 + 2 * 3 - 4 / 5 // 6 % 7 ** 8 ** 2
y = -x + +x - ~x
z = (a or b and not c) or d
w = a < b <= c > d >= e == f != g in h not in i is j is not k
v = a | b ^ c & d << e >> f @ g
u = x if y else z if w else v
t = lambda: 0
s = lambda a, b=1, *c, d, e=2, **f: a + b
r = await_ = 3
q = [1, 2, 3][1:2], a[::2], a[1:], a[:2:], a[:, 1], a[1, 2:3]
p = f(1, *args, key=2, **kw)
o = f(x for x in y)
n = {1: 2, **d, 3: 4}
m = {1, 2, *s}
l = (yield)
k = (n := 10)
j = a.b.c(d).e[f]
i = ()
h = (1,)
g = [*a, *b]
ff = ...
ee = None, True, False
dd = x[*a]
