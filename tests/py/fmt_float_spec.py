vals = [3.14159265, -2.5, 0.0, 1234567.891, 1e-7, 1e21, 0.5, 100.0]
specs = ['', 'e', 'E', 'f', 'F', 'g', 'G', '%', '.0e', '.0f', '.0g', '.0%', '.3e', '.3f', '.3g', '.10g', '10.2f',
         '<12.3', '>+12.2e', '^12.1f', '012.3f', '=+12.2f', ',.2f', '_.3f', '#.0f', '#g', '.2', '.1%', ' .2f', 'n']
for v in vals:
    print(v, [format(v, s) for s in specs])
for v in [float('inf'), float('-inf'), float('nan')]:
    print([format(v, s) for s in ['', 'f', 'e', 'g', '%', '>8', '08.2f', '+']])
print(format(2.5, '.0f'), format(3.5, '.0f'), format(0.125, '.2f'), format(1e16, ''), format(1e16, 'g'))
print(format(123.456, '.2g'), format(0.0001, 'g'), format(0.00001, 'g'), format(1e-5, ''), format(12345678.9, '.3n'))
for bad in ['d', 'x', 'c', ',n', 's']:
    try:
        print(format(1.5, bad))
    except ValueError as e:
        print('ValueError:', e)
print(f'{1.0:.3}', f'{1.0:.3g}', f'{1.0:#.3g}', f'{-0.0:.1f}', f'{-0.0:z.1f}' if False else f'{1e100:.3e}')
