def risky():
    raise ValueError('original problem')
try:
    risky()
except ValueError:
    print('logging and re-raising')
    raise
