# open() with a single-byte codec: text written and read back through it, its errors,
# and encoding names that are no text codec.
path = 'codecs_files.tmp'
for enc in ('cp1252', 'Windows-1252', 'koi8_r', 'mac-roman', 'iso8859-15', 'cp437', 'L1', 'ascii'):
    with open(path, 'w', encoding=enc, errors='replace') as f:
        f.write('caf\xe9 \u20ac \u0416 \u2502\nline\r\nend')
    with open(path, 'rb') as f:
        raw = f.read()
    with open(path, encoding=enc) as f:
        text = f.read()
    with open(path, encoding=enc, newline='') as f:
        lines = f.readlines()
    print(enc, raw, ascii(text), ascii(lines), f.encoding)
with open(path, 'wb') as f:
    f.write(b'a\x81b\x8dc\n\xff')
for errors in ('replace', 'ignore', 'surrogateescape', 'backslashreplace', 'strict'):
    try:
        with open(path, encoding='cp1252', errors=errors) as f:
            print(errors, ascii(f.read()))
    except UnicodeDecodeError as e:
        print(errors, 'UnicodeDecodeError:', e)
for errors in ('xmlcharrefreplace', 'namereplace', 'strict'):
    try:
        with open(path, 'w', encoding='iso8859-15', errors=errors) as f:
            f.write('\u20ac\u4e00\xa4\n')
        with open(path, 'rb') as f:
            print(errors, f.read())
    except UnicodeEncodeError as e:
        print(errors, 'UnicodeEncodeError:', e)
for enc in ('no-such-codec', 'rot13', 'base64'):
    try:
        open(path, encoding=enc)
    except LookupError as e:
        print(enc, 'LookupError:', e)
