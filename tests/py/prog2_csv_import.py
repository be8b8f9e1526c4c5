# CSV-ish importer written by hand: quoted fields, type inference, per-row error context via
# add_note(), summary statistics, and a final uncaught error carrying notes and a cause.
import sys

DATA = '''id,name,price,qty,tags
1,"Widget, large",19.99,3,"a;b"
2,Gadget,5,10,
3,"Quote ""inside""",0.5,100,c
4,Broken,abc,1,
5,"Multi word",1e3,-2,"x;y;z"
6,Short,7
'''


def split_row(line):
    fields, cur, quoted, i = [], [], False, 0
    while i < len(line):
        ch = line[i]
        if quoted:
            if ch == '"' and line[i + 1:i + 2] == '"':
                cur.append('"')
                i += 1
            elif ch == '"':
                quoted = False
            else:
                cur.append(ch)
        elif ch == '"':
            quoted = True
        elif ch == ",":
            fields.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
        i += 1
    if quoted:
        raise ValueError("unterminated quote")
    fields.append("".join(cur))
    return fields


def infer(text):
    for conv in (int, float):
        try:
            return conv(text)
        except ValueError:
            pass
    return text


class RowError(Exception):
    pass


def parse_rows(text):
    lines = text.splitlines()
    header = split_row(lines[0])
    for lineno, line in enumerate(lines[1:], 2):
        try:
            fields = split_row(line)
            if len(fields) != len(header):
                raise RowError(f"expected {len(header)} fields, got {len(fields)}")
            row = dict(zip(header, map(infer, fields)))
            if not isinstance(row["price"], (int, float)):
                raise TypeError(f"price must be numeric, not {type(row['price']).__name__}")
            if row["qty"] < 0:
                raise ValueError(f"negative quantity {row['qty']}")
            row["tags"] = [t for t in str(row["tags"]).split(";") if t]
            yield row
        except (RowError, TypeError, ValueError) as e:
            e.add_note(f"line {lineno}: {line!r}")
            yield e


good, bad = [], []
for item in parse_rows(DATA):
    (bad if isinstance(item, Exception) else good).append(item)
for row in good:
    print(f"{row['id']:>3} {row['name']:<18} {row['price']:>9.2f} x{row['qty']:<4} tags={row['tags']}")
for e in bad:
    print(f"skipped: {type(e).__name__}: {e} [{'; '.join(e.__notes__)}]")
total = sum(r["price"] * r["qty"] for r in good)
print(f"total value {total:,.2f}; avg price {sum(r['price'] for r in good) / len(good):.3f}; "
      f"tags {sorted({t for r in good for t in r['tags']})}")
print(split_row('a,"b,c",,"d""e"'), split_row(""), split_row(","), infer("0x10"), infer("1_0"), infer(" 7 "), infer("nan") != infer("nan"))


def load_strict(text):
    for item in parse_rows(text):
        if isinstance(item, Exception):
            item.add_note("strict mode: aborting import")
            raise RuntimeError(f"import aborted after row error") from item
    return "ok"


print(load_strict(DATA.split("4,Broken")[0]))
try:
    split_row('"open')
except ValueError as e:
    e.add_note("while testing split_row")
    print(e, e.__notes__)
load_strict(DATA)
