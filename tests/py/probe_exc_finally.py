# try/finally overriding return/break/continue
def f1():
    try:
        return 'try'
    finally:
        return 'finally'
def f2():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
    return 'loop-end'
def f3():
    for i in range(5):
        try:
            raise ValueError(i)
        finally:
            break
    return 'swallowed %d' % i
def f4():
    x = 1
    try:
        return x
    finally:
        x = 2
def f5():
    try:
        1 / 0
    except ZeroDivisionError:
        return 'except'
    finally:
        print('f5 finally')
def f6():
    try:
        try:
            raise KeyError('a')
        finally:
            print('inner finally')
    except KeyError as e:
        return 'outer caught ' + repr(e)
print(f1(), f2(), f3(), f4(), f5(), f6())
def f7():
    out = []
    for i in range(4):
        try:
            if i % 2: continue
            out.append(i)
        finally:
            out.append('f%d' % i)
    else:
        out.append('else')
    return out
print(f7())
