def fail():
    raise ValueError('deep')
def mid():
    fail()
try:
    mid()
except ValueError as e:
    tb = e.__traceback__
    lines = []
    names = []
    while tb is not None:
        lines.append(tb.tb_lineno)
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(lines, names)
e = ValueError('fresh')
print(e.__traceback__ is None)
try:
    raise e
except ValueError:
    pass
print(e.__traceback__ is not None, e.__traceback__.tb_lineno)
e2 = e.with_traceback(None)
print(e2 is e, e.__traceback__)
try:
    raise TypeError('t')
except TypeError as err:
    saved = err
print(saved.__traceback__.tb_frame.f_code.co_name, saved.args)
import sys
try:
    raise KeyError('exc_info')
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb is not None, sys.exception() is v if hasattr(sys, 'exception') else 'n/a')
print(sys.exc_info())
