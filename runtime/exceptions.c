/* The built-in exception types (runtime/exceptions.h).
 *
 * Every type is a static, immortal wf_type. Types without state of their own list only
 * their name and base: wf_type_ready gives them the base's layout and slots. The types
 * with more state (StopIteration, SystemExit, ImportError, NameError, AttributeError,
 * OSError, SyntaxError) extend wf_exception with wf_value fields only, so one dealloc
 * releases every layout: it walks the values between the header and the size of the
 * nearest static type. A field of 0 reads as None. */
#include "exceptions.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "abstract.h"
#include "alloc.h"
#include "bytes.h"
#include "callable.h"
#include "error.h"
#include "list.h"
#include "singletons.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "utf8.h"

typedef struct {
    wf_exception base;
    wf_value value;
} exc_stopiteration;

typedef struct {
    wf_exception base;
    wf_value code;
} exc_systemexit;

typedef struct {
    wf_exception base;
    wf_value msg, name, path;
} exc_importerror;

typedef struct {
    wf_exception base;
    wf_value name;
} exc_nameerror;

typedef struct {
    wf_exception base;
    wf_value name, obj;
} exc_attributeerror;

typedef struct {
    wf_exception base;
    wf_value myerrno, strerror, filename, filename2;
} exc_oserror;

typedef struct {
    wf_exception base;
    wf_value msg, filename, lineno, offset, text, end_lineno, end_offset, print_file_and_line;
} exc_syntaxerror;

typedef struct {
    wf_exception base;
    wf_value encoding, object, start, end, reason;
} exc_unicodeerror;

#define EXC(v) ((wf_exception *)wf_to_object(v))

/* ---- Fields ------------------------------------------------------------------------ */

static wf_value or_none(wf_thread *t, wf_value v)
{
    return wf_newref(t, v ? v : WF_NONE);
}

/* Replace *field with a new reference to v (0 or None both store 0). */
static void set_field(wf_thread *t, wf_value *field, wf_value v)
{
    wf_value old = *field;
    *field = (v && v != WF_NONE) ? wf_newref(t, v) : 0;
    if (old)
        wf_value_decref(t, old);
}

static wf_value exc_args(wf_value self)
{
    wf_value args = EXC(self)->args;
    return args ? args : wf_tuple_empty();
}

/* ---- Life cycle -------------------------------------------------------------------- */

/* The size of the nearest static type: every value field up to there is ours. */
static size_t static_layout_size(wf_type *type)
{
    while (type->tp_flags & WF_TPFLAG_HEAPTYPE)
        type = type->tp_base;
    return type->tp_basicsize;
}

static void exc_dealloc(wf_thread *t, wf_object *o)
{
    wf_exception *e = (wf_exception *)o;
    wf_value base[] = {e->dict, e->args, e->traceback, e->cause, e->context};
    for (size_t i = 0; i < sizeof base / sizeof base[0]; i++)
        if (base[i])
            wf_value_decref(t, base[i]);
    /* the subclass layouts above are wf_value fields only */
    wf_value *v = (wf_value *)((char *)o + sizeof(wf_exception));
    wf_value *stop = (wf_value *)((char *)o + static_layout_size(o->ob_type));
    for (; v < stop; v++)
        if (*v)
            wf_value_decref(t, *v);
    wf_object_free(t, o);
}

static wf_value exc_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                        wf_value kwnames)
{
    (void)kwnames;
    wf_object *o = wf_object_alloc(t, type, type->tp_basicsize);
    if (!o)
        return wf_err_no_memory(t);
    wf_value tuple = wf_tuple_from_array(t, args, nargs);
    if (!tuple) {
        wf_decref(t, o);
        return WF_NULL;
    }
    ((wf_exception *)o)->args = tuple;
    return wf_from_object(o);
}

static int exc_init(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                    wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, wf_type_name(wf_type_of(self)), kwnames))
        return -1;
    wf_value tuple = wf_tuple_from_array(t, args, nargs);
    if (!tuple)
        return -1;
    wf_value old = EXC(self)->args;
    EXC(self)->args = tuple;
    if (old)
        wf_value_decref(t, old);
    return 0;
}

wf_value wf_exception_new(wf_thread *t, wf_type *type, wf_value args)
{
    WF_ASSERT(wf_tuple_check(args));
    /* the metatype's call directly: wf_call's recursion check would raise
     * RecursionError by making one, forever */
    if (!wf_type_ready(t, type))
        return WF_NULL;
    wf_value tv = wf_type_value(type);
    return wf_type_of(tv)->tp_call(t, tv, WF_TUPLE_ITEMS(args), wf_tuple_size(args), 0);
}

/* ---- BaseException: str, repr, attributes ------------------------------------------ */

static wf_value exc_str(wf_thread *t, wf_value self)
{
    wf_value args = exc_args(self);
    switch (wf_tuple_size(args)) {
    case 0:
        return wf_str_from_cstr(t, "");
    case 1:
        return wf_str(t, WF_TUPLE_ITEMS(args)[0]);
    default:
        return wf_str(t, args);
    }
}

/* "ValueError('x')", "ValueError()", "ValueError('a', 2)" */
static wf_value exc_repr(wf_thread *t, wf_value self)
{
    const char *name = wf_type_name(wf_type_of(self));
    wf_value args = exc_args(self);
    size_t n = wf_tuple_size(args);
    if (n == 0)
        return wf_str_printf(t, "%s()", name);
    wf_value r = wf_repr(t, n == 1 ? WF_TUPLE_ITEMS(args)[0] : args);
    if (!r)
        return WF_NULL;
    wf_value s = n == 1 ? wf_str_printf(t, "%s(%s)", name, wf_str_utf8(r))
                        : wf_str_printf(t, "%s%s", name, wf_str_utf8(r));
    wf_value_decref(t, r);
    return s;
}

static wf_value get_args(wf_thread *t, wf_value self)
{
    return wf_newref(t, exc_args(self));
}

static int set_args(wf_thread *t, wf_value self, wf_value value)
{
    if (!value) {
        wf_err_set(t, &wf_exc_TypeError, "args may not be deleted");
        return -1;
    }
    wf_value tuple = wf_call(t, wf_type_value(&wf_tuple_type), &value, 1, 0);
    if (!tuple)
        return -1;
    wf_value old = EXC(self)->args;
    EXC(self)->args = tuple;
    if (old)
        wf_value_decref(t, old);
    return 0;
}

static wf_value get_traceback(wf_thread *t, wf_value self)
{
    return or_none(t, EXC(self)->traceback);
}

