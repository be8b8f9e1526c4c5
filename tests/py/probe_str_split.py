# split/rsplit/splitlines/partition with unusual args
s = '  a  b c   d  '
print(s.split(), s.split(None, 1), s.split(maxsplit=2), s.rsplit(None, 1), s.rsplit(maxsplit=2), s.split(' '), s.split(' ', 2))
print(s.rsplit(' ', 2), 'a,b,,c,'.split(','), 'a,b,,c,'.rsplit(',', 1), ','.split(','), ''.split(','), ''.split(), '   '.split())
print('a b'.split(maxsplit=0), '  a b '.split(None, 0), '  a b  '.rsplit(None, 0), 'a b'.split(maxsplit=-1), 'abcabc'.split('bc', -5))
print('aaa'.split('a'), 'aaaa'.split('aa'), 'aaaa'.rsplit('aa', 1), 'x\ty\nz\x0bw\x0cv\x1cu'.split(), 'a\u3000b\xa0c'.split())
try:
    'a'.split('')
except ValueError as e:
    print('VE', e)
try:
    'a'.split(1)
except TypeError as e:
    print('TE', e)
t = 'one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven\x1deight\x1enine\x85ten\u2028eleven\u2029twelve\n'
print(t.splitlines())
print(t.splitlines(True))
print(''.splitlines(), '\n'.splitlines(), '\n\n'.splitlines(keepends=True), 'x\r'.splitlines(True), 'a\r\n\r\nb'.splitlines())
print('a=b=c'.partition('='), 'a=b=c'.rpartition('='), 'abc'.partition('x'), 'abc'.rpartition('x'), ''.partition('a'))
print('aXbXc'.partition('Xb'), 'abab'.rpartition('ab'))
try:
    'a'.partition('')
except ValueError as e:
    print('VE', e)
print('a\tb\tc'.expandtabs(), 'a\tbc\td'.expandtabs(4), 'ab\tc'.expandtabs(0), '\t'.expandtabs(1), 'x\ty\nab\tz'.expandtabs(3), 'a\r\tb'.expandtabs(4))
print(repr('12345678\t|'.expandtabs()), repr('\t\t'.expandtabs(tabsize=2)), repr('a\tb'.expandtabs(-1)))
print('-42'.zfill(6), '+7'.zfill(4), '42'.zfill(1), ''.zfill(3), '-'.zfill(3), 'abc'.zfill(5), '+-1'.zfill(5), '--'.zfill(4))
print(repr('ab'.center(5)), repr('abc'.center(6)), repr('a'.center(4, '*')), repr('ab'.center(7, '-')), repr('abc'.center(2)))
print(repr('x'.ljust(3, '.')), repr('x'.rjust(3, '.')), repr('abc'.ljust(-1)))
try:
    'a'.center(5, 'ab')
except TypeError as e:
    print('TE', e)
print('hello world'.title(), "they're bill's".title(), 'ÉCOLE élève'.title(), 'a1b2 c3'.title(), 'ǆemal'.title())
print('hELLO wORLD'.capitalize(), 'ßtraße'.capitalize(), 'ǆx'.capitalize(), ''.capitalize(), '1ABC'.capitalize())
print('Straße'.casefold(), 'ΣΑΣ'.casefold(), 'ΣΑΣ'.lower(), 'ß'.upper(), 'ﬁ'.upper(), 'İ'.lower(), len('İ'.lower()))
print('Hello Wörld ß'.swapcase(), 'ǅ'.swapcase(), 'ΑΣ'.lower(), 'ΑΣ Β'.lower())
print('ab'.startswith(('x', 'a')), 'ab'.endswith('b', 0, 1), 'abc'.startswith('b', 1), 'abc'.endswith(('c',), -1), ''.startswith(''), 'a'.startswith('', 5))
