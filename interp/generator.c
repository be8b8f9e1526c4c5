/* Generators (interp/generator.h): next/send/throw/close over a suspended frame.
 *
 * A generator that finishes (returns or raises) releases its frame at once. A
 * StopIteration escaping the body becomes RuntimeError("generator raised
 * StopIteration"), as PEP 479 requires. throw() is delivered to the generator's own
 * frame; a `yield from` in progress does not forward it to the inner iterator yet. */
#include "interp/generator.h"

#include "interp/eval.h"
#include "interp/function.h"
#include "interp/opcode.h"
#include "interp/traceback.h"
#include "runtime/abstract.h"
#include "runtime/alloc.h"
#include "runtime/callable.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

#define GEN(v) ((wf_generator *)wf_to_object(v))

wf_value wf_generator_new(wf_thread *t, wf_frame *f)
{
    wf_generator *g = (wf_generator *)wf_object_alloc(t, &wf_generator_type, sizeof(wf_generator));
    if (!g) {
        wf_frame_release(t, f);
        return wf_err_no_memory(t);
    }
    g->frame = f;
    g->code = f->code;
    g->handled = NULL;
    atomic_init(&g->running, false);
    wf_function *fn = wf_function_of(f->func);
    g->name = wf_newref(t, fn->name);
    g->qualname = wf_newref(t, fn->qualname);
    return wf_from_object(&g->ob);
}

static void finish(wf_thread *t, wf_generator *g)
{
    wf_frame *f = g->frame;
    g->frame = NULL;
    if (f)
        wf_frame_release(t, f);
    if (g->handled) {
        wf_object *h = g->handled;
        g->handled = NULL;
        wf_decref(t, h);
    }
}

/* StopIteration escaping a generator body is a RuntimeError (PEP 479). */
static void convert_stop_iteration(wf_thread *t)
{
    if (!wf_err_matches(t, &wf_exc_StopIteration))
        return;
    wf_value exc = wf_err_fetch(t);
    wf_err_set(t, &wf_exc_RuntimeError, "generator raised StopIteration");
    wf_value rt = wf_from_object(t->exc);
    wf_exception *e = (wf_exception *)wf_to_object(rt);
    e->cause = wf_newref(t, exc);
    e->context = exc;
    e->suppress_context = true;
}

/* Run the frame with the generator's handled exception in t->handled (the caller's
 * when it has none), then give the caller's back. Every t->handled owns a reference. */
static wf_value run_with_own_handled(wf_thread *t, wf_generator *g, wf_frame *f, bool throwing)
{
    struct wf_object *caller = t->handled;
    if (g->handled) {
        t->handled = g->handled;
        g->handled = NULL;
    } else if (caller) {
        wf_incref(t, caller);
    }
    wf_value r = throwing ? wf_eval_run_throw(t, f) : wf_eval_run(t, f);
    struct wf_object *own = t->handled;
    t->handled = caller;
    if (own == caller) {
        if (own)
            wf_decref(t, own);
    } else {
        g->handled = own;
    }
    return r;
}

/* Run the generator one step: resume with v pushed (v 0: the frame's stack is already
 * set up), or with t->exc raised when throwing. */
static wf_value resume(wf_thread *t, wf_value gen, wf_value v, bool throwing, bool *done)
{
    wf_generator *g = GEN(gen);
    *done = false;
    bool expected = false;
    if (!atomic_compare_exchange_strong(&g->running, &expected, true)) {
        if (throwing)
            wf_err_clear(t);
        return wf_err_set(t, &wf_exc_ValueError, "generator already executing");
    }
    wf_frame *f = g->frame;
    wf_value r = 0;
    if (!f) { /* finished: nothing more to produce */
        *done = !throwing;
        r = throwing ? 0 : wf_newref(t, WF_NONE);
        goto out;
    }
    if (f->state == WF_FRAME_CREATED && v && v != WF_NONE && !throwing) {
        wf_err_set(t, &wf_exc_TypeError, "can't send non-None value to a just-started generator");
        goto out;
    }
    if (f->state == WF_FRAME_SUSPENDED && v)
        wf_frame_stack_base(f)[f->stacktop++] = wf_newref(t, v);
    r = run_with_own_handled(t, g, f, throwing);
    if (f->state != WF_FRAME_SUSPENDED) {
        *done = r != 0;
        if (!r)
            convert_stop_iteration(t);
        finish(t, g);
    }
out:
    atomic_store(&g->running, false);
    return r;
}

