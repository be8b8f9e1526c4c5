# SyntaxError attributes (msg, lineno, offset, end_offset, text) for bad source given
# to compile() and eval(), as CPython 3.11 reports them.
def show(src, mode='exec'):
    try:
        compile(src, 'src', mode)
    except SyntaxError as e:
        print(repr(src), mode, repr(e.msg), e.lineno, e.offset, e.end_offset, repr(e.text))
    else:
        print(repr(src), mode, 'compiled')

for s in ['1 +', 'x y', '(', 'def', 'a = ', '1 +\n', '1 + ', '1 *\n\n', 'a.', 'lambda', 'not',
          '[1, 2', '1 + 2 +', 'x = 1']:
    show(s, 'eval')
for s in ['1 +\n', '1 +', 'x = (1 +\n)', 'if x\n  pass\n', 'a b\n', 'x=1\n  1']:
    show(s)
for s in ['{1: 2, 3}', '{1: 2, 3 4}', '{1:}', '{1: 2, 3:}', '{1:, 2: 3}', '{1: 2, 3, 4: 5}',
          '{1: 2, **x, 3}', '{1: *a}', '{1: 2, 3: *a}', '{1: 2, "a" + "b"}', '{1: 2, f(x)}',
          '{1: 2, 3: 4}']:
    show(s)
for s in ["x = f'{a b}'", "x = 1\ny = f'{a b}'", "f'{1 +}'", "f'{)}'", "f'{a!x}'", "f'{}'",
          "f'{a b}' f'{c}'", "f'''\n{a b}'''", "f'{'", "f'{a'", "f'{(a}'", "f'{a)}'",
          "f'{[1)]}'", "f'{(a'", "f'{ }'", "f'{]}'", "f'{a!}'", "f'{a!r'", "f'{a}'"]:
    show(s)
