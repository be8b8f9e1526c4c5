/* The all-threads list, shared by threading/thread.c (which adds and removes) and
 * threading/stw.c (which walks it). Internal to threading/. */
#ifndef WF_REGISTRY_H
#define WF_REGISTRY_H

#include "threads.h"

/* Guards wf_threads_head, every wf_thread's next/prev, and the stop-the-world state.
 * Held briefly, never across a wait: a wf_mutex_lock_internal lock. */
extern wf_mutex wf_head_lock;
extern wf_thread *wf_threads_head;

/* stw.c, called with wf_head_lock held: */
int wf_stw_initial_state_locked(void);        /* state for a thread joining the list now */
void wf_stw_thread_gone_locked(wf_thread *t); /* t leaves the list now */

/* The eval breaker saw WF_EB_STOP_THE_WORLD: park until the world restarts. */
void wf_stw_park(wf_thread *t);

#endif
