# zero-argument super() in comprehensions/lambdas/static methods, name mangling, class-scope closures
def run(f):
    try:
        print(f.__name__, '->', repr(f()))
    except BaseException as e:
        print(f.__name__, '=>', type(e).__name__, e)
class B:
    def m(self): return 'B'
class C(B):
    def comp(self): return [super().m() for _ in range(1)]
    def lam(self): return (lambda: super().m())()
    def gen(self): return list(super().m() for _ in range(1))
def super_in_comp(): return C().comp()
def super_in_lambda(): return C().lam()
def super_in_genexp(): return C().gen()
def super_del_self():
    class D(B):
        def m(self):
            del self
            return super().m()
    return D().m()
def super_reassigned_self():
    class D(B):
        def m(self):
            self = 5
            return super().m()
    return D().m()
def super_static():
    class D(B):
        @staticmethod
        def s(): return super().m()
    return D.s()
def nested_class_private():
    class D:
        __x = 1
        def get(self): return self.__x, D._D__x
    return D().get(), hasattr(D, '__x')
def name_mangling_attr():
    class D:
        def __init__(self): self.__p = 5
    d = D(); return sorted(vars(d)), getattr(d, '_D__p')
def mangle_in_comp():
    class D:
        __a = 3
        vals = [__a for _ in range(1)] if False else None
        def f(self): return [self.__a for _ in range(2)]
    return D().f()
def mangle_dunder():
    class D:
        __init_done__ = 1
        __ = 2
        _D__q = 3
    return sorted(k for k in vars(D) if not k.startswith('__') or k in ('__init_done__', '__'))
def closure_class_body_loop():
    class K:
        fs = [lambda: i for i in range(2)]
    return [f() for f in K.fs]
def nonlocal_in_class_method():
    n = 0
    class K:
        def inc(self):
            nonlocal n
            n += 1
            return n
    K().inc(); return K().inc(), n
def lambda_default_late():
    fs = []
    for i in range(3):
        fs.append(lambda i=i, j=[]: (j.append(i), len(j))[1])
    return [f() for f in fs] + [fs[0]()]
for f in [super_in_comp, super_in_lambda, super_in_genexp, super_del_self, super_reassigned_self, super_static, nested_class_private, name_mangling_attr, mangle_in_comp, mangle_dunder, closure_class_body_loop, nonlocal_in_class_method, lambda_default_late]:
    run(f)
