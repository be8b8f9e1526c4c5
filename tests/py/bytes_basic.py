b = b'Hello, World'
print(b, len(b), b[0], b[-1], b[1:5], b[::-1], b[::2], type(b[0]).__name__, type(b[0:1]).__name__)
print(list(b[:3]), b.upper(), b.lower(), b.split(b', '), b.replace(b'l', b'L'), b.find(b'o'), b.count(b'l'))
print(b.startswith(b'He'), b.endswith((b'x', b'ld')), b'  x '.strip(), b'a,b'.split(b','), b'-'.join([b'a', b'b']))
print(b'abc' + b'def', b'ab' * 3, b'a' in b'abc', 97 in b'abc', b'abc' < b'abd', b'abc' == 'abc')
print(bytes(3), bytes([65, 66, 67]), bytes('hé', 'utf-8'), bytes(range(5)), bytes(b'x'), bytes())
print(b.hex(), b'\x00\xff'.hex(), b'\x01\x02\x03'.hex(':'), bytes.fromhex('41 42 43'), bytes.fromhex('ff00'))
print(b'caf\xc3\xa9'.decode(), b'abc'.decode('ascii'), b.isalpha(), b'123'.isdigit(), b'AB'.isupper())
print(repr(b'\x00\x07\x08\t\n\r\x1b\x7f\x80\xff'), repr(b"'"), repr(b'"\''))
print(b'abc'.center(7, b'*'), b'42'.zfill(5), b'a b c'.split(), b'x'.ljust(3) + b'|', b'Hello'.swapcase())
print(b'abcabc'.rfind(b'b'), b'abc'.index(b'c'), b'hello'.partition(b'l'), b'a\nb'.splitlines(), b'ab'.title())
print(max(b'abc'), sum(b'\x01\x02'), sorted(b'cab'), bytes(reversed(b'abc')), b'%d-%s' % (1, b'x'))
errs = [lambda: b'abc'[5], lambda: bytes([256]), lambda: bytes([-1]), lambda: b'a' + 'b', lambda: bytes('x'),
        lambda: b'abc'.index(b'z'), lambda: bytes.fromhex('zz'), lambda: b'\xff'.decode('ascii'), lambda: b'x'.__setitem__(0, 1)]
for f in errs:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
print(hash(b'') == hash(b''), b'ab'.translate(None, b'a'), b'a'.join([b'1', bytearray(b'2')]))
