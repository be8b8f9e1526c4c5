class C:
    cls_attr = 'class'
    def __init__(self):
        self.x = 1
c = C()
print(getattr(c, 'x'), getattr(c, 'cls_attr'), getattr(c, 'missing', 'dflt'), getattr(C, 'cls_attr'))
setattr(c, 'y', 2); setattr(c, 'with space', 3)
print(c.y, getattr(c, 'with space'), hasattr(c, 'y'), hasattr(c, 'nope'), hasattr(C, 'x'))
delattr(c, 'y')
print(hasattr(c, 'y'), sorted(vars(c)))
for f in (lambda: getattr(c, 'missing'), lambda: delattr(c, 'missing'), lambda: getattr(c, 5),
          lambda: setattr(1, 'x', 2), lambda: getattr(c), lambda: delattr(C, 'nope')):
    try:
        f()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__ + ':', e)
print(getattr([], 'append').__name__, getattr('abc', 'upper')(), getattr(5, 'real'))
print(callable(len), callable(C), callable(c), callable(lambda: 0), callable(1), callable(None), callable(C.__init__))
class K:
    def __call__(self):
        return 'called'
print(callable(K()), K()())
class G:
    def __getattr__(self, name):
        return 'dyn_' + name
g = G()
print(g.anything, getattr(g, 'foo'), hasattr(g, 'bar'))
class Slots:
    __slots__ = ('a',)
s = Slots()
s.a = 5
print(s.a)
try:
    s.b = 1
except AttributeError as e:
    print('AttributeError:', e)
