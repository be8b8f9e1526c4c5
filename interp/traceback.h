/* Tracebacks and printing exceptions as CPython 3.11's default excepthook.
 *
 * A traceback object records one frame an exception passed through: the code, the
 * instruction offset (so the line and columns come from the code's location table) and
 * the next (inner) entry. The eval loop prepends one per frame while unwinding, so the
 * head is the outermost frame. */
#ifndef WF_TRACEBACK_H
#define WF_TRACEBACK_H

#include "interp/code.h"
#include "runtime/object.h"

extern wf_type wf_traceback_type;

typedef struct wf_traceback {
    wf_object ob;
    wf_value next; /* tb_next: traceback or 0 */
    wf_code *code; /* immortal */
    int lasti;
    int lineno;
    wf_value globals, builtins; /* of the frame: NameError suggestions look there */
} wf_traceback;

/* Prepend an entry for (code, lasti) of a frame running with globals/builtins (dicts,
 * references taken) to exc's __traceback__. false on MemoryError. */
bool wf_traceback_add(wf_thread *t, wf_value exc, wf_code *code, int lasti, wf_value globals,
                      wf_value builtins);

/* A summary of a frame for Python code (tb_frame, gi_frame): f_code, f_lineno,
 * f_globals, f_builtins, f_back (None). References to globals/builtins are taken. */
extern wf_type wf_frame_summary_type;
wf_value wf_frame_summary_new(wf_thread *t, wf_code *code, int lineno, wf_value globals,
                              wf_value builtins);

/* CPython 3.11's "Did you mean" for a NameError (names of the innermost frame, its
 * globals, the builtins) or AttributeError (dir(exc.obj)) whose `name` is set: the
 * closest name (malloc'd), or NULL. */
char *wf_suggest_for_exception(wf_thread *t, wf_value exc);

#endif
