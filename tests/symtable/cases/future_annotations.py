"""Docstring first."""
from __future__ import annotations

a: Unknown1
b: Unknown2 = 1


def f(p: Unknown3, *r: Unknown4, k: Unknown5 = 1, **kw: Unknown6) -> Unknown7:
    local: Unknown8 = p
    return local


class C:
    attr: Unknown9
    lam: Unknown10 = lambda: 1
