class Both:
    def __repr__(self):
        return 'Both<repr>'
    def __str__(self):
        return 'Both<str>'
class OnlyRepr:
    def __repr__(self):
        return 'OnlyRepr()'
class OnlyStr:
    def __str__(self):
        return 'only str'
b, r, s = Both(), OnlyRepr(), OnlyStr()
print(b, r, s)
print(repr(b), str(b), repr(r), str(r), str(s))
print([b, r], (b,), {'k': b}, f'{b} {b!r} {r}', '%s %r' % (b, b), '{} {!r}'.format(b, b))
print(repr(s).startswith('<__main__.OnlyStr object at 0x'), repr(s).endswith('>'))
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f'{type(self).__name__}({self.x!r}, {self.y!r})'
class Point3(Point):
    pass
print(Point(1, 'a'), Point3(2.5, None), [Point(0, [1])])
class Inherit(Both):
    pass
print(Inherit(), repr(Inherit()))
class E(Exception):
    def __str__(self):
        return 'custom exc str'
print(E('a'), repr(E('a')))
print(str(Point).startswith("<class '"), repr(Point) == "<class '__main__.Point'>", Point.__name__)
