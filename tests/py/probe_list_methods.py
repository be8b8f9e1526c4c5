# list methods with unusual arguments
a = [3, 1, 4, 1, 5, 9, 2, 6]
print(a.index(1), a.index(1, 2), a.index(9, -4), a.index(1, -100, 100), a.count(1), a.count('x'))
for args in [(7,), (1, 4, 3), (1, 0, 1)]:
    try:
        a.index(*args)
    except ValueError as e:
        print('VE', e)
b = a[:]; b.insert(100, 'end'); b.insert(-100, 'start'); b.insert(-1, 'pen'); print(b)
b = [1, 2, 3]; print(b.pop(), b.pop(0), b, b.pop(-1), b)
for f in [lambda: [].pop(), lambda: [1].pop(5), lambda: [].remove(1), lambda: [1, 2].pop(-3)]:
    try:
        f()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
b = [1, 2, 1, 2]; b.remove(2); print(b)
b = [1]; b.extend(range(3)); b.extend('ab'); b.extend({7: 0}); b.extend((x for x in [8])); print(b)
b = [1, 2]; b.extend(b); print(b)
b = [1, 2]; b.append(b); print(b, len(b))
b = [3, 1, 2]; print(b.reverse(), b, b.sort(), b, b.clear(), b)
b = [1, 2, 3]; c = b.copy(); c.append(4); print(b, c)
print([1, 2] == [1, 2.0], [1, 2] < [1, 2, 0], [1, [2]] < [1, [3]], [] < [0], [2] > [1, 9])
print([1, 2] != (1, 2), [float('nan')] == [float('nan')])
n = float('nan'); print([n] == [n], [n].count(n), [n].index(n), n in [n])
try:
    [1, 'a'] < [1, 2]
except TypeError as e:
    print('TE', e)
try:
    [].sort(1)
except TypeError as e:
    print('TE', e)
try:
    [3, 'a'].sort()
except TypeError as e:
    print('TE', e)
d = [('b', 2), ('a', 2), ('c', 1), ('a', 1)]
print(sorted(d, key=lambda t: t[1]), sorted(d, key=lambda t: t[1], reverse=True))
e = [5, 3, 5, 1]; e.sort(reverse=True); print(e)
print(list(reversed([1, 2, 3])), list(reversed([])))
print(len([None] * 5), [1, 2, 3][-1], bool([]), bool([0]))
print(list(), list('ab'), list((1,)), list({1: 2}), list(range(0)))
try:
    list(1)
except TypeError as e:
    print('TE', e)
class L(list):
    pass
l = L([1, 2]); l2 = l + [3]; print(type(l2).__name__, l2, type(l[:]).__name__, type(l * 2).__name__)
l += [4]; print(type(l).__name__, l)
print([x for x in [1, 2, 3] if x != 2] + [0], [1, 2, 3].__len__(), [1].__contains__(1))
print(repr([1, 'a', None, 2.5, [True]]), str(['q"', "x'"]))
print([].__class__.__name__, list.__name__, type([]) is list)
s = [1, 2, 3]
print(s.__getitem__(1), s.__getitem__(slice(0, 2)))
s.__setitem__(0, 'z'); s.__delitem__(-1); print(s)
try:
    s[5] = 1
except IndexError as e:
    print('IE', e)
try:
    del s[5]
except IndexError as e:
    print('IE', e)
try:
    s['a']
except TypeError as e:
    print('TE', e)
