#!/usr/bin/env python3
"""Generate tests/unit/bigint_cases.txt: differential cases for runtime/bigint*.c, with
every expected value computed by the running Python (it must be CPython 3.11).

usage: python3 tools/gen_bigint_cases.py [--seed N] [--scale F] > tests/unit/bigint_cases.txt

One case per line, fields separated by tabs. Integers are hexadecimal with an optional
'-' ("-1f", "0"), doubles are 16 hex digits of their bits, counts are decimal. An
expected error is "!Type" or "!Type:message" (message as CPython words it).
  addsub a b a+b a-b                     mul a b r           sqr a r (a * a)
  divmod a b q r     or  divmod a b !err-of-a//b !err-of-a%b
  truediv a b bits   pow a e r           powmod a e m r      (r may be an error)
  bitwise a b a&b a|b a^b                unary a ~a -a abs(a)
  shift a n a<<n a>>n                    (n decimal; results may be errors, and
                                          a<<n is !MemoryError where CPython runs out)
  cmp a b c          inspect a hash bit_length bit_count int64-value-or-error
  todouble a bits    fromdouble bits r   (bits, r may be errors)
  format base a text                     parse base text r   digits base a n
`text` holds no tabs or whitespace at its ends (the caller of wf_bigint_parse strips
those). --scale multiplies the number of random cases (1 for the checked-in table).
"""
import argparse
import math
import random
import struct
import sys

if sys.version_info[:2] != (3, 11):
    sys.exit("gen_bigint_cases.py: run this with CPython 3.11")
sys.set_int_max_str_digits(0)  # the limit is the int type's business, not the library's

DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz'


def hx(v):
    return ('-' if v < 0 else '') + format(abs(v), 'x')


def dbits(x):
    return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]


def from_bits(b):
    return struct.unpack('<d', struct.pack('<Q', b))[0]


def err(e):
    msg = str(e)
    return '!' + type(e).__name__ + (':' + msg if msg else '')


def to_base(v, base):
    """v in base, lowercase, '-' for negatives; built from CPython's divmod."""
    if base == 10:
        return str(v)
    if base == 16:
        return format(v, 'x')
    if base == 8:
        return format(v, 'o')
    if base == 2:
        return format(v, 'b')
    if v == 0:
        return '0'
    n, out = abs(v), []
    while n:
        n, d = divmod(n, base)
        out.append(DIGITS[d])
    return ('-' if v < 0 else '') + ''.join(reversed(out))


