print('{} {} {}'.format(1, 'a', [2]), '{0} {1} {0}'.format('x', 'y'), '{2}{1}{0}'.format('a', 'b', 'c'))
print('{name} is {age}'.format(name='Ann', age=7), '{0[0]} {0[1]}'.format(('p', 'q')), '{d[key]}'.format(d={'key': 'v'}))
class P:
    x = 3
    y = [10, 20]
print('{p.x} {p.y[1]} {0.x}'.format(P(), p=P()))
print('{!r} {!s} {!a}'.format('é', 'é', 'é'), '{0!r:>8}'.format('ab'))
print('{:>{w}}|{:<{w}}|{:^{w}.{p}}'.format('r', 'l', 'center', w=8, p=3))
print('{{}} {{{}}}'.format(5), '{:{}{}}'.format(3.14159, '.', '2f'))
print('{0:{1}}'.format(7, '05'), '{:%}'.format(0.25), '{:,}'.format(10 ** 9), '{}'.format(None))
print('{a}{b}'.format_map({'a': 1, 'b': 2}), '{0}'.format(*['only']), '{x[1][0]}'.format(x=[0, 'zz']))
print('{:*^20}'.format(' title '), '{:=+8}'.format(-5), '{:08.3f}'.format(-3.14159))
errs = [lambda: '{}'.format(), lambda: '{0} {}'.format(1, 2), lambda: '{x}'.format(y=1), lambda: '{'.format(),
        lambda: '}'.format(), lambda: '{:d}'.format('s'), lambda: '{0[5]}'.format([1]), lambda: '{!z}'.format(1),
        lambda: '{:x}'.format(1.5), lambda: '{0.nope}'.format(1), lambda: '{:,d}'.format('a'), lambda: '{:.2d}'.format(3)]
for f in errs:
    try:
        print(f())
    except (IndexError, KeyError, ValueError, TypeError, AttributeError) as e:
        print(type(e).__name__ + ':', e)
