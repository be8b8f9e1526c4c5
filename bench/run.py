#!/usr/bin/env python3
"""weft benchmark runner: weft against other Python interpreters, side by side, in one run.

usage: python3 bench/run.py [--suite NAME]... [--quick] [--runs N] [--timeout S]
                            [--weft PATH|none] [--python PATH]... [--threads 1,2,4]
                            [--only GLOB]... [--check-only] [--json PATH] [--svg PATH]

Suites: single, scaling, startup, memory (gc and embed are accepted but not available yet).
See bench/README.md. Standard library only; runs on Python 3.9 and later.
"""

import argparse
import datetime
import fnmatch
import json
import math
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)

# ---- Workloads ----------------------------------------------------------------------------
# (name, default size, quick size, timed by --quick). --quick --check-only checks every
# program at its quick size; --quick times only those marked True.

SINGLE = [
    ("fib", 35, 30, True),
    ("int_loops", 7500000, 1000000, True),
    ("float_loops", 9000000, 1200000, True),
    ("nbody", 300000, 40000, True),
    ("scheduler", 200000, 25000, True),
    ("permutations", 9, 8, True),
    ("strings", 1000000, 120000, True),
    ("wordcount", 1000000, 120000, True),
    ("sorting", 250000, 30000, False),
    ("generators", 3200000, 400000, True),
    ("bigint", 30000, 7000, True),
    ("exceptions", 1800000, 220000, True),
    ("closures", 1600000, 200000, False),
    ("serializer", 30000, 4000, True),
]

# Per-thread sizes; each program is run as `prog THREADS SIZE`.
SCALING = [
    ("call_function", 7500000, 3000000, True),
    ("call_method", 6000000, 2400000, True),
    ("float_math", 7500000, 3000000, True),
    ("int_math", 7500000, 3000000, False),
    ("generator", 10000000, 4000000, True),
    ("new_instances", 5000000, 2000000, True),
    ("closures", 5000000, 2000000, False),
    ("small_containers", 4000000, 1600000, True),
    ("module_attr", 7500000, 3000000, False),
    ("const_compare", 6000000, 2400000, False),
    ("thread_local", 7500000, 3000000, True),
    ("shared_list", 10000000, 4000000, False),
    ("shared_dict", 7500000, 3000000, True),
    ("shared_object", 6000000, 2400000, True),
    ("sort_lists", 150000, 60000, False),
    ("string_build", 5000000, 2000000, True),
]

# (name, program path relative to bench/, default size, quick size, timed by --quick)
MEMORY = [
    ("startup", None, None, None, True),  # -c pass
    ("big_containers", "memory/big_containers.py", 400000, 100000, True),
    ("wordcount", "single/wordcount.py", 1000000, 120000, True),
    ("serializer", "single/serializer.py", 30000, 4000, True),
    ("generators", "single/generators.py", 3200000, 400000, True),
    ("sorting", "single/sorting.py", 250000, 30000, False),
]

AVAILABLE_SUITES = ["single", "scaling", "startup", "memory"]
LATER_SUITES = ["gc", "embed"]

DEFAULT_RUNS = 5
QUICK_RUNS = 3
STARTUP_RUNS = 20
QUICK_STARTUP_RUNS = 10
MEMORY_RUNS = 3
QUICK_MEMORY_RUNS = 1

# ---- Small helpers -----------------------------------------------------------------------


def log(msg):
    sys.stderr.write(msg + "\n")
    sys.stderr.flush()


def short(text, limit=70):
    text = text.strip().replace("\n", " | ")
    return text if len(text) <= limit else text[: limit - 3] + "..."


def read_file(path, limit=None):
    try:
        with open(path, "r", errors="replace") as f:
            return f.read() if limit is None else f.read(limit)
    except OSError:
        return None


def geomean(values):
    values = [v for v in values if v is not None and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def summarize(values):
    if not values:
        return None
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "stdev": statistics.stdev(values) if len(values) > 1 else 0.0,
        "n": len(values),
    }


def gnu_time_path():
    path = shutil.which("time") or ("/usr/bin/time" if os.path.exists("/usr/bin/time") else None)
    if not path:
        return None
    try:
        out = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=5)
        if "GNU" in out.stdout + out.stderr:
            return path
    except (OSError, subprocess.SubprocessError):
        pass
    return None


# ---- Running one process -----------------------------------------------------------------


class RunResult:
    def __init__(self):
        self.ok = False
        self.reason = None
        self.stdout = ""
        self.wall = None
        self.rss_kb = None  # peak RSS as measured (see rss_method)
        self.cpu = None  # user + system CPU seconds of the child


def kill_group(p):
    try:
        os.killpg(p.pid, signal.SIGKILL)
    except OSError:
        try:
            p.kill()
        except OSError:
            pass


