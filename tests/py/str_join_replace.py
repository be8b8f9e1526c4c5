print(','.join(['a', 'b', 'c']), ''.join([]), '-'.join('xyz'), ' '.join(('one',)), ', '.join(str(i) for i in range(4)))
print('\n'.join(['l1', 'l2']))
print('ab'.join('123'), '★'.join(['a', 'b']))
try:
    ','.join(['a', 1, 'c'])
except TypeError as e:
    print('TypeError:', e)
try:
    ','.join(5)
except TypeError as e:
    print('TypeError:', e)
try:
    ','.join([b'a'])
except TypeError as e:
    print('TypeError:', e)
s = 'the cat sat on the mat'
print(s.replace('the', 'a'), s.replace('at', 'og', 2), s.replace('x', 'y'), s.replace('', '-')[:12])
print('aaaa'.replace('aa', 'b'), 'abc'.replace('', '|'), 'abc'.replace('b', ''), 'abc'.replace('abc', 'X', 0))
print('ééé'.replace('é', 'e', 1), 'a.b.c'.replace('.', '', -1))
print('abc' * 3, 3 * 'ab', 'x' * 0, 'x' * -2, '' * 100, len('ab' * 1000))
try:
    'a' * 2.0
except TypeError as e:
    print('TypeError:', e)
try:
    'a' + 1
except TypeError as e:
    print('TypeError:', e)
try:
    1 + 'a'
except TypeError as e:
    print('TypeError:', e)
print('ab' + 'cd', 'x' + '', str(1) + '2')
