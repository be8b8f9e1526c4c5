def f():
    if x:
        from os import *
