print(sorted([3, 1, 2]), sorted('hello'), sorted({'b': 1, 'a': 2}), sorted((5, -1)), sorted(range(5, 0, -1)))
print(sorted([3, 1, 2], reverse=True), sorted(['a', 'B', 'c'], key=str.upper), sorted([[3], [1, 2]], key=len))
lst = [5, 3]
r = sorted(lst)
print(r is lst, lst)
try:
    sorted()
except TypeError as e:
    print('TypeError:', e)
try:
    sorted([1], [2])
except TypeError as e:
    print('TypeError:', e)
print(list(reversed([1, 2, 3])), ''.join(reversed('abc')), tuple(reversed((1, 2))), list(reversed(range(1, 10, 3))))
class Rev:
    def __reversed__(self):
        return iter(['custom', 'reversed'])
print(list(reversed(Rev())))
class SeqLike:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return 'abc'[i]
print(list(reversed(SeqLike())))
try:
    reversed(5)
except TypeError as e:
    print('TypeError:', e)
try:
    reversed(x for x in [1])
except TypeError as e:
    print('TypeError:', e)
d = {'one': 1, 'two': 2, 'three': 3}
print(list(reversed(d)), list(reversed(d.keys())), sorted(d, key=d.get, reverse=True))
