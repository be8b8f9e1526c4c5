"""Generate tests/unit/call_cases.txt from CPython: calls of the number and text types
and their class methods. Lines: callee|args|expected, args as in gen_str_cases.py plus
y<bytes> (escaped) and f<float>."""
cases = [
 ('int', ()), ('int', ('0x1f', 0)), ('int', ('12', 3)), ('int', (3.9,)), ('int', (-2.5e20,)), ('int', (b' 12 ',)),
 ('int', ('x',)), ('int', (None,)), ('int', (True,)), ('int', ('١٢٣',)), ('int', ('12', 1)), ('int', (12, 10)),
 ('int', ('010', 0)), ('int', ('1_000',)), ('int', ('1__0',)), ('int', (float('inf'),)), ('int', (float('nan'),)),
 ('int', ('9' * 5000,)), ('int', (' -0b101 ', 0)), ('int', ('z', 36)), ('int', (b'x', 16)),
 ('float', ()), ('float', (' 1_0.5 ',)), ('float', ('x',)), ('float', (b'2.5',)), ('float', (None,)), ('float', (10**400,)),
 ('float', ('-inf',)), ('float', ('nan',)), ('float', ('1e500',)), ('float', ('١.٥',)), ('float', (7,)),
 ('str', ()), ('str', (5,)), ('str', (b'abc', 'ascii')), ('str', (b'\xff', 'utf-8')), ('str', (b'\xff', 'utf-8', 'replace')),
 ('str', (b'\xe9', 'latin-1')), ('str', (b'\x80', 'ascii')), ('str', ('x', 'utf-8')), ('str', (1.5,)),
 ('bytes', ()), ('bytes', (3,)), ('bytes', ('é', 'utf-8')), ('bytes', ('é',)), ('bytes', (-1,)), ('bytes', (b'ab',)),
 ('bytearray', (b'ab',)), ('bytearray', (2,)), ('bytes', (None,)),
 ('int.from_bytes', (b'\x01\x00', 'little')), ('int.from_bytes', (b'\xff\xfe', 'big')),
 ('int.from_bytes', (b'', 'big')),
 ('float.hex', (1.5,)), ('float.hex', (-0.0,)), ('float.hex', (5e-324,)), ('float.hex', (float('inf'),)),
 ('float.hex', (1e300,)), ('float.hex', (-0.1,)), ('int.bit_length', (-255,)), ('int.to_bytes', (1000, 2, 'big')),
 ('int.to_bytes', (1000, 1, 'big')), ('int.to_bytes', (5, 1, 'big', True)),
 ('int.from_bytes', (b'a', 'big', True)), ('int.to_bytes', (0, 0, 'big')), ('float.as_integer_ratio', (0.1,)),
 ('float.as_integer_ratio', (float('nan'),)), ('float.__round__', (2.675, 2)), ('float.__round__', (2.5,)),
 ('int.__round__', (1250, -2)), ('int.__round__', (-1350, -2)), ('float.is_integer', (2.0,)),
 ('str.maketrans', ('ab', 'c')), ('str.maketrans', (1,)), ('bytes.hex', (b'\x00\xff',)),
 ('bytes.decode', (b'\xe2\x82', 'utf-8')), ('bytes.decode', (b'a\x80b', 'utf-8', 'ignore')),
 ('bytes.split', (b' a  b ',)), ('bytes.strip', (b'xxaxx', b'x')), ('bytes.replace', (b'aaa', b'a', b'bb', 2)), ('bytes.fromhex', ('de ad be ef',)), ('bytes.fromhex', ('dx',)),
]
def q(s):
    return s.encode('unicode_escape').decode('ascii').replace('|', '\\x7c').replace(',', '\\x2c')
def arg(a):
    if a is None: return 'n'
    if isinstance(a, bool): return 'b' + str(int(a))
    if isinstance(a, int): return 'i' + str(a)
    if isinstance(a, float): return 'f' + repr(a)
    if isinstance(a, bytes): return 'y' + q(a.decode('latin-1'))
    return 's' + q(a)
for callee, args in cases:
    obj = eval(callee)
    try:
        res = repr(obj(*args))
    except Exception as e:
        res = '!' + type(e).__name__ + ': ' + str(e)
    print('|'.join(['call', callee, ','.join(arg(a) for a in args) or '-', q(res)]))
