from __future__ import annotations
def f():
    v: (yield from x) = 1
