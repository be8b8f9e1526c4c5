import os
import os.path as p, sys
from . import a
from .. import b as c
from ...x.y import (z, w as v,)
from m import *
global g1, g2
def f(a, /, b, *, c=1, **d) -> int:
    nonlocal_name = 1
    return a
async def g():
    await x
    async for i in y:
        pass
    async with a as b, c:
        pass
@dec
@dec.attr(1)
class C(Base, metaclass=M):
    x: int = 1
    y: list
    (z): int = 2
    def m(self): ...
if a:
    pass
elif b:
    pass
elif c:
    pass
else:
    pass
while x:
    break
else:
    continue
for i, (j, k) in enumerate(z):
    pass
else:
    pass
try:
    pass
except ValueError as e:
    raise
except (TypeError, KeyError):
    raise X from Y
except:
    pass
else:
    pass
finally:
    pass
with open(f) as fh, other():
    pass
with (a as b, c as d,):
    pass
with (a, b):
    pass
del a, b[0], c.d
assert x, "message"
x = y = z = 1
a, *b = c
[a, b] = c
a += 1; b -= 2; c *= 3; d @= 4; e /= 5; f //= 6; g %= 7; h **= 8
i <<= 1; j >>= 2; k &= 3; l |= 4; m ^= 5
a.b += 1
a[0] **= 2
x: int
if x: pass
while y: z = 1; w = 2
def h(): return
lambda_ = lambda *, k: k
