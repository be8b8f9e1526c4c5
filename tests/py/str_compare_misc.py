print('a' < 'b', 'abc' < 'abd', 'ab' < 'abc', '' < 'a', 'Z' < 'a', 'é' > 'z', 'abc' == 'abc')
print(sorted(['banana', 'Apple', 'cherry', 'apple', 'Banana', 'é', '10', '9']))
print(sorted(['b', 'A', 'c'], key=str.lower), max('apple', 'pear'), min(['zz', 'a', 'mm']))
print('a' * 3 == 'aaa', 'x' != 'X')
s = 'Hello'
print(str(s) is s, s[:] is s, str(5), str(-1.5), str([1, 'a']), str((1,)), str({'a': 'b'}))
print(repr("it's"), repr('say "x"'), repr('both \' and "'), repr('\\'), repr('\x00\x1f\x7f\x80\xa0\xad'))
print(repr('\u200b\u2028\ud800' if False else '\u200b\u2028'), repr('\U0010ffff'), repr('é★'))
print(str.__name__, type('').__name__, isinstance('x', str), len(''), 'abc'.__len__())
print('{} {}'.format(*'ab'), 'x'.join('') == '', 'tEST'.capitalize())
print(''.join(reversed('stressed')), 'racecar' == 'racecar'[::-1])
print('abc'.__contains__('b'), 'abc'.__getitem__(1), 'a'.__add__('b'), 'a'.__mul__(3))
print(str(b'x'), str(1e100), str(True), str(None), str(), str(object)[:7])
print(chr(65), ord('A'), [ord(c) for c in 'Az09'], ''.join(chr(i) for i in range(97, 102)))
try:
    ord('ab')
except TypeError as e:
    print('TypeError:', e)
try:
    chr(-1)
except ValueError as e:
    print('ValueError:', e)
try:
    chr(0x110000)
except ValueError as e:
    print('ValueError:', e)
print('abc'.translate({97: 'A', 98: None}), 'hello'.translate(str.maketrans('el', 'ip')), str.maketrans('ab', 'cd'))
