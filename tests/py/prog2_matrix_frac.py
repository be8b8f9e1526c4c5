# Fraction and Matrix classes with operator overloading; exact Gaussian elimination.
import sys


def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)


class Frac:
    __slots__ = ("n", "d")

    def __new__(cls, n=0, d=1):
        if isinstance(n, Frac) and d == 1:
            return n
        if d == 0:
            raise ZeroDivisionError(f"Frac({n}, 0)")
        self = super().__new__(cls)
        if d < 0:
            n, d = -n, -d
        g = gcd(n, d) or 1
        self.n, self.d = n // g, d // g
        return self

    @staticmethod
    def _c(x):
        return x if isinstance(x, Frac) else Frac(x) if isinstance(x, int) else None

    def __add__(self, o):
        o = Frac._c(o)
        return NotImplemented if o is None else Frac(self.n * o.d + o.n * self.d, self.d * o.d)

    __radd__ = __add__

    def __sub__(self, o):
        o = Frac._c(o)
        return NotImplemented if o is None else self + (-o)

    def __rsub__(self, o):
        return (-self) + o

    def __mul__(self, o):
        o = Frac._c(o)
        return NotImplemented if o is None else Frac(self.n * o.n, self.d * o.d)

    __rmul__ = __mul__

    def __truediv__(self, o):
        o = Frac._c(o)
        return NotImplemented if o is None else Frac(self.n * o.d, self.d * o.n)

    def __neg__(self):
        return Frac(-self.n, self.d)

    def __eq__(self, o):
        o = Frac._c(o)
        return NotImplemented if o is None else (self.n, self.d) == (o.n, o.d)

    def __hash__(self):
        return hash((self.n, self.d))

    def __bool__(self):
        return self.n != 0

    def __float__(self):
        return self.n / self.d

    def __repr__(self):
        return f"{self.n}" if self.d == 1 else f"{self.n}/{self.d}"


class Matrix:
    def __init__(self, rows):
        self.rows = [[Frac(x) for x in r] for r in rows]
        if len({len(r) for r in self.rows}) > 1:
            raise ValueError("ragged rows")

    shape = property(lambda self: (len(self.rows), len(self.rows[0])))

    def __getitem__(self, idx):
        if isinstance(idx, tuple):
            i, j = idx
            return self.rows[i][j]
        return self.rows[idx]

    def __setitem__(self, idx, value):
        i, j = idx
        self.rows[i][j] = Frac(value)

    def __iter__(self):
        return (x for r in self.rows for x in r)

    def __matmul__(self, o):
        (n, m), (m2, p) = self.shape, o.shape
        if m != m2:
            raise ValueError(f"shape mismatch {self.shape} @ {o.shape}")
        return Matrix([[sum((self[i, k] * o[k, j] for k in range(m)), Frac()) for j in range(p)] for i in range(n)])

    def __mul__(self, k):
        return Matrix([[x * k for x in r] for r in self.rows])

    __rmul__ = __mul__

    def __add__(self, o):
        return Matrix([[a + b for a, b in zip(r, s)] for r, s in zip(self.rows, o.rows)])

    def __eq__(self, o):
        return isinstance(o, Matrix) and self.rows == o.rows

    def __pow__(self, e):
        n = self.shape[0]
        result = Matrix([[int(i == j) for j in range(n)] for i in range(n)])
        base = self
        while e:
            if e & 1:
                result = result @ base
            base, e = base @ base, e >> 1
        return result

    @property
    def T(self):
        return Matrix(list(map(list, zip(*self.rows))))

    def det(self):
        a = [r[:] for r in self.rows]
        n, sign, acc = len(a), 1, Frac(1)
        for c in range(n):
            piv = next((r for r in range(c, n) if a[r][c]), None)
            if piv is None:
                return Frac(0)
            if piv != c:
                a[c], a[piv] = a[piv], a[c]
                sign = -sign
            acc = acc * a[c][c]
            for r in range(c + 1, n):
                f = a[r][c] / a[c][c]
                a[r] = [x - f * y for x, y in zip(a[r], a[c])]
        return acc * sign

    def __str__(self):
        cells = [[repr(x) for x in r] for r in self.rows]
        w = max(len(c) for r in cells for c in r)
        return "\n".join("[" + " ".join(c.rjust(w) for c in r) + "]" for r in cells)


A = Matrix([[2, 1, 0], [1, 3, 1], [0, 1, 4]])
B = Matrix([[1, Frac(1, 2), 0], [0, 1, Frac(-1, 3)], [1, 0, 1]])
print(A @ B)
print(A.det(), B.det(), (A @ B).det() == A.det() * B.det())
print(A.T == A, B.T == B, A[1, 2], A[2], list(A)[:4])
print(2 * B + A * Frac(1, 2))
F = Matrix([[1, 1], [1, 0]])
print((F ** 30)[0, 1], (F ** 30).shape)
print(Frac(6, -8), Frac(3, 9) + 1, 1 - Frac(1, 3), Frac(2) / 3, float(Frac(1, 8)), Frac(Frac(5)))
print(sorted({Frac(1, 2), Frac(2, 4), Frac(3, 6), Frac(1)}, key=float), Frac(4, 2) == 2, 2 == Frac(4, 2))
for bad in (lambda: A @ Matrix([[1, 2]]), lambda: Matrix([[1], [1, 2]]), lambda: Frac(1, 0), lambda: Frac(1) / 0,
            lambda: Frac(1) + 0.5, lambda: Matrix([[0, 0], [0, 0]]).det() / Frac(0)):
    try:
        print(bad())
    except (ValueError, ZeroDivisionError, TypeError) as e:
        print(f"{type(e).__name__}: {e}")
print(Matrix([[0, 1], [1, 0]]).det(), Matrix([[1, 2], [2, 4]]).det())