wf_value wf_generator_send(wf_thread *t, wf_value gen, wf_value v, bool *done)
{
    return resume(t, gen, v, false, done);
}

/* send()/next(): a finished generator raises StopIteration(value). */
static wf_value send_or_stop(wf_thread *t, wf_value gen, wf_value v)
{
    bool done;
    wf_value r = resume(t, gen, v, false, &done);
    if (!r || !done)
        return r;
    if (r == WF_NONE)
        wf_err_set_none(t, &wf_exc_StopIteration);
    else
        wf_err_set_arg(t, &wf_exc_StopIteration, r);
    wf_value_decref(t, r);
    return 0;
}

/* tp_iternext: 0 without an exception when exhausted by `return` (None), else
 * StopIteration(value) so next() shows the value. */
static wf_value gen_iternext(wf_thread *t, wf_value self)
{
    bool done;
    wf_value r = resume(t, self, WF_NONE, false, &done);
    if (r && done) {
        if (r != WF_NONE)
            wf_err_set_arg(t, &wf_exc_StopIteration, r);
        wf_value_decref(t, r);
        return 0;
    }
    return r;
}

static wf_value gen_send(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                         wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "send", kwnames) || !wf_check_nargs(t, "send", nargs, 1, 1))
        return 0;
    return send_or_stop(t, self, args[0]);
}

/* throw(type[, value[, tb]]) or throw(instance). */
static wf_value make_thrown(wf_thread *t, const wf_value *args, size_t nargs)
{
    wf_value typ = args[0], val = nargs > 1 ? args[1] : WF_NONE;
    if (wf_exception_check(typ)) {
        if (val != WF_NONE)
            return wf_err_set(t, &wf_exc_TypeError,
                              "instance exception may not have a separate value");
        return wf_newref(t, typ);
    }
    if (wf_isinstance_type(typ, &wf_type_type) &&
        (((wf_type *)wf_to_object(typ))->tp_flags & WF_TPFLAG_EXC_SUBCLASS)) {
        if (wf_isinstance_type(val, (wf_type *)wf_to_object(typ)))
            return wf_newref(t, val);
        if (val == WF_NONE)
            return wf_call(t, typ, NULL, 0, 0);
        if (wf_tuple_check(val))
            return wf_call_tuple_dict(t, typ, val, 0);
        return wf_call(t, typ, &val, 1, 0);
    }
    return wf_err_set(t, &wf_exc_TypeError,
                      "exceptions must be classes or instances deriving from BaseException, not %s",
                      wf_type_name(wf_type_of(typ)));
}

/* The iterator a suspended frame is delegating to with `yield from` (borrowed), or 0:
 * the frame stopped at the YIELD_VALUE right after a SEND, with the iterator on top of
 * its stack. */
static wf_value delegate_of(const wf_frame *f)
{
    const uint16_t *u = f->code->units;
    if (f->state != WF_FRAME_SUSPENDED || f->lasti < 1 || f->stacktop < 1)
        return 0;
    if (WF_UNIT_OP(u[f->lasti]) != WF_I_YIELD_VALUE || WF_UNIT_OP(u[f->lasti - 1]) != WF_I_SEND)
        return 0;
    return wf_frame_stack_base((wf_frame *)f)[f->stacktop - 1];
}

/* The SEND's jump target (where `yield from` continues with its result). */
static int send_target(const wf_frame *f)
{
    const uint16_t *u = f->code->units;
    int i = f->lasti - 1;
    unsigned arg = WF_UNIT_ARG(u[i]);
    for (int k = i - 1, shift = 8; k >= 0 && WF_UNIT_OP(u[k]) == WF_I_EXTENDED_ARG; k--, shift += 8)
        arg |= (unsigned)WF_UNIT_ARG(u[k]) << shift;
    return (int)arg;
}

static wf_value gen_throw_exc(wf_thread *t, wf_value self, wf_value exc);

/* Close the delegate (for GeneratorExit): its own close() if it has one. */
static bool close_delegate(wf_thread *t, wf_value sub)
{
    wf_value name = wf_str_intern_cstr(t, "close");
    wf_value meth = name ? wf_getattr_opt(t, sub, name) : 0;
    if (!meth)
        return !wf_err_occurred(t);
    wf_value r = wf_call(t, meth, NULL, 0, 0);
    wf_value_decref(t, meth);
    if (r)
        wf_value_decref(t, r);
    return r != 0;
}

