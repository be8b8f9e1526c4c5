# Every single-byte codec: all 256 bytes decoded (checksums, not the text), the bytes it
# cannot decode, the round trip back, the inverse mapping over the BMP, and the errors.
CODECS = ('ascii latin_1 charmap cp037 cp1006 cp1026 cp1125 cp1140 cp1250 cp1251 cp1252 cp1253 '
          'cp1254 cp1255 cp1256 cp1257 cp1258 cp273 cp424 cp437 cp500 cp720 cp737 cp775 cp850 '
          'cp852 cp855 cp856 cp857 cp858 cp860 cp861 cp862 cp863 cp864 cp865 cp866 cp869 cp874 '
          'cp875 hp_roman8 iso8859_10 iso8859_11 iso8859_13 iso8859_14 iso8859_15 iso8859_16 '
          'iso8859_2 iso8859_3 iso8859_4 iso8859_5 iso8859_6 iso8859_7 iso8859_8 iso8859_9 koi8_r '
          'koi8_t koi8_u kz1048 mac_arabic mac_croatian mac_cyrillic mac_farsi mac_greek '
          'mac_iceland mac_latin2 mac_roman mac_romanian mac_turkish palmos ptcp154 tis_620').split()


def ck(seq):
    h = 0
    for x in seq:
        h = (h * 1000003 + (ord(x) if isinstance(x, str) else x)) % 2147483647
    return h


ALL = bytes(range(256))
BMP = ''.join(chr(c) for c in range(0xD800)) + ''.join(chr(c) for c in range(0xE000, 0x10000))
for name in CODECS:
    text = ALL.decode(name, 'replace')
    undefined = [b for b in range(256) if text[b] == '\ufffd' and ALL[b:b + 1].decode(name, 'ignore') == '']
    try:  # surrogateescape refuses an undefined byte below 0x80
        back = ALL.decode(name, 'surrogateescape').encode(name, 'surrogateescape')
    except UnicodeDecodeError as e:
        back = e.start
    encodable = BMP.encode(name, 'ignore')
    replaced = BMP.encode(name, 'replace')
    print(name, len(text), ck(text), len(undefined), ck(undefined), back == ALL,
          len(encodable), ck(encodable), len(replaced), ck(replaced))
    if undefined:
        try:
            ALL.decode(name)
        except UnicodeDecodeError as e:
            print('  ', e, '|', e.encoding, e.start, e.end, e.reason)
    try:
        BMP.encode(name)
    except UnicodeEncodeError as e:
        print('  ', e, '|', e.encoding, e.start, e.end, e.reason)
    # the text of every byte that decodes, encoded again
    print('  ', ALL.decode(name, 'ignore').encode(name) == bytes(b for b in range(256) if b not in undefined)
          or ck(ALL.decode(name, 'ignore').encode(name)))

# the same code point from two bytes: encoding gives the table's later byte
for name, s in (('mac_arabic', ' !"#$%*+,-./:;<=>[\\]^_{|}'), ('mac_farsi', ' !"#$%*+,-./:'),
                ('cp1006', '\ufe8e'), ('cp875', '\x1a'), ('cp037', 'abc\n'), ('cp500', '[]!|')):
    print(name, ascii(s), s.encode(name), s.encode(name).decode(name) == s)
print(b'\x80\x81\x8d\x8f\x90\x9d'.decode('cp1252', 'backslashreplace'))
print(b'\xa5\xae\xbe'.decode('iso8859_3', 'replace'), b'\xdb\xdc\xdd\xde'.decode('tis_620', 'surrogateescape').encode('utf-8', 'surrogateescape'))
