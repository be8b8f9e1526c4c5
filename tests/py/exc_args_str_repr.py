cases = [Exception(), Exception('one'), Exception('a', 'b'), Exception(1, [2]),
         ValueError(''), KeyError('key'), KeyError(), KeyError('a', 'b'), KeyError(1),
         IndexError('list index out of range'), OSError(2, 'No such file'),
         StopIteration(3), SystemExit(2), BaseException(None), ArithmeticError(1.5)]
for e in cases:
    print(type(e).__name__, e.args, repr(str(e)), repr(e))
e = OSError(2, 'msg')
print(e.errno, e.strerror)
e = Exception('x')
e.args = ('changed', 1)
print(e, repr(e))
e.custom = 5
print(e.custom)
print(str(UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'invalid start byte')))
print(repr(SyntaxError('bad', ('f.py', 1, 2, 'x y', 1, 3))) if False else SyntaxError('bad').msg)
print(AttributeError('a', name='n', obj=1).name if False else AttributeError('a').args)
print(ImportError('m', name='mod').name, NameError('nm').args)
try:
    {}['missing']
except KeyError as e:
    print(e, repr(e), e.args)
try:
    {}[('t', 1)]
except KeyError as e:
    print(e, repr(e))
try:
    {}['']
except KeyError as e:
    print(e, repr(e))
