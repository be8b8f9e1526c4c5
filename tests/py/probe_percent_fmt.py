# printf-style % formatting of str
print('%d|%5d|%-5d|%05d|%+d|% d|%+05d|%.3d|%5.3d|%-+6d|' % (42, 42, 42, 42, 42, 42, -42, 7, 7, 7))
print('%x|%X|%#x|%#X|%#o|%o|%#5x|%-#6o|%08.3x|' % (255, 255, 255, 255, 8, 8, 15, 8, 10))
print('%s|%10s|%-10s|%.2s|%10.3s|%r|%a|' % ('abc', 'abc', 'abc', 'abc', 'abcdef', 'a\n', 'é'))
print('%c|%c|%5c|%-3c|' % (65, 'z', 'q', 0x263A))
print('%(a)s-%(b)05d-%(a)r' % {'a': 'x', 'b': 3}, '%(k)s' % {'k': [1]}, '%%' % (), '%s' % ((1, 2),), '%s' % [1, 2])
print('%*d|%-*d|%.*f|%*.*f|' % (5, 1, 5, 2, 2, 3.14159, 8, 3, 2.71828))
print('%s %s' % (1, 'a'), '%s' % 'single', '%d%%' % 50, '%i' % 3.99, '%d' % -3.99, '%d' % True, '%s' % None, '%x' % -255)
print('%e|%E|%g|%G|%.0e|%#g|%f|%F|' % (1234.5, 0.00012, 1e-5, 1e20, 5.5, 1.0, float('inf'), float('nan')))
print('%5s|%-5s|' % (None, True), '%r' % (1.0,), '%s' % 1e16, '%.1f' % 0.05, '%.1f' % 0.25, '%.2f' % 2.675)
class I:
    def __index__(self): return 11
    def __int__(self): return 12
print('%x %o %d' % (I(), I(), 12))
class R:
    def __repr__(self): return 'R!'
    def __str__(self): return 'S!'
print('%s %r %a' % (R(), R(), R()))
for fmt, args in [('%d', 'x'), ('%d %d', (1,)), ('%d', (1, 2)), ('%z', 1), ('%(a)s', 1), ('%c', 'ab'), ('%c', -1), ('%x', 1.5), ('%s %(a)s', {'a': 1}), ('%', ()), ('%(a', {'a': 1}), ('%.*d', ('a', 1)), ('%c', 0x110000), ('%d', None)]:
    try:
        print(repr(fmt % args))
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(fmt, type(e).__name__, e)
print('%s' % {'a': 1}, '%(a)s %%' % {'a': 2}, 'no args' % (), 'abc' % {})
try:
    'abc' % 5
except TypeError as e:
    print('TE', e)
try:
    'abc' % (5,)
except TypeError as e:
    print('TE', e)
x = 'v=%s'; x %= 5; print(x)
print('%-010d|%0-10d|%+ d|% +d|%#.3o|%#.0x' % (1, 2, 3, 4, 5, 0))
print('%.3s|%.0s|%-.1s|' % ('abcdef', 'zzz', [1, 2]), '%5.1s|' % 'hello')
print('%r' % 'it\'s', '%s' % b'' if False else '%a' % 'ü\n', '%10.4f|' % -3.14159265, '%-10.2e|' % 12345.6789)
print('%d %s' % (2 ** 80, 2 ** 80), '%x' % 2 ** 80, '%o' % -(2 ** 70), '%e' % 2 ** 80, '%.3g' % 123456)
