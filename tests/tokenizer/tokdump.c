/* tokdump FILE: print weft's tokens for FILE, one per line, in the format that
 * tests/tokenizer/expected.py prints for CPython's tokenize module:
 *     LINE,COL-LINE,COL: NAME 'text'
 * or, when the tokenizer fails, the error as CPython's compile() reports it:
 *     SyntaxError: message (line L, offset O) */
#include <stdio.h>
#include <stdlib.h>

#include "interp/tokenizer.h"

/* The token text with \\, newlines, tabs and control characters escaped. */
static void print_escaped(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\')
            fputs("\\\\", stdout);
        else if (c == '\n')
            fputs("\\n", stdout);
        else if (c == '\t')
            fputs("\\t", stdout);
        else if (c < 0x20 || c == 0x7f)
            printf("\\x%02x", c);
        else
            putchar(c);
    }
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: tokdump FILE\n");
        return 2;
    }
    size_t len;
    char *src = read_file(argv[1], &len);
    if (!src) {
        perror(argv[1]);
        return 2;
    }
    static const char *const errtypes[] = {"SyntaxError", "IndentationError", "TabError"};
    wf_tokenizer tz;
    int status = 0;
    if (wf_tokenizer_init(&tz, src, len, argv[1])) {
        wf_token tok;
        do {
            if (wf_tokenizer_next(&tz, &tok) < 0) {
                status = 1;
                break;
            }
            printf("%d,%d-%d,%d: %s '", tok.lineno, tok.col, tok.end_lineno, tok.end_col,
                   wf_token_name(&tok));
            print_escaped(tok.start, tok.len);
            printf("'\n");
        } while (tok.kind != WF_TOK_ENDMARKER);
    } else {
        status = 1;
    }
    if (status)
        printf("%s: %s (line %d, offset %d)\n", errtypes[tz.error.type], tz.error.msg,
               tz.error.lineno, tz.error.offset);
    wf_tokenizer_fini(&tz);
    free(src);
    return 0;
}
