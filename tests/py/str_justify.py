for s in ['a', 'abc', 'hello world', '']:
    print(repr(s.center(9)), repr(s.center(9, '*')), repr(s.ljust(7, '.')), repr(s.rjust(7)), repr(s.center(2)))
print('42'.zfill(5), '-42'.zfill(5), '+42'.zfill(5), 'abc'.zfill(6), '12345'.zfill(3), ''.zfill(3), '-'.zfill(3))
print('ab'.center(5), 'ab'.center(6), 'abc'.center(6), 'abc'.center(5, '-'))
print('\tx\ty'.expandtabs(), '\tx\ty'.expandtabs(4), 'ab\tc\n\td'.expandtabs(2))
try:
    'x'.center(5, 'ab')
except TypeError as e:
    print('TypeError:', e)
try:
    'x'.ljust('5')
except TypeError as e:
    print('TypeError:', e)
print('é'.center(5, '★'), 'x'.rjust(-1))
