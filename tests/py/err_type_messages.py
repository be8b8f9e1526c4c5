five, s, lst = 5, 'abc', [1, 2]
ops = ['1 + "a"', '"a" - 1', '[1] * 1.5', '{} + {}', 'None * 2', '1 @ 2', '-"x"', '~1.5', '+[]', '"a" < 1',
       '[1] < (1,)', '1 in 5', 'five()', 's()', '(1).x', '[].nope', 'len(5)', 'abs("x")', '1 < None',
       '{1: 2}[[]]', '"x" % 1.5', 'int("x", 1.5)', 'lst[1.0]', 's[None]', '(1, 2).x', 'iter(None)',
       'sorted(5)', 'list(1)', 'dict(5)', 'set(1.5)', 'object() + 1', '2 ** "x"', '[] + ()', 'divmod(1, "x")',
       '"a".join(1)', 'max()', 'x.y', '"".foo()']
for src in ops:
    try:
        eval(src)
        print(src, '-> no error')
    except Exception as e:
        print(f'{src:<16} {type(e).__name__}: {e}')
