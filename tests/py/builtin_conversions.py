print(str(1), str(1.5), str([1]), repr('a'), repr(1.0), ascii('é'), str(b'x', 'ascii'))
print(int('7'), float('7'), bool('x'), list('ab'), tuple([1]), set('aa'), frozenset('b'), dict([(1, 2)]))
print(complex('1+2j'), complex(3), complex('4j'), complex(1.5, -2))
print(chr(97), ord('a'), chr(0x20AC), ord('€'), hex(3054), oct(64), bin(10), hex(-42), oct(0), bin(-0))
class I:
    def __index__(self):
        return 10
print(hex(I()), oct(I()), bin(I()), chr(I().__index__() * 10))
for f in (lambda: hex(1.5), lambda: bin('1'), lambda: chr('a'), lambda: ord(''), lambda: ord(5)):
    try:
        f()
    except TypeError as e:
        print('TypeError:', e)
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(2 ** 70, 3))
print(pow(2, 8), pow(2, -2), pow(-2, 3), pow(2, 8, 5), pow(-3, 3, 7), pow(3, -2, 11), pow(7, 0, 1), pow(2.0, 3))
for f in (lambda: pow(2, 3, 0), lambda: pow(2.0, 3, 4), lambda: pow(2, -1, 6), lambda: divmod(1, 0), lambda: divmod('a', 1)):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
print(abs(-7), abs(7.5), abs(-0.0), abs(3 + 4j), abs(False))
class Abs:
    def __abs__(self):
        return 'abs called'
print(abs(Abs()))
try:
    abs('x')
except TypeError as e:
    print('TypeError:', e)
print(round(3.7), round(-3.5), round(3.14159, 2), round(1234, -2), repr(round(2.0)), round(0.5 + 1))
print(bool(0.0), bool('False'), int(False), float(True), str(None) + '!', list(), tuple(), dict(), set(), frozenset())
