# while/for else with break and continue, nested loops, loop variable leakage
def search(seq, target):
    for i, v in enumerate(seq):
        if v == target:
            break
    else:
        return 'not found'
    return 'found at %d' % i
print(search([1, 2, 3], 2), search([], 1), search([1], 5))
n = 0
while n < 3:
    n += 1
    if n == 5: break
else:
    print('while-else ran', n)
while True:
    n -= 1
    if n < 0: break
else:
    print('never')
print('n', n)
for i in range(3):
    for j in range(3):
        if j == i: continue
        if j > i: break
        print(i, j, end=';')
    else:
        print('inner-else', i, end=';')
print()
for x in []: pass
else: print('empty-for-else')
for k in range(2): pass
print('leaked k', k)
i = 0
while i < 10:
    i += 1
    if i % 2: continue
    if i > 6: break
    print(i, end=' ')
else:
    print('no')
print('| i', i)
