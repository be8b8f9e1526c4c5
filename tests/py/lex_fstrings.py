cafe = 'caf\u00e9'; name = 'world'; n = 42; pi = 3.14159265; items = [1, 2, 3]
print(f'hello {name}!', F'{n}', f"{n + 1}", f'''{n * 2}''')
print(f'{name!r} {name!s} {name!a} {cafe!a}')
print(f'{n:5d}|{n:<5}|{n:^5}|{n:>5}|{n:05}|{n:+}|{n:x}|{n:#b}')
print(f'{pi:.2f} {pi:10.3f} {pi:e} {pi:g} {pi:.0f} {pi:%}')
width = 8; prec = 3
print(f'{pi:{width}.{prec}f}|{name:>{width}}|{name:{"*"}^{width}}')
print(f'{{literal braces}} {{{n}}}')
print(f'{items[0]} {items[-1]} {len(items)} {items!r}')
d = {'k': 'v'}
print(f"{d['k']} {d}")
print(f'{n=} {pi=:.2f} {name = }')
print(f'{"nested " + f"{n}"}')
print(f'{3 if n > 0 else 4} {(lambda x: x * 2)(n)}')
print(f'a' 'b' f'{n}' "c")
print(rf'\n{n}', fr'{name}\t')
print(f'{n:,} {1234567:_} {1234567.891:,.2f}')
print(f'{n:>{width}}', f'{"multi" "line"}')
class P:
    def __format__(self, spec):
        return 'P(' + spec + ')'
print(f'{P():abc}', f'{P()}', format(P(), 'xy'))
print(f'{-n} {not n} {n is None}')
print(f'{name[1:3]} {name.upper()} {[x * 2 for x in items]}')
