print('%s and %s' % ('a', 'b'), '%d%%' % 50, '%5d|%-5d|%05d|%+d' % (42, 42, 42, 42))
print('%x %X %o %#x %#o %#X' % (255, 255, 8, 255, 8, 255), '%c%c' % (72, 'i'))
print('%f %.2f %10.3f %-10.1f| %e %.3E %g %G' % (3.14159, 3.14159, 3.14159, 3.14159, 12345.678, 0.00012, 1e-10, 1e20))
print('%r %s %a' % ('x', 'x', 'é'), '%(name)s is %(age)d' % {'name': 'Bob', 'age': 30})
print('%*d|%-*d|%.*f' % (5, 1, 4, 2, 2, 3.14159), '%s' % [1, 2], '%s' % ((1, 2),))
print('%i %u' % (3, 4), '%5s|%-5s|%.2s' % ('ab', 'ab', 'abcdef'), '% d' % 5)
print('%d' % 3.99, '%s' % None, '%.0f' % 2.5, '%.0f' % 3.5, '%g' % 100000, '%g' % 1000000)
errs = [lambda: '%d' % 'x', lambda: '%s %s' % ('a',), lambda: '%s' % ('a', 'b'), lambda: '%z' % 1,
        lambda: '%(k)s' % {}, lambda: '%c' % 'ab', lambda: '%d' % None, lambda: '%' % ()]
for f in errs:
    try:
        print(f())
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__ + ':', e)
print(b'%s=%d' % (b'k', 5), b'%x' % 255)
