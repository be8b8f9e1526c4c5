/* The run pipeline (interp/run.h): source -> AST -> symbol table -> code, running code
 * in namespaces, the __main__ program with CPython's exit statuses, and interpreter
 * start-up. */
#include "interp/run.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "interp/arena.h"
#include "interp/code.h"
#include "interp/compile.h"
#include "interp/eval.h"
#include "interp/frame.h"
#include "interp/function.h"
#include "interp/generator.h"
#include "interp/module.h"
#include "interp/parser.h"
#include "interp/symtable.h"
#include "interp/traceback.h"
#include "runtime/abstract.h"
#include "runtime/alloc.h"
#include "runtime/callable.h"
#include "runtime/dict.h"
#include "threading/threads.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

/* ---- SyntaxError objects ------------------------------------------------------------- */

/* Line `lineno` of src with its newline (SyntaxError.text), or 0 for None. */
/* Line `lineno` of the source with its newline, as SyntaxError.text. In exec mode
 * CPython's tokenizer ends the last line with a newline when the source has none. */
static wf_value source_line(wf_thread *t, const char *src, size_t len, int lineno, bool exec_mode)
{
    if (lineno < 1)
        return wf_newref(t, WF_NONE);
    size_t i = 0;
    for (int l = 1; l < lineno && i < len; i++)
        if (src[i] == '\n')
            l++;
    if (i >= len && lineno > 1)
        return wf_newref(t, WF_NONE);
    size_t j = i;
    while (j < len && src[j] != '\n')
        j++;
    if (j < len)
        j++; /* keep the newline, as CPython's text does */
    else if (exec_mode)
        return wf_str_printf(t, "%.*s\n", (int)(j - i), src + i);
    return wf_str_from_utf8(t, src + i, j - i);
}

/* Code points of the first `bytes` bytes of s. */
static int byte_to_char_offset(const char *s, size_t n, int bytes)
{
    int c = 0;
    for (int i = 0; i < bytes && (size_t)i < n; i++)
        c += ((unsigned char)s[i] & 0xc0) != 0x80;
    return c;
}

/* Raise the SyntaxError (or IndentationError/TabError) err describes, through the
 * exception class's own constructor: type(msg, (filename, lineno, offset, text,
 * end_lineno, end_offset)). */
static void raise_syntax_error(wf_thread *t, const wf_syntax_error *err, const char *filename,
                               const char *src, size_t len, bool byte_offsets, bool exec_mode)
{
    if (err->no_memory) {
        wf_err_no_memory(t);
        return;
    }
    if (err->recursion) {
        wf_err_set(t, &wf_exc_RecursionError, "%s",
                   err->msg[0] ? err->msg : "maximum recursion depth exceeded during compilation");
        return;
    }
    wf_type *type = err->type == WF_TOKERR_TAB           ? &wf_exc_TabError
                    : err->type == WF_TOKERR_INDENTATION ? &wf_exc_IndentationError
                                                         : &wf_exc_SyntaxError;
    wf_value text = err->text[0] ? wf_str_from_cstr(t, err->text)
                                 : source_line(t, src, len, err->lineno, exec_mode);
    int offset = err->offset, end_offset = err->end_offset;
    if (byte_offsets && text && text != WF_NONE) {
        const char *s = wf_str_utf8(text);
        size_t n = wf_str_size(text);
        offset = byte_to_char_offset(s, n, offset - 1) + 1;
        if (end_offset > 0 && err->end_lineno == err->lineno)
            end_offset = byte_to_char_offset(s, n, end_offset - 1) + 1;
    }
    wf_value msg = wf_str_from_cstr(t, err->msg);
    wf_value fname = wf_str_from_cstr(t, filename);
    wf_value info = 0;
    if (text && msg && fname)
        info = wf_tuple_pack(t, 6, fname, wf_smallint_box(err->lineno), wf_smallint_box(offset),
                             text, wf_smallint_box(err->end_lineno), wf_smallint_box(end_offset));
    if (info) {
        wf_value args[2] = {msg, info};
        wf_value exc = wf_call(t, wf_type_value(type), args, 2, 0);
        if (exc)
            wf_err_restore(t, exc);
        wf_value_decref(t, info);
    }
    wf_value vals[] = {text, msg, fname};
    for (size_t i = 0; i < 3; i++)
        if (vals[i])
            wf_value_decref(t, vals[i]);
    if (!wf_err_occurred(t))
        wf_err_no_memory(t);
}

/* ---- Compiling ----------------------------------------------------------------------- */

