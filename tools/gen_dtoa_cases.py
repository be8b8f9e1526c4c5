#!/usr/bin/env python3
"""Generate tests/unit/dtoa_cases.txt: differential cases for runtime/dtoa.c, with every
expected value computed by the running Python (it must be CPython 3.11).

usage: python3 tools/gen_dtoa_cases.py [--seed N] [--scale F] > tests/unit/dtoa_cases.txt

One case per line, fields separated by tabs, doubles as 16 hex digits of their bits:
  R  bits  repr(x)
  P  input  bits of float(input), or INVALID      (input escaped: \\\\ and \\xNN)
  F  bits  type  precision  flags  format(x, spec)  (type '-' = none, precision -1 = none,
                                                    flags: 1 = '#', 2 = 'z')
  D  bits  ndigits  bits of round(x, ndigits), or OVERFLOW
  I  bits  bits of float(round(x))                (x finite)
--scale multiplies the number of random cases (1 for the checked-in table).
"""
import argparse
import decimal
import math
import random
import struct
import sys

if sys.version_info[:2] != (3, 11):
    sys.exit("gen_dtoa_cases.py: run this with CPython 3.11")

D = decimal.Decimal
decimal.getcontext().prec = 2000
decimal.getcontext().Emax = 10000
decimal.getcontext().Emin = -10000


def bits(x):
    return struct.unpack('<Q', struct.pack('<d', x))[0]


def hexbits(x):
    return '%016x' % bits(x)


def from_bits(b):
    return struct.unpack('<d', struct.pack('<Q', b & (2**64 - 1)))[0]


