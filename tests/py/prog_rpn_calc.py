def rpn(expr):
    stack = []
    ops = {'+': lambda a, b: a + b, '-': lambda a, b: a - b, '*': lambda a, b: a * b,
           '/': lambda a, b: a / b, '//': lambda a, b: a // b, '^': lambda a, b: a ** b}
    for tok in expr.split():
        if tok in ops:
            if len(stack) < 2:
                raise ValueError(f'stack underflow at {tok!r}')
            b = stack.pop(); a = stack.pop()
            stack.append(ops[tok](a, b))
        else:
            try:
                stack.append(int(tok))
            except ValueError:
                stack.append(float(tok))
    if len(stack) != 1:
        raise ValueError(f'bad expression, stack={stack}')
    return stack[0]
for e in ['3 4 +', '5 1 2 + 4 * + 3 -', '2 10 ^', '7 2 /', '7 2 //', '1.5 2 *', '1 0 /', '1 +', '1 2', 'x 1 +', '2 0.5 ^']:
    try:
        print(f'{e!r:25} = {rpn(e)!r}')
    except (ValueError, ZeroDivisionError) as ex:
        print(f'{e!r:25} ! {type(ex).__name__}: {ex}')
