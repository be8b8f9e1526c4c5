words = ['hello World', 'ÉCOLE', 'straße', 'ǅemal', "they're bill's friends", 'a1b2', '', 'MiXeD cAsE', 'İ']
for w in words:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold())
print('hello'.istitle(), 'Hello World'.istitle(), 'ABC'.isupper(), 'abc1'.islower(), '1'.islower())
print('ß'.upper(), 'ﬁ'.upper(), len('İ'.lower()), 'ΣΑΣ'.lower())
