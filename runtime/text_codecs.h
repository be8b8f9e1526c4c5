/* Python's text codecs on a codec already looked up (runtime/codecs.h), for callers
 * that look the name up once (open()'s text files). str.encode / bytes.decode, which
 * take a name, are wf_str_encode / wf_bytes_decode (runtime/bytes.h); all of them are
 * in runtime/text_codecs.c. */
#ifndef WF_TEXT_CODECS_H
#define WF_TEXT_CODECS_H

#include <stddef.h>

#include "codecs.h"
#include "object.h"

/* s encoded with codec c (any kind but WF_CODEC_NOT_TEXT) and error handler `errors`:
 * a new bytes, or NULL with the exception set. */
wf_value wf_codec_encode(wf_thread *t, const wf_codec *c, wf_value s, const char *errors);

/* data[0..n) decoded with codec c (any kind but WF_CODEC_NOT_TEXT): a new str, or NULL
 * with the exception set. */
wf_value wf_codec_decode(wf_thread *t, const wf_codec *c, const char *data, size_t n,
                         const char *errors);

#endif
