for v in [0, -0, 5, -5, 10 ** 20, -(10 ** 20), True, False]:
    print(str(v), repr(v), format(v), format(v, 'd'))
print(str(123456789 ** 5))
print(len(str(10 ** 4000)), str(10 ** 4000)[:5])
try:
    str(10 ** 4999)
except ValueError as e:
    print('ValueError:', e)
try:
    int('12345' * 1000)
except ValueError as e:
    print('ValueError:', e)
import sys
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(0)
n = int('12345' * 1000)
print(len(str(n)), str(n)[-10:])
big = 3 ** 10470
print(len(str(big)))
print(big)
sys.set_int_max_str_digits(4300)
try:
    print(big)
except ValueError as e:
    print('ValueError:', e)
print(hex(big)[:20])
print(hex(255), oct(8), bin(5), hex(-1), oct(-1), bin(-1))
print(int.__repr__(42), (42).__str__(), '%d' % 42, '%i' % -3)
print(repr(1000000), str(0x7fffffffffffffff), str(-0x8000000000000000))