def run_process(argv, timeout, rss_wrapper=None):
    """Run argv, time it with perf_counter, collect rusage with os.wait4.

    With rss_wrapper (GNU time), the program runs under `time -f %M -o FILE` so its peak
    RSS is not floored at the runner's own (a child forked or vforked from this process
    inherits our high-water mark until exec, and wait4 reports the maximum)."""
    res = RunResult()
    out_f = tempfile.TemporaryFile()
    err_f = tempfile.TemporaryFile()
    rss_file = None
    cmd = list(argv)
    if rss_wrapper:
        fd, rss_file = tempfile.mkstemp(prefix="weft-bench-rss-")
        os.close(fd)
        cmd = [rss_wrapper, "-f", "%M", "-o", rss_file] + cmd
    holder = {}
    fired = []

    def on_timeout():
        p = holder.get("p")
        if p is not None:
            fired.append(True)
            kill_group(p)

    timer = threading.Timer(timeout, on_timeout)
    timer.daemon = True
    timer.start()
    status = None
    try:
        start = time.perf_counter()
        try:
            # Its own process group, so a timeout also kills what it started (the program
            # under GNU time, threads' helper processes).
            p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out_f, stderr=err_f,
                                 cwd=REPO, start_new_session=True)
        except OSError as e:
            timer.cancel()
            res.reason = "cannot start: %s" % e
            return res
        holder["p"] = p
        try:
            _, status, ru = os.wait4(p.pid, 0)
        except BaseException:
            kill_group(p)
            raise
        end = time.perf_counter()
        timer.cancel()
        code = os.waitstatus_to_exitcode(status)
        p.returncode = code  # reaped here, so Popen must not wait for it
        res.wall = end - start
        res.cpu = ru.ru_utime + ru.ru_stime
        res.rss_kb = ru.ru_maxrss
        if rss_file:
            lines = (read_file(rss_file) or "").strip().splitlines()
            try:
                res.rss_kb = int(lines[-1])
            except (IndexError, ValueError):
                res.rss_kb = None
        out_f.seek(0)
        res.stdout = out_f.read(1 << 20).decode("utf-8", "replace")
        err_f.seek(0)
        err = err_f.read(1 << 16).decode("utf-8", "replace")
        if fired:
            res.reason = "timed out after %g s" % timeout
        elif code != 0:
            last = err.strip().splitlines()[-1] if err.strip() else ""
            res.reason = "exit code %d%s" % (code, (": " + short(last)) if last else "")
        else:
            res.ok = True
        return res
    finally:
        timer.cancel()
        out_f.close()
        err_f.close()
        if rss_file:
            try:
                os.unlink(rss_file)
            except OSError:
                pass


# ---- Interpreters ------------------------------------------------------------------------


class Interp:
    def __init__(self, name, given, kind):
        self.name = name
        self.given = given
        self.kind = kind  # "weft" or "other"
        self.path = None
        self.note = None
        self.version = None
        self.working = False
        self.error = None

    def to_json(self):
        return {"name": self.name, "kind": self.kind, "given": self.given, "path": self.path,
                "note": self.note, "version": self.version, "working": self.working,
                "error": self.error}


def quick_run(argv, timeout=15):
    try:
        r = subprocess.run(argv, capture_output=True, text=True, timeout=timeout,
                           stdin=subprocess.DEVNULL, cwd=REPO)
        return r.returncode, r.stdout, r.stderr
    except subprocess.TimeoutExpired:
        return None, "", "timed out"
    except OSError as e:
        return None, "", str(e)


def resolve(interp, probe_file):
    given = interp.given
    if os.sep in given:
        path = given if os.path.isabs(given) else os.path.abspath(given)
        if not os.path.exists(path):
            interp.error = "not found: %s" % path
            return
    else:
        path = shutil.which(given)
        if not path:
            interp.error = "not on PATH: %s" % given
            return
    interp.path = path
    if not os.access(path, os.X_OK) or os.path.isdir(path):
        interp.error = "not executable: %s" % path
        return
    if interp.kind == "other":
        # pyenv and similar shims add tens of ms per start: time the real executable.
        code, out, _ = quick_run([path, "-c", "import sys; print(sys.executable)"])
        exe = out.strip()
        if code == 0 and exe and os.path.isfile(exe):
            interp.note = ("%r found at %s; timing its sys.executable, %s (a pyenv-style "
                           "shim would add tens of ms per start)" % (given, path, exe))
            interp.path = exe
    code, out, err = quick_run([interp.path, probe_file])
    if code != 0 or out.strip() != "42":
        interp.error = "probe program failed (%s)" % (
            "exit code %s: %s" % (code, short(err or out, 120)) if code != 0
            else "printed %r, expected '42'" % short(out, 40))
        return
    interp.working = True
    code, out, _ = quick_run([interp.path, "-c",
                              "import sys; print(sys.version.replace(chr(10), ' '))"])
    if code == 0 and out.strip():
        interp.version = out.strip()
    else:
        code, out, err = quick_run([interp.path, "--version"])
        interp.version = (out or err).strip() or "unknown"


def make_interpreters(args, probe_file):
    interps = []
    if args.weft.lower() != "none":
        interps.append(Interp("weft", args.weft, "weft"))
    names = {"weft"}
    for given in args.python or ["python3"]:
        base = os.path.basename(given.rstrip(os.sep)) or given
        name = base
        k = 2
        while name in names:
            name = "%s#%d" % (base, k)
            k += 1
        names.add(name)
        interps.append(Interp(name, given, "other"))
    for it in interps:
        resolve(it, probe_file)
    return interps


# ---- Machine description -----------------------------------------------------------------


