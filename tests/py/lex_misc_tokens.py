print(..., Ellipsis, ... is Ellipsis, type(...).__name__)
x = [1, 2, 3]
print(x[...] if False else 'ellipsis ok', 1 if ... else 0)
café = 'unicode identifier'
π = 3.14
print(café, π, len('café'))
def f() -> 'ret':
    'docstring as first statement'
    return f.__doc__
print(f(), f.__annotations__)
a: int = 1
b: 'str'
print(a, __annotations__)
print(1 if True else 2, [1 for _ in'ab'])
print(1_0.5_0, 0b1_0, 0o1_0, 0x1_0, 1_0e1_0 > 1)
print(not(1), (not 1), -(-(1)), [-1, +1, ~1])
print(1 .real, 1.0.real, (1).real, 1..real if False else 'dot')
print("tab\tsep", 'nul\x00'.replace('\x00', '0'), "\\")
if True:
  print('two space indent')
  if True:
        print('mixed depth indent')
print(type(NotImplemented).__name__, NotImplemented is NotImplemented)
