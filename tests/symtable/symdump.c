/* symdump FILE: print weft's symbol table for FILE in the format of
 * tests/symtable/expected.py, or the SyntaxError as compile() reports it. */
#include <stdio.h>
#include <stdlib.h>

#include "interp/parser.h"
#include "interp/symtable.h"

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    *len = buf ? fread(buf, 1, (size_t)n, f) : 0;
    fclose(f);
    return buf;
}

static void print_error(const wf_syntax_error *err)
{
    static const char *const types[] = {"SyntaxError", "IndentationError", "TabError"};
    printf("%s: %s (line %d, offset %d)\n",
           err->no_memory   ? "MemoryError"
           : err->recursion ? "RecursionError"
                            : types[err->type],
           err->msg, err->lineno, err->offset);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: symdump FILE\n");
        return 2;
    }
    size_t len;
    char *src = read_file(argv[1], &len);
    if (!src) {
        perror(argv[1]);
        return 2;
    }
    wf_arena arena;
    wf_arena_init(&arena);
    wf_syntax_error err;
    wf_module *m = wf_parse_module(&arena, src, len, argv[1], &err);
    wf_symtable *st = m ? wf_symtable_build(&arena, m, &err) : NULL;
    if (st) {
        char *text = wf_symtable_dump(st);
        fputs(text ? text : "out of memory\n", stdout);
        free(text);
    } else {
        print_error(&err);
    }
    wf_arena_fini(&arena);
    free(src);
    return 0;
}
