s = list(range(10))
print(s[2:5], s[:3], s[7:], s[:], s[::2], s[1::3], s[::-1], s[8:2:-2])
print(s[-3:], s[:-3], s[-3:-1], s[-1:-4:-1], s[100:], s[-100:2], s[5:2])
print(s[::-3], s[2:2], s[3:-3], s[None:None:None], s[None:4])
t = 'abcdefg'
print(t[1:4], t[::-1], t[::2], t[-2:], t[5:1:-1], t[-100:100])
print((1, 2, 3, 4)[1:3], (1, 2, 3)[::-1], range(10)[2:8:3])
sl = slice(1, 8, 2)
print(s[sl], t[sl], sl, sl.start, sl.stop, sl.step)
print(slice(3), slice(1, 2), slice(None, None, -1))
print(slice(1, 10, 3).indices(5), slice(None, None, -1).indices(4), slice(-2, None).indices(6))
class G:
    def __getitem__(self, k):
        return k
g = G()
print(g[1:2], g[1:2, 3], g[::], g[1:2:3, ...], g[...], g[:, 1])
try:
    s[::0]
except ValueError as e:
    print('ValueError', e)
try:
    s[1.5:2]
except TypeError as e:
    print('TypeError', e)