static int set_traceback(wf_thread *t, wf_value self, wf_value value)
{
    if (!value) {
        wf_err_set(t, &wf_exc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    /* the traceback type belongs to the interpreter: known here by its name */
    if (value != WF_NONE && strcmp(wf_type_name(wf_type_of(value)), "traceback") != 0) {
        wf_err_set(t, &wf_exc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    set_field(t, &EXC(self)->traceback, value);
    return 0;
}

/* __cause__ and __context__ accept None or an exception instance. */
static int check_chain_value(wf_thread *t, wf_value value, const char *what)
{
    if (!value) {
        wf_err_set(t, &wf_exc_TypeError, "%s may not be deleted", what);
        return -1;
    }
    if (value != WF_NONE && !wf_exception_check(value)) {
        wf_err_set(t, &wf_exc_TypeError, "exception %s must be None or derive from BaseException",
                   strcmp(what, "__cause__") == 0 ? "cause" : "context");
        return -1;
    }
    return 0;
}

static wf_value get_cause(wf_thread *t, wf_value self)
{
    return or_none(t, EXC(self)->cause);
}

/* Setting __cause__ also sets __suppress_context__, as `raise ... from` does. */
static int set_cause(wf_thread *t, wf_value self, wf_value value)
{
    if (check_chain_value(t, value, "__cause__") < 0)
        return -1;
    set_field(t, &EXC(self)->cause, value);
    EXC(self)->suppress_context = true;
    return 0;
}

static wf_value get_context(wf_thread *t, wf_value self)
{
    return or_none(t, EXC(self)->context);
}

static int set_context(wf_thread *t, wf_value self, wf_value value)
{
    if (check_chain_value(t, value, "__context__") < 0)
        return -1;
    set_field(t, &EXC(self)->context, value);
    return 0;
}

static wf_value get_suppress_context(wf_thread *t, wf_value self)
{
    (void)t;
    return wf_bool(EXC(self)->suppress_context);
}

static int set_suppress_context(wf_thread *t, wf_value self, wf_value value)
{
    if (!value) {
        wf_err_set(t, &wf_exc_TypeError, "__suppress_context__ may not be deleted");
        return -1;
    }
    int truth = wf_truth(t, value);
    if (truth < 0)
        return -1;
    EXC(self)->suppress_context = truth;
    return 0;
}

static wf_value get_dict(wf_thread *t, wf_value self)
{
    wf_value d = wf_object_dict(t, self);
    return d ? wf_newref(t, d) : WF_NULL;
}

static wf_value exc_with_traceback(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                   wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "with_traceback", kwnames) ||
        !wf_check_nargs(t, "with_traceback", nargs, 1, 1))
        return WF_NULL;
    if (set_traceback(t, self, args[0]) < 0)
        return WF_NULL;
    return wf_newref(t, self);
}

/* e.add_note(s): appended to e.__notes__ (a list in the instance dict), printed
 * after the traceback. */
static wf_value exc_add_note(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "add_note", kwnames) || !wf_check_nargs(t, "add_note", nargs, 1, 1))
        return WF_NULL;
    if (!wf_str_check(args[0]))
        return wf_err_set(t, &wf_exc_TypeError, "note must be a str, not '%s'",
                          wf_type_name(wf_type_of(args[0])));
    wf_value name = wf_str_intern_cstr(t, "__notes__");
    wf_value notes = wf_getattr_opt(t, self, name);
    if (!notes) {
        if (wf_err_occurred(t))
            return WF_NULL;
        notes = wf_list_new(t, 0);
        if (!notes || wf_setattr(t, self, name, notes) < 0) {
            if (notes)
                wf_value_decref(t, notes);
            return WF_NULL;
        }
    }
    if (!wf_list_check(notes)) {
        wf_value_decref(t, notes);
        return wf_err_set(t, &wf_exc_TypeError, "Cannot add note: __notes__ is not a list");
    }
    int rc = wf_list_append(t, notes, args[0]);
    wf_value_decref(t, notes);
    return rc < 0 ? WF_NULL : WF_NONE;
}

static const wf_getset_def base_getset[] = {
    {"args", get_args, set_args},
    {"__traceback__", get_traceback, set_traceback},
    {"__cause__", get_cause, set_cause},
    {"__context__", get_context, set_context},
    {"__suppress_context__", get_suppress_context, set_suppress_context},
    {"__dict__", get_dict, NULL},
    {NULL},
};

static const wf_method_def base_methods[] = {
    {"with_traceback", exc_with_traceback, 0},
    {"add_note", exc_add_note, 0},
    {NULL},
};

/* ---- Getset helpers for value fields ------------------------------------------------ */

#define FIELD_GETSET(prefix, type, field)                                                          \
    static wf_value prefix##_get_##field(wf_thread *t, wf_value self)                              \
    {                                                                                              \
        return or_none(t, ((type *)wf_to_object(self))->field);                                    \
    }                                                                                              \
    static int prefix##_set_##field(wf_thread *t, wf_value self, wf_value value)                   \
    {                                                                                              \
        set_field(t, &((type *)wf_to_object(self))->field, value);                                 \
        return 0;                                                                                  \
    }
#define FIELD_ENTRY(prefix, name, field)                                                           \
    {                                                                                              \
        name, prefix##_get_##field, prefix##_set_##field                                           \
    }

/* The first argument, or None. */
static wf_value first_arg(const wf_value *args, size_t nargs)
{
    return nargs > 0 ? args[0] : WF_NONE;
}

/* Parse keyword-only arguments named in names (all optional) into out. */
static bool parse_kwonly(wf_thread *t, const char *fname, wf_value kwnames,
                         const wf_value *kwvalues, const char *const *names, size_t n,
                         wf_value *out)
{
    for (size_t i = 0; i < n; i++)
        out[i] = 0;
    if (!kwnames)
        return true;
    for (size_t k = 0; k < wf_tuple_size(kwnames); k++) {
        const char *key = wf_str_utf8(WF_TUPLE_ITEMS(kwnames)[k]);
        size_t i = 0;
        while (i < n && strcmp(names[i], key) != 0)
            i++;
        if (i == n) {
            wf_err_set(t, &wf_exc_TypeError, "%s() got an unexpected keyword argument '%s'", fname,
                       key);
            return false;
        }
        out[i] = kwvalues[k];
    }
    return true;
}

/* ---- StopIteration, SystemExit ------------------------------------------------------ */

FIELD_GETSET(stopiter, exc_stopiteration, value)

static int stopiter_init(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                         wf_value kwnames)
{
    if (exc_init(t, self, args, nargs, kwnames) < 0)
        return -1;
    set_field(t, &((exc_stopiteration *)wf_to_object(self))->value, first_arg(args, nargs));
    return 0;
}

static const wf_getset_def stopiter_getset[] = {
    FIELD_ENTRY(stopiter, "value", value),
    {NULL},
};

FIELD_GETSET(sysexit, exc_systemexit, code)

