def nothing():
    pass
print(nothing())
class Empty:
    pass
print(Empty.__name__)
assert True
assert 1 == 1, 'never shown'
try:
    assert 1 == 2
except AssertionError as e:
    print('AssertionError', repr(e), e.args)
try:
    assert [], 'empty list is falsy'
except AssertionError as e:
    print('AssertionError', repr(e), e.args)
try:
    assert False, ('tuple', 1)
except AssertionError as e:
    print(e.args)
x = 3
assert x > 0, f'x={x}'
print('asserts done')
assert x < 0, f'x must be negative, got {x}'
print('unreachable')
