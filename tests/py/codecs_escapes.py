# unicode_escape and raw_unicode_escape both ways, with their errors (escapes CPython
# would warn about are left out: weft has no warnings).
TEXTS = ('', 'abc', 'a\tb\nc\rd', '\\', "'\"", '\x00\x1f\x7f\x80\xff', '\u0100\u20ac\uffff',
         '\U00010000\U0010FFFF', '\udc80\ud800', 'caf\xe9 \u2603 \U0001F600 \\n')
for codec in ('unicode_escape', 'raw_unicode_escape', 'Unicode-Escape'):
    for s in TEXTS:
        b = s.encode(codec)
        print(codec, ascii(s), b, b.decode(codec) == s, s.encode(codec, 'no-such-handler') == b)


def attempt(b, codec, errors='strict'):
    try:
        return ascii(b.decode(codec, errors))
    except UnicodeDecodeError as e:
        return '%s [%d:%d]' % (e, e.start, e.end)
    except LookupError as e:
        return 'LookupError: %s' % e


DATA = (b'\\x41\\u20ac\\U0001F600', b'\\101\\7\\0777', b'\\a\\b\\f\\n\\r\\t\\v\\\\\\\'\\"', b'a\\\nb',
        b'\xe9\\xe9', b'\\N{BULLET}\\N{latin small letter a}\\N{LF}', b'\\N{HANGUL SYLLABLE GAG}',
        b'\\N{CJK UNIFIED IDEOGRAPH-4E00}', b'\\N{no such name}x', b'\\N{}x', b'\\N{BULLET', b'\\Nx', b'\\N',
        b'\\x4', b'\\x4g', b'\\u12', b'\\u12345', b'\\U0011000000', b'\\U001', b'ab\\', b'\\ud800\\udc00',
        b'\\U0010FFFF', b'\\u00e9\\U000000e9', b'\\\\u0041', b'\\u004')
for b in DATA:
    print(b, attempt(b, 'unicode_escape'), '|', attempt(b, 'raw_unicode_escape'), '|',
          attempt(b, 'unicode_escape', 'replace'), '|', attempt(b, 'raw_unicode_escape', 'backslashreplace'))
print(attempt(b'\\x4', 'unicode_escape', 'ignore'), attempt(b'\\x4', 'unicode_escape', 'no-such-handler'),
      attempt(b'a\\x4\xe9', 'unicode_escape', 'surrogateescape'), attempt(b'\\u12', 'raw_unicode_escape', 'ignore'))
