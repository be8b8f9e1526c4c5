s = 'key=value=more'
print(s.partition('='), s.rpartition('='), s.partition('x'), s.rpartition('x'))
print('a.b'.partition('.'), ''.partition('x'), 'abc'.partition('abc'), 'http://x/y'.partition('://'))
try:
    s.partition('')
except ValueError as e:
    print('ValueError:', e)
text = 'line1\nline2\r\nline3\rline4\n\nline6\x0bline7\x1c8\u2028end'
print(text.splitlines())
print(text.splitlines(True))
print(''.splitlines(), '\n'.splitlines(), 'no newline'.splitlines(), 'a\n'.splitlines(keepends=True))
print('x\n\ny\n'.split('\n'), 'x\n\ny\n'.splitlines())
