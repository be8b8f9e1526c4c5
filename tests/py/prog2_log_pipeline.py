# Generator pipelines for log parsing: yield from, send-based coroutines, throw/close, return values.
import sys

LOG = """\
2024-01-03 10:00:01 INFO  web  GET /index 200 12ms
2024-01-03 10:00:02 WARN  web  GET /slow 200 950ms
2024-01-03 10:00:02 ERROR db   timeout after 30s
# comment line
2024-01-03 10:00:03 INFO  web  POST /login 302 40ms

2024-01-03 10:00:04 INFO  web  GET /index 200 9ms
2024-01-03 10:00:05 ERROR web  GET /boom 500 3ms
garbage line here
2024-01-03 10:00:06 DEBUG db   query ok 2ms
"""


def read_lines(text):
    for n, line in enumerate(text.splitlines(), 1):
        yield n, line


def skip_noise(lines):
    for n, line in lines:
        if line.strip() and not line.lstrip().startswith("#"):
            yield n, line


def parse(lines, errors):
    for n, line in lines:
        parts = line.split(None, 4)
        if len(parts) < 5 or parts[2] not in {"INFO", "WARN", "ERROR", "DEBUG"}:
            errors.append(n)
            continue
        date, time, level, svc, msg = parts
        yield {"line": n, "time": time, "level": level, "svc": svc, "msg": msg}


def chain(*sources):
    total = 0
    for src in sources:
        count = yield from src
        total += count or 0
    return total


def numbered(items):
    i = 0
    for i, it in enumerate(items, 1):
        yield it
    return i


def averager():
    total = count = 0
    avg = None
    try:
        while True:
            try:
                value = yield avg
            except ValueError as e:
                print(f"  averager reset ({e})")
                total = count = 0
                avg = None
                continue
            if value is None:
                break
            total += value
            count += 1
            avg = total / count
    finally:
        print(f"  averager closing with count={count}")
    return total, count


def grep(pattern, target):
    matched = 0
    try:
        while True:
            rec = yield
            if pattern in rec["msg"]:
                matched += 1
                target.send(rec)
    except GeneratorExit:
        print(f"  grep {pattern!r} closed after {matched} matches")
        raise


def printer(prefix):
    while True:
        rec = yield
        print(f"{prefix} line {rec['line']:>2}: {rec['level']:<5} {rec['msg']}")


errors = []
records = list(parse(skip_noise(read_lines(LOG)), errors))
print(len(records), "records; bad lines:", errors)
by_level = {}
for r in records:
    by_level[r["level"]] = by_level.get(r["level"], 0) + 1
print(sorted(by_level.items(), key=lambda kv: (-kv[1], kv[0])))

durations = (int(r["msg"].rsplit(" ", 1)[-1][:-2]) for r in records if r["msg"].endswith("ms"))
avg = averager()
next(avg)
for d in durations:
    a = avg.send(d)
    print(f"  running avg {a:8.2f}")
    if d > 900:
        print("  ->", avg.throw(ValueError("outlier")))
try:
    avg.send(None)
except StopIteration as stop:
    print("averager returned", stop.value)

p = printer(">>")
next(p)
g = grep("GET", p)
next(g)
for r in records:
    g.send(r)
g.close()
g.close()
print(g.gi_frame is None, p.gi_running)
p.close()

gen = chain(numbered("ab"), numbered([]), numbered(range(3)))
out = []
while True:
    try:
        out.append(next(gen))
    except StopIteration as e:
        print(out, "total", e.value)
        break
print(list(zip(*[iter(x["time"] for x in records)] * 2)))
lazy = (r["svc"] for r in records)
print(next(lazy), list(lazy), list(lazy))
