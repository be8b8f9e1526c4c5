# Codec names as codecs.lookup normalizes them (case, punctuation, aliases), each
# checked on a text that tells the codecs apart; names that are no codec, and codecs
# that are not text encodings.
NAMES = ('utf-8', 'UTF8', 'utf_8', 'U8', 'UTF', 'utf8-ucs4', 'cp65001', ' utf  8 ', '--utf--8--',
         'utf.8', 'latin_1', 'latin-1', 'L1', 'Latin1', 'iso-8859-1', 'ISO8859-1', 'iso_ir_100',
         'cp819', '8859', 'ascii', 'US-ASCII', '646', 'ANSI_X3.4_1968', 'ansi_x3.4-1968',
         'cp1252', 'windows-1252', 'Windows_1252', '1252', 'iso8859-15', 'ISO-8859-15',
         'latin9', 'L9', 'koi8_r', 'KOI8-R', 'cskoi8r', 'mac-roman', 'macintosh', 'MacRoman',
         'cp437', 'IBM437', '437', 'cspc8codepage437', 'ebcdic-cp-us', 'cp037', 'greek', 'hebrew',
         'cyrillic', 'thai', 'utf.8', 'latin.1', 'iso8859.15', 'iso.8859.15', 'tis620', 'utf-16', 'UTF16', 'U16', 'utf-16le', 'UnicodeLittleUnmarked',
         'utf_16_be', 'UnicodeBigUnmarked', 'utf-32', 'u32', 'UTF-32BE', 'utf_32le', 'utf-8-sig',
         'UTF_8_SIG', 'unicode-escape', 'Unicode_Escape', 'raw-unicode-escape', 'charmap',
         'iso8859_1', 'iso_8859-1:1987', 'l\xe91', 'utf\xe98')


def attempt(f):
    try:
        return ascii(f())
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)


for name in NAMES:
    print(repr(name), attempt(lambda: '\u20ac\xe9\u0416\u2500\u05d0'.encode(name, 'replace')),
          attempt(lambda: b'\x80\xe9\xc4'.decode(name, 'replace')))


for name in ('no-such-codec', '', '-', 'utf-9', 'latin_2_', 'aliases', 'mbcs', 'oem', 'locale',
             'utf 8 sig x', 'rot13', 'rot_13', 'base64', 'Base-64', 'hex', 'zip', 'bz2_codec',
             'quopri', 'uu', 'undefined'):
    print(repr(name), attempt(lambda: 'x'.encode(name)), '|', attempt(lambda: b'x'.decode(name)),
          '|', attempt(lambda: bytes('x', name)), '|', attempt(lambda: str(b'x', name)))
# empty input is '' without asking the codec; an empty str still is
print(repr(b''.decode('no-such-codec')), repr(bytearray().decode('rot13')), repr(str(b'', 'x')),
      attempt(lambda: ''.encode('no-such-codec')), attempt(lambda: ''.encode('undefined')))
