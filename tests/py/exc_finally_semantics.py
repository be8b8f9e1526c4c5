def f1():
    try:
        return 'try'
    finally:
        print('f1 finally')
def f2():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
    return 'loop end'
def f3():
    x = 'initial'
    try:
        return x
    finally:
        x = 'changed'
def f4():
    try:
        raise ValueError('swallowed by finally return')
    finally:
        return 'finally return'
def f5():
    try:
        try:
            return 'inner'
        finally:
            print('inner finally')
    finally:
        print('outer finally')
def f6():
    while True:
        try:
            break
        finally:
            print('finally on break')
    return 'after break'
for f in (f1, f2, f3, f4, f5, f6):
    print(f.__name__, '->', f())
def f7():
    try:
        1 / 0
    except ZeroDivisionError:
        return 'from except'
    finally:
        print('f7 finally')
print(f7())
def counter():
    n = 0
    try:
        n += 1
        return n
    finally:
        n += 100
        print('n in finally', n)
print(counter())
