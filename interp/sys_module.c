/* The sys module.
 *
 * Built once and published like builtins (wf_module_publish). Its values are those of
 * CPython 3.11 on Linux where weft has the feature (version_info, maxsize, byteorder,
 * platform, ...), and weft's own where they describe the implementation
 * (implementation.name, version's parenthesis).
 *
 * Recursion limit: sys.setrecursionlimit writes the calling thread's limit only
 * (t->recursion_limit); the value is also remembered as the default for threads that
 * read it later through wf_sys_recursion_limit. */
#include <errno.h>
#include <float.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "interp/fileio.h"
#include "interp/module.h"
#include "interp/run.h"
#include "runtime/abstract.h"
#include "runtime/callable.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/structseq.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

/* The smallest nonzero limit sys.set_int_max_str_digits accepts (CPython's). */
#define STR_DIGITS_CHECK_THRESHOLD 640

#define WF_VERSION_TEXT "3.11.7 (weft 0.1) [GCC " __VERSION__ "]"

static _Atomic int default_recursion_limit = 1000;
static bool unbuffered_std; /* written once by the command before any thread exists */

void wf_sys_set_unbuffered(bool unbuffered)
{
    unbuffered_std = unbuffered;
}

int wf_sys_recursion_limit(void)
{
    return atomic_load_explicit(&default_recursion_limit, memory_order_relaxed);
}

/* ---- Functions --------------------------------------------------------------------- */

/* exit(status=None): raise SystemExit(status); the caller's handlers run on the way out. */
static wf_value sys_exit(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                         wf_value kwnames)
{
    (void)self;
    if (!wf_check_no_kwargs(t, "exit", kwnames))
        return WF_NULL;
    if (nargs > 1)
        return wf_err_set(t, &wf_exc_TypeError, "exit expected at most 1 argument, got %zu", nargs);
    /* as CPython's PyErr_SetObject: None is no argument, a tuple is the arguments */
    if (nargs == 0 || args[0] == WF_NONE)
        return wf_err_set_none(t, &wf_exc_SystemExit);
    if (wf_tuple_check(args[0])) {
        wf_value exc = wf_call(t, wf_type_value(&wf_exc_SystemExit), WF_TUPLE_ITEMS(args[0]),
                               wf_tuple_size(args[0]), 0);
        if (exc) {
            wf_err_set_object(t, exc);
            wf_value_decref(t, exc);
        }
        return WF_NULL;
    }
    return wf_err_set_arg(t, &wf_exc_SystemExit, args[0]);
}

static wf_value sys_getrecursionlimit(wf_thread *t, wf_value self, const wf_value *args,
                                      size_t nargs, wf_value kwnames)
{
    (void)self;
    (void)args;
    if (!wf_check_no_kwargs(t, "getrecursionlimit", kwnames) ||
        !wf_check_nargs(t, "getrecursionlimit", nargs, 0, 0))
        return WF_NULL;
    return wf_smallint_box(t->recursion_limit);
}

static wf_value sys_setrecursionlimit(wf_thread *t, wf_value self, const wf_value *args,
                                      size_t nargs, wf_value kwnames)
{
    (void)self;
    if (!wf_check_no_kwargs(t, "setrecursionlimit", kwnames) ||
        !wf_check_nargs(t, "setrecursionlimit", nargs, 1, 1))
        return WF_NULL;
    if (!wf_int_check(args[0]))
        return wf_err_set(t, &wf_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          wf_type_name(wf_type_of(args[0])));
    int64_t limit;
    if (!wf_int_as_int64(t, args[0], &limit))
        return WF_NULL;
    if (limit < 1)
        return wf_err_set(t, &wf_exc_ValueError, "recursion limit must be greater or equal than 1");
    if (limit > INT32_MAX)
        return wf_err_set(t, &wf_exc_OverflowError, "Python int too large to convert to C int");
    if (limit <= t->recursion_depth)
        return wf_err_set(t, &wf_exc_RecursionError,
                          "cannot set the recursion limit to %d at the recursion depth %d: the "
                          "limit is too low",
                          (int)limit, t->recursion_depth);
    t->recursion_limit = (int)limit;
    atomic_store_explicit(&default_recursion_limit, (int)limit, memory_order_relaxed);
    return WF_NONE;
}

