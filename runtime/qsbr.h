/* QSBR on liburcu (urcu-qsbr flavour): memory that lock-free readers may still be
 * reading is freed only after every thread has passed a quiescent state.
 *
 * Readers: each thread is an online reader while attached, goes offline when it
 * detaches, and reports quiescent states from its eval-breaker handler. A report only
 * counts for a grace period that has already begun, and liburcu begins them on its own
 * call_rcu thread; so handing a batch on sets WF_EB_QSBR in every attached thread, and
 * a thread that handles the bit sets it again for itself while any batch still waits
 * (wf_qsbr_waiting). Running threads keep reporting until the grace period ends;
 * idle (detached) threads cost nothing.
 *
 * Writers: deferred frees collect in a per-thread batch (owner only), handed to
 * call_rcu as one unit when it holds WF_QSBR_BATCH_BYTES (about 1 MiB) or its item
 * limit, when the thread goes offline, and when it exits. Once more than
 * WF_QSBR_BACKLOG_BYTES wait in total, the eval breaker drains them (wf_qsbr_drain,
 * detached), so memory stays bounded however fast threads free.
 *
 * ThreadSanitizer cannot see a grace period: a quiescent report or going offline does
 * __tsan_release on a token, the deferred-free callback __tsan_acquire on it. */
#ifndef WF_QSBR_H
#define WF_QSBR_H

#include "thread.h"

#define WF_QSBR_BATCH_BYTES   (1u << 20)  /* about 1 MiB per thread before handing on */
#define WF_QSBR_BACKLOG_BYTES (64u << 20) /* drain when this much waits in total */

typedef void (*wf_qsbr_fn)(void *p);

void wf_qsbr_register(wf_thread *t);   /* the thread itself; leaves it offline */
void wf_qsbr_unregister(wf_thread *t); /* hands pending frees on; thread is offline */
void wf_qsbr_online(wf_thread *t);
void wf_qsbr_offline(wf_thread *t);
void wf_qsbr_quiescent(wf_thread *t);

/* Free memory from wf_mem_alloc after a grace period. */
void wf_qsbr_free(wf_thread *t, void *mem);
/* Call fn(p) after a grace period (on liburcu's call_rcu thread). */
void wf_qsbr_defer(wf_thread *t, wf_qsbr_fn fn, void *p, size_t bytes);

/* True while some batch handed on waits for its grace period. */
bool wf_qsbr_waiting(void);
/* Bytes handed to liburcu and not yet freed, all threads together. */
size_t wf_qsbr_backlog_bytes(void);
/* Wait until every free handed on so far has run. The caller must not be an online
 * reader: it is detached, or has no thread state. */
void wf_qsbr_drain(void);

#endif
