# global/del semantics, walrus in comprehensions, star-unpacking, chained assignment order
g = 1
def set_g():
    global g, newg
    g = 2
    newg = 'created'
set_g(); print(g, newg)
def del_g():
    global g
    del g
del_g(); print('g' in globals())
try:
    print(g)
except NameError as e:
    print('NE', e)
x = 10
del x
try:
    del x
except NameError as e:
    print('NE', e)
def local_del():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return 'ULE ' + str(e)
print(local_del())
lst = [1, 2, 3, 4]; del lst[0], lst[-1]; print(lst)
d = {'a': 1, 'b': 2}; del d['a']; print(d)
class A: pass
a = A(); a.q = 1; del a.q; print(hasattr(a, 'q'))
data = [1, 5, 3, 8]
print([y for x in data if (y := x * 2) > 5], y)
print([last := v for v in 'abc'], last)
total = 0; print([total := total + v for v in range(5)], total)
def walrus_scope():
    [w := i for i in range(3)]
    return w
print(walrus_scope())
if (n := len(data)) > 3: print('n =', n)
while (chunk := data.pop()) != 5: print('popped', chunk)
print(data, (z := 5) + z, [(a1 := 1), a1])
first, *mid, last = 'abcdef'; print(first, mid, last)
*init, = range(3); print(init)
(p, q), *r = [(1, 2), 3, 4]; print(p, q, r)
[s1, [s2, *s3]] = [1, [2, 3, 4]]; print(s1, s2, s3)
print([*'ab', *range(2), *{'k': 1}], (*'xy',), {*[1, 1, 2]}, {**{'a': 1}, 'b': 2})
for i, (j, *k) in enumerate([(1, 2, 3), (4,)]): print(i, j, k)
order = []
class Rec:
    def __setitem__(self, k, v): order.append(('set', k, v))
    def __setattr__(self, k, v): order.append(('attr', k, v))
def val(tag):
    order.append(('eval', tag))
    return tag
r = Rec()
r[val('k1')] = r.at = r[val('k2')] = val('V')
print(order); order.clear()
a1 = b1 = []; a1.append(1); print(b1, a1 is b1)
i = 0; arr = [0, 0]; i, arr[i] = 1, 5; print(i, arr)
arr2 = [0, 0, 0]; j = arr2[j] = 2; print(j, arr2)
xs = [0, 0, 0]; k = 0; k = xs[k] = 2; print(k, xs)
aa, bb = bb, aa = 1, 2; print(aa, bb)
m, n = n, m = 'mn'; print(m, n)
