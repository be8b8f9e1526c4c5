/* The evaluation loop (interp/eval.h).
 *
 * One C function runs a frame: a computed-goto dispatch over the opcodes of
 * interp/opcode.h. Anything longer than a few lines lives in a helper above the loop,
 * so the loop shows the stack discipline and nothing else. Reference rules on the
 * value stack: every slot holds an owned reference (or 0 for a NULL marker).
 *
 * Errors: an instruction that fails jumps to `error`, which chains the exception to
 * the one being handled (when it was raised by C code), records a traceback entry
 * for this frame, and unwinds: the innermost block's handler gets the exception on the
 * stack, or the frame returns 0. RERAISE and a bare `raise` skip the traceback entry,
 * as in CPython. */
#include "interp/eval.h"

#include <stdio.h>
#include <string.h>

#include "interp/code.h"
#include "interp/function.h"
#include "interp/generator.h"
#include "interp/module.h"
#include "interp/opcode.h"
#include "interp/traceback.h"
#include "runtime/abstract.h"
#include "runtime/alloc.h"
#include "runtime/callable.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/list.h"
#include "runtime/set.h"
#include "runtime/slice.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "threading/threads.h"

static wf_value name_at(const wf_code *co, int i)
{
    return WF_TUPLE_ITEMS(co->names)[i];
}

static wf_value slot_name(const wf_code *co, int i)
{
    return WF_TUPLE_ITEMS(co->localsplusnames)[i];
}

/* ---- Names --------------------------------------------------------------------------- */

/* NameError with its `name` attribute set (the traceback printer's suggestions use
 * it, as CPython's). */
static void name_error(wf_thread *t, wf_value name)
{
    wf_err_set(t, &wf_exc_NameError, "name '%s' is not defined", wf_str_utf8(name));
    wf_err_set_attr(t, "name", name);
}

static void unbound_error(wf_thread *t, const wf_code *co, int slot)
{
    if (co->localspluskinds[slot] & WF_KIND_FREE)
        wf_err_set(t, &wf_exc_NameError,
                   "cannot access free variable '%s' where it is not associated with a value in "
                   "enclosing scope",
                   wf_str_utf8(slot_name(co, slot)));
    else
        wf_err_set(t, &wf_exc_UnboundLocalError,
                   "cannot access local variable '%s' where it is not associated with a value",
                   wf_str_utf8(slot_name(co, slot)));
}

/* A mapping lookup that works for dicts and any other mapping (class namespaces from
 * __prepare__): 0 without an exception when missing. */
static wf_value mapping_get(wf_thread *t, wf_value map, wf_value key)
{
    if (wf_dict_check(map))
        return wf_dict_get(t, map, key);
    wf_value v = wf_getitem(t, map, key);
    if (!v && wf_err_matches(t, &wf_exc_KeyError))
        wf_err_clear(t);
    return v;
}

static wf_value load_global(wf_thread *t, wf_frame *f, wf_value name)
{
    wf_value v = wf_dict_get(t, f->globals, name);
    if (v || wf_err_occurred(t))
        return v;
    v = mapping_get(t, f->builtins, name);
    if (!v && !wf_err_occurred(t))
        name_error(t, name);
    return v;
}

static wf_value load_name(wf_thread *t, wf_frame *f, wf_value name)
{
    if (!f->locals)
        return wf_err_set(t, &wf_exc_SystemError, "no locals when loading '%s'", wf_str_utf8(name));
    wf_value v = mapping_get(t, f->locals, name);
    if (v || wf_err_occurred(t))
        return v;
    return load_global(t, f, name);
}

static int store_name(wf_thread *t, wf_frame *f, wf_value name, wf_value v)
{
    if (!f->locals)
        return wf_err_set(t, &wf_exc_SystemError, "no locals found when storing '%s'",
                          wf_str_utf8(name)),
               -1;
    if (wf_dict_check(f->locals))
        return wf_dict_set(t, f->locals, name, v);
    return wf_setitem(t, f->locals, name, v);
}

static int delete_name(wf_thread *t, wf_frame *f, wf_value name)
{
    int r = wf_dict_check(f->locals) ? wf_dict_del(t, f->locals, name)
                                     : (wf_delitem(t, f->locals, name) < 0 ? -1 : 1);
    if (r == 0 || (r < 0 && wf_err_matches(t, &wf_exc_KeyError))) {
        wf_err_clear(t);
        name_error(t, name);
        return -1;
    }
    return r < 0 ? -1 : 0;
}

static int delete_global(wf_thread *t, wf_frame *f, wf_value name)
{
    int r = wf_dict_del(t, f->globals, name);
    if (r == 0)
        name_error(t, name);
    return r <= 0 ? -1 : 0;
}

/* Class bodies read a free variable from the namespace first (LOAD_CLASSDEREF). */
static wf_value load_classderef(wf_thread *t, wf_frame *f, int slot)
{
    wf_value v = mapping_get(t, f->locals, slot_name(f->code, slot));
    if (v || wf_err_occurred(t))
        return v;
    v = wf_cell_get(t, f->localsplus[slot]);
    if (!v)
        unbound_error(t, f->code, slot);
    return v;
}

/* ---- Exceptions ---------------------------------------------------------------------- */

static wf_exception *exc_of(wf_value v)
{
    return (wf_exception *)wf_to_object(v);
}

/* exc.__context__ = the exception being handled, breaking any cycle this would make
 * (as CPython's _PyErr_SetObject). */
static void chain_context(wf_thread *t, wf_value exc)
{
    wf_value handled = t->handled ? wf_from_object(t->handled) : 0;
    if (!handled || handled == exc || !wf_exception_check(exc))
        return;
    for (wf_value o = handled; o;) {
        wf_exception *e = exc_of(o);
        if (e->context == exc) {
            e->context = 0;
            wf_value_decref(t, exc);
            break;
        }
        o = e->context;
    }
    wf_exception *e = exc_of(exc);
    wf_value old = e->context;
    e->context = wf_newref(t, handled);
    if (old)
        wf_value_decref(t, old);
}

/* An exception instance from `raise X`: X itself, or X() for a class. */
static wf_value make_exception(wf_thread *t, wf_value v, const char *what)
{
    if (wf_type_of(v) == &wf_type_type || wf_isinstance_type(v, &wf_type_type)) {
        wf_type *ty = (wf_type *)wf_to_object(v);
        if (ty->tp_flags & WF_TPFLAG_EXC_SUBCLASS) {
            wf_value inst = wf_call(t, v, NULL, 0, 0);
            if (inst && !wf_exception_check(inst)) {
                wf_err_set(t, &wf_exc_TypeError,
                           "calling %s should have returned an instance of BaseException, not %s",
                           wf_type_name(ty), wf_type_name(wf_type_of(inst)));
                wf_value_decref(t, inst);
                return 0;
            }
            return inst;
        }
    } else if (wf_exception_check(v)) {
        return wf_newref(t, v);
    }
    return wf_err_set(t, &wf_exc_TypeError, "%s must derive from BaseException", what);
}

/* raise exc [from cause]; the exception is left set on t. */
static void do_raise(wf_thread *t, wf_value exc, wf_value cause)
{
    wf_value inst = make_exception(t, exc, "exceptions");
    if (!inst)
        return;
    if (cause) {
        wf_value c = 0;
        if (cause != WF_NONE) {
            c = make_exception(t, cause, "exception causes");
            if (!c) {
                wf_value_decref(t, inst);
                return;
            }
        }
        wf_exception *e = exc_of(inst);
        wf_value old = e->cause;
        e->cause = c;
        e->suppress_context = true;
        if (old)
            wf_value_decref(t, old);
    }
    chain_context(t, inst);
    wf_err_restore(t, inst);
}

static int check_exc_match(wf_thread *t, wf_value exc, wf_value type)
{
    wf_value items[1] = {type};
    const wf_value *ts = items;
    size_t n = 1;
    if (wf_tuple_check(type)) {
        ts = WF_TUPLE_ITEMS(type);
        n = wf_tuple_size(type);
    }
    for (size_t i = 0; i < n; i++) {
        if (!wf_isinstance_type(ts[i], &wf_type_type) ||
            !(((wf_type *)wf_to_object(ts[i]))->tp_flags & WF_TPFLAG_EXC_SUBCLASS)) {
            wf_err_set(t, &wf_exc_TypeError,
                       "catching classes that do not inherit from BaseException is not allowed");
            return -1;
        }
    }
    return wf_isinstance(t, exc, type);
}

/* ---- Sequences and strings ----------------------------------------------------------- */

/* Unpack `seq` into out[0..n) (in order); CPython's messages on a length mismatch. With
 * star >= 0, the items between `star` and n - after go to a list in out[star]. */