def machine_description(weft_path):
    cpu = None
    for line in (read_file("/proc/cpuinfo") or "").splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = None
    for line in (read_file("/proc/meminfo") or "").splitlines():
        if line.startswith("MemTotal:"):
            mem_kb = int(line.split()[1])
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    desc = {
        "cpu_model": cpu or platform.processor() or "unknown",
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "memory_kb": mem_kb,
        "kernel": platform.release(),
        "os": platform.platform(),
        "hostname": platform.node(),
        "runner_python": sys.version.split()[0],
        "load_average_start": list(os.getloadavg()),
    }
    # Compiler flags of weft's build, from the CMake cache next to the binary.
    caches = []
    if weft_path:
        caches.append(os.path.join(os.path.dirname(os.path.abspath(weft_path)), "CMakeCache.txt"))
    caches.append(os.path.join(REPO, "build", "release", "CMakeCache.txt"))
    build = {"cmake_cache": None}
    for cache in caches:
        text = read_file(cache)
        if text is None:
            continue
        build["cmake_cache"] = cache
        wanted = ("CMAKE_BUILD_TYPE", "CMAKE_C_COMPILER", "CMAKE_C_FLAGS", "CMAKE_C_FLAGS_RELEASE",
                  "WEFT_SANITIZE")
        for line in text.splitlines():
            if ":" in line and "=" in line and not line.startswith(("#", "//")):
                key = line.split(":", 1)[0]
                if key in wanted:
                    build[key] = line.split("=", 1)[1]
        break
    desc["weft_build"] = build
    return desc


# ---- Cases and scheduling ----------------------------------------------------------------


class Case:
    """One row: a program with its arguments, run on every interpreter."""

    def __init__(self, suite, name, args, size=None, threads=None, workload=None):
        self.suite = suite
        self.name = name
        self.args = args  # argv after the interpreter
        self.size = size
        self.threads = threads
        self.workload = workload or name
        self.reference = None
        self.results = {}  # interp name -> dict

    def key(self):
        return "%s/%s" % (self.suite, self.workload)


def load_xfail():
    """bench/expected_failures.txt: lines 'INTERP SUITE/PROGRAM' (globs)."""
    rules = []
    for line in (read_file(os.path.join(BENCH, "expected_failures.txt")) or "").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            parts = line.split()
            if len(parts) == 2:
                rules.append((parts[0], parts[1]))
    return rules


def expected_to_fail(rules, interp, case):
    for who, what in rules:
        if fnmatch.fnmatch(interp.name, who) and fnmatch.fnmatch(case.key(), what):
            return True
    return False


def run_cases(cases, interps, nruns, timeout, check_only, rss_wrapper=None, warmup=True):
    """Interleaved: per case, a warm-up on each interpreter (its output is checked against
    the reference, the first other interpreter's), then nruns rounds each running every
    interpreter in turn. A failure or a different output marks the case failed for that
    interpreter, and it is not run again."""
    ref_interp = next((i for i in interps if i.kind == "other"), None)
    order = [ref_interp] + [i for i in interps if i is not ref_interp] if ref_interp else interps
    for ci, case in enumerate(cases):
        label = "%s/%s" % (case.suite, case.name)
        log("[%d/%d] %s" % (ci + 1, len(cases), label))
        live = []
        for it in order:
            r = {"status": "failed", "reason": None, "times": [], "rss_kb": [], "cpu": [],
                 "warmup": None}
            case.results[it.name] = r
            if not it.working:
                r["reason"] = "interpreter not working: %s" % it.error
                continue
            first = run_process([it.path] + case.args, timeout, rss_wrapper)
            r["warmup"] = {"wall": first.wall, "rss_kb": first.rss_kb, "cpu": first.cpu}
            if not first.ok:
                r["reason"] = first.reason
                r["stdout"] = short(first.stdout, 200)
                continue
            if it is ref_interp:
                case.reference = first.stdout
            elif case.reference is None:
                r["reason"] = "no reference output (%s failed)" % ref_interp.name
                continue
            if first.stdout != case.reference:
                r["reason"] = "output differs: got %r, expected %r" % (
                    short(first.stdout, 60), short(case.reference, 60))
                r["stdout"] = short(first.stdout, 200)
                continue
            r["status"] = "ok"
            if check_only or not warmup:
                r["times"].append(first.wall)
                r["rss_kb"].append(first.rss_kb)
                r["cpu"].append(first.cpu)
            live.append(it)
        if check_only:
            continue
        runs = nruns if warmup else nruns - 1
        for _ in range(runs):
            for it in list(live):
                res = run_process([it.path] + case.args, timeout, rss_wrapper)
                r = case.results[it.name]
                if not res.ok or res.stdout != case.reference:
                    r["status"] = "failed"
                    r["reason"] = res.reason or "output differs in a timed run: %r" % short(
                        res.stdout, 60)
                    live.remove(it)
                    continue
                r["times"].append(res.wall)
                r["rss_kb"].append(res.rss_kb)
                r["cpu"].append(res.cpu)
        for it in interps:
            r = case.results[it.name]
            if r["status"] == "ok":
                r["time_stats"] = summarize(r["times"])
                r["rss_stats"] = summarize([x for x in r["rss_kb"] if x is not None])
                r["cpu_stats"] = summarize([x for x in r["cpu"] if x is not None])
            else:
                r["times"] = []


