s = 'hello'
for spec in ['', 's', '10', '<10', '>10', '^10', '*^11', '-<8', '.3', '10.3', '>10.2', '^9.1', '.0', '3', '.10']:
    print(repr(spec), repr(format(s, spec)))
print(format('é★', '^7'), format('', '*>3'), f'{"x":>{3}}', f'{s!r:^12}', f'{s:{"~"}<{7}}')
for bad in ['d', '+', ',', '=10', 'x', '#']:
    try:
        print(format(s, bad))
    except ValueError as e:
        print('ValueError:', e)
print(format([1, 2]), format(None), format((1,), ''), format(object.__name__, '>8'))
try:
    format([1], '>10')
except TypeError as e:
    print('TypeError:', e)
class Custom:
    def __format__(self, spec):
        return '<' + spec[::-1] + '>'
print(format(Custom(), 'abc'), '{:xyz}'.format(Custom()), f'{Custom():!r}')
class NoFormat:
    def __str__(self):
        return 'strd'
print(format(NoFormat()), f'{NoFormat()}', '{}'.format(NoFormat()))
try:
    format(NoFormat(), 'x')
except TypeError as e:
    print('TypeError:', e)
