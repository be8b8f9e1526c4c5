x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x //= 5; print(x)
x %= 3; print(x)
x **= 10; print(x)
x <<= 3; print(x)
x >>= 1; print(x)
x |= 0xF0; print(x)
x &= 0x3C; print(x)
x ^= 0xFF; print(x)
f = 7.0
f /= 2; print(f)
f **= 2; print(f)
s = 'ab'
s += 'cd'; s *= 2; print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
lst *= 2
print(alias)
t = (1,)
t_alias = t
t += (2,)
print(t, t_alias)
d = {'n': 0}
d['n'] += 5
print(d)
class C:
    v = 1
c = C()
c.v += 10
print(c.v, C.v)
arr = [[0, 0], [0, 0]]
arr[1][0] -= 4
print(arr)
try:
    undefined_name += 1
except NameError as e:
    print('NameError', e)
try:
    t += [3]
except TypeError as e:
    print('TypeError', e)
