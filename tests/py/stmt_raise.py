try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    raise ValueError('msg', 2)
except ValueError as e:
    print(repr(e), str(e), e.args)
def reraise():
    try:
        raise KeyError('k')
    except KeyError:
        print('handling, re-raising')
        raise
try:
    reraise()
except KeyError as e:
    print('outer got', repr(e))
try:
    raise 42
except TypeError as e:
    print('TypeError:', e)
try:
    raise int
except TypeError as e:
    print('TypeError:', e)
try:
    raise
except RuntimeError as e:
    print('RuntimeError:', e)
class MyErr(Exception):
    pass
try:
    raise MyErr
except MyErr as e:
    print(type(e).__name__, repr(e))
err = IndexError('saved')
try:
    raise err
except IndexError as e:
    print(e is err)
try:
    raise ValueError('a') from KeyError('b')
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)
try:
    raise ValueError('x') from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)
try:
    raise ValueError('x') from 5
except TypeError as e:
    print('TypeError:', e)
