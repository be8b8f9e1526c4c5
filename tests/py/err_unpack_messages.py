cases = ['a, b = 1, 2, 3', 'a, b = [1]', 'a, b = 5', 'a, *b, c = [1]', 'a, b = "abc"', 'a, b = {}',
         '[a] = []', 'a, b = None', '(a, b), c = 1, 2', '*a, b = []', 'a, b = iter([1, 2, 3])']
for src in cases:
    try:
        exec(src, {})
        print(src, 'ok')
    except (ValueError, TypeError) as e:
        print(f'{src:<20} {type(e).__name__}: {e}')
def f(a, b):
    return a + b
try:
    f(*[1, 2, 3])
except TypeError as e:
    print('TypeError:', e)
try:
    f(**{'a': 1, 'c': 2})
except TypeError as e:
    print('TypeError:', e)
try:
    f(1, **{'a': 2})
except TypeError as e:
    print('TypeError:', e)
try:
    {**[1]}
except TypeError as e:
    print('TypeError:', e)
try:
    [*5]
except TypeError as e:
    print('TypeError:', e)
try:
    print(*None)
except TypeError as e:
    print('TypeError:', e)
