from __future__ import annotations
def f(x: lambda: 1 = 2) -> lambda y: y: pass
