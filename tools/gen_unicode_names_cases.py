#!/usr/bin/env python3
"""Generate tests/unit/unicode_names_cases.txt: expected results for runtime/unicode_names.c,
every one computed by the running Python (it must be CPython 3.11), \\N{} results by
evaluating a str literal.

usage: python3 tools/gen_unicode_names_cases.py > tests/unit/unicode_names_cases.txt

One case per line, fields separated by tabs; names escaped (\\\\ and \\xNN for bytes
outside printable ASCII); a result is a code point in hex, or - when \\N{} rejects it:
  B  block  crc_names  crc_lower
       for the 256 code points block*256.., crc_names is the CRC-32 (zlib's) of the
       concatenation, in code-point order, of unicodedata.name(c) + "\\n" ("\\n" alone
       when c has no name); crc_lower is the CRC-32 of, for each named c, the result of
       \\N{name.lower()} + "\\n". Every name also round-trips: \\N{name(c)} is c (checked
       here, so the test checks lookup(name(c)) == c for every named c).
  A  alias  result       every name alias (read as gen_unicode_names.py does)
  S  name  result        every named sequence (\\N{} rejects them)
  L  name  result        case, spacing and algorithmic-name variants, and invalid names
"""
import importlib.util
import os
import random
import sys
import unicodedata
import zlib

if sys.version_info[:2] != (3, 11):
    sys.exit("gen_unicode_names_cases.py: run this with CPython 3.11")

spec = importlib.util.spec_from_file_location(
    "gen_unicode_names", os.path.join(os.path.dirname(__file__), "gen_unicode_names.py"))
gen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen)  # main() only runs when the file is executed


def backslash_n(name):
    """What \\N{name} means in a str literal: a code point, or None (SyntaxError)."""
    assert not set(name) & set('"\\}\n\r')
    try:
        s = eval('"\\N{' + name + '}"')
    except SyntaxError:
        return None
    assert len(s) == 1
    return ord(s)


def result(name):
    cp = backslash_n(name)
    return "-" if cp is None else "%X" % cp


def escape(name):
    out = ""
    for b in name.encode("utf-8"):
        c = chr(b)
        if c == "\\":
            out += "\\\\"
        elif 0x20 <= b < 0x7F:
            out += c
        else:
            out += "\\x%02X" % b
    return out


def variants(name, rng):
    out = [name.lower(), name.title(), name.swapcase(), " " + name, name + " ",
           name[:-1], name + "A", name + "-", name.replace(" ", "  ", 1),
           name.replace(" ", "-", 1), name.replace(" ", "_", 1), name.replace("-", " ", 1)]
    i = rng.randrange(len(name))
    out.append(name[:i] + name[i].lower() + name[i + 1:])
    out.append(name[:i] + name[i + 1:])
    return out


def algorithmic_cases(rng):
    out = []
    jamo = gen.JAMO_L + gen.JAMO_V + gen.JAMO_T
    for _ in range(2000):
        out.append("HANGUL SYLLABLE " + "".join(rng.choice(jamo)
                                                for _ in range(rng.randrange(5))))
    for prefix in ("HANGUL SYLLABLE ", "hangul syllable ", "Hangul Syllable ",
                   "HANGUL SYLLABLE", "HANGUL  SYLLABLE "):
        for syl in ("GA", "ga", "Ga", "GAG", "GGAEGS", "A", "YI", "HIH", "", "G", "GAGA"):
            out.append(prefix + syl)
    cjk = [lo for lo, hi in gen.ranges(c for c in range(0x110000)
                                       if unicodedata.name(chr(c), "").startswith("CJK UNI"))]
    edges = set()
    for lo, hi in gen.ranges(c for c in range(0x110000)
                             if unicodedata.name(chr(c), "").startswith("CJK UNI")):
        edges |= {lo - 1, lo, lo + 1, hi - 1, hi, hi + 1}
    edges |= {rng.randrange(0x110000) for _ in range(300)}
    assert cjk
    for v in sorted(edges):
        for fmt in ("%X", "%04X", "%05X", "%06X", "%x", "%03X"):
            out.append("CJK UNIFIED IDEOGRAPH-" + fmt % v)
        out.append("cjk unified ideograph-%X" % v)
        out.append("CJK UNIFIED IDEOGRAPH %X" % v)
        for p in ("CJK COMPATIBILITY IDEOGRAPH-", "TANGUT IDEOGRAPH-", "NUSHU CHARACTER-",
                  "KHITAN SMALL SCRIPT CHARACTER-", "TANGUT COMPONENT-"):
            out.append(p + "%X" % v)
            out.append((p + "%X" % v).lower())
    for v in list(range(0x17000, 0x18D09, 31)) + list(range(0x18B00, 0x18CD6, 11)) + \
            list(range(0x1B170, 0x1B2FC, 11)) + list(range(0xF900, 0xFB00, 11)):
        for p in ("TANGUT IDEOGRAPH-", "KHITAN SMALL SCRIPT CHARACTER-", "NUSHU CHARACTER-",
                  "CJK COMPATIBILITY IDEOGRAPH-"):
            out.append(p + "%X" % v)
            out.append(p.lower() + "%x" % v)
    return out


def odd_cases():
    return ["", " ", "-", "A", "a", "LATIN SMALL LETTER \u00c4", "latin \u017fmall letter a",
            "LATIN SMALL LETTER A\u0301", "\u00e9", "X" * 300, "LATIN SMALL LETTER " * 5,
            "NULL", "null", "NUL", "nul", "Null", "LF", "lf", "BOM", "ZWNBSP", "BYTE ORDER MARK",
            "LATIN CAPITAL LETTER GHA", "LATIN CAPITAL LETTER OI", "HANGUL", "CJK",
            "LATIN SMALL LETTER A{", "LATIN SMALL LETTER A\t", "TIBETAN LETTER -A",
            "tibetan letter -a", "TIBETAN LETTER A", "HYPHEN-MINUS", "hyphen minus",
            "HYPHEN MINUS", "SPACE", "space", "NO-BREAK SPACE", "NO BREAK SPACE",
            "REPLACEMENT CHARACTER", "<control>", "<CJK Ideograph>", "0041", "U+0041"]


def main():
    rng = random.Random(20261124)
    print(f"# Generated by tools/gen_unicode_names_cases.py from Python "
          f"{sys.version.split()[0]} (Unicode {unicodedata.unidata_version}). Do not edit.")
    sample = []
    for block in range(0x1100):
        names, lower = b"", b""
        for cp in range(block * 256, block * 256 + 256):
            name = unicodedata.name(chr(cp), "")
            names += name.encode("ascii") + b"\n"
            if name:
                assert backslash_n(name) == cp, name
                lower += result(name.lower()).encode("ascii") + b"\n"
                if rng.randrange(200) == 0:
                    sample.append(name)
        print(f"B\t{block:X}\t{zlib.crc32(names):08X}\t{zlib.crc32(lower):08X}")
    for name, cp in gen.aliases():
        assert backslash_n(name) == cp, name
        print(f"A\t{escape(name)}\t{result(name)}")
        sample.append(name)
    for name in gen.named_sequences():
        print(f"S\t{escape(name)}\t{result(name)}")
        sample.append(name)
    cases = [v for name in sample for v in variants(name, rng)]
    cases += algorithmic_cases(rng) + odd_cases()
    seen = set()
    for name in cases:
        if name in seen or set(name) & set('"\\}\n\r'):
            continue
        seen.add(name)
        print(f"L\t{escape(name)}\t{result(name)}")


main()
