rows = [('apple', 3, 1.5), ('banana', 12, 0.25), ('kiwi', 100, 12.0)]
print(f'{"name":<10}|{"qty":>5}|{"price":>8}')
print('-' * 25)
for name, q, p in rows:
    print(f'{name:<10}|{q:>5}|{p:>8.2f}')
print(f'{"total":<10}|{sum(r[1] for r in rows):>5}|{sum(r[1] * r[2] for r in rows):>8.2f}')
print('{:>10}'.format('right'), '{:<10}|'.format('left'), '{:^10}|'.format('mid'))
print('{0:b} {0:o} {0:x} {0:#X} {0:,} {0:e}'.format(123456))
print('{:.3%} {:+.1e} {:g} {:g}'.format(0.12345, -12345.678, 1e-7, 123456789.0))
print(format(0.1, '.20f'), format(1 / 3, '.17g'), format(2 ** 60, 'e'), format(1e300 * 10, 'f'))
print('%-8s|%8.3f|%+05d|%x' % ('row', 2.71828, 7, 3054))
print('{:>{}}'.format('nest', 8), '{:{fill}{align}{width}}'.format('x', fill='#', align='^', width=7))
data = {'user': {'name': 'zoe', 'tags': ['a', 'b']}}
print('{user[name]} has {user[tags][1]}'.format(**data), '{0[user][tags]}'.format(data))
print(str.format('{} + {} = {}', 1, 2, 1 + 2), 'x'.__format__('>3'), (5).__format__('03'))