static bool unpack_iterable(wf_thread *t, wf_value seq, wf_value *out, size_t before, bool star,
                            size_t after)
{
    wf_value it = wf_iter(t, seq);
    if (!it) {
        if (wf_err_matches(t, &wf_exc_TypeError) && !wf_type_of(seq)->tp_iter) {
            wf_err_clear(t);
            wf_err_set(t, &wf_exc_TypeError, "cannot unpack non-iterable %s object",
                       wf_type_name(wf_type_of(seq)));
        }
        return false;
    }
    size_t got = 0;
    for (; got < before; got++) {
        wf_value v = wf_iter_next(t, it);
        if (!v) {
            if (!wf_err_occurred(t)) {
                if (star)
                    wf_err_set(t, &wf_exc_ValueError,
                               "not enough values to unpack (expected at least %zu, got %zu)",
                               before + after, got);
                else
                    wf_err_set(t, &wf_exc_ValueError,
                               "not enough values to unpack (expected %zu, got %zu)", before, got);
            }
            goto fail;
        }
        out[got] = v;
    }
    if (!star) {
        wf_value extra = wf_iter_next(t, it);
        if (extra) {
            wf_value_decref(t, extra);
            wf_err_set(t, &wf_exc_ValueError, "too many values to unpack (expected %zu)", before);
        }
        if (wf_err_occurred(t))
            goto fail;
        wf_value_decref(t, it);
        return true;
    }
    wf_value rest = wf_list_new(t, 0);
    if (!rest || wf_list_extend(t, rest, it) < 0) {
        if (rest)
            wf_value_decref(t, rest);
        goto fail;
    }
    int64_t n = wf_list_size(rest);
    if ((size_t)n < after) {
        wf_err_set(t, &wf_exc_ValueError,
                   "not enough values to unpack (expected at least %zu, got %zu)", before + after,
                   before + (size_t)n);
        wf_value_decref(t, rest);
        goto fail;
    }
    for (size_t i = 0; i < after; i++)
        out[before + 1 + i] = wf_list_get(t, rest, n - (int64_t)after + (int64_t)i);
    /* drop the moved items from the starred list */
    wf_value tail = wf_list_new(t, 0);
    for (int64_t i = 0; tail && i < n - (int64_t)after; i++) {
        wf_value v = wf_list_get(t, rest, i);
        int r = wf_list_append(t, tail, v);
        wf_value_decref(t, v);
        if (r < 0) {
            wf_value_decref(t, tail);
            tail = 0;
        }
    }
    wf_value_decref(t, rest);
    if (!tail) {
        for (size_t i = 0; i < after; i++)
            wf_value_decref(t, out[before + 1 + i]);
        goto fail;
    }
    out[before] = tail;
    wf_value_decref(t, it);
    return true;
fail:
    for (size_t i = 0; i < got; i++)
        wf_value_decref(t, out[i]);
    wf_value_decref(t, it);
    return false;
}

/* UNPACK_SEQUENCE / UNPACK_EX: write the items to sp[0..) with the first item last
 * (on top), as the stores that follow pop them in order. Kept out of the loop so its
 * buffer does not grow every Python call's C frame. */
__attribute__((noinline)) static bool unpack_onto_stack(wf_thread *t, wf_value seq, size_t before,
                                                        bool star, size_t after, wf_value *sp)
{
    size_t n = before + (star ? 1 + after : 0);
    if (!star && wf_type_of(seq) == &wf_tuple_type && wf_tuple_size(seq) == n) {
        for (size_t i = 0; i < n; i++)
            sp[i] = wf_newref(t, WF_TUPLE_ITEMS(seq)[n - 1 - i]);
        return true;
    }
    wf_value tmp[16], *items = n <= 16 ? tmp : wf_raw_alloc(n * sizeof(wf_value));
    if (!items)
        return wf_err_no_memory(t), false;
    bool ok = unpack_iterable(t, seq, items, before, star, after);
    for (size_t i = 0; ok && i < n; i++)
        sp[i] = items[n - 1 - i];
    if (items != tmp)
        wf_raw_free(items);
    return ok;
}

static wf_value format_value(wf_thread *t, wf_value v, int flags, wf_value spec)
{
    wf_value conv;
    switch (flags & 3) {
    case 1:
        conv = wf_str(t, v);
        break;
    case 2:
        conv = wf_repr(t, v);
        break;
    case 3:
        conv = wf_ascii(t, v);
        break;
    default:
        conv = wf_newref(t, v);
    }
    if (!conv)
        return 0;
    if (!spec && wf_str_check_exact(conv))
        return conv;
    wf_value empty = spec ? spec : wf_str_intern_cstr(t, "");
    wf_value r = wf_format(t, conv, empty);
    wf_value_decref(t, conv);
    return r;
}

__attribute__((noinline)) static wf_value build_string(wf_thread *t, const wf_value *parts,
                                                       size_t n)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += wf_str_size(parts[i]);
    if (total == 0)
        return wf_newref(t, wf_str_intern_cstr(t, ""));
    char stackbuf[256];
    char *buf = total < sizeof stackbuf ? stackbuf : wf_raw_alloc(total);
    if (!buf)
        return wf_err_no_memory(t);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        memcpy(buf + k, wf_str_utf8(parts[i]), wf_str_size(parts[i]));
        k += wf_str_size(parts[i]);
    }
    wf_value r = wf_str_from_utf8(t, buf, total);
    if (buf != stackbuf)
        wf_raw_free(buf);
    return r;
}

/* A builtin by name (__build_class__). */
static wf_value builtin_named(wf_thread *t, wf_frame *f, const char *name)
{
    wf_value key = wf_str_intern_cstr(t, name);
    if (!key)
        return 0;
    wf_value v = mapping_get(t, f->builtins, key);
    if (!v && !wf_err_occurred(t))
        name_error(t, key);
    return v;
}

/* ---- Calls --------------------------------------------------------------------------- */

/* "mod.f()" as CPython's _PyObject_FunctionStr names a callable in messages: its
 * __qualname__ with the module unless that is builtins, else "T object". */
static void callable_str(wf_thread *t, wf_value func, char *buf, size_t cap)
{
    wf_value saved = wf_err_occurred(t) ? wf_err_fetch(t) : 0;
    wf_value qual = wf_getattr_opt(t, func, wf_str_intern_cstr(t, "__qualname__"));
    wf_value mod = qual ? wf_getattr_opt(t, func, wf_str_intern_cstr(t, "__module__")) : 0;
    if (qual && wf_str_check(qual)) {
        if (mod && wf_str_check(mod) && strcmp(wf_str_utf8(mod), "builtins") != 0)
            snprintf(buf, cap, "%s.%s()", wf_str_utf8(mod), wf_str_utf8(qual));
        else
            snprintf(buf, cap, "%s()", wf_str_utf8(qual));
    } else {
        snprintf(buf, cap, "%s object", wf_type_name(wf_type_of(func)));
    }
    if (qual)
        wf_value_decref(t, qual);
    if (mod)
        wf_value_decref(t, mod);
    wf_err_clear(t);
    if (saved)
        wf_err_restore(t, saved);
}

/* A non-iterable after *: CPython's wording for calls and for displays. */
static void extend_error(wf_thread *t, wf_value v, wf_value func)
{
    if (!wf_err_matches(t, &wf_exc_TypeError) || wf_type_of(v)->tp_iter)
        return;
    wf_value probe = wf_iter(t, v); /* an iterable whose iteration failed keeps its error */
    if (probe) {
        wf_value_decref(t, probe);
        return;
    }
    wf_err_clear(t);
    if (func) {
        char fname[200];
        callable_str(t, func, fname, sizeof fname);
        wf_err_set(t, &wf_exc_TypeError, "%s argument after * must be an iterable, not %s", fname,
                   wf_type_name(wf_type_of(v)));
    } else {
        wf_err_set(t, &wf_exc_TypeError, "Value after * must be an iterable, not %s",
                   wf_type_name(wf_type_of(v)));
    }
}

/* {**m}: m must be a mapping (a dict, or anything with keys()), not pairs. */
static int dict_update_mapping(wf_thread *t, wf_value dict, wf_value m)
{
    if (!wf_dict_check(m)) {
        wf_value keys = wf_getattr_opt(t, m, wf_str_intern_cstr(t, "keys"));
        if (!keys) {
            if (!wf_err_occurred(t))
                wf_err_set(t, &wf_exc_TypeError, "'%s' object is not a mapping",
                           wf_type_name(wf_type_of(m)));
            return -1;
        }
        wf_value_decref(t, keys);
    }
    return wf_dict_update(t, dict, m);
}

