# generator edge cases: close/return, throw forms, yield from values and attributes
def run(f):
    try:
        print(f.__name__, '->', repr(f()))
    except BaseException as e:
        print(f.__name__, '=>', type(e).__name__, e)
def g_try(): 
    try:
        yield 1
    except ValueError as e:
        yield repr(e)
    finally:
        print('  finally ran')
def return_in_finally():
    x = g_try(); next(x); return x.close()
def throw_type_only():
    x = g_try(); next(x); r = x.throw(ValueError); x.close(); return r
def throw_type_value():
    x = g_try(); next(x); r = x.throw(ValueError, 'msg'); x.close(); return r
def throw_unstarted():
    x = g_try()
    try:
        x.throw(ValueError('early'))
    except ValueError as e:
        return 'propagated', repr(e), list(x)
def throw_instance_and_value():
    x = g_try(); next(x)
    try:
        x.throw(ValueError('a'), 'b')
    except TypeError as e:
        x.close()
        return str(e)
def frame_and_names():
    def g(): yield 1
    x = g(); a = x.gi_frame is not None; list(x); return a, x.gi_frame, x.__name__, x.__qualname__
def yieldfrom_attr():
    def inner(): yield 1
    def outer(): yield from inner()
    o = outer(); before = o.gi_yieldfrom; next(o); r = type(o.gi_yieldfrom).__name__; o.close(); return before, r
def genexpr_eager_first_iter():
    try:
        (x for x in 5)
    except TypeError as e:
        return 'eager: ' + str(e)
def yield_expr_values():
    def g():
        a = yield
        b = yield a * 2
        yield a + b
    x = g(); next(x); return x.send(3), x.send(4)
def stopiteration_inside():
    def g():
        next(iter([]))
        yield 1
    try:
        list(g())
    except RuntimeError as e:
        return str(e), type(e.__context__).__name__
def close_unstarted():
    def g():
        print('never runs'); yield 1
    x = g(); x.close(); return list(x)
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 2: raise StopIteration('val')
        return self.n
def yield_from_iterator_value():
    def outer():
        r = yield from It()
        yield r
    return list(outer())
for f in [return_in_finally, throw_type_only, throw_type_value, throw_unstarted, throw_instance_and_value, frame_and_names, yieldfrom_attr, genexpr_eager_first_iter, yield_expr_values, stopiteration_inside, close_unstarted, yield_from_iterator_value]:
    run(f)
