/* The codec registry (codecs.h): name lookup, then the encoding maps of single-byte
 * codecs.
 *
 * Encoding maps are built lazily, one per codec, and published in encoders[] with a
 * compare-and-swap: a thread that finds the slot empty builds a complete map and tries
 * to install it; the loser of a race frees its own and uses the winner's. A published
 * map is immutable and lives as long as the process. */
#include "codecs.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "common.h"

/* ---- Name lookup ---------------------------------------------------------------------- */

#define NAME_CAP 200 /* longest normalized name kept (no codec name comes close) */

static bool is_ascii_alnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static int compare_codec(const void *key, const void *elem)
{
    return strcmp(key, ((const wf_codec *)elem)->name);
}

static int compare_alias(const void *key, const void *elem)
{
    return strcmp(key, ((const wf_codec_alias *)elem)->alias);
}

static const wf_codec_alias *find_alias(const char *name)
{
    return bsearch(name, wf_codec_aliases, wf_codec_aliases_count, sizeof wf_codec_aliases[0],
                   compare_alias);
}

const wf_codec *wf_codec_find(const char *name)
{
    /* the spellings most calls use (str.encode() and bytes.decode() pass "utf-8"),
     * without normalizing and searching */
    static const struct {
        const char *name;
        int index;
    } common[] = {
        {"utf-8", WF_CODEC_INDEX_UTF_8},     {"utf8", WF_CODEC_INDEX_UTF_8},
        {"UTF-8", WF_CODEC_INDEX_UTF_8},     {"ascii", WF_CODEC_INDEX_ASCII},
        {"latin-1", WF_CODEC_INDEX_LATIN_1},
    };
    for (size_t i = 0; i < sizeof common / sizeof common[0]; i++)
        if (strcmp(name, common[i].name) == 0)
            return &wf_codecs[common[i].index];
    char norm[NAME_CAP + 1];
    size_t n = 0;
    bool punct = false;
    for (const char *p = name; *p && n < NAME_CAP; p++) {
        if (is_ascii_alnum(*p) || *p == '.') {
            if (punct && n > 0)
                norm[n++] = '_';
            punct = false;
            if (n < NAME_CAP)
                norm[n++] = ascii_lower(*p);
        } else {
            punct = true;
        }
    }
    norm[n] = '\0';
    const wf_codec_alias *alias = find_alias(norm);
    if (!alias) {
        char underscored[NAME_CAP + 1];
        for (size_t i = 0; i <= n; i++)
            underscored[i] = norm[i] == '.' ? '_' : norm[i];
        alias = find_alias(underscored);
    }
    if (alias)
        return &wf_codecs[alias->codec];
    if (n == 0 || strchr(norm, '.'))
        return NULL;
    return bsearch(norm, wf_codecs, WF_CODECS_COUNT, sizeof wf_codecs[0], compare_codec);
}

/* ---- Encoding maps ------------------------------------------------------------------- */

/* encoders[i] is codec wf_codecs[i]'s map, NULL until built. Written once, by the
 * compare-and-swap in wf_codec_encoder_of. */
static _Atomic(wf_codec_encoder *) encoders[WF_CODECS_COUNT];

/* A new map for c's table (wf_raw_alloc), or NULL when out of memory. */
static wf_codec_encoder *build_encoder(const wf_codec *c)
{
    bool used[256] = {false};
    size_t npages = 1; /* page 0: the empty page */
    for (int b = 0; b < 256; b++) {
        uint16_t cp = c->table[b];
        if (cp != WF_CODEC_UNDEFINED_CP && !used[cp >> 8]) {
            used[cp >> 8] = true;
            npages++;
        }
    }
    size_t size = sizeof(wf_codec_encoder) + npages * sizeof(uint16_t[256]);
    wf_codec_encoder *e = wf_raw_alloc(size);
    if (!e)
        return NULL;
    memset(e, 0, size);
    uint16_t next = 1;
    for (int hi = 0; hi < 256; hi++)
        if (used[hi])
            e->page_of[hi] = next++;
    for (int b = 0; b < 256; b++) { /* ascending: a later byte overrides an earlier one */
        uint16_t cp = c->table[b];
        if (cp != WF_CODEC_UNDEFINED_CP)
            e->pages[e->page_of[cp >> 8]][cp & 0xFF] = (uint16_t)(b + 1);
    }
    e->ascii_identity = 1;
    for (uint32_t cp = 0; cp < 0x80; cp++)
        if (wf_codec_encode_byte(e, cp) != (int)cp)
            e->ascii_identity = 0;
    return e;
}

const wf_codec_encoder *wf_codec_encoder_of(const wf_codec *c)
{
    WF_ASSERT(c->table != NULL);
    size_t i = (size_t)(c - wf_codecs);
    WF_ASSERT(i < WF_CODECS_COUNT);
    /* acquire: pairs with the release of the winning compare-and-swap below, so the
     * map's contents are visible before its pointer is used */
    wf_codec_encoder *e = atomic_load_explicit(&encoders[i], memory_order_acquire);
    if (e)
        return e;
    wf_codec_encoder *mine = build_encoder(c);
    if (!mine)
        return NULL;
    /* release on success: publishes the complete map; acquire on failure: the winner's
     * map, read into e, is complete for the same reason */
    if (atomic_compare_exchange_strong_explicit(&encoders[i], &e, mine, memory_order_acq_rel,
                                                memory_order_acquire))
        return mine;
    wf_raw_free(mine);
    return e;
}
