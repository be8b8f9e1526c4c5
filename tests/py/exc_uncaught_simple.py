def inner(x):
    return x['missing']
def outer():
    d = {'present': 1}
    return inner(d)
print('before')
outer()
print('never')