/* throw() into a generator that is inside `yield from`: the exception goes to the
 * delegate first. Returns 1 with *out when the delegate produced a value, 0 when the
 * generator's own frame must now run (with t->exc set to throw, or with the
 * delegate's result pushed when *resume_plain), -1 never (errors travel as 0 + exc). */
static int throw_into_delegate(wf_thread *t, wf_generator *g, wf_value sub, wf_value exc,
                               wf_value *out, bool *resume_plain)
{
    *resume_plain = false;
    if (wf_isinstance_type(exc, &wf_exc_GeneratorExit)) {
        if (!close_delegate(t, sub)) {
            wf_value_decref(t, exc);
            return 0; /* throw close()'s error instead */
        }
        wf_err_restore(t, exc);
        return 0;
    }
    wf_value r;
    atomic_store(&g->running, true);
    if (wf_generator_check(sub)) {
        r = gen_throw_exc(t, sub, exc);
    } else {
        wf_value name = wf_str_intern_cstr(t, "throw");
        wf_value meth = name ? wf_getattr_opt(t, sub, name) : 0;
        if (!meth) {
            atomic_store(&g->running, false);
            if (!wf_err_occurred(t))
                wf_err_restore(t, exc);
            else
                wf_value_decref(t, exc);
            return 0;
        }
        r = wf_call(t, meth, &exc, 1, 0);
        wf_value_decref(t, meth);
        wf_value_decref(t, exc);
    }
    atomic_store(&g->running, false);
    if (r) {
        *out = r;
        return 1;
    }
    if (!wf_err_matches(t, &wf_exc_StopIteration))
        return 0;
    /* the delegate finished: its value is the result of the `yield from` */
    wf_value stop = wf_err_fetch(t);
    wf_value value = wf_getattr_cstr(t, stop, "value");
    wf_value_decref(t, stop);
    if (!value)
        return 0;
    wf_frame *f = g->frame;
    wf_value *top = &wf_frame_stack_base(f)[f->stacktop - 1];
    wf_value old = *top;
    *top = value;
    wf_value_decref(t, old);
    f->next = send_target(f);
    *resume_plain = true;
    return 0;
}

static wf_value gen_throw_exc(wf_thread *t, wf_value self, wf_value exc)
{
    wf_generator *g = GEN(self);
    bool done, plain = false;
    wf_value sub = g->frame ? delegate_of(g->frame) : 0;
    if (sub) {
        wf_value out;
        if (throw_into_delegate(t, g, sub, exc, &out, &plain) == 1)
            return out;
    } else {
        wf_err_restore(t, exc);
    }
    wf_value r = resume(t, self, 0, !plain, &done);
    if (r && done) {
        if (r == WF_NONE)
            wf_err_set_none(t, &wf_exc_StopIteration);
        else
            wf_err_set_arg(t, &wf_exc_StopIteration, r);
        wf_value_decref(t, r);
        return 0;
    }
    return r;
}

static wf_value gen_throw(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "throw", kwnames) || !wf_check_nargs(t, "throw", nargs, 1, 3))
        return 0;
    wf_value exc = make_thrown(t, args, nargs);
    return exc ? gen_throw_exc(t, self, exc) : 0;
}

/* close(): throw GeneratorExit; a generator that then yields is an error. */
static wf_value gen_close(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    (void)args;
    if (!wf_check_no_kwargs(t, "close", kwnames) || !wf_check_nargs(t, "close", nargs, 0, 0))
        return 0;
    wf_generator *g = GEN(self);
    if (!g->frame || g->frame->state == WF_FRAME_CREATED) {
        finish(t, g);
        return wf_newref(t, WF_NONE);
    }
    wf_value exc = wf_call(t, wf_type_value(&wf_exc_GeneratorExit), NULL, 0, 0);
    if (!exc)
        return 0;
    wf_value r = gen_throw_exc(t, self, exc);
    if (r) {
        wf_value_decref(t, r);
        return wf_err_set(t, &wf_exc_RuntimeError, "generator ignored GeneratorExit");
    }
    if (wf_err_matches(t, &wf_exc_GeneratorExit) || wf_err_matches(t, &wf_exc_StopIteration)) {
        wf_err_clear(t);
        return wf_newref(t, WF_NONE);
    }
    return 0;
}

