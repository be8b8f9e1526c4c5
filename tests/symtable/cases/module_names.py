"""Module scope: every binding is LOCAL to the module (and global), every
unbound use is an implicit global or builtin."""
x = 1
y = x + len([])
x += 2
z: int = 3
del y
for i in range(3):
    pass
while x:
    x -= 1
if x:
    w = 1
else:
    w = 2
a, (b, *c) = 1, (2, 3)
d = e = f = None
print(a, b, c, d, e, f, i, w, z)