/* DICT_MERGE for f(**m): m must be a mapping; a key given twice is an error. */
static int dict_merge(wf_thread *t, wf_value dict, wf_value other, wf_value func)
{
    char fname[200];
    callable_str(t, func, fname, sizeof fname);
    wf_value keys_name = wf_str_intern_cstr(t, "keys");
    if (!wf_dict_check(other)) {
        wf_value has = keys_name ? wf_getattr_opt(t, other, keys_name) : 0;
        if (!has) {
            if (!wf_err_occurred(t))
                wf_err_set(t, &wf_exc_TypeError, "%s argument after ** must be a mapping, not %s",
                           fname, wf_type_name(wf_type_of(other)));
            return -1;
        }
        wf_value_decref(t, has);
    }
    wf_value src = wf_dict_new(t);
    if (!src || wf_dict_update(t, src, other) < 0) {
        if (src)
            wf_value_decref(t, src);
        return -1;
    }
    size_t pos = 0;
    wf_value k, v;
    int r = 0;
    while (r == 0 && wf_dict_next(t, src, &pos, &k, &v)) {
        wf_value old = wf_dict_get(t, dict, k);
        if (old) {
            wf_value_decref(t, old);
            if (wf_str_check(k))
                wf_err_set(t, &wf_exc_TypeError, "%s got multiple values for keyword argument '%s'",
                           fname, wf_str_utf8(k));
            else
                wf_err_set(t, &wf_exc_TypeError, "keywords must be strings");
            r = -1;
        } else if (wf_err_occurred(t) || wf_dict_set(t, dict, k, v) < 0) {
            r = -1;
        }
        wf_value_decref(t, k);
        wf_value_decref(t, v);
    }
    wf_value_decref(t, src);
    return r;
}

/* The attribute name of a special method looked up on the type, bound to obj; 0 without
 * an exception when the type has none. */
static wf_value lookup_special(wf_thread *t, wf_value obj, const char *name)
{
    wf_value key = wf_str_intern_cstr(t, name);
    if (!key)
        return 0;
    wf_type *ty = wf_type_of(obj);
    wf_value attr = wf_type_lookup(t, ty, key);
    if (!attr)
        return 0;
    wf_type *at = wf_type_of(attr);
    if (at->tp_descr_get)
        return at->tp_descr_get(t, attr, obj, wf_type_value(ty));
    return wf_newref(t, attr);
}

/* BEFORE_WITH: [mgr] -> [exit, mgr.__enter__()] */
static bool before_with(wf_thread *t, wf_value mgr, wf_value *exit_out, wf_value *res_out)
{
    wf_value enter = lookup_special(t, mgr, "__enter__");
    if (!enter) {
        if (!wf_err_occurred(t))
            wf_err_set(t, &wf_exc_TypeError,
                       "'%s' object does not support the context manager protocol",
                       wf_type_name(wf_type_of(mgr)));
        return false;
    }
    wf_value exit = lookup_special(t, mgr, "__exit__");
    if (!exit) {
        if (!wf_err_occurred(t))
            wf_err_set(t, &wf_exc_TypeError,
                       "'%s' object does not support the context manager protocol (missed "
                       "__exit__ method)",
                       wf_type_name(wf_type_of(mgr)));
        wf_value_decref(t, enter);
        return false;
    }
    wf_value res = wf_call(t, enter, NULL, 0, 0);
    wf_value_decref(t, enter);
    if (!res) {
        wf_value_decref(t, exit);
        return false;
    }
    *exit_out = exit;
    *res_out = res;
    return true;
}

static wf_value with_exit_call(wf_thread *t, wf_value exit, wf_value exc)
{
    wf_value args[3] = {WF_NONE, WF_NONE, WF_NONE};
    if (exc) {
        args[0] = wf_type_value(wf_type_of(exc));
        args[1] = exc;
        wf_value tb = exc_of(exc)->traceback;
        args[2] = tb ? tb : WF_NONE;
    }
    return wf_call(t, exit, args, 3, 0);
}

/* LOAD_METHOD: a plain function found on the type (and not shadowed by the instance
 * dict) is pushed unbound with self, saving the bound-method object. */
static bool load_method(wf_thread *t, wf_value obj, wf_value name, wf_value *meth, wf_value *self)
{
    wf_type *ty = wf_type_of(obj);
    if (!ty->tp_getattr) {
        wf_value d = wf_type_lookup(t, ty, name);
        if (d && (wf_type_of(d) == &wf_function_type || wf_type_of(d) == &wf_method_descr_type)) {
            bool shadowed = false;
            if (ty->tp_dictoffset) {
                wf_value idict = *(wf_value *)((char *)wf_to_object(obj) + ty->tp_dictoffset);
                if (idict) {
                    wf_value v = wf_dict_get(t, idict, name);
                    if (v)
                        wf_value_decref(t, v);
                    else if (wf_err_occurred(t))
                        return false;
                    shadowed = v != 0;
                }
            }
            if (!shadowed) {
                *meth = wf_newref(t, d);
                *self = wf_newref(t, obj);
                return true;
            }
        }
    }
    wf_value attr = wf_getattr(t, obj, name);
    if (!attr)
        return false;
    *meth = attr;
    *self = 0;
    return true;
}

/* An AttributeError from getting `name` on obj gets its name and obj attributes (as
 * CPython 3.11 sets them), which the traceback printer's suggestions read. */
static void attribute_error_context(wf_thread *t, wf_value obj, wf_value name)
{
    if (!wf_err_matches(t, &wf_exc_AttributeError))
        return;
    wf_value exc = wf_err_fetch(t);
    wf_value key = wf_str_intern_cstr(t, "name");
    wf_value have = key ? wf_getattr_opt(t, exc, key) : 0;
    if (!have || have == WF_NONE) {
        if (wf_setattr(t, exc, key, name) < 0 ||
            wf_setattr(t, exc, wf_str_intern_cstr(t, "obj"), obj) < 0)
            wf_err_clear(t);
    }
    if (have)
        wf_value_decref(t, have);
    wf_err_clear(t);
    wf_err_restore(t, exc);
}

/* ---- Imports ------------------------------------------------------------------------- */

static wf_value import_name(wf_thread *t, wf_value name, wf_value level)
{
    if (wf_is_smallint(level) && wf_smallint_unbox(level) > 0)
        return wf_err_set(t, &wf_exc_ImportError,
                          "attempted relative import with no known parent package");
    return wf_import_module(t, name);
}

/* from module import name: "cannot import name 'x' from 'sys' (unknown location)". */
static wf_value import_from(wf_thread *t, wf_value module, wf_value name)
{
    wf_value v = wf_getattr_opt(t, module, name);
    if (v || wf_err_occurred(t))
        return v;
    wf_value modname = wf_getattr_cstr(t, module, "__name__");
    if (!modname || !wf_str_check(modname)) {
        wf_err_clear(t);
        if (modname)
            wf_value_decref(t, modname);
        return wf_err_set(t, &wf_exc_ImportError, "cannot import name '%s'", wf_str_utf8(name));
    }
    wf_value file = wf_getattr_cstr(t, module, "__file__");
    if (!file)
        wf_err_clear(t);
    bool has_path = file && wf_str_check(file);
    wf_err_set(t, &wf_exc_ImportError, "cannot import name '%s' from '%s' (%s)", wf_str_utf8(name),
               wf_str_utf8(modname), has_path ? wf_str_utf8(file) : "unknown location");
    wf_err_set_attr(t, "name", modname); /* as CPython: the module's name, and its path */
    if (has_path)
        wf_err_set_attr(t, "path", file);
    wf_value_decref(t, modname);
    if (file)
        wf_value_decref(t, file);
    return 0;
}

/* from module import *: the names in __all__, else every name not starting with '_'. */
static int import_star(wf_thread *t, wf_frame *f, wf_value module)
{
    wf_value all = wf_getattr_cstr(t, module, "__all__");
    bool skip_private = !all;
    if (!all) {
        wf_err_clear(t);
        wf_value d = wf_getattr_cstr(t, module, "__dict__");
        if (!d)
            return -1;
        all = wf_call_method(t, d, wf_str_intern_cstr(t, "keys"), NULL, 0);
        wf_value_decref(t, d);
        if (!all)
            return -1;
    }
    wf_value it = wf_iter(t, all);
    wf_value_decref(t, all);
    if (!it)
        return -1;
    int r = 0;
    for (wf_value name; r == 0 && (name = wf_iter_next(t, it));) {
        if (!(skip_private && wf_str_check(name) && wf_str_utf8(name)[0] == '_')) {
            wf_value v = wf_getattr(t, module, name);
            r = v ? store_name(t, f, name, v) : -1;
            if (v)
                wf_value_decref(t, v);
        }
        wf_value_decref(t, name);
    }
    wf_value_decref(t, it);
    return r < 0 || wf_err_occurred(t) ? -1 : 0;
}

/* ---- yield from ---------------------------------------------------------------------- */

/* SEND: one step of `yield from`. Returns 1 with the yielded value, 0 with the
 * subiterator's return value, -1 on error. */
