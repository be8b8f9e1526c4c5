# translate/maketrans, format_map, predicates, find family, replace counts
tbl = str.maketrans('abc', 'xyz', 'd')
print(sorted(tbl.items()), 'abcdabcd'.translate(tbl))
print(str.maketrans({'a': 'AA', 'b': None, 99: 'C'}), 'abcabc'.translate(str.maketrans({'a': 'AA', 'b': None, 'c': 120})))
print('hello'.translate({ord('l'): None, ord('o'): '0'}), 'abc'.translate([ 'q', 'r', 's'] * 40), 'abc'.translate({}))
for args in [('ab', 'c'), ({'ab': 1},), (1,), ({'a': 1.5},)]:
    try:
        str.maketrans(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
class D(dict):
    def __missing__(self, k): return '<' + k + '>'
print('{a} and {b}'.format_map(D(a=1)), '{0}'.format_map({}) if False else '', '{x[1]}'.format_map({'x': 'hi'}))
try:
    '{z}'.format_map({})
except KeyError as e:
    print('KE', e)
words = ['abc', 'a_1', '_', '1a', 'élan', 'if', '', 'a-b', 'ℕ', 'x\u0300']
print([w.isidentifier() for w in words])
print([c.isprintable() for c in ['a', '\n', ' ', '\x7f', '\xa0', '\u2028', 'é', '']])
nums = ['123', '½', '²', '٣', 'Ⅻ', '1.5', '', '-1', '一', '\uff11']
print([n.isdecimal() for n in nums]); print([n.isdigit() for n in nums]); print([n.isnumeric() for n in nums])
print([x.isalpha() for x in ['abc', 'ab1', '', 'é', '中']], [x.isalnum() for x in ['a1', 'a 1', '½']], [x.isspace() for x in [' \t', '', '\x1c', 'a ']])
print([x.isupper() for x in ['ABC', 'AB1', '1', 'Ab', 'É']], [x.islower() for x in ['abc', 'a1', '1', 'ß']], [x.istitle() for x in ['Ab Cd', 'AB', 'Ab cd', '1A', 'A1b']])
print('abc'.isascii(), 'é'.isascii(), ''.isascii(), '\x7f'.isascii())
s = 'abracadabra'
print(s.find('a', 1), s.find('a', -3), s.find('a', 3, 4), s.rfind('a', 0, -1), s.find(''), s.find('', 20), s.rfind(''), s.find('', 11))
print(s.count('a'), s.count('a', 5), s.count(''), ''.count(''), s.count('abra', 1), s.count('a', -4, -1), s.index('c'), s.rindex('b'))
try:
    s.index('z')
except ValueError as e:
    print('VE', e)
try:
    s.rindex('z')
except ValueError as e:
    print('VE', e)
print(s.replace('a', 'A', 2), s.replace('a', 'A', 0), s.replace('a', 'A', -1), s.replace('', '-'), s.replace('', '-', 3), 'aaa'.replace('aa', 'b'))
print(s.removeprefix('abra'), s.removesuffix('abra'), s.removeprefix('x'), s.strip('ab'), s.lstrip('bar'), s.rstrip('arb'), '  x '.strip(), 'xyx'.strip(''))
print('-'.join(['a', 'b']), ''.join([]), ','.join('abc'), ' '.join(x for x in 'xy'))
try:
    ','.join(['a', 1])
except TypeError as e:
    print('TE', e)
print('ab' * 3, 0 * 'ab', 'ab' * -1, 'a' + 'b', 'b' > 'a', 'B' < 'a', 'abc' < 'abd', 'ab' < 'abc', '' < 'a', 'Z' < 'a')
print(str(5), str(), str('x'), str(None), str([1, 'a']), repr('it\'s'), repr("q\"'"), repr('\x00\t\n\\'), repr('é\u200b\U0001f600'), ascii('é\U0001f600'))
print(min('hello'), max('hello'), sorted('hello'), 'ell' in 'hello', '' in 'abc', list('ab'), 'x'.join('123'))
print('%s|%r|%a' % ('é', 'é', 'é'), '{!r:>6}|{!s:^5}|{!a}'.format('é', 1, 'ü'))
