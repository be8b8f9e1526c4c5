def f():
    try:
        return [1, 2][5]
    finally:
        print('cleanup runs')
try:
    f()
finally:
    print('outer finally')