/* intern(string): the interned copy. */
static wf_value sys_intern(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    (void)self;
    if (!wf_check_no_kwargs(t, "intern", kwnames) || !wf_check_nargs(t, "intern", nargs, 1, 1))
        return WF_NULL;
    if (!wf_str_check_exact(args[0]))
        return wf_err_set(t, &wf_exc_TypeError, "intern() argument must be str, not %s",
                          wf_type_name(wf_type_of(args[0])));
    return wf_str_intern(t, args[0]);
}

/* exc_info(): (type, value, traceback) of the exception being handled. */
static wf_value sys_exc_info(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    (void)self;
    (void)args;
    if (!wf_check_no_kwargs(t, "exc_info", kwnames) || !wf_check_nargs(t, "exc_info", nargs, 0, 0))
        return WF_NULL;
    if (!t->handled)
        return wf_tuple_pack(t, 3, WF_NONE, WF_NONE, WF_NONE);
    wf_exception *e = (wf_exception *)t->handled;
    wf_value tb = e->traceback ? e->traceback : WF_NONE;
    return wf_tuple_pack(t, 3, wf_type_value(t->handled->ob_type), wf_from_object(t->handled), tb);
}

/* exception(): the exception being handled, or None. */
static wf_value sys_exception(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    (void)self;
    (void)args;
    if (!wf_check_no_kwargs(t, "exception", kwnames) ||
        !wf_check_nargs(t, "exception", nargs, 0, 0))
        return WF_NULL;
    return t->handled ? wf_newref(t, wf_from_object(t->handled)) : WF_NONE;
}

/* displayhook(value): what the REPL does with an expression statement's value: print
 * its repr to sys.stdout and keep it in builtins._ (None is not shown). */
static wf_value sys_displayhook(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                wf_value kwnames)
{
    (void)self;
    if (!wf_check_no_kwargs(t, "displayhook", kwnames) ||
        !wf_check_nargs(t, "displayhook", nargs, 1, 1))
        return WF_NULL;
    if (args[0] == WF_NONE)
        return WF_NONE;
    wf_value bdict = wf_module_dict(wf_builtins_module(t));
    if (wf_dict_set_cstr(t, bdict, "_", WF_NONE) < 0)
        return WF_NULL;
    wf_value out = wf_dict_get_cstr(t, wf_module_dict(wf_sys_module(t)), "stdout");
    if (!out || out == WF_NONE) {
        if (out)
            wf_value_decref(t, out);
        return wf_err_occurred(t) ? WF_NULL
                                  : wf_err_set(t, &wf_exc_RuntimeError, "lost sys.stdout");
    }
    wf_value r = wf_repr(t, args[0]);
    wf_value text = r ? wf_str_printf(t, "%s\n", wf_str_utf8(r)) : WF_NULL;
    wf_value w = text ? wf_call_method(t, out, wf_str_intern_cstr(t, "write"), &text, 1) : WF_NULL;
    wf_value parts[] = {out, r, text, w};
    for (size_t i = 0; i < 4; i++)
        if (parts[i])
            wf_value_decref(t, parts[i]);
    if (!w || wf_dict_set_cstr(t, bdict, "_", args[0]) < 0)
        return WF_NULL;
    return WF_NONE;
}

/* excepthook(type, value, traceback): print the exception as the default hook. */
static wf_value sys_excepthook(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                               wf_value kwnames)
{
    (void)self;
    if (!wf_check_no_kwargs(t, "excepthook", kwnames))
        return WF_NULL;
    if (nargs != 3)
        return wf_err_set(t, &wf_exc_TypeError, "excepthook expected 3 arguments, got %zu", nargs);
    wf_print_exception(t, args[1]);
    return WF_NONE;
}

