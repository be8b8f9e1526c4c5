/* The weft command: weft [option] ... [-c cmd | file | -] [arg] ...
 *
 * Options are parsed as CPython's (clusters like -Bc, -W/-X taking an argument,
 * "Unknown option" usage errors with status 2). The program runs on the main thread's
 * state: files and -c through run.h (the interpreter part), standard input and the
 * interactive loop here, since they read sys.stdin. Standard streams are flushed
 * before exiting; a failed stdout flush makes the status 120, as CPython. */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "interp/fileio.h"
#include "interp/module.h"
#include "interp/run.h"
#include "runtime/abstract.h"
#include "runtime/alloc.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "threading/threads.h"

#define WEFT_VERSION_LINE "weft 0.1 (Python 3.11 compatible)"
#define USAGE_LINE        "usage: weft [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"

static const char help_text[] =
    USAGE_LINE "Options:\n"
               "-c cmd : program passed in as string (terminates option list)\n"
               "-h     : print this help message and exit (also -? or --help)\n"
               "-i     : inspect interactively after running script\n"
               "-u     : unbuffered stdout and stderr; also PYTHONUNBUFFERED=x\n"
               "-E, -I : ignore PYTHON* environment variables\n"
               "-B, -O, -q, -s, -S, -b, -d, -v, -R : accepted for compatibility, no effect\n"
               "-W arg, -X opt : accepted for compatibility, no effect\n"
               "-V     : print the version number and exit (also --version)\n"
               "file   : program read from script file\n"
               "-      : program read from stdin (default; interactive mode if a tty)\n"
               "arg ...: arguments passed to program in sys.argv[1:]\n";

static int usage_error(const char *fmt, const char *what)
{
    fprintf(stderr, fmt, what);
    fprintf(stderr, USAGE_LINE "Try `weft -h' for more information.\n");
    return 2;
}

/* ---- Exit status --------------------------------------------------------------------- */

/* The status for an uncaught exception exc (owned, consumed): SystemExit(code) as
 * CPython (None 0, an int itself, anything else printed to stderr and 1); any other
 * exception is printed with its traceback, status 1. */
static int exit_status(wf_thread *t, wf_value exc)
{
    int status = 1;
    if (!wf_isinstance_type(exc, &wf_exc_SystemExit)) {
        wf_print_exception(t, exc);
        wf_value_decref(t, exc);
        return 1;
    }
    wf_value code = wf_getattr_cstr(t, exc, "code");
    if (!code) {
        wf_err_clear(t);
        code = wf_newref(t, WF_NONE);
    }
    int64_t n;
    if (code == WF_NONE) {
        status = 0;
    } else if (wf_int_check(code) && wf_int_as_int64(t, code, &n)) {
        status = (int)(n & 0xFF);
    } else {
        wf_err_clear(t);
        wf_value s = wf_str(t, code);
        if (s) {
            fprintf(stderr, "%s\n", wf_str_utf8(s));
            wf_value_decref(t, s);
        } else {
            wf_err_clear(t);
        }
    }
    wf_value_decref(t, code);
    wf_value_decref(t, exc);
    return status;
}

/* Compile and run src in dict globals: 0, or the uncaught exception's status. */
static int run_source(wf_thread *t, const char *src, size_t len, const char *filename,
                      const char *mode, wf_value globals)
{
    wf_value code = wf_compile_source(t, src, len, filename, mode);
    wf_value r = code ? wf_eval_code(t, code, globals, WF_NULL) : WF_NULL;
    if (code)
        wf_value_decref(t, code);
    if (r) {
        wf_value_decref(t, r);
        return 0;
    }
    return -1;
}

/* All of fd 0, read detached. NULL with *len 0 on a read error (reported). */
static char *read_stdin(wf_thread *t, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    wf_thread_detach(t);
    for (;;) {
        if (!buf)
            break;
        if (n == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
        }
        ssize_t r = read(0, buf + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            if (r < 0) {
                perror("weft: <stdin>");
                free(buf);
                buf = NULL;
            }
            break;
        }
        n += (size_t)r;
    }
    wf_thread_attach(t);
    *len = n;
    return buf;
}

/* weft - (or no argument with a non-terminal stdin): the whole input as a script. */
static int run_stdin(wf_thread *t, int argc, char **argv)
{
    size_t len;
    char *src = read_stdin(t, &len);
    if (!src)
        return 1;
    int status = 0;
    if (!wf_sys_set_argv(t, argc, argv)) {
        status = exit_status(t, wf_err_fetch(t));
    } else {
        wf_value m = wf_main_module(t, "<stdin>");
        if (!m || run_source(t, src, len, "<stdin>", "exec", wf_module_dict(m)) < 0)
            status = exit_status(t, wf_err_fetch(t));
    }
    free(src);
    return status;
}

