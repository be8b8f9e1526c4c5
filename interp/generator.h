/* Generators: a suspended frame plus the send/throw/close protocol. The generator owns
 * its heap frame (interp/frame.h). A generator is run by one thread at a time:
 * "generator already executing" (ValueError) for a second one, checked with an atomic
 * flag. */
#ifndef WF_GENERATOR_H
#define WF_GENERATOR_H

#include "interp/frame.h"

extern wf_type wf_generator_type;

typedef struct wf_generator {
    wf_object ob;
    wf_frame *frame; /* NULL once finished and released */
    wf_code *code;   /* immortal */
    _Atomic bool running;
    wf_value name, qualname;
    /* The exception the generator's own except/finally blocks were handling when it
     * last yielded (owned), swapped into t->handled while it runs, so it neither leaks
     * into its caller nor loses its own. */
    struct wf_object *handled;
} wf_generator;

static inline bool wf_generator_check(wf_value v)
{
    return wf_is_object(v) && wf_to_object(v)->ob_type == &wf_generator_type;
}

/* A generator for frame f (which it takes over), not started. */
wf_value wf_generator_new(wf_thread *t, wf_frame *f);

/* Resume with value v (None for next()). Returns the yielded value with *done false;
 * when the generator returns, its return value with *done true (no StopIteration is
 * raised); 0 with an exception on error. */
wf_value wf_generator_send(wf_thread *t, wf_value gen, wf_value v, bool *done);

#endif