def thread_counts(args):
    if args.threads:
        return sorted({int(x) for x in args.threads.split(",") if x.strip()})
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    counts = []
    n = 1
    while n <= cores:
        counts.append(n)
        n *= 2
    if counts[-1] != cores:
        counts.append(cores)
    return counts


def selected(name, args):
    return not args.only or any(fnmatch.fnmatch(name, pat) for pat in args.only)


def build_cases(suite, args):
    quick = args.quick

    def keep(name, in_quick):
        if not selected(name, args):
            return False
        return not quick or in_quick or args.check_only

    cases = []
    if suite == "single":
        for name, size, qsize, in_quick in SINGLE:
            if keep(name, in_quick):
                s = qsize if quick else size
                cases.append(Case("single", name, [os.path.join(BENCH, "single", name + ".py"), str(s)], s))
    elif suite == "scaling":
        for name, size, qsize, in_quick in SCALING:
            if not keep(name, in_quick):
                continue
            s = qsize if quick else size
            # N = 0 starts no thread: interpreter start-up plus module setup, subtracted
            # from every T_N so that start-up does not inflate the speedups.
            for n in [0] + thread_counts(args):
                cases.append(Case("scaling", "%s x%d" % (name, n),
                                  [os.path.join(BENCH, "scaling", name + ".py"), str(n), str(s)],
                                  s, threads=n, workload=name))
    elif suite == "startup":
        cases.append(Case("startup", "-c pass", ["-c", "pass"], workload="pass"))
    elif suite == "memory":
        for name, prog, size, qsize, in_quick in MEMORY:
            if not keep(name, in_quick):
                continue
            if prog is None:
                cases.append(Case("memory", "-c pass", ["-c", "pass"], workload="pass"))
                continue
            s = qsize if quick else size
            cases.append(Case("memory", name, [os.path.join(BENCH, prog), str(s)], s))
    return cases


# ---- Reporting ---------------------------------------------------------------------------


BUSY_FACTOR = 1.15
BUSY_NOTE = ("* median wall time more than %d%% above the median CPU time of this single-threaded\n"
             "  run: it waited for a CPU (the machine was busy), so the figure is inflated"
             % round((BUSY_FACTOR - 1) * 100))


def starved(r):
    """A single-threaded run whose wall time is well above its CPU time waited for a CPU."""
    w, c = r.get("time_stats"), r.get("cpu_stats")
    return bool(w and c and w["median"] > BUSY_FACTOR * c["median"] and w["median"] > 0.05)


def fmt_time(stats, unit):
    if unit == "ms":
        return "%.1f ms (%.1f-%.1f)" % (stats["median"] * 1e3, stats["min"] * 1e3, stats["max"] * 1e3)
    return "%.3f s (%.3f-%.3f)" % (stats["median"], stats["min"], stats["max"])


def fmt_rss(stats):
    if stats["min"] == stats["max"]:
        return "%.1f MB" % (stats["median"] / 1024.0)
    return "%.1f MB (%.1f-%.1f)" % (stats["median"] / 1024.0, stats["min"] / 1024.0,
                                    stats["max"] / 1024.0)


MARKDOWN = []  # (headers, rows) of the last table rendered, for --markdown


def render_markdown(headers, rows):
    def cell(c):
        return str(c).replace("|", "\\|")
    lines = ["| " + " | ".join(cell(h) for h in headers) + " |",
             "|" + "|".join("---" if i == 0 else "---:" for i in range(len(headers))) + "|"]
    for r in rows:
        lines.append("| " + " | ".join(cell(c) for c in r) + " |")
    return "\n".join(lines)


def render_table(headers, rows):
    MARKDOWN[:] = [(headers, rows)]
    widths = [max(len(str(r[i])) for r in [headers] + rows) for i in range(len(headers))]
    lines = []
    lines.append("  ".join(str(h).ljust(widths[i]) for i, h in enumerate(headers)).rstrip())
    lines.append("  ".join("-" * w for w in widths))
    for r in rows:
        lines.append("  ".join(str(c).ljust(widths[i]) if i == 0 else str(c).rjust(widths[i])
                               for i, c in enumerate(r)).rstrip())
    return "\n".join(lines)


def failure_notes(cases, interps):
    notes = []
    for it in interps:
        if not it.working:
            notes.append("%s: every row failed: %s" % (it.name, it.error))
            continue
        by_reason = {}
        for c in cases:
            r = c.results.get(it.name)
            if r and r["status"] != "ok":
                by_reason.setdefault(r["reason"], []).append(c.name)
        for reason, names in by_reason.items():
            if len(names) == 1:
                notes.append("%s: %s: %s" % (it.name, names[0], reason))
            else:
                shown = ", ".join(names[:6]) + (", ..." if len(names) > 6 else "")
                notes.append("%s: %d rows (%s): %s" % (it.name, len(names), shown, reason))
    return notes


