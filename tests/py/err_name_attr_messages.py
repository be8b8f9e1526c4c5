def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e, '|', e.args)
show(lambda: undefined_thing)
show(lambda: (1).imag.nope)
show(lambda: 'str'.nope)
show(lambda: [].nope)
show(lambda: {}.nope)
show(lambda: None.nope)
show(lambda: int.nope)
show(lambda: len.nope)
class C:
    pass
show(lambda: C.nope)
show(lambda: C().nope)
import sys
show(lambda: sys.nope)
def f():
    print(local_later)
    local_later = 1
show(f)
def g():
    def h():
        return free_var
    free_var = 1
    del free_var
    return h()
show(g)
try:
    C().missing
except AttributeError as e:
    print(e.name, type(e.obj).__name__)
try:
    nothing_here
except NameError as e:
    print(e.name)