/* code: None without arguments, the argument alone, or the whole tuple. */
static int sysexit_init(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                        wf_value kwnames)
{
    if (exc_init(t, self, args, nargs, kwnames) < 0)
        return -1;
    wf_value code = nargs == 1 ? args[0] : nargs == 0 ? WF_NONE : EXC(self)->args;
    set_field(t, &((exc_systemexit *)wf_to_object(self))->code, code);
    return 0;
}

static const wf_getset_def sysexit_getset[] = {
    FIELD_ENTRY(sysexit, "code", code),
    {NULL},
};

/* ---- ImportError, NameError, AttributeError (keyword-only name=, path=, obj=) -------- */

FIELD_GETSET(importerr, exc_importerror, msg)
FIELD_GETSET(importerr, exc_importerror, name)
FIELD_GETSET(importerr, exc_importerror, path)

static int importerr_init(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    static const char *const names[] = {"name", "path"};
    wf_value kw[2];
    if (!parse_kwonly(t, wf_type_name(wf_type_of(self)), kwnames, args + nargs, names, 2, kw) ||
        exc_init(t, self, args, nargs, 0) < 0)
        return -1;
    exc_importerror *e = (exc_importerror *)wf_to_object(self);
    set_field(t, &e->name, kw[0]);
    set_field(t, &e->path, kw[1]);
    set_field(t, &e->msg, nargs == 1 ? args[0] : 0);
    return 0;
}

/* str is msg when set, else BaseException's str. */
static wf_value importerr_str(wf_thread *t, wf_value self)
{
    exc_importerror *e = (exc_importerror *)wf_to_object(self);
    if (e->msg)
        return wf_str(t, e->msg);
    return exc_str(t, self);
}

static const wf_getset_def importerr_getset[] = {
    FIELD_ENTRY(importerr, "msg", msg),
    FIELD_ENTRY(importerr, "name", name),
    FIELD_ENTRY(importerr, "path", path),
    {NULL},
};

FIELD_GETSET(nameerr, exc_nameerror, name)

static int nameerr_init(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                        wf_value kwnames)
{
    static const char *const names[] = {"name"};
    wf_value kw[1];
    if (!parse_kwonly(t, wf_type_name(wf_type_of(self)), kwnames, args + nargs, names, 1, kw) ||
        exc_init(t, self, args, nargs, 0) < 0)
        return -1;
    set_field(t, &((exc_nameerror *)wf_to_object(self))->name, kw[0]);
    return 0;
}

static const wf_getset_def nameerr_getset[] = {
    FIELD_ENTRY(nameerr, "name", name),
    {NULL},
};

FIELD_GETSET(attrerr, exc_attributeerror, name)
FIELD_GETSET(attrerr, exc_attributeerror, obj)

static int attrerr_init(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                        wf_value kwnames)
{
    static const char *const names[] = {"name", "obj"};
    wf_value kw[2];
    if (!parse_kwonly(t, wf_type_name(wf_type_of(self)), kwnames, args + nargs, names, 2, kw) ||
        exc_init(t, self, args, nargs, 0) < 0)
        return -1;
    exc_attributeerror *e = (exc_attributeerror *)wf_to_object(self);
    set_field(t, &e->name, kw[0]);
    set_field(t, &e->obj, kw[1]);
    return 0;
}

void wf_attribute_error_set_info(wf_thread *t, wf_value obj, wf_value name)
{
    wf_object *e = t->exc;
    if (!e || e->ob_type != &wf_exc_AttributeError)
        return;
    exc_attributeerror *a = (exc_attributeerror *)e;
    set_field(t, &a->name, name);
    set_field(t, &a->obj, obj);
}

static const wf_getset_def attrerr_getset[] = {
    FIELD_ENTRY(attrerr, "name", name),
    FIELD_ENTRY(attrerr, "obj", obj),
    {NULL},
};

/* ---- OSError ------------------------------------------------------------------------ */

FIELD_GETSET(oserr, exc_oserror, myerrno)
FIELD_GETSET(oserr, exc_oserror, strerror)
FIELD_GETSET(oserr, exc_oserror, filename)
FIELD_GETSET(oserr, exc_oserror, filename2)

/* OSError(errno, ...) builds the subclass for that errno, as CPython does. */
static wf_type *oserror_subtype(int64_t err)
{
    switch (err) {
    case EAGAIN:
    case EALREADY:
    case EINPROGRESS:
        return &wf_exc_BlockingIOError;
    case ECHILD:
        return &wf_exc_ChildProcessError;
    case EPIPE:
    case ESHUTDOWN:
        return &wf_exc_BrokenPipeError;
    case ECONNABORTED:
        return &wf_exc_ConnectionAbortedError;
    case ECONNREFUSED:
        return &wf_exc_ConnectionRefusedError;
    case ECONNRESET:
        return &wf_exc_ConnectionResetError;
    case EEXIST:
        return &wf_exc_FileExistsError;
    case ENOENT:
        return &wf_exc_FileNotFoundError;
    case EISDIR:
        return &wf_exc_IsADirectoryError;
    case ENOTDIR:
        return &wf_exc_NotADirectoryError;
    case EINTR:
        return &wf_exc_InterruptedError;
    case EACCES:
    case EPERM:
        return &wf_exc_PermissionError;
    case ESRCH:
        return &wf_exc_ProcessLookupError;
    case ETIMEDOUT:
        return &wf_exc_TimeoutError;
    default:
        return NULL;
    }
}

static wf_value oserr_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    if (type == &wf_exc_OSError && nargs >= 2 && nargs <= 5 && wf_is_smallint(args[0])) {
        wf_type *sub = oserror_subtype(wf_smallint_unbox(args[0]));
        if (sub) {
            if (!wf_type_ready(t, sub))
                return WF_NULL;
            type = sub;
        }
    }
    return exc_new(t, type, args, nargs, kwnames);
}

/* OSError(errno, strerror[, filename[, winerror[, filename2]]]): with a filename, args
 * keeps only the first two. */
static int oserr_init(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                      wf_value kwnames)
{
    size_t keep = (nargs >= 3 && nargs <= 5) ? 2 : nargs;
    if (exc_init(t, self, args, keep, kwnames) < 0)
        return -1;
    if (nargs < 2 || nargs > 5)
        return 0;
    exc_oserror *e = (exc_oserror *)wf_to_object(self);
    set_field(t, &e->myerrno, args[0]);
    set_field(t, &e->strerror, args[1]);
    if (nargs >= 3)
        set_field(t, &e->filename, args[2]);
    if (nargs == 5)
        set_field(t, &e->filename2, args[4]);
    return 0;
}