def table_plain(suite, cases, interps, metric):
    """single / startup / memory: one row per program."""
    weft = next((i for i in interps if i.kind == "weft"), None)
    others = [i for i in interps if i.kind == "other"]
    unit = "ms" if suite == "startup" else "s"
    headers = ["program"] + [i.name for i in interps]
    if weft:
        headers += ["%s/%s" % (weft.name, o.name) for o in others]
    rows = []
    busy = [False]
    ratios = {o.name: [] for o in others}
    for c in cases:
        row = [c.name]
        for it in interps:
            r = c.results[it.name]
            st = r.get("rss_stats" if metric == "rss" else "time_stats")
            if r["status"] != "ok" or not st:
                row.append("failed")
            else:
                if metric == "rss":
                    row.append(fmt_rss(st))
                else:
                    mark = "*" if starved(r) else ""
                    busy[0] = busy[0] or bool(mark)
                    row.append(fmt_time(st, unit) + mark)
        if weft:
            rw = c.results[weft.name]
            for o in others:
                ro = c.results[o.name]
                key = "rss_stats" if metric == "rss" else "time_stats"
                if rw["status"] == "ok" and ro["status"] == "ok" and rw.get(key) and ro.get(key):
                    q = rw[key]["median"] / ro[key]["median"]
                    ratios[o.name].append(q)
                    row.append("%.2f" % q)
                else:
                    row.append("-")
        rows.append(row)
    if weft and len(cases) > 1:
        row = ["geometric mean"] + [""] * len(interps)
        for o in others:
            g = geomean(ratios[o.name])
            row.append("%.2f (%d)" % (g, len(ratios[o.name])) if g else "-")
        rows.append(row)
    text = render_table(headers, rows)
    if busy[0]:
        text += "\n" + BUSY_NOTE
    return text, {o.name: geomean(ratios[o.name]) for o in others}


def scaling_data(cases, interps):
    """workload -> interp -> {threads: median time}, speedups."""
    data = {}
    for c in cases:
        w = data.setdefault(c.workload, {})
        for it in interps:
            r = c.results[it.name]
            d = w.setdefault(it.name, {"times": {}, "speedup": {}, "failed": [], "starved": []})
            if r["status"] == "ok" and r.get("time_stats"):
                d["times"][c.threads] = r["time_stats"]["median"]
                if c.threads in (0, 1) and starved(r):
                    d["starved"].append(c.threads)
            else:
                d["failed"].append(c.threads)
    for w in data.values():
        for d in w.values():
            t0 = d["times"].get(0)
            d["net"] = {}
            for n, tn in d["times"].items():
                if n and t0 is not None and tn - t0 > 0:
                    d["net"][n] = tn - t0
            t1 = d["net"].get(1)
            for n, tn in d["net"].items():
                if t1:
                    d["speedup"][n] = n * t1 / tn
    return data


def table_scaling(cases, interps, counts):
    data = scaling_data(cases, interps)
    weft = next((i for i in interps if i.kind == "weft"), None)
    others = [i for i in interps if i.kind == "other"]
    nmax = counts[-1]
    headers = ["workload"]
    for it in interps:
        headers.append("%s T1" % it.name)
        headers += ["%s S%d" % (it.name, n) for n in counts if n != 1]
    if weft:
        headers += ["%s/%s T%d" % (weft.name, o.name, nmax) for o in others]
    rows = []
    busy = False
    sp = {it.name: {n: [] for n in counts} for it in interps}
    ratios = {o.name: [] for o in others}
    for wname, w in data.items():
        row = [wname]
        for it in interps:
            d = w[it.name]
            mark = "*" if d["starved"] else ""
            busy = busy or bool(mark)
            row.append("%.3f s%s" % (d["net"][1], mark) if 1 in d["net"] else "failed")
            for n in counts:
                if n in d["speedup"] and n == 1:
                    sp[it.name][n].append(d["speedup"][n])
                if n == 1:
                    continue
                if n in d["speedup"]:
                    row.append("%.2f" % d["speedup"][n])
                    sp[it.name][n].append(d["speedup"][n])
                else:
                    row.append("failed")
        if weft:
            for o in others:
                a = w[weft.name]["net"].get(nmax)
                b = w[o.name]["net"].get(nmax)
                if a and b:
                    ratios[o.name].append(a / b)
                    row.append("%.2f" % (a / b))
                else:
                    row.append("-")
        rows.append(row)
    row = ["geometric mean"]
    means = {}
    for it in interps:
        row.append("")
        means[it.name] = {}
        for n in counts:
            g = geomean(sp[it.name][n])
            means[it.name][n] = g
            if n != 1:
                row.append("%.2f" % g if g else "-")
    if weft:
        for o in others:
            g = geomean(ratios[o.name])
            row.append("%.2f" % g if g else "-")
    rows.append(row)
    text = render_table(headers, rows)
    if busy:
        text += "\n" + BUSY_NOTE + "\n  (in T0 or T1, so that row's speedups are off too)"
    text += ("\nTN = median wall time with N threads minus the same program's with 0 threads "
             "(start-up);\nSN = speedup with N threads = N*T1/TN (ideal: N)")
    return text, data, means


# ---- SVG chart ---------------------------------------------------------------------------

COLORS = ["#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2"]


