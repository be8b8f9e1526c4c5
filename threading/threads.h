/* Thread states and the world: the threading layer's interface.
 *
 * A thread state (wf_thread) belongs to one OS thread, which creates it, attaches it
 * before touching objects, detaches it around anything that blocks, and deletes it
 * when done. States: DETACHED -> ATTACHED by wf_thread_attach (waits while the world
 * is stopped); ATTACHED -> DETACHED by wf_thread_detach; any -> SUSPENDED only while
 * a stop-the-world is in force (the thread parked, or was detached and is held).
 *
 * Stop-the-world: wf_stop_the_world sets WF_EB_STOP_THE_WORLD in every other thread
 * and returns once each is SUSPENDED; detached threads are held suspended without
 * their help. wf_start_the_world releases them. One stop-the-world at a time. */
#ifndef WF_THREADS_H
#define WF_THREADS_H

#include "../runtime/thread.h"

/* Registers the runtime hooks; idempotent. wf_thread_new calls it. */
void wf_runtime_init(void);

/* A thread state for the calling OS thread, detached. NULL if out of memory or out
 * of tracked-list slots. */
wf_thread *wf_thread_new(void);
/* The calling thread's own state, attached, outside any critical section: merges its
 * queued objects, orphans its tracked objects, hands on its deferred frees and frees
 * the state. Objects it still owns stay valid; other threads merge them in place. */
void wf_thread_delete(wf_thread *t);
/* Set once by the interpreter layer before any thread but the first exists: frees a
 * thread's language state (frames, pending exceptions) at the start of
 * wf_thread_delete, while the thread can still drop references. */
extern void (*wf_thread_language_fini)(wf_thread *t);

void wf_thread_attach(wf_thread *t);
void wf_thread_detach(wf_thread *t);

void wf_stop_the_world(wf_thread *t);
void wf_start_the_world(wf_thread *t);
/* True if t is the thread holding the world stopped right now. */
bool wf_stw_held_by(wf_thread *t);

/* Number of thread states in existence. */
size_t wf_thread_count(void);

/* Eval breaker: checked on backward jumps and calls. */
void wf_eval_breaker_handle(wf_thread *t);
static inline void wf_eval_breaker_check(wf_thread *t)
{
    /* relaxed: a hint; wf_eval_breaker_handle takes the bits with acquire */
    if (WF_UNLIKELY(atomic_load_explicit(&t->eval_breaker, memory_order_relaxed)))
        wf_eval_breaker_handle(t);
}

/* Biased RC merge queues (threading/brc.c). */
void wf_brc_register(wf_thread *t);
void wf_brc_unregister(wf_thread *t);
void wf_brc_queue(wf_thread *t, struct wf_object *o);
void wf_brc_merge(wf_thread *t);

#endif
