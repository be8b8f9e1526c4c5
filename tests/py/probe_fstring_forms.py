# f-string forms: nested specs, conversions, = debugging
x = 3.14159; w = 10; p = 3; name = 'café'
print(f'{x:{w}.{p}}|{x:>{w}}|{x:{"^"}{w}.{p}f}|{name!r:>{w}}|{name!a}|{name!s:*<8}')
print(f'{x=}', f'{x = }', f'{x=:.2f}', f'{name=!s}', f'{name=}', f'{ x  =  !r:>12}', f'{1 + 1=}', f'{w*2=:05d}')
items = [1, 2]
print(f'{items=}', f'{items[0]=}', f'{len(items)=}', f'{"nested" + f"{p}"=}', f'{x!r:^12}', f'{x!s:.3}')
print(f'{{}}', f'{{{p}}}', f'{{p}}', f'a{p}b{p}c', f'{p}{p}', f'{"a" "b"}', f'{3:{"0"}{5}}', f'{"{"}')
d = {'k': 'v'}
print(f"{d['k']}", f'{d["k"]!r}', f'{(lambda: 7)()}', f'{[i for i in range(3)]}', f'{p if p else 0}', f'{(p, p)}')
print(f'{p:#x}', f'{255:#010b}', f'{-3:+05}', f'{1234567:,}', f'{1234567:_}', f'{0.25:.1%}', f'{"s":3}|', f'{7:3}|')
class C:
    def __format__(self, spec): return 'C<' + spec + '>'
    def __repr__(self): return 'Crepr'
    def __str__(self): return 'Cstr'
c = C()
print(f'{c}', f'{c:abc}', f'{c!r}', f'{c!s}', f'{c!r:>8}', f'{c=}', f'{c=:xy}', f'{c=!s}', format(c, 'q'), '{}|{:z}|{!r}'.format(c, c, c))
print(f'{"multi" f"ple {p}" "parts"}', f'''{
    p + 1
}''', f'{p!r}' f'{p}', f'{p:{w}}' 'lit')
try:
    print(f'{c!r:{"bad"}d}')
except Exception as e:
    print(type(e).__name__, e)
try:
    f'{3:q}'
except ValueError as e:
    print('VE', e)
try:
    f'{"s":d}'
except ValueError as e:
    print('VE', e)
try:
    f'{None:>5}'
except TypeError as e:
    print('TE', e)
print(f'{None!s:>5}', f'{None!r}', f'{[1, "a"]!s:>12}', f'{(1,)}', f'{ {1: 2} }', f'{ {1, 2} }')
def fmt(v, *specs):
    return [format(v, s) for s in specs]
print(fmt('abc', '', '5', '<5', '>5', '^6', '.2', '*^7.1', '05', '=5' if False else '>05'))
try:
    format('abc', '=5')
except ValueError as e:
    print('VE', e)
try:
    format('abc', '+')
except ValueError as e:
    print('VE', e)
o = object(); print(format(o, '') == str(o), format(o) == repr(o), format([1], ''), format(None, ''))
try:
    format(object(), 'x')
except TypeError as e:
    print('TE', e)
print('{0!r}{0!s}{0!a}'.format('ä'), '{:{}}'.format('x', 3), '{:{}{}}'.format(5, '>', 4), '{0[0]}{0[1]}'.format('ab'), '{.real}'.format(5))