class Gen:
    def __init__(self, seed, scale):
        self.rng = random.Random(seed)
        self.scale = scale
        self.lines = []
        self.seen = set()

    def n(self, count):
        return max(1, int(count * self.scale))

    def emit(self, *fields):
        line = '\t'.join(str(f) for f in fields)
        assert '\n' not in line
        if line not in self.seen:
            self.seen.add(line)
            self.lines.append(line)

    # ---- operands ------------------------------------------------------------------------

    def edges(self):
        """0, +-1, powers of two and their neighbours, the 64-bit boundaries."""
        vs = [0, 1, 2, 3, 10, 2**61 - 1, 2**61, 2**122 - 1]
        for k in (8, 16, 30, 31, 32, 33, 52, 53, 54, 60, 61, 62, 63, 64, 65, 95, 96, 97, 127,
                  128, 129, 191, 192, 1023, 1024, 1025, 1279, 1280, 2559, 2560, 4096):
            vs += [2**k - 1, 2**k, 2**k + 1]
        vs += [2**62 + d for d in range(-3, 4)] + [2**63 + d for d in range(-3, 4)]
        vs += [2**64 + d for d in range(-3, 4)]
        return vs + [-v for v in vs]

    def bits_for(self, scale):
        """A random bit length: scale 0 up to 70 bits, 1 mostly under 300 and some up to
        Karatsuba sizes, 2 some beyond."""
        r = self.rng.random()
        if scale == 0 or r < 0.45:
            return self.rng.randint(1, 70)
        if r < 0.88:
            return self.rng.randint(60, 200)
        if scale == 1 or r < 0.98:
            return self.rng.randint(300, 1000)
        return self.rng.randint(1000, 4000)

    def number(self, bits):
        """A random magnitude of exactly `bits` bits; some with long runs of ones or zeros,
        which stress carries and quotient estimates."""
        if bits == 0:
            return 0
        r = self.rng.random()
        if r < 0.15:  # 2^bits - 2^k: a run of ones then zeros
            v = 2**bits - 2**self.rng.randint(0, bits - 1)
        elif r < 0.25:  # 2^(bits-1) + small
            v = 2**(bits - 1) + self.rng.getrandbits(min(bits - 1, 40))
        elif r < 0.32:  # all ones
            v = 2**bits - 1
        else:
            v = self.rng.getrandbits(bits) | (1 << (bits - 1))
        return v

    def signed(self, scale):
        r = self.rng.random()
        if r < 0.08:
            v = self.rng.choice(self.edges())
            return v
        v = self.number(self.bits_for(scale))
        return -v if self.rng.random() < 0.5 else v

    def pairs(self, count, scale):
        edges = self.edges()
        out = []
        for a in edges[::3]:
            out.append((a, self.rng.choice(edges)))
        for _ in range(self.n(count)):
            a, b = self.signed(scale), self.signed(scale)
            if self.rng.random() < 0.05:
                b = a if self.rng.random() < 0.5 else -a
            out.append((a, b))
        return out

    def big_pairs(self, count, lo, hi):
        """Both operands between lo and hi bits: the Karatsuba and Burnikel-Ziegler range."""
        out = []
        for _ in range(self.n(count)):
            a = self.number(self.rng.randint(lo, hi))
            b = self.number(self.rng.randint(lo, hi))
            out.append((a * self.rng.choice((1, -1)), b * self.rng.choice((1, -1))))
        return out

    # ---- arithmetic ----------------------------------------------------------------------

    def gen_add_sub_mul(self):
        for a, b in self.pairs(800, 2) + self.big_pairs(6, 3000, 12000):
            self.emit('addsub', hx(a), hx(b), hx(a + b), hx(a - b))
        for a, b in self.pairs(800, 2) + self.big_pairs(12, 1200, 8000):
            self.emit('mul', hx(a), hx(b), hx(a * b))
        for _ in range(self.n(12)):  # unbalanced: one side at least twice the other
            a = self.number(self.rng.randint(4000, 10000))
            b = self.number(self.rng.randint(1200, 3000))
            self.emit('mul', hx(a), hx(-b), hx(-a * b))
        for a in self.edges()[::2] + [self.signed(2) for _ in range(self.n(300))]:
            self.emit('sqr', hx(a), hx(a * a))
        for _ in range(self.n(8)):
            a = self.number(self.rng.randint(3000, 10000))
            self.emit('sqr', hx(a), hx(a * a))

    def emit_divmod(self, a, b):
        if b == 0:
            try:
                a // b
            except ZeroDivisionError as e:
                e1 = err(e)
            try:
                a % b
            except ZeroDivisionError as e:
                e2 = err(e)
            self.emit('divmod', hx(a), hx(b), e1, e2)
        else:
            q, r = divmod(a, b)
            self.emit('divmod', hx(a), hx(b), hx(q), hx(r))

    def gen_divmod(self):
        for a, b in self.pairs(800, 2):
            self.emit_divmod(a, b)
        for a in self.edges()[::4]:
            self.emit_divmod(a, 0)
        # Burnikel-Ziegler: divisors over 80 digits, quotients over 80 digits
        for _ in range(self.n(16)):
            b = self.number(self.rng.randint(2600, 9000))
            a = self.number(b.bit_length() + self.rng.randint(2600, 9000))
            self.emit_divmod(a * self.rng.choice((1, -1)), b * self.rng.choice((1, -1)))
        # quotient digits that need the add-back correction, and exact quotients
        for _ in range(self.n(120)):
            b = self.number(self.rng.randint(33, 1200))
            q = self.number(self.rng.randint(1, 1200))
            r = self.rng.choice((0, 1, b - 1, self.rng.randrange(b)))
            self.emit_divmod(b * q + r, b)
            self.emit_divmod(-(b * q + r), b)

    def gen_truediv(self):
        cases = self.pairs(800, 1)
        for _ in range(self.n(400)):
            # quotients across the whole double range, subnormals and overflow included
            e = self.rng.randint(-1100, 1030)
            b = self.number(self.rng.randint(1, 700) + max(0, -e))
            a = (b << e) if e >= 0 else (b >> -e)
            a += self.rng.randint(-3, 3) * self.rng.choice((1, b, 1 << max(0, e)))
            cases.append((a * self.rng.choice((1, -1)), b * self.rng.choice((1, -1))))
        for _ in range(self.n(200)):
            # ties and near ties: 54-bit odd numerators scaled, over powers of two or
            # large divisors
            m = self.number(54) | 1
            k = self.rng.randint(0, 600)
            j = self.rng.randint(0, 1200)
            d = self.rng.choice((0, 1, -1))
            cases.append(((m << k) + d, 1 << j))
            b = self.number(self.rng.randint(60, 300))
            cases.append((((m << 30) * b) + d, b << 30))
        for _ in range(self.n(20)):  # quotients around 2^1023, 2^1024 and the overflow
            b = self.number(self.rng.randint(1, 300))  # threshold 2^1024 - 2^970
            for e in range(1020, 1027):
                cases.append(((b << e) + self.rng.randint(-2, 2), b))
            for t in (2**1024 - 2**970, 2**1024 - 2**971, 2**1024):
                for d in (-1, 0, 1):
                    cases.append((t * b + d, b))
        for j in range(1070, 1081):  # subnormal ties and the smallest results
            for a in (1, 2, 3, 5, 7, 2**52 - 1, 2**52 + 1, 2**53 + 1, 3 * 2**60 + 1):
                cases.append((a, 1 << j))
                cases.append((-a * 3, 3 << j))
        for a, b in cases:
            try:
                out = dbits(a / b)
            except (ZeroDivisionError, OverflowError) as e:
                out = err(e)
            self.emit('truediv', hx(a), hx(b), out)

    def gen_pow(self):
        for a in [0, 1, -1, 2, -2, 3, 10, -10, 2**32, 2**64 - 1, -2**63]:
            for e in [0, 1, 2, 3, 5, 31, 32, 33, 64, 100]:
                self.emit('pow', hx(a), hx(e), hx(a**e))
        for _ in range(self.n(400)):
            a = self.signed(1)
            bits = max(1, abs(a).bit_length())
            limit = 20000 if self.rng.random() < 0.04 else 2000
            e = self.rng.randint(0, max(1, limit // bits))
            self.emit('pow', hx(a), hx(e), hx(a**e))
        for e in [2**64, 2**100 + 1]:
            for a in (0, 1, -1):
                self.emit('pow', hx(a), hx(e), hx(a**e))

    def emit_powmod(self, a, e, m):
        try:
            r = hx(pow(a, e, m))
        except ValueError as x:
            r = err(x)
        self.emit('powmod', hx(a), hx(e), hx(m), r)

    def gen_powmod(self):
        for a in (0, 1, -1, 2, 3, -7, 10, 2**64 + 1):
            for e in (0, 1, 2, -1, -2, 65, -65):
                for m in (1, -1, 2, -2, 7, -7, 12, 2**61 - 1, -(2**64 + 13), 0):
                    self.emit_powmod(a, e, m)
        for _ in range(self.n(500)):
            m = self.signed(1) or 5
            a = self.signed(1)
            if abs(m).bit_length() > 600:
                m >>= abs(m).bit_length() - 600
            e = self.number(self.rng.randint(0, 200))
            if self.rng.random() < 0.3:
                e = -e
            self.emit_powmod(a, e, m)
        for _ in range(self.n(60)):  # odd moduli, invertible bases, long exponents
            m = self.number(self.rng.randint(64, 1200)) | 1
            a = self.rng.randrange(m)
            e = self.number(self.rng.randint(1, 400)) * self.rng.choice((1, -1))
            self.emit_powmod(a, e, m * self.rng.choice((1, -1)))

    # ---- bits ----------------------------------------------------------------------------

    def gen_bits(self):
        near = [s * (2**k + d) for k in (31, 32, 33, 64) for d in (-1, 0, 1) for s in (1, -1)]
        near += [0, 1, -1, 2**96 - 2**32, -(2**96 - 2**32)]
        for a, b in self.pairs(1000, 1) + [(x, y) for x in near for y in near]:
            self.emit('bitwise', hx(a), hx(b), hx(a & b), hx(a | b), hx(a ^ b))
        for a in self.edges() + [self.signed(1) for _ in range(self.n(300))]:
            self.emit('unary', hx(a), hx(~a), hx(-a), hx(abs(a)))
        counts = [0, 1, 31, 32, 33, 63, 64, 65, 100, 1000, -1, -64, 2**62, 2**63 - 1]
        for a in self.edges()[::2] + [self.signed(1) for _ in range(self.n(400))]:
            for n in self.rng.sample(counts, 2) + [self.rng.randint(0, 300)]:
                out = []
                for left in (True, False):
                    try:
                        if left and n > 10**6 and a != 0:
                            out.append('!MemoryError')  # what CPython raises, slowly
                        else:
                            out.append(hx(a << n if left else a >> n))
                    except ValueError as e:
                        out.append(err(e))
                self.emit('shift', hx(a), n, *out)

    # ---- comparisons, hashes, conversions ----------------------------------------------------

    def gen_inspection(self):
        vals = self.edges() + [self.signed(1) for _ in range(self.n(1500))]
        P = 2**61 - 1
        vals += [k * P + d for k in (1, 2, 2**64, -1, -3) for d in (-1, 0, 1, 2)]
        for a in vals:
            i64 = a if -2**63 <= a < 2**63 else '!OverflowError'
            self.emit('inspect', hx(a), hash(a), a.bit_length(), a.bit_count(), i64)
        for a, b in self.pairs(1000, 1):
            self.emit('cmp', hx(a), hx(b), (a > b) - (a < b))

    def gen_doubles(self):
        vals = self.edges() + [self.signed(1) for _ in range(self.n(800))]
        top = 2**1024
        for k in range(54, 1025, 23):  # ties and near ties at every scale, and the top
            for m in (2**53 + 1, 2**53 + 3, 2**54 - 1):
                for d in (-1, 0, 1):
                    vals += [(m << (k - 54)) + d] if k >= 54 else []
        vals += [top - 2**970 + d for d in (-1, 0, 1)] + [top - 2**971, top - 1, top, top + 1]
        vals += [2**1023 * 3 // 2, 10**308, 10**309]
        for a in vals:
            try:
                out = dbits(float(a))
            except OverflowError as e:
                out = err(e)
            self.emit('todouble', hx(a), out)
        xs = [0.0, -0.0, 0.5, -0.5, 0.9999999999999999, 1.0, -1.0, 1.5, -2.5, 2.0**52 + 0.5,
              2.0**53, 2.0**63, -2.0**63, 2.0**64, 1e300, -1.7976931348623157e308, 5e-324,
              math.inf, -math.inf, math.nan]
        for _ in range(self.n(800)):
            b = self.rng.getrandbits(64)
            r = self.rng.random()
            if r < 0.6:  # exponents where the integer part is interesting
                e = self.rng.randint(1023 - 2, 1023 + 200)
                b = (b & ~(0x7ff << 52)) | (e << 52)
            xs.append(from_bits(b))
        for x in xs:
            try:
                out = hx(int(x))
            except (OverflowError, ValueError) as e:
                out = err(e)
            self.emit('fromdouble', dbits(x), out)

    # ---- strings -------------------------------------------------------------------------

    def gen_strings(self):
        vals = self.edges()[::2] + [self.signed(1) for _ in range(self.n(500))]
        for base in range(2, 37):
            for k in (1, 2, 5, 40, 200):  # powers of the base and their neighbours
                vals += [base**k - 1, base**k, -(base**k)]
        for a in vals:
            base = self.rng.choice((2, 8, 10, 16, 10, 10, self.rng.randint(2, 36)))
            self.emit('format', base, hx(a), to_base(a, base))
            self.emit('digits', base, hx(a), len(to_base(abs(a), base)))
        for base in range(2, 37):
            for a in (0, 1, -1, base - 1, base, 2**64 - 1, -(2**100 + 7)):
                self.emit('format', base, hx(a), to_base(a, base))
        # large values: the divide-and-conquer conversions, several levels deep
        for _ in range(self.n(8)):
            a = self.number(self.rng.randint(5000, 30000)) * self.rng.choice((1, -1))
            base = self.rng.choice((10, 10, 3, 7, 36))
            self.emit('format', base, hx(a), to_base(a, base))
            self.emit('digits', base, hx(a), len(to_base(abs(a), base)))
            self.emit_parse(base, to_base(a, base))
        for k in (4300, 9000, 30000):
            for v in (10**k, 10**k - 1):
                self.emit('digits', 10, hx(v), len(str(v)))

        # parsing: valid spellings with signs, prefixes and underscores
        for _ in range(self.n(1200)):
            a = self.signed(1)
            base = self.rng.choice((0, 0, 2, 8, 10, 16, 10, self.rng.randint(2, 36)))
            self.emit_parse(base, self.spell(a, base))
        # invalid and corner spellings, mutated from valid ones
        fixed = ['', '+', '-', '_', '0', '00', '0_0', '-0', '+0', '007', '0_7', '0x', '0X',
                 '0b', '0o', '0x_', '0x_1f', '0x__1f', '0_x1f', '0xg', '0b2', '0o8', '1_',
                 '_1', '1__2', '1_2', '+-1', '-+1', '--1', '1 2', '1.0', '1e5', '0x1f',
                 '0X1F', '0o17', '0O17', '0b101', '0B101', 'z', 'Z', 'zz',
                 '0b1', '0o', '0_', '00_0', '0x0', '0x00', '0b_1', '0b1_', '+_1', '-0x10',
                 '1' * 50, '9' * 30 + 'a', '٣']
        for s in fixed:
            for base in (0, 2, 8, 10, 16, 11, 12, 24, 25, 34, 36):
                self.emit_parse(base, s)
        for _ in range(self.n(800)):
            a = self.signed(0)
            base = self.rng.choice((0, 2, 8, 10, 16, self.rng.randint(2, 36)))
            self.emit_parse(base, self.mutate(self.spell(a, base)))

    def spell(self, a, base):
        """A valid literal for a in base (0 picks a prefix), underscores sprinkled."""
        b = base
        prefix = ''
        if base == 0:
            b = self.rng.choice((2, 8, 10, 16))
            prefix = {2: '0b', 8: '0o', 10: '', 16: '0x'}[b]
        elif base in (2, 8, 16) and self.rng.random() < 0.4:
            prefix = {2: '0b', 8: '0o', 16: '0x'}[base]
        body = to_base(abs(a), b)
        if self.rng.random() < 0.3:
            body = body.upper()
        if self.rng.random() < 0.3 and len(body) > 1:
            chars = list(body)
            for i in sorted(self.rng.sample(range(1, len(chars)), min(3, len(chars) - 1)),
                            reverse=True):
                chars.insert(i, '_')
            body = ''.join(chars)
        if prefix and self.rng.random() < 0.3:
            prefix += '_'
        if prefix and self.rng.random() < 0.3:
            prefix = prefix.upper()
        sign = '-' if a < 0 else self.rng.choice(('', '', '+'))
        return sign + prefix + body

    def mutate(self, s):
        ops = ['dup_', 'lead_', 'trail_', 'char', 'drop', 'lead0', 'sign', 'space']
        op = self.rng.choice(ops)
        i = self.rng.randint(0, len(s))
        if op == 'dup_':
            return s[:i] + '__' + s[i:]
        if op == 'lead_':
            return '_' + s
        if op == 'trail_':
            return s + '_'
        if op == 'char':
            return s[:i] + self.rng.choice('gzG.-+x*/ ') + s[i:]
        if op == 'drop':
            return s[:i] + s[i + 1:]
        if op == 'lead0':
            return '0' + s
        if op == 'sign':
            return self.rng.choice('+-') + s
        return s[:i] + ' ' + s[i:] if 0 < i < len(s) else s

    def emit_parse(self, base, s):
        if s != s.strip() or '\t' in s or not s.isascii():
            return  # the caller strips whitespace and translates non-ASCII digits
        try:
            r = hx(int(s, base))
        except ValueError as e:
            r = err(e)
        self.emit('parse', base, s, r)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seed', type=int, default=20261124)
    ap.add_argument('--scale', type=float, default=1.0)
    args = ap.parse_args()
    g = Gen(args.seed, args.scale)
    g.gen_add_sub_mul()
    g.gen_divmod()
    g.gen_truediv()
    g.gen_pow()
    g.gen_powmod()
    g.gen_bits()
    g.gen_inspection()
    g.gen_doubles()
    g.gen_strings()
    print('# Generated by tools/gen_bigint_cases.py from Python %s (seed %d, scale %g). '
          'Do not edit.' % (sys.version.split()[0], args.seed, args.scale))
    for line in g.lines:
        print(line)


if __name__ == '__main__':
    main()