/* ---- The interactive loop ------------------------------------------------------------ */

/* One line from sys.stdin after writing prompt to stderr (as CPython without GNU
 * readline). NULL at end of input. */
static wf_value read_line(wf_thread *t, const char *which)
{
    wf_sys_flush_std(t);
    /* the prompt is str(sys.ps1) / str(sys.ps2), which a program may change */
    wf_value ps = wf_dict_get_cstr(t, wf_module_dict(wf_sys_module(t)), which);
    wf_value text = ps ? wf_str(t, ps) : WF_NULL;
    if (ps)
        wf_value_decref(t, ps);
    wf_err_clear(t);
    fputs(text ? wf_str_utf8(text) : "", stderr);
    fflush(stderr);
    if (text)
        wf_value_decref(t, text);
    wf_value in = wf_dict_get_cstr(t, wf_module_dict(wf_sys_module(t)), "stdin");
    if (!in || in == WF_NONE) {
        if (in)
            wf_value_decref(t, in);
        wf_err_clear(t);
        return WF_NULL;
    }
    wf_value line = wf_call_method(t, in, wf_str_intern_cstr(t, "readline"), NULL, 0);
    wf_value_decref(t, in);
    if (!line) {
        wf_print_exception(t, wf_err_fetch(t));
        return WF_NULL;
    }
    if (!wf_str_check(line) || wf_str_size(line) == 0) {
        wf_value_decref(t, line);
        return WF_NULL;
    }
    return line;
}

/* A statement that opens a block: the REPL reads until an empty line. */
static bool starts_compound(const char *src)
{
    static const char *const words[] = {"if",   "while", "for",   "def",  "class",
                                        "with", "try",   "async", "match"};
    while (*src == ' ' || *src == '\t')
        src++;
    if (*src == '@')
        return true;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t n = strlen(words[i]);
        if (strncmp(src, words[i], n) == 0 && (src[n] == ' ' || src[n] == ':' || src[n] == '('))
            return strcmp(words[i], "match") != 0 || strchr(src, ':') != NULL;
    }
    return false;
}

/* The pending SyntaxError says the input stopped early (more lines may complete it). */
static bool error_is_incomplete(wf_thread *t, const char *src, size_t len)
{
    if (!wf_err_matches(t, &wf_exc_SyntaxError))
        return false;
    if (len >= 2 && src[len - 2] == '\\')
        return true;
    wf_value exc = wf_err_fetch(t);
    wf_value msg = wf_getattr_cstr(t, exc, "msg");
    bool incomplete = false;
    if (msg && wf_str_check(msg)) {
        const char *m = wf_str_utf8(msg);
        incomplete = strstr(m, "was never closed") || strstr(m, "unexpected EOF") ||
                     strstr(m, "unterminated triple-quoted") ||
                     strstr(m, "expected an indented block");
    }
    if (msg)
        wf_value_decref(t, msg);
    else
        wf_err_clear(t);
    wf_err_restore(t, exc);
    return incomplete;
}

/* Append line to the growing source buffer. */
static bool append(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
    if (*len + n + 1 > *cap) {
        size_t ncap = (*len + n + 1) * 2;
        char *nb = realloc(*buf, ncap);
        if (!nb)
            return false;
        *buf = nb;
        *cap = ncap;
    }
    memcpy(*buf + *len, s, n);
    *len += n;
    (*buf)[*len] = 0;
    return true;
}

/* Read one complete statement (">>> " then "... " lines). -1 at end of input. */
static int read_statement(wf_thread *t, char **buf, size_t *len, size_t *cap)
{
    *len = 0;
    bool compound = false;
    for (int lines = 0;; lines++) {
        wf_value line = read_line(t, lines == 0 ? "ps1" : "ps2");
        if (!line)
            return -1;
        const char *s = wf_str_utf8(line);
        size_t n = wf_str_size(line);
        bool blank = strspn(s, " \t\r\n") == n;
        bool ok = append(buf, len, cap, s, n);
        wf_value_decref(t, line);
        if (!ok)
            return -1;
        if (lines == 0 && blank) { /* an empty line at the prompt does nothing */
            *len = 0;
            lines = -1;
            continue;
        }
        if (lines == 0)
            compound = starts_compound(*buf);
        if (compound) {
            if (blank)
                return 0;
            continue;
        }
        wf_value code = wf_compile_source(t, *buf, *len, "<stdin>", "single");
        if (code) {
            wf_value_decref(t, code);
            return 0;
        }
        bool more = error_is_incomplete(t, *buf, *len) && !blank;
        wf_err_clear(t);
        if (!more)
            return 0;
    }
}

