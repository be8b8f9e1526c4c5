# string literal forms and escapes
print('single', "double", '''triple single''', """triple double""")
print('it\'s', "say \"hi\"", 'a"b', "a'b")
print('tab\there', 'nl\\n', 'bell\a'.encode(), 'back\\slash')
print(repr('\x41\x42\x7f'), repr('\101\102\0'), repr('\u00e9\u4e2d'), repr('\U0001F600'))
print(repr('\n\r\t\v\f\b\a\0'))
print(r'raw\n\t', R"raw\"quote", repr(r'\x41'))
print('adjacent' ' strings' " concatenate")
s = ('multi'
     'line'
     'concat')
print(s)
print("""line1
line2
  line3""")
print('''a\
b''')
print(len('\N{LATIN SMALL LETTER E WITH ACUTE}'), '\N{GREEK SMALL LETTER ALPHA}')
print(u'unicode prefix', U'UPPER')
print(ord('\377'), ord('\1'), ord('\12'))
print(repr("mixed 'quotes' and \"dq\""))
print(repr('only "double" inside'))
print(repr("only 'single' inside"))
print(repr(''), repr(""), repr(''''''))
print(rb'\x00', Rb'\n', bR'x', br'\\')
