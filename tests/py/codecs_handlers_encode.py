# str.encode with every error handler, for each codec family: one line per codec and
# text, each handler's bytes or its exception (encoding, start, end, reason); the
# message of each error in full once, for 'strict'.
HANDLERS = ('strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace',
            'surrogateescape', 'surrogatepass', 'no-such-handler')
CODECS = ('ascii', 'L1', 'cp1252', 'cp037', 'utf-8', 'U8', 'utf-8-sig', 'utf-16', 'utf-16-be',
          'UTF_32LE', 'unicode_escape', 'raw_unicode_escape')
TEXTS = ('a\xe9\u20ac', '\u20ac\u4e00\u0416x', '\udc80\udcff', '\udc80\u4e00\udc81', 'x\ud800y',
         '\ud83d\ude00', '\U0001F600\u2603', '\x00\n\\', '\udc41z', '\ud800\udc80\x80')


def attempt(s, codec, h):
    try:
        return ascii(s.encode(codec, h))
    except UnicodeEncodeError as e:
        if h == 'strict':
            print('   ', e)
        return '!%s,%d,%d,%s' % (e.encoding, e.start, e.end, e.reason)
    except Exception as e:
        cause = e.__cause__
        return '!%s: %s%s' % (type(e).__name__, e, ' (cause %s)' % type(cause).__name__ if cause else '')


for codec in CODECS:
    print(codec)
    for s in TEXTS:
        print(' ', ascii(s), ' '.join(attempt(s, codec, h) for h in HANDLERS))
print(''.encode('utf-16'), ''.encode('utf-32'), ''.encode('utf-8-sig'), ''.encode('utf-16-be'))
