/* Unicode character names (runtime/unicode_names.h) against CPython 3.11.
 *
 * tests/unit/unicode_names_cases.txt holds what CPython computed
 * (tools/gen_unicode_names_cases.py; the line format is described there): a CRC-32 per
 * block of 256 code points over every unicodedata.name() and over every \N{} of a
 * lower-cased name, every name alias, every named sequence, and variants (case,
 * spacing, algorithmic names, invalid names) with what \N{} made of them. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/unicode_names.h"

/* ---- Helpers ---------------------------------------------------------------------------- */

/* zlib's CRC-32, continued from crc (0 to start). */
static uint32_t crc32_update(uint32_t crc, const char *s, size_t n)
{
    crc = ~crc;
    for (size_t i = 0; i < n; i++) {
        crc ^= (unsigned char)s[i];
        for (int k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
    }
    return ~crc;
}

static bool lookup(const char *name, uint32_t *cp)
{
    return wf_unicode_lookup(name, strlen(name), cp);
}

/* "%X" of what \N{name} gives, or "-" when it is rejected. */
static const char *lookup_result(const char *name, size_t len, char *out)
{
    uint32_t cp = 0xFFFFFFFFu;
    if (wf_unicode_lookup(name, len, &cp))
        snprintf(out, 16, "%X", (unsigned)cp);
    else
        snprintf(out, 16, "-");
    return out;
}

/* Undoes the generator's escapes (\\ and \xNN) into out; returns the length. */
static size_t unescape(const char *s, char *out)
{
    size_t n = 0;
    while (*s) {
        if (s[0] == '\\' && s[1] == 'x') {
            char hex[3] = {s[2], s[3], 0};
            out[n++] = (char)strtol(hex, NULL, 16);
            s += 4;
        } else if (s[0] == '\\') {
            out[n++] = s[1];
            s += 2;
        } else {
            out[n++] = *s++;
        }
    }
    out[n] = '\0';
    return n;
}

/* ---- The CPython table ------------------------------------------------------------------ */

typedef struct table {
    char *text;
    char **lines; /* the case lines (comments skipped), each NUL-terminated in text */
    size_t count;
} table;

static table cases;

/* unicode_names_cases.txt beside this source file. */
static int load_cases(void **state)
{
    (void)state;
    char path[4096];
    const char *slash = strrchr(__FILE__, '/');
    int dir = slash ? (int)(slash - __FILE__) + 1 : 0;
    snprintf(path, sizeof path, "%.*sunicode_names_cases.txt", dir, __FILE__);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "test_unicode_names: cannot open %s\n", path);
        return -1;
    }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    cases.text = malloc((size_t)size + 1);
    size_t got = fread(cases.text, 1, (size_t)size, f);
    fclose(f);
    cases.text[got] = '\0';
    size_t cap = 1;
    for (size_t i = 0; i < got; i++)
        cap += cases.text[i] == '\n';
    cases.lines = malloc(cap * sizeof *cases.lines);
    cases.count = 0;
    for (char *p = cases.text; *p;) {
        char *end = strchr(p, '\n');
        if (end)
            *end = '\0';
        if (*p && *p != '#')
            cases.lines[cases.count++] = p;
        if (!end)
            break;
        p = end + 1;
    }
    return 0;
}

static int free_cases(void **state)
{
    (void)state;
    free(cases.lines);
    free(cases.text);
    return 0;
}

/* Splits line (a copy) at tabs into exactly max fields. */
static void split(const char *line, char *copy, size_t copy_size, char **fields, int max)
{
    assert_true(strlen(line) < copy_size);
    snprintf(copy, copy_size, "%s", line);
    int n = 0;
    char *p = copy;
    fields[n++] = p;
    while (n < max && (p = strchr(p, '\t'))) {
        *p++ = '\0';
        fields[n++] = p;
    }
    assert_int_equal(n, max);
}

static void mismatch(int *failures, const char *what, const char *line, const char *got)
{
    if (++*failures <= 10)
        fprintf(stderr, "%s mismatch: case \"%.300s\" got \"%.300s\"\n", what, line, got);
}

/* ---- Tests ------------------------------------------------------------------------------ */

/* name() of every code point, and \N{} of every lower-cased name, as CPython's CRCs;
 * \N{name(c)} is c for every named c. */
