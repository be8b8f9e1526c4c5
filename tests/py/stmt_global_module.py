global_counter = 0
def incr(n):
    global global_counter
    for _ in range(n):
        global_counter += 1
    return global_counter
print(incr(3), incr(2), global_counter)
def define_many():
    global g1, g2
    g1, g2 = 'one', 'two'
define_many()
print(g1, g2)
def conditional(flag):
    if flag:
        global later_global
        later_global = 'defined'
    return 'later_global' in globals()
print(conditional(False), conditional(True), later_global)
class UsesGlobal:
    global from_class
    from_class = 'set in class body'
print(from_class)
def read_only():
    return global_counter * 2
print(read_only())
def del_global():
    global g1
    del g1
del_global()
print('g1' in globals(), 'g2' in globals())
for loop_var in range(3):
    pass
print(loop_var)
if True:
    block_var = 'visible'
print(block_var)
try:
    print(never_defined)
except NameError as e:
    print('NameError:', e)
