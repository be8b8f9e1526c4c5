#!/usr/bin/env python3
"""Generate runtime/unicode_names.c: Unicode character names and name aliases, taken
from the running Python (it must be CPython 3.11), so that weft's name lookup and
\\N{...} decoding agree with that Python's exactly.

usage: python3 tools/gen_unicode_names.py > runtime/unicode_names.c

Where the names come from
  - character names: unicodedata.name() for every code point;
  - name aliases: CPython keeps them in its name table under private-use code points
    U+F0000.. (U+F0200.. holds the named sequences); unicodedata does not list them,
    so they are read through its C API capsule (unicodedata._ucnhash_CAPI, getname with
    with_alias_and_seq=1), and each is checked with unicodedata.lookup().
Named sequences are not stored: \\N{} rejects them, and so does wf_unicode_lookup.

Algorithmic names are computed, not stored: HANGUL SYLLABLE <L><V><T> for U+AC00..D7A3
and CJK UNIFIED IDEOGRAPH-<hex> for the ranges in cjk_unified[] (CPython 3.11 names
these two families by rule; every other family, such as CJK COMPATIBILITY IDEOGRAPH-,
NUSHU CHARACTER- and KHITAN SMALL SCRIPT CHARACTER-, is listed in UnicodeData.txt and
stored like any name here; Tangut ideographs have no name in 3.11).

Format of the generated tables
  - Every stored name (characters in code-point order, then aliases) gets an id.
  - A name is split into tokens: at spaces, and at a hyphen with a letter or digit on
    both sides, which becomes the token "-". Decoding joins tokens with a space, except
    next to a "-" token. (The generator checks that every name survives the round trip.)
  - The tables are C string literals of "digits": the 92 printable ASCII characters
    other than '"', '\\' and '?', worth 0..91 in ASCII order (digit() in the C file),
    so the file needs no escapes and stays about 1 byte of source per digit.
  - lexicon[] is the distinct tokens concatenated, most frequent first; lexicon_len[]
    holds each token's length (one digit); lexicon_offset[i] is where token
    i * CHECKPOINT starts, and the tokens after it are reached by adding lengths.
  - phrasebook[] holds one record per name, in id order: a digit `shared` (how many
    leading tokens it has in common with the previous name; 0 at each checkpoint), a
    digit `count`, then `count` token codes. A code is one digit d < ONE_DIGIT (token
    d); or d in [ONE_DIGIT, TWO_DIGITS) and one more digit; or d >= TWO_DIGITS and two
    more (token_code() below; the split is chosen to make the phrasebook shortest).
  - phrasebook_offset[i] is where the record of name i * CHECKPOINT starts; a name
    is decoded by reading the records from its checkpoint on.
  - runs[] maps code points to ids: each run is a range of consecutive code points with
    stored names, and its first id; sorted both by code point and by id.
  - alias_target[] is the code point of each alias (ids NCHARS..).
  - hash_table[] is an open-addressing table (double hashing, prime size) of id + 1
    (three digits per slot, 0 = empty), keyed by name_hash() of the name folded to
    upper case: \\N{} matches stored names and aliases without regard to ASCII case.
"""
import ctypes
import sys
import unicodedata
from collections import Counter

if sys.version_info[:2] != (3, 11):
    sys.exit("gen_unicode_names.py: run this with CPython 3.11")

CHECKPOINT = 32
# The digits of the tables: the printable ASCII characters that need no escape in a C
# string literal (and cannot form a trigraph).
DIGITS = [chr(c) for c in range(32, 127) if chr(c) not in '"\\?']
HANGUL_BASE, HANGUL_END = 0xAC00, 0xD7A3


# The jamo short names of the Hangul syllable names, in Unicode's order (L, V, T).
JAMO_L = ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C",
          "K", "T", "P", "H"]
JAMO_V = ["A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO",
          "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"]
JAMO_T = ["", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT",
          "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"]


def hangul_name(cp):
    s = cp - HANGUL_BASE
    t, v, l = s % 28, s // 28 % 21, s // (28 * 21)
    return "HANGUL SYLLABLE " + JAMO_L[l] + JAMO_V[v] + JAMO_T[t]


def capi_names(lo, hi):
    """Names CPython stores at private-use code points lo..hi-1 (aliases, sequences)."""
    get = ctypes.pythonapi.PyCapsule_GetPointer
    get.restype = ctypes.c_void_p
    get.argtypes = [ctypes.py_object, ctypes.c_char_p]
    capi = get(unicodedata._ucnhash_CAPI, b"unicodedata._ucnhash_CAPI")
    proto = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_uint32, ctypes.c_char_p,
                             ctypes.c_int, ctypes.c_int)
    getname = proto(ctypes.cast(capi, ctypes.POINTER(ctypes.c_void_p))[0])
    buf = ctypes.create_string_buffer(256)
    return [buf.value.decode("ascii") for cp in range(lo, hi)
            if getname(cp, buf, 256, 1)]


