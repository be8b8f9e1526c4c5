# Hand-written JSON parser and pretty-printer (no json module), with error positions.
import sys


class JSONError(ValueError):
    def __init__(self, msg, text, pos):
        line = text.count("\n", 0, pos) + 1
        col = pos - (text.rfind("\n", 0, pos) + 1) + 1
        super().__init__(f"{msg}: line {line} column {col} (char {pos})")
        self.pos = pos


ESC = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


def parse(text):
    pos = 0

    def ws():
        nonlocal pos
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1

    def value():
        nonlocal pos
        ws()
        if pos >= len(text):
            raise JSONError("Expecting value", text, pos)
        c = text[pos]
        if c == "{":
            pos += 1
            obj = {}
            ws()
            if text[pos:pos + 1] == "}":
                pos += 1
                return obj
            while True:
                ws()
                if text[pos:pos + 1] != '"':
                    raise JSONError("Expecting property name enclosed in double quotes", text, pos)
                k = string()
                ws()
                if text[pos:pos + 1] != ":":
                    raise JSONError("Expecting ':' delimiter", text, pos)
                pos += 1
                obj[k] = value()
                ws()
                c = text[pos:pos + 1]
                pos += 1
                if c == "}":
                    return obj
                if c != ",":
                    raise JSONError("Expecting ',' delimiter", text, pos - 1)
        if c == "[":
            pos += 1
            arr = []
            ws()
            if text[pos:pos + 1] == "]":
                pos += 1
                return arr
            while True:
                arr.append(value())
                ws()
                c = text[pos:pos + 1]
                pos += 1
                if c == "]":
                    return arr
                if c != ",":
                    raise JSONError("Expecting ',' delimiter", text, pos - 1)
        if c == '"':
            return string()
        for lit, val in (("true", True), ("false", False), ("null", None)):
            if text.startswith(lit, pos):
                pos += len(lit)
                return val
        start = pos
        while pos < len(text) and text[pos] in "+-0123456789.eE":
            pos += 1
        num = text[start:pos]
        if not num:
            raise JSONError("Expecting value", text, start)
        return float(num) if any(ch in num for ch in ".eE") else int(num)

    def string():
        nonlocal pos
        pos += 1
        out = []
        while True:
            if pos >= len(text):
                raise JSONError("Unterminated string starting at", text, pos)
            ch = text[pos]
            if ch == '"':
                pos += 1
                return "".join(out)
            if ch == "\\":
                e = text[pos + 1]
                if e == "u":
                    cp = int(text[pos + 2:pos + 6], 16)
                    pos += 6
                    if 0xD800 <= cp < 0xDC00 and text[pos:pos + 2] == "\\u":
                        lo = int(text[pos + 2:pos + 6], 16)
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00)
                        pos += 6
                    out.append(chr(cp))
                    continue
                out.append(ESC[e])
                pos += 2
                continue
            out.append(ch)
            pos += 1

    result = value()
    ws()
    if pos != len(text):
        raise JSONError("Extra data", text, pos)
    return result


def dumps(obj, indent=2, level=0):
    pad, inner = " " * (indent * level), " " * (indent * (level + 1))
    if obj is None:
        return "null"
    if obj is True or obj is False:
        return str(obj).lower()
    if isinstance(obj, (int, float)):
        return repr(obj)
    if isinstance(obj, str):
        rev = {v: k for k, v in ESC.items() if k != "/"}
        return '"' + "".join("\\" + rev[c] if c in rev else c if 32 <= ord(c) < 127 else
                             f"\\u{ord(c):04x}" if ord(c) < 0x10000 else
                             "\\u{:04x}\\u{:04x}".format(0xD800 + ((ord(c) - 0x10000) >> 10), 0xDC00 + (ord(c) & 0x3FF))
                             for c in obj) + '"'
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        items = [f"{inner}{dumps(str(k))}: {dumps(v, indent, level + 1)}" for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(obj, (list, tuple)):
        if not obj:
            return "[]"
        return "[\n" + ",\n".join(inner + dumps(v, indent, level + 1) for v in obj) + "\n" + pad + "]"
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")


doc = '''{"name": "weft", "version": [3, 11, 0], "ok": true, "none": null,
 "pi": 3.14159, "big": 123456789012345678901234567890, "exp": 1e-7, "neg": -0.0,
 "text": "tab\\there \\"quoted\\" \\u00e9\\u4e2d\\ud83d\\ude00 slash\\/", "nested": {"a": [], "b": {}, "c": [{"d": [1, [2, [3]]]}]}}'''
data = parse(doc)
print(dumps(data))
print(data["text"], len(data["text"]), data["big"] + 1, data["exp"] * 10, data["neg"])
print(parse(dumps(data)) == data, parse(dumps(data, indent=0)) == data)
print(dumps({1: (1.5, "é"), "k": [None, False]}, indent=1))
for bad in ['{"a" 1}', '[1, 2', '[1 2]', '{"a": 1,}', '{a: 1}', '"abc', '', '[1] x', '\n\n  [tru]', '{"x": [1, 2, {"y": }]}']:
    try:
        parse(bad)
    except JSONError as e:
        print(f"{bad!r:28} -> {e}")
    except (IndexError, KeyError) as e:
        print(f"{bad!r:28} -> {type(e).__name__}")
try:
    dumps({"s": {1, 2}})
except TypeError as e:
    print(e)
