/* A bump allocator for one compilation: the AST and the parser's scratch data are
 * allocated here and freed all at once. */
#ifndef WF_ARENA_H
#define WF_ARENA_H

#include <stddef.h>

typedef struct wf_arena_chunk wf_arena_chunk;

typedef struct wf_arena {
    wf_arena_chunk *chunks;
    char *cur, *end;
} wf_arena;

void wf_arena_init(wf_arena *a);
void wf_arena_fini(wf_arena *a);
/* n zeroed bytes, 16-byte aligned; NULL when out of memory. */
void *wf_arena_alloc(wf_arena *a, size_t n);
/* A copy of the n bytes at s, NUL-terminated. */
char *wf_arena_strndup(wf_arena *a, const char *s, size_t n);

#endif
