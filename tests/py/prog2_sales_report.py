# Sales report: f-strings with format specs, str.format, %-formatting, alignment tables.
import sys

SALES = [
    ("north", "Q1", 12500.5, 0.125), ("north", "Q2", 9800.0, -0.0316), ("south", "Q1", 150000.75, 0.5),
    ("south", "Q2", 0.0, -1.0), ("east", "Q1", 1234567.891, 0.00049), ("east", "Q2", 87.6543, 12.5),
    ("west", "Q1", -450.25, float("nan")), ("west", "Q2", 1e-5, float("inf")),
]


class Pct(float):
    def __format__(self, spec):
        if self != self:
            return format("n/a", spec.rstrip("%").lstrip("+") if spec else "")
        return super().__format__(spec or ".1%")


def table(rows, headers, aligns):
    widths = [max(len(str(h)), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    line = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    fmt = "|" + "|".join(f" {{:{a}{w}}} " for a, w in zip(aligns, widths)) + "|"
    out = [line, fmt.format(*headers), line.replace("-", "=")]
    out += [fmt.format(*r) for r in rows]
    out.append(line)
    return "\n".join(out)


rows = []
for region, q, amount, growth in SALES:
    rows.append([region.title(), q, f"{amount:,.2f}", f"{Pct(growth):+.1%}", f"{amount:.3e}", f"{amount:g}"])
print(table(rows, ["Region", "Qtr", "Amount", "Growth", "Sci", "General"], "<^>>>>"))

totals = {}
for region, _, amount, _ in SALES:
    totals[region] = totals.get(region, 0) + amount
width = max(map(len, totals))
for region, total in sorted(totals.items(), key=lambda kv: kv[1], reverse=True):
    bar = "#" * max(0, int(total // 40000))
    print("%-*s %14.2f %s" % (width, region, total, bar or "."))

print("{0:>10}|{0:<10}|{0:^10}|{0:*^11}".format("mid"))
print("{:+08.3f} {:08.3f} {: .2f} {:=+10d} {:x} {:#X} {:#o} {:#b} {:_b}".format(3.14159, -2.5, 7, 42, 255, 255, 8, 5, 1000))
print("{:,} {:_} {:,.0f} {:.0%} {:e} {:.2E} {:g} {:g} {:g}".format(10 ** 12, 123456789, 2.5e6, 0.755, 0.0001234, 98765.4321, 1e20, 1e-5, 123456789.0))
print(f"{'left':<8}|{'right':>8}|{'center':^9}|{12:05}|{-12:05}|{3.5:6}|{True:>5}|{None!s:>6}|{'q'!r:>5}")
n, w, p = 3.14159265, 12, 4
print(f"{n:{w}.{p}f}|{n:<{w}.{p - 2}}|{n:^{w}e}|{'x' * 3:{'>'}{w // 2}}|{n=:.2f}|{w = }|{p*2=}")
print("%5d|%-5d|%05d|%+d|%x|%X|%o|%e|%g|%G|%c|%c|%r|%a|%s|%%|%.3s|%5.1f" % (42, 42, 42, 42, 255, 255, 8, 12345.678, 1e-10, 1e100, 65, "z", "hi", "é", [1], "abcdef", 2.25))
print("%(name)s is %(age)d years; %(name)r again" % {"name": "Ann", "age": 37.9})
print("{name} has {n[0]} and {n[1]!r}; {d[key]}, {obj.real}".format(name="Bo", n=("x", "y"), d={"key": 5}, obj=3 + 4j))
print("{{literal}} {} {{}} {}".format(1, 2), "{:{}}".format("pad", 6) + "|", "{!a}".format("ü"))


class Missing(dict):
    def __missing__(self, key):
        return f"<{key}>"


print("{a} and {b} and {c}".format_map(Missing(a=1, c=3)))
print(format(1234.5, ",.1f"), format(-0.0, "+.1f"), format(1e16, ".0f"), format(2 ** 70, ",d"), format(0.1, ".20f"))
print(round(2.5), round(3.5), round(-0.5), round(1.15, 1), round(1234, -2), round(5e-324, 330), f"{1/3:.15g}", repr(1/3), str(2/3))
for bad in [("{:d}", 1.5), ("{:s}", 3), ("{0} {1}", 1), ("{:,s}", "a"), ("%d", "3"), ("%s %s", (1,)), ("{:=^}", "x")]:
    try:
        res = bad[0] % bad[1] if "%" in bad[0] else bad[0].format(bad[1])
        print(repr(res))
    except (ValueError, TypeError, IndexError) as e:
        print(f"{bad[0]!r}: {type(e).__name__}: {e}")
