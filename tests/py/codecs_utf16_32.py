# UTF-16, UTF-32 and utf-8-sig: byte-order marks, surrogate pairs, lone surrogates with
# surrogatepass, truncated input, and CPython's errors with their positions.
UTFS = ('utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be', 'utf-8-sig', 'utf-8')
TEXTS = ('', 'a', 'abc', '\xe9\u20ac', '\U0001F600', 'a\U00010000b\U0010FFFF', '\ufeff', 'x\ufeffy',
         '\ufffe\uffff', '\ud7ff\ue000')
for codec in UTFS:
    for s in TEXTS:
        b = s.encode(codec)
        print(codec, ascii(s), b, b.decode(codec) == s, len(b))

# a byte-order mark chooses the order of 'utf-16' and 'utf-32', and is dropped; the
# explicit orders keep it as U+FEFF; a second mark is always a character
for codec in ('utf-16', 'utf-16-le', 'utf-16-be'):
    for b in (b'\xff\xfea\x00', b'\xfe\xff\x00a', b'a\x00', b'\x00a', b'\xff\xfe\xff\xfea\x00', b'\xff\xfe'):
        print(codec, b, ascii(b.decode(codec, 'replace')))
for codec in ('utf-32', 'utf-32-le', 'utf-32-be'):
    for b in (b'\xff\xfe\x00\x00a\x00\x00\x00', b'\x00\x00\xfe\xff\x00\x00\x00a', b'a\x00\x00\x00',
              b'\x00\x00\x00a', b'\xff\xfe\x00\x00'):
        print(codec, b, ascii(b.decode(codec, 'replace')))
for b in (b'\xef\xbb\xbfa', b'\xef\xbb\xbf\xef\xbb\xbfa', b'a\xef\xbb\xbf', b'\xef\xbb', b''):
    print('utf-8-sig', b, ascii(b.decode('utf-8-sig', 'replace')), ascii(b.decode('utf-8', 'replace')))

# lone surrogates: errors, and surrogatepass both ways
for codec in UTFS:
    for s in ('\ud800', 'a\udc00b', '\udbff\udfff', '\udfff\udbff', '\ud83d\ude00'):
        try:
            print(codec, ascii(s), s.encode(codec))
        except UnicodeEncodeError as e:
            passed = s.encode(codec, 'surrogatepass')
            print(codec, ascii(s), e, '->', passed, ascii(passed.decode(codec, 'surrogatepass')))


def attempt(b, codec, errors='strict'):
    try:
        return ascii(b.decode(codec, errors))
    except UnicodeDecodeError as e:
        return '%s [%d:%d] %s' % (e, e.start, e.end, e.object)


# truncated input, unpaired and reversed surrogates, code points out of range
for b in (b'a', b'a\x00b', b'\x00\xd8', b'\x00\xd8a', b'\x00\xd8a\x00', b'\x00\xdc', b'\x00\xd8\x00\xd8',
          b'a\x00\x00\xd8\x00\xdc\x00\xdc', b'\xff\xfe\x00\xd8', b'\xfe\xff\xd8\x00', b'\xfe\xff\x00'):
    print(b, attempt(b, 'utf-16'), '|', attempt(b, 'utf-16-be'), '|', attempt(b, 'utf-16-le', 'replace'))
for b in (b'a\x00\x00', b'\x00\xd8\x00\x00', b'\x00\x00\x11\x00', b'\xff\xff\xff\xff',
          b'\xff\xfe\x00\x00\x00\xdc\x00\x00', b'\x00\x00\xfe\xff\x00\x00\xd8\x00', b'\x00\x00\xfe\xff\x00\x11'):
    print(b, attempt(b, 'utf-32'), '|', attempt(b, 'utf-32-be'), '|', attempt(b, 'utf-32-le', 'replace'))
print(attempt(b'\xef\xbb\xbfab\xff', 'utf-8-sig'), attempt(b'ab\xff', 'utf-8-sig'))

# longer texts: sizes and a checksum of the bytes
text = ''.join(chr(c) for c in range(0, 0x3000, 7)) + ''.join(chr(c) for c in range(0x10000, 0x110000, 4099))
for codec in UTFS:
    b = text.encode(codec)
    h = 0
    for x in b:
        h = (h * 31 + x) % 1000000007
    print(codec, len(b), h, b.decode(codec) == text, bytearray(b).decode(codec) == text)
