def resource(name):
    print('open', name)
    try:
        for i in range(3):
            yield f'{name}-{i}'
    finally:
        print('close', name)
for v in resource('a'):
    print(v)
gb = resource('b')
for v in gb:
    print(v)
    if v.endswith('0'):
        break
print('after break')
gb.close()
g = resource('c')
print(next(g))
g.close()
g.close()
print('closed twice ok')
def gen_with_return_in_finally():
    try:
        yield 1
    finally:
        print('finally with value')
g = gen_with_return_in_finally()
next(g)
g.close()
print('closed explicitly')
def ignores_close():
    while True:
        try:
            yield
        except GeneratorExit:
            print('got GeneratorExit, returning')
            return
g = ignores_close(); next(g); g.close()
print(list(resource('d'))[-1])