/* "[Errno 2] No such file or directory: 'x'", with " -> 'y'" for a second file. */
static wf_value oserr_str(wf_thread *t, wf_value self)
{
    exc_oserror *e = (exc_oserror *)wf_to_object(self);
    if (!e->myerrno || !e->strerror)
        return exc_str(t, self);
    wf_value parts[4] = {0};
    wf_value srcs[4] = {e->myerrno, e->strerror, e->filename, e->filename2};
    wf_value out = WF_NULL;
    for (int i = 0; i < 4; i++) {
        if (!srcs[i])
            continue;
        parts[i] = i < 2 ? wf_str(t, srcs[i]) : wf_repr(t, srcs[i]);
        if (!parts[i])
            goto done;
    }
    if (e->filename && e->filename2)
        out = wf_str_printf(t, "[Errno %s] %s: %s -> %s", wf_str_utf8(parts[0]),
                            wf_str_utf8(parts[1]), wf_str_utf8(parts[2]), wf_str_utf8(parts[3]));
    else if (e->filename)
        out = wf_str_printf(t, "[Errno %s] %s: %s", wf_str_utf8(parts[0]), wf_str_utf8(parts[1]),
                            wf_str_utf8(parts[2]));
    else
        out = wf_str_printf(t, "[Errno %s] %s", wf_str_utf8(parts[0]), wf_str_utf8(parts[1]));
done:
    for (int i = 0; i < 4; i++)
        if (parts[i])
            wf_value_decref(t, parts[i]);
    return out;
}

static const wf_getset_def oserr_getset[] = {
    FIELD_ENTRY(oserr, "errno", myerrno),
    FIELD_ENTRY(oserr, "strerror", strerror),
    FIELD_ENTRY(oserr, "filename", filename),
    FIELD_ENTRY(oserr, "filename2", filename2),
    {NULL},
};

/* ---- SyntaxError -------------------------------------------------------------------- */

FIELD_GETSET(syntaxerr, exc_syntaxerror, msg)
FIELD_GETSET(syntaxerr, exc_syntaxerror, filename)
FIELD_GETSET(syntaxerr, exc_syntaxerror, lineno)
FIELD_GETSET(syntaxerr, exc_syntaxerror, offset)
FIELD_GETSET(syntaxerr, exc_syntaxerror, text)
FIELD_GETSET(syntaxerr, exc_syntaxerror, end_lineno)
FIELD_GETSET(syntaxerr, exc_syntaxerror, end_offset)
FIELD_GETSET(syntaxerr, exc_syntaxerror, print_file_and_line)

/* SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset])) */
static int syntaxerr_init(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    if (exc_init(t, self, args, nargs, kwnames) < 0)
        return -1;
    exc_syntaxerror *e = (exc_syntaxerror *)wf_to_object(self);
    if (nargs >= 1)
        set_field(t, &e->msg, args[0]);
    if (nargs != 2)
        return 0;
    wf_value info = wf_call(t, wf_type_value(&wf_tuple_type), &args[1], 1, 0);
    if (!info)
        return -1;
    size_t n = wf_tuple_size(info);
    if (n < 4 || n > 6) {
        wf_value_decref(t, info);
        wf_err_set(t, &wf_exc_IndexError, "tuple index out of range");
        return -1;
    }
    wf_value *it = WF_TUPLE_ITEMS(info);
    wf_value *fields[6] = {&e->filename, &e->lineno,     &e->offset,
                           &e->text,     &e->end_lineno, &e->end_offset};
    for (size_t i = 0; i < n; i++)
        set_field(t, fields[i], it[i]);
    wf_value_decref(t, info);
    return 0;
}

/* The last path component, as CPython's my_basename. */
static const char *basename_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* "msg (file, line N)", "msg (file)", "msg (line N)" or str(msg). */
static wf_value syntaxerr_str(wf_thread *t, wf_value self)
{
    exc_syntaxerror *e = (exc_syntaxerror *)wf_to_object(self);
    wf_value msg = wf_str(t, e->msg ? e->msg : WF_NONE);
    if (!msg)
        return WF_NULL;
    bool have_file = e->filename && wf_str_check(e->filename);
    bool have_line = e->lineno && wf_is_smallint(e->lineno);
    wf_value out;
    if (have_file && have_line)
        out = wf_str_printf(t, "%s (%s, line %ld)", wf_str_utf8(msg),
                            basename_of(wf_str_utf8(e->filename)),
                            (long)wf_smallint_unbox(e->lineno));
    else if (have_file)
        out = wf_str_printf(t, "%s (%s)", wf_str_utf8(msg), basename_of(wf_str_utf8(e->filename)));
    else if (have_line)
        out =
            wf_str_printf(t, "%s (line %ld)", wf_str_utf8(msg), (long)wf_smallint_unbox(e->lineno));
    else
        return msg;
    wf_value_decref(t, msg);
    return out;
}

static const wf_getset_def syntaxerr_getset[] = {
    FIELD_ENTRY(syntaxerr, "msg", msg),
    FIELD_ENTRY(syntaxerr, "filename", filename),
    FIELD_ENTRY(syntaxerr, "lineno", lineno),
    FIELD_ENTRY(syntaxerr, "offset", offset),
    FIELD_ENTRY(syntaxerr, "text", text),
    FIELD_ENTRY(syntaxerr, "end_lineno", end_lineno),
    FIELD_ENTRY(syntaxerr, "end_offset", end_offset),
    FIELD_ENTRY(syntaxerr, "print_file_and_line", print_file_and_line),
    {NULL},
};

/* ---- UnicodeDecodeError, UnicodeEncodeError, UnicodeTranslateError ---------------------- */

FIELD_GETSET(unierr, exc_unicodeerror, encoding)
FIELD_GETSET(unierr, exc_unicodeerror, object)
FIELD_GETSET(unierr, exc_unicodeerror, start)
FIELD_GETSET(unierr, exc_unicodeerror, end)
FIELD_GETSET(unierr, exc_unicodeerror, reason)

/* (encoding, object, start, end, reason); Translate has no encoding. C code may also
 * raise these with one message string (wf_err_set), which reads like any exception. */
