# float format-spec mini-language
vals = [0.0, -0.0, 1.5, -2.25, 1234567.891, 1e-7, 1e22, 0.1, 2.5, float('inf'), float('-inf'), float('nan')]
for spec in ['', 'f', '.0f', '.1f', '.2e', 'E', 'g', 'G', '.3g', '#.3g', '#g', '.0e', '#.0f', '%', '.1%', '+', ' ', '10.2f', '<10', '^10.1f', '=+12.3f', '012.2f', ',', ',.2f', '_.1f', 'n', '.10', '.1', 'z.1f', '-', 'F', '#']:
    out = []
    for v in vals:
        try:
            out.append(format(v, spec))
        except ValueError as e:
            out.append('VE:' + str(e))
    print(repr(spec), ' '.join(out))
for bad in ['d', 'x', 'c', ',_', '.f', 's']:
    try:
        print(format(1.5, bad))
    except ValueError as e:
        print(repr(bad), 'VE', e)
print(format(0.5, '.0f'), format(1.5, '.0f'), format(2.5, '.0f'), format(-0.5, '.0f'), format(0.125, '.2f'), format(0.375, '.2f'))
print(format(1e16, ''), format(1e15, ''), format(123456789012345678.0, 'g'), format(1e-5, ''), format(0.0001, ''), format(1e100, 'f')[:20])
print(format(3.14159, '.50f')[:30], format(2 ** 0.5, '.17g'), format(1 / 3, '.20e'), format(5e-324, ''), format(1.7976931348623157e308, 'g'))
print('{:.3}'.format(1.0), '{:.3}'.format(100.0), '{:.3}'.format(1000.0), '{}'.format(1e16), '{:g}'.format(1e16), '{:.2g}'.format(0.000012))
print(f'{-0.0:+}', f'{0.0:-}', f'{-1e-10:.2f}', f'{-1e-10:z.2f}', f'{-0.0:z}', f'{float("nan"):+}', f'{float("inf"):010}', f'{float("-nan"):F}')
print(str(1e16), repr(1e-4), str(-0.0), float('1e500'), float('-1e500'), 1e308 * 10, -(1e308 * 10))
print('%.3f %e %g %G %10.2f %-8.1f| %+.0f %#.0f %05.1f %.2g %%' % (3.14159, 12345.678, 0.00001234, 1e20, 2.5, 2.5, 2.5, 2.5, -2.5, 155.0))
print('%s %r %f %d %i %x %o %c' % (1.5, 2.5, 3, 4.9, -4.9, 255, 8, 'z'))