static int send_step(wf_thread *t, wf_value it, wf_value v, wf_value *out)
{
    if (wf_generator_check(it)) {
        bool done;
        wf_value r = wf_generator_send(t, it, v, &done);
        if (!r)
            return -1;
        *out = r;
        return done ? 0 : 1;
    }
    wf_value r;
    wf_unary_fn next = wf_type_of(it)->tp_iternext;
    if (v == WF_NONE && next) {
        r = next(t, it); /* not wf_iter_next: it would drop StopIteration's value */
    } else if (v == WF_NONE) {
        r = wf_iter_next(t, it); /* raises "... is not an iterator" */
    } else {
        wf_value name = wf_str_intern_cstr(t, "send");
        r = name ? wf_call_method(t, it, name, &v, 1) : 0;
    }
    if (r) {
        *out = r;
        return 1;
    }
    if (!wf_err_occurred(t)) {
        *out = wf_newref(t, WF_NONE);
        return 0;
    }
    if (!wf_err_matches(t, &wf_exc_StopIteration))
        return -1;
    wf_value exc = wf_err_fetch(t);
    wf_value value = wf_getattr_cstr(t, exc, "value");
    wf_value_decref(t, exc);
    if (!value)
        return -1;
    *out = value;
    return 0;
}

/* ---- Tagged-int fast paths ----------------------------------------------------------- */

/* a op b for two tagged ints when the result is a tagged int too; false sends the
 * operation down the generic path (overflow, other operators). */
static inline bool smallint_binop(wf_value a, wf_value b, unsigned op, wf_value *out)
{
    intptr_t x = wf_smallint_unbox(a), y = wf_smallint_unbox(b);
    switch (op) {
    case WF_NB_ADD:
    case WF_NB_INPLACE + WF_NB_ADD:
        return wf_smallint_add(x, y, out);
    case WF_NB_SUBTRACT:
    case WF_NB_INPLACE + WF_NB_SUBTRACT:
        return wf_smallint_sub(x, y, out);
    case WF_NB_MULTIPLY:
    case WF_NB_INPLACE + WF_NB_MULTIPLY:
        return wf_smallint_mul(x, y, out);
    default:
        return false;
    }
}

static inline bool smallint_compare(wf_value a, wf_value b, unsigned op)
{
    intptr_t x = wf_smallint_unbox(a), y = wf_smallint_unbox(b);
    switch (op) {
    case WF_CMP_LT:
        return x < y;
    case WF_CMP_LE:
        return x <= y;
    case WF_CMP_EQ:
        return x == y;
    case WF_CMP_NE:
        return x != y;
    case WF_CMP_GT:
        return x > y;
    default:
        return x >= y;
    }
}

/* ---- The loop ------------------------------------------------------------------------ */

