# A report generator in the style of a Unix filter: writes a table to stdout, a summary and
# diagnostics to stderr, flushes and explicitly closes stdout when done (as CLI tools do to
# surface write errors), then reports on stderr after stdout is gone.
import sys

RECORDS = [
    ("2024-01", "north", 1200), ("2024-01", "south", 800), ("2024-02", "north", 1350),
    ("2024-02", "south", 0), ("2024-03", "north", 990), ("2024-03", "south", 1410),
    ("2024-03", "east", -5),
]


def warn(msg, *, code="W"):
    print(f"[{code}] {msg}", file=sys.stderr)


def pivot(records):
    months = sorted({m for m, _, _ in records})
    regions = sorted({r for _, r, _ in records})
    table = {r: dict.fromkeys(months, 0) for r in regions}
    for m, r, v in records:
        if v < 0:
            warn(f"negative value {v} for {r}/{m} ignored")
            continue
        if v == 0:
            warn(f"zero value for {r}/{m}", code="I")
        table[r][m] += v
    return months, table


def render(months, table, out):
    width = max(len(r) for r in table) + 2
    head = "region".ljust(width) + "".join(m.rjust(9) for m in months) + "total".rjust(9)
    out.write(head + "\n")
    out.write("-" * len(head) + "\n")
    written = 0
    for region, row in sorted(table.items(), key=lambda kv: -sum(kv[1].values())):
        line = region.ljust(width) + "".join(f"{row[m]:>9,}" for m in months) + f"{sum(row.values()):>9,}"
        written += out.write(line + "\n")
    col_totals = [sum(table[r][m] for r in table) for m in months]
    out.write("=" * len(head) + "\n")
    out.write("all".ljust(width) + "".join(f"{t:>9,}" for t in col_totals) + f"{sum(col_totals):>9,}\n")
    return written


months, table = pivot(RECORDS)
n = render(months, table, sys.stdout)
print(f"rows written: {n} chars", file=sys.stderr)
print("months:", *months, sep=" | ")
best = max(((r, m, table[r][m]) for r in table for m in months), key=lambda t: t[2])
print("best cell: {0} in {1} with {2:,}".format(*best))
sys.stdout.flush()
print("closing stdout", file=sys.stderr)
sys.stdout.close()
print("stdout closed:", sys.stdout.closed, file=sys.stderr)
try:
    print("this cannot be printed")
except ValueError as e:
    warn(f"print after close failed: {e}", code="E")
try:
    sys.stdout.write("nor this")
except ValueError as e:
    warn(f"write after close failed: {e}", code="E")
sys.stderr.write("done\n")