/* The read-eval-print loop: errors print and the loop goes on; SystemExit and end of
 * input end it. */
static int repl(wf_thread *t, wf_value globals)
{
    /* CPython's banner names help(), copyright etc.; weft has exit() and quit() */
    fprintf(stderr, "%s on linux\nType \"exit()\" or Ctrl-D (i.e. EOF) to exit.\n",
            WEFT_VERSION_LINE);
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (read_statement(t, &buf, &len, &cap) < 0) {
            fputc('\n', stderr);
            break;
        }
        if (run_source(t, buf, len, "<stdin>", "single", globals) == 0)
            continue;
        wf_value exc = wf_err_fetch(t);
        if (wf_isinstance_type(exc, &wf_exc_SystemExit)) {
            free(buf);
            return exit_status(t, exc);
        }
        wf_print_exception(t, exc);
        wf_value_decref(t, exc);
    }
    free(buf);
    return 0;
}

static int run_interactive(wf_thread *t, int argc, char **argv)
{
    if (!wf_sys_set_argv(t, argc, argv))
        return exit_status(t, wf_err_fetch(t));
    wf_value sysd = wf_module_dict(wf_sys_module(t));
    wf_value ps1 = wf_str_from_cstr(t, ">>> "), ps2 = wf_str_from_cstr(t, "... ");
    bool ok = ps1 && ps2 && wf_dict_set_cstr(t, sysd, "ps1", ps1) == 0 &&
              wf_dict_set_cstr(t, sysd, "ps2", ps2) == 0;
    if (ps1)
        wf_value_decref(t, ps1);
    if (ps2)
        wf_value_decref(t, ps2);
    wf_value m = ok ? wf_main_module(t, NULL) : WF_NULL;
    if (!m)
        return exit_status(t, wf_err_fetch(t));
    return repl(t, wf_module_dict(m));
}

/* ---- Files ------------------------------------------------------------------------------ */

/* CPython's messages for a script that cannot be run, with the absolute path. */
static int check_script(const char *path)
{
    char abs[PATH_MAX + 1], cwd[PATH_MAX];
    if (path[0] == '/' || !getcwd(cwd, sizeof cwd))
        snprintf(abs, sizeof abs, "%s", path);
    else
        snprintf(abs, sizeof abs, "%s/%s", cwd, path);
    struct stat st;
    if (stat(path, &st) < 0) {
        int err = errno;
        fprintf(stderr, "weft: can't open file '%s': [Errno %d] %s\n", abs, err, strerror(err));
        return 2;
    }
    if (S_ISDIR(st.st_mode)) {
        fprintf(stderr, "weft: can't find '__main__' module in '%s'\n", path);
        return 1;
    }
    return 0;
}

/* ---- Options ----------------------------------------------------------------------------- */

typedef struct options {
    const char *command; /* -c */
    const char *module;  /* -m */
    bool inspect;        /* -i */
    bool unbuffered;     /* -u */
    bool ignore_env;     /* -E, -I: no PYTHON* variables */
    int first_arg;       /* argv index of the script (or of the first argument after -c) */
} options;

/* Parse options as CPython's getopt: returns -1 to go on, or an exit status. */
static int parse_options(int argc, char **argv, options *o)
{
    memset(o, 0, sizeof *o);
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || strcmp(a, "-") == 0)
            break;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (a[1] == '-') {
            if (strcmp(a, "--version") == 0) {
                puts(WEFT_VERSION_LINE);
                return 0;
            }
            if (strcmp(a, "--help") == 0) {
                fputs(help_text, stdout);
                return 0;
            }
            return usage_error("unknown option %s\n", a);
        }
        for (const char *p = a + 1; *p; p++) {
            char opt[3] = {'-', *p, 0};
            switch (*p) {
            case 'c':
            case 'm':
            case 'W':
            case 'X': {
                const char *value = p[1] ? p + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (!value)
                    return usage_error("Argument expected for the %s option\n", opt);
                if (*p == 'c' || *p == 'm') {
                    if (*p == 'c')
                        o->command = value;
                    else
                        o->module = value;
                    o->first_arg = i + 1;
                    return -1;
                }
                goto next_arg; /* the rest of the cluster was the argument */
            }
            case 'h':
            case '?':
                fputs(help_text, stdout);
                return 0;
            case 'V':
                puts(WEFT_VERSION_LINE);
                return 0;
            case 'i':
                o->inspect = true;
                break;
            case 'u':
                o->unbuffered = true;
                break;
            case 'E':
            case 'I':
                o->ignore_env = true;
                break;
            case 'B':
            case 'O':
            case 'q':
            case 's':
            case 'S':
            case 'b':
            case 'd':
            case 'v':
            case 'R':
                break;
            default:
                return usage_error("Unknown option: %s\n", opt);
            }
        }
    next_arg:;
    }
    o->first_arg = i;
    return -1;
}

