l = [3, 1, 2]
l.append(4); print(l)
l.extend([5, 6]); print(l)
l.extend('ab'); print(l)
l.insert(0, 'first'); l.insert(100, 'last'); l.insert(-1, 'neg'); print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove('a'); print(l)
print(l.index(2), l.count(2), [1, 2, 1, 1].count(1), [1, 2, 3, 2].index(2, 2))
l2 = l.copy(); l2.append('copy'); print(l, l2)
l.reverse(); print(l)
l.clear(); print(l, len(l))
nums = [5, 2, 8, 1, 9, 3]
nums.sort(); print(nums)
nums.sort(reverse=True); print(nums)
print(sorted(nums), nums)
errs = [lambda: [].pop(), lambda: [1].pop(5), lambda: [1].remove(2), lambda: [1].index(2), lambda: [1, 'a'].sort(),
        lambda: [1][2], lambda: [].insert(), lambda: [1, 2].index(1, 1), lambda: [1].extend(5)]
for f in errs:
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
print(list(), list('abc'), list(range(3)), list((1, 2)), list({'a': 1}), list({3}))
print([1, 2] + [3], [0] * 4, [[]] * 2, [1, 2] * 0, [1] * -1)
grid = [[0] * 2] * 2
grid[0][0] = 1
print(grid)
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 2, 3], [2] > [1, 99], [] < [0], [1, [2]] == [1, [2]])
print(len([1, [2, 3]]), 3 in [1, 2, 3], [1] in [[1]], [].__len__())
