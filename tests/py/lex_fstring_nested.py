width, prec, val = 12, 4, 2 / 3
print(f'[{val:{width}.{prec}f}]', f'[{val:<{width}.{prec}}]', f'[{val:^{width}.{prec - 2}%}]')
items = {'a': 1, 'bb': 22}
print(f'{", ".join(f"{k}={v}" for k, v in items.items())}')
print(f"{'nested ' + f'{1 + 1}'}", f'''{"triple" + f"{'q'}"}''')
name = 'weft'
print(f'{name!r:>10}', f'{name!s:*<8}', f'{name.upper()[::-1]}', f'{len(name):03d}')
print(f'{3.14159:.{prec}g}', f'{255:#0{width}x}', f'{-7:+{width}}', f'{12345678:,}')
print(f'{"x" if val > 0.5 else "y"}', f'{[i ** 2 for i in range(4)]}', f'{ {"k": 1}["k"] }')
print(f'{val = :.3f}', f'{name=!r}', f'{1 + 2 = }', f'{items["bb"]=}')
print(f'{{{name}}}', f'{{}}', f'a{{b}}c{name}d')
n = 5
print(f'{n}{n}{n}', f'{n}' * 3, F'{n:>{n}}|', f'{n!r}', f'{"%s" % n}')
print(f'{"multi" f"{n}" "part"}', f'{(lambda x: x * 2)(n)}', f'{n:{"b"}}')