def aliases():
    out = []
    for name in capi_names(0xF0000, 0xF0200):
        target = unicodedata.lookup(name)
        assert len(target) == 1, name
        out.append((name, ord(target)))
    return out


def named_sequences():
    out = capi_names(0xF0200, 0xF0400)
    for name in out:
        assert len(unicodedata.lookup(name)) > 1, name
    return out


def is_algorithmic(cp, name):
    if HANGUL_BASE <= cp <= HANGUL_END:
        assert name == hangul_name(cp), name
        return True
    return name == "CJK UNIFIED IDEOGRAPH-%X" % cp


def tokens(name):
    out = []
    for word in name.split(" "):
        parts = word.split("-")
        if len(parts) > 1 and all(p and p[0].isalnum() and p[-1].isalnum() for p in parts):
            for i, p in enumerate(parts):
                if i:
                    out.append("-")
                out.append(p)
        else:
            out.append(word)
    return out


def join(toks):
    s = ""
    for i, t in enumerate(toks):
        if i and t != "-" and toks[i - 1] != "-":
            s += " "
        s += t
    return s


BASE = len(DIGITS)


def digits(values):
    return "".join(DIGITS[v] for v in values)


def token_code(t, one, two):
    """Digits of token t: one digit below `one`, two with a first digit in [one, two),
    three with a first digit in [two, BASE); the decoder is read_token()."""
    if t < one:
        return [t]
    t -= one
    if t < (two - one) * BASE:
        return [one + t // BASE, t % BASE]
    t -= (two - one) * BASE
    assert two + t // (BASE * BASE) < BASE
    return [two + t // (BASE * BASE), t // BASE % BASE, t % BASE]


def best_code_split(counts, ntokens):
    """The (one, two) that make the phrasebook shortest and can code every token."""
    best = None
    for one in range(1, BASE):
        for two in range(one + 1, BASE):
            if one + (two - one) * BASE + (BASE - two) * BASE * BASE < ntokens:
                continue
            size = sum(n * len(token_code(t, one, two)) for t, n in counts.items())
            if best is None or size < best[0]:
                best = (size, one, two)
    return best[1], best[2]


def literal(text, width=100):
    return "\n".join('    "%s"' % text[i:i + width] for i in range(0, len(text), width))


def name_hash(name):
    """FNV-1a over the ASCII-upper-cased bytes; name_hash() in the C file."""
    h = 2166136261
    for b in name.upper().encode("ascii"):
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h


def is_prime(n):
    return n > 1 and all(n % d for d in range(2, int(n ** 0.5) + 1))


def ranges(cps):
    out = []
    for cp in cps:
        if out and out[-1][1] == cp - 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


def numbers(values, per_line=16):
    values = list(values)
    return "\n".join("    " + ",".join(str(v) for v in values[i:i + per_line]) + ","
                     for i in range(0, len(values), per_line))


def main():
    chars, cjk = [], []
    longest = 0
    for cp in range(0x110000):
        name = unicodedata.name(chr(cp), None)
        if name is None:
            continue
        longest = max(longest, len(name))
        if is_algorithmic(cp, name):
            if not HANGUL_BASE <= cp <= HANGUL_END:
                cjk.append(cp)
        else:
            chars.append((cp, name))
    alias_list = aliases()
    named_sequences()  # checked only: they are not stored
    names = [n for _, n in chars] + [n for n, _ in alias_list]
    longest = max([longest] + [len(n) for n in names])
    assert len(set(names)) == len(names)
    assert all(set(n) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -") for n in names)

    # Lexicon, most frequent tokens first so that they get the shortest codes.
    split = [tokens(n) for n in names]
    for n, t in zip(names, split):
        assert join(t) == n, n
    freq = Counter(t for ts in split for t in ts)
    lex = sorted(freq, key=lambda t: (-freq[t], t))
    index = {t: i for i, t in enumerate(lex)}
    assert all(0 < len(t) < BASE for t in lex)
    lexicon = "".join(lex)
    lexicon_len = [len(t) for t in lex]
    lexicon_offset = [sum(lexicon_len[:i]) for i in range(0, len(lex), CHECKPOINT)]

    # Name records, each sharing a token prefix with the previous name of its block.
    records = []
    for i, ts in enumerate(split):
        shared = 0
        if i % CHECKPOINT:
            prev = split[i - 1]
            while shared < min(len(ts), len(prev)) and ts[shared] == prev[shared]:
                shared += 1
        assert len(ts) - shared < BASE
        records.append((shared, [index[t] for t in ts[shared:]]))
    counts = Counter(t for _, rest in records for t in rest)
    one, two = best_code_split(counts, len(lex))
    phrasebook, phrasebook_offset = [], []
    for i, (shared, rest) in enumerate(records):
        if i % CHECKPOINT == 0:
            phrasebook_offset.append(len(phrasebook))
        phrasebook += [shared, len(rest)]
        for t in rest:
            phrasebook += token_code(t, one, two)

    runs = []
    next_id = 0
    for lo, hi in ranges([cp for cp, _ in chars]):
        runs.append((lo, hi, next_id))
        next_id += hi - lo + 1

    assert len(names) < BASE ** 3  # hash_table entries are three digits
    size = len(names) * 5 // 4
    while not is_prime(size):
        size += 1
    table = [0] * size
    for i, n in enumerate(names):
        h = name_hash(n)
        slot, step = h % size, 1 + (h >> 16) % (size - 1)
        while table[slot]:
            slot = (slot + step) % size
        table[slot] = i + 1

    print(f"""/* Generated by tools/gen_unicode_names.py from Python {sys.version.split()[0]}
 * (Unicode {unicodedata.unidata_version}). Do not edit. The table format is described in
 * the generator's docstring. */
/* clang-format off */
#include "unicode_names.h"

#include <string.h>

#define NCHARS {len(chars)}u
#define NALIASES {len(alias_list)}u
#define BASE {BASE}u
#define ONE_DIGIT {one}u /* token codes: see token_code() in the generator */
#define TWO_DIGITS {two}u
#define CHECKPOINT {CHECKPOINT}u
#define HASH_SIZE {size}u
#define LONGEST_NAME {longest}u

_Static_assert(LONGEST_NAME < WF_UNICODE_NAME_SIZE, "WF_UNICODE_NAME_SIZE too small");

/* The tokens, concatenated. */
static const char lexicon[] =
{literal(lexicon)};

/* The length of each token, one digit each. */
static const char lexicon_len[] =
{literal(digits(lexicon_len))};

/* Where token i * CHECKPOINT starts in lexicon. */
static const uint32_t lexicon_offset[{len(lexicon_offset)}] = {{
{numbers(lexicon_offset)}
}};

/* Name records: shared, count, then count token codes (digits). */
static const char phrasebook[] =
{literal(digits(phrasebook))};

/* Where the record of name i * CHECKPOINT starts in phrasebook. */
static const uint32_t phrasebook_offset[{len(phrasebook_offset)}] = {{
{numbers(phrasebook_offset)}
}};

typedef struct name_run {{
    uint32_t lo, hi; /* code points lo..hi have stored names */
    uint32_t first;  /* the id of lo's name */
}} name_run;

static const name_run runs[{len(runs)}] = {{
{chr(10).join(f"    {{0x{lo:X},0x{hi:X},{first}}}," for lo, hi, first in runs)}
}};

static const uint32_t alias_target[NALIASES] = {{
{numbers(cp for _, cp in alias_list)}
}};

/* Three digits per slot: a name id + 1, or 0 for an empty slot. */
static const char hash_table[] =
{literal(digits(d for v in table for d in (v // BASE // BASE, v // BASE % BASE, v % BASE)), 102)};

typedef struct cp_range {{
    uint32_t lo, hi;
}} cp_range;

/* Code points named CJK UNIFIED IDEOGRAPH-<hex>. */
static const cp_range cjk_unified[] = {{
{chr(10).join(f"    {{0x{lo:X},0x{hi:X}}}," for lo, hi in ranges(cjk))}
}};

#define NRUNS (sizeof runs / sizeof runs[0])
#define NCJK (sizeof cjk_unified / sizeof cjk_unified[0])""")
    print(f"""
static const char *const hangul_l[{len(JAMO_L)}] = {{{", ".join('"%s"' % j for j in JAMO_L)}}};
static const char *const hangul_v[{len(JAMO_V)}] = {{{", ".join('"%s"' % j for j in JAMO_V)}}};
static const char *const hangul_t[{len(JAMO_T)}] = {{{", ".join('"%s"' % j for j in JAMO_T)}}};""")
    sys.stdout.write(CODE)


CODE = r"""

#define HANGUL_BASE 0xAC00u
#define HANGUL_END 0xD7A3u
#define HANGUL_PREFIX "HANGUL SYLLABLE "
#define CJK_PREFIX "CJK UNIFIED IDEOGRAPH-"

/* ---- Stored names ---------------------------------------------------------------------- */

/* The value of a table digit: its rank among the DIGITS of the generator. */
static uint32_t digit(char c)
{
    return (uint32_t)(c - ' ') - (c > '"') - (c > '?') - (c > '\\');
}

/* Reads one token code at *p (token_code() in the generator), advancing *p. */
static uint32_t read_token(const char **p)
{
    uint32_t d = digit(*(*p)++);
    if (d < ONE_DIGIT)
        return d;
    if (d < TWO_DIGITS)
        return ONE_DIGIT + (d - ONE_DIGIT) * BASE + digit(*(*p)++);
    uint32_t t = ONE_DIGIT + (TWO_DIGITS - ONE_DIGIT) * BASE + (d - TWO_DIGITS) * BASE * BASE;
    t += digit(*(*p)++) * BASE;
    return t + digit(*(*p)++);
}

/* Writes stored name id, NUL-terminated, into buf (WF_UNICODE_NAME_SIZE bytes); returns
 * its length. Decodes the records from id's checkpoint on, each keeping a prefix of the
 * previous one's tokens; then joins the tokens with a space, except on either side of a
 * "-" token. */
static size_t decode_name(uint32_t id, char *buf)
{
    uint16_t toks[WF_UNICODE_NAME_SIZE];
    size_t ntoks = 0, n = 0;
    const char *p = phrasebook + phrasebook_offset[id / CHECKPOINT];
    for (uint32_t i = id % CHECKPOINT;; i--) {
        ntoks = digit(*p++);
        uint32_t count = digit(*p++);
        while (count-- > 0)
            toks[ntoks++] = (uint16_t)read_token(&p);
        if (i == 0)
            break;
    }
    bool after_hyphen = false;
    for (size_t k = 0; k < ntoks; k++) {
        uint32_t t = toks[k];
        const char *w = lexicon + lexicon_offset[t / CHECKPOINT];
        for (uint32_t j = t - t % CHECKPOINT; j < t; j++)
            w += digit(lexicon_len[j]);
        size_t len = digit(lexicon_len[t]);
        bool hyphen = len == 1 && w[0] == '-';
        if (n > 0 && !hyphen && !after_hyphen)
            buf[n++] = ' ';
        memcpy(buf + n, w, len);
        n += len;
        after_hyphen = hyphen;
    }
    buf[n] = '\0';
    return n;
}

/* The run holding code point cp, or NULL when cp has no stored name. */
static const name_run *run_of(uint32_t cp)
{
    size_t lo = 0, hi = NRUNS;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < runs[mid].lo)
            hi = mid;
        else if (cp > runs[mid].hi)
            lo = mid + 1;
        else
            return &runs[mid];
    }
    return NULL;
}

/* The code point that stored name id names (a character's or an alias's). */
static uint32_t code_point_of(uint32_t id)
{
    if (id >= NCHARS)
        return alias_target[id - NCHARS];
    size_t lo = 0, hi = NRUNS; /* the last run whose first id is <= id */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (runs[mid].first <= id)
            lo = mid;
        else
            hi = mid;
    }
    return runs[lo].lo + (id - runs[lo].first);
}

static unsigned char ascii_upper(unsigned char c)
{
    return c >= 'a' && c <= 'z' ? (unsigned char)(c - 'a' + 'A') : c;
}

/* FNV-1a over the bytes folded to ASCII upper case; name_hash() in the generator. */
static uint32_t name_hash(const char *name, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ ascii_upper((unsigned char)name[i])) * 16777619u;
    return h;
}

/* Looks name up among the stored names and aliases, ignoring ASCII case. */
static bool stored_lookup(const char *name, size_t len, uint32_t *cp)
{
    if (len == 0 || len > LONGEST_NAME)
        return false;
    uint32_t h = name_hash(name, len);
    uint32_t slot = h % HASH_SIZE, step = 1 + (h >> 16) % (HASH_SIZE - 1);
    for (;;) {
        const char *e = hash_table + 3 * slot;
        uint32_t entry = (digit(e[0]) * BASE + digit(e[1])) * BASE + digit(e[2]);
        if (entry == 0)
            return false;
        char buf[WF_UNICODE_NAME_SIZE];
        if (decode_name(entry - 1, buf) == len) {
            size_t i = 0;
            while (i < len && ascii_upper((unsigned char)name[i]) == (unsigned char)buf[i])
                i++;
            if (i == len) {
                *cp = code_point_of(entry - 1);
                return true;
            }
        }
        slot = (slot + step) % HASH_SIZE;
    }
}

/* ---- Algorithmic names ----------------------------------------------------------------- */

static bool is_cjk_unified(uint32_t cp)
{
    for (size_t i = 0; i < NCJK; i++)
        if (cp >= cjk_unified[i].lo && cp <= cjk_unified[i].hi)
            return true;
    return false;
}

static size_t append(char *buf, size_t n, const char *s)
{
    size_t len = strlen(s);
    memcpy(buf + n, s, len);
    return n + len;
}

static size_t hangul_name(uint32_t cp, char *buf)
{
    uint32_t s = cp - HANGUL_BASE;
    size_t n = append(buf, 0, HANGUL_PREFIX);
    n = append(buf, n, hangul_l[s / (28 * 21)]);
    n = append(buf, n, hangul_v[s / 28 % 21]);
    n = append(buf, n, hangul_t[s % 28]);
    buf[n] = '\0';
    return n;
}

static size_t cjk_name(uint32_t cp, char *buf)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = append(buf, 0, CJK_PREFIX);
    int digits = cp > 0xFFFF ? 5 : 4;
    for (int i = digits - 1; i >= 0; i--)
        buf[n++] = hex[(cp >> (4 * i)) & 0xF];
    buf[n] = '\0';
    return n;
}

/* CPython's find_syllable: the longest entry of table that starts s (case-sensitive),
 * or -1; *used receives its length (0 when none). */
static int find_syllable(const char *s, size_t len, const char *const *table, int count,
                         size_t *used)
{
    int best = -1;
    size_t best_len = 0;
    for (int i = 0; i < count; i++) {
        size_t n = strlen(table[i]);
        if (best >= 0 && n <= best_len)
            continue;
        if (n <= len && memcmp(s, table[i], n) == 0) {
            best = i;
            best_len = n;
        }
    }
    *used = best_len;
    return best;
}

/* The syllable after "HANGUL SYLLABLE ": greedy L, then V, then T, using all of s. */
static bool hangul_lookup(const char *s, size_t len, uint32_t *cp)
{
    size_t used;
    int l = find_syllable(s, len, hangul_l, 19, &used);
    s += used, len -= used;
    int v = find_syllable(s, len, hangul_v, 21, &used);
    s += used, len -= used;
    int t = find_syllable(s, len, hangul_t, 28, &used);
    len -= used;
    if (l < 0 || v < 0 || t < 0 || len != 0)
        return false;
    *cp = HANGUL_BASE + ((uint32_t)l * 21 + (uint32_t)v) * 28 + (uint32_t)t;
    return true;
}

/* The digits after "CJK UNIFIED IDEOGRAPH-": four or five upper-case hex digits naming
 * a unified ideograph. */
static bool cjk_lookup(const char *s, size_t len, uint32_t *cp)
{
    if (len != 4 && len != 5)
        return false;
    uint32_t v = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9')
            v = v * 16 + (uint32_t)(c - '0');
        else if (c >= 'A' && c <= 'F')
            v = v * 16 + (uint32_t)(c - 'A' + 10);
        else
            return false;
    }
    if (!is_cjk_unified(v))
        return false;
    *cp = v;
    return true;
}

static bool has_prefix(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    return len >= n && memcmp(s, prefix, n) == 0;
}

/* ---- API ------------------------------------------------------------------------------- */

bool wf_unicode_lookup(const char *name, size_t len, uint32_t *cp)
{
    /* As CPython's _getcode: the two algorithmic prefixes are matched case-sensitively,
     * and a name with one of them never falls through to the stored names. */
    if (has_prefix(name, len, HANGUL_PREFIX))
        return hangul_lookup(name + strlen(HANGUL_PREFIX), len - strlen(HANGUL_PREFIX), cp);
    if (has_prefix(name, len, CJK_PREFIX))
        return cjk_lookup(name + strlen(CJK_PREFIX), len - strlen(CJK_PREFIX), cp);
    return stored_lookup(name, len, cp);
}

size_t wf_unicode_name(uint32_t cp, char *buf, size_t size)
{
    char name[WF_UNICODE_NAME_SIZE];
    size_t n;
    if (cp >= HANGUL_BASE && cp <= HANGUL_END) {
        n = hangul_name(cp, name);
    } else if (is_cjk_unified(cp)) {
        n = cjk_name(cp, name);
    } else {
        const name_run *run = run_of(cp);
        if (!run)
            return 0;
        n = decode_name(run->first + (cp - run->lo), name);
    }
    if (size > 0) {
        size_t m = n < size ? n : size - 1;
        memcpy(buf, name, m);
        buf[m] = '\0';
    }
    return n;
}
"""

if __name__ == "__main__":
    main()
