people = [('bob', 25), ('alice', 30), ('carol', 25), ('dave', 30), ('eve', 22)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
words = ['banana', 'Apple', 'cherry', 'apple', 'Banana', 'date']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
words.sort(key=lambda w: w[-1]); print(words)
data = [3, -1, 4, -1, 5, -9, 2, 6]
print(sorted(data, key=abs), sorted(data, key=abs, reverse=True))
stab = [(1, 'a'), (0, 'b'), (1, 'c'), (0, 'd'), (1, 'e')]
stab.sort(key=lambda x: x[0]); print(stab)
stab.sort(key=lambda x: x[0], reverse=True); print(stab)
print(sorted([]), sorted([1]), sorted('bca'), sorted({3: 0, 1: 0}), sorted((2.5, 1, 3)))
print(sorted([[2, 1], [1, 2], [1]]), sorted([True, 0, -1, 0.5]))
try:
    sorted([1, 'a', 2])
except TypeError as e:
    print('TypeError:', e)
try:
    sorted([3, 1], key=1)
except TypeError as e:
    print('TypeError:', e)
try:
    [1, 2].sort(lambda x: x)
except TypeError as e:
    print('TypeError:', e)
class V:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return 'V%d' % self.v
print(sorted([V(3), V(1), V(2)]), min([V(5), V(4)]), max(V(1), V(7)))
big = [(i * 7919) % 1000 for i in range(300)]
s = sorted(big)
print(s[:10], s[-5:], all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
