# implicit and explicit line joining, comments
x = (1 +   # comment inside parens
     2 +
     3)
print(x)
y = [
    1, 2,
    # a comment line
    3,
]
print(y)
z = 1 + \
    2 + \
    3
print(z)
if x == 6 and \
   z == 6:
    print('both six')
d = {'a': 1,
     'b': 2}   # trailing comment
print(d)
def f(a,
      b,
      c=3):
    return a + b + c
print(f(1,
        2))
s = 'abc' \
    'def'
print(s)
# comment at column 0
    # indented comment
print('end'); print('semicolons'); a = 1; b = 2; print(a + b)
if True: print('one-line if')
for i in range(2): print('one-line for', i)
while False: pass
class C: pass
print(C.__name__)
