/* UTF-8 decoding: one code point at a time, strict (no overlongs, no surrogates, nothing
 * above U+10FFFF), as Python's utf-8 codec. */
#ifndef WF_UTF8_H
#define WF_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decode the code point at p (p < end) into *cp; return its length in bytes, or 0 if
 * the bytes at p are not valid. `surrogates` accepts U+D800..U+DFFF encoded in three
 * bytes: weft's own strings hold lone surrogates that way (as Python's str can). */
static inline int wf_utf8_decode_ex(const char *p, const char *end, uint32_t *cp, int surrogates)
{
    const unsigned char *s = (const unsigned char *)p;
    size_t avail = (size_t)(end - p);
    unsigned c = s[0];
    int n;
    uint32_t v, min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        n = 2, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (avail < (size_t)n)
        return 0;
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (!surrogates && v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

/* Strict decoding, as Python's utf-8 codec (source text, encode/decode). */
static inline int wf_utf8_decode(const char *p, const char *end, uint32_t *cp)
{
    return wf_utf8_decode_ex(p, end, cp, 0);
}

/* Decoding of weft's internal strings, which may contain lone surrogates. */
static inline int wf_utf8_decode_str(const char *p, const char *end, uint32_t *cp)
{
    return wf_utf8_decode_ex(p, end, cp, 1);
}

/* Number of code points in [p, end) of valid UTF-8 (counts lead bytes). */
static inline size_t wf_utf8_length(const char *p, const char *end)
{
    size_t n = 0;
    for (; p < end; p++)
        n += ((unsigned char)*p & 0xC0) != 0x80;
    return n;
}

#endif
