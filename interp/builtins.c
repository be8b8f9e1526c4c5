/* The builtins module: built-in functions, the built-in types and exceptions under
 * their Python names, and the constants None, True, False, Ellipsis, NotImplemented.
 *
 * Every function here follows the vector convention (object.h) and reproduces
 * CPython 3.11's argument checking and messages, because programs (and tests) print
 * them. The work itself is done by the abstract operations (runtime/abstract.h); this
 * file only adapts arguments and picks the right error.
 *
 * The module is built once, by whichever thread asks first, and published with a
 * compare-and-swap (wf_module_publish); afterwards it is immortal and read-only except
 * for user assignments to builtins attributes, which go through the dict's own lock. */
#include <stdio.h>
#include <string.h>

#include "interp/fileio.h"
#include "interp/frame.h"
#include "interp/function.h"
#include "interp/module.h"
#include "interp/run.h"
#include "runtime/abstract.h"
#include "runtime/alloc.h"
#include "runtime/callable.h"
#include "runtime/dict.h"
#include "runtime/complex.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/iterators.h"
#include "runtime/bytes.h"
#include "runtime/range.h"
#include "runtime/set.h"
#include "runtime/slice.h"
#include "runtime/list.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

/* ---- Argument helpers ------------------------------------------------------------- */

/* "f() takes exactly one argument (n given)" and no keywords: CPython's METH_O. */
static bool one_arg(wf_thread *t, const char *fname, size_t nargs, wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, fname, kwnames))
        return false;
    if (nargs != 1) {
        wf_err_set(t, &wf_exc_TypeError, "%s() takes exactly one argument (%zu given)", fname,
                   nargs);
        return false;
    }
    return true;
}

/* "f expected at least 2 arguments, got 1" / "f expected at most 3 arguments, got 4":
 * the messages of CPython's _PyArg_CheckPositional, used by functions with a variable
 * positional count. */
