/* The eval breaker: one word of request bits per thread, handled by the thread itself
 * at its next check (backward jumps and calls in the evaluation loop). */
#include "../runtime/qsbr.h"
#include "../runtime/tracked.h"
#include "registry.h"

/* Bits handled here; signal, async-exception and GC bits stay set for the layers
 * above, which handle them in their own check. */
#define HANDLED (WF_EB_STOP_THE_WORLD | WF_EB_MERGE_REFCOUNTS | WF_EB_QSBR | WF_EB_TRACKED)

void wf_eval_breaker_handle(wf_thread *t)
{
    /* acquire: pairs with the release in wf_eval_breaker_set, so whatever the setter
     * published (a stop request, queued objects) is visible now */
    uintptr_t bits =
        atomic_fetch_and_explicit(&t->eval_breaker, ~(uintptr_t)HANDLED, memory_order_acquire);
    if (bits & WF_EB_STOP_THE_WORLD)
        wf_stw_park(t);
    if (bits & WF_EB_MERGE_REFCOUNTS)
        wf_brc_merge(t);
    if (bits & WF_EB_TRACKED)
        wf_tracked_drain(t);
    if (bits & WF_EB_QSBR) {
        wf_qsbr_quiescent(t);
        if (wf_qsbr_waiting())
            wf_eval_breaker_set(t, WF_EB_QSBR); /* report again: see runtime/qsbr.h */
        if (wf_qsbr_backlog_bytes() > WF_QSBR_BACKLOG_BYTES) {
            /* too much memory waits for grace periods: wait for them, detached */
            wf_thread_detach(t);
            wf_qsbr_drain();
            wf_thread_attach(t);
        }
    }
}