static bool parse_mode(wf_thread *t, const char *mode, enum wf_compile_mode *out)
{
    if (strcmp(mode, "exec") == 0)
        *out = WF_MODE_EXEC;
    else if (strcmp(mode, "eval") == 0)
        *out = WF_MODE_EVAL;
    else if (strcmp(mode, "single") == 0)
        *out = WF_MODE_SINGLE;
    else
        return wf_err_set(t, &wf_exc_ValueError,
                          "compile() mode must be 'exec', 'eval' or 'single'"),
               false;
    return true;
}

/* Where CPython's eval-mode grammar (an expression list, nothing else) stops on input
 * that is a statement: at a leading statement keyword, or at the first assignment
 * operator outside brackets and strings. 0-based byte column on line 1, or -1. */
static int eval_stop_column(const char *src, size_t len, int *width)
{
    *width = 1;
    static const char *const keywords[] = {"def",    "class",    "if",     "for",    "while",
                                           "with",   "try",      "return", "import", "from",
                                           "global", "nonlocal", "pass",   "break",  "continue",
                                           "raise",  "del",      "assert", NULL};
    size_t i = 0;
    while (i < len && (src[i] == ' ' || src[i] == '\t'))
        i++;
    for (int k = 0; keywords[k]; k++) {
        size_t n = strlen(keywords[k]);
        if (i + n <= len && memcmp(src + i, keywords[k], n) == 0 &&
            (i + n == len || !(src[i + n] == '_' || (src[i + n] >= 'a' && src[i + n] <= 'z') ||
                               (src[i + n] >= 'A' && src[i + n] <= 'Z') ||
                               (src[i + n] >= '0' && src[i + n] <= '9')))) {
            *width = (int)n;
            return (int)i;
        }
    }
    int depth = 0;
    char quote = 0;
    for (; i < len && src[i] != '\n'; i++) {
        char ch = src[i];
        if (quote) {
            if (ch == '\\')
                i++;
            else if (ch == quote)
                quote = 0;
        } else if (ch == '\'' || ch == '"') {
            quote = ch;
        } else if (ch == '#') {
            break;
        } else if (ch == '(' || ch == '[' || ch == '{') {
            depth++;
        } else if (ch == ')' || ch == ']' || ch == '}') {
            depth--;
        } else if (depth == 0 && ch == '=' && (i + 1 >= len || src[i + 1] != '=') &&
                   (i == 0 || !strchr("=<>!:", src[i - 1]))) {
            /* x = ..., and augmented forms (x += ...) stop at their operator */
            size_t j = i;
            while (j > 0 && strchr("+-*/%@&|^<>", src[j - 1]))
                j--;
            *width = (int)(i - j) + 1;
            return (int)j;
        } else if (depth == 0 && ch == ';') {
            return (int)i;
        }
    }
    return -1;
}

static void eval_mode_error(const char *src, size_t len, wf_syntax_error *err)
{
    int width;
    int col = eval_stop_column(src, len, &width);
    if (col < 0)
        return;
    memset(err, 0, sizeof *err);
    snprintf(err->msg, sizeof err->msg, "invalid syntax");
    err->lineno = err->end_lineno = 1;
    err->offset = col + 1;
    err->end_offset = col + 1 + width;
}

/* In eval mode CPython's tokenizer adds no NEWLINE at the end of input that lacks one,
 * and its end marker has no column: "invalid syntax" at the end of such input has
 * offset 0 (weft's parser saw an empty NEWLINE just past the last line). */
static void eval_end_error(const char *src, size_t len, wf_syntax_error *err)
{
    if (len == 0 || src[len - 1] == '\n' || strcmp(err->msg, "invalid syntax") != 0)
        return;
    int lines = 1, cols = 0;
    for (size_t i = 0; i < len; i++) {
        if (src[i] == '\n')
            lines++, cols = 0;
        else if (((unsigned char)src[i] & 0xC0) != 0x80) /* count code points */
            cols++;
    }
    if (err->lineno == lines && err->offset == cols + 1)
        err->offset = err->end_offset = 0;
}

/* "eval" input must be one expression: anything else is invalid syntax there. */
static bool check_eval_input(const wf_module *m, wf_syntax_error *err)
{
    if (m->body.n == 1 && m->body.items[0]->kind == WF_EXPR)
        return true;
    memset(err, 0, sizeof *err);
    snprintf(err->msg, sizeof err->msg, "invalid syntax");
    const wf_stmt *s = m->body.n ? m->body.items[m->body.n > 1 ? 1 : 0] : NULL;
    err->lineno = s ? s->loc.lineno : 1;
    err->offset = s ? s->loc.col + 1 : 1;
    err->end_lineno = err->lineno;
    err->end_offset = err->offset;
    return false;
}

