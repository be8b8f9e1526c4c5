s = 'héllo wörld ★'
print(len(s), s[0], s[1], s[-1], s[-2], s[4:9], s[::-1], s[::3], s[-5::-2])
print(s[1:1], s[100:], s[-100:3], s[::-100], s[3:0:-1])
for i in range(-3, 3):
    print(i, s[i], repr(s[i:]))
e = '日本語テキスト'
print(len(e), e[2], e[1:4], e[::-1], e.find('テ'), e.index('キ'))
emoji = 'a\U0001F600b'
print(len(emoji), emoji[1] == '\U0001F600', emoji[::-1] == 'b\U0001F600a', ascii(emoji))
try:
    s[20]
except IndexError as e:
    print('IndexError:', e)
try:
    s['x']
except TypeError as e:
    print('TypeError:', e)
try:
    s[0] = 'H'
except TypeError as e:
    print('TypeError:', e)
try:
    del s[0]
except TypeError as e:
    print('TypeError:', e)
print(list('abc'), tuple('xy'), [c for c in 'añb'])
print(min('hello'), max('hello'), sorted('hello'), 'hello'[1.0.__int__()])
print(ord('é'), ord('★'), chr(233), chr(9733), chr(0x1F600) == emoji[1])
