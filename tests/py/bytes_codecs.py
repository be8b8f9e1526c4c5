# str.encode / bytes.decode: codecs, aliases and every error handler, with CPython's errors.
s = 'aé★\U0001F600\udc80z'
for enc in ('ascii', 'latin-1', 'utf-8'):
    for h in ('ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace', 'surrogateescape', 'surrogatepass', 'strict'):
        try:
            print(enc, h, s.encode(enc, h))
        except UnicodeEncodeError as e:
            print(enc, h, 'UnicodeEncodeError:', e, e.start, e.end, repr(e.object), e.encoding, e.reason)
data = b'a\xe9\xff\xed\xa0\x80\xe2\x98z\xf0\x9f\x98\x80'
for enc in ('ascii', 'latin-1', 'utf-8'):
    for h in ('ignore', 'replace', 'backslashreplace', 'surrogateescape', 'surrogatepass', 'strict', 'xmlcharrefreplace'):
        try:
            print(enc, h, ascii(data.decode(enc, h)))
        except UnicodeDecodeError as e:
            print(enc, h, 'UnicodeDecodeError:', e, e.start, e.end, e.object, e.reason)
        except TypeError as e:
            print(enc, h, 'TypeError:', e)
for name in ('UTF-8', 'utf8', 'U8', 'utf_8', 'Latin1', 'iso-8859-1', 'L1', 'ASCII', 'us-ascii', '646'):
    print(name, 'é'.encode(name, 'replace'), b'\xc3\xa9'.decode(name, 'replace'))
print('abc'.encode('ascii', 'bogus'), b'abc'.decode('ascii', 'bogus'), str(b'\xff', 'utf-8', 'replace'), str(b'x', errors='strict'))
print('\udcff\udc80'.encode('utf-8', 'surrogateescape'), b'\xff\x80'.decode('utf-8', 'surrogateescape').encode('utf-8', 'surrogateescape'))
print('x'.encode(encoding='UTF8'), 'é'.encode(errors='ignore', encoding='ascii'), b'\xe9'.decode(encoding='latin1'))
errs = ["'é'.encode('ascii', 'bogus')", "b'\\xff'.decode('utf-8', 'bogus')", "'x'.encode('no-such-codec')", "b'x'.decode('nope')",
        "'a'.encode(1)", "'a'.encode('utf-8', 1)", "str(b'x', encoding=1)", "str('x', 'utf-8')", "str(1, 'utf-8')",
        "b'\\xe2\\x98'.decode()", "b'\\xe2\\x98x'.decode()", "b'\\xf0\\x9f\\x98'.decode()", "b'\\xc0\\xaf'.decode()",
        "b'\\xed\\xa0\\x80'.decode()", "b'\\xf4\\x90\\x80\\x80'.decode()", "'\\ud800\\udc00'.encode()", "'ab\\ud800'.encode('latin-1')",
        "'\\udc80\\udc41x'.encode('ascii', 'surrogateescape')", "'a\\ud800b'.encode('ascii', 'surrogatepass')",
        "b'\\xff\\xfe'.decode('utf-8', 'surrogatepass')", "b'\\xc3'.decode('utf-8', 'namereplace')"]
for src in errs:
    try:
        print(src, '->', ascii(eval(src)))
    except Exception as e:
        print(src, '!!', type(e).__name__ + ':', e)
