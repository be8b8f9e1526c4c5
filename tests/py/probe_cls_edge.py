# class edge cases: metaclass mro(), partial descriptors, subclass repr in format, read-only attrs, __new__/__init__ checks
def run(f):
    try:
        print(f.__name__, '->', repr(f()))
    except BaseException as e:
        print(f.__name__, '=>', type(e).__name__, e)
def metaclass_mro_override():
    class M(type):
        def mro(cls): return [cls, object]
    class B: x = 1
    class C(B, metaclass=M): pass
    return hasattr(C, 'x'), [k.__name__ for k in C.__mro__]
def delete_only_descriptor():
    class D:
        def __get__(self, o, t=None): return 'got'
        def __delete__(self, o): print('  deleting')
    class K:
        d = D()
    k = K(); del k.d
    try:
        k.d = 5
    except AttributeError as e:
        return str(e), k.d
def float_subclass_format():
    class K(float):
        def __repr__(self): return 'K!'
    return repr(K(1.5)), str(K(1.5)), f'{K(1.5)}', format(K(1.5)), f'{K(1.5):.2f}', '{}'.format(K(2.5)), '%s' % K(1.5), [K(1)]
def int_subclass_format():
    class K(int):
        def __repr__(self): return 'I!'
    return repr(K(3)), str(K(3)), f'{K(3)}', format(K(3)), f'{K(3):3d}', '%s %d' % (K(3), K(3))
def str_subclass_format():
    class K(str):
        def __str__(self): return 'S!'
    return str(K('a')), f'{K("a")}', format(K('a')), '%s' % K('a'), '{}'.format(K('a'))
def readonly_builtin_attrs():
    out = []
    for obj, name in [(5, 'real'), (1.5, 'imag'), (5, 'numerator'), (slice(1), 'start'), (range(3), 'stop')]:
        try:
            setattr(obj, name, 1)
        except AttributeError as e:
            out.append(str(e))
    return out
def object_new_int():
    return object.__new__(int)
def object_init_args():
    object.__init__(object(), 1)
def object_extra_args():
    class K: pass
    K(1)
def init_override_new_args():
    class K:
        def __init__(self, *a): self.a = a
    return K(1).a
def dir_object():
    return sorted(dir(object))
def seq_times_object():
    class K: pass
    out = []
    for f in [lambda: [1] * K(), lambda: 'ab' * K(), lambda: (1,) * 1.5, lambda: K() * 'ab']:
        try:
            f()
        except TypeError as e:
            out.append(str(e))
    return out
def class_assign():
    class A: pass
    class B: pass
    a = A(); a.__class__ = B
    try:
        a.__class__ = int
    except TypeError as e:
        return type(a).__name__, str(e)
for f in [metaclass_mro_override, delete_only_descriptor, float_subclass_format, int_subclass_format, str_subclass_format, readonly_builtin_attrs, object_new_int, object_init_args, object_extra_args, init_override_new_args, dir_object, seq_times_object, class_assign]:
    run(f)
