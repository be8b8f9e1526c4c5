/* super: attribute lookup that starts after a given class in an object's MRO.
 *
 * super(X, obj) finds X in type(obj).__mro__ (or in obj.__mro__ when obj is a subclass
 * of X) and looks names up in the classes after it, binding what it finds to obj.
 * super() without arguments needs the running function's __class__ cell and first
 * argument: the interpreter provides them through wf_super_frame_args. */
#include <string.h>

#include "abstract.h"
#include "alloc.h"
#include "callable.h"
#include "dict.h"
#include "error.h"
#include "exceptions.h"
#include "singletons.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

bool (*wf_super_frame_args)(wf_thread *t, wf_value *type, wf_value *obj);

typedef struct super_object {
    wf_object ob;
    wf_type *type;     /* the class to start after; 0 before __init__ */
    wf_value obj;      /* the bound object, or 0 for an unbound super */
    wf_type *obj_type; /* the class whose MRO is searched */
} super_object;

#define SUPER(v) ((super_object *)wf_to_object(v))

static void super_dealloc(wf_thread *t, wf_object *o)
{
    super_object *s = (super_object *)o;
    if (s->obj)
        wf_value_decref(t, s->obj);
    wf_object_free(t, o);
}

/* The class whose MRO to search: obj itself when it is a subclass of type (a
 * classmethod's cls), else type(obj). */
static wf_type *supercheck(wf_thread *t, wf_type *type, wf_value obj)
{
    if (wf_isinstance_type(obj, &wf_type_type) &&
        wf_type_is_subtype((wf_type *)wf_to_object(obj), type))
        return (wf_type *)wf_to_object(obj);
    if (wf_type_is_subtype(wf_type_of(obj), type))
        return wf_type_of(obj);
    wf_err_set(t, &wf_exc_TypeError,
               "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

/* Fill a super object from its arguments (type, obj may be 0). */
static int super_fill(wf_thread *t, super_object *s, wf_value type, wf_value obj)
{
    if (!wf_isinstance_type(type, &wf_type_type)) {
        wf_err_set(t, &wf_exc_TypeError, "super() argument 1 must be a type, not %s",
                   wf_type_name(wf_type_of(type)));
        return -1;
    }
    wf_type *obj_type = NULL;
    if (obj && obj != WF_NONE) {
        obj_type = supercheck(t, (wf_type *)wf_to_object(type), obj);
        if (!obj_type)
            return -1;
    } else {
        obj = WF_NULL;
    }
    wf_value old = s->obj;
    s->type = (wf_type *)wf_to_object(type);
    s->obj = obj ? wf_newref(t, obj) : WF_NULL;
    s->obj_type = obj_type;
    if (old)
        wf_value_decref(t, old);
    return 0;
}

static wf_value super_alloc(wf_thread *t, wf_type *type)
{
    if (!wf_type_ready(t, type))
        return WF_NULL;
    wf_object *o = wf_object_alloc(t, type, type->tp_basicsize);
    return o ? wf_from_object(o) : wf_err_no_memory(t);
}

wf_value wf_super_new(wf_thread *t, wf_value type, wf_value obj)
{
    wf_value s = super_alloc(t, &wf_super_type);
    if (s && super_fill(t, SUPER(s), type, obj) < 0) {
        wf_value_decref(t, s);
        return WF_NULL;
    }
    return s;
}

static wf_value super_tp_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    (void)args;
    (void)nargs;
    (void)kwnames;
    return super_alloc(t, type);
}

/* super(), super(type) or super(type, obj). */
static int super_init(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                      wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "super", kwnames) || !wf_check_nargs(t, "super", nargs, 0, 2))
        return -1;
    if (nargs > 0)
        return super_fill(t, SUPER(self), args[0], nargs == 2 ? args[1] : WF_NULL);
    wf_value type, obj;
    if (!wf_super_frame_args) {
        wf_err_set(t, &wf_exc_RuntimeError, "super(): no arguments");
        return -1;
    }
    if (!wf_super_frame_args(t, &type, &obj))
        return -1;
    return super_fill(t, SUPER(self), type, obj);
}

/* Look name up in the classes after s->type in s->obj_type's MRO. */
static wf_value super_getattr(wf_thread *t, wf_value self, wf_value name)
{
    super_object *s = SUPER(self);
    bool skip = !s->obj_type || (wf_str_check(name) && strcmp(wf_str_utf8(name), "__class__") == 0);
    if (!skip) {
        wf_value mro = wf_from_object(s->obj_type->tp_mro);
        size_t n = wf_tuple_size(mro), i = 0;
        while (i < n && WF_TUPLE_ITEMS(mro)[i] != wf_type_value(s->type))
            i++;
        for (i++; i < n; i++) {
            wf_type *b = (wf_type *)wf_to_object(WF_TUPLE_ITEMS(mro)[i]);
            wf_value res = wf_dict_get(t, wf_from_object(b->tp_dict), name);
            if (!res) {
                if (wf_err_occurred(t))
                    return WF_NULL;
                continue;
            }
            wf_descr_get_fn get = wf_type_of(res)->tp_descr_get;
            if (!get)
                return res;
            /* on a class (obj is the MRO owner itself), bind as class access */
            wf_value obj = s->obj == wf_type_value(s->obj_type) ? WF_NULL : s->obj;
            wf_value r = get(t, res, obj, wf_type_value(s->obj_type));
            wf_value_decref(t, res);
            return r;
        }
    }
    return wf_generic_getattr(t, self, name);
}

static wf_value super_descr_get(wf_thread *t, wf_value self, wf_value obj, wf_value type)
{
    (void)type;
    super_object *s = SUPER(self);
    if (!obj || s->obj)
        return wf_newref(t, self);
    return wf_super_new(t, wf_type_value(s->type), obj);
}

/* "<super: <class 'Z'>, <Z object>>" with the classes' __name__, as CPython. */
static wf_value super_repr(wf_thread *t, wf_value self)
{
    super_object *s = SUPER(self);
    const char *type_name = s->type ? wf_type_name(s->type) : "NULL";
    if (s->obj_type)
        return wf_str_printf(t, "<super: <class '%s'>, <%s object>>", type_name,
                             wf_type_name(s->obj_type));
    return wf_str_printf(t, "<super: <class '%s'>, NULL>", type_name);
}

static wf_value super_get_thisclass(wf_thread *t, wf_value self)
{
    wf_type *tp = SUPER(self)->type;
    return tp ? wf_newref(t, wf_type_value(tp)) : WF_NONE;
}

static wf_value super_get_self(wf_thread *t, wf_value self)
{
    wf_value obj = SUPER(self)->obj;
    return obj ? wf_newref(t, obj) : WF_NONE;
}

static wf_value super_get_self_class(wf_thread *t, wf_value self)
{
    wf_type *tp = SUPER(self)->obj_type;
    return tp ? wf_newref(t, wf_type_value(tp)) : WF_NONE;
}

static const wf_getset_def super_getset[] = {
    {"__thisclass__", super_get_thisclass, NULL},
    {"__self__", super_get_self, NULL},
    {"__self_class__", super_get_self_class, NULL},
    {NULL},
};

wf_type wf_super_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "super",
    .tp_basicsize = sizeof(super_object),
    .tp_flags = WF_TPFLAG_TRACKED | WF_TPFLAG_BASETYPE,
    .tp_dealloc = super_dealloc,
    .tp_repr = super_repr,
    .tp_getattr = super_getattr,
    .tp_descr_get = super_descr_get,
    .tp_new = super_tp_new,
    .tp_init = super_init,
    .tp_getset = super_getset,
};
