/* Critical sections: per-object locking that cannot deadlock on nesting.
 *
 * WF_BEGIN_CRITICAL_SECTION(t, obj) locks obj's ob_mutex for the enclosed block; the
 * two-object form locks two objects in address order. Active sections form a stack on
 * the thread (t->critical_section, a tagged pointer to the innermost one, which lives
 * on the C stack). Whenever the thread would block — waiting for another mutex,
 * detaching for I/O or a stop-the-world — it first releases the mutexes of all its
 * sections (suspend) and marks them inactive; on re-attaching only the innermost is
 * re-locked, and outer ones are re-locked as inner ones end. So a thread never waits
 * while holding a per-object lock, which is what rules out lock-order deadlocks.
 * The price: a section's object may change while the thread was blocked inside it.
 *
 * Locking an object already locked by the innermost section is a no-op. */
#ifndef WF_CRITICAL_SECTION_H
#define WF_CRITICAL_SECTION_H

#include "mutex.h"
#include "thread.h"

typedef struct wf_critical_section {
    uintptr_t prev; /* tagged pointer to the enclosing section, or 0 */
    wf_mutex *mutex;
} wf_critical_section;

typedef struct wf_critical_section2 {
    wf_critical_section base;
    wf_mutex *mutex2;
} wf_critical_section2;

#define WF_CS_INACTIVE ((uintptr_t)1) /* tag: the section's mutexes are released */
#define WF_CS_TWO      ((uintptr_t)2) /* tag: the section is a wf_critical_section2 */
#define WF_CS_MASK     ((uintptr_t)3)

void wf_cs_begin_slow(wf_thread *t, wf_critical_section *c, wf_mutex *m);
void wf_cs2_begin_slow(wf_thread *t, wf_critical_section2 *c, wf_mutex *m1, wf_mutex *m2,
                       bool m1_locked);
void wf_cs_resume(wf_thread *t);
void wf_cs_suspend_all(wf_thread *t);

static inline void wf_cs_begin(wf_thread *t, wf_critical_section *c, wf_mutex *m)
{
    if (wf_mutex_trylock(m)) {
        c->mutex = m;
        c->prev = t->critical_section;
        t->critical_section = (uintptr_t)c;
    } else {
        wf_cs_begin_slow(t, c, m);
    }
}

static inline void wf_cs_pop(wf_thread *t, wf_critical_section *c)
{
    t->critical_section = c->prev;
    if (c->prev & WF_CS_INACTIVE)
        wf_cs_resume(t);
}

static inline void wf_cs_end(wf_thread *t, wf_critical_section *c)
{
    if (c->mutex == NULL)
        return; /* the recursive no-op form: nothing was pushed */
    wf_mutex_unlock(c->mutex);
    wf_cs_pop(t, c);
}

static inline void wf_cs2_begin(wf_thread *t, wf_critical_section2 *c, wf_mutex *m1, wf_mutex *m2)
{
    if (m1 == m2) {
        c->mutex2 = NULL;
        wf_cs_begin(t, &c->base, m1);
        return;
    }
    if ((uintptr_t)m2 < (uintptr_t)m1) {
        wf_mutex *tmp = m1;
        m1 = m2;
        m2 = tmp;
    }
    if (wf_mutex_trylock(m1)) {
        if (wf_mutex_trylock(m2)) {
            c->base.mutex = m1;
            c->mutex2 = m2;
            c->base.prev = t->critical_section;
            t->critical_section = (uintptr_t)c | WF_CS_TWO;
        } else {
            wf_cs2_begin_slow(t, c, m1, m2, true);
        }
    } else {
        wf_cs2_begin_slow(t, c, m1, m2, false);
    }
}

static inline void wf_cs2_end(wf_thread *t, wf_critical_section2 *c)
{
    if (c->base.mutex == NULL)
        return;
    if (c->mutex2)
        wf_mutex_unlock(c->mutex2);
    wf_mutex_unlock(c->base.mutex);
    wf_cs_pop(t, &c->base);
}

/* Nested sections in one function reuse the names _wf_cs/_wf_cs2 in inner blocks, on
 * purpose: the shadowing warning is silenced for that one declaration. */
#define WF_CS_DECLARE(type, name)                                                                  \
    _Pragma("GCC diagnostic push") _Pragma("GCC diagnostic ignored \"-Wshadow\"") type name;       \
    _Pragma("GCC diagnostic pop")

#define WF_BEGIN_CRITICAL_SECTION(t, obj)                                                          \
    {                                                                                              \
        WF_CS_DECLARE(wf_critical_section, _wf_cs)                                                 \
        wf_cs_begin((t), &_wf_cs, &(obj)->ob_mutex)

#define WF_END_CRITICAL_SECTION(t)                                                                 \
    wf_cs_end((t), &_wf_cs);                                                                       \
    }

#define WF_BEGIN_CRITICAL_SECTION2(t, a, b)                                                        \
    {                                                                                              \
        WF_CS_DECLARE(wf_critical_section2, _wf_cs2)                                               \
        wf_cs2_begin((t), &_wf_cs2, &(a)->ob_mutex, &(b)->ob_mutex)

#define WF_END_CRITICAL_SECTION2(t)                                                                \
    wf_cs2_end((t), &_wf_cs2);                                                                     \
    }

#endif
