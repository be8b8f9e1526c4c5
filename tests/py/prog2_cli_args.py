# Hand-written command-line option parser over sys.argv; exits via sys.exit("message").
import sys


class UsageError(Exception):
    pass


SPEC = {
    "verbose": {"short": "v", "flag": True, "help": "more output"},
    "count": {"short": "n", "type": int, "default": 1, "help": "repeat count"},
    "name": {"short": None, "type": str, "default": "anon", "help": "your name"},
    "extra": {"short": "x", "flag": True, "help": "extra mode"},
}


def parse_args(argv, spec):
    by_short = {v["short"]: k for k, v in spec.items() if v.get("short")}
    opts = {k: (0 if v.get("flag") else v.get("default")) for k, v in spec.items()}
    positional = []
    it = iter(argv)
    for arg in it:
        if arg == "--":
            positional.extend(it)
            break
        if arg.startswith("--") and len(arg) > 2:
            key, eq, value = arg[2:].partition("=")
            if key not in spec:
                raise UsageError(f"unknown option --{key}")
            if spec[key].get("flag"):
                if eq:
                    raise UsageError(f"option --{key} takes no value")
                opts[key] += 1
                continue
            if not eq:
                try:
                    value = next(it)
                except StopIteration:
                    raise UsageError(f"option --{key} needs a value") from None
            try:
                opts[key] = spec[key]["type"](value)
            except ValueError as e:
                raise UsageError(f"bad value for --{key}: {e}") from e
        elif arg.startswith("-") and len(arg) > 1 and not arg[1:].isdigit():
            for i, ch in enumerate(arg[1:], 1):
                key = by_short.get(ch)
                if key is None:
                    raise UsageError(f"unknown option -{ch}")
                if spec[key].get("flag"):
                    opts[key] += 1
                else:
                    value = arg[i + 1:] or next(it, None)
                    if value is None:
                        raise UsageError(f"option -{ch} needs a value")
                    opts[key] = spec[key]["type"](value)
                    break
        else:
            positional.append(arg)
    return opts, positional


def usage():
    lines = ["usage: prog [options] files..."]
    for k, v in SPEC.items():
        short = f"-{v['short']}, " if v.get("short") else "    "
        lines.append(f"  {short}--{k:<10} {v['help']}")
    return "\n".join(lines)


print("argv[0]:", sys.argv[0].rsplit("/", 1)[-1])
print("args:", sys.argv[1:], len(sys.argv))
opts, pos = parse_args(sys.argv[1:], SPEC)
print("options:", sorted(opts.items()))
print("positional:", pos)
for i in range(opts["count"]):
    print(f"  [{i + 1}/{opts['count']}] hello, {opts['name']}" + "!" * opts["verbose"])
print(usage())

tests = [["-n"], ["--count", "abc"], ["--bogus"], ["-q"], ["--verbose=1"], ["-n5", "-vvv", "a"], ["--count"], ["-", "--", "-v"]]
for t in tests:
    try:
        o, p = parse_args(t, SPEC)
        print(f"{t!r:28} ok {o['count']} {o['verbose']} {p}")
    except UsageError as e:
        chained = f" (from {type(e.__cause__).__name__})" if e.__cause__ else ""
        print(f"{t!r:28} UsageError: {e}{chained}")

sys.argv.append("--bogus")
try:
    parse_args(sys.argv[1:7] + sys.argv[-1:], SPEC)
except UsageError as e:
    sys.stdout.flush()
    sys.exit(f"prog: error: {e}\n{usage()}")
finally:
    print("finally before exit")
print("unreachable")
