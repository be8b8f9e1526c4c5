from __future__ import annotations
async def f(): return [await y for y in z]
