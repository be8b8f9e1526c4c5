# printf-style formatting of bytes and bytearray.
print(b'%s=%d' % (b'k', 5), b'%x %X %o %#x' % (255, 255, 8, 255), b'%5s|%-5s|%.1s' % (b'ab', b'ab', b'ab'))
print(b'%d %i %u %e %f %g %.2f %5.1f|%-6d|%+d|% d|%05d' % (1, 2, 3, 1.5, 1.5, 1.5, 3.14159, 2.25, 42, 5, 5, -42))
print(b'%b %s' % (bytearray(b'ba'), b'by'), b'%c%c' % (104, b'i'), b'%r %a' % ('\xe9', [1, 'x']), b'%a' % b'q')
print(b'%(a)s %(b)d %%' % {b'a': b'x', b'b': 3}, b'%*d|%-*d|%.*f' % (4, 1, 3, 2, 1, 2.55), b'%%' % ())
print(bytearray(b'a%sb') % (bytearray(b'x'),), type(bytearray(b'%d') % 1).__name__, b'\xff%s\x00' % b'\xfe')
print(b'%s' % (b'single',), b'%s' % [b'x'][0], b'no args' % (), b'%c' % 0)
errs = ["b'abc' % 1", "b'%s' % 'x'", "b'%s' % 1", "b'%s' % None", "b'%c' % 256", "b'%c' % -1", "b'%c' % 'a'",
        "b'%c' % b'ab'", "b'%s %s' % (b'a',)", "b'%(k)s' % {'k': b'v'}", "b'%z' % 1", "b'%s' % (b'a', b'b')",
        "b'%x' % 3.5", "b'%d' % b'1'", "b'%(k)s' % (1,)", "b'%' % ()", "b'%(k' % {b'k': 1}", "'%b' % b'x'",
        "b'%\\xe9' % 1", "b'%*d' % ('x', 1)"]
for src in errs:
    try:
        print(src, '->', eval(src))
    except Exception as e:
        print(src, '!!', type(e).__name__ + ':', e)