static bool count_args(wf_thread *t, const char *fname, size_t nargs, size_t min, size_t max)
{
    if (nargs < min) {
        wf_err_set(t, &wf_exc_TypeError, "%s expected %s%zu argument%s, got %zu", fname,
                   min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
        return false;
    }
    if (nargs > max) {
        wf_err_set(t, &wf_exc_TypeError, "%s expected %s%zu argument%s, got %zu", fname,
                   min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
        return false;
    }
    return true;
}

static size_t kw_count(wf_value kwnames)
{
    return kwnames ? wf_tuple_size(kwnames) : 0;
}

/* Keyword-only arguments: out[i] gets the (borrowed) value passed for names[i], or 0.
 * An unknown keyword is "'x' is an invalid keyword argument for <shown>()". */
static bool kw_only(wf_thread *t, const char *shown, const wf_value *args, size_t nargs,
                    wf_value kwnames, const char *const *names, size_t n, wf_value *out)
{
    for (size_t i = 0; i < n; i++)
        out[i] = 0;
    for (size_t k = 0; k < kw_count(kwnames); k++) {
        const char *key = wf_str_utf8(WF_TUPLE_ITEMS(kwnames)[k]);
        size_t i = 0;
        while (i < n && strcmp(names[i], key) != 0)
            i++;
        if (i == n) {
            wf_err_set(t, &wf_exc_TypeError, "'%s' is an invalid keyword argument for %s()", key,
                       shown);
            return false;
        }
        out[i] = args[nargs + k];
    }
    return true;
}

static const char *tname(wf_value v)
{
    return wf_type_name(wf_type_of(v));
}

/* An interned name for C code, cached in *slot (benign race: every thread stores the
 * same immortal pointer; the atomics keep TSan informed). */
static wf_value cached_name(wf_thread *t, _Atomic wf_value *slot, const char *s)
{
    wf_value v = atomic_load_explicit(slot, memory_order_relaxed);
    if (!v) {
        v = wf_str_intern_cstr(t, s);
        atomic_store_explicit(slot, v, memory_order_relaxed);
    }
    return v;
}
#define NAME(t, s)                                                                                 \
    ({                                                                                             \
        static _Atomic wf_value _slot;                                                             \
        cached_name((t), &_slot, (s));                                                             \
    })

/* sys.<name> (new reference), RuntimeError "lost sys.<name>" when missing as CPython. */
static wf_value sys_attr(wf_thread *t, const char *name)
{
    wf_value sys = wf_sys_module(t);
    if (!sys)
        return WF_NULL;
    wf_value v = wf_dict_get_cstr(t, wf_module_dict(sys), name);
    wf_value_decref(t, sys);
    if (!v && !wf_err_occurred(t))
        wf_err_set(t, &wf_exc_RuntimeError, "lost sys.%s", name);
    return v;
}

/* ---- Output and input --------------------------------------------------------------- */

static int write_str(wf_thread *t, wf_value file, wf_value s)
{
    wf_value r = wf_call_method(t, file, NAME(t, "write"), &s, 1);
    if (!r)
        return -1;
    wf_value_decref(t, r);
    return 0;
}

static bool str_or_none(wf_thread *t, const char *what, wf_value v)
{
    if (v && v != WF_NONE && !wf_str_check(v)) {
        wf_err_set(t, &wf_exc_TypeError, "%s must be None or a string, not %s", what, tname(v));
        return false;
    }
    return true;
}

/* print(*objects, sep=' ', end='\n', file=None, flush=False) */
static wf_value bi_print(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                         wf_value kwnames)
{
    (void)self;
    static const char *const names[] = {"sep", "end", "file", "flush"};
    wf_value kw[4];
    if (!kw_only(t, "print", args, nargs, kwnames, names, 4, kw))
        return WF_NULL;
    if (!str_or_none(t, "sep", kw[0]) || !str_or_none(t, "end", kw[1]))
        return WF_NULL;
    wf_value file = (kw[2] && kw[2] != WF_NONE) ? wf_newref(t, kw[2]) : sys_attr(t, "stdout");
    if (!file)
        return WF_NULL;
    if (file == WF_NONE) /* sys.stdout = None: print does nothing, as CPython */
        return file;
    wf_value sep = (kw[0] && kw[0] != WF_NONE) ? kw[0] : WF_NULL;
    wf_value end = (kw[1] && kw[1] != WF_NONE) ? kw[1] : WF_NULL;
    int rc = 0;
    for (size_t i = 0; i < nargs && rc == 0; i++) {
        if (i > 0) {
            wf_value s = sep ? wf_newref(t, sep) : wf_str_from_cstr(t, " ");
            rc = s ? write_str(t, file, s) : -1;
            if (s)
                wf_value_decref(t, s);
            if (rc < 0)
                break;
        }
        wf_value s = wf_str(t, args[i]);
        rc = s ? write_str(t, file, s) : -1;
        if (s)
            wf_value_decref(t, s);
    }
    if (rc == 0) {
        wf_value s = end ? wf_newref(t, end) : wf_str_from_cstr(t, "\n");
        rc = s ? write_str(t, file, s) : -1;
        if (s)
            wf_value_decref(t, s);
    }
    if (rc == 0 && kw[3]) {
        int flush = wf_truth(t, kw[3]);
        if (flush < 0)
            rc = -1;
        else if (flush) {
            wf_value r = wf_call_method(t, file, NAME(t, "flush"), NULL, 0);
            rc = r ? 0 : -1;
            if (r)
                wf_value_decref(t, r);
        }
    }
    wf_value_decref(t, file);
    return rc < 0 ? WF_NULL : WF_NONE;
}

/* Flush sys.<name> if it has a flush method; errors are swallowed (as CPython's
 * flush_std_files does before reading input, a broken stream must not stop input). */
static void flush_std(wf_thread *t, const char *name)
{
    wf_value f = sys_attr(t, name);
    if (!f) {
        wf_err_clear(t);
        return;
    }
    if (f != WF_NONE) {
        wf_value r = wf_call_method(t, f, NAME(t, "flush"), NULL, 0);
        if (r)
            wf_value_decref(t, r);
        else
            wf_err_clear(t);
    }
    wf_value_decref(t, f);
}

/* input(prompt=''): the prompt goes to sys.stdout (flushed), the line comes from
 * sys.stdin.readline() without its newline; EOFError at end of input. */
static wf_value bi_input(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                         wf_value kwnames)
{
    (void)self;
    if (!wf_check_no_kwargs(t, "input", kwnames) || !count_args(t, "input", nargs, 0, 1))
        return WF_NULL;
    flush_std(t, "stderr");
    wf_value out = sys_attr(t, "stdout");
    if (!out)
        return WF_NULL;
    if (nargs == 1 && out != WF_NONE) {
        wf_value s = wf_str(t, args[0]);
        int rc = s ? write_str(t, out, s) : -1;
        if (s)
            wf_value_decref(t, s);
        if (rc < 0) {
            wf_value_decref(t, out);
            return WF_NULL;
        }
    }
    wf_value_decref(t, out);
    flush_std(t, "stdout");
    wf_value in = sys_attr(t, "stdin");
    if (!in)
        return WF_NULL;
    if (in == WF_NONE)
        return wf_err_set(t, &wf_exc_RuntimeError, "input(): lost sys.stdin");
    wf_value line = wf_call_method(t, in, NAME(t, "readline"), NULL, 0);
    wf_value_decref(t, in);
    if (!line)
        return WF_NULL;
    if (!wf_str_check(line)) {
        wf_value_decref(t, line);
        return wf_err_set(t, &wf_exc_TypeError, "object.readline() returned non-string");
    }
    size_t size = wf_str_size(line);
    if (size == 0) {
        wf_value_decref(t, line);
        return wf_err_set(t, &wf_exc_EOFError, "EOF when reading a line");
    }
    if (wf_str_utf8(line)[size - 1] != '\n')
        return line;
    wf_value r = wf_str_from_utf8(t, wf_str_utf8(line), size - 1);
    wf_value_decref(t, line);
    return r;
}

/* open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
 *      closefd=True) */
static wf_value bi_open(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                        wf_value kwnames)
{
    (void)self;
    static const char *const names[] = {"file",   "mode",    "buffering", "encoding",
                                        "errors", "newline", "closefd",   "opener"};
    wf_value a[8];
    if (!wf_parse_args(t, "open", args, nargs, kwnames, names, 8, 1, a))
        return WF_NULL;
    return wf_file_open_ex(t, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
}

/* ---- The caller's namespace ---------------------------------------------------------- */

/* Built-in functions run on the caller's frame (no frame is pushed for C calls), so
 * t->frame is the Python code that called globals(), locals(), vars(), dir() or
 * exec/eval. */
static wf_frame *caller_frame(wf_thread *t)
{
    if (!t->frame)
        wf_err_set(t, &wf_exc_SystemError, "no current frame");
    return t->frame;
}

static wf_value caller_globals(wf_thread *t)
{
    wf_frame *f = caller_frame(t);
    return f ? wf_newref(t, f->globals) : WF_NULL;
}

/* locals(): the namespace dict of module and class bodies; for a function, a new dict
 * of its bound variables (cells and free variables read through their cell), as
 * CPython's snapshot in f_locals. */
static wf_value caller_locals(wf_thread *t)
{
    wf_frame *f = caller_frame(t);
    if (!f)
        return WF_NULL;
    if (f->locals)
        return wf_newref(t, f->locals);
    wf_value d = wf_dict_new(t);
    wf_code *co = f->code;
    for (int i = 0; d && i < co->nlocalsplus; i++) {
        wf_value v = f->localsplus[i];
        if (!v)
            continue;
        bool via_cell = (co->localspluskinds[i] & (WF_KIND_CELL | WF_KIND_FREE)) &&
                        wf_is_object(v) && wf_to_object(v)->ob_type == &wf_cell_type;
        v = via_cell ? wf_cell_get(t, v) : wf_newref(t, v);
        if (!v)
            continue; /* an empty cell: the variable is unbound */
        int rc = wf_dict_set(t, d, WF_TUPLE_ITEMS(co->localsplusnames)[i], v);
        wf_value_decref(t, v);
        if (rc < 0) {
            wf_value_decref(t, d);
            d = WF_NULL;
        }
    }
    return d;
}

static wf_value bi_globals(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    (void)self;
    (void)args;
    if (!wf_check_no_kwargs(t, "globals", kwnames) || !wf_check_nargs(t, "globals", nargs, 0, 0))
        return WF_NULL;
    return caller_globals(t);
}

static wf_value bi_locals(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    (void)self;
    (void)args;
    if (!wf_check_no_kwargs(t, "locals", kwnames) || !wf_check_nargs(t, "locals", nargs, 0, 0))
        return WF_NULL;
    return caller_locals(t);
}

/* ---- Object protocol ------------------------------------------------------------------ */

static wf_value bi_len(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                       wf_value kwnames)
{
    (void)self;
    if (!one_arg(t, "len", nargs, kwnames))
        return WF_NULL;
    int64_t n = wf_len(t, args[0]);
    return n < 0 ? WF_NULL : wf_int_from_int64(t, n);
}

static wf_value bi_repr(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                        wf_value kwnames)
{
    (void)self;
    return one_arg(t, "repr", nargs, kwnames) ? wf_repr(t, args[0]) : WF_NULL;
}

static wf_value bi_ascii(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                         wf_value kwnames)
{
    (void)self;
    return one_arg(t, "ascii", nargs, kwnames) ? wf_ascii(t, args[0]) : WF_NULL;
}

/* format(value, format_spec='') */
static wf_value bi_format(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    (void)self;
    /* positional only, as CPython's */
    if (!wf_check_no_kwargs(t, "format", kwnames) || !count_args(t, "format", nargs, 1, 2))
        return WF_NULL;
    wf_value a[2] = {args[0], nargs > 1 ? args[1] : 0};
    if (a[1] && !wf_str_check(a[1]))
        return wf_err_set(t, &wf_exc_TypeError, "format() argument 2 must be str, not %s",
                          tname(a[1]));
    if (a[1])
        return wf_format(t, a[0], a[1]);
    wf_value empty = wf_str_from_cstr(t, "");
    if (!empty)
        return WF_NULL;
    wf_value r = wf_format(t, a[0], empty);
    wf_value_decref(t, empty);
    return r;
}

static wf_value bi_hash(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                        wf_value kwnames)
{
    (void)self;
    if (!one_arg(t, "hash", nargs, kwnames))
        return WF_NULL;
    int64_t h = wf_hash(t, args[0]);
    return h == -1 ? WF_NULL : wf_int_from_int64(t, h);
}

/* id(x): the object's address; a tagged int's own word (odd, so never an address). */
static wf_value bi_id(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                      wf_value kwnames)
{
    (void)self;
    if (!one_arg(t, "id", nargs, kwnames))
        return WF_NULL;
    return wf_int_from_uint64(t, (uint64_t)args[0]);
}

static wf_value bi_callable(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    (void)self;
    return one_arg(t, "callable", nargs, kwnames) ? wf_bool(wf_callable(args[0])) : WF_NULL;
}

static wf_value bi_isinstance(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    (void)self;
    if (!wf_check_no_kwargs(t, "isinstance", kwnames) || !count_args(t, "isinstance", nargs, 2, 2))
        return WF_NULL;
    int r = wf_isinstance(t, args[0], args[1]);
    return r < 0 ? WF_NULL : wf_bool(r);
}

static wf_value bi_issubclass(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    (void)self;
    if (!wf_check_no_kwargs(t, "issubclass", kwnames) || !count_args(t, "issubclass", nargs, 2, 2))
        return WF_NULL;
    int r = wf_issubclass(t, args[0], args[1]);
    return r < 0 ? WF_NULL : wf_bool(r);
}

static bool attr_name_ok(wf_thread *t, wf_value name)
{
    if (wf_str_check(name))
        return true;
    wf_err_set(t, &wf_exc_TypeError, "attribute name must be string, not '%s'", tname(name));
    return false;
}

/* getattr(object, name[, default]) */
static wf_value bi_getattr(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    (void)self;
    if (!wf_check_no_kwargs(t, "getattr", kwnames) || !count_args(t, "getattr", nargs, 2, 3) ||
        !attr_name_ok(t, args[1]))
        return WF_NULL;
    if (nargs == 2)
        return wf_getattr(t, args[0], args[1]);
    wf_value v = wf_getattr_opt(t, args[0], args[1]);
    if (v || wf_err_occurred(t))
        return v;
    return wf_newref(t, args[2]);
}

static wf_value bi_hasattr(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    (void)self;
    if (!wf_check_no_kwargs(t, "hasattr", kwnames) || !count_args(t, "hasattr", nargs, 2, 2) ||
        !attr_name_ok(t, args[1]))
        return WF_NULL;
    wf_value v = wf_getattr_opt(t, args[0], args[1]);
    if (!v)
        return wf_err_occurred(t) ? WF_NULL : WF_FALSE;
    wf_value_decref(t, v);
    return WF_TRUE;
}

static wf_value bi_setattr(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    (void)self;
    if (!wf_check_no_kwargs(t, "setattr", kwnames) || !count_args(t, "setattr", nargs, 3, 3) ||
        !attr_name_ok(t, args[1]))
        return WF_NULL;
    return wf_setattr(t, args[0], args[1], args[2]) < 0 ? WF_NULL : WF_NONE;
}

static wf_value bi_delattr(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    (void)self;
    if (!wf_check_no_kwargs(t, "delattr", kwnames) || !count_args(t, "delattr", nargs, 2, 2) ||
        !attr_name_ok(t, args[1]))
        return WF_NULL;
    return wf_setattr(t, args[0], args[1], WF_NULL) < 0 ? WF_NULL : WF_NONE;
}

/* vars(object): object.__dict__. The no-argument form (the caller's locals) needs the
 * interpreter's frame API and is not available yet. */
static wf_value bi_vars(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                        wf_value kwnames)
{
    (void)self;
    if (!wf_check_no_kwargs(t, "vars", kwnames) || !count_args(t, "vars", nargs, 0, 1))
        return WF_NULL;
    if (nargs == 0)
        return caller_locals(t);
    wf_value d = wf_getattr_opt(t, args[0], NAME(t, "__dict__"));
    if (!d && !wf_err_occurred(t))
        wf_err_set(t, &wf_exc_TypeError, "vars() argument must have __dict__ attribute");
    return d;
}

/* Append the keys of dict d (if it is one) to list out. */
static int add_dict_keys(wf_thread *t, wf_value out, wf_value d)
{
    if (!d || !wf_dict_check(d))
        return 0;
    wf_value items = wf_dict_items(t, d);
    if (!items)
        return -1;
    int rc = 0;
    for (int64_t i = 0; rc == 0 && i < wf_list_size(items); i++) {
        wf_value pair = wf_list_get(t, items, i);
        rc = pair ? wf_list_append(t, out, WF_TUPLE_ITEMS(pair)[0]) : -1;
        if (pair)
            wf_value_decref(t, pair);
    }
    wf_value_decref(t, items);
    return rc;
}

/* The names object.__dir__ / type.__dir__ give when nothing overrides them: for a
 * class, the keys of every dict along its MRO; for another object, its instance
 * __dict__'s keys and those of its class's MRO. Duplicates go in sorted_unique. */
static wf_value default_dir(wf_thread *t, wf_value obj)
{
    wf_value out = wf_list_new(t, 0);
    if (!out)
        return WF_NULL;
    bool is_type = wf_isinstance_type(obj, &wf_type_type);
    int rc = 0;
    if (!is_type) {
        wf_value d = wf_getattr_opt(t, obj, NAME(t, "__dict__"));
        rc = wf_err_occurred(t) ? -1 : add_dict_keys(t, out, d);
        if (d)
            wf_value_decref(t, d);
    }
    wf_type *type = is_type ? (wf_type *)wf_to_object(obj) : wf_type_of(obj);
    wf_value mro = type->tp_mro ? wf_from_object(type->tp_mro) : WF_NULL;
    for (size_t i = 0; rc == 0 && mro && i < wf_tuple_size(mro); i++) {
        wf_type *base = (wf_type *)wf_to_object(WF_TUPLE_ITEMS(mro)[i]);
        if (base->tp_dict)
            rc = add_dict_keys(t, out, wf_from_object(base->tp_dict));
    }
    if (rc < 0) {
        wf_value_decref(t, out);
        return WF_NULL;
    }
    return out;
}

/* Sort list in place and drop adjacent duplicates (dir() returns unique names). */
static wf_value sorted_unique(wf_thread *t, wf_value list)
{
    if (wf_list_sort(t, list, WF_NULL, false) < 0)
        return WF_NULL;
    wf_value out = wf_list_new(t, 0);
    wf_value prev = WF_NULL;
    for (int64_t i = 0; out && i < wf_list_size(list); i++) {
        wf_value item = wf_list_get(t, list, i);
        int same = (item && prev) ? wf_richcompare_bool(t, item, prev, WF_CMP_EQ) : 0;
        if (!item || same < 0 || (!same && wf_list_append(t, out, item) < 0)) {
            if (item)
                wf_value_decref(t, item);
            wf_value_decref(t, out);
            out = WF_NULL;
            break;
        }
        if (prev)
            wf_value_decref(t, prev);
        prev = item;
    }
    if (prev)
        wf_value_decref(t, prev);
    return out;
}

/* dir(object): sorted(type(object).__dir__(object)), or the default listing when no
 * __dir__ exists along the MRO. */
static wf_value bi_dir(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                       wf_value kwnames)
{
    (void)self;
    if (!wf_check_no_kwargs(t, "dir", kwnames) || !count_args(t, "dir", nargs, 0, 1))
        return WF_NULL;
    wf_value names;
    if (nargs == 0) { /* the caller's local names */
        wf_value locals = caller_locals(t);
        if (!locals)
            return WF_NULL;
        names = wf_list_new(t, 0);
        if (names && wf_list_extend(t, names, locals) < 0) {
            wf_value_decref(t, names);
            names = WF_NULL;
        }
        wf_value_decref(t, locals);
        if (!names)
            return WF_NULL;
        wf_value r = wf_list_sort(t, names, WF_NULL, false) < 0 ? WF_NULL : wf_newref(t, names);
        wf_value_decref(t, names);
        return r;
    }
    wf_value obj = args[0];
    bool is_type = wf_isinstance_type(obj, &wf_type_type);
    wf_value meth = is_type ? WF_NULL : wf_type_lookup(t, wf_type_of(obj), NAME(t, "__dir__"));
    if (meth) {
        wf_value r = wf_call_method(t, obj, NAME(t, "__dir__"), NULL, 0);
        if (!r)
            return WF_NULL;
        names = wf_list_new(t, 0);
        if (names && wf_list_extend(t, names, r) < 0) {
            wf_value_decref(t, names);
            names = WF_NULL;
        }
        wf_value_decref(t, r);
    } else {
        names = default_dir(t, obj);
    }
    if (!names)
        return WF_NULL;
    wf_value r = sorted_unique(t, names);
    wf_value_decref(t, names);
    return r;
}

/* ---- Numbers ----------------------------------------------------------------------- */

static wf_value bi_abs(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                       wf_value kwnames)
{
    (void)self;
    return one_arg(t, "abs", nargs, kwnames) ? wf_absolute(t, args[0]) : WF_NULL;
}

/* hex/oct/bin: operator.index, then the alternate-form format ('#x' gives '-0xff'). */
static wf_value int_to_base(wf_thread *t, const char *fname, const char *spec, const wf_value *args,
                            size_t nargs, wf_value kwnames)
{
    if (!one_arg(t, fname, nargs, kwnames))
        return WF_NULL;
    wf_value i = wf_index(t, args[0]);
    if (!i)
        return WF_NULL;
    wf_value s = wf_str_from_cstr(t, spec);
    wf_value r = s ? wf_format(t, i, s) : WF_NULL;
    if (s)
        wf_value_decref(t, s);
    wf_value_decref(t, i);
    return r;
}

static wf_value bi_hex(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                       wf_value kwnames)
{
    (void)self;
    return int_to_base(t, "hex", "#x", args, nargs, kwnames);
}

static wf_value bi_oct(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                       wf_value kwnames)
{
    (void)self;
    return int_to_base(t, "oct", "#o", args, nargs, kwnames);
}

static wf_value bi_bin(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                       wf_value kwnames)
{
    (void)self;
    return int_to_base(t, "bin", "#b", args, nargs, kwnames);
}

/* chr(i): the code point as a one-character str (lone surrogates allowed). */
static wf_value bi_chr(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                       wf_value kwnames)
{
    (void)self;
    if (!one_arg(t, "chr", nargs, kwnames))
        return WF_NULL;
    wf_value i = wf_index(t, args[0]);
    if (!i)
        return WF_NULL;
    int64_t cp;
    bool ok = wf_int_as_int64(t, i, &cp);
    wf_value_decref(t, i);
    if (!ok || cp < INT32_MIN || cp > INT32_MAX) {
        if (ok || wf_err_matches(t, &wf_exc_OverflowError)) {
            wf_err_clear(t);
            wf_err_set(t, &wf_exc_OverflowError, "Python int too large to convert to C int");
        }
        return WF_NULL;
    }
    if (cp < 0 || cp > 0x10FFFF)
        return wf_err_set(t, &wf_exc_ValueError, "chr() arg not in range(0x110000)");
    char buf[4];
    size_t n;
    if (cp < 0x80) {
        buf[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        buf[0] = (char)(0xC0 | (cp >> 6));
        buf[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        buf[0] = (char)(0xE0 | (cp >> 12));
        buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        buf[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        buf[0] = (char)(0xF0 | (cp >> 18));
        buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        buf[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return wf_str_from_utf8(t, buf, n);
}

/* ord(c) for a one-character str, bytes or bytearray. */
static wf_value bi_ord(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                       wf_value kwnames)
{
    (void)self;
    if (!one_arg(t, "ord", nargs, kwnames))
        return WF_NULL;
    wf_value c = args[0];
    if (wf_bytes_check(c) || wf_bytearray_check(c)) {
        size_t n = wf_bytes_check(c) ? wf_bytes_size(c)
                                     : atomic_load(&((wf_bytearray_object *)wf_to_object(c))->size);
        if (n != 1)
            return wf_err_set(t, &wf_exc_TypeError,
                              "ord() expected a character, but string of length %zu found", n);
        unsigned char byte =
            wf_bytes_check(c)
                ? (unsigned char)wf_bytes_data(c)[0]
                : (unsigned char)atomic_load(&((wf_bytearray_object *)wf_to_object(c))->data)[0];
        return wf_smallint_box(byte);
    }
    if (!wf_str_check(c))
        return wf_err_set(t, &wf_exc_TypeError, "ord() expected string of length 1, but %s found",
                          tname(c));
    if (wf_str_length(c) != 1)
        return wf_err_set(t, &wf_exc_TypeError,
                          "ord() expected a character, but string of length %lld found",
                          (long long)wf_str_length(c));
    const char *p = wf_str_utf8(c);
    uint32_t cp = (unsigned char)p[0];
    size_t size = wf_str_size(c);
    if (size > 1) {
        cp &= 0xFFu >> (size + 1); /* the lead byte's payload bits */
        for (size_t k = 1; k < size; k++)
            cp = (cp << 6) | ((unsigned char)p[k] & 0x3F);
    }
    return wf_int_from_int64(t, cp);
}

/* divmod(a, b): a.__divmod__(b), then b.__rdivmod__(a); ints and floats (which may
 * not expose those dunders) as (a // b, a % b), which is the same result. */
static wf_value bi_divmod(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    (void)self;
    if (!wf_check_no_kwargs(t, "divmod", kwnames) || !count_args(t, "divmod", nargs, 2, 2))
        return WF_NULL;
    wf_value a = args[0], b = args[1];
    wf_value fn = wf_type_lookup(t, wf_type_of(a), NAME(t, "__divmod__"));
    if (fn) {
        wf_value r = wf_call_method(t, a, NAME(t, "__divmod__"), &b, 1);
        if (r != WF_NOTIMPLEMENTED)
            return r;
    }
    if (wf_type_of(b) != wf_type_of(a) &&
        wf_type_lookup(t, wf_type_of(b), NAME(t, "__rdivmod__"))) {
        wf_value r = wf_call_method(t, b, NAME(t, "__rdivmod__"), &a, 1);
        if (r != WF_NOTIMPLEMENTED)
            return r;
    }
    bool numeric = (wf_int_check(a) || wf_float_check(a)) && (wf_int_check(b) || wf_float_check(b));
    if (!numeric)
        return wf_err_set(t, &wf_exc_TypeError,
                          "unsupported operand type(s) for divmod(): '%s' and '%s'", tname(a),
                          tname(b));
    wf_value q = wf_binary_op(t, a, b, WF_NB_FLOOR_DIVIDE);
    if (!q)
        return WF_NULL;
    wf_value r = wf_binary_op(t, a, b, WF_NB_REMAINDER);
    if (!r) {
        wf_value_decref(t, q);
        return WF_NULL;
    }
    wf_value pair = wf_tuple_pack(t, 2, q, r);
    wf_value_decref(t, q);
    wf_value_decref(t, r);
    return pair;
}

/* pow(base, exp, mod=None) */
static wf_value bi_pow(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                       wf_value kwnames)
{
    (void)self;
    static const char *const names[] = {"base", "exp", "mod"};
    wf_value a[3];
    if (!wf_parse_args(t, "pow", args, nargs, kwnames, names, 3, 2, a))
        return WF_NULL;
    if (a[2] && a[2] != WF_NONE)
        return wf_power3(t, a[0], a[1], a[2]);
    return wf_binary_op(t, a[0], a[1], WF_NB_POWER);
}

/* round(number, ndigits=None): type(number).__round__(number[, ndigits]). */
static wf_value bi_round(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                         wf_value kwnames)
{
    (void)self;
    static const char *const names[] = {"number", "ndigits"};
    wf_value a[2];
    if (!wf_parse_args(t, "round", args, nargs, kwnames, names, 2, 1, a))
        return WF_NULL;
    wf_type *type = wf_type_of(a[0]);
    if (!wf_type_lookup(t, type, NAME(t, "__round__"))) {
        if (wf_err_occurred(t))
            return WF_NULL;
        return wf_err_set(t, &wf_exc_TypeError, "type %s doesn't define __round__ method",
                          wf_type_name(type));
    }
    bool with_digits = a[1] && a[1] != WF_NONE;
    return wf_call_method(t, a[0], NAME(t, "__round__"), &a[1], with_digits ? 1 : 0);
}

/* ---- Iteration --------------------------------------------------------------------- */

static wf_value bi_iter(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                        wf_value kwnames)
{
    (void)self;
    if (!wf_check_no_kwargs(t, "iter", kwnames) || !count_args(t, "iter", nargs, 1, 2))
        return WF_NULL;
    if (nargs == 1)
        return wf_iter(t, args[0]);
    if (!wf_callable(args[0]))
        return wf_err_set(t, &wf_exc_TypeError, "iter(v, w): v must be callable");
    return wf_callable_iter_new(t, args[0], args[1]);
}

/* next(iterator[, default]) */
static wf_value bi_next(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                        wf_value kwnames)
{
    (void)self;
    if (!wf_check_no_kwargs(t, "next", kwnames) || !count_args(t, "next", nargs, 1, 2))
        return WF_NULL;
    wf_unary_fn next = wf_type_of(args[0])->tp_iternext;
    if (!next)
        return wf_err_set(t, &wf_exc_TypeError, "'%s' object is not an iterator", tname(args[0]));
    /* Call the slot itself: wf_iter_next would clear a generator's StopIteration(value). */
    wf_value v = next(t, args[0]);
    if (v)
        return v;
    if (wf_err_occurred(t)) {
        if (nargs < 2 || !wf_err_matches(t, &wf_exc_StopIteration))
            return WF_NULL;
        wf_err_clear(t);
    }
    if (nargs == 2)
        return wf_newref(t, args[1]);
    return wf_err_set_none(t, &wf_exc_StopIteration);
}

/* any / all: stop at the first item whose truth equals `stop_on`. */
static wf_value any_all(wf_thread *t, const char *fname, bool stop_on, const wf_value *args,
                        size_t nargs, wf_value kwnames)
{
    if (!one_arg(t, fname, nargs, kwnames))
        return WF_NULL;
    wf_value it = wf_iter(t, args[0]);
    if (!it)
        return WF_NULL;
    wf_value item;
    int result = !stop_on;
    while ((item = wf_iter_next(t, it))) {
        int b = wf_truth(t, item);
        wf_value_decref(t, item);
        if (b < 0) {
            result = -1;
            break;
        }
        if (b == stop_on) {
            result = stop_on;
            break;
        }
    }
    wf_value_decref(t, it);
    if (result < 0 || wf_err_occurred(t))
        return WF_NULL;
    return wf_bool(result);
}

static wf_value bi_any(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                       wf_value kwnames)
{
    (void)self;
    return any_all(t, "any", true, args, nargs, kwnames);
}

static wf_value bi_all(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                       wf_value kwnames)
{
    (void)self;
    return any_all(t, "all", false, args, nargs, kwnames);
}

/* min/max(iterable, *[, default=obj, key=func]) / min/max(arg1, arg2, *args[, key]) */
static wf_value min_max(wf_thread *t, const char *fname, enum wf_cmp_op op, const wf_value *args,
                        size_t nargs, wf_value kwnames)
{
    static const char *const names[] = {"key", "default"};
    wf_value kw[2];
    if (nargs == 0)
        return wf_err_set(t, &wf_exc_TypeError, "%s expected at least 1 argument, got 0", fname);
    if (kw_count(kwnames) > 2)
        return wf_err_set(t, &wf_exc_TypeError,
                          "%s() takes at most 2 keyword arguments (%zu given)", fname,
                          kw_count(kwnames));
    if (!kw_only(t, fname, args, nargs, kwnames, names, 2, kw))
        return WF_NULL;
    wf_value key = (kw[0] && kw[0] != WF_NONE) ? kw[0] : WF_NULL;
    if (nargs > 1 && kw[1])
        return wf_err_set(t, &wf_exc_TypeError,
                          "Cannot specify a default for %s() with multiple positional arguments",
                          fname);
    wf_value it = nargs == 1 ? wf_iter(t, args[0]) : wf_tuple_from_array(t, args, nargs);
    if (it && nargs > 1) {
        wf_value tuple = it;
        it = wf_iter(t, tuple);
        wf_value_decref(t, tuple);
    }
    if (!it)
        return WF_NULL;
    wf_value best = WF_NULL, best_key = WF_NULL, item;
    while ((item = wf_iter_next(t, it))) {
        wf_value k = key ? wf_call(t, key, &item, 1, 0) : wf_newref(t, item);
        int better = !k ? -1 : !best ? 1 : wf_richcompare_bool(t, k, best_key, op);
        if (better > 0) {
            if (best) {
                wf_value_decref(t, best);
                wf_value_decref(t, best_key);
            }
            best = item;
            best_key = k;
            continue;
        }
        wf_value_decref(t, item);
        if (k)
            wf_value_decref(t, k);
        if (better < 0)
            break;
    }
    wf_value_decref(t, it);
    if (best)
        wf_value_decref(t, best_key);
    if (wf_err_occurred(t)) {
        if (best)
            wf_value_decref(t, best);
        return WF_NULL;
    }
    if (best)
        return best;
    if (kw[1])
        return wf_newref(t, kw[1]);
    return wf_err_set(t, &wf_exc_ValueError, "%s() arg is an empty sequence", fname);
}

static wf_value bi_min(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                       wf_value kwnames)
{
    (void)self;
    return min_max(t, "min", WF_CMP_LT, args, nargs, kwnames);
}

static wf_value bi_max(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                       wf_value kwnames)
{
    (void)self;
    return min_max(t, "max", WF_CMP_GT, args, nargs, kwnames);
}

/* sum(iterable, /, start=0) */
static wf_value bi_sum(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                       wf_value kwnames)
{
    (void)self;
    static const char *const names[] = {"start"};
    wf_value kw[1];
    if (nargs == 0)
        return wf_err_set(t, &wf_exc_TypeError,
                          "sum() takes at least 1 positional argument (0 given)");
    if (nargs > 2)
        return wf_err_set(t, &wf_exc_TypeError, "sum() takes at most 2 arguments (%zu given)",
                          nargs + kw_count(kwnames));
    if (!kw_only(t, "sum", args, nargs, kwnames, names, 1, kw))
        return WF_NULL;
    wf_value start = nargs == 2 ? args[1] : kw[0];
    if (start && wf_str_check(start))
        return wf_err_set(t, &wf_exc_TypeError,
                          "sum() can't sum strings [use ''.join(seq) instead]");
    if (start && (wf_bytes_check(start) || wf_bytearray_check(start)))
        return wf_err_set(t, &wf_exc_TypeError, "sum() can't sum %s [use b''.join(seq) instead]",
                          wf_bytes_check(start) ? "bytes" : "bytearray");
    wf_value it = wf_iter(t, args[0]);
    if (!it)
        return WF_NULL;
    wf_value acc = start ? wf_newref(t, start) : wf_smallint_box(0), item;
    while (acc && (item = wf_iter_next(t, it))) {
        wf_value next = wf_binary_op(t, acc, item, WF_NB_ADD);
        wf_value_decref(t, item);
        wf_value_decref(t, acc);
        acc = next;
    }
    wf_value_decref(t, it);
    if (acc && wf_err_occurred(t)) {
        wf_value_decref(t, acc);
        return WF_NULL;
    }
    return acc;
}

/* sorted(iterable, /, *, key=None, reverse=False) */
static wf_value bi_sorted(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    (void)self;
    static const char *const names[] = {"key", "reverse"};
    wf_value kw[2];
    if (nargs != 1)
        return wf_err_set(t, &wf_exc_TypeError, "sorted expected 1 argument, got %zu", nargs);
    if (!kw_only(t, "sort", args, nargs, kwnames, names, 2, kw))
        return WF_NULL;
    if (kw[1] && !wf_int_check(kw[1])) /* reverse is an int argument, as list.sort's */
        return wf_err_set(t, &wf_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          tname(kw[1]));
    int reverse = kw[1] ? wf_truth(t, kw[1]) : 0;
    if (reverse < 0)
        return WF_NULL;
    wf_value list = wf_list_new(t, 0);
    if (!list)
        return WF_NULL;
    wf_value key = (kw[0] && kw[0] != WF_NONE) ? kw[0] : WF_NULL;
    if (wf_list_extend(t, list, args[0]) < 0 || wf_list_sort(t, list, key, reverse) < 0) {
        wf_value_decref(t, list);
        return WF_NULL;
    }
    return list;
}

/* ---- Code and modules ---------------------------------------------------------------- */

/* The source text of exec/eval/compile's first argument (a str), or 0 with TypeError. */
static const char *source_text(wf_thread *t, const char *fname, wf_value src, size_t *len)
{
    if (!wf_str_check(src)) {
        wf_err_set(t, &wf_exc_TypeError, "%s() arg 1 must be a string, bytes or code object",
                   fname);
        return NULL;
    }
    *len = wf_str_size(src);
    if (strlen(wf_str_utf8(src)) != *len) {
        wf_err_set(t, &wf_exc_SyntaxError, "source code string cannot contain null bytes");
        return NULL;
    }
    return wf_str_utf8(src);
}

/* compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1) */
static wf_value bi_compile(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    (void)self;
    static const char *const names[] = {
        "source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"};
    wf_value a[7];
    if (!wf_parse_args(t, "compile", args, nargs, kwnames, names, 7, 3, a))
        return WF_NULL;
    if (!wf_str_check(a[1]))
        return wf_err_set(t, &wf_exc_TypeError, "compile() argument 'filename' must be str, not %s",
                          tname(a[1]));
    if (!wf_str_check(a[2]))
        return wf_err_set(t, &wf_exc_TypeError, "compile() argument 'mode' must be str, not %s",
                          tname(a[2]));
    const char *mode = wf_str_utf8(a[2]);
    if (strcmp(mode, "exec") != 0 && strcmp(mode, "eval") != 0 && strcmp(mode, "single") != 0)
        return wf_err_set(t, &wf_exc_ValueError,
                          "compile() mode must be 'exec', 'eval' or 'single'");
    size_t len;
    const char *src = source_text(t, "compile", a[0], &len);
    if (!src)
        return WF_NULL;
    return wf_compile_source(t, src, len, wf_str_utf8(a[1]), mode);
}

/* Run code in globals/locals, defaulting as exec and eval do: neither given, the
 * caller's globals and locals; only globals, locals = globals. */
static wf_value run_in_namespace(wf_thread *t, wf_value code, wf_value globals, wf_value locals)
{
    wf_value g = globals ? wf_newref(t, globals) : caller_globals(t);
    wf_value l = locals ? wf_newref(t, locals) : globals ? WF_NULL : caller_locals(t);
    wf_value r = WF_NULL;
    if (g && (l || locals || globals))
        r = wf_eval_code(t, code, g, l);
    if (g)
        wf_value_decref(t, g);
    if (l)
        wf_value_decref(t, l);
    return r;
}

/* exec/eval(source, globals=None, locals=None): code objects run as they are, strings
 * are compiled as "<string>". */
static wf_value exec_eval(wf_thread *t, const char *fname, const char *mode, const wf_value *args,
                          size_t nargs, wf_value kwnames)
{
    static const char *const names[] = {"source", "globals", "locals"};
    wf_value a[3];
    if (!wf_parse_args(t, fname, args, nargs, kwnames, names, 3, 1, a))
        return WF_NULL;
    wf_value globals = a[1] == WF_NONE ? WF_NULL : a[1];
    wf_value locals = a[2] == WF_NONE ? WF_NULL : a[2];
    if (globals && !wf_dict_check(globals))
        return wf_err_set(t, &wf_exc_TypeError,
                          strcmp(fname, "exec") == 0 ? "exec() globals must be a dict, not %s"
                                                     : "globals must be a dict",
                          tname(globals));
    if (locals && !wf_type_of(locals)->tp_as_mapping)
        return wf_err_set(t, &wf_exc_TypeError, "locals must be a mapping or None, not %s",
                          tname(locals));
    wf_value code;
    if (wf_str_check(a[0])) {
        size_t len;
        const char *src = source_text(t, fname, a[0], &len);
        if (!src)
            return WF_NULL;
        /* eval ignores leading spaces and tabs, as CPython */
        if (strcmp(mode, "eval") == 0)
            while (len && (*src == ' ' || *src == '\t'))
                src++, len--;
        code = wf_compile_source(t, src, len, "<string>", mode);
        if (!code)
            return WF_NULL;
    } else if (wf_code_check(a[0])) {
        code = wf_newref(t, a[0]);
    } else {
        return wf_err_set(t, &wf_exc_TypeError, "%s() arg 1 must be a string, bytes or code object",
                          fname);
    }
    wf_value r = run_in_namespace(t, code, globals, locals);
    wf_value_decref(t, code);
    if (r && strcmp(fname, "exec") == 0) {
        wf_value_decref(t, r);
        return WF_NONE;
    }
    return r;
}

static wf_value bi_exec(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                        wf_value kwnames)
{
    (void)self;
    return exec_eval(t, "exec", "exec", args, nargs, kwnames);
}

static wf_value bi_eval(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                        wf_value kwnames)
{
    (void)self;
    return exec_eval(t, "eval", "eval", args, nargs, kwnames);
}

/* __import__(name, globals=None, locals=None, fromlist=(), level=0): absolute imports
 * of built-in modules (the import system for files belongs to the interpreter part). */
static wf_value bi_import(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    (void)self;
    static const char *const names[] = {"name", "globals", "locals", "fromlist", "level"};
    wf_value a[5];
    if (!wf_parse_args(t, "__import__", args, nargs, kwnames, names, 5, 1, a))
        return WF_NULL;
    if (!wf_str_check(a[0]))
        return wf_err_set(t, &wf_exc_TypeError, "__import__() argument 1 must be str, not %s",
                          tname(a[0]));
    if (a[4]) {
        int64_t level;
        if (!wf_int_check(a[4]) || !wf_int_as_int64(t, a[4], &level)) {
            if (!wf_err_occurred(t))
                wf_err_set(t, &wf_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                           tname(a[4]));
            return WF_NULL;
        }
        if (level < 0)
            return wf_err_set(t, &wf_exc_ValueError, "level must be >= 0");
        if (level > 0)
            return wf_err_set(t, &wf_exc_ImportError,
                              "attempted relative import with no known parent package");
    }
    if (wf_str_size(a[0]) == 0)
        return wf_err_set(t, &wf_exc_ValueError, "Empty module name");
    return wf_import_module(t, a[0]);
}

/* exit and quit: what the site module adds to builtins. Their repr is the hint the
 * REPL shows for a bare `exit`; calling one raises SystemExit(code) (CPython's
 * _sitebuiltins.Quitter). Two static, immortal instances. */
typedef struct quitter {
    wf_object ob;
    const char *name;
} quitter;

static wf_value quitter_repr(wf_thread *t, wf_value self)
{
    return wf_str_printf(t, "Use %s() or Ctrl-D (i.e. EOF) to exit",
                         ((quitter *)wf_to_object(self))->name);
}

static wf_value quitter_call(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    static const char *const names[] = {"code"};
    wf_value a[1];
    (void)self;
    if (!wf_parse_args(t, "__call__", args, nargs, kwnames, names, 1, 0, a))
        return WF_NULL;
    return wf_err_set_arg(t, &wf_exc_SystemExit, a[0] ? a[0] : WF_NONE);
}

static wf_type quitter_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "Quitter",
    .tp_basicsize = sizeof(quitter),
    .tp_repr = quitter_repr,
    .tp_call = quitter_call,
};

static quitter exit_object = {WF_STATIC_OBJECT_HEAD(&quitter_type), "exit"};
static quitter quit_object = {WF_STATIC_OBJECT_HEAD(&quitter_type), "quit"};

/* ---- The module --------------------------------------------------------------------- */

#define FN(name, fn)                                                                               \
    {                                                                                              \
        name, fn, 0                                                                                \
    }
static const wf_method_def builtin_functions[] = {
    FN("__import__", bi_import),
    FN("abs", bi_abs),
    FN("all", bi_all),
    FN("any", bi_any),
    FN("ascii", bi_ascii),
    FN("bin", bi_bin),
    FN("callable", bi_callable),
    FN("chr", bi_chr),
    FN("compile", bi_compile),
    FN("delattr", bi_delattr),
    FN("dir", bi_dir),
    FN("divmod", bi_divmod),
    FN("eval", bi_eval),
    FN("exec", bi_exec),
    FN("format", bi_format),
    FN("getattr", bi_getattr),
    FN("globals", bi_globals),
    FN("hasattr", bi_hasattr),
    FN("hash", bi_hash),
    FN("hex", bi_hex),
    FN("id", bi_id),
    FN("input", bi_input),
    FN("isinstance", bi_isinstance),
    FN("issubclass", bi_issubclass),
    FN("iter", bi_iter),
    FN("len", bi_len),
    FN("locals", bi_locals),
    FN("max", bi_max),
    FN("min", bi_min),
    FN("next", bi_next),
    FN("oct", bi_oct),
    FN("open", bi_open),
    FN("ord", bi_ord),
    FN("pow", bi_pow),
    FN("print", bi_print),
    FN("repr", bi_repr),
    FN("round", bi_round),
    FN("setattr", bi_setattr),
    FN("sorted", bi_sorted),
    FN("sum", bi_sum),
    FN("vars", bi_vars),
    {NULL, NULL, 0},
};

/* The types under their builtins names. */
static const struct {
    const char *name;
    wf_type *type;
} builtin_types[] = {
    {"bool", &wf_bool_type},
    {"bytearray", &wf_bytearray_type},
    {"memoryview", &wf_memoryview_type},
    {"bytes", &wf_bytes_type},
    {"classmethod", &wf_classmethod_type},
    {"complex", &wf_complex_type},
    {"dict", &wf_dict_type},
    {"enumerate", &wf_enumerate_type},
    {"filter", &wf_filter_type},
    {"float", &wf_float_type},
    {"frozenset", &wf_frozenset_type},
    {"int", &wf_int_type},
    {"list", &wf_list_type},
    {"map", &wf_map_type},
    {"object", &wf_object_type},
    {"property", &wf_property_type},
    {"range", &wf_range_type},
    {"reversed", &wf_reversed_type},
    {"set", &wf_set_type},
    {"slice", &wf_slice_type},
    {"staticmethod", &wf_staticmethod_type},
    {"str", &wf_str_type},
    {"super", &wf_super_type},
    {"tuple", &wf_tuple_type},
    {"type", &wf_type_type},
    {"zip", &wf_zip_type},
};

static int add_contents(wf_thread *t, wf_value module)
{
    wf_value d = wf_module_dict(module);
    for (const wf_method_def *def = builtin_functions; def->name; def++) {
        wf_value f = wf_builtin_new(t, def, module);
        if (!f)
            return -1;
        int rc = wf_dict_set_cstr(t, d, def->name, f);
        wf_value_decref(t, f);
        if (rc < 0)
            return -1;
    }
    for (size_t i = 0; i < sizeof builtin_types / sizeof builtin_types[0]; i++)
        if (wf_dict_set_cstr(t, d, builtin_types[i].name, wf_type_value(builtin_types[i].type)) < 0)
            return -1;
#define ADD_EXC(name, base)                                                                        \
    if (wf_dict_set_cstr(t, d, #name, wf_type_value(&wf_exc_##name)) < 0)                          \
        return -1;
    WF_EXCEPTIONS(ADD_EXC)
#undef ADD_EXC
    wf_value oserror = wf_type_value(&wf_exc_OSError);
    if (wf_dict_set_cstr(t, d, "EnvironmentError", oserror) < 0 ||
        wf_dict_set_cstr(t, d, "IOError", oserror) < 0 ||
        wf_dict_set_cstr(t, d, "None", WF_NONE) < 0 ||
        wf_dict_set_cstr(t, d, "True", WF_TRUE) < 0 ||
        wf_dict_set_cstr(t, d, "False", WF_FALSE) < 0 ||
        wf_dict_set_cstr(t, d, "Ellipsis", WF_ELLIPSIS) < 0 ||
        wf_dict_set_cstr(t, d, "NotImplemented", WF_NOTIMPLEMENTED) < 0 ||
        wf_dict_set_cstr(t, d, "__debug__", WF_TRUE) < 0 ||
        wf_dict_set_cstr(t, d, "exit", wf_from_object(&exit_object.ob)) < 0 ||
        wf_dict_set_cstr(t, d, "quit", wf_from_object(&quit_object.ob)) < 0)
        return -1;
    return 0;
}

static _Atomic wf_value builtins_slot;

wf_value wf_builtins_module(wf_thread *t)
{
    /* acquire: pairs with the publishing compare-and-swap in wf_module_publish */
    wf_value m = atomic_load_explicit(&builtins_slot, memory_order_acquire);
    if (m)
        return m; /* immortal: no count needed */
    /* the types of this part are not in type.c's table: ready them here, before any
     * of their objects exists (the first call comes from wf_interp_init) */
    if (!wf_type_ready(t, &wf_module_type) || !wf_type_ready(t, &wf_textio_type) ||
        !wf_type_ready(t, &wf_buffered_reader_type) ||
        !wf_type_ready(t, &wf_buffered_writer_type) ||
        !wf_type_ready(t, &wf_buffered_random_type) || !wf_type_ready(t, &quitter_type))
        return WF_NULL;
    m = wf_module_new(t, "builtins");
    if (!m)
        return WF_NULL;
    wf_module_set_builtin(m);
    if (wf_dict_set_cstr(t, wf_module_dict(m), "__doc__", WF_NONE) < 0 || add_contents(t, m) < 0) {
        wf_value_decref(t, m);
        return WF_NULL;
    }
    return wf_module_publish(t, &builtins_slot, m);
}
