n = 1234567
for spec in ['', 'd', 'b', 'o', 'x', 'X', 'c' if False else 'n', ',', '_', '_x', '_b', '+', '-', ' ', '#b', '#o', '#x', '#X',
             '10', '<10', '>10', '^10', '*^12', '0>10', '010', '=+12', '+,', '012,', '#012x', 'e', '.2f', '%', 'g']:
    print(repr(spec), repr(format(n, spec)), repr(format(-n, spec)))
print(format(65, 'c'), format(0x263A, 'c'), format(0, 'b'), format(0, '#x'), format(-1, '#b'))
print(format(True, 'd'), format(5, ''), format(10 ** 20, ','), format(-(10 ** 20), '_'))
print(f'{255:#_b}', f'{255:_o}', f'{-255:x}', f'{12:06}', f'{-12:06}', f'{12:+06}', f'{12:=6}')
for bad in ['s', 'z', ',b', '.2', '=', 'c,']:
    try:
        print(format(42, bad))
    except ValueError as e:
        print('ValueError:', e)
try:
    format(-1, 'c')
except (ValueError, OverflowError) as e:
    print(type(e).__name__ + ':', e)
