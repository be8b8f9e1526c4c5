s = 'héllo ★ \U0001F600'
print(s.encode(), s.encode('utf-8'), len(s.encode()), s.encode('utf-16-le')[:6] if False else s.encode('utf8')[:3])
print('abc'.encode('ascii'), 'café'.encode('latin-1'), 'café'.encode('ascii', 'ignore'), 'café'.encode('ascii', 'replace'))
print('café'.encode('ascii', 'backslashreplace'), 'café★'.encode('ascii', 'xmlcharrefreplace'))
try:
    'café'.encode('ascii')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError:', e)
try:
    'x'.encode('no-such-codec')
except LookupError as e:
    print('LookupError:', e)
b = s.encode()
print(b.decode(), b.decode('utf-8') == s)
try:
    b'\xff\xfe'.decode('utf-8')
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e)
print(b'\xff'.decode('utf-8', 'replace'), b'a\xffb'.decode('utf-8', 'ignore'), b'\xe9'.decode('latin-1'))
print(b'\xe2\x98\x85'.decode(), bytes('★', 'utf-8'), str(b'\xe2\x98\x85', 'utf-8'), str(b'abc'))
print(ascii('café ★'), repr('café ★'), ascii(['é']))