static int unierr_init(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                       wf_value kwnames)
{
    bool translate = wf_type_is_subtype(wf_type_of(self), &wf_exc_UnicodeTranslateError);
    size_t want = translate ? 4 : 5;
    if (exc_init(t, self, args, nargs, kwnames) < 0)
        return -1;
    if (nargs == 1 && wf_str_check(args[0]))
        return 0;
    if (nargs != want) {
        wf_err_set(t, &wf_exc_TypeError, "function takes exactly %zu arguments (%zu given)", want,
                   nargs);
        return -1;
    }
    const wf_value *a = translate ? args - 1 : args; /* a[1..4]: object, start, end, reason */
    bool is_decode = wf_type_is_subtype(wf_type_of(self), &wf_exc_UnicodeDecodeError);
    if ((!translate && !wf_str_check(a[0])) ||
        (is_decode ? !(wf_bytes_check(a[1]) || wf_bytearray_check(a[1])) : !wf_str_check(a[1])) ||
        !wf_is_smallint(a[2]) || !wf_is_smallint(a[3]) || !wf_str_check(a[4])) {
        wf_err_set(t, &wf_exc_TypeError, "argument types do not match %s",
                   wf_type_name(wf_type_of(self)));
        return -1;
    }
    exc_unicodeerror *e = (exc_unicodeerror *)wf_to_object(self);
    if (!translate)
        set_field(t, &e->encoding, a[0]);
    set_field(t, &e->object, a[1]);
    set_field(t, &e->start, a[2]);
    set_field(t, &e->end, a[3]);
    set_field(t, &e->reason, a[4]);
    return 0;
}

/* The code point at index i of str s (scanning: errors are rare). */
static uint32_t codepoint_at(wf_value s, int64_t i)
{
    const char *p = wf_str_utf8(s), *end = p + wf_str_size(s);
    uint32_t cp = 0;
    for (int64_t k = 0; p < end; k++) {
        int n = wf_utf8_decode_str(p, end, &cp);
        if (n <= 0)
            n = 1;
        if (k == i)
            return cp;
        p += n;
    }
    return 0;
}

/* "character '\xe9'" as repr writes one character: \x, \u or \U by size. */
static void char_escape(char *buf, size_t n, uint32_t cp)
{
    if (cp <= 0xff)
        snprintf(buf, n, "\\x%02x", (unsigned)cp);
    else if (cp <= 0xffff)
        snprintf(buf, n, "\\u%04x", (unsigned)cp);
    else
        snprintf(buf, n, "\\U%08x", (unsigned)cp);
}

/* "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte" and the
 * encode and translate forms, as CPython's UnicodeError __str__ methods. */
static wf_value unierr_str(wf_thread *t, wf_value self)
{
    exc_unicodeerror *e = (exc_unicodeerror *)wf_to_object(self);
    if (!e->object || !e->reason)
        return exc_str(t, self);
    int64_t start = wf_smallint_unbox(e->start), end = wf_smallint_unbox(e->end);
    const char *reason = wf_str_utf8(e->reason);
    const char *enc = e->encoding ? wf_str_utf8(e->encoding) : "";
    wf_type *tp = wf_type_of(self);
    if (wf_type_is_subtype(tp, &wf_exc_UnicodeDecodeError)) {
        if (end == start + 1 && start >= 0 && (size_t)start < wf_bytes_size(e->object))
            return wf_str_printf(t, "'%s' codec can't decode byte 0x%02x in position %lld: %s", enc,
                                 (unsigned char)wf_bytes_data(e->object)[start], (long long)start,
                                 reason);
        return wf_str_printf(t, "'%s' codec can't decode bytes in position %lld-%lld: %s", enc,
                             (long long)start, (long long)(end - 1), reason);
    }
    const char *what =
        wf_type_is_subtype(tp, &wf_exc_UnicodeTranslateError) ? "translate" : "encode";
    char prefix[64] = "";
    if (e->encoding)
        snprintf(prefix, sizeof prefix, "'%s' codec ", enc);
    if (end == start + 1 && start >= 0 && start < wf_str_length(e->object)) {
        char esc[16];
        char_escape(esc, sizeof esc, codepoint_at(e->object, start));
        return wf_str_printf(t, "%scan't %s character '%s' in position %lld: %s", prefix, what, esc,
                             (long long)start, reason);
    }
    return wf_str_printf(t, "%scan't %s characters in position %lld-%lld: %s", prefix, what,
                         (long long)start, (long long)(end - 1), reason);
}

static const wf_getset_def unierr_getset[] = {
    FIELD_ENTRY(unierr, "encoding", encoding), FIELD_ENTRY(unierr, "object", object),
    FIELD_ENTRY(unierr, "start", start),       FIELD_ENTRY(unierr, "end", end),
    FIELD_ENTRY(unierr, "reason", reason),     {NULL},
};

/* ---- BaseExceptionGroup, ExceptionGroup (PEP 654) ------------------------------------ */

typedef struct {
    wf_exception base;
    wf_value msg;  /* str */
    wf_value excs; /* non-empty tuple of exception instances */
} exc_group;

#define GROUP(v) ((exc_group *)wf_to_object(v))

wf_value wf_exception_group_exceptions(wf_value group)
{
    WF_ASSERT(wf_isinstance_type(group, &wf_exc_BaseExceptionGroup));
    return GROUP(group)->excs;
}

/* Whether v is a sequence as PySequence_Check sees it: item access, not a dict. */
static bool is_sequence(wf_value v)
{
    wf_type *ty = wf_type_of(v);
    return ty->tp_as_mapping && ty->tp_as_mapping->getitem &&
           !(ty->tp_flags & WF_TPFLAG_DICT_SUBCLASS);
}

/* BaseExceptionGroup(message, exceptions): the type may change to ExceptionGroup when
 * every exception is an Exception, and an ExceptionGroup (or a subclass of Exception)
 * refuses BaseExceptions. args keeps the arguments as given. */
