def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print('gen caught', e)
        yield 'recovered'
    finally:
        print('gen finally')
it = g()
print(next(it))
print(it.throw(ValueError('injected')))
print(next(it, 'exhausted'))
def bad():
    yield 1
    raise KeyError('in gen')
try:
    for v in bad():
        print('v', v)
except KeyError as e:
    print('KeyError:', e)
gen = bad()
next(gen)
try:
    next(gen)
except KeyError:
    pass
print(next(gen, 'after error: exhausted'))
def running():
    yield it.gi_running if False else 'x'
r = running()
print(r.gi_frame is not None, next(r), next(r, None), r.gi_frame)
def reentrant():
    yield next(me)
me = reentrant()
try:
    next(me)
except ValueError as e:
    print('ValueError:', e)
