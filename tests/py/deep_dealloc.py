# Freeing a very long chain of containers must not overflow the C stack: a list of a
# list of ... a hundred thousand deep, and the same for tuples, dicts, instances, generators.
def nest(n, mk):
    x = mk(None)
    for i in range(n):
        x = mk(x)
    return x
class Node:
    pass
def node(v):
    o = Node()
    o.next = v
    return o
n = 100000
for name, mk in [('list', lambda v: [v]), ('tuple', lambda v: (v,)),
                 ('dict', lambda v: {'k': v}), ('object', node),
                 ('generator', lambda v: (x for x in [v]))]:
    x = nest(n, mk)
    del x
    print(name, 'freed')
x = nest(n, lambda v: [v, (v,)])
x = None
print('shared chain freed')
x = nest(n, lambda v: [v])
try:
    repr(x)
except RecursionError as e:
    print('RecursionError:', e)
del x
print('done')
