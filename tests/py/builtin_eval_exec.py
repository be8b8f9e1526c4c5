print(eval('1 + 2 * 3'), eval('"ab" * 2'), eval('[x * x for x in range(4)]'), eval(' 5 '))
x = 10
print(eval('x + 1'), eval('x + y', {'x': 1, 'y': 2}), eval('x', {}, {'x': 'local'}))
ns = {}
exec('a = 5\nb = a * 2\ndef f(n):\n    return n + b', ns)
print(ns['a'], ns['b'], ns['f'](1), sorted(k for k in ns if k != '__builtins__'))
exec('print("exec prints", 1 + 1)')
exec('z = 42')
print(z)
code = compile('3 * 7', '<expr>', 'eval')
print(eval(code), type(code).__name__)
exec(compile('for i in range(3): print("loop", i)', '<s>', 'exec'))
print(exec('1 + 1'), eval('None'))
errs = ['1 +', 'x y', '(', 'def', 'a = ']
for src in errs:
    try:
        eval(src)
    except SyntaxError as e:
        print('SyntaxError:', e.msg, e.lineno, e.offset)
try:
    eval('undefined_name')
except NameError as e:
    print('NameError:', e)
try:
    eval('1/0')
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    exec('raise ValueError("inside exec")')
except ValueError as e:
    print('ValueError:', e)
try:
    eval(5)
except TypeError as e:
    print('TypeError:', e)
try:
    eval('x = 1')
except SyntaxError as e:
    print('SyntaxError:', e.msg)
loc = {'v': 1}
exec('v += 1\nw = v * 10', {}, loc)
print(sorted(loc.items()))
print(eval('lambda q: q * 3')(4), eval('(1, [2], {3: 4})'))
