/* The codec registry: which of Python's codecs (runtime/codecs_table.h) a name leads
 * to, as codecs.lookup finds it, and the encoding maps of the single-byte codecs. The
 * text codecs themselves (str.encode, bytes.decode) are in runtime/text_codecs.c; the
 * source decoder (interp/source_encoding.c) looks names up here too.
 *
 * Everything here is plain C with no thread state: the tables are immutable, and an
 * encoding map, once built, is never changed or freed. */
#ifndef WF_CODECS_H
#define WF_CODECS_H

#include <stdint.h>

#include "codecs_table.h"

/* The codec codecs.lookup(name) returns, or NULL when Python has none by that name.
 * As CPython: the name is normalized as _Py_normalize_encoding does (lowercase; each
 * run of characters other than ASCII letters, digits and '.' becomes one '_', none at
 * the start), then encodings.search_function tries the aliases (also with '.' as '_'),
 * then a module of that name. "locale" is no codec (TextIOWrapper's own word). */
const wf_codec *wf_codec_find(const char *name);

/* The inverse of a single-byte codec's decoding table: the byte each code point
 * encodes to. Two levels: page_of[cp >> 8] is the page holding cp's entry (page 0 is
 * empty); an entry is the byte + 1, or 0 when cp has no byte. Where two bytes decode
 * to the same code point the higher one wins, as in Python's tables. */
typedef struct wf_codec_encoder {
    uint16_t page_of[256];
    int ascii_identity; /* every code point below 0x80 encodes to its own value */
    uint16_t pages[][256];
} wf_codec_encoder;

/* The encoding map of codec c (which has a table), built on first use; NULL when out
 * of memory. Any thread may call it: a map is published complete, once. */
const wf_codec_encoder *wf_codec_encoder_of(const wf_codec *c);

/* The byte cp encodes to under map e, or -1 when it has none. */
static inline int wf_codec_encode_byte(const wf_codec_encoder *e, uint32_t cp)
{
    if (cp > 0xFFFF)
        return -1;
    return (int)e->pages[e->page_of[cp >> 8]][cp & 0xFF] - 1;
}

#endif
