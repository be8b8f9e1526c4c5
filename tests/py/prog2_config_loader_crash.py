# Config loader that validates sections through nested helpers, generators, lambdas and
# comprehensions; ends with an uncaught exception carrying __context__ and __cause__ chains.
import sys

RAW = """
[server]
host = example.org
port = 80x80
timeout = 2.5

[paths]
root = /srv
logs = {root}/logs
cache = {missing}/cache
"""


class ConfigError(Exception):
    def __init__(self, section, key, problem):
        super().__init__(f"[{section}] {key}: {problem}")
        self.section, self.key = section, key


def sections(text):
    current = None
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            yield current, None, None, lineno
        else:
            key, sep, value = (p.strip() for p in line.partition("="))
            if not sep:
                raise SyntaxError(f"line {lineno}: expected key = value")
            yield current, key, value, lineno


def load(text):
    cfg = {}
    for sec, key, value, _ in sections(text):
        if key is None:
            cfg[sec] = {}
        else:
            cfg[sec][key] = value
    return cfg


CONVERTERS = {
    "port": lambda v: int(v),
    "timeout": lambda v: float(v),
}


def convert(section, values):
    out = {}
    for key, value in values.items():
        conv = CONVERTERS.get(key, str)
        try:
            out[key] = conv(value)
        except ValueError as exc:
            raise ConfigError(section, key, f"cannot convert {value!r}") from exc
    return out


def expand(values):
    return {k: v.format(**values) for k, v in values.items()}


cfg = load(RAW)
print(sorted(cfg), {s: sorted(v) for s, v in cfg.items()})
try:
    convert("server", cfg["server"])
except ConfigError as e:
    print("error:", e, "| cause:", repr(e.__cause__), "| section:", e.section)
cfg["server"]["port"] = "8080"
print(convert("server", cfg["server"]))
try:
    load("[a]\nnovalue\n")
except SyntaxError as e:
    print("SyntaxError:", e.msg if hasattr(e, "msg") else e, e.args)


class Validator:
    def __init__(self, cfg):
        self.cfg = cfg

    def check_paths(self):
        paths = self.cfg["paths"]
        try:
            return [p for p in expand(paths).values()]
        except KeyError as missing:
            self.report(missing)

    def report(self, missing):
        names = sorted(self.cfg["paths"])
        raise ConfigError("paths", names[0], f"unknown placeholder {missing}")


def main():
    v = Validator(cfg)
    try:
        v.check_paths()
    except ConfigError as err:
        print("validation failed:", err, file=sys.stderr)
        raise RuntimeError("configuration unusable") from err


main()