static void test_every_code_point_matches_cpython(void **state)
{
    (void)state;
    int blocks = 0, named = 0, failures = 0;
    char copy[256], *f[4] = {0};
    for (size_t i = 0; i < cases.count; i++) {
        if (cases.lines[i][0] != 'B')
            continue;
        split(cases.lines[i], copy, sizeof copy, f, 4);
        uint32_t block = (uint32_t)strtoul(f[1], NULL, 16);
        uint32_t crc_names = 0, crc_lower = 0;
        for (uint32_t cp = block * 256; cp < block * 256 + 256; cp++) {
            char name[WF_UNICODE_NAME_SIZE + 1], res[16];
            size_t n = wf_unicode_name(cp, name, sizeof name);
            assert_true(n < WF_UNICODE_NAME_SIZE);
            name[n] = '\n';
            crc_names = crc32_update(crc_names, name, n + 1);
            if (n == 0)
                continue;
            named++;
            uint32_t got = 0xFFFFFFFFu;
            if (!wf_unicode_lookup(name, n, &got) || got != cp) {
                name[n] = '\0';
                mismatch(&failures, "round trip", name, lookup_result(name, n, res));
            }
            for (size_t k = 0; k < n; k++)
                if (name[k] >= 'A' && name[k] <= 'Z')
                    name[k] = (char)(name[k] - 'A' + 'a');
            lookup_result(name, n, res);
            crc_lower = crc32_update(crc_lower, res, strlen(res));
            crc_lower = crc32_update(crc_lower, "\n", 1);
        }
        char got[32];
        snprintf(got, sizeof got, "%08X\t%08X", (unsigned)crc_names, (unsigned)crc_lower);
        char want[32];
        snprintf(want, sizeof want, "%s\t%s", f[2], f[3]);
        if (strcmp(got, want) != 0)
            mismatch(&failures, "block", cases.lines[i], got);
        blocks++;
    }
    fprintf(stderr, "checked %d blocks, %d named code points\n", blocks, named);
    assert_int_equal(blocks, 0x1100);
    assert_int_equal(failures, 0);
}

/* Aliases (A), named sequences (S) and variants (L): \N{} as CPython decoded it. */
static void test_names_aliases_sequences_variants_match_cpython(void **state)
{
    (void)state;
    int counts[3] = {0}, failures = 0;
    static char copy[4096], name[4096];
    char *f[3] = {0}, res[16];
    for (size_t i = 0; i < cases.count; i++) {
        const char *kinds = "ASL", *k = strchr(kinds, cases.lines[i][0]);
        if (!k)
            continue;
        split(cases.lines[i], copy, sizeof copy, f, 3);
        size_t n = unescape(f[1], name);
        if (strcmp(lookup_result(name, n, res), f[2]) != 0)
            mismatch(&failures, "lookup", cases.lines[i], res);
        counts[k - kinds]++;
    }
    fprintf(stderr, "checked %d aliases, %d named sequences, %d variants\n", counts[0], counts[1],
            counts[2]);
    assert_int_equal(counts[0], 470);
    assert_int_equal(counts[1], 461);
    assert_true(counts[2] > 20000);
    assert_int_equal(failures, 0);
}

/* ---- Named behaviours (values printed by python3) --------------------------------------- */

static void test_names_ignore_ascii_case_but_not_spacing(void **state)
{
    (void)state;
    uint32_t cp = 0;
    assert_true(lookup("latin small letter a", &cp));
    assert_int_equal(cp, 0x61);
    assert_true(lookup("Line Feed", &cp));
    assert_int_equal(cp, 0x0A);
    assert_false(lookup("LATIN  SMALL LETTER A", &cp));
    assert_false(lookup("LATIN SMALL LETTER A ", &cp));
    assert_false(lookup("LATIN_SMALL_LETTER_A", &cp));
    assert_false(lookup("", &cp));
}

static void test_algorithmic_prefixes_are_case_sensitive(void **state)
{
    (void)state;
    uint32_t cp = 0;
    assert_true(lookup("HANGUL SYLLABLE GAG", &cp));
    assert_int_equal(cp, 0xAC01);
    assert_false(lookup("hangul syllable GA", &cp));
    assert_false(lookup("HANGUL SYLLABLE ga", &cp));
    assert_true(lookup("CJK UNIFIED IDEOGRAPH-03400", &cp));
    assert_int_equal(cp, 0x3400);
    assert_false(lookup("CJK UNIFIED IDEOGRAPH-4dbf", &cp));
    assert_false(lookup("cjk unified ideograph-3400", &cp));
    assert_true(lookup("nushu character-1b170", &cp));
    assert_int_equal(cp, 0x1B170);
    assert_false(lookup("TANGUT IDEOGRAPH-17000", &cp));
}

static void test_named_sequences_are_rejected(void **state)
{
    (void)state;
    uint32_t cp = 0x1234;
    assert_false(lookup("KEYCAP NUMBER SIGN", &cp));
    assert_int_equal(cp, 0x1234);
}

static void test_name_truncates_and_reports_full_length(void **state)
{
    (void)state;
    char buf[8];
    assert_int_equal(wf_unicode_name(0x41, buf, sizeof buf), 22); /* LATIN CAPITAL LETTER A */
    assert_string_equal(buf, "LATIN C");
    assert_int_equal(wf_unicode_name(0xAC00, buf, 0), 18); /* HANGUL SYLLABLE GA */
    assert_int_equal(wf_unicode_name(0x0A, buf, sizeof buf), 0);
    assert_int_equal(wf_unicode_name(0x110000, buf, sizeof buf), 0);
    assert_int_equal(wf_unicode_name(0xF0000, buf, sizeof buf), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_code_point_matches_cpython),
        cmocka_unit_test(test_names_aliases_sequences_variants_match_cpython),
        cmocka_unit_test(test_names_ignore_ascii_case_but_not_spacing),
        cmocka_unit_test(test_algorithmic_prefixes_are_case_sensitive),
        cmocka_unit_test(test_named_sequences_are_rejected),
        cmocka_unit_test(test_name_truncates_and_reports_full_length),
    };
    return cmocka_run_group_tests(tests, load_cases, free_cases);
}