static wf_value group_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, wf_type_name(type), kwnames))
        return WF_NULL;
    if (nargs != 2)
        return wf_err_set(t, &wf_exc_TypeError,
                          "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zu given)",
                          nargs);
    if (!wf_str_check(args[0]))
        return wf_err_set(t, &wf_exc_TypeError,
                          "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                          wf_type_name(wf_type_of(args[0])));
    if (!is_sequence(args[1]))
        return wf_err_set(t, &wf_exc_TypeError, "second argument (exceptions) must be a sequence");
    wf_value excs = wf_call(t, wf_type_value(&wf_tuple_type), &args[1], 1, 0);
    if (!excs)
        return WF_NULL;
    size_t n = wf_tuple_size(excs);
    const char *err = n == 0 ? "second argument (exceptions) must be a non-empty sequence" : NULL;
    bool nested_base = false;
    for (size_t i = 0; i < n && !err; i++) {
        wf_value e = WF_TUPLE_ITEMS(excs)[i];
        if (!wf_exception_check(e)) {
            wf_value_decref(t, excs);
            return wf_err_set(t, &wf_exc_ValueError,
                              "Item %zu of second argument (exceptions) is not an exception", i);
        }
        nested_base |= !wf_isinstance_type(e, &wf_exc_Exception);
    }
    if (err) {
        wf_value_decref(t, excs);
        return wf_err_set(t, &wf_exc_ValueError, "%s", err);
    }
    if (type == &wf_exc_BaseExceptionGroup && !nested_base) {
        type = &wf_exc_ExceptionGroup;
    } else if (nested_base && type == &wf_exc_ExceptionGroup) {
        wf_value_decref(t, excs);
        return wf_err_set(t, &wf_exc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
    } else if (nested_base && wf_type_is_subtype(type, &wf_exc_Exception)) {
        wf_value_decref(t, excs);
        return wf_err_set(t, &wf_exc_TypeError, "Cannot nest BaseExceptions in '%s'",
                          wf_type_name(type));
    }
    wf_value self = exc_new(t, type, args, nargs, 0);
    if (!self) {
        wf_value_decref(t, excs);
        return WF_NULL;
    }
    GROUP(self)->msg = wf_newref(t, args[0]);
    GROUP(self)->excs = excs;
    return self;
}

/* "msg (3 sub-exceptions)" */
static wf_value group_str(wf_thread *t, wf_value self)
{
    exc_group *g = GROUP(self);
    size_t n = g->excs ? wf_tuple_size(g->excs) : 0;
    return wf_str_printf(t, "%s (%zu sub-exception%s)", g->msg ? wf_str_utf8(g->msg) : "", n,
                         n > 1 ? "s" : "");
}

static wf_value group_get_message(wf_thread *t, wf_value self)
{
    return or_none(t, GROUP(self)->msg);
}

static wf_value group_get_exceptions(wf_thread *t, wf_value self)
{
    return or_none(t, GROUP(self)->excs);
}

static const wf_getset_def group_getset[] = {
    {"message", group_get_message, NULL},
    {"exceptions", group_get_exceptions, NULL},
    {NULL},
};

/* eg.derive(excs): a group of the same message around other exceptions; split() and
 * subgroup() build their parts with it, so a subclass may override it. */
static wf_value group_derive(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "derive", kwnames) || !wf_check_nargs(t, "derive", nargs, 1, 1))
        return WF_NULL;
    wf_value call_args[2] = {GROUP(self)->msg ? GROUP(self)->msg : WF_NONE, args[0]};
    return wf_call(t, wf_type_value(&wf_exc_BaseExceptionGroup), call_args, 2, 0);
}

/* What split() and subgroup() accept: an exception type or a tuple of them (matched
 * with isinstance), or a callable that is not a type (a predicate). */
typedef enum { MATCH_BY_TYPE, MATCH_BY_PREDICATE } match_kind;

static bool is_exception_class(wf_value v)
{
    return wf_is_object(v) && (wf_type_of(v)->tp_flags & WF_TPFLAG_TYPE_SUBCLASS) &&
           wf_type_is_subtype((wf_type *)wf_to_object(v), &wf_exc_BaseException);
}

static bool get_match_kind(wf_thread *t, wf_value m, match_kind *kind)
{
    bool is_type = wf_is_object(m) && (wf_type_of(m)->tp_flags & WF_TPFLAG_TYPE_SUBCLASS);
    if (wf_callable(m) && !is_type) {
        *kind = MATCH_BY_PREDICATE;
        return true;
    }
    bool ok = is_exception_class(m);
    if (!ok && wf_type_of(m) == &wf_tuple_type) {
        ok = true;
        for (size_t i = 0; i < wf_tuple_size(m); i++)
            ok &= is_exception_class(WF_TUPLE_ITEMS(m)[i]);
    }
    if (!ok) {
        wf_err_set(t, &wf_exc_TypeError,
                   "expected a function, exception type or tuple of exception types");
        return false;
    }
    *kind = MATCH_BY_TYPE;
    return true;
}

/* 1 when exc matches, 0 when not, -1 on error. */
static int matches(wf_thread *t, wf_value exc, match_kind kind, wf_value m)
{
    if (kind == MATCH_BY_TYPE)
        return wf_isinstance(t, exc, m);
    wf_value r = wf_call(t, m, &exc, 1, 0);
    if (!r)
        return -1;
    int truth = wf_truth(t, r);
    wf_value_decref(t, r);
    return truth;
}

/* The part of group `orig` made of the exceptions in `list`: None (0) when it is empty,
 * else orig.derive(list) with orig's traceback, cause, context and a copy of its notes. */
static bool group_subset(wf_thread *t, wf_value orig, wf_value list, wf_value *out)
{
    *out = 0;
    if (wf_len(t, list) == 0)
        return true;
    wf_value eg = wf_call_method(t, orig, wf_str_intern_cstr(t, "derive"), &list, 1);
    if (!eg)
        return false;
    if (!wf_isinstance_type(eg, &wf_exc_BaseExceptionGroup)) {
        wf_value_decref(t, eg);
        wf_err_set(t, &wf_exc_TypeError, "derive must return an instance of BaseExceptionGroup");
        return false;
    }
    set_field(t, &EXC(eg)->traceback, EXC(orig)->traceback);
    set_field(t, &EXC(eg)->context, EXC(orig)->context);
    set_field(t, &EXC(eg)->cause, EXC(orig)->cause);
    EXC(eg)->suppress_context = true; /* as PyException_SetCause */
    wf_value name = wf_str_intern_cstr(t, "__notes__");
    wf_value notes = wf_getattr_opt(t, orig, name);
    if (!notes && wf_err_occurred(t)) {
        wf_value_decref(t, eg);
        return false;
    }
    if (notes && is_sequence(notes)) {
        wf_value copy = wf_call(t, wf_type_value(&wf_list_type), &notes, 1, 0);
        if (!copy || wf_setattr(t, eg, name, copy) < 0) {
            if (copy)
                wf_value_decref(t, copy);
            wf_value_decref(t, notes);
            wf_value_decref(t, eg);
            return false;
        }
        wf_value_decref(t, copy);
    }
    if (notes)
        wf_value_decref(t, notes);
    *out = eg;
    return true;
}

/* Split exc into the part that matches (*match) and, when rest is given, the part that
 * does not (*rest); 0 stands for an empty part. A matching exception or group is taken
 * whole; a group that does not match as a whole is split item by item. */
