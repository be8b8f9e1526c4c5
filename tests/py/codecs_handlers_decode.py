# bytes.decode with every error handler, for each codec family: one line per codec and
# input, each handler's text or its exception (encoding, start, end, reason); the
# message of each error in full once, for 'strict'.
HANDLERS = ('strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape', 'surrogatepass',
            'xmlcharrefreplace', 'no-such-handler')
CODECS = ('ascii', 'L1', 'cp1252', 'cp424', 'utf-8', 'U8', 'utf-8-sig', 'utf-16', 'utf-16-be',
          'utf-32', 'UTF_32BE')
DATA = (b'a\x81\xe9\xff', b'\x80\x41\x70', b'\xed\xa0\x80z', b'\xe2\x82', b'\xf0\x9f\x98\x80',
        b'\xef\xbb\xbf\xff', b'\xff\xfea\x00', b'\xfe\xff\x00a', b'a\x00\x00\xd8', b'\x00\xdc\x41\x00',
        b'\x00\xd8\x41\x00', b'\x00\xd8\x00\xdc', b'a\x00b', b'\x00\x00\x11\x00', b'\x00\xd8\x00\x00z',
        b'\xff\xfe\x00\x00\x00\xd8\x00\x00', b'\x80\xdc\xdc\x80\xbd')


def attempt(b, codec, h):
    try:
        return ascii(b.decode(codec, h))
    except UnicodeDecodeError as e:
        if h == 'strict':
            print('   ', e, e.object)
        return '!%s,%d,%d,%s' % (e.encoding, e.start, e.end, e.reason)
    except Exception as e:
        cause = e.__cause__
        return '!%s: %s%s' % (type(e).__name__, e, ' (cause %s)' % type(cause).__name__ if cause else '')


for codec in CODECS:
    print(codec)
    for b in DATA:
        print(' ', b, ' '.join(attempt(b, codec, h) for h in HANDLERS))
    print('  bytearray', attempt(bytearray(DATA[0]), codec, 'replace'), attempt(bytearray(DATA[0]), codec, 'strict'))
# positions count from the start of the input, the byte-order mark included
for codec in ('utf-16', 'utf-32', 'utf-8-sig'):
    for b in (b'\xff\xfe', b'\xfe\xff', b'\xff\xfe\x00\x00', b'\x00\x00\xfe\xff', b'\xef\xbb\xbf', b''):
        print(codec, b, attempt(b, codec, 'strict'), attempt(b + b'\x00', codec, 'replace'))
