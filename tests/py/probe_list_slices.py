# list slicing edge cases: negative steps, slice assignment, del slices
a = list(range(10))
print(a[::-1], a[::-3], a[8:2:-2], a[-1:-11:-1], a[2:8:-1])
print(a[-100:100], a[5:-100:-1], a[100:], a[:-100], a[::100], a[-3::-4])
for start, stop, step in [(None, None, -2), (1, None, 3), (-2, 0, -1), (9, -20, -3)]:
    print(start, stop, step, a[start:stop:step], end=' | ')
print()
b = list(range(6)); b[1:3] = 'xyzw'; print(b)
b = list(range(6)); b[1:5] = []; print(b)
b = list(range(6)); b[2:2] = [9, 9]; print(b)
b = list(range(6)); b[::2] = 'abc'; print(b)
b = list(range(6)); b[::-2] = [10, 30, 50]; print(b)
b = list(range(6)); b[4:1] = ['q']; print(b)
b = list(range(6)); b[-2:] = range(3); print(b)
b = list(range(6)); b[:] = b; print(b)
b = list(range(6)); b[1:4] = b; print(b)
try:
    b = list(range(6)); b[::2] = [1, 2]
except ValueError as e:
    print('VE', e)
try:
    b = list(range(6)); b[::-1] = []
except ValueError as e:
    print('VE', e)
try:
    b = list(range(6)); b[1:3] = 5
except TypeError as e:
    print('TE', e)
b = list(range(6)); b[5:0:-1] = 'vwxyz'; print(b)
b = list(range(10)); del b[::3]; print(b)
b = list(range(10)); del b[::-2]; print(b)
b = list(range(10)); del b[2:-2]; print(b)
b = list(range(10)); del b[8:2]; print(b)
b = list(range(10)); del b[-3:]; print(b)
b = list(range(10)); del b[1::4], b[0]; print(b)
b = [1, 2, 3]; b[10:] = [4]; b[-10:0] = [0]; print(b)
b = [1, 2, 3]; b[1:1] = (); print(b)
try:
    b[1.5:2]
except TypeError as e:
    print('TE', e)
try:
    b[::0]
except ValueError as e:
    print('VE', e)
class I:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
print(a[I(2):I(7):I(2)], a[I(-1)], [1, 2, 3][True], a[False:True])
c = [0] * 3
c[I(1)] = 'i'; print(c)
print(a[slice(1, 9, 3)], a[slice(None)], a[slice(-2, None)])
m = [[0] * 2] * 2; m[0][0] = 1; print(m)
x = [1, 2]; x *= 2; y = x; x += [3]; print(x, y, x is y)
z = [1, 2]; z *= 0; print(z); z *= -5; print(z)
print([1, 2] * -1, 3 * [0], [[]] * 2)
print(a[3:3], a[-1:0], list('abc')[::-1][::-1])
w = list(range(5)); w[1:4:1] = [7]; print(w)
w = list(range(5)); w[-1:-4:-1] = 'abc'; print(w)
