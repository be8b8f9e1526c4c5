/* libFuzzer target for the front end: arbitrary bytes through the tokenizer and the
 * parser (and the compiler, once it exists). Any crash, sanitizer report, hang or leak
 * is a finding. Run: scripts/test.sh fuzz (60 seconds), or build/fuzz/fuzz_frontend DIR. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "interp/parser.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The tokenizer alone: a token stream ends; bound it anyway so a tokenizer that stops
 * advancing is reported instead of spinning. */
static void tokenize_all(const char *src, size_t size)
{
    wf_tokenizer tz;
    if (wf_tokenizer_init(&tz, src, size, "<fuzz>")) {
        wf_token tok;
        for (size_t i = 0; i <= 4 * size + 16; i++) {
            if (wf_tokenizer_next(&tz, &tok) < 0 || tok.kind == WF_TOK_ENDMARKER)
                break;
            if (i == 4 * size + 16)
                __builtin_trap();
        }
    }
    wf_tokenizer_fini(&tz);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tokenize_all((const char *)data, size);
    wf_arena arena;
    wf_arena_init(&arena);
    wf_syntax_error err;
    wf_module *m = wf_parse_module(&arena, (const char *)data, size, "<fuzz>", &err);
    if (m)
        free(wf_ast_dump(m)); /* walk the whole tree */
    wf_arena_fini(&arena);
    return 0;
}