def esc(s):
    return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_svg(path, data, means, counts, interps, title, subtitle):
    W, H = 760, 500
    left, right, top, bottom = 70, 230, 60, 60
    pw, ph = W - left - right, H - top - bottom
    nmax = max(counts)
    ymax = float(nmax)
    for w in data.values():
        for d in w.values():
            for v in d["speedup"].values():
                ymax = max(ymax, v)
    ymax = math.ceil(ymax * 1.1 * 2) / 2.0
    xmin = 1
    xspan = max(nmax - xmin, 1)

    def X(n):
        return left + (n - xmin) / xspan * pw

    def Y(v):
        return top + ph - v / ymax * ph

    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
           'viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">' % (W, H, W, H),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="%d" y="24" font-size="16" font-weight="bold">%s</text>' % (left, esc(title)),
           '<text x="%d" y="42" fill="#555">%s</text>' % (left, esc(subtitle))]
    # grid and axes
    step = 0.5 if ymax <= 4 else (1 if ymax <= 10 else math.ceil(ymax / 10))
    v = 0.0
    while v <= ymax + 1e-9:
        y = Y(v)
        out.append('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#ddd"/>' % (left, y, left + pw, y))
        out.append('<text x="%.1f" y="%.1f" text-anchor="end">%g</text>' % (left - 6, y + 4, v))
        v += step
    for n in counts:
        x = X(n)
        out.append('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#ddd"/>' % (x, top, x, top + ph))
        out.append('<text x="%.1f" y="%.1f" text-anchor="middle">%d</text>' % (x, top + ph + 18, n))
    out.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="black"/>' % (left, top + ph, left + pw, top + ph))
    out.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="black"/>' % (left, top, left, top + ph))
    out.append('<text x="%.1f" y="%d" text-anchor="middle">threads (N)</text>' % (left + pw / 2, H - 18))
    out.append('<text transform="translate(20,%.1f) rotate(-90)" text-anchor="middle">'
               'speedup = N&#183;T1/TN</text>' % (top + ph / 2))
    # ideal
    out.append('<polyline fill="none" stroke="#888" stroke-width="1.5" stroke-dasharray="6,4" '
               'points="%s"/>' % " ".join("%.1f,%.1f" % (X(n), Y(n)) for n in counts))
    legend = [("ideal (speedup = N)", "#888", "6,4", 1.5)]
    for k, it in enumerate(interps):
        color = COLORS[k % len(COLORS)]
        # thin line per workload
        for wname, w in sorted(data.items()):
            d = w.get(it.name)
            if not d or len(d["speedup"]) < 2:
                continue
            pts = " ".join("%.1f,%.1f" % (X(n), Y(d["speedup"][n])) for n in counts if n in d["speedup"])
            out.append('<polyline fill="none" stroke="%s" stroke-opacity="0.25" stroke-width="1" '
                       'points="%s"><title>%s %s</title></polyline>' % (color, pts, esc(it.name), esc(wname)))
        m = means.get(it.name, {})
        pts = [(n, m[n]) for n in counts if m.get(n)]
        if len(pts) >= 1:
            out.append('<polyline fill="none" stroke="%s" stroke-width="3" points="%s"/>' % (
                color, " ".join("%.1f,%.1f" % (X(n), Y(v)) for n, v in pts)))
            for n, v in pts:
                out.append('<circle cx="%.1f" cy="%.1f" r="4" fill="%s"><title>%s N=%d: %.2f</title>'
                           '</circle>' % (X(n), Y(v), color, esc(it.name), n, v))
            legend.append(("%s (geometric mean)" % it.name, color, None, 3))
            legend.append(("%s, each workload" % it.name, color, None, 1))
        else:
            legend.append(("%s: no data (failed)" % it.name, color, "2,3", 1))
    ly = top + 10
    for text, color, dash, width in legend:
        lx = left + pw + 20
        extra = ' stroke-dasharray="%s"' % dash if dash else ""
        opacity = ' stroke-opacity="0.35"' if text.endswith("each workload") else ""
        out.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="%g"%s%s/>' % (
            lx, ly, lx + 28, ly, color, width, extra, opacity))
        out.append('<text x="%d" y="%d">%s</text>' % (lx + 34, ly + 4, esc(text)))
        ly += 20
    out.append("</svg>")
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


# ---- Main --------------------------------------------------------------------------------


class _PipeSafe:
    """stdout that keeps the run going (and the JSON written) if a pager or `head` goes away."""

    def __init__(self, stream):
        self.stream = stream
        self.broken = False

    def write(self, text):
        if not self.broken:
            try:
                self.stream.write(text)
            except BrokenPipeError:
                self.broken = True
        return len(text)

    def flush(self):
        if not self.broken:
            try:
                self.stream.flush()
            except BrokenPipeError:
                self.broken = True


