/* Critical sections: slow paths, suspension and resumption (see critical_section.h).
 *
 * A section is pushed before its mutexes are locked (with mutex fields NULL), so if
 * the lock has to wait and the thread detaches, suspending releases every outer
 * section while this one holds nothing yet. */
#include "critical_section.h"

_Static_assert(_Alignof(wf_critical_section) >= 4, "two tag bits in the stack pointer");

static wf_critical_section *untag(uintptr_t p)
{
    return (wf_critical_section *)(p & ~WF_CS_MASK);
}

static bool top_holds(wf_thread *t, wf_mutex *m)
{
    uintptr_t top = t->critical_section;
    if (!top)
        return false;
    if (untag(top)->mutex == m)
        return true;
    return (top & WF_CS_TWO) && ((wf_critical_section2 *)untag(top))->mutex2 == m;
}

void wf_cs_begin_slow(wf_thread *t, wf_critical_section *c, wf_mutex *m)
{
    if (top_holds(t, m)) {
        c->mutex = NULL;
        c->prev = 0;
        return;
    }
    c->mutex = NULL;
    c->prev = t->critical_section;
    t->critical_section = (uintptr_t)c;
    wf_mutex_lock(m);
    c->mutex = m;
}

void wf_cs2_begin_slow(wf_thread *t, wf_critical_section2 *c, wf_mutex *m1, wf_mutex *m2,
                       bool m1_locked)
{
    c->base.mutex = NULL;
    c->mutex2 = NULL;
    c->base.prev = t->critical_section;
    t->critical_section = (uintptr_t)c | WF_CS_TWO;
    if (!m1_locked)
        wf_mutex_lock(m1);
    c->base.mutex = m1; /* recorded before waiting for m2, so a suspension releases it */
    wf_mutex_lock(m2);
    c->mutex2 = m2;
}

/* Release the mutexes of every active section, innermost first, marking each inactive.
 * Called when the thread detaches. */
void wf_cs_suspend_all(wf_thread *t)
{
    uintptr_t *tag = &t->critical_section;
    while (*tag && !(*tag & WF_CS_INACTIVE)) {
        wf_critical_section *c = untag(*tag);
        if (c->mutex) {
            wf_mutex_unlock(c->mutex);
            if ((*tag & WF_CS_TWO) && ((wf_critical_section2 *)c)->mutex2)
                wf_mutex_unlock(((wf_critical_section2 *)c)->mutex2);
        }
        *tag |= WF_CS_INACTIVE;
        tag = &c->prev;
    }
}

/* Re-lock the innermost section after the thread re-attaches (or after the section
 * above it ended). Its mutex fields are cleared while we wait, so a nested
 * suspend-and-resume inside wf_mutex_lock finds nothing to release or re-take. */
void wf_cs_resume(wf_thread *t)
{
    uintptr_t top = t->critical_section;
    wf_critical_section *c = untag(top);
    WF_ASSERT(top & WF_CS_INACTIVE);
    wf_mutex *m1 = c->mutex, *m2 = NULL;
    c->mutex = NULL;
    wf_critical_section2 *c2 = (top & WF_CS_TWO) ? (wf_critical_section2 *)c : NULL;
    if (c2) {
        m2 = c2->mutex2;
        c2->mutex2 = NULL;
    }
    if (m1)
        wf_mutex_lock(m1);
    c->mutex = m1; /* recorded before waiting for m2, so a suspension there releases it */
    if (m2)
        wf_mutex_lock(m2);
    if (c2)
        c2->mutex2 = m2;
    t->critical_section &= ~WF_CS_INACTIVE;
}