static wf_value simple_getter(wf_thread *t, const char *fname, size_t nargs, wf_value kwnames,
                              const char *value)
{
    if (!wf_check_no_kwargs(t, fname, kwnames) || !wf_check_nargs(t, fname, nargs, 0, 0))
        return WF_NULL;
    return wf_str_from_cstr(t, value);
}

static wf_value sys_getdefaultencoding(wf_thread *t, wf_value self, const wf_value *args,
                                       size_t nargs, wf_value kwnames)
{
    (void)self;
    (void)args;
    return simple_getter(t, "getdefaultencoding", nargs, kwnames, "utf-8");
}

static wf_value sys_getfilesystemencoding(wf_thread *t, wf_value self, const wf_value *args,
                                          size_t nargs, wf_value kwnames)
{
    (void)self;
    (void)args;
    return simple_getter(t, "getfilesystemencoding", nargs, kwnames, "utf-8");
}

/* get_int_max_str_digits(): the limit on int <-> decimal str conversions (0: none). */
static wf_value sys_get_int_max_str_digits(wf_thread *t, wf_value self, const wf_value *args,
                                           size_t nargs, wf_value kwnames)
{
    (void)self, (void)args;
    if (!wf_check_no_kwargs(t, "get_int_max_str_digits", kwnames) ||
        !wf_check_nargs(t, "get_int_max_str_digits", nargs, 0, 0))
        return WF_NULL;
    return wf_smallint_box(atomic_load_explicit(&wf_int_max_str_digits, memory_order_relaxed));
}

/* set_int_max_str_digits(maxdigits): process-wide, as CPython's is per interpreter. */
static wf_value sys_set_int_max_str_digits(wf_thread *t, wf_value self, const wf_value *args,
                                           size_t nargs, wf_value kwnames)
{
    (void)self;
    static const char *const names[] = {"maxdigits"};
    wf_value v;
    if (!wf_parse_args(t, "set_int_max_str_digits", args, nargs, kwnames, names, 1, 1, &v))
        return WF_NULL;
    if (!wf_int_check(v))
        return wf_err_set(t, &wf_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          wf_type_name(wf_type_of(v)));
    int64_t n;
    if (!wf_int_as_int64(t, v, &n))
        return WF_NULL;
    if (n != 0 && (n < STR_DIGITS_CHECK_THRESHOLD || n > INT32_MAX))
        return wf_err_set(t, &wf_exc_ValueError, "maxdigits must be 0 or larger than %d",
                          STR_DIGITS_CHECK_THRESHOLD);
    atomic_store_explicit(&wf_int_max_str_digits, (int)n, memory_order_relaxed);
    return WF_NONE;
}

static const wf_method_def sys_functions[] = {
    {"get_int_max_str_digits", sys_get_int_max_str_digits, 0},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, 0},
    {"exit", sys_exit, 0},
    {"getrecursionlimit", sys_getrecursionlimit, 0},
    {"setrecursionlimit", sys_setrecursionlimit, 0},
    {"intern", sys_intern, 0},
    {"exc_info", sys_exc_info, 0},
    {"exception", sys_exception, 0},
    {"displayhook", sys_displayhook, 0},
    {"excepthook", sys_excepthook, 0},
    {"getdefaultencoding", sys_getdefaultencoding, 0},
    {"getfilesystemencoding", sys_getfilesystemencoding, 0},
    {NULL, NULL, 0},
};

/* ---- Values -------------------------------------------------------------------------- */

/* d[name] = value, consuming value (which may be 0 after a failure). */
static int set_owned(wf_thread *t, wf_value d, const char *name, wf_value value)
{
    if (!value)
        return -1;
    int rc = wf_dict_set_cstr(t, d, name, value);
    wf_value_decref(t, value);
    return rc;
}

/* sys.stdin/stdout/stderr and the __std*__ originals. stdout and stderr are
 * line-buffered on a terminal and block-buffered otherwise, but stderr also writes
 * through at every write (CPython 3.9+: its line_buffering says False when
 * redirected, yet nothing waits in its buffer). */