static bool split_recursive(wf_thread *t, wf_value exc, match_kind kind, wf_value m,
                            wf_value *match, wf_value *rest)
{
    *match = 0;
    if (rest)
        *rest = 0;
    int is_match = matches(t, exc, kind, m);
    if (is_match < 0)
        return false;
    if (is_match) {
        *match = wf_newref(t, exc);
        return true;
    }
    if (!wf_isinstance_type(exc, &wf_exc_BaseExceptionGroup)) {
        if (rest)
            *rest = wf_newref(t, exc);
        return true;
    }
    if (!wf_enter_recursion(t, " in exceptiongroup_split_recursive"))
        return false;
    wf_value match_list = wf_list_new(t, 0);
    wf_value rest_list = rest ? wf_list_new(t, 0) : 0;
    bool ok = match_list && (!rest || rest_list);
    wf_value excs = GROUP(exc)->excs;
    for (size_t i = 0; ok && i < wf_tuple_size(excs); i++) {
        wf_value m_part, r_part = 0;
        ok = split_recursive(t, WF_TUPLE_ITEMS(excs)[i], kind, m, &m_part, rest ? &r_part : NULL);
        if (ok && m_part)
            ok = wf_list_append(t, match_list, m_part) == 0;
        if (ok && r_part)
            ok = wf_list_append(t, rest_list, r_part) == 0;
        if (m_part)
            wf_value_decref(t, m_part);
        if (r_part)
            wf_value_decref(t, r_part);
    }
    wf_leave_recursion(t);
    ok = ok && group_subset(t, exc, match_list, match);
    ok = ok && (!rest || group_subset(t, exc, rest_list, rest));
    if (!ok && *match) {
        wf_value_decref(t, *match);
        *match = 0;
    }
    if (match_list)
        wf_value_decref(t, match_list);
    if (rest_list)
        wf_value_decref(t, rest_list);
    return ok;
}

/* eg.split(matcher) -> (match, rest), either None when empty. */
static wf_value group_split(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    match_kind kind;
    if (!wf_check_no_kwargs(t, "split", kwnames) || !wf_check_nargs(t, "split", nargs, 1, 1) ||
        !get_match_kind(t, args[0], &kind))
        return WF_NULL;
    wf_value match, rest;
    if (!split_recursive(t, self, kind, args[0], &match, &rest))
        return WF_NULL;
    wf_value r = wf_tuple_pack(t, 2, match ? match : WF_NONE, rest ? rest : WF_NONE);
    if (match)
        wf_value_decref(t, match);
    if (rest)
        wf_value_decref(t, rest);
    return r;
}

/* eg.subgroup(matcher) -> the matching part, or None. */
static wf_value group_subgroup(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                               wf_value kwnames)
{
    match_kind kind;
    if (!wf_check_no_kwargs(t, "subgroup", kwnames) ||
        !wf_check_nargs(t, "subgroup", nargs, 1, 1) || !get_match_kind(t, args[0], &kind))
        return WF_NULL;
    wf_value match;
    if (!split_recursive(t, self, kind, args[0], &match, NULL))
        return WF_NULL;
    return match ? match : WF_NONE;
}

static const wf_method_def group_methods[] = {
    {"derive", group_derive, 0},
    {"split", group_split, 0},
    {"subgroup", group_subgroup, 0},
    {NULL},
};

/* ---- KeyError ----------------------------------------------------------------------- */

/* With one argument, str is its repr: str(KeyError('k')) == "'k'". */
static wf_value keyerr_str(wf_thread *t, wf_value self)
{
    wf_value args = exc_args(self);
    if (wf_tuple_size(args) == 1)
        return wf_repr(t, WF_TUPLE_ITEMS(args)[0]);
    return exc_str(t, self);
}

/* ---- The types ---------------------------------------------------------------------- */

#define EXC_FLAGS (WF_TPFLAG_TRACKED | WF_TPFLAG_BASETYPE | WF_TPFLAG_EXC_SUBCLASS)

wf_type wf_exc_BaseException = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "BaseException",
    .tp_basicsize = sizeof(wf_exception),
    .tp_flags = EXC_FLAGS,
    .tp_dealloc = exc_dealloc,
    .tp_base = &wf_object_type,
    .tp_dictoffset = offsetof(wf_exception, dict),
    .tp_repr = exc_repr,
    .tp_str = exc_str,
    .tp_new = exc_new,
    .tp_init = exc_init,
    .tp_methods = base_methods,
    .tp_getset = base_getset,
    .tp_doc = "Common base class for all exceptions",
};

/* A type with its own layout and slots. */
#define EXC_TYPE(name, basename, layout, doc, ...)                                                 \
    wf_type wf_exc_##name = {.ob_base = WF_TYPE_HEAD,                                              \
                             .tp_name = #name,                                                     \
                             .tp_basicsize = sizeof(layout),                                       \
                             .tp_flags = EXC_FLAGS,                                                \
                             .tp_base = &wf_exc_##basename,                                        \
                             .tp_doc = doc,                                                        \
                             __VA_ARGS__};
/* A type that only names itself: wf_type_ready copies the base's layout and slots. */
#define EXC_SIMPLE(name, basename, doc)                                                            \
    wf_type wf_exc_##name = {                                                                      \
        .ob_base = WF_TYPE_HEAD,                                                                   \
        .tp_name = #name,                                                                          \
        .tp_flags = EXC_FLAGS,                                                                     \
        .tp_base = &wf_exc_##basename,                                                             \
        .tp_doc = doc,                                                                             \
    };

EXC_SIMPLE(GeneratorExit, BaseException, "Request that a generator exit.")
EXC_SIMPLE(KeyboardInterrupt, BaseException, "Program interrupted by user.")
EXC_TYPE(SystemExit, BaseException, exc_systemexit, "Request to exit from the interpreter.",
         .tp_init = sysexit_init, .tp_getset = sysexit_getset)
EXC_TYPE(BaseExceptionGroup, BaseException, exc_group,
         "A combination of multiple unrelated exceptions.", .tp_new = group_new,
         .tp_str = group_str, .tp_methods = group_methods, .tp_getset = group_getset)
EXC_SIMPLE(Exception, BaseException, "Common base class for all non-exit exceptions.")

/* ExceptionGroup(BaseExceptionGroup, Exception): static types have one base, so its
 * __bases__ and __mro__ are written out here and wf_type_ready keeps them. */
static struct {
    wf_object ob;
    size_t size;
    wf_value items[2];
} exception_group_bases = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_tuple_type),
    .size = 2,
    .items = {(wf_value)&wf_exc_BaseExceptionGroup, (wf_value)&wf_exc_Exception},
};
static struct {
    wf_object ob;
    size_t size;
    wf_value items[5];
} exception_group_mro = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_tuple_type),
    .size = 5,
    .items = {(wf_value)&wf_exc_ExceptionGroup, (wf_value)&wf_exc_BaseExceptionGroup,
              (wf_value)&wf_exc_Exception, (wf_value)&wf_exc_BaseException,
              (wf_value)&wf_object_type},
};
EXC_TYPE(ExceptionGroup, BaseExceptionGroup, exc_group, NULL, .tp_bases = &exception_group_bases.ob,
         .tp_mro = &exception_group_mro.ob)
EXC_SIMPLE(ArithmeticError, Exception, "Base class for arithmetic errors.")
EXC_SIMPLE(FloatingPointError, ArithmeticError, "Floating point operation failed.")
EXC_SIMPLE(OverflowError, ArithmeticError, "Result too large to be represented.")
EXC_SIMPLE(ZeroDivisionError, ArithmeticError,
           "Second argument to a division or modulo operation was zero.")
