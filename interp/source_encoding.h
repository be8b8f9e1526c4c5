/* Source encodings (PEP 263): from the bytes of a source file to the UTF-8 text the
 * tokenizer reads, as CPython 3.11 decodes a file it runs.
 *
 * A UTF-8 byte-order mark, or a comment such as `# -*- coding: latin-1 -*-` on line 1
 * (or on line 2 after a blank or comment line), names the encoding; without either the
 * source must be UTF-8. Single-byte codecs are decoded with tables generated from
 * Python (runtime/codecs_table.c); other codecs Python knows are reported as not
 * supported yet. Failures are reported with CPython's SyntaxError messages and
 * locations, including where it reports them late (see source_encoding.c). */
#ifndef WF_SOURCE_ENCODING_H
#define WF_SOURCE_ENCODING_H

#include <stddef.h>

#include "interp/tokenizer.h"

/* Decode len bytes of source: a malloc'd, NUL-terminated UTF-8 copy without the
 * byte-order mark, with "\r\n" and lone "\r" turned into "\n", and its length in
 * *out_len. Returns NULL with *err set (filename appears in some messages) if the
 * source cannot be decoded, or out of memory. */
char *wf_source_decode(const char *src, size_t len, const char *filename, size_t *out_len,
                       wf_tok_error *err);

#endif
