# Error messages of bytes and bytearray methods and operations, as CPython 3.11 words them.
half = 1.5
cases = [
    "b'a'.upper(1)", "bytearray(b'a').lower(1)", "b'a'.find()", "b'a'.find(1, 2, 3, 4)", "b'a'.find('a')",
    "b'a'.find(256)", "b'a'.count(b'a', x=1)", "b'a'.index(b'z')", "bytearray(b'a').rindex(b'z')",
    "b'a'.startswith('a')", "b'a'.startswith(('a',))", "b'a'.endswith(1)", "b'a'.startswith()",
    "b'a'.strip('a')", "b'a'.strip(b'a', b'b')", "b'a'.split('a')", "b'a'.split(b'')", "b'a'.rsplit(b'')",
    "b'a'.split(1, 2, 3)", "b'a'.join([1])", "b'a'.join(1)", "b'a'.join(['a'])", "b'a'.replace('a', b'b')",
    "b'a'.replace(b'a')", "b'a'.replace(b'a', b'b', 'x')", "b'a'.center()", "b'a'.center(5, 'x')",
    "b'a'.center(5, b'xy')", "b'a'.ljust('5')", "b'a'.zfill()", "b'a'.partition(b'')", "b'a'.rpartition(1)",
    "b'a'.splitlines(1, 2)", "b'a'.expandtabs('x')", "b'abc'.hex(b'::')", "b'abc'.hex('')", "b'abc'.hex('\\xe9')",
    "b'abc'.hex(':', 'x')", "bytes.fromhex(1)", "bytes.fromhex('a')", "bytes.fromhex('0 1')", "bytes.fromhex('01 0g')",
    "b'a'.decode(1)", "b'a'.decode('x')", "b'a'.decode(errors=1)", "b'a'.removeprefix('a')",
    "b'abc'.translate(b'x')", "b'abc'.translate(None, 'a')", "bytes.maketrans(b'a', b'bc')", "bytes.maketrans('a', 'b')",
    "bytes(-1)", "bytes('a', 'ascii', 'strict', 1)", "bytes(1.5)", "bytearray(1.5)", "bytes('a', encoding=1)",
    "bytes(b'a', 'ascii')", "bytes(errors='x')", "bytes('x')", "bytes([256])", "bytearray([256])", "bytes(['a'])",
    "b'abc'[half]", "bytearray(b'abc')[half]", "b'abc'[3]", "bytearray(b'abc')[-4]", "b'a' < 'a'", "b'a' + 1",
    "1 + b'a'", "b'a' * 1.5", "bytearray(b'a') + 'x'", "'x' in b'a'", "300 in b'a'", "hash(bytearray())",
    "b'abc'.copy()", "b'x'.__setitem__(0, 1)",
]
for src in cases:
    try:
        print(src, '->', repr(eval(src)))
    except Exception as e:
        print(src, '!!', type(e).__name__ + ':', e)
class B:
    def __bytes__(self):
        return b'from dunder'
class Bad:
    def __bytes__(self):
        return 'str'
print(bytes(B()), b'%s|%b' % (B(), B()))
for f in (lambda: bytes(Bad()), lambda: b'%s' % Bad(), lambda: bytearray(B())):
    try:
        print(f())
    except TypeError as e:
        print('TypeError:', e)