static wf_value eval_frame(wf_thread *t, wf_frame *f, bool throwing)
{
    static const void *const targets[256] = {
#define WF_I_TARGET(name, caches) [WF_I_##name] = &&TARGET_##name,
        WF_OPCODES(WF_I_TARGET)
#undef WF_I_TARGET
    };
    wf_code *co = f->code;
    const uint16_t *first = co->units;
    const uint16_t *ip = first + f->next;
    const uint16_t *this_instr = throwing ? first + f->lasti : ip;
    wf_value *base = wf_frame_stack_base(f);
    wf_value *sp = base + f->stacktop;
    wf_value *locals = f->localsplus;
    wf_value kwnames = 0;
    unsigned opcode, oparg;
    uint16_t word;
    wf_value retval = 0;
    f->state = WF_FRAME_RUNNING;

#define PUSH(v)   (*sp++ = (v))
#define POP()     (*--sp)
#define TOP()     (sp[-1])
#define SECOND()  (sp[-2])
#define PEEK(n)   (sp[-(ptrdiff_t)(n)])
#define DECREF(v) wf_value_decref(t, (v))
#define XDECREF(v)                                                                                 \
    do {                                                                                           \
        wf_value x_ = (v);                                                                         \
        if (x_)                                                                                    \
            wf_value_decref(t, x_);                                                                \
    } while (0)
#define DISPATCH()                                                                                 \
    do {                                                                                           \
        this_instr = ip;                                                                           \
        word = *ip++;                                                                              \
        opcode = WF_UNIT_OP(word);                                                                 \
        oparg = WF_UNIT_ARG(word);                                                                 \
        goto *targets[opcode];                                                                     \
    } while (0)
#define TARGET(name)      TARGET_##name:
#define SKIP_CACHES(name) (ip += WF_CACHES_##name)
#define JUMP_TO(off)                                                                               \
    do {                                                                                           \
        const uint16_t *to_ = first + (off);                                                       \
        if (to_ <= this_instr)                                                                     \
            wf_eval_breaker_check(t);                                                              \
        ip = to_;                                                                                  \
    } while (0)
#define GOTO_ERROR_IF(cond)                                                                        \
    do {                                                                                           \
        if (cond)                                                                                  \
            goto error;                                                                            \
    } while (0)

    if (throwing)
        goto error;
    DISPATCH();

    TARGET(CACHE)
    {
        wf_err_set(t, &wf_exc_SystemError, "executed a cache unit");
        goto error;
    }
    TARGET(NOP)
    DISPATCH();
    TARGET(EXTENDED_ARG)
    {
        unsigned prev = oparg;
        word = *ip++;
        opcode = WF_UNIT_OP(word);
        oparg = prev << 8 | WF_UNIT_ARG(word);
        goto *targets[opcode];
    }
    TARGET(POP_TOP)
    {
        XDECREF(POP());
        DISPATCH();
    }
    TARGET(PUSH_NULL)
    {
        PUSH(0);
        DISPATCH();
    }
    TARGET(COPY)
    {
        wf_value v = PEEK(oparg);
        PUSH(v ? wf_newref(t, v) : 0);
        DISPATCH();
    }
    TARGET(SWAP)
    {
        wf_value v = TOP();
        TOP() = PEEK(oparg);
        PEEK(oparg) = v;
        DISPATCH();
    }
    TARGET(LOAD_CONST)
    {
        PUSH(wf_newref(t, WF_TUPLE_ITEMS(co->consts)[oparg]));
        DISPATCH();
    }
    TARGET(LOAD_FAST)
    {
        wf_value v = locals[oparg];
        if (WF_UNLIKELY(!v)) {
            unbound_error(t, co, (int)oparg);
            goto error;
        }
        PUSH(wf_newref(t, v));
        DISPATCH();
    }
    TARGET(STORE_FAST)
    {
        wf_value old = locals[oparg];
        locals[oparg] = POP();
        XDECREF(old);
        DISPATCH();
    }
    TARGET(DELETE_FAST)
    {
        wf_value old = locals[oparg];
        if (!old) {
            unbound_error(t, co, (int)oparg);
            goto error;
        }
        locals[oparg] = 0;
        DECREF(old);
        DISPATCH();
    }
    TARGET(MAKE_CELL)
    {
        wf_value cell = wf_cell_new(t, locals[oparg]); /* takes the reference */
        locals[oparg] = cell;
        GOTO_ERROR_IF(!cell);
        DISPATCH();
    }
    TARGET(LOAD_DEREF)
    {
        wf_value v = wf_cell_get(t, locals[oparg]);
        if (!v) {
            unbound_error(t, co, (int)oparg);
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_DEREF)
    {
        wf_cell_set(t, locals[oparg], POP());
        DISPATCH();
    }
    TARGET(DELETE_DEREF)
    {
        wf_value v = wf_cell_get(t, locals[oparg]);
        if (!v) {
            unbound_error(t, co, (int)oparg);
            goto error;
        }
        DECREF(v);
        wf_cell_set(t, locals[oparg], 0);
        DISPATCH();
    }
    TARGET(LOAD_CLASSDEREF)
    {
        wf_value v = load_classderef(t, f, (int)oparg);
        GOTO_ERROR_IF(!v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(LOAD_CLOSURE)
    {
        PUSH(wf_newref(t, locals[oparg]));
        DISPATCH();
    }
    TARGET(LOAD_NAME)
    {
        wf_value v = load_name(t, f, name_at(co, (int)oparg));
        GOTO_ERROR_IF(!v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_NAME)
    {
        wf_value v = POP();
        int r = store_name(t, f, name_at(co, (int)oparg), v);
        DECREF(v);
        GOTO_ERROR_IF(r < 0);
        DISPATCH();
    }
    TARGET(DELETE_NAME)
    {
        GOTO_ERROR_IF(delete_name(t, f, name_at(co, (int)oparg)) < 0);
        DISPATCH();
    }
    TARGET(LOAD_GLOBAL)
    {
        wf_value v = load_global(t, f, name_at(co, (int)(oparg >> 1)));
        GOTO_ERROR_IF(!v);
        PUSH(v);
        if (oparg & 1)
            PUSH(0);
        SKIP_CACHES(LOAD_GLOBAL);
        DISPATCH();
    }
    TARGET(STORE_GLOBAL)
    {
        wf_value v = POP();
        int r = wf_dict_set(t, f->globals, name_at(co, (int)oparg), v);
        DECREF(v);
        GOTO_ERROR_IF(r < 0);
        DISPATCH();
    }
    TARGET(DELETE_GLOBAL)
    {
        GOTO_ERROR_IF(delete_global(t, f, name_at(co, (int)oparg)) < 0);
        DISPATCH();
    }
    TARGET(LOAD_ATTR)
    {
        wf_value o = TOP();
        wf_value v = wf_getattr(t, o, name_at(co, (int)oparg));
        if (!v) {
            attribute_error_context(t, o, name_at(co, (int)oparg));
            goto error;
        }
        TOP() = v;
        DECREF(o);
        SKIP_CACHES(LOAD_ATTR);
        DISPATCH();
    }
    TARGET(LOAD_METHOD)
    {
        wf_value o = TOP();
        wf_value meth, self;
        if (!load_method(t, o, name_at(co, (int)oparg), &meth, &self)) {
            attribute_error_context(t, o, name_at(co, (int)oparg));
            goto error;
        }
        TOP() = meth;
        PUSH(self);
        DECREF(o);
        SKIP_CACHES(LOAD_METHOD);
        DISPATCH();
    }
    TARGET(STORE_ATTR)
    {
        wf_value o = POP(), v = POP();
        int r = wf_setattr(t, o, name_at(co, (int)oparg), v);
        DECREF(o);
        DECREF(v);
        GOTO_ERROR_IF(r < 0);
        SKIP_CACHES(STORE_ATTR);
        DISPATCH();
    }
    TARGET(DELETE_ATTR)
    {
        wf_value o = POP();
        int r = wf_setattr(t, o, name_at(co, (int)oparg), 0);
        DECREF(o);
        GOTO_ERROR_IF(r < 0);
        DISPATCH();
    }
    TARGET(BINARY_OP)
    {
        wf_value b = POP(), a = TOP();
        wf_value r;
        /* tagged ints: + - * without a call (no reference counts to touch) */
        if (wf_is_smallint(a) && wf_is_smallint(b) && smallint_binop(a, b, oparg, &r)) {
            TOP() = r;
            SKIP_CACHES(BINARY_OP);
            DISPATCH();
        }
        r = wf_binary_op(t, a, b, (int)oparg);
        DECREF(b);
        GOTO_ERROR_IF(!r);
        TOP() = r;
        DECREF(a);
        SKIP_CACHES(BINARY_OP);
        DISPATCH();
    }
    TARGET(COMPARE_OP)
    {
        wf_value b = POP(), a = TOP();
        if (wf_is_smallint(a) && wf_is_smallint(b)) {
            TOP() = wf_bool(smallint_compare(a, b, oparg));
            SKIP_CACHES(COMPARE_OP);
            DISPATCH();
        }
        wf_value r = wf_richcompare(t, a, b, (enum wf_cmp_op)oparg);
        DECREF(b);
        GOTO_ERROR_IF(!r);
        TOP() = r;
        DECREF(a);
        SKIP_CACHES(COMPARE_OP);
        DISPATCH();
    }
    TARGET(IS_OP)
    {
        wf_value b = POP(), a = TOP();
        TOP() = wf_bool((a == b) != (oparg != 0));
        DECREF(a);
        DECREF(b);
        DISPATCH();
    }
    TARGET(CONTAINS_OP)
    {
        wf_value container = POP(), item = TOP();
        int r = wf_contains(t, container, item);
        DECREF(container);
        GOTO_ERROR_IF(r < 0);
        TOP() = wf_bool((r != 0) != (oparg != 0));
        DECREF(item);
        DISPATCH();
    }
    TARGET(UNARY_NEGATIVE)
    {
        wf_value v = wf_negative(t, TOP());
        GOTO_ERROR_IF(!v);
        DECREF(TOP());
        TOP() = v;
        DISPATCH();
    }
    TARGET(UNARY_POSITIVE)
    {
        wf_value v = wf_positive(t, TOP());
        GOTO_ERROR_IF(!v);
        DECREF(TOP());
        TOP() = v;
        DISPATCH();
    }
    TARGET(UNARY_INVERT)
    {
        wf_value v = wf_invert(t, TOP());
        GOTO_ERROR_IF(!v);
        DECREF(TOP());
        TOP() = v;
        DISPATCH();
    }
    TARGET(UNARY_NOT)
    {
        int r = wf_truth(t, TOP());
        GOTO_ERROR_IF(r < 0);
        DECREF(TOP());
        TOP() = wf_bool(!r);
        DISPATCH();
    }
    TARGET(BINARY_SUBSCR)
    {
        wf_value k = POP(), o = TOP();
        wf_value v = wf_getitem(t, o, k);
        DECREF(k);
        GOTO_ERROR_IF(!v);
        TOP() = v;
        DECREF(o);
        SKIP_CACHES(BINARY_SUBSCR);
        DISPATCH();
    }
    TARGET(STORE_SUBSCR)
    {
        wf_value k = POP(), o = POP(), v = POP();
        int r = wf_setitem(t, o, k, v);
        DECREF(k);
        DECREF(o);
        DECREF(v);
        GOTO_ERROR_IF(r < 0);
        SKIP_CACHES(STORE_SUBSCR);
        DISPATCH();
    }
    TARGET(DELETE_SUBSCR)
    {
        wf_value k = POP(), o = POP();
        int r = wf_delitem(t, o, k);
        DECREF(k);
        DECREF(o);
        GOTO_ERROR_IF(r < 0);
        DISPATCH();
    }
    TARGET(BUILD_TUPLE)
    {
        wf_value tup = wf_tuple_new(t, oparg);
        GOTO_ERROR_IF(!tup);
        sp -= oparg;
        memcpy(WF_TUPLE_ITEMS(tup), sp, oparg * sizeof(wf_value));
        PUSH(tup);
        DISPATCH();
    }
    TARGET(BUILD_LIST)
    {
        wf_value l = wf_list_from_array(t, sp - oparg, oparg);
        GOTO_ERROR_IF(!l);
        for (unsigned i = 0; i < oparg; i++)
            XDECREF(POP());
        PUSH(l);
        DISPATCH();
    }
    TARGET(BUILD_SET)
    {
        wf_value set = wf_set_new(t, 0);
        GOTO_ERROR_IF(!set);
        int r = 0;
        for (unsigned i = oparg; i > 0 && r == 0; i--)
            r = wf_set_add(t, set, PEEK(i));
        for (unsigned i = 0; i < oparg; i++)
            DECREF(POP());
        PUSH(set);
        GOTO_ERROR_IF(r < 0);
        DISPATCH();
    }
    TARGET(BUILD_MAP)
    {
        wf_value d = wf_dict_new(t);
        GOTO_ERROR_IF(!d);
        int r = 0;
        for (unsigned i = 2 * oparg; i > 0 && r == 0; i -= 2)
            r = wf_dict_set(t, d, PEEK(i), PEEK(i - 1));
        for (unsigned i = 0; i < 2 * oparg; i++)
            DECREF(POP());
        PUSH(d);
        GOTO_ERROR_IF(r < 0);
        DISPATCH();
    }
    TARGET(BUILD_CONST_KEY_MAP)
    {
        wf_value keys = POP();
        wf_value d = wf_dict_new(t);
        int r = d ? 0 : -1;
        for (unsigned i = 0; i < oparg && r == 0; i++)
            r = wf_dict_set(t, d, WF_TUPLE_ITEMS(keys)[i], PEEK(oparg - i));
        DECREF(keys);
        for (unsigned i = 0; i < oparg; i++)
            DECREF(POP());
        if (d)
            PUSH(d);
        GOTO_ERROR_IF(r < 0);
        DISPATCH();
    }
    TARGET(BUILD_STRING)
    {
        wf_value s = build_string(t, sp - oparg, oparg);
        for (unsigned i = 0; i < oparg; i++)
            DECREF(POP());
        GOTO_ERROR_IF(!s);
        PUSH(s);
        DISPATCH();
    }
    TARGET(BUILD_SLICE)
    {
        wf_value step = oparg == 3 ? POP() : 0;
        wf_value stop = POP(), start = POP();
        wf_value sl = wf_slice_new(t, start, stop, step);
        DECREF(start);
        DECREF(stop);
        XDECREF(step);
        GOTO_ERROR_IF(!sl);
        PUSH(sl);
        DISPATCH();
    }
    TARGET(LIST_APPEND)
    {
        wf_value v = POP();
        int r = wf_list_append(t, PEEK(oparg), v);
        DECREF(v);
        GOTO_ERROR_IF(r < 0);
        DISPATCH();
    }
    TARGET(SET_ADD)
    {
        wf_value v = POP();
        int r = wf_set_add(t, PEEK(oparg), v);
        DECREF(v);
        GOTO_ERROR_IF(r < 0);
        DISPATCH();
    }
    TARGET(MAP_ADD)
    {
        wf_value v = POP(), k = POP();
        int r = wf_dict_set(t, PEEK(oparg), k, v);
        DECREF(k);
        DECREF(v);
        GOTO_ERROR_IF(r < 0);
        DISPATCH();
    }
    TARGET(LIST_EXTEND)
    {
        wf_value v = POP();
        unsigned pos = oparg & 0xff;
        int r = wf_list_extend(t, PEEK(pos), v);
        if (r < 0)
            extend_error(t, v, (oparg & WF_EXTEND_FOR_CALL) ? PEEK(pos + 2) : 0);
        DECREF(v);
        GOTO_ERROR_IF(r < 0);
        DISPATCH();
    }
    TARGET(SET_UPDATE)
    {
        wf_value v = POP();
        int r = wf_set_update(t, PEEK(oparg), v);
        DECREF(v);
        GOTO_ERROR_IF(r < 0);
        DISPATCH();
    }
    TARGET(DICT_UPDATE)
    {
        wf_value v = POP();
        int r = dict_update_mapping(t, PEEK(oparg), v);
        DECREF(v);
        GOTO_ERROR_IF(r < 0);
        DISPATCH();
    }
    TARGET(DICT_MERGE)
    {
        wf_value v = POP();
        /* the callable sits under [NULL, args tuple, dict] */
        int r = dict_merge(t, PEEK(oparg), v, PEEK(oparg + 3));
        DECREF(v);
        GOTO_ERROR_IF(r < 0);
        DISPATCH();
    }
    TARGET(LIST_TO_TUPLE)
    {
        wf_value tup = wf_list_as_tuple(t, TOP());
        GOTO_ERROR_IF(!tup);
        DECREF(TOP());
        TOP() = tup;
        DISPATCH();
    }
    TARGET(UNPACK_SEQUENCE)
    {
        wf_value seq = POP();
        bool ok = unpack_onto_stack(t, seq, oparg, false, 0, sp);
        DECREF(seq);
        GOTO_ERROR_IF(!ok);
        sp += oparg;
        SKIP_CACHES(UNPACK_SEQUENCE);
        DISPATCH();
    }
    TARGET(UNPACK_EX)
    {
        size_t before = oparg & 0xff, after = oparg >> 8;
        wf_value seq = POP();
        bool ok = unpack_onto_stack(t, seq, before, true, after, sp);
        DECREF(seq);
        GOTO_ERROR_IF(!ok);
        sp += before + 1 + after;
        DISPATCH();
    }
    TARGET(FORMAT_VALUE)
    {
        wf_value spec = (oparg & 4) ? POP() : 0;
        wf_value v = TOP();
        wf_value r = format_value(t, v, (int)oparg, spec);
        XDECREF(spec);
        GOTO_ERROR_IF(!r);
        TOP() = r;
        DECREF(v);
        DISPATCH();
    }
    TARGET(JUMP)
    {
        JUMP_TO(oparg);
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_FALSE)
    {
        wf_value v = POP();
        int r = v == WF_FALSE ? 0 : v == WF_TRUE ? 1 : wf_truth(t, v);
        DECREF(v);
        GOTO_ERROR_IF(r < 0);
        if (!r)
            JUMP_TO(oparg);
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_TRUE)
    {
        wf_value v = POP();
        int r = v == WF_FALSE ? 0 : v == WF_TRUE ? 1 : wf_truth(t, v);
        DECREF(v);
        GOTO_ERROR_IF(r < 0);
        if (r)
            JUMP_TO(oparg);
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_NONE)
    {
        wf_value v = POP();
        DECREF(v);
        if (v == WF_NONE)
            JUMP_TO(oparg);
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_NOT_NONE)
    {
        wf_value v = POP();
        DECREF(v);
        if (v != WF_NONE)
            JUMP_TO(oparg);
        DISPATCH();
    }
    TARGET(JUMP_IF_FALSE_OR_POP)
    {
        int r = wf_truth(t, TOP());
        GOTO_ERROR_IF(r < 0);
        if (!r)
            JUMP_TO(oparg);
        else
            DECREF(POP());
        DISPATCH();
    }
    TARGET(JUMP_IF_TRUE_OR_POP)
    {
        int r = wf_truth(t, TOP());
        GOTO_ERROR_IF(r < 0);
        if (r)
            JUMP_TO(oparg);
        else
            DECREF(POP());
        DISPATCH();
    }
    TARGET(GET_ITER)
    {
        wf_value it = wf_iter(t, TOP());
        GOTO_ERROR_IF(!it);
        DECREF(TOP());
        TOP() = it;
        DISPATCH();
    }
    TARGET(FOR_ITER)
    {
        wf_value v = wf_iter_next(t, TOP());
        if (v) {
            PUSH(v);
            DISPATCH();
        }
        GOTO_ERROR_IF(wf_err_occurred(t));
        DECREF(POP());
        JUMP_TO(oparg);
        DISPATCH();
    }
    TARGET(KW_NAMES)
    {
        kwnames = WF_TUPLE_ITEMS(co->consts)[oparg];
        DISPATCH();
    }
    TARGET(CALL)
    {
        wf_eval_breaker_check(t);
        wf_value *fslot = sp - oparg - 2; /* [callable, self|NULL, args...] */
        wf_value callable = fslot[0];
        wf_value *args = fslot + 2;
        size_t n = oparg;
        if (fslot[1]) { /* a method: self is the first argument */
            args--;
            n++;
        }
        size_t nkw = kwnames ? wf_tuple_size(kwnames) : 0;
        f->lasti = (int)(this_instr - first);
        wf_value r = wf_function_check(callable)
                         ? wf_function_call(t, callable, args, n - nkw, kwnames)
                         : wf_call(t, callable, args, n - nkw, kwnames);
        kwnames = 0;
        while (sp > fslot)
            XDECREF(POP());
        GOTO_ERROR_IF(!r);
        PUSH(r);
        SKIP_CACHES(CALL);
        DISPATCH();
    }
    TARGET(CALL_FUNCTION_EX)
    {
        wf_eval_breaker_check(t);
        wf_value kwargs = (oparg & 1) ? POP() : 0;
        wf_value args = POP();
        wf_value null = POP();
        wf_value callable = TOP();
        f->lasti = (int)(this_instr - first);
        wf_value r = wf_call_tuple_dict(t, callable, args, kwargs);
        XDECREF(kwargs);
        DECREF(args);
        XDECREF(null);
        GOTO_ERROR_IF(!r);
        DECREF(callable);
        TOP() = r;
        DISPATCH();
    }
    TARGET(MAKE_FUNCTION)
    {
        wf_value code = POP();
        wf_value fn = wf_function_new(t, code, f->globals, 0);
        DECREF(code);
        GOTO_ERROR_IF(!fn);
        wf_function *func = wf_function_of(fn);
        if (oparg & 0x08)
            func->closure = POP();
        if (oparg & 0x04)
            func->annotations = POP();
        if (oparg & 0x02)
            func->kwdefaults = POP();
        if (oparg & 0x01)
            func->defaults = POP();
        PUSH(fn);
        DISPATCH();
    }
    TARGET(RETURN_VALUE)
    {
        retval = POP();
        f->state = WF_FRAME_COMPLETED;
        goto exit_frame;
    }
    TARGET(LOAD_BUILD_CLASS)
    {
        wf_value bc = builtin_named(t, f, "__build_class__");
        if (!bc) {
            if (wf_err_matches(t, &wf_exc_NameError)) {
                wf_err_clear(t);
                wf_err_set(t, &wf_exc_NameError, "__build_class__ not found");
            }
            goto error;
        }
        PUSH(bc);
        DISPATCH();
    }
    TARGET(SETUP_FINALLY)
    {
        WF_ASSERT(f->nblocks < WF_MAX_BLOCKS);
        f->blocks[f->nblocks++] = (wf_block){.handler = (int)oparg, .level = (int)(sp - base)};
        DISPATCH();
    }
    TARGET(SETUP_CLEANUP)
    {
        WF_ASSERT(f->nblocks < WF_MAX_BLOCKS);
        f->blocks[f->nblocks++] = (wf_block){.handler = (int)oparg, .level = (int)(sp - base) - 1};
        DISPATCH();
    }
    TARGET(POP_BLOCK)
    {
        WF_ASSERT(f->nblocks > 0);
        f->nblocks--;
        DISPATCH();
    }
    TARGET(PUSH_EXC_INFO)
    {
        wf_value exc = TOP();
        wf_value prev = t->handled ? wf_from_object(t->handled) : WF_NONE;
        TOP() = prev; /* the reference t->handled held moves to the stack */
        t->handled = wf_to_object(wf_newref(t, exc));
        PUSH(exc);
        DISPATCH();
    }
    TARGET(POP_EXCEPT)
    {
        wf_value prev = POP();
        wf_object *cur = t->handled;
        t->handled = prev == WF_NONE ? NULL : wf_to_object(prev);
        if (cur)
            wf_decref(t, cur);
        DISPATCH();
    }
    TARGET(POP_EXCEPT_AND_RERAISE)
    {
        wf_value exc = POP();
        wf_value prev = POP();
        wf_object *cur = t->handled;
        t->handled = prev == WF_NONE ? NULL : wf_to_object(prev);
        if (cur)
            wf_decref(t, cur);
        wf_err_restore(t, exc);
        goto exception_unwind;
    }
    TARGET(RERAISE)
    {
        wf_err_restore(t, POP());
        goto exception_unwind;
    }
    TARGET(CHECK_EXC_MATCH)
    {
        wf_value type = POP();
        int r = check_exc_match(t, TOP(), type);
        DECREF(type);
        GOTO_ERROR_IF(r < 0);
        PUSH(wf_bool(r));
        DISPATCH();
    }
    TARGET(RAISE_VARARGS)
    {
        wf_value cause = oparg == 2 ? POP() : 0;
        wf_value exc = oparg >= 1 ? POP() : 0;
        if (!exc) { /* bare raise: the handled exception, traceback unchanged */
            if (!t->handled) {
                wf_err_set(t, &wf_exc_RuntimeError, "No active exception to reraise");
                goto error;
            }
            wf_err_restore(t, wf_newref(t, wf_from_object(t->handled)));
            goto exception_unwind;
        }
        do_raise(t, exc, cause);
        DECREF(exc);
        XDECREF(cause);
        goto error;
    }
    TARGET(LOAD_ASSERTION_ERROR)
    {
        PUSH(wf_type_value(&wf_exc_AssertionError));
        DISPATCH();
    }
    TARGET(BEFORE_WITH)
    {
        wf_value mgr = TOP();
        wf_value exit, res;
        GOTO_ERROR_IF(!before_with(t, mgr, &exit, &res));
        TOP() = exit;
        DECREF(mgr);
        PUSH(res);
        DISPATCH();
    }
    TARGET(WITH_EXIT_NONE)
    {
        wf_value exit = POP();
        wf_value r = with_exit_call(t, exit, 0);
        DECREF(exit);
        GOTO_ERROR_IF(!r);
        DECREF(r);
        DISPATCH();
    }
    TARGET(WITH_EXCEPT_START)
    {
        wf_value r = with_exit_call(t, PEEK(3), TOP());
        GOTO_ERROR_IF(!r);
        PUSH(r);
        DISPATCH();
    }
    TARGET(IMPORT_NAME)
    {
        wf_value fromlist = POP(), level = POP();
        wf_value m = import_name(t, name_at(co, (int)oparg), level);
        DECREF(fromlist);
        DECREF(level);
        GOTO_ERROR_IF(!m);
        PUSH(m);
        DISPATCH();
    }
    TARGET(IMPORT_FROM)
    {
        wf_value v = import_from(t, TOP(), name_at(co, (int)oparg));
        GOTO_ERROR_IF(!v);
        PUSH(v);
        DISPATCH();
    }
    TARGET(IMPORT_STAR)
    {
        wf_value m = POP();
        int r = import_star(t, f, m);
        DECREF(m);
        GOTO_ERROR_IF(r < 0);
        DISPATCH();
    }
    TARGET(SETUP_ANNOTATIONS)
    {
        wf_value key = wf_str_intern_cstr(t, "__annotations__");
        wf_value v = key ? mapping_get(t, f->locals, key) : 0;
        GOTO_ERROR_IF(!v && wf_err_occurred(t));
        if (v) {
            DECREF(v);
        } else {
            wf_value d = wf_dict_new(t);
            int r = d ? store_name(t, f, key, d) : -1;
            XDECREF(d);
            GOTO_ERROR_IF(r < 0);
        }
        DISPATCH();
    }
    TARGET(YIELD_VALUE)
    {
        retval = POP();
        f->next = (int)(ip - first);
        f->lasti = (int)(this_instr - first);
        f->stacktop = (int)(sp - base);
        f->state = WF_FRAME_SUSPENDED;
        return retval;
    }
    TARGET(GET_YIELD_FROM_ITER)
    {
        if (!wf_generator_check(TOP())) {
            wf_value it = wf_iter(t, TOP());
            GOTO_ERROR_IF(!it);
            DECREF(TOP());
            TOP() = it;
        }
        DISPATCH();
    }
    TARGET(SEND)
    {
        wf_value v = TOP();
        wf_value out;
        f->lasti = (int)(this_instr - first);
        int r = send_step(t, SECOND(), v, &out);
        GOTO_ERROR_IF(r < 0);
        DECREF(v);
        if (r == 1) {
            TOP() = out;
            DISPATCH();
        }
        sp--;
        DECREF(TOP());
        TOP() = out;
        JUMP_TO(oparg);
        DISPATCH();
    }
    TARGET(PRINT_EXPR)
    {
        wf_value v = POP();
        wf_value hook = 0, sys = wf_sys_module(t);
        if (sys)
            hook = wf_getattr_cstr(t, sys, "displayhook");
        wf_value r = hook ? wf_call(t, hook, &v, 1, 0) : 0;
        XDECREF(hook);
        DECREF(v);
        GOTO_ERROR_IF(!r);
        DECREF(r);
        DISPATCH();
    }

error:
    WF_ASSERT(wf_err_occurred(t));
    f->lasti = (int)(this_instr - first);
    {
        wf_value exc = wf_from_object(t->exc);
        /* an exception from C code that no frame has seen yet: chain it here, as
         * CPython does at raise time */
        if (wf_exception_check(exc) && !exc_of(exc)->traceback)
            chain_context(t, exc);
        /* on MemoryError the exception is replaced and unwinding goes on with that */
        (void)wf_traceback_add(t, exc, co, f->lasti, f->globals, f->builtins);
    }
exception_unwind:
    if (f->nblocks > 0) {
        wf_block b = f->blocks[--f->nblocks];
        while (sp > base + b.level)
            XDECREF(POP());
        PUSH(wf_err_fetch(t));
        kwnames = 0;
        ip = first + b.handler;
        DISPATCH();
    }
    while (sp > base)
        XDECREF(POP());
    f->state = WF_FRAME_COMPLETED;
    retval = 0;
exit_frame:
    while (sp > base)
        XDECREF(POP());
    f->stacktop = 0;
    return retval;
}

/* ---- Entry points -------------------------------------------------------------------- */

static wf_value run(wf_thread *t, wf_frame *f, bool throwing)
{
    int limit = t->recursion_limit > 0 ? t->recursion_limit : wf_sys_recursion_limit();
    if (t->recursion_depth >= limit) {
        if (throwing)
            wf_err_clear(t);
        return wf_err_set(t, &wf_exc_RecursionError, "maximum recursion depth exceeded");
    }
    t->recursion_depth++;
    f->previous = t->frame;
    t->frame = f;
    wf_value r = eval_frame(t, f, throwing);
    t->frame = f->previous;
    f->previous = NULL;
    t->recursion_depth--;
    return r;
}

wf_value wf_eval_run(wf_thread *t, wf_frame *f)
{
    return run(t, f, false);
}

wf_value wf_eval_run_throw(wf_thread *t, wf_frame *f)
{
    return run(t, f, true);
}

wf_value wf_eval_builtins_for(wf_thread *t, wf_value globals)
{
    wf_value b = wf_dict_get_cstr(t, globals, "__builtins__");
    if (b) {
        wf_value d = wf_type_of(b) == &wf_module_type ? wf_module_dict(b) : b;
        wf_value_decref(t, b); /* the globals keep it alive */
        if (wf_dict_check(d))
            return d;
    }
    if (wf_err_occurred(t))
        return 0;
    wf_value mod = wf_builtins_module(t);
    return mod ? wf_module_dict(mod) : 0;
}

wf_value wf_eval_code_ex(wf_thread *t, wf_value code, wf_value globals, wf_value locals,
                         wf_value closure)
{
    wf_code *co = wf_code_of(code);
    wf_value builtins = wf_eval_builtins_for(t, globals);
    if (!builtins)
        return 0;
    wf_frame *f = wf_frame_push(t, co, globals, builtins, locals ? locals : globals);
    if (!f)
        return 0;
    for (int i = 0; i < co->nfrees; i++)
        f->localsplus[co->nlocalsplus - co->nfrees + i] = wf_newref(t, WF_TUPLE_ITEMS(closure)[i]);
    wf_value r = wf_eval_run(t, f);
    wf_frame_release(t, f);
    return r;
}

/* ---- Classes ------------------------------------------------------------------------- */

/* The namespace for a class body: metaclass.__prepare__(name, bases, **kwds) when it
 * exists, else a new dict. */
static wf_value prepare_namespace(wf_thread *t, wf_value meta, wf_value name, wf_value bases,
                                  const wf_value *kwvals, wf_value kwnames)
{
    wf_value prep_name = wf_str_intern_cstr(t, "__prepare__");
    wf_value prep = prep_name ? wf_getattr_opt(t, meta, prep_name) : 0;
    if (!prep) {
        if (wf_err_occurred(t))
            return 0;
        return wf_dict_new(t);
    }
    size_t nkw = kwnames ? wf_tuple_size(kwnames) : 0;
    wf_value args[2 + 64];
    if (nkw > 64) {
        wf_value_decref(t, prep);
        return wf_err_set(t, &wf_exc_TypeError, "too many class keywords");
    }
    args[0] = name;
    args[1] = bases;
    memcpy(args + 2, kwvals, nkw * sizeof(wf_value));
    wf_value ns = wf_call(t, prep, args, 2, kwnames);
    wf_value_decref(t, prep);
    return ns;
}

/* The class: type(name, bases, ns) directly, or a call of the metaclass. */
static wf_value make_class(wf_thread *t, wf_value meta, wf_value name, wf_value bases, wf_value ns,
                           const wf_value *kwvals, wf_value kwnames)
{
    size_t nkw = kwnames ? wf_tuple_size(kwnames) : 0;
    if (meta == wf_type_value(&wf_type_type) && nkw == 0)
        return wf_type_new(t, name, bases, ns);
    if (nkw > 64)
        return wf_err_set(t, &wf_exc_TypeError, "too many class keywords");
    wf_value args[3 + 64] = {name, bases, ns};
    memcpy(args + 3, kwvals, nkw * sizeof(wf_value));
    return wf_call(t, meta, args, 3, kwnames);
}

/* The metaclass to use: the most derived of meta and the bases' metaclasses
 * (CPython's _PyType_CalculateMetaclass); a meta that is not a type is used as is. */
static wf_value most_derived_metaclass(wf_thread *t, wf_value meta, wf_value bases)
{
    if (!wf_isinstance_type(meta, &wf_type_type))
        return meta;
    wf_type *winner = (wf_type *)wf_to_object(meta);
    for (size_t i = 0; i < wf_tuple_size(bases); i++) {
        wf_type *bm = wf_type_of(WF_TUPLE_ITEMS(bases)[i]);
        if (wf_type_is_subtype(winner, bm))
            continue;
        if (wf_type_is_subtype(bm, winner)) {
            winner = bm;
            continue;
        }
        return wf_err_set(t, &wf_exc_TypeError,
                          "metaclass conflict: the metaclass of a derived class must be a "
                          "(non-strict) subclass of the metaclasses of all its bases");
    }
    return wf_type_value(winner);
}

/* kwnames without "metaclass" (and its value removed from vals). */
static wf_value split_metaclass(wf_thread *t, wf_value kwnames, const wf_value *vals,
                                wf_value *meta, wf_value *outvals)
{
    size_t n = kwnames ? wf_tuple_size(kwnames) : 0, k = 0;
    wf_value names[64];
    if (n > 64)
        return wf_err_set(t, &wf_exc_TypeError, "too many class keywords");
    for (size_t i = 0; i < n; i++) {
        wf_value nm = WF_TUPLE_ITEMS(kwnames)[i];
        if (strcmp(wf_str_utf8(nm), "metaclass") == 0) {
            *meta = vals[i];
        } else {
            names[k] = nm;
            outvals[k++] = vals[i];
        }
    }
    return k ? wf_tuple_from_array(t, names, k) : wf_newref(t, WF_NONE);
}

/* PEP 560: a base that is not a class but has __mro_entries__ is replaced by what that
 * returns for the original bases. A new reference to the resolved bases (orig itself
 * when nothing changed), 0 on error. */
static wf_value resolve_bases(wf_thread *t, wf_value orig)
{
    size_t n = wf_tuple_size(orig);
    wf_value out = 0; /* a list, once some base is replaced */
    for (size_t i = 0; i < n; i++) {
        wf_value b = WF_TUPLE_ITEMS(orig)[i];
        wf_value meth = 0;
        if (!wf_isinstance_type(b, &wf_type_type)) {
            meth = wf_getattr_opt(t, b, wf_str_intern_cstr(t, "__mro_entries__"));
            if (!meth && wf_err_occurred(t))
                goto fail;
        }
        if (!meth) {
            if (out && wf_list_append(t, out, b) < 0)
                goto fail;
            continue;
        }
        wf_value entries = wf_call(t, meth, &orig, 1, 0);
        wf_value_decref(t, meth);
        if (!entries)
            goto fail;
        if (!wf_tuple_check(entries)) {
            wf_value_decref(t, entries);
            wf_err_set(t, &wf_exc_TypeError, "__mro_entries__ must return a tuple");
            goto fail;
        }
        if (!out && !(out = wf_list_from_array(t, WF_TUPLE_ITEMS(orig), i))) {
            wf_value_decref(t, entries);
            goto fail;
        }
        int r = wf_list_extend(t, out, entries);
        wf_value_decref(t, entries);
        if (r < 0)
            goto fail;
    }
    if (!out)
        return wf_newref(t, orig);
    wf_value r = wf_list_as_tuple(t, out);
    wf_value_decref(t, out);
    return r;
fail:
    if (out)
        wf_value_decref(t, out);
    return 0;
}

wf_value wf_build_class(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                        wf_value kwnames)
{
    (void)self;
    if (nargs < 2)
        return wf_err_set(t, &wf_exc_TypeError, "__build_class__: not enough arguments");
    wf_value func = args[0], name = args[1];
    if (!wf_function_check(func))
        return wf_err_set(t, &wf_exc_TypeError, "__build_class__: func must be a function");
    if (!wf_str_check(name))
        return wf_err_set(t, &wf_exc_TypeError, "__build_class__: name is not a string");
    wf_value orig_bases = wf_tuple_from_array(t, args + 2, nargs - 2);
    if (!orig_bases)
        return 0;
    wf_value bases = resolve_bases(t, orig_bases);
    if (!bases) {
        wf_value_decref(t, orig_bases);
        return 0;
    }
    wf_value meta = 0, kwvals[64];
    wf_value kw = split_metaclass(t, kwnames, args + nargs, &meta, kwvals);
    if (!kw) {
        wf_value_decref(t, bases);
        wf_value_decref(t, orig_bases);
        return 0;
    }
    wf_value kwn = kw == WF_NONE ? 0 : kw;
    if (!meta)
        meta = wf_tuple_size(bases) ? wf_type_value(wf_type_of(WF_TUPLE_ITEMS(bases)[0]))
                                    : wf_type_value(&wf_type_type);
    wf_value cls = 0;
    meta = most_derived_metaclass(t, meta, bases);
    wf_value ns = meta ? prepare_namespace(t, meta, name, bases, kwvals, kwn) : 0;
    if (ns) {
        wf_function *fn = wf_function_of(func);
        wf_value cell = wf_eval_code_ex(t, fn->code, fn->globals, ns, fn->closure);
        if (cell) {
            if (wf_type_of(cell) == &wf_cell_type && wf_dict_check(ns))
                wf_dict_del(t, ns, wf_str_intern_cstr(t, "__classcell__"));
            if (bases != orig_bases && !wf_err_occurred(t))
                wf_setitem(t, ns, wf_str_intern_cstr(t, "__orig_bases__"), orig_bases);
            cls = wf_err_occurred(t) ? 0 : make_class(t, meta, name, bases, ns, kwvals, kwn);
            if (cls && wf_type_of(cell) == &wf_cell_type)
                wf_cell_set(t, cell, wf_newref(t, cls));
            wf_value_decref(t, cell);
        }
        wf_value_decref(t, ns);
    }
    wf_value_decref(t, kw);
    wf_value_decref(t, bases);
    wf_value_decref(t, orig_bases);
    return cls;
}

/* ---- Hooks for the object layer ------------------------------------------------------ */

/* super() without arguments: the running function's first argument and the contents
 * of its __class__ cell (both borrowed: the frame and the cell keep them alive). */
bool wf_eval_super_frame_args(wf_thread *t, wf_value *type, wf_value *obj)
{
    wf_frame *f = t->frame;
    if (!f)
        return wf_err_set(t, &wf_exc_RuntimeError, "super(): no current frame"), false;
    wf_code *co = f->code;
    if (co->argcount == 0 && !(co->flags & WF_CO_VARARGS))
        return wf_err_set(t, &wf_exc_RuntimeError, "super(): no arguments"), false;
    wf_value first = f->localsplus[0];
    if (first && (co->localspluskinds[0] & WF_KIND_CELL)) {
        wf_value v = wf_cell_get(t, first);
        if (v)
            wf_value_decref(t, v); /* the cell keeps it */
        first = v;
    }
    if (!first)
        return wf_err_set(t, &wf_exc_RuntimeError, "super(): arg[0] deleted"), false;
    for (int i = co->nlocalsplus - co->nfrees; i < co->nlocalsplus; i++) {
        if (strcmp(wf_str_utf8(slot_name(co, i)), "__class__") != 0)
            continue;
        wf_value cls = wf_cell_get(t, f->localsplus[i]);
        if (!cls)
            return wf_err_set(t, &wf_exc_RuntimeError, "super(): empty __class__ cell"), false;
        wf_value_decref(t, cls); /* the cell keeps it */
        if (!wf_isinstance_type(cls, &wf_type_type))
            return wf_err_set(t, &wf_exc_RuntimeError, "super(): __class__ is not a type (%s)",
                              wf_type_name(wf_type_of(cls))),
                   false;
        *type = cls;
        *obj = first;
        return true;
    }
    return wf_err_set(t, &wf_exc_RuntimeError, "super(): __class__ cell not found"), false;
}

/* The globals of the running Python frame (type() records __module__ from them). */
wf_value wf_eval_caller_globals(wf_thread *t)
{
    return t->frame ? t->frame->globals : 0;
}
