"""Generate tests/unit/str_method_cases.txt: receiver, method, args, expected repr (or
exception type and message), from CPython. Args are str, int, None or bool."""
import sys
cases = [
 ('  a b  c  ', 'split', ()), ('  a b  c  ', 'split', (None, 1)), ('  a b  c  ', 'rsplit', (None, 1)),
 ('a,b,,c', 'split', (',',)), ('a,b,,c', 'rsplit', (',', 1)), ('a,b,,c', 'split', (',', 0)), ('abc', 'split', ('',)),
 ('a\u3000b\x1cc', 'split', ()), ('', 'split', ()), ('', 'split', (',',)),
 ('  xx  ', 'strip', ()), ('xyhixy', 'strip', ('xy',)), ('  x ', 'lstrip', ()), ('  x ', 'rstrip', ()), ('éaé', 'strip', ('é',)),
 ('aaaa', 'replace', ('aa', 'b')), ('abc', 'replace', ('', '-')), ('abc', 'replace', ('', '-', 2)), ('aaa', 'replace', ('a', 'b', 2)),
 ('héllo wörld', 'find', ('ö',)), ('héllo', 'rfind', ('l',)), ('abcabc', 'find', ('c', 3)), ('abc', 'find', ('', 3)), ('abc', 'find', ('', 4)),
 ('abc', 'find', ('', 2, 1)), ('héllo', 'index', ('z',)), ('héllo', 'rindex', ('l', -5, -2)), ('abc', 'find', ('c', None, None)),
 ('abcabc', 'count', ('',)), ('aaaa', 'count', ('aa',)), ('abc', 'count', ('', 1, 2)), ('abc', 'count', ('', 4)),
 ('héllo', 'startswith', ('hé',)), ('héllo', 'endswith', ('lo', 0, 5)), ('abc', 'startswith', ('', 3)), ('abc', 'startswith', ('', 4)),
 ('abc', 'endswith', ('b', 0, -1)), ('abc', 'startswith', (1,)),
 ('ΑΣ ΣΑ', 'lower', ()), ('ΑΣ', 'lower', ()), ('Σ', 'lower', ()), ('straße', 'upper', ()), ('hello wORLD', 'title', ()),
 ('hELLO', 'capitalize', ()), ('HeLLo ß', 'swapcase', ()), ('Straße', 'casefold', ()), ('ǅemal', 'title', ()),
 ("they're bill's", 'title', ()), ('ﬁx', 'capitalize', ()), ('İ', 'lower', ()),
 ('abc', 'isalpha', ()), ('١٢٣', 'isdecimal', ()), ('²', 'isdigit', ()), ('²', 'isdecimal', ()), ('½', 'isnumeric', ()),
 (' \t\x1c', 'isspace', ()), ('abc1', 'isalnum', ()), ('abc', 'islower', ()), ('ABC1', 'isupper', ()), ('1', 'islower', ()),
 ('Hello World', 'istitle', ()), ('Hello world', 'istitle', ()), ('ǅ', 'istitle', ()),
 ('_a1', 'isidentifier', ()), ('1a', 'isidentifier', ()), ('é', 'isidentifier', ()), ('a\n', 'isprintable', ()),
 ('é', 'isascii', ()), ('', 'isalpha', ()), ('', 'isprintable', ()), ('\xa0', 'isprintable', ()),
 ('abc', 'center', (8, '*')), ('abc', 'center', (6,)), ('ab', 'center', (5,)), ('abc', 'ljust', (5,)), ('é', 'rjust', (3, 'ü')),
 ('abc', 'center', (5, 'ab')), ('-42', 'zfill', (6,)), ('+', 'zfill', (3,)), ('abc', 'zfill', (2,)),
 ('a.b.c', 'partition', ('.',)), ('a.b.c', 'rpartition', ('.',)), ('abc', 'partition', ('x',)), ('abc', 'rpartition', ('x',)),
 ('abc', 'partition', ('',)),
 ('a\nb\r\nc\rd\x85e\u2028f\x0bg', 'splitlines', ()), ('a\nb\r\n', 'splitlines', (True,)), ('', 'splitlines', ()),
 ('a\tb\n\tc', 'expandtabs', ()), ('a\tbc\t', 'expandtabs', (4,)), ('a\tb', 'expandtabs', (0,)),
 ('prefix-x', 'removeprefix', ('prefix-',)), ('x.py', 'removesuffix', ('.py',)), ('x', 'removesuffix', ('',)),
 ('{} {!r} {:>4}', 'format', (1, 'a', 5)), ('{0}{1}{0}', 'format', ('a', 'b')), ('{:{}}', 'format', ('x', 3)),
 ('{{}}', 'format', ()), ('{0} {}', 'format', (1, 2)), ('{2}', 'format', (1,)), ('{', 'format', ()),
 ('{0.real}', 'format', (5,)), ('{!x}', 'format', (1,)), ('{:{:{}}}', 'format', (1, 2, 3)),
 ('abc', 'encode', ()), ('é', 'encode', ('latin-1',)), ('é', 'encode', ('ascii', 'replace')), ('é', 'encode', ('foo',)),
 ('é', 'upper', (1,)),
]
def q(s):
    return s.encode('unicode_escape').decode('ascii').replace('|', '\\x7c').replace(',', '\\x2c')
def arg(a):
    if a is None: return 'n'
    if isinstance(a, bool): return 'b' + str(int(a))
    if isinstance(a, int): return 'i' + str(a)
    return 's' + q(a)
for recv, meth, args in cases:
    try:
        res = repr(getattr(recv, meth)(*args))
    except Exception as e:
        res = '!' + type(e).__name__ + ': ' + str(e)
    print('|'.join([q(recv), meth, ','.join(arg(a) for a in args) or '-', q(res)]))
