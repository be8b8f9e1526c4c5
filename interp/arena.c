/* Arena allocation (see arena.h): chunks of at least 64 KiB, never freed singly. */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct wf_arena_chunk {
    wf_arena_chunk *next;
    size_t size;
    _Alignas(16) char data[];
};

#define CHUNK_SIZE (64 * 1024)

void wf_arena_init(wf_arena *a)
{
    a->chunks = NULL;
    a->cur = a->end = NULL;
}

void wf_arena_fini(wf_arena *a)
{
    while (a->chunks) {
        wf_arena_chunk *next = a->chunks->next;
        free(a->chunks);
        a->chunks = next;
    }
    a->cur = a->end = NULL;
}

void *wf_arena_alloc(wf_arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    if (n == 0)
        n = 16;
    if ((size_t)(a->end - a->cur) < n) {
        size_t size = n > CHUNK_SIZE ? n : CHUNK_SIZE;
        wf_arena_chunk *c = malloc(sizeof *c + size);
        if (!c)
            return NULL;
        c->next = a->chunks;
        c->size = size;
        a->chunks = c;
        a->cur = c->data;
        a->end = c->data + size;
    }
    void *p = a->cur;
    a->cur += n;
    memset(p, 0, n);
    return p;
}

char *wf_arena_strndup(wf_arena *a, const char *s, size_t n)
{
    char *d = wf_arena_alloc(a, n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}
