a = 'single' "double" '''triple''' """triple"""
b = 'esc\n\t\\\'\"\a\b\f\v\r\0\x41\101\u00e9\U0001F600'
c = r'raw\n' + R"\d"
d = b'bytes\x00\xff' + rb'\d'
e = u'unicode'
f = 'concat' 'enated'
g = 'héllo ✓ 😀'
h = f'{x}'
i = f'a{x!r}b{y:>10}c{z!s:{w}}'
j = f'{{literal}} {x=}'
k = f'{x + 1}' 'plain' f'{y}'
l = F'{"nested"}'
m = f'{x:%H:%M}'
o = 'line\
continued'
p = ''
q = b''
r = '\x00\x1f\x7f\x80\u200b'
s = "it's"
t = 'say "hi"'
u = 'both \' and "'
