# Guess the encoding of byte blobs (BOMs, UTF-8 validity, legacy fallbacks) and transcode them.
import sys

BOMS = [(b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")]


def sniff(blob):
    for bom, name in BOMS:
        if blob.startswith(bom):
            return name, "bom"
    try:
        blob.decode("utf-8")
        return ("ascii" if blob.isascii() else "utf-8"), "valid"
    except UnicodeDecodeError as e:
        reason = f"utf-8 failed at {e.start}: {e.reason}"
    if any(0x80 <= b < 0xa0 for b in blob):
        return "cp1252", reason
    return "latin-1", reason


def transcode(blob):
    enc, why = sniff(blob)
    try:
        text = blob.decode(enc)
    except LookupError as e:
        return enc, why, f"<LookupError: {e}>"
    except UnicodeDecodeError as e:
        return enc, why, f"<{e.reason} at {e.start}>"
    if enc.startswith("utf-16") or enc.startswith("utf-32"):
        text = text.lstrip("\ufeff")
    return enc, why, text


def safe_encode(text, enc):
    try:
        return text.encode(enc)
    except LookupError as e:
        return f"LookupError: {e}"
    except UnicodeEncodeError as e:
        return f"UnicodeEncodeError: {e}"


samples = {
    "plain": b"hello, world",
    "utf8": "café ☕ ok".encode("utf-8"),
    "latin1": "señor Müller".encode("latin-1"),
    "cp1252-ish": b"smart \x93quotes\x94 \x80 5",
    "utf8-bom": b"\xef\xbb\xbfBOM text",
    "utf16le-bom": b"\xff\xfeh\x00i\x00 \x00\xac\x20",
    "utf16be-bom": b"\xfe\xff\x00h\x00i",
    "truncated": "naïve".encode("utf-8")[:-3],
    "overlong": b"\xc0\xaf slash",
    "surrogate": b"\xed\xa0\x80 lone",
}
for name, blob in samples.items():
    enc, why, text = transcode(blob)
    print(f"{name:>12} | {len(blob):2d} bytes | {enc:<10} | {why:<44} | {text!r}")

text = "Ünïcödé ✓ 𝄞"
print(len(text), [len(text.encode(e)) for e in ("utf-8",)], text.encode("utf-8").hex(" ", 2))
for enc in ("ascii", "latin-1", "utf-8", "utf-16", "utf-16-le", "utf-32-be", "cp1252", "utf-8-sig", "UTF8", "Latin_1", "u8"):
    r = safe_encode(text, enc)
    print(f"{enc:>10}: {r if isinstance(r, str) else r[:16]!r}{'...' if isinstance(r, bytes) and len(r) > 16 else ''}")
for errors in ("replace", "ignore", "xmlcharrefreplace", "backslashreplace", "namereplace"):
    print(f"{errors:>18}: {text.encode('ascii', errors)!r}")
bad = b"ok \xff\xfe \xc3\xa9 end \xe2\x82"
for errors in ("replace", "ignore", "backslashreplace", "surrogateescape"):
    dec = bad.decode("utf-8", errors)
    print(f"{errors:>16}: {dec!r} {len(dec)}")
esc = bad.decode("utf-8", "surrogateescape")
print(esc.encode("utf-8", "surrogateescape") == bad, ascii(esc))
try:
    esc.encode("utf-8")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e.encoding, e.start, e.end, e.reason)
print(str(b"bytes", "ascii"), str(bytearray(b"\xe9t\xe9"), "latin-1"), bytes("x", "utf-8"), "é".encode(), b"\xc3\xa9".decode())
