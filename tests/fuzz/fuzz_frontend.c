/* libFuzzer target for the front end: arbitrary bytes through the tokenizer (and, as
 * they arrive, the parser and compiler). Any crash, sanitizer report, hang or leak is a
 * finding. Run: scripts/test.sh fuzz (60 seconds), or build/fuzz/fuzz_frontend DIR. */
#include <stddef.h>
#include <stdint.h>

#include "interp/tokenizer.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wf_tokenizer tz;
    if (wf_tokenizer_init(&tz, (const char *)data, size, "<fuzz>")) {
        wf_token tok;
        /* a token stream ends; bound it anyway so a tokenizer that stops advancing is
         * reported as a failure instead of spinning */
        for (size_t i = 0; i <= 4 * size + 16; i++) {
            if (wf_tokenizer_next(&tz, &tok) < 0 || tok.kind == WF_TOK_ENDMARKER)
                break;
            if (i == 4 * size + 16)
                __builtin_trap();
        }
    }
    wf_tokenizer_fini(&tz);
    return 0;
}
