def t(x):
    try:
        print('try', x)
        if x == 1:
            raise ValueError('one')
        if x == 2:
            raise KeyError('two')
        if x == 3:
            return 'returned from try'
    except ValueError as e:
        print('except ValueError', e)
    except (KeyError, IndexError) as e:
        print('except tuple', repr(e))
    else:
        print('else')
    finally:
        print('finally', x)
    return 'end'
for i in range(4):
    print('->', t(i))
def f():
    try:
        return 'try'
    finally:
        return 'finally wins'
print(f())
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print('finally in loop', i)
g()
try:
    try:
        raise TypeError('inner')
    finally:
        print('inner finally')
except TypeError as e:
    print('outer caught', e)
e = 'before'
try:
    raise ValueError
except ValueError as e:
    pass
try:
    print(e)
except NameError as err:
    print('NameError:', err)
try:
    raise OSError('x')
except Exception:
    print('bare class catch')
try:
    1 / 0
except:
    print('bare except')