wf_value wf_compile_source(wf_thread *t, const char *src, size_t len, const char *filename,
                           const char *mode)
{
    enum wf_compile_mode cmode;
    if (!parse_mode(t, mode, &cmode))
        return 0;
    wf_arena arena;
    wf_arena_init(&arena);
    wf_syntax_error err;
    memset(&err, 0, sizeof err);
    wf_value code = 0;
    wf_module *m = wf_parse_module(&arena, src, len, filename, &err);
    if (!m) {
        /* in eval mode a statement fails earlier than the module grammar says */
        bool bytes = false;
        int width;
        if (cmode == WF_MODE_EVAL && !err.no_memory && !err.recursion &&
            eval_stop_column(src, len, &width) >= 0) {
            eval_mode_error(src, len, &err);
            bytes = true;
        } else if (cmode == WF_MODE_EVAL) {
            eval_end_error(src, len, &err);
        }
        raise_syntax_error(t, &err, filename, src, len, bytes, cmode == WF_MODE_EXEC);
        goto out;
    }
    if (cmode == WF_MODE_EVAL && !check_eval_input(m, &err)) {
        eval_mode_error(src, len, &err);
        raise_syntax_error(t, &err, filename, src, len, true, cmode == WF_MODE_EXEC);
        goto out;
    }
    wf_symtable *st = wf_symtable_build(&arena, m, &err);
    if (!st) {
        raise_syntax_error(t, &err, filename, src, len, true, cmode == WF_MODE_EXEC);
        goto out;
    }
    code = wf_compile_ast(t, &arena, m, st, filename, cmode, &err);
    if (!code && err.msg[0])
        raise_syntax_error(t, &err, filename, src, len, true, cmode == WF_MODE_EXEC);
out:
    wf_arena_fini(&arena);
    return code;
}

/* ---- Running ------------------------------------------------------------------------- */

wf_value wf_eval_code(wf_thread *t, wf_value code, wf_value globals, wf_value locals)
{
    wf_value has = wf_dict_get_cstr(t, globals, "__builtins__");
    if (has) {
        wf_value_decref(t, has);
    } else {
        if (wf_err_occurred(t))
            return 0;
        wf_value b = wf_builtins_module(t);
        if (!b || wf_dict_set_cstr(t, globals, "__builtins__", b) < 0)
            return 0;
    }
    return wf_eval_code_ex(t, code, globals, locals, 0);
}

bool wf_uncaught_interrupt;

/* The exit status for an uncaught exception: SystemExit's code (None 0, an int itself,
 * anything else printed to stderr and 1), else the traceback is printed and 1. */
static int handle_uncaught(wf_thread *t)
{
    wf_value exc = wf_err_fetch(t);
    int status = 1;
    if (wf_isinstance_type(exc, &wf_exc_SystemExit)) {
        wf_value code = wf_getattr_cstr(t, exc, "code");
        if (!code) {
            wf_err_clear(t);
        } else if (code == WF_NONE) {
            status = 0;
        } else if (wf_int_check(code)) {
            int64_t v = 1;
            if (!wf_int_as_int64(t, code, &v)) {
                wf_err_clear(t);
                v = -1;
            }
            status = (int)v;
        } else {
            wf_value s = wf_str(t, code);
            wf_sys_flush_std(t);
            if (s) {
                fprintf(stderr, "%s\n", wf_str_utf8(s));
                wf_value_decref(t, s);
            }
            wf_err_clear(t);
        }
        if (code)
            wf_value_decref(t, code);
    } else {
        wf_print_exception(t, exc);
        if (wf_isinstance_type(exc, &wf_exc_KeyboardInterrupt))
            wf_uncaught_interrupt = true;
    }
    wf_value_decref(t, exc);
    return status;
}

/* A new __main__ module, registered in sys.modules, with __builtins__ and (when file
 * is given) __file__ set. */
wf_value wf_main_module(wf_thread *t, const char *file)
{
    wf_value m = wf_module_new(t, "__main__");
    if (!m)
        return WF_NULL;
    wf_value d = wf_module_dict(m);
    wf_value mods = wf_dict_get_cstr(t, wf_module_dict(wf_sys_module(t)), "modules");
    bool ok = mods && wf_dict_set_cstr(t, mods, "__main__", m) == 0 &&
              wf_dict_set_cstr(t, d, "__builtins__", wf_builtins_module(t)) == 0;
    if (mods)
        wf_value_decref(t, mods);
    if (ok && file) {
        wf_value f = wf_str_from_cstr(t, file);
        ok = f && wf_dict_set_cstr(t, d, "__file__", f) == 0;
        if (f)
            wf_value_decref(t, f);
    }
    if (!ok) {
        wf_value_decref(t, m);
        return WF_NULL;
    }
    return m;
}

