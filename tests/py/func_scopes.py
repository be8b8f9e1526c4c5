x = 'global x'
def read():
    return x
def shadow():
    x = 'local x'
    return x
def nested():
    x = 'enclosing x'
    def inner():
        return x
    return inner()
print(read(), shadow(), nested(), x)
class K:
    x = 'class x'
    def method(self):
        return x
    y = [x for _ in range(1)]
    z = x
print(K().method(), K.y, K.z)
def comp_scope():
    n = 10
    return [n * i for i in range(3)], (lambda: n)()
print(comp_scope())
def loop_var():
    for i in range(3):
        pass
    return i
print(loop_var())
i = 'global i'
print([i for i in range(2)], i)
def builtins_shadow():
    len = lambda s: 'shadowed'
    return len('abc')
print(builtins_shadow(), len('abc'))
def param_shadow(print):
    return print
print(param_shadow('param named print'))
def exc_var():
    try:
        raise ValueError('x')
    except ValueError as err:
        pass
    return 'err' in locals()
print(exc_var())