def main(argv=None):
    sys.stdout = _PipeSafe(sys.stdout)
    ap = argparse.ArgumentParser(description="Run weft's benchmark suites against other interpreters.")
    ap.add_argument("--suite", action="append", metavar="NAME",
                    help="suite to run (repeatable): %s; default all available" %
                    ", ".join(AVAILABLE_SUITES + LATER_SUITES))
    ap.add_argument("--quick", action="store_true", help="reduced set: fewer programs, smaller sizes, fewer runs")
    ap.add_argument("--runs", type=int, help="timed runs per program after the warm-up (default %d, --quick %d)" % (DEFAULT_RUNS, QUICK_RUNS))
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds before a run counts as failed (default 120)")
    ap.add_argument("--weft", default=os.path.join(REPO, "build", "release", "weft"),
                    help="weft binary (default build/release/weft); 'none' to leave weft out")
    ap.add_argument("--python", action="append", metavar="PATH",
                    help="another interpreter (repeatable; default python3 on PATH); the first is the reference")
    ap.add_argument("--threads", help="thread counts for the scaling suite, e.g. 1,2,4 (default powers of two up to the core count)")
    ap.add_argument("--only", action="append", metavar="GLOB", help="only programs whose name matches (repeatable)")
    ap.add_argument("--check-only", action="store_true",
                    help="run each program once per interpreter and only check that outputs agree")
    ap.add_argument("--require-weft", action="store_true",
                    help="a missing or non-running weft binary is an error (for --check-only)")
    ap.add_argument("--markdown", metavar="PATH",
                    help="also write the tables as Markdown (for the README)")
    ap.add_argument("--json", default=os.path.join(BENCH, "results", "latest.json"), help="JSON output path")
    ap.add_argument("--svg", default=os.path.join(BENCH, "results", "scaling.svg"), help="SVG chart path (scaling suite)")
    args = ap.parse_args(argv)

    suites = args.suite or list(AVAILABLE_SUITES)
    for s in suites:
        if s not in AVAILABLE_SUITES + LATER_SUITES:
            ap.error("unknown suite %r (choose from %s)" % (s, ", ".join(AVAILABLE_SUITES + LATER_SUITES)))
    runs = args.runs or (QUICK_RUNS if args.quick else DEFAULT_RUNS)
    if runs < 1:
        ap.error("--runs must be at least 1")

    t_start = time.perf_counter()
    tmpdir = tempfile.mkdtemp(prefix="weft-bench-")
    probe = os.path.join(tmpdir, "probe.py")
    with open(probe, "w") as f:
        f.write("print(6 * 7)\n")
    interps = make_interpreters(args, probe)
    shutil.rmtree(tmpdir, ignore_errors=True)
    weft = next((i for i in interps if i.kind == "weft"), None)
    machine = machine_description(weft.path or weft.given if weft else None)
    rss_wrapper = gnu_time_path()
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")

    print("weft benchmarks, %s%s%s" % (date, " (quick)" if args.quick else "",
                                       " (check only)" if args.check_only else ""))
    print("machine: %s, %s cores, kernel %s, load average %.2f" % (
        machine["cpu_model"], machine["cores"], machine["kernel"], machine["load_average_start"][0]))
    if machine["load_average_start"][0] > 0.5 * (machine["usable_cores"] or 1):
        print("warning: the machine is busy (load average %.2f on %s cores): figures will be noisy"
              % (machine["load_average_start"][0], machine["usable_cores"]))
    b = machine["weft_build"]
    if b.get("cmake_cache"):
        print("weft build: %s, CMAKE_C_FLAGS=%r, CMAKE_C_FLAGS_RELEASE=%r" % (
            b.get("CMAKE_BUILD_TYPE"), b.get("CMAKE_C_FLAGS", ""), b.get("CMAKE_C_FLAGS_RELEASE", "")))
    for it in interps:
        state = it.version if it.working else "NOT WORKING: %s" % it.error
        print("  %-10s %s  [%s]" % (it.name, it.path or it.given, state))
        if it.note:
            print("  %-10s (%s)" % ("", it.note))
    print()

    report = {"date": date, "quick": args.quick, "check_only": args.check_only, "runs": runs,
              "timeout": args.timeout, "machine": machine,
              "interpreters": [i.to_json() for i in interps],
              "reference": next((i.name for i in interps if i.kind == "other"), None),
              "rss_method": ("GNU time %%M around each memory-suite run (%s); other suites: "
                             "os.wait4 ru_maxrss, floored at the runner's own peak RSS" % rss_wrapper)
              if rss_wrapper else "os.wait4 ru_maxrss (GNU time not found): floored at the runner's own peak RSS",
              "suites": {}}
    if not any(i.kind == "other" for i in interps):
        log("error: no reference interpreter (give --python)")
        return 2
    rules = load_xfail()
    md = []
    unexpected = []
    xpass = []
    all_cases = {}
    for suite in suites:
        if suite in LATER_SUITES:
            print("== %s: not available yet\n" % suite)
            report["suites"][suite] = {"status": "not available yet"}
            continue
        cases = build_cases(suite, args)
        all_cases[suite] = cases
        if not cases:
            print("== %s: no programs selected\n" % suite)
            continue
        if suite == "startup":
            n = args.runs or (QUICK_STARTUP_RUNS if args.quick else STARTUP_RUNS)
        elif suite == "memory":
            n = args.runs or (QUICK_MEMORY_RUNS if args.quick else MEMORY_RUNS)
        else:
            n = runs
        t0 = time.perf_counter()
        run_cases(cases, interps, n, args.timeout, args.check_only,
                  rss_wrapper if suite == "memory" else None, warmup=suite != "memory")
        elapsed = time.perf_counter() - t0
        sj = {"runs": n, "elapsed_s": elapsed,
              "rss_method": ("GNU time %M" if rss_wrapper and suite == "memory" else
                             "os.wait4 ru_maxrss (floored at the runner's own peak RSS)"),
              "cases": []}
        for c in cases:
            sj["cases"].append({"name": c.name, "workload": c.workload, "args": c.args,
                                "size": c.size, "threads": c.threads,
                                "reference_output": c.reference, "results": c.results})
        report["suites"][suite] = sj
        # check-only verdicts (and expectations in normal mode too)
        for c in cases:
            for it in interps:
                if not it.working and it.kind == "weft" and not args.require_weft:
                    continue  # a missing or non-running weft is reported, not an error
                r = c.results[it.name]
                xf = it.kind == "weft" and expected_to_fail(rules, it, c)
                if r["status"] != "ok" and not xf:
                    unexpected.append("%s: %s/%s: %s" % (it.name, suite, c.name, r["reason"]))
                elif r["status"] == "ok" and xf:
                    line = "%s: %s" % (it.name, c.key())
                    if line not in xpass:
                        xpass.append(line)
        md_title = None
        if args.check_only:
            rows = []
            for c in cases:
                row = [c.name]
                for it in interps:
                    r = c.results[it.name]
                    if not it.working:
                        row.append("not run")
                    elif r["status"] != "ok":
                        row.append("FAILED")
                    else:
                        row.append("reference" if it.name == report["reference"] else "agrees")
                rows.append(row)
            print("== %s (check only, %.1f s)" % (suite, elapsed))
            print(render_table(["program"] + [i.name for i in interps], rows))
        elif suite == "scaling":
            counts = sorted({c.threads for c in cases if c.threads})
            text, data, means = table_scaling(cases, interps, counts)
            sj["speedup"] = {w: {i: {"median_wall": d["times"], "net": d["net"], "speedup": d["speedup"]}
                                 for i, d in v.items()} for w, v in data.items()}
            sj["geomean_speedup"] = means
            print("== scaling (%d timed runs after a warm-up; %.1f s)" % (n, elapsed))
            print(text)
            md_title = ("scaling: T1 = wall time with 1 thread minus start-up, SN = speedup "
                        "N·T1/TN with N threads (ideal N); median of %d runs" % n)
            md.append((md_title, MARKDOWN[0]))
            subtitle = "%s, %s cores, %s, load average %.2f%s" % (
                machine["cpu_model"], machine["cores"], date, machine["load_average_start"][0],
                ", quick" if args.quick else "")
            write_svg(args.svg, data, means, counts, interps, "weft scaling suite: speedup vs threads",
                      subtitle)
            print("chart: %s" % os.path.relpath(args.svg))
        else:
            metric = "rss" if suite == "memory" else "time"
            text, gm = table_plain(suite, cases, interps, metric)
            sj["geomean_ratio"] = gm
            what = {"single": "median wall time (min-max)", "startup": "median wall time of -c pass (min-max)",
                    "memory": "peak RSS, median (min-max)"}[suite]
            print("== %s: %s; %d %s; %.1f s" % (suite, what, n,
                                               "run(s)" if suite == "memory" else "timed runs after a warm-up", elapsed))
            print(text)
            md.append(("%s: %s; %d %s" % (suite, what, n, "run(s)" if suite == "memory" else "timed runs"),
                       MARKDOWN[0]))
        notes = failure_notes(cases, interps)
        if notes:
            print("failed:")
            for line in notes:
                print("  " + line)
        print()

    total = time.perf_counter() - t_start
    machine["load_average_end"] = list(os.getloadavg())
    report["elapsed_s"] = total
    report["unexpected_failures"] = unexpected
    report["unexpected_passes"] = xpass
    os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
    with open(args.json, "w") as f:
        json.dump(report, f, indent=1, sort_keys=False)
    print("results: %s (total %.1f s; load average at the end %.2f)" % (
        os.path.relpath(args.json), total, machine["load_average_end"][0]))
    if args.markdown:
        parts = ["Measured %s on %s (%s cores, kernel %s, load average %.2f at the start)%s." % (
            date, machine["cpu_model"], machine["cores"], machine["kernel"],
            machine["load_average_start"][0], ", --quick" if args.quick else "")]
        for it in interps:
            parts.append("- %s: %s" % (it.name, ("`%s`, %s" % (it.path, it.version)) if it.working
                                       else "not working (%s)" % it.error))
        b = machine["weft_build"]
        if b.get("cmake_cache"):
            parts.append("- weft build: %s, `CMAKE_C_FLAGS=%s`, `CMAKE_C_FLAGS_RELEASE=%s`" % (
                b.get("CMAKE_BUILD_TYPE"), b.get("CMAKE_C_FLAGS", ""), b.get("CMAKE_C_FLAGS_RELEASE", "")))
        for title, (headers, rows) in md:
            parts.append("\n**%s**\n\n%s" % (title, render_markdown(headers, rows)))
            if any(str(cell).endswith("*") for row in rows for cell in row):
                parts.append("\n" + " ".join(BUSY_NOTE.split()))
        os.makedirs(os.path.dirname(os.path.abspath(args.markdown)), exist_ok=True)
        with open(args.markdown, "w") as f:
            f.write("\n".join(parts) + "\n")
    if xpass and args.check_only:
        print("passed although listed in bench/expected_failures.txt:")
        for line in xpass:
            print("  " + line)
    if unexpected and args.check_only:
        print("UNEXPECTED FAILURES:")
        for line in unexpected:
            print("  " + line)
    if args.check_only:
        return 1 if unexpected else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
