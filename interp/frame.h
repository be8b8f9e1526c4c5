/* Frames: the state of one running (or suspended) Python code object.
 *
 * Layout: the header, then localsplus[] — the code's nlocalsplus variable slots
 * followed by its value stack (stacksize slots). Frames of ordinary calls come from
 * the thread's frame stack (t->frames), a list of large chunks used last-in first-out,
 * so a call allocates by bumping a pointer. Generator frames outlive the call that
 * made them and are allocated on their own (wf_frame_new_heap).
 *
 * A frame belongs to the thread running it; only that thread touches it. */
#ifndef WF_FRAME_H
#define WF_FRAME_H

#include "interp/code.h"
#include "runtime/object.h"

#define WF_MAX_BLOCKS 20 /* the compiler's WF_MAX_FBLOCKS bounds the nesting */

/* An active SETUP_FINALLY/SETUP_CLEANUP: where to go, and the stack depth to cut to. */
typedef struct wf_block {
    int handler; /* code unit offset */
    int level;
} wf_block;

enum wf_frame_state {
    WF_FRAME_CREATED, /* not started */
    WF_FRAME_RUNNING,
    WF_FRAME_SUSPENDED, /* a generator at a yield */
    WF_FRAME_COMPLETED,
};

typedef struct wf_frame {
    struct wf_frame *previous; /* the caller while running */
    wf_code *code;
    wf_value func;     /* the function (owned), or 0 for module/exec code */
    wf_value globals;  /* dict (owned) */
    wf_value builtins; /* dict (owned) */
    wf_value locals;   /* dict for module and class bodies (owned), else 0 */
    int lasti;         /* offset of the instruction running or last run */
    int next;          /* where a suspended frame resumes */
    int stacktop;      /* value stack depth while suspended */
    int nblocks;
    enum wf_frame_state state;
    bool on_heap; /* allocated by wf_frame_new_heap */
    wf_block blocks[WF_MAX_BLOCKS];
    wf_value localsplus[];
} wf_frame;

/* A frame for code with all slots empty, from t's frame stack; NULL with MemoryError.
 * globals/builtins/locals are borrowed (references are taken). */
wf_frame *wf_frame_push(wf_thread *t, wf_code *code, wf_value globals, wf_value builtins,
                        wf_value locals);
/* The same, allocated on its own for a generator. */
wf_frame *wf_frame_new_heap(wf_thread *t, wf_code *code, wf_value globals, wf_value builtins,
                            wf_value locals);
/* Release the frame's references (slots and the live part of the stack) and its memory;
 * for stack frames f must be the most recently pushed. */
void wf_frame_release(wf_thread *t, wf_frame *f);
/* Drop every value of the frame (slots and stack) but keep the memory. */
void wf_frame_clear(wf_thread *t, wf_frame *f);

/* The value stack of f. */
static inline wf_value *wf_frame_stack_base(wf_frame *f)
{
    return f->localsplus + f->code->nlocalsplus;
}

/* The source line f is at. */
int wf_frame_lineno(const wf_frame *f);

/* Free the thread's frame stack (thread exit). */
void wf_frame_stack_fini(wf_thread *t);

#endif
