# exception objects: notes, args/str/repr, attributes of builtin exceptions, messages
def run(f):
    try:
        print(f.__name__, '->', repr(f()))
    except BaseException as e:
        print(f.__name__, '=>', type(e).__name__, e)
def notes():
    e = ValueError('x'); e.add_note('n1'); e.add_note('n2'); return e.__notes__
def note_bad(): ValueError().add_note(5)
def tb_attrs():
    try:
        raise KeyError(1)
    except KeyError as e:
        return type(e.__traceback__).__name__, e.__traceback__.tb_lineno - tb_attrs.__code__.co_firstlineno, ValueError().with_traceback(None).__traceback__
def strs(): return str(ValueError(1, 'a')), str(ValueError([1])), repr(ValueError(None)), str(Exception(None)), str(KeyError('a b')), str(KeyError(('a',))), str(KeyError(None)), repr(KeyError())
def oserror():
    e = OSError(2, 'nf', 'file.txt')
    return str(e), e.errno, e.strerror, e.filename, type(e).__name__, e.args, type(OSError(13, 'x')).__name__, str(OSError('plain'))
def special_values(): return StopIteration(5).value, StopIteration().value, StopIteration(1, 2).value, SystemExit(3).code, SystemExit().code, SystemExit(1, 2).code
def custom_init_no_super():
    class E(Exception):
        def __init__(self, a, b): self.b = b
    e = E(1, 2); return e.args, str(e), repr(e)
def custom_init_partial():
    class E(Exception):
        def __init__(self, a, b): super().__init__(a); self.b = b
    e = E(1, 2); return e.args, str(e), e.b
def kw_to_builtin(): ValueError(x=1)
def assertion_tuple():
    try:
        assert 1 == 2, ('tuple', 'msg')
    except AssertionError as e:
        return e.args, str(e)
def name_fields():
    try:
        undefined_x
    except NameError as e:
        return e.name, str(e)
def attr_fields():
    try:
        (1).foo
    except AttributeError as e:
        return e.name, e.obj
def import_missing_module():
    try:
        import nonexistent_mod_xyz
    except ImportError as e:
        return type(e).__name__, e.name, str(e)
def import_missing_name():
    try:
        from sys import nonexistent_name
    except ImportError as e:
        return type(e).__name__, str(e), e.name
def except_non_class():
    try:
        try:
            raise ValueError
        except 5:
            pass
    except TypeError as e:
        return str(e)
def bare_raise_nothing():
    try:
        raise
    except RuntimeError as e:
        return str(e)
def zero_div_messages():
    out = []
    for f in [lambda: 1 / 0, lambda: 1.0 / 0, lambda: 1 % 0.0, lambda: divmod(1.0, 0), lambda: divmod(1, 0.0), lambda: divmod(1, 0), lambda: (-0.0) ** -2, lambda: 5 // 0.0, lambda: pow(0, -1)]:
        try:
            f()
        except ZeroDivisionError as e:
            out.append(str(e))
    return out
for f in [notes, note_bad, tb_attrs, strs, oserror, special_values, custom_init_no_super, custom_init_partial, kw_to_builtin, assertion_tuple, name_fields, attr_fields, import_missing_module, import_missing_name, except_non_class, bare_raise_nothing, zero_div_messages]:
    run(f)
