x = 1
del x
try:
    print(x)
except NameError as e:
    print('NameError:', e)
lst = list(range(10))
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[1:3]
print(lst)
del lst[::2]
print(lst)
d = {'a': 1, 'b': 2, 'c': 3}
del d['b']
print(d)
try:
    del d['zz']
except KeyError as e:
    print('KeyError:', e)
class C:
    pass
c = C()
c.attr = 5
del c.attr
print(hasattr(c, 'attr'))
try:
    del c.attr
except AttributeError as e:
    print('AttributeError:', e)
a, b = 1, 2
del a, b
print('a' in globals(), 'b' in globals())
p = [1, 2, 3]
q = [4, 5]
del (p[0], q[1])
print(p, q)
def f():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return 'UnboundLocalError: ' + str(e)
print(f())
try:
    del lst[100]
except IndexError as e:
    print('IndexError:', e)
