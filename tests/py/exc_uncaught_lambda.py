ops = {'inc': lambda x: x + 1, 'bad': lambda x: x.nope}
print(ops['inc'](1))
print(list(map(ops['bad'], [1])))
