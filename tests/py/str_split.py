s = '  a b   c  '
print(s.split(), s.split(' '), s.split(None, 1), s.split(' ', 2))
print('a,b,,c'.split(','), 'a,b,,c'.split(',', 1), 'a,b,,c'.split(',', -1), 'a,b,,c'.split(',', 0))
print('a::b::c'.split('::'), ''.split(), ''.split(','), '   '.split(), ','.split(','))
print(s.rsplit(), s.rsplit(None, 1), 'a,b,c,d'.rsplit(',', 2), 'a,b,c'.rsplit(',', 0))
print('a\tb\nc\x0bd\x0ce\rf'.split(), 'one  two'.split(' '))
print('abcabc'.split('c'), 'xxx'.split('x'), 'aXbXc'.split('X', maxsplit=1), 'a b c'.rsplit(maxsplit=1))
print('1 2 3'.split(sep=None), 'a\u3000b\u00a0c'.split())
try:
    'abc'.split('')
except ValueError as e:
    print('ValueError:', e)
try:
    'abc'.split(1)
except TypeError as e:
    print('TypeError:', e)
print([int(x) for x in '10 20 30'.split()], '  lead'.split(' '), 'trail  '.rsplit(' ', 1))
