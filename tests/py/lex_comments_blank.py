#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Module docstring: not printed."""


# blank lines above and a comment
x = 1  # trailing comment with 'quotes' and "doubles" and # hashes

def f():
    # comment inside function

    y = 2

    # another after blank line
    return y
    # comment after return

class C:

    # comment in class body
    a = 1


print(x, f(), C.a, __doc__)
s = '# not a comment'
t = "also # not"
print(s, t, len(s))
if x:  # comment after colon
    pass  # comment after pass
print('end')  # done