/* Run source as the __main__ module. */
static int run_main(wf_thread *t, const char *src, size_t len, const char *filename,
                    const char *file_attr, int argc, char **argv)
{
    if (!wf_sys_set_argv(t, argc, argv))
        return handle_uncaught(t);
    wf_value mod = wf_main_module(t, file_attr);
    if (!mod)
        return handle_uncaught(t);
    wf_value globals = wf_module_dict(mod);
    int status = 0;
    wf_value code = wf_compile_source(t, src, len, filename, "exec");
    if (!code)
        goto fail;
    wf_value r = wf_eval_code(t, code, globals, globals);
    if (!r)
        goto fail;
    wf_value_decref(t, r);
    goto done;
fail:
    status = handle_uncaught(t);
done:
    /* a failed flush of stdout at exit is status 120, as CPython */
    if (wf_sys_flush_std_checked(t) < 0 && status == 0)
        status = 120;
    wf_err_clear(t);
    wf_value_decref(t, mod);
    return status;
}

/* The whole file, or NULL with errno set. */
static char *read_file(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, fp);
        n += got;
        if (n < cap)
            break;
        char *nb = realloc(buf, cap *= 2);
        if (!nb) {
            free(buf);
            buf = NULL;
            errno = ENOMEM;
        }
        buf = nb;
    }
    int err = ferror(fp) ? errno : 0;
    fclose(fp);
    if (err) {
        free(buf);
        errno = err;
        return NULL;
    }
    *len = n;
    return buf;
}

/* The script's path as CPython 3.11 records it (__file__, tracebacks): joined to the
 * current directory when relative, without normalizing ("/cwd/./x.py"). */
static char *absolute_path(const char *path)
{
    if (path[0] == '/')
        return strdup(path);
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd))
        return strdup(path);
    size_t n = strlen(cwd) + strlen(path) + 2;
    char *abs = malloc(n);
    if (abs)
        snprintf(abs, n, "%s/%s", cwd, path);
    return abs;
}

int wf_run_main_file(wf_thread *t, const char *path, int argc, char **argv)
{
    size_t len = 0;
    char *src = read_file(path, &len);
    if (!src) {
        int e = errno;
        char *abs = absolute_path(path);
        fprintf(stderr, "weft: can't open file '%s': [Errno %d] %s\n", abs ? abs : path, e,
                strerror(e));
        free(abs);
        return 2;
    }
    char *abs = absolute_path(path);
    int status = abs ? run_main(t, src, len, abs, abs, argc, argv) : (wf_err_no_memory(t), 1);
    free(abs);
    free(src);
    return status;
}

int wf_run_main_string(wf_thread *t, const char *code, int argc, char **argv)
{
    return run_main(t, code, strlen(code), "<string>", NULL, argc, argv);
}

/* ---- Start-up ------------------------------------------------------------------------ */

static const wf_method_def build_class_def = {"__build_class__", wf_build_class, 0};

/* A thread's language state, freed as the thread is deleted (wf_thread_language_fini). */
static void thread_language_fini(wf_thread *t)
{
    WF_ASSERT(t->frame == NULL); /* no Python code runs on a thread being deleted */
    wf_err_clear(t);
    if (t->handled) {
        wf_decref(t, t->handled);
        t->handled = NULL;
    }
    wf_frame_stack_fini(t);
}

bool wf_interp_init(wf_thread *t)
{
    wf_thread_language_fini = thread_language_fini;
    wf_super_frame_args = wf_eval_super_frame_args;
    wf_type_caller_globals = wf_eval_caller_globals;
    wf_types_init(t);
    wf_type *mine[] = {&wf_code_type,
                       &wf_function_type,
                       &wf_cell_type,
                       &wf_generator_type,
                       &wf_traceback_type,
                       &wf_frame_summary_type,
                       &wf_sys_version_info_type,
                       &wf_sys_flags_type,
                       &wf_sys_float_info_type,
                       &wf_sys_int_info_type,
                       &wf_sys_hash_info_type};
    for (size_t i = 0; i < sizeof mine / sizeof mine[0]; i++)
        if (!wf_type_ready(t, mine[i]))
            return false;
    wf_value builtins = wf_builtins_module(t);
    if (!builtins || !wf_sys_module(t))
        return false;
    wf_value bc = wf_builtin_new(t, &build_class_def, 0);
    if (!bc)
        return false;
    int r = wf_dict_set_cstr(t, wf_module_dict(builtins), "__build_class__", bc);
    wf_value_decref(t, bc);
    return r == 0;
}