static wf_value gen_iter(wf_thread *t, wf_value self)
{
    return wf_newref(t, self);
}

static wf_value gen_repr(wf_thread *t, wf_value self)
{
    return wf_str_printf(t, "<generator object %s at %p>", wf_str_utf8(GEN(self)->qualname),
                         (void *)wf_to_object(self));
}

/* A generator dropped while suspended inside try/with is closed first, so its finally
 * blocks run (PEP 342). The object is resurrected for the call and marked finalized; the
 * closing decref deallocates it again (or someone kept it: then it lives on). */
static bool finalize_suspended(wf_thread *t, wf_object *o)
{
    wf_generator *g = (wf_generator *)o;
    if (!g->frame || g->frame->state != WF_FRAME_SUSPENDED || g->frame->nblocks == 0)
        return false;
    if (atomic_fetch_or(&o->ob_gc_bits, WF_GC_FINALIZED) & WF_GC_FINALIZED)
        return false;
    wf_value saved = wf_err_occurred(t) ? wf_err_fetch(t) : 0;
    wf_incref(t, o);
    wf_value r = gen_close(t, wf_from_object(o), NULL, 0, 0);
    if (r)
        wf_value_decref(t, r);
    else
        wf_err_clear(t); /* CPython reports it as unraisable */
    if (saved)
        wf_err_restore(t, saved);
    wf_decref(t, o);
    return true;
}

static void gen_dealloc(wf_thread *t, wf_object *o)
{
    if (finalize_suspended(t, o))
        return;
    wf_generator *g = (wf_generator *)o;
    finish(t, g);
    wf_value_decref(t, g->name);
    wf_value_decref(t, g->qualname);
    wf_object_free(t, o);
}

static wf_value gen_get_name(wf_thread *t, wf_value self)
{
    return wf_newref(t, GEN(self)->name);
}

static wf_value gen_get_qualname(wf_thread *t, wf_value self)
{
    return wf_newref(t, GEN(self)->qualname);
}

static wf_value gen_get_running(wf_thread *t, wf_value self)
{
    (void)t;
    return wf_bool(atomic_load(&GEN(self)->running));
}

static const wf_method_def gen_methods[] = {
    {"send", gen_send, 0},
    {"throw", gen_throw, 0},
    {"close", gen_close, 0},
    {NULL},
};

/* gi_frame: a summary of the suspended frame, None once the generator finished. */
static wf_value gen_get_frame(wf_thread *t, wf_value self)
{
    wf_frame *f = GEN(self)->frame;
    if (!f)
        return wf_newref(t, WF_NONE);
    int line = f->state == WF_FRAME_CREATED ? f->code->firstlineno : wf_frame_lineno(f);
    return wf_frame_summary_new(t, f->code, line, f->globals, f->builtins);
}

static wf_value gen_get_code(wf_thread *t, wf_value self)
{
    return wf_newref(t, wf_from_object(&GEN(self)->code->ob));
}

/* gi_yieldfrom: the iterator a suspended `yield from` delegates to, else None. The
 * frame is read with the generator claimed as resume claims it, so no other thread can
 * resume it meanwhile; a running generator answers None. */
static wf_value gen_get_yieldfrom(wf_thread *t, wf_value self)
{
    wf_generator *g = GEN(self);
    bool expected = false;
    if (!atomic_compare_exchange_strong(&g->running, &expected, true))
        return wf_newref(t, WF_NONE);
    wf_value sub = g->frame ? delegate_of(g->frame) : 0;
    sub = wf_newref(t, sub ? sub : WF_NONE);
    atomic_store(&g->running, false);
    return sub;
}

static const wf_getset_def gen_getset[] = {
    {"gi_frame", gen_get_frame, NULL},
    {"gi_code", gen_get_code, NULL},
    {"gi_yieldfrom", gen_get_yieldfrom, NULL},
    {"__name__", gen_get_name, NULL},
    {"__qualname__", gen_get_qualname, NULL},
    {"gi_running", gen_get_running, NULL},
    {NULL},
};

wf_type wf_generator_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "generator",
    .tp_basicsize = sizeof(wf_generator),
    .tp_flags = WF_TPFLAG_TRACKED,
    .tp_dealloc = gen_dealloc,
    .tp_repr = gen_repr,
    .tp_iter = gen_iter,
    .tp_iternext = gen_iternext,
    .tp_methods = gen_methods,
    .tp_getset = gen_getset,
};
