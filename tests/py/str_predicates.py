tests = ['abc', 'ABC', 'abc123', '123', '١٢٣', '½', '²', '', ' ', '\t\n', 'abc ', 'Ab', 'Hello World',
         'hello_world', '_x', 'x1', '1x', 'class', 'é', '日本', '\x00', 'a\u0301', 'Ⅻ', '0x1F']
for t in tests:
    print(repr(t), t.isalpha(), t.isdigit(), t.isdecimal(), t.isnumeric(), t.isalnum(), t.isspace(),
          t.isupper(), t.islower(), t.istitle(), t.isidentifier(), t.isprintable(), t.isascii())
