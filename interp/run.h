/* Running Python source: the pipeline source -> tokens -> AST -> symbol table ->
 * bytecode -> evaluation, and the pieces the command line and exec/eval need. */
#ifndef WF_RUN_H
#define WF_RUN_H

#include "runtime/object.h"

/* Compile source (bytes of a file, decoded as CPython decodes files) into a code
 * object. mode: "exec", "eval" or "single". SyntaxError (with filename, lineno,
 * offset, text, end positions) on bad input. */
wf_value wf_compile_source(wf_thread *t, const char *src, size_t len, const char *filename,
                           const char *mode);
/* Run a code object in the given globals (a dict; builtins are added as __builtins__
 * when missing) and locals (0: the globals). Returns the result (None for exec). */
wf_value wf_eval_code(wf_thread *t, wf_value code, wf_value globals, wf_value locals);

/* The whole program: run the file as __main__ (sys.argv set from argv), printing an
 * uncaught exception's traceback to stderr as CPython does. Returns the process exit
 * status (SystemExit handled as CPython does). */
int wf_run_main_file(wf_thread *t, const char *path, int argc, char **argv);
int wf_run_main_string(wf_thread *t, const char *code, int argc, char **argv); /* -c */

/* Print the exception exc with its traceback and chained exceptions to stderr, as
 * CPython's default excepthook. */
void wf_print_exception(wf_thread *t, wf_value exc);

/* Start-up and shut-down of the interpreter state shared by all threads (built-in
 * types, the builtins and sys modules). wf_interp_init is called by the first thread,
 * attached. */
bool wf_interp_init(wf_thread *t);

/* A new __main__ module, registered in sys.modules, with __builtins__ and (when file
 * is given) __file__ set; 0 with the exception set on failure. */
wf_value wf_main_module(wf_thread *t, const char *file);

/* Set when the program ended with an uncaught KeyboardInterrupt: the command then
 * exits by SIGINT, as CPython does, so a shell sees status 130. */
extern bool wf_uncaught_interrupt;

#endif
