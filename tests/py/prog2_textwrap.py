# A text wrapper and full justifier written by hand, with hyphenation of long words.
import sys

TEXT = """The quick brown fox jumps over the lazy dog. Pack my box with five dozen
liquor jugs!  How vexingly quick daft zebras jump; supercalifragilisticexpialidocious
words must be split.\tTabs\tand   multiple   spaces collapse.

A second paragraph, shorter.

   Indented third paragraph keeps its   indent? No: it is normalised."""


def paragraphs(text):
    para = []
    for line in text.splitlines():
        if line.strip():
            para.append(line)
        elif para:
            yield " ".join(para)
            para = []
    if para:
        yield " ".join(para)


def words_of(par, width):
    for w in par.split():
        while len(w) > width:
            yield w[:width - 1] + "-"
            w = w[width - 1:]
        yield w


def wrap(par, width):
    lines, cur = [], []
    length = 0
    for w in words_of(par, width):
        if cur and length + 1 + len(w) > width:
            lines.append(cur)
            cur, length = [], 0
        length += len(w) + (1 if cur else 0)
        cur.append(w)
    if cur:
        lines.append(cur)
    return lines


def justify(words, width):
    if len(words) == 1:
        return words[0].ljust(width)
    gaps = len(words) - 1
    spaces = width - sum(map(len, words))
    q, r = divmod(spaces, gaps)
    out = ""
    for i, w in enumerate(words[:-1]):
        out += w + " " * (q + (1 if i < r else 0))
    return out + words[-1]


def render(text, width, mode):
    out = []
    for par in paragraphs(text):
        lines = wrap(par, width)
        for i, ws in enumerate(lines):
            last = i == len(lines) - 1
            if mode == "justify" and not last:
                out.append(justify(ws, width))
            elif mode == "center":
                out.append(" ".join(ws).center(width, "."))
            elif mode == "right":
                out.append(" ".join(ws).rjust(width))
            else:
                out.append(" ".join(ws))
        out.append("")
    return out[:-1]


for width, mode in [(30, "left"), (28, "justify"), (24, "center"), (20, "right")]:
    print(f"== {mode} {width} ==")
    for line in render(TEXT, width, mode):
        assert len(line) <= width, (line, len(line))
        print(f"|{line:<{width}}|")

words = TEXT.split()
print(len(words), max(words, key=len), min(words, key=lambda w: (len(w), w)))
print("tab\texpand".expandtabs(4), "|", "a\tbb\tccc\td".expandtabs(), "|", "x\ty".expandtabs(0))
print("  strip me  ".strip(), "xxhixx".strip("x"), "www.example.com".lstrip("cmowz."), "mississippi".rstrip("ip"))
print("Hello World".swapcase(), "hello wORLD foo-bar o'neil".title(), "ß straße".casefold(), "ǅ".lower(), "ﬁ".upper())
print("one\ntwo\r\nthree\rfour\x0cfive".splitlines(), "a\nb\n".splitlines(keepends=True), "".splitlines())
print("  a  b  ".split(" "), "a,b,,c".split(",", 2), "a b c".rsplit(None, 1), "k=v=w".partition("="), "k=v=w".rpartition("="), "abc".partition("z"))
print("42".zfill(5), "-42".zfill(5), "+x".zfill(4), "abc".center(8, "*"), "abc".center(9, "*"), "ab".ljust(1))
