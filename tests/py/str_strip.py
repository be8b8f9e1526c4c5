s = '  \t hello world \n '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print('xxhixx'.strip('x'), 'xyhiyx'.strip('xy'), 'abcHIcba'.lstrip('abc'), 'abcHIcba'.rstrip('cb'))
print(repr(''.strip()), repr('   '.strip()), repr('aaa'.strip('a')), 'hello'.strip(''), 'hello'.strip(None))
print('www.example.com'.strip('cmowz.'), '\u00a0x\u2003'.strip(), '--x--'.lstrip('-'))
print('prefix_name'.removeprefix('prefix_'), 'name.py'.removesuffix('.py'), 'abc'.removeprefix('x'), 'abc'.removesuffix(''))
try:
    'x'.strip(1)
except TypeError as e:
    print('TypeError:', e)
print(repr('\r\n line \r\n'.rstrip('\r\n')), repr('0012300'.strip('0')))
