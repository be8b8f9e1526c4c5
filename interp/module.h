/* Modules: the module type and the built-in modules (builtins, sys). Owned by the
 * builtins part; the interpreter part calls these. */
#ifndef WF_MODULE_H
#define WF_MODULE_H

#include "runtime/object.h"

extern wf_type wf_module_type;

/* A new module named name (a C string) with an empty dict holding __name__. */
wf_value wf_module_new(wf_thread *t, const char *name);
/* The module's dict, borrowed. */
wf_value wf_module_dict(wf_value module);

/* The builtins module (created on first call, then shared; thread-safe). Its dict is
 * what frames use as __builtins__. The interpreter part adds __build_class__ to it
 * with wf_dict_set_cstr once created. */
wf_value wf_builtins_module(wf_thread *t);
/* The sys module (created on first call). */
wf_value wf_sys_module(wf_thread *t);
/* The struct sequence types of sys (readied by wf_interp_init). */
extern wf_type wf_sys_version_info_type, wf_sys_flags_type, wf_sys_float_info_type,
    wf_sys_int_info_type, wf_sys_hash_info_type;
/* sys.argv = argv (C strings). */
bool wf_sys_set_argv(wf_thread *t, int argc, char **argv);
/* `import name` of a module built into weft ("sys", "builtins", later "math", ...):
 * the module, the same object each time; ModuleNotFoundError "No module named 'x'"
 * otherwise. */
wf_value wf_import_module(wf_thread *t, wf_value name);
/* Built-in module registry, for parts that implement C modules ("math", "time"):
 * create returns the module, the same object on every call (see wf_module_publish).
 * Register at start-up, before threads import; false when the table is full. */
bool wf_module_register_builtin(const char *name, wf_value (*create)(wf_thread *t));
/* Publish a freshly built module into *slot (a static) unless another thread did
 * first; returns the published module (new reference), made immortal and flagged so
 * its repr says "(built-in)" only if wf_module_set_builtin was called. */
wf_value wf_module_publish(wf_thread *t, _Atomic wf_value *slot, wf_value fresh);
/* The repr of the module says "(built-in)". Call before publishing. */
void wf_module_set_builtin(wf_value module);

/* Flush sys.stdout and sys.stderr (at exit). */
void wf_sys_flush_std(wf_thread *t);
/* The same, reporting: -1 if a flush failed (the stdout error is printed as CPython's
 * "Exception ignored" message; the command then exits with status 120). */
int wf_sys_flush_std_checked(wf_thread *t);
/* -u / PYTHONUNBUFFERED: sys.stdout and sys.stderr write through at every write.
 * Call before the sys module is first made (the command does, before start-up). */
void wf_sys_set_unbuffered(bool unbuffered);
/* The recursion limit last set by sys.setrecursionlimit (1000 at start): the limit a
 * new thread should start with. setrecursionlimit changes the calling thread's
 * t->recursion_limit immediately; other running threads keep theirs. */
int wf_sys_recursion_limit(void);

#endif