static int add_std_files(wf_thread *t, wf_value d)
{
    static const struct {
        int fd;
        const char *name, *mode, *attr, *orig;
    } std[] = {
        {0, "<stdin>", "r", "stdin", "__stdin__"},
        {1, "<stdout>", "w", "stdout", "__stdout__"},
        {2, "<stderr>", "w", "stderr", "__stderr__"},
    };
    for (size_t i = 0; i < 3; i++) {
        if (fcntl(std[i].fd, F_GETFD) < 0) { /* closed at start: None, as CPython */
            if (wf_dict_set_cstr(t, d, std[i].attr, WF_NONE) < 0 ||
                wf_dict_set_cstr(t, d, std[i].orig, WF_NONE) < 0)
                return -1;
            continue;
        }
        bool line = std[i].fd != 0 && isatty(std[i].fd);
        /* stderr never fails on an unencodable character (CPython: backslashreplace) */
        bool err = std[i].fd == 2;
        bool through = err || (std[i].fd == 1 && unbuffered_std);
        wf_value f = wf_file_from_fd(t, std[i].fd, std[i].name, std[i].mode, line, through,
                                     err ? "backslashreplace" : "strict");
        if (!f)
            return -1;
        int rc = wf_dict_set_cstr(t, d, std[i].attr, f) < 0
                     ? -1
                     : wf_dict_set_cstr(t, d, std[i].orig, f);
        wf_value_decref(t, f);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* ---- Struct sequences: version_info, flags, float_info, int_info, hash_info ---------- */

#define F WF_STRUCTSEQ_FIELD

static const wf_getset_def version_info_fields[] = {
    F(0, "major"), F(1, "minor"), F(2, "micro"), F(3, "releaselevel"), F(4, "serial"), {NULL},
};
wf_type wf_sys_version_info_type = WF_STRUCTSEQ_TYPE("sys.version_info", version_info_fields);

static const wf_getset_def flags_fields[] = {
    F(0, "debug"),
    F(1, "inspect"),
    F(2, "interactive"),
    F(3, "optimize"),
    F(4, "dont_write_bytecode"),
    F(5, "no_user_site"),
    F(6, "no_site"),
    F(7, "ignore_environment"),
    F(8, "verbose"),
    F(9, "bytes_warning"),
    F(10, "quiet"),
    F(11, "hash_randomization"),
    F(12, "isolated"),
    F(13, "dev_mode"),
    F(14, "utf8_mode"),
    F(15, "warn_default_encoding"),
    F(16, "safe_path"),
    F(17, "int_max_str_digits"),
    {NULL},
};
wf_type wf_sys_flags_type = WF_STRUCTSEQ_TYPE("sys.flags", flags_fields);

static const wf_getset_def float_info_fields[] = {
    F(0, "max"),     F(1, "max_exp"),    F(2, "max_10_exp"), F(3, "min"),
    F(4, "min_exp"), F(5, "min_10_exp"), F(6, "dig"),        F(7, "mant_dig"),
    F(8, "epsilon"), F(9, "radix"),      F(10, "rounds"),    {NULL},
};
wf_type wf_sys_float_info_type = WF_STRUCTSEQ_TYPE("sys.float_info", float_info_fields);

static const wf_getset_def int_info_fields[] = {
    F(0, "bits_per_digit"),
    F(1, "sizeof_digit"),
    F(2, "default_max_str_digits"),
    F(3, "str_digits_check_threshold"),
    {NULL},
};
wf_type wf_sys_int_info_type = WF_STRUCTSEQ_TYPE("sys.int_info", int_info_fields);

static const wf_getset_def hash_info_fields[] = {
    F(0, "width"),     F(1, "modulus"),   F(2, "inf"),       F(3, "nan"),    F(4, "imag"),
    F(5, "algorithm"), F(6, "hash_bits"), F(7, "seed_bits"), F(8, "cutoff"), {NULL},
};
wf_type wf_sys_hash_info_type = WF_STRUCTSEQ_TYPE("sys.hash_info", hash_info_fields);

#undef F

/* A struct sequence of n values, each a new reference or 0 after a failure (consumed). */
static wf_value structseq_owned(wf_thread *t, wf_type *type, wf_value *items, size_t n)
{
    bool ok = true;
    for (size_t i = 0; i < n; i++)
        ok &= items[i] != WF_NULL;
    wf_value r = ok ? wf_structseq_new(t, type, items, n) : WF_NULL;
    for (size_t i = 0; i < n; i++)
        if (items[i])
            wf_value_decref(t, items[i]);
    return r;
}

static wf_value version_info(wf_thread *t)
{
    wf_value v[] = {wf_smallint_box(3), wf_smallint_box(11), wf_smallint_box(7),
                    wf_str_from_cstr(t, "final"), wf_smallint_box(0)};
    return structseq_owned(t, &wf_sys_version_info_type, v, 5);
}

/* weft has no command-line options that set these; str hashes are not randomized. */
static wf_value flags(wf_thread *t)
{
    wf_value v[18];
    for (size_t i = 0; i < 18; i++)
        v[i] = wf_smallint_box(0);
    v[4] = wf_smallint_box(1); /* dont_write_bytecode: weft never writes any */
    v[13] = v[16] = WF_FALSE;  /* dev_mode, safe_path are bools */
    v[17] = wf_smallint_box(-1);
    return structseq_owned(t, &wf_sys_flags_type, v, 18);
}

static wf_value float_info(wf_thread *t)
{
    wf_value v[] = {
        wf_float_new(t, DBL_MAX),   wf_smallint_box(DBL_MAX_EXP),  wf_smallint_box(DBL_MAX_10_EXP),
        wf_float_new(t, DBL_MIN),   wf_smallint_box(DBL_MIN_EXP),  wf_smallint_box(DBL_MIN_10_EXP),
        wf_smallint_box(DBL_DIG),   wf_smallint_box(DBL_MANT_DIG), wf_float_new(t, DBL_EPSILON),
        wf_smallint_box(FLT_RADIX), wf_smallint_box(FLT_ROUNDS)};
    return structseq_owned(t, &wf_sys_float_info_type, v, 11);
}

/* CPython's values: weft's big ints use other digits, but programs read these to
 * reason about CPython's limits (the str-conversion ones are weft's too). */
static wf_value int_info(wf_thread *t)
{
    wf_value v[] = {wf_smallint_box(30), wf_smallint_box(4),
                    wf_smallint_box(WF_INT_DEFAULT_MAX_STR_DIGITS),
                    wf_smallint_box(STR_DIGITS_CHECK_THRESHOLD)};
    return structseq_owned(t, &wf_sys_int_info_type, v, 4);
}

static wf_value hash_info(wf_thread *t)
{
    wf_value v[] = {wf_smallint_box(64),      wf_int_from_int64(t, ((int64_t)1 << 61) - 1),
                    wf_smallint_box(314159),  wf_smallint_box(0),
                    wf_smallint_box(1000003), wf_str_from_cstr(t, "siphash13"),
                    wf_smallint_box(64),      wf_smallint_box(128),
                    wf_smallint_box(0)};
    return structseq_owned(t, &wf_sys_hash_info_type, v, 9);
}

/* sys.implementation: an object with name, cache_tag, version and hexversion
 * attributes (CPython's is a types.SimpleNamespace). */
static wf_value implementation(wf_thread *t)
{
    wf_value name = wf_str_from_cstr(t, "implementation");
    wf_value dict = wf_dict_new(t);
    wf_value cls = WF_NULL, obj = WF_NULL;
    if (name && dict)
        cls = wf_type_new(t, name, wf_tuple_empty(), dict);
    if (cls)
        obj = wf_call(t, cls, NULL, 0, 0);
    wf_value d = obj ? wf_object_dict(t, obj) : WF_NULL;
    bool ok = d && set_owned(t, d, "name", wf_str_from_cstr(t, "weft")) == 0 &&
              set_owned(t, d, "cache_tag", wf_str_from_cstr(t, "weft-311")) == 0 &&
              set_owned(t, d, "version", version_info(t)) == 0 &&
              wf_dict_set_cstr(t, d, "hexversion", wf_smallint_box(0x030B07F0)) == 0;
    wf_value parts[] = {name, dict, cls};
    for (size_t i = 0; i < 3; i++)
        if (parts[i])
            wf_value_decref(t, parts[i]);
    if (!ok && obj) {
        wf_value_decref(t, obj);
        obj = WF_NULL;
    }
    if (!ok && !wf_err_occurred(t))
        wf_err_set(t, &wf_exc_SystemError, "sys.implementation has no __dict__");
    return obj;
}

/* The path of the running executable, as sys.executable. */
static wf_value executable(wf_thread *t)
{
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    return wf_str_from_utf8(t, buf, n > 0 ? (size_t)n : 0);
}

static wf_value builtin_module_names(wf_thread *t)
{
    wf_value a = wf_str_from_cstr(t, "builtins"), b = wf_str_from_cstr(t, "sys");
    wf_value r = a && b ? wf_tuple_pack(t, 2, a, b) : WF_NULL;
    if (a)
        wf_value_decref(t, a);
    if (b)
        wf_value_decref(t, b);
    return r;
}

static int add_values(wf_thread *t, wf_value m)
{
    wf_value d = wf_module_dict(m);
    for (const wf_method_def *def = sys_functions; def->name; def++)
        if (set_owned(t, d, def->name, wf_builtin_new(t, def, m)) < 0)
            return -1;
    wf_value modules = wf_dict_new(t);
    if (!modules)
        return -1;
    /* sys.modules lives as long as the process; module.c reads it without counting */
    wf_object_set_immortal(wf_to_object(modules));
    wf_value argv_item = wf_str_from_cstr(t, "");
    wf_value argv = argv_item ? wf_list_from_array(t, &argv_item, 1) : WF_NULL;
    if (argv_item)
        wf_value_decref(t, argv_item);
    if (set_owned(t, d, "modules", modules) < 0 || set_owned(t, d, "argv", argv) < 0 ||
        set_owned(t, d, "orig_argv", wf_list_new(t, 0)) < 0 ||
        set_owned(t, d, "path", wf_list_new(t, 0)) < 0 ||
        set_owned(t, d, "version", wf_str_from_cstr(t, WF_VERSION_TEXT)) < 0 ||
        set_owned(t, d, "version_info", version_info(t)) < 0 ||
        set_owned(t, d, "flags", flags(t)) < 0 ||
        set_owned(t, d, "float_info", float_info(t)) < 0 ||
        set_owned(t, d, "int_info", int_info(t)) < 0 ||
        set_owned(t, d, "hash_info", hash_info(t)) < 0 ||
        set_owned(t, d, "hexversion", wf_int_from_int64(t, 0x030B07F0)) < 0 ||
        set_owned(t, d, "maxsize", wf_int_from_int64(t, INT64_MAX)) < 0 ||
        set_owned(t, d, "maxunicode", wf_int_from_int64(t, 0x10FFFF)) < 0 ||
        set_owned(t, d, "platform", wf_str_from_cstr(t, "linux")) < 0 ||
        set_owned(t, d, "byteorder", wf_str_from_cstr(t, "little")) < 0 ||
        set_owned(t, d, "executable", executable(t)) < 0 ||
        set_owned(t, d, "prefix", wf_str_from_cstr(t, "")) < 0 ||
        set_owned(t, d, "builtin_module_names", builtin_module_names(t)) < 0 ||
        wf_dict_set_cstr(t, d, "dont_write_bytecode", WF_TRUE) < 0 ||
        set_owned(t, d, "implementation", implementation(t)) < 0 || add_std_files(t, d) < 0)
        return -1;
    return 0;
}

static _Atomic wf_value sys_slot;

wf_value wf_sys_module(wf_thread *t)
{
    /* acquire: pairs with the publishing compare-and-swap in wf_module_publish */
    wf_value m = atomic_load_explicit(&sys_slot, memory_order_acquire);
    if (m)
        return m; /* immortal */
    m = wf_module_new(t, "sys");
    if (!m)
        return WF_NULL;
    wf_module_set_builtin(m);
    if (add_values(t, m) < 0) {
        wf_value_decref(t, m);
        return WF_NULL;
    }
    m = wf_module_publish(t, &sys_slot, m);
    /* sys.modules knows sys and builtins from the start, as in CPython */
    wf_value mods = wf_dict_get_cstr(t, wf_module_dict(m), "modules");
    wf_value b = wf_builtins_module(t);
    int rc = (mods && b) ? wf_dict_set_cstr(t, mods, "sys", m) : -1;
    if (rc == 0)
        rc = wf_dict_set_cstr(t, mods, "builtins", b);
    if (mods)
        wf_value_decref(t, mods);
    return rc < 0 ? WF_NULL : m;
}

bool wf_sys_set_argv(wf_thread *t, int argc, char **argv)
{
    wf_value sys = wf_sys_module(t);
    if (!sys)
        return false;
    wf_value list = wf_list_new(t, (size_t)argc);
    for (int i = 0; list && i < argc; i++) {
        wf_value s = wf_str_from_cstr(t, argv[i]);
        if (!s || wf_list_append(t, list, s) < 0) {
            if (s)
                wf_value_decref(t, s);
            wf_value_decref(t, list);
            return false;
        }
        wf_value_decref(t, s);
    }
    if (argc == 0 && list) { /* sys.argv is never empty: [''] */
        wf_value s = wf_str_from_cstr(t, "");
        if (!s || wf_list_append(t, list, s) < 0)
            return false;
        wf_value_decref(t, s);
    }
    return set_owned(t, wf_module_dict(sys), "argv", list) == 0;
}

/* Flush one std stream by calling its flush method; -1 with the exception set. */
static int flush_one(wf_thread *t, const char *name)
{
    wf_value sys = wf_sys_module(t);
    if (!sys)
        return -1;
    wf_value f = wf_dict_get_cstr(t, wf_module_dict(sys), name);
    if (!f || f == WF_NONE) {
        if (f)
            wf_value_decref(t, f);
        return wf_err_occurred(t) ? -1 : 0;
    }
    /* a stream the program closed is skipped, as CPython's flush_std_files does */
    wf_value closed = wf_getattr_opt(t, f, wf_str_intern_cstr(t, "closed"));
    int is_closed = closed ? wf_truth(t, closed) : 0;
    if (closed)
        wf_value_decref(t, closed);
    wf_err_clear(t);
    wf_value r = is_closed > 0 ? wf_newref(t, WF_NONE)
                               : wf_call_method(t, f, wf_str_intern_cstr(t, "flush"), NULL, 0);
    wf_value_decref(t, f);
    if (!r)
        return -1;
    wf_value_decref(t, r);
    return 0;
}

int wf_sys_flush_std_checked(wf_thread *t)
{
    /* printing the report flushes the std streams again: a stream that keeps failing
     * (a full disk, a closed pipe) must not recurse */
    static _Thread_local bool reporting;
    if (reporting)
        return 0;
    int rc = 0;
    if (flush_one(t, "stdout") < 0) {
        wf_value exc = wf_err_fetch(t);
        rc = -1;
        /* as CPython's flush_std_files: report, keep going, exit status 120 */
        fprintf(stderr, "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' "
                        "encoding='utf-8'>\n");
        reporting = true;
        wf_print_exception(t, exc);
        reporting = false;
        wf_value_decref(t, exc);
    }
    if (flush_one(t, "stderr") < 0) {
        wf_err_clear(t);
        rc = -1;
    }
    wf_files_flush_all(t); /* then the files the program left open */
    return rc;
}

void wf_sys_flush_std(wf_thread *t)
{
    (void)wf_sys_flush_std_checked(t);
}
