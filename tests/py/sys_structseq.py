# sys's struct sequences behave as tuples with named, read-only fields.
import sys
vi = sys.version_info
print(vi)
print(vi.major, vi.minor, vi[0], vi[-1], vi[:3], len(vi), vi >= (3, 11), vi < (4,))
print(type(vi).__name__, type(vi).__module__, isinstance(vi, tuple), type(vi).__mro__[1:])
print(hash(vi) == hash(tuple(vi)), vi == tuple(vi), list(vi)[:2], tuple(vi)[:2])
major, minor, *rest = vi
print(major, minor, rest, [x for x in vi][3])
try:
    vi.major = 4
except AttributeError as e:
    print('AttributeError:', e)
try:
    type(vi)((3, 11, 0, 'final', 0))
except TypeError as e:
    print('TypeError:', e)
print(sys.float_info)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.mant_dig, sys.float_info.dig)
print(sys.int_info)
print(sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold)
print(sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info.imag, sys.hash_info.width)
print(hash(float('inf')) == sys.hash_info.inf)
print(sys.flags.optimize, sys.flags.debug, sys.flags.int_max_str_digits, len(sys.flags))
print(sys.get_int_max_str_digits())
for bad in (5, 639, -1, '700'):
    try:
        sys.set_int_max_str_digits(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)
sys.set_int_max_str_digits(maxdigits=640)
print(sys.get_int_max_str_digits())
try:
    str(10 ** 700)
except ValueError as e:
    print('ValueError:', e)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 5000)))
sys.set_int_max_str_digits(4300)
# tuple subclasses extend lists and unpack by their items
class Pair(tuple):
    def __iter__(self):
        return iter(('overridden',))
p = Pair((1, 2))
out = [0]
out.extend(p)
print(out, list(p), [*p], tuple(p), p[:1], type(p[:1]).__name__)
