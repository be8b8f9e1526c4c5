/* Raising and catching exceptions in C (runtime/error.h).
 *
 * t->exc holds the pending exception instance, owned by the thread. Raising while an
 * except/finally block handles another exception (t->handled) records that one as the
 * new exception's __context__, as CPython's _PyErr_SetObject does, so chained
 * tracebacks come out the same whether C code or a `raise` statement raised.
 * MemoryError uses one preallocated immortal instance: raising it allocates nothing,
 * and it is never given a context, cause or traceback (it is shared by all threads). */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "abstract.h"
#include "exceptions.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

/* The preallocated MemoryError: args 0 reads as the empty tuple (exceptions.c). */
wf_exception wf_memory_error_instance = {
    .ob = {.ob_ref_local = WF_REF_IMMORTAL, .ob_type = &wf_exc_MemoryError},
};

static bool is_static_memory_error(wf_object *o)
{
    return o == &wf_memory_error_instance.ob;
}

/* Make exc's __context__ the exception being handled, unless that would form a cycle:
 * then the link that closes it is cut, as in CPython. */
static void set_context(wf_thread *t, wf_exception *exc)
{
    wf_object *handled = t->handled;
    if (!handled || handled == &exc->ob || is_static_memory_error(&exc->ob) || exc->context)
        return;
    wf_exception *o = (wf_exception *)handled;
    while (o->context) {
        wf_exception *next = (wf_exception *)wf_to_object(o->context);
        if (next == exc) {
            o->context = 0;
            wf_decref(t, &exc->ob); /* the reference o->context held */
            break;
        }
        o = next;
    }
    wf_incref(t, handled);
    exc->context = wf_from_object(handled);
}

wf_value wf_err_set_object(wf_thread *t, wf_value exc)
{
    WF_ASSERT(wf_exception_check(exc));
    wf_object *o = wf_to_object(exc);
    wf_incref(t, o);
    set_context(t, (wf_exception *)o);
    wf_object *old = t->exc;
    t->exc = o;
    if (old)
        wf_decref(t, old);
    return WF_NULL;
}

/* Raise a new instance of type from the argument tuple args (borrowed). */
static wf_value raise_with_args(wf_thread *t, wf_type *type, wf_value args)
{
    wf_value exc = wf_exception_new(t, type, args);
    if (!exc)
        return WF_NULL; /* creating it raised (MemoryError, or its __init__ failed) */
    wf_err_set_object(t, exc);
    wf_value_decref(t, exc);
    return WF_NULL;
}

wf_value wf_err_set_arg(wf_thread *t, wf_type *type, wf_value arg)
{
    wf_value args = wf_tuple_pack(t, 1, arg);
    if (!args)
        return wf_err_no_memory(t);
    raise_with_args(t, type, args);
    wf_value_decref(t, args);
    return WF_NULL;
}

wf_value wf_err_set_none(wf_thread *t, wf_type *type)
{
    return raise_with_args(t, type, wf_tuple_empty());
}

wf_value wf_err_set(wf_thread *t, wf_type *type, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    char *buf = small;
    if ((size_t)n >= sizeof small) {
        buf = malloc((size_t)n + 1);
        if (!buf)
            return wf_err_no_memory(t);
        va_start(ap, fmt);
        vsnprintf(buf, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    wf_value msg = wf_str_from_utf8(t, buf, (size_t)n);
    if (buf != small)
        free(buf);
    if (!msg)
        return WF_NULL;
    wf_err_set_arg(t, type, msg);
    wf_value_decref(t, msg);
    return WF_NULL;
}

wf_value wf_err_no_memory(wf_thread *t)
{
    wf_object *old = t->exc;
    t->exc = &wf_memory_error_instance.ob; /* immortal: no reference to take */
    if (old)
        wf_decref(t, old);
    return WF_NULL;
}

bool wf_err_matches(wf_thread *t, wf_type *type)
{
    return t->exc && wf_isinstance_type(wf_from_object(t->exc), type);
}

wf_value wf_err_fetch(wf_thread *t)
{
    wf_object *o = t->exc;
    t->exc = NULL;
    return o ? wf_from_object(o) : WF_NULL;
}

void wf_err_restore(wf_thread *t, wf_value exc)
{
    wf_object *old = t->exc;
    t->exc = exc ? wf_to_object(exc) : NULL;
    if (old)
        wf_decref(t, old);
}

void wf_err_clear(wf_thread *t)
{
    wf_err_restore(t, WF_NULL);
}

void (*wf_print_exception_hook)(wf_thread *t, wf_value exc);

void wf_err_write_unraisable(wf_thread *t, wf_value obj)
{
    wf_value exc = wf_err_fetch(t);
    if (!exc)
        return;
    wf_value r = obj ? wf_repr(t, obj) : WF_NULL;
    if (!r)
        wf_err_clear(t);
    fprintf(stderr, "Exception ignored in: %s\n", r ? wf_str_utf8(r) : "<object repr() failed>");
    if (r)
        wf_value_decref(t, r);
    if (wf_print_exception_hook) {
        wf_print_exception_hook(t, exc);
    } else {
        wf_value msg = wf_str(t, exc);
        if (!msg)
            wf_err_clear(t);
        const char *text = msg ? wf_str_utf8(msg) : "";
        fprintf(stderr, "%s%s%s\n", wf_type_name(wf_type_of(exc)), *text ? ": " : "", text);
        if (msg)
            wf_value_decref(t, msg);
    }
    wf_value_decref(t, exc);
}

_Noreturn void wf_err_fatal(wf_thread *t, const char *where)
{
    wf_value exc = wf_err_fetch(t);
    fprintf(stderr, "weft: fatal error in %s", where);
    if (exc) {
        fprintf(stderr, ": %s", wf_type_name(wf_type_of(exc)));
        wf_value s = wf_str(t, exc);
        if (s && wf_str_size(s))
            fprintf(stderr, ": %s", wf_str_utf8(s));
        wf_err_clear(t);
    }
    fputc('\n', stderr);
    abort();
}

void wf_err_set_attr(wf_thread *t, const char *attr, wf_value value)
{
    wf_value exc = wf_err_fetch(t);
    if (!exc)
        return;
    if (wf_setattr(t, exc, wf_str_intern_cstr(t, attr), value) < 0)
        wf_err_clear(t);
    wf_err_restore(t, exc);
}
