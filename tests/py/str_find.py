s = 'hello world, hello python'
print(s.find('hello'), s.find('hello', 1), s.find('xyz'), s.find(''), s.find('', 100), s.find('o', 5, 10))
print(s.rfind('hello'), s.rfind('o'), s.rfind('o', 0, 10), s.rfind('z'), s.rfind(''))
print(s.index('world'), s.rindex('o'), s.index('o', -5), s.find('n', -1), s.find('h', -100, 3))
print(s.count('o'), s.count('hello'), s.count(''), s.count('l', 3), s.count('l', 3, 5), 'aaaa'.count('aa'))
print('hello' in s, 'Hello' in s, '' in s, ' ' in s, 'x' not in s)
try:
    s.index('zzz')
except ValueError as e:
    print('ValueError:', e)
try:
    s.rindex('zzz')
except ValueError as e:
    print('ValueError:', e)
try:
    1 in s
except TypeError as e:
    print('TypeError:', e)
print(s.startswith('hello'), s.startswith('world', 6), s.startswith(('x', 'he')), s.startswith(''))
print(s.endswith('python'), s.endswith(('java', 'thon')), s.endswith('hello', 0, 18), s.endswith('o', 0, 5))
try:
    s.startswith(['hello'])
except TypeError as e:
    print('TypeError:', e)
print('ñandú'.find('d'), 'ñandú'.rfind('ú'), '日本日本'.rfind('日'))
