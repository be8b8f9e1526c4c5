/* Frame allocation: the per-thread frame stack (chunks used LIFO) and heap frames for
 * generators. */
#include "interp/frame.h"

#include <string.h>

#include "runtime/abstract.h"
#include "runtime/alloc.h"
#include "runtime/error.h"

#define CHUNK_SIZE ((size_t)256 * 1024)

/* A chunk of frame memory. Frames are carved from [data, data + size) in call order;
 * `top` is the first free byte. One spare chunk is kept after a chunk empties, so a
 * call depth oscillating around a chunk boundary does not allocate each time. */
typedef struct wf_frame_chunk {
    struct wf_frame_chunk *prev;
    size_t size;
    char *top;
    _Alignas(16) char data[];
} wf_frame_chunk;

struct wf_frame_stack {
    wf_frame_chunk *cur;
    wf_frame_chunk *spare;
};

static size_t frame_size(const wf_code *code)
{
    size_t n =
        sizeof(wf_frame) + ((size_t)code->nlocalsplus + (size_t)code->stacksize) * sizeof(wf_value);
    return (n + 15) & ~(size_t)15;
}

static void frame_init(wf_thread *t, wf_frame *f, wf_code *code, wf_value globals,
                       wf_value builtins, wf_value locals)
{
    /* field by field: the block stack (most of the header) needs only nblocks = 0 */
    f->previous = NULL;
    f->func = 0;
    f->lasti = f->next = f->stacktop = f->nblocks = 0;
    f->state = WF_FRAME_CREATED;
    f->on_heap = false;
    f->code = code;
    f->globals = wf_newref(t, globals);
    f->builtins = wf_newref(t, builtins);
    f->locals = locals ? wf_newref(t, locals) : 0;
    memset(f->localsplus, 0, (size_t)code->nlocalsplus * sizeof(wf_value));
}

static wf_frame_chunk *chunk_new(size_t need, wf_frame_chunk *prev)
{
    size_t size = need > CHUNK_SIZE ? need : CHUNK_SIZE;
    wf_frame_chunk *c = wf_raw_alloc(sizeof(wf_frame_chunk) + size);
    if (!c)
        return NULL;
    c->prev = prev;
    c->size = size;
    c->top = c->data;
    return c;
}

wf_frame *wf_frame_push(wf_thread *t, wf_code *code, wf_value globals, wf_value builtins,
                        wf_value locals)
{
    size_t need = frame_size(code);
    if (!t->frames) {
        t->frames = wf_raw_alloc(sizeof(struct wf_frame_stack));
        if (!t->frames)
            return wf_err_no_memory(t), NULL;
        t->frames->cur = t->frames->spare = NULL;
    }
    struct wf_frame_stack *fs = t->frames;
    wf_frame_chunk *c = fs->cur;
    if (!c || (size_t)(c->data + c->size - c->top) < need) {
        wf_frame_chunk *n = fs->spare;
        if (n && n->size >= need) {
            fs->spare = NULL;
            n->prev = c;
            n->top = n->data;
        } else {
            n = chunk_new(need, c);
            if (!n)
                return wf_err_no_memory(t), NULL;
        }
        fs->cur = c = n;
    }
    wf_frame *f = (wf_frame *)c->top;
    c->top += need;
    frame_init(t, f, code, globals, builtins, locals);
    return f;
}

wf_frame *wf_frame_new_heap(wf_thread *t, wf_code *code, wf_value globals, wf_value builtins,
                            wf_value locals)
{
    wf_frame *f = wf_raw_alloc(frame_size(code));
    if (!f)
        return wf_err_no_memory(t), NULL;
    frame_init(t, f, code, globals, builtins, locals);
    f->on_heap = true;
    return f;
}

void wf_frame_clear(wf_thread *t, wf_frame *f)
{
    for (int i = 0; i < f->code->nlocalsplus; i++)
        if (f->localsplus[i]) {
            wf_value v = f->localsplus[i];
            f->localsplus[i] = 0;
            wf_value_decref(t, v);
        }
    wf_value *base = wf_frame_stack_base(f);
    for (int i = 0; i < f->stacktop; i++)
        if (base[i])
            wf_value_decref(t, base[i]);
    f->stacktop = 0;
    wf_value refs[] = {f->func, f->globals, f->builtins, f->locals};
    f->func = f->globals = f->builtins = f->locals = 0;
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++)
        if (refs[i])
            wf_value_decref(t, refs[i]);
}

void wf_frame_release(wf_thread *t, wf_frame *f)
{
    wf_frame_clear(t, f);
    if (f->on_heap) {
        wf_raw_free(f);
        return;
    }
    struct wf_frame_stack *fs = t->frames;
    wf_frame_chunk *c = fs->cur;
    WF_ASSERT((char *)f >= c->data && (char *)f < c->top);
    c->top = (char *)f;
    if (c->top == c->data && c->prev) {
        fs->cur = c->prev;
        wf_raw_free(fs->spare);
        fs->spare = c;
    }
}

int wf_frame_lineno(const wf_frame *f)
{
    return wf_code_line(f->code, (size_t)f->lasti);
}

void wf_frame_stack_fini(wf_thread *t)
{
    struct wf_frame_stack *fs = t->frames;
    if (!fs)
        return;
    for (wf_frame_chunk *c = fs->cur; c;) {
        wf_frame_chunk *p = c->prev;
        wf_raw_free(c);
        c = p;
    }
    wf_raw_free(fs->spare);
    wf_raw_free(fs);
    t->frames = NULL;
}
