# with statement: enter/exit order, suppression, errors in enter/exit, targets
log = []
class CM:
    def __init__(self, name, suppress=False): self.name = name; self.suppress = suppress
    def __enter__(self): log.append('enter ' + self.name); return self.name.upper()
    def __exit__(self, et, ev, tb):
        log.append('exit %s %s %r %s' % (self.name, et.__name__ if et else None, ev, type(tb).__name__))
        return self.suppress
def f1():
    with CM('a') as a, CM('b') as b:
        log.append(a + b)
        return 'ret'
print(f1(), log); log.clear()
def f2():
    with CM('s', suppress=1):
        raise ValueError('x')
    return 'after'
print(f2(), log); log.clear()
def f3():
    for i in range(3):
        with CM(str(i)):
            if i == 1: continue
            if i == 2: break
    return i
print(f3(), log); log.clear()
class BadEnter:
    def __enter__(self): raise KeyError('enter')
    def __exit__(self, *a): log.append('exit called'); return True
try:
    with BadEnter(): pass
except KeyError as e:
    print('KE', e, log); log.clear()
class NoExit:
    __enter__ = lambda self: 1
try:
    with NoExit(): pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
class NoEnter:
    def __exit__(self, *a): pass
try:
    with NoEnter(): pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
class ExitRaises:
    def __enter__(self): return self
    def __exit__(self, *a): raise RuntimeError('from exit')
try:
    with ExitRaises():
        raise ValueError('body')
except RuntimeError as e:
    print('RE', e, repr(e.__context__))
with CM('t') as (x), CM('u') as lst_target: pass
d = {}
with CM('v') as d['k']: pass
print(x, lst_target, d, log); log.clear()
with (CM('p1') as p1, CM('p2')): pass
print(log); log.clear()
class Sup:
    def __enter__(self): return self
    def __exit__(self, *a): return 'truthy string'
def f4():
    with Sup():
        1 / 0
    return 'suppressed by truthy'
print(f4())
class Gen:
    entered = 0
    def __enter__(self): self.entered += 1; return self
    def __exit__(self, *a): self.entered -= 1
g = Gen()
with g, g: print('depth', g.entered)
print('depth', g.entered)
def f5():
    try:
        with CM('w'):
            raise KeyError('k')
    except KeyError:
        return 'propagated'
print(f5(), log)