/* The program, once the thread and interpreter exist. */
/* sys.path[0] as CPython sets it: the script's directory (symlinks resolved), or ''
 * for -c, stdin and the interactive loop. false with the exception set. */
static bool set_path0(wf_thread *t, const char *script)
{
    char buf[PATH_MAX];
    const char *dir = "";
    if (script && realpath(script, buf)) {
        char *slash = strrchr(buf, '/');
        if (slash)
            *(slash == buf ? slash + 1 : slash) = 0;
        dir = buf;
    }
    wf_value path = wf_dict_get_cstr(t, wf_module_dict(wf_sys_module(t)), "path");
    wf_value d = wf_str_from_cstr(t, dir);
    bool ok = path && d && wf_list_check(path) && wf_list_append(t, path, d) == 0;
    if (path)
        wf_value_decref(t, path);
    if (d)
        wf_value_decref(t, d);
    if (!ok && !wf_err_occurred(t))
        wf_err_set(t, &wf_exc_RuntimeError, "lost sys.path");
    return ok;
}

static int run(wf_thread *t, int argc, char **argv, const options *o)
{
    int rest = argc - o->first_arg;
    char **args = argv + o->first_arg;
    bool script = !o->command && !o->module && rest > 0 && strcmp(args[0], "-") != 0;
    if (!set_path0(t, script ? args[0] : NULL))
        return exit_status(t, wf_err_fetch(t));
    if (o->module) {
        fprintf(stderr, "weft: -m is not supported yet (no import system for files)\n");
        return 2;
    }
    if (o->command) {
        /* sys.argv[0] is '-c': pass "-c" followed by the remaining arguments */
        char **v = malloc(sizeof(char *) * (size_t)(rest + 1));
        if (!v)
            return 1;
        v[0] = "-c";
        memcpy(v + 1, args, sizeof(char *) * (size_t)rest);
        int status = wf_run_main_string(t, o->command, rest + 1, v);
        free(v);
        return status;
    }
    if (rest > 0 && strcmp(args[0], "-") != 0) {
        int status = check_script(args[0]);
        return status ? status : wf_run_main_file(t, args[0], rest, args);
    }
    if (rest > 0)
        return run_stdin(t, rest, args); /* "-": sys.argv[0] == '-' */
    char *empty[] = {""};
    if (isatty(0) || o->inspect)
        return run_interactive(t, 1, empty);
    return run_stdin(t, 1, empty); /* piped without "-": sys.argv == [''] */
}

int main(int argc, char **argv)
{
    options o;
    int status = parse_options(argc, argv, &o);
    if (status >= 0)
        return status;
    /* as CPython: a closed pipe is an OSError (BrokenPipeError) from the write, not
     * a silent death by signal */
    signal(SIGPIPE, SIG_IGN);
    signal(SIGXFSZ, SIG_IGN);
    const char *env = o.ignore_env ? NULL : getenv("PYTHONUNBUFFERED");
    wf_sys_set_unbuffered(o.unbuffered || (env && *env));
    wf_thread *t = wf_thread_new();
    if (!t) {
        fprintf(stderr, "weft: cannot create the main thread state\n");
        return 1;
    }
    wf_thread_attach(t);
    if (!wf_interp_init(t)) {
        if (wf_err_occurred(t))
            wf_print_exception(t, wf_err_fetch(t));
        fprintf(stderr, "weft: start-up failed\n");
        return 1;
    }
    status = run(t, argc, argv, &o);
    if (wf_sys_flush_std_checked(t) < 0 && status == 0)
        status = 120;
    fflush(stdout);
    fflush(stderr);
    if (wf_uncaught_interrupt) {
        signal(SIGINT, SIG_DFL);
        raise(SIGINT);
        status = 128 + SIGINT; /* if SIGINT is blocked */
    }
    return status;
}