EXC_SIMPLE(AssertionError, Exception, "Assertion failed.")
EXC_TYPE(AttributeError, Exception, exc_attributeerror, "Attribute not found.",
         .tp_init = attrerr_init, .tp_getset = attrerr_getset)
EXC_SIMPLE(BufferError, Exception, "Buffer error.")
EXC_SIMPLE(EOFError, Exception, "Read beyond end of file.")
EXC_TYPE(ImportError, Exception, exc_importerror,
         "Import can't find module, or can't find name in module.", .tp_init = importerr_init,
         .tp_str = importerr_str, .tp_getset = importerr_getset)
EXC_SIMPLE(ModuleNotFoundError, ImportError, "Module not found.")
EXC_SIMPLE(LookupError, Exception, "Base class for lookup errors.")
EXC_SIMPLE(IndexError, LookupError, "Sequence index out of range.")
EXC_TYPE(KeyError, LookupError, wf_exception, "Mapping key not found.", .tp_str = keyerr_str)
EXC_SIMPLE(MemoryError, Exception, "Out of memory.")
EXC_TYPE(NameError, Exception, exc_nameerror, "Name not found globally.", .tp_init = nameerr_init,
         .tp_getset = nameerr_getset)
EXC_SIMPLE(UnboundLocalError, NameError, "Local name referenced but not bound to a value.")
EXC_TYPE(OSError, Exception, exc_oserror, "Base class for I/O related errors.", .tp_new = oserr_new,
         .tp_init = oserr_init, .tp_str = oserr_str, .tp_getset = oserr_getset)
EXC_SIMPLE(BlockingIOError, OSError, "I/O operation would block.")
EXC_SIMPLE(ChildProcessError, OSError, "Child process error.")
EXC_SIMPLE(ConnectionError, OSError, "Connection error.")
EXC_SIMPLE(BrokenPipeError, ConnectionError, "Broken pipe.")
EXC_SIMPLE(ConnectionAbortedError, ConnectionError, "Connection aborted.")
EXC_SIMPLE(ConnectionRefusedError, ConnectionError, "Connection refused.")
EXC_SIMPLE(ConnectionResetError, ConnectionError, "Connection reset.")
EXC_SIMPLE(FileExistsError, OSError, "File already exists.")
EXC_SIMPLE(FileNotFoundError, OSError, "File not found.")
EXC_SIMPLE(InterruptedError, OSError, "Interrupted by signal.")
EXC_SIMPLE(IsADirectoryError, OSError, "Operation doesn't work on directories.")
EXC_SIMPLE(NotADirectoryError, OSError, "Operation only works on directories.")
EXC_SIMPLE(PermissionError, OSError, "Not enough permissions.")
EXC_SIMPLE(ProcessLookupError, OSError, "Process not found.")
EXC_SIMPLE(TimeoutError, OSError, "Timeout expired.")
EXC_SIMPLE(ReferenceError, Exception, "Weak ref proxy used after referent went away.")
EXC_SIMPLE(RuntimeError, Exception, "Unspecified run-time error.")
EXC_SIMPLE(NotImplementedError, RuntimeError, "Method or function hasn't been implemented yet.")
EXC_SIMPLE(RecursionError, RuntimeError, "Recursion limit exceeded.")
EXC_SIMPLE(StopAsyncIteration, Exception, "Signal the end from iterator.__anext__().")
EXC_TYPE(StopIteration, Exception, exc_stopiteration, "Signal the end from iterator.__next__().",
         .tp_init = stopiter_init, .tp_getset = stopiter_getset)
EXC_TYPE(SyntaxError, Exception, exc_syntaxerror, "Invalid syntax.", .tp_init = syntaxerr_init,
         .tp_str = syntaxerr_str, .tp_getset = syntaxerr_getset)
EXC_SIMPLE(IndentationError, SyntaxError, "Improper indentation.")
EXC_SIMPLE(TabError, IndentationError, "Improper mixture of spaces and tabs.")
EXC_SIMPLE(SystemError, Exception,
           "Internal error in the Python interpreter.\n\nPlease report this to the Python "
           "maintainer, along with the traceback,\nthe Python version, and the hardware/OS "
           "platform and version.")
EXC_SIMPLE(TypeError, Exception, "Inappropriate argument type.")
EXC_SIMPLE(ValueError, Exception, "Inappropriate argument value (of correct type).")
EXC_TYPE(UnicodeError, ValueError, exc_unicodeerror, "Unicode related error.",
         .tp_getset = unierr_getset)
EXC_TYPE(UnicodeDecodeError, UnicodeError, exc_unicodeerror, "Unicode decoding error.",
         .tp_init = unierr_init, .tp_str = unierr_str)
EXC_TYPE(UnicodeEncodeError, UnicodeError, exc_unicodeerror, "Unicode encoding error.",
         .tp_init = unierr_init, .tp_str = unierr_str)
EXC_TYPE(UnicodeTranslateError, UnicodeError, exc_unicodeerror, "Unicode translation error.",
         .tp_init = unierr_init, .tp_str = unierr_str)
EXC_SIMPLE(Warning, Exception, "Base class for warning categories.")
EXC_SIMPLE(BytesWarning, Warning,
           "Base class for warnings about bytes and buffer related problems, mostly\nrelated "
           "to conversion from str or comparing to str.")
EXC_SIMPLE(DeprecationWarning, Warning, "Base class for warnings about deprecated features.")
EXC_SIMPLE(EncodingWarning, Warning, "Base class for warnings about encodings.")
EXC_SIMPLE(FutureWarning, Warning,
           "Base class for warnings about constructs that will change semantically\nin the "
           "future.")
EXC_SIMPLE(ImportWarning, Warning,
           "Base class for warnings about probable mistakes in module imports")
EXC_SIMPLE(PendingDeprecationWarning, Warning,
           "Base class for warnings about features which will be deprecated\nin the future.")
EXC_SIMPLE(ResourceWarning, Warning, "Base class for warnings about resource usage.")
EXC_SIMPLE(RuntimeWarning, Warning, "Base class for warnings about dubious runtime behavior.")
EXC_SIMPLE(SyntaxWarning, Warning, "Base class for warnings about dubious syntax.")
EXC_SIMPLE(UnicodeWarning, Warning,
           "Base class for warnings about Unicode related problems, mostly\nrelated to "
           "conversion problems.")
EXC_SIMPLE(UserWarning, Warning, "Base class for warnings generated by user code.")

/* Every type of WF_EXCEPTIONS, in hierarchy order (a base before its subclasses): a
 * missing definition above is a link error. */
#define EXC_ADDR(name, base) &wf_exc_##name,
wf_type *const wf_exception_types[] = {WF_EXCEPTIONS(EXC_ADDR) NULL};
#undef EXC_ADDR
