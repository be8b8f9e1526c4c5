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
/* sys.argv = argv (C strings). */
bool wf_sys_set_argv(wf_thread *t, int argc, char **argv);
/* `import name` of a module built into weft ("sys", "builtins", later "math", ...):
 * the module, the same object each time; ModuleNotFoundError "No module named 'x'"
 * otherwise. */
wf_value wf_import_module(wf_thread *t, wf_value name);
/* Flush sys.stdout and sys.stderr (at exit). */
void wf_sys_flush_std(wf_thread *t);

#endif
