# int format-spec mini-language
vals = [0, 7, -7, 255, -255, 1234567, -1234567890, 2 ** 70]
for spec in ['', 'd', '+d', ' d', '-d', '10d', '<10d', '^10d', '>10d', '=10d', '010d', '+010d', '*^+12,d', ',', '_', '_b', '_x', '_o', '#b', '#o', '#x', '#X', '#010x', '#_x', '+#o', 'n', 'c', '012,', '-^9', 'e', '.2f', '%', 'g', '.3', 'X']:
    out = []
    for v in vals:
        try:
            out.append(format(v, spec))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ':' + str(e))
    print(repr(spec), out)
print(format(True, 'd'), format(True, ''), format(False, '>5'), format(True, '#x'), f'{True:5}', f'{True!s:5}')
for bad in ['s', ',b', '_n', '.2d', '=s', 'z', ',_', '_,', '#c', '+c']:
    try:
        print(repr(bad), format(10, bad))
    except ValueError as e:
        print(repr(bad), 'VE', e)
print(format(65, 'c'), format(0x1F600, 'c'), format(-1, 'b'), format(-0, '+d'), format(12345678, ','), format(123, '_d'))
print(format(2 ** 100, ','), format(-2 ** 64, '_x'), format(10 ** 30, 'e'), format(-10 ** 25, '.3g'), format(7, '.0%'))
print('{:{fill}{align}{width}}'.format(42, fill='~', align='^', width=9), '{0:{1}}'.format(5, '04'), '{:0>5}'.format(-3), '{:0<5}'.format(-3))
print('{:,d}'.format(1000), '{:08,}'.format(1234), '{:09_}'.format(12345), '{:_^10}'.format(7), '{:=+8}'.format(12))
