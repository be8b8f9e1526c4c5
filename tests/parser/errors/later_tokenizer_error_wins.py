a b
x = "abc
