"""Generate tests/unit/num_cases.txt from CPython: expression kind, operands, expected.
Lines: op|a|b|expected, where a and b are int or float literals (repr) and expected is
repr(result) or !Type: message. Also format lines: fmt|value|spec|expected."""
import math
ints = [0, 1, -1, 7, -7, 2, 3, 2**62 - 1, -2**62, 2**62, 2**64 + 3, -(2**70) - 5, 10**30, 255]
floats = [0.0, -0.0, 1.5, -2.25, 1e300, 3.0, float('inf'), float('nan'), 0.1, 2.0**53]
ops = ['+', '-', '*', '//', '%', '/', '**', '<<', '>>', '&', '|', '^', '<', '==', '>=']
def q(s):
    return s.encode('unicode_escape').decode('ascii').replace('|', '\\x7c')
def r(x):
    return repr(x)
lines = []
def emit(op, a, b):
    try:
        if op in ('**',) and isinstance(b, int) and abs(b) > 64 and isinstance(a, int) and abs(a) > 1:
            return
        if op in ('<<',) and isinstance(b, int) and b > 200:
            return
        res = repr(eval(f'a {op} b'))
    except Exception as e:
        res = '!' + type(e).__name__ + ': ' + str(e)
    if len(res) > 200:
        return
    lines.append(f'{op}|{r(a)}|{r(b)}|{res}')
for a in ints:
    for b in ints:
        for op in ops:
            emit(op, a, b)
for a in ints[:6] + floats:
    for b in floats + ints[:8]:
        for op in ['+', '-', '*', '/', '//', '%', '**', '<', '==', '>']:
            if isinstance(a, int) and isinstance(b, int):
                continue
            emit(op, a, b)
# comparisons of big ints with floats near the precision limit
for a in [2**53 + 1, 2**63, -2**63, 10**400]:
    for b in [2.0**53, 2.0**63, -2.0**63, 1e300, float('inf')]:
        for op in ['<', '==', '>']:
            emit(op, a, b)
for v in ints + [2**100, -2**100, True]:
    lines.append(f'hash|{r(v)}|-|{hash(v)}')
for v in floats[:7] + [1e-300, 123.456, -1.0, 2.0**64, 5e-324]:
    lines.append(f'hash|{r(v)}|-|{hash(v)}')
for v in floats + [1e16, 1e-5, 123456789.0, 5e-324]:
    lines.append(f'repr|{r(v)}|-|{repr(v)}')
specs_int = ['', 'd', '5', '<5', '^6', '=+8', '+', ' ', '08', '010,', ',', '_', '_x', '#x', '#X', '#o', '#b', 'x', 'c',
             '*^9,', '#010b', '.2', 'z', 's', ',c', '+c', '.3f', 'e', '%', 'n', 'xx', ',_', '0=10']
for v in [0, 5, -12345, 255, 2**70, -1]:
    for s in specs_int:
        try:
            res = repr(format(v, s))
        except Exception as e:
            res = '!' + type(e).__name__ + ': ' + str(e)
        lines.append(f'fmt|{r(v)}|{s}|{q(res)}')
specs_float = ['', 'f', '.2f', '10.3f', '<10', '^+10.1f', 'e', '.3E', 'g', '.3g', '#g', 'G', '%', '.1%', ',', '012,.2f',
               '_.1f', '+', ' ', 'z.1f', 'n', '.0f', '#.0f', '.2', '10', 'd', '#', 'x<8.1f', '=+10']
for v in [0.0, -0.0, 1.5, -1234.5678, 1e20, 1e-7, float('inf'), float('nan'), 0.125, 2.5]:
    for s in specs_float:
        try:
            res = repr(format(v, s))
        except Exception as e:
            res = '!' + type(e).__name__ + ': ' + str(e)
        lines.append(f'fmt|{r(v)}|{s}|{q(res)}')
for v in ['abc', 'é', '']:
    for s in ['', 's', '5', '>5', '^5', 'x^6', '.1', '<4.2', '05', 'd', ',', '+', '#', '=5', 'z', 'ss']:
        try:
            res = repr(format(v, s))
        except Exception as e:
            res = '!' + type(e).__name__ + ': ' + str(e)
        lines.append(f'fmts|{q(v)}|{s}|{q(res)}')
for fmt, args in [('%s %d', ('a', 5)), ('%5.2f|%-5d|%05d|%+d|% d', (3.14159, 3, -3, 3, 3)), ('%x %X %o %#x %#o', (255, 255, 8, 255, 8)),
                  ('%e %g %G %%', (1.5, 1e-5, 1e20)), ('%.3d', (5,)), ('%c%c', (65, 'é')), ('%r', ('é',)), ('%a', ('é',)),
                  ('%s', ((1, 2),)), ('%s %s', (1,)), ('%d', ('a',)), ('%x', (1.5,)), ('%z', (1,)), ('%', ()), ('abc', (5,)),
                  ('%i', (3.9,)), ('%5s|%-5s|%.1s', ('ab', 'ab', 'ab')), ('%d', (2**70,)), ('%.0f', (2.5,)), ('%c', (1114112,)),
                  ('%5%', ()), ('%5%', (1,)), ('%z', ()), ('%%%s', ('x',))]:
    try:
        res = repr(fmt % args)
    except Exception as e:
        res = '!' + type(e).__name__ + ': ' + str(e)
    def arg(a):
        if isinstance(a, tuple): return 't' + ';'.join(arg(x) for x in a)
        if isinstance(a, int): return 'i' + str(a)
        if isinstance(a, float): return 'f' + repr(a)
        return 's' + q(a).replace(',', '\\x2c')
    lines.append(f'pct|{q(fmt)}|{",".join(arg(a) for a in args) or "-"}|{q(res)}')
print('\n'.join(lines))
