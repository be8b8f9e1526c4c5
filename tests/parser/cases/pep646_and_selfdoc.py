x = f'{fmt = }' f'{x = !r:>5}' f'{x=  }'
def f(*args: *Ts): pass
