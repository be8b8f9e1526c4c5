a + b - c * d / e // f % g ** h @ i
a << b >> c & d | e ^ f ~g
a < b > c <= d >= e == f != g
a += 1; a -= 1; a *= 1; a /= 1; a //= 1; a %= 1; a **= 1; a @= 1
a <<= 1; a >>= 1; a &= 1; a |= 1; a ^= 1
def f(x: int) -> int: ...
if (n := 10) > 5: pass
d = {'k': [1, 2], 3: (4,)}
x = a[1:2, ::3]
@decorator
def g(): pass
lambda x, *y, **z: x
