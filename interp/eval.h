/* The evaluation loop: runs a frame's bytecode (interp/opcode.h) with computed-goto
 * dispatch, until it returns, yields, or lets an exception escape. */
#ifndef WF_EVAL_H
#define WF_EVAL_H

#include "interp/frame.h"

/* Run f to completion (or a yield) as the innermost frame of t: links it into t->frame,
 * checks the recursion limit ("maximum recursion depth exceeded"), then unlinks it.
 * Returns the returned (or yielded) value, or 0 with the exception set. f's state says
 * which: WF_FRAME_SUSPENDED after a yield. */
wf_value wf_eval_run(wf_thread *t, wf_frame *f);

/* The same, entering with the exception t->exc raised at the frame's current
 * instruction (generator.throw). */
wf_value wf_eval_run_throw(wf_thread *t, wf_frame *f);

/* Run code (module or class body) with the given namespaces; closure is a tuple of
 * cells for the code's free variables, or 0. */
wf_value wf_eval_code_ex(wf_thread *t, wf_value code, wf_value globals, wf_value locals,
                         wf_value closure);

/* The builtins dict code running with `globals` uses: globals['__builtins__'] (a module
 * or dict), else the builtins module's dict. Borrowed; 0 with the exception set. */
wf_value wf_eval_builtins_for(wf_thread *t, wf_value globals);

/* __build_class__(func, name, *bases, metaclass=..., **kwds): the class statement. */
wf_value wf_build_class(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                        wf_value kwnames);

/* The hooks runtime/type.h asks the interpreter for (registered by wf_interp_init):
 * zero-argument super()'s class and instance, and the running frame's globals. */
bool wf_eval_super_frame_args(wf_thread *t, wf_value *type, wf_value *obj);
wf_value wf_eval_caller_globals(wf_thread *t);

#endif
