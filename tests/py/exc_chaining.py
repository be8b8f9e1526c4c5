try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError('during handling')
except ValueError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    try:
        {}['k']
    except KeyError as ke:
        raise RuntimeError('explicit') from ke
except RuntimeError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__, e.__cause__ is e.__context__)
try:
    try:
        [][0]
    except IndexError:
        raise TypeError('hidden') from None
except TypeError as e:
    print(e.__cause__, repr(e.__context__), e.__suppress_context__)
e = ValueError('manual')
print(e.__context__, e.__cause__, e.__suppress_context__, e.__traceback__)
e.__cause__ = KeyError('set')
print(repr(e.__cause__), e.__suppress_context__)
try:
    raise ValueError('tb')
except ValueError as err:
    print(err.__traceback__ is not None, type(err.__traceback__).__name__)
    print(err.__traceback__.tb_lineno)
def three():
    try:
        try:
            raise KeyError('a')
        except KeyError:
            raise IndexError('b')
    except IndexError:
        raise ValueError('c')
try:
    three()
except ValueError as e:
    chain = []
    x = e
    while x is not None:
        chain.append(repr(x))
        x = x.__context__
    print(chain)
try:
    try:
        raise ValueError('same')
    except ValueError as v:
        raise v
except ValueError as e:
    print(e.__context__)