def escape(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch == '\\':
            out.append('\\\\')
        elif 0x21 <= o <= 0x7e or ch == ' ':
            out.append(ch)
        else:
            assert o < 0x100
            out.append('\\x%02x' % o)
    return ''.join(out)


def next_up(x):
    return math.nextafter(x, math.inf)


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
        if line not in self.seen:
            self.seen.add(line)
            self.lines.append(line)

    # ---- interesting doubles -------------------------------------------------------------

    def random_bits_double(self):
        return from_bits(self.rng.getrandbits(64))

    def random_finite(self):
        while True:
            x = self.random_bits_double()
            if math.isfinite(x):
                return x

    def random_moderate(self):
        """Values people print: a few digits, moderate exponents."""
        r = self.rng.random()
        if r < 0.3:
            return round(self.rng.uniform(-1000, 1000), self.rng.randint(0, 6))
        if r < 0.5:
            return float(self.rng.randint(-10**17, 10**17))
        if r < 0.7:
            return self.rng.uniform(-1, 1) * 10.0 ** self.rng.randint(-30, 30)
        return float('%de%d' % (self.rng.randint(1, 10**self.rng.randint(1, 17)),
                               self.rng.randint(-330, 310)))

    def special_doubles(self):
        xs = [0.0, -0.0, math.inf, -math.inf, math.nan, -math.nan, 5e-324, -5e-324,
              2.2250738585072014e-308, 2.2250738585072009e-308, 1.7976931348623157e308,
              -1.7976931348623157e308, 1.0, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 0.5, 1.5, 2.5,
              1e16, 1e15, 9999999999999998.0, 1e17, 123456789012345.0,
              1.2345678901234567e16, 0.0001, 1e-05, 0.00012345, 2.675, 1e22, 1e23, 5e-310,
              9007199254740992.0, 9007199254740993.0, 9007199254740994.0, 4.35, 0.045,
              float.fromhex('0x1.fffffffffffffp-1023'), float.fromhex('0x1p-1022'),
              float.fromhex('0x1.0000000000001p-1022'), float.fromhex('0x0.0000000000002p-1022')]
        for e in range(-1074, 1024):
            xs.append(math.ldexp(1.0, e))
        for k in range(-325, 310):
            x = float('1e%d' % k)
            xs += [x, next_up(x), math.nextafter(x, 0)]
        for m in range(1, 64):
            xs.append(m * 5e-324)
        return xs

    # ---- repr ----------------------------------------------------------------------------

    def gen_repr(self):
        xs = self.special_doubles()
        xs += [self.random_bits_double() for _ in range(self.n(3000))]
        xs += [self.random_moderate() for _ in range(self.n(1500))]
        xs += [self.rng.random() for _ in range(self.n(500))]
        xs += [from_bits(self.rng.getrandbits(52)) for _ in range(self.n(300))]  # subnormal
        for x in xs:
            self.emit('R', hexbits(x), repr(x))

    # ---- parse ---------------------------------------------------------------------------

    def expect_parse(self, s):
        assert s.isascii(), s
        if s != s.strip():
            return  # float() strips whitespace; wf_float_parse leaves that to its caller
        try:
            v = float(s)
        except ValueError:
            self.emit('P', escape(s), 'INVALID')
            return
        self.emit('P', escape(s), hexbits(v))

    def digits(self, n, lead_nonzero=True):
        s = ''.join(self.rng.choice('0123456789') for _ in range(n))
        if lead_nonzero and n:
            s = self.rng.choice('123456789') + s[1:]
        return s

    def sci(self, d):
        """Decimal d in a random but exact spelling."""
        sign, dig, exp = d.as_tuple()
        ds = ''.join(map(str, dig))
        r = self.rng.random()
        if r < 0.4:
            s = ds + 'e' + str(exp)
        elif r < 0.7:
            s = ds[0] + '.' + ds[1:] + 'E' + ('%+d' % (exp + len(ds) - 1))
        else:
            s = format(d, 'f') if abs(exp) < 400 else ds + 'e' + str(exp)
        return ('-' if sign else '') + s

    def gen_parse(self):
        e = self.expect_parse
        for s in ['0', '-0', '+0', '0.0', '-0.0', '.0', '0.', '00', '000.000e0', '1', '-1',
                  '+1', '1.', '.1', '1.e5', '.5e-3', '+.5e-3', '1e', '1e+', '1e-', 'e5', '.',
                  '-.', '+', '-', '', '.e1', '1.5.5', '1e5e5', '1e5.5', '--1', '+-1', '1_0',
                  '1_000.000_1', '1__0', '_1', '1_', '1_.5', '1._5', '1e_5', '1e1_0',
                  '1_0e1_0', '1.5_', '0_0', '0x10', '1 2', '1,5', 'inf', 'INF', 'Inf', '-inf',
                  '+inf', 'infinity', 'Infinity', '-INFINITY', 'infinit', 'infinityy', 'in',
                  'nan', 'NaN', '-nan', '+nan', 'nan(1)', 'nana', 'i_nf', 'inf_', '1e999',
                  '-1e999', '1e-999', '-1e-999', '1e308', '1.8e308', '1.7976931348623157e308',
                  '1.7976931348623158e308', '1.7976931348623159e308', '2.4703282292062327e-324',
                  '2.4703282292062328e-324', '2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125e-324',
                  '4.9406564584124654e-324', '5e-324', '3e-324', '2e-324', '1e-324',
                  '2.2250738585072011e-308', '2.2250738585072012e-308', '9007199254740993',
                  '9007199254740993.0000000000000000000000000000000000000000000000000001',
                  '0.' + '0' * 400 + '1', '1' + '0' * 400, '1' + '0' * 400 + 'e-400',
                  '0' * 1000 + '1', '1e-99999999999999999999', '1e99999999999999999999',
                  '0e99999999999999999999', '1e+0000000000000000000000000000000000001', '1\x00',
                  '1\t', '\x001']:
            if s == s.strip():
                e(s)
        # round trips and neighbours of every special double
        for x in self.special_doubles():
            if math.isfinite(x):
                e(repr(x))
                e(repr(-x))
        # random doubles: repr, 17 digits, and exact expansion
        for _ in range(self.n(1500)):
            x = self.random_finite()
            e(repr(x))
            e('%.17g' % x)
            e('%.16e' % x)
        # midpoints between adjacent doubles: exactly, and just above and below
        for _ in range(self.n(300)):
            r = self.rng.random()
            if r < 0.25:
                x = abs(self.random_finite())
            elif r < 0.35:
                x = from_bits(self.rng.getrandbits(52))
            else:
                x = abs(self.random_moderate())
            if not math.isfinite(next_up(x)):
                continue
            mid = (D(x) + D(next_up(x))) / 2
            e(self.sci(mid))
            tiny = D(10) ** (mid.adjusted() - self.rng.choice([17, 25, 40, 120, 800, 1200]))
            e(self.sci(mid + tiny))
            e(self.sci(mid - tiny))
        # random digit strings of every length class
        for _ in range(self.n(4000)):
            n = self.rng.choice([1, 2, 3, 5, 9, 15, 16, 17, 18, 19, 20, 25, 40])
            s = self.digits(n)
            exp = self.rng.randint(-340, 320)
            r = self.rng.random()
            if r < 0.5:
                e(s + 'e' + str(exp))
            else:
                p = self.rng.randint(0, n)
                e(s[:p] + '.' + s[p:] + ('e%d' % exp if r < 0.8 else ''))
        # long strings: prefixes of exact expansions, and noise
        for _ in range(self.n(40)):
            x = abs(self.random_finite())
            dx = D(x)
            s = self.sci(dx)
            e(s)
            n = self.rng.randint(20, 1500)
            e(self.digits(n) + 'e' + str(self.rng.randint(-1400, 0)))
        # underscores and malformed variants of valid literals
        for _ in range(self.n(1000)):
            s = repr(self.random_moderate())
            if 'n' in s:
                continue
            r = self.rng.random()
            i = self.rng.randint(0, len(s))
            if r < 0.5:
                e(s[:i] + '_' + s[i:])
            elif r < 0.7:
                e(s[:i] + self.rng.choice('+-.eE_x ') + s[i:])
            elif r < 0.85:
                e(s[:i] + s[i + 1:])
            else:
                e('_'.join(s))

    # ---- format --------------------------------------------------------------------------

    def expect_format(self, x, t, prec, flags):
        spec = ('z' if flags & 2 else '') + ('#' if flags & 1 else '')
        spec += '' if prec < 0 else '.%d' % prec
        spec += t
        self.emit('F', hexbits(x), t or '-', prec, flags, format(x, spec))

    def gen_format(self):
        types = ['e', 'E', 'f', 'F', 'g', 'G', '%', '', 'n']
        for x in [0.0, -0.0, math.inf, -math.inf, math.nan, 1.0, -1.0, 2.5, 0.125, 1234.5678,
                  0.000012345, 1e16, 5e-324, 1.7976931348623157e308, 0.1, 9.995, 9.5, 0.95,
                  123.0, 1e22, -0.001, -0.0004, 1e-5, 1e-4, 123456.0, 1234567.0]:
            for t in types:
                for prec in [-1, 0, 1, 2, 3, 6, 17, 30]:
                    for flags in [0, 1, 2]:
                        self.expect_format(x, t, prec, flags)
        for _ in range(self.n(7000)):
            r = self.rng.random()
            if r < 0.35:
                x = self.random_moderate()
            elif r < 0.7:
                x = self.random_bits_double()
            elif r < 0.85:
                # ties in decimal: k.5 * 10^j, exactly representable or nearly
                x = (self.rng.randint(0, 10**6) + 0.5) * 2.0 ** self.rng.randint(-20, 10)
            else:
                x = self.rng.randint(-10**6, 10**6) / 10 ** self.rng.randint(0, 8)
            t = self.rng.choice(types)
            prec = self.rng.choice([-1, 0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 16, 17, 18, 25,
                                    40, 60])
            if t in 'fF%' and abs(x) > 1e40:
                prec = min(prec, 3)
            flags = self.rng.choice([0, 0, 0, 1, 2, 3])
            self.expect_format(x, t, prec, flags)
        # long 'f' and 'e' expansions
        for x in [0.1, 1 / 3, 5e-324, 2.2250738585072014e-308, 1e-300, 1.7976931348623157e308,
                  2.0 ** -1074 * 3]:
            for prec in [50, 100, 330, 767, 800, 1074, 1100]:
                self.expect_format(x, 'f', prec, 0)
                self.expect_format(x, 'e', prec, 0)
                self.expect_format(x, 'g', prec, 1)

    # ---- round ---------------------------------------------------------------------------

    def expect_round(self, x, nd):
        try:
            v = round(x, nd)
            self.emit('D', hexbits(x), nd, hexbits(v))
        except OverflowError:
            self.emit('D', hexbits(x), nd, 'OVERFLOW')

    def gen_round(self):
        for x in [2.675, 0.5, 1.5, 2.5, -0.5, -2.5, 0.125, 0.375, 1.0005, 1250.0, 1350.0,
                  -0.4, 5e-324, 1.7976931348623157e308, 0.0, -0.0, math.inf, math.nan]:
            for nd in [-400, -309, -308, -307, -300, -10, -3, -2, -1, 0, 1, 2, 3, 10, 20, 300,
                       322, 323, 324, 325, 400]:
                self.expect_round(x, nd)
        for _ in range(self.n(5000)):
            r = self.rng.random()
            if r < 0.4:
                x = self.random_moderate()
            elif r < 0.7:
                x = self.random_bits_double()
            else:
                x = (self.rng.randint(-10**6, 10**6) + 0.5) / 10 ** self.rng.randint(0, 6)
            if r < 0.7 and math.isfinite(x) and x != 0:
                mag = int(math.floor(math.log10(abs(x))))
                nd = self.rng.randint(-mag - 3, -mag + 18)
            else:
                nd = self.rng.randint(-8, 10)
            self.expect_round(x, nd)
        for _ in range(self.n(1500)):
            x = self.random_moderate() if self.rng.random() < 0.5 else \
                (self.rng.randint(-10**8, 10**8) + self.rng.choice([0.5, 0.25, 0.0])) \
                * 2.0 ** -self.rng.randint(0, 3)
            if not math.isfinite(x):
                continue
            self.emit('I', hexbits(x), hexbits(float(round(x))))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seed', type=int, default=20261124)
    ap.add_argument('--scale', type=float, default=1.0)
    a = ap.parse_args()
    g = Gen(a.seed, a.scale)
    g.gen_repr()
    g.gen_parse()
    g.gen_format()
    g.gen_round()
    out = sys.stdout
    out.write('# Generated by tools/gen_dtoa_cases.py --seed %d --scale %g from Python %s.\n'
              '# Do not edit.\n' % (a.seed, a.scale, sys.version.split()[0]))
    for line in g.lines:
        out.write(line + '\n')


if __name__ == '__main__':
    main()
