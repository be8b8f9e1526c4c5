/* The codec registry (runtime/codecs.h): names resolve as Python's codecs.lookup
 * resolves them, encoding maps invert the decoding tables, and a map built by several
 * threads at once is published once, complete, to all of them. */
#include "harness.h"

#include <string.h>

#include "runtime/codecs.h"

#define NTHREADS 8

/* Every thread's map for every codec with a table, to compare after the race. */
static const wf_codec_encoder *seen[NTHREADS][WF_CODECS_COUNT];

static void build_all(int index, void *arg)
{
    (void)arg;
    for (int i = 0; i < WF_CODECS_COUNT; i++)
        if (wf_codecs[i].table)
            seen[index][i] = wf_codec_encoder_of(&wf_codecs[i]);
}

static void test_maps_built_by_racing_threads_are_one_map(void **state)
{
    (void)state;
    test_run_threads(NTHREADS, build_all, NULL);
    for (int i = 0; i < WF_CODECS_COUNT; i++) {
        if (!wf_codecs[i].table)
            continue;
        assert_non_null(seen[0][i]);
        for (int k = 1; k < NTHREADS; k++)
            assert_ptr_equal(seen[k][i], seen[0][i]);
        assert_ptr_equal(wf_codec_encoder_of(&wf_codecs[i]), seen[0][i]);
    }
}

static const char *module_of(const char *name)
{
    const wf_codec *c = wf_codec_find(name);
    return c ? c->name : "(none)";
}

/* The expectations are codecs.lookup(name).name's module in CPython 3.11. */
static void test_names_normalize_as_codecs_lookup(void **state)
{
    (void)state;
    assert_string_equal(module_of("UTF8"), "utf_8");
    assert_string_equal(module_of("  utf--8  "), "utf_8");
    assert_string_equal(module_of("U8"), "utf_8");
    assert_string_equal(module_of("latin-1"), "latin_1");
    assert_string_equal(module_of("ISO8859-1"), "latin_1");
    assert_string_equal(module_of("windows-1252"), "cp1252");
    assert_string_equal(module_of("iso.8859.15"), "iso8859_15"); /* alias iso_8859_15 */
    assert_string_equal(module_of("iso8859.15"), "(none)");      /* no alias iso8859_15 */
    assert_string_equal(module_of("mac-roman"), "mac_roman");
    assert_string_equal(module_of("utf.8"), "(none)");
    assert_string_equal(module_of("utf-16-be"), "utf_16_be");
    assert_string_equal(module_of("UnicodeLittleUnmarked"), "utf_16_le");
    assert_string_equal(module_of("sjis"), "shift_jis");
    assert_string_equal(module_of("locale"), "(none)");
    assert_string_equal(module_of("aliases"), "(none)");
    assert_string_equal(module_of(""), "(none)");
    assert_string_equal(wf_codecs[WF_CODEC_INDEX_UTF_8].name, "utf_8");
    assert_string_equal(wf_codecs[WF_CODEC_INDEX_ASCII].name, "ascii");
    assert_string_equal(wf_codecs[WF_CODEC_INDEX_LATIN_1].name, "latin_1");
    assert_int_equal(wf_codec_find("rot13")->kind, WF_CODEC_NOT_TEXT);
    assert_int_equal(wf_codec_find("sjis")->kind, WF_CODEC_UNSUPPORTED);
    assert_int_equal(wf_codec_find("charmap")->kind, WF_CODEC_LATIN1);
}

static int encode(const char *codec, uint32_t cp)
{
    return wf_codec_encode_byte(wf_codec_encoder_of(wf_codec_find(codec)), cp);
}

static void test_map_inverts_the_table_higher_byte_winning(void **state)
{
    (void)state;
    assert_int_equal(encode("cp1252", 0x20AC), 0x80);
    assert_int_equal(encode("cp1252", 0x81), -1);    /* byte 0x81 is undefined */
    assert_int_equal(encode("cp1252", 0x1F600), -1); /* beyond the BMP */
    assert_int_equal(encode("cp037", 'a'), 0x81);
    assert_int_equal(encode("mac_arabic", ' '), 0xA0); /* bytes 0x20 and 0xA0 decode to ' ' */
    assert_int_equal(encode("koi8_r", 0x2500), 0x80);
    assert_true(wf_codec_encoder_of(wf_codec_find("cp1252"))->ascii_identity);
    assert_false(wf_codec_encoder_of(wf_codec_find("cp037"))->ascii_identity);
    assert_false(wf_codec_encoder_of(wf_codec_find("mac_arabic"))->ascii_identity);
    /* every defined byte comes back, or a higher byte that decodes alike */
    for (int i = 0; i < WF_CODECS_COUNT; i++) {
        const wf_codec *c = &wf_codecs[i];
        if (!c->table || c->kind == WF_CODEC_UNDEFINED)
            continue;
        const wf_codec_encoder *e = wf_codec_encoder_of(c);
        for (int b = 0; b < 256; b++) {
            if (c->table[b] == WF_CODEC_UNDEFINED_CP)
                continue;
            int back = wf_codec_encode_byte(e, c->table[b]);
            assert_true(back >= b);
            assert_int_equal(c->table[back], c->table[b]);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        /* first: the maps must not exist before the race */
        cmocka_unit_test(test_maps_built_by_racing_threads_are_one_map),
        cmocka_unit_test(test_names_normalize_as_codecs_lookup),
        cmocka_unit_test(test_map_inverts_the_table_higher_byte_winning),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
