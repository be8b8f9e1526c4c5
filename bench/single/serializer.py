# A small hand-written JSON-like serializer and parser (no json module): build nested
# data, serialize it to text, parse the text back, compare.  usage: serializer.py N
import sys


def dump(obj, out):
    if obj is None:
        out.append("null")
    elif obj is True:
        out.append("true")
    elif obj is False:
        out.append("false")
    elif isinstance(obj, int):
        out.append(str(obj))
    elif isinstance(obj, float):
        out.append(repr(obj))
    elif isinstance(obj, str):
        out.append('"')
        for ch in obj:
            if ch == '"':
                out.append('\\"')
            elif ch == "\\":
                out.append("\\\\")
            elif ch == "\n":
                out.append("\\n")
            else:
                out.append(ch)
        out.append('"')
    elif isinstance(obj, list):
        out.append("[")
        first = True
        for x in obj:
            if not first:
                out.append(",")
            first = False
            dump(x, out)
        out.append("]")
    elif isinstance(obj, dict):
        out.append("{")
        first = True
        for k in sorted(obj):
            if not first:
                out.append(",")
            first = False
            dump(k, out)
            out.append(":")
            dump(obj[k], out)
        out.append("}")
    else:
        raise TypeError("cannot serialize %r" % (obj,))


class Parser:
    def __init__(self, text):
        self.s = text
        self.i = 0

    def value(self):
        s = self.s
        c = s[self.i]
        if c == "{":
            self.i += 1
            d = {}
            if s[self.i] == "}":
                self.i += 1
                return d
            while True:
                k = self.value()
                self.i += 1  # ':'
                d[k] = self.value()
                c = s[self.i]
                self.i += 1
                if c == "}":
                    return d
        if c == "[":
            self.i += 1
            lst = []
            if s[self.i] == "]":
                self.i += 1
                return lst
            while True:
                lst.append(self.value())
                c = s[self.i]
                self.i += 1
                if c == "]":
                    return lst
        if c == '"':
            self.i += 1
            buf = []
            while True:
                c = s[self.i]
                self.i += 1
                if c == '"':
                    return "".join(buf)
                if c == "\\":
                    c = s[self.i]
                    self.i += 1
                    buf.append("\n" if c == "n" else c)
                else:
                    buf.append(c)
        if s.startswith("null", self.i):
            self.i += 4
            return None
        if s.startswith("true", self.i):
            self.i += 4
            return True
        if s.startswith("false", self.i):
            self.i += 5
            return False
        j = self.i
        while self.i < len(s) and s[self.i] in "0123456789+-.eE":
            self.i += 1
        num = s[j:self.i]
        if "." in num or "e" in num or "E" in num:
            return float(num)
        return int(num)


def make(i):
    return {
        "id": i,
        "name": 'item "%d"\n' % i,
        "tags": ["t%d" % (i % 5), "u%d" % (i % 3)],
        "score": i * 0.25,
        "ok": i % 2 == 0,
        "parent": None if i % 4 else i // 4,
        "sub": {"a": [i, i + 1, [i % 7]], "b": {"c": "x\\y"}},
    }


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 30000
    data = [make(i) for i in range(n)]
    out = []
    dump({"items": data, "count": n}, out)
    text = "".join(out)
    back = Parser(text).value()
    out2 = []
    dump(back, out2)
    text2 = "".join(out2)
    h = 0
    for ch in text[:: max(1, len(text) // 5000)]:
        h = (h * 131 + ord(ch)) % 1000000007
    print(len(text), text == text2, back["count"], back["items"][-1]["name"] == data[-1]["name"], h)


main()
