/* Types: the type of a value, readiness of built-in types, attribute lookup along the
 * MRO, and classes made at run time (class statements, type(name, bases, dict)).
 *
 * Built-in types are static wf_type structs, immortal, readied once at start-up by
 * wf_types_init (their tp_dict holds method descriptors for tp_methods and getset
 * descriptors for tp_getset). Heap types (WF_TPFLAG_HEAPTYPE) are reference-counted
 * objects; their slots dispatch to the dunder methods in their dicts ("slot
 * wrappers"), and assigning a dunder attribute on a class updates the slot.
 * Any change to a type's dict bumps tp_version of it and its subclasses, which is
 * what the specializer's caches check. */
#ifndef WF_TYPE_H
#define WF_TYPE_H

#include "object.h"

/* The object header of a static (immortal) object of type `type`, and of a static type. */
#define WF_STATIC_OBJECT_HEAD(type)                                                                \
    {                                                                                              \
        .ob_ref_local = WF_REF_IMMORTAL, .ob_type = (type)                                         \
    }
#define WF_TYPE_HEAD WF_STATIC_OBJECT_HEAD(&wf_type_type)

extern wf_type wf_type_type; /* type */
/* object.__init__ ("wrapper_descriptor") and (1).__add__ ("method-wrapper"). */
extern wf_type wf_slot_wrapper_type, wf_method_wrapper_type;
/* __slots__ entries ("member_descriptor"). */
extern wf_type wf_member_descr_type;
/* X.__dict__ ("mappingproxy"), a read-only view. */
extern wf_type wf_mappingproxy_type;
/* A read-only view of `mapping` (a new reference). */
wf_value wf_mappingproxy_new(wf_thread *t, wf_value mapping);
extern wf_type wf_object_type; /* object */
extern wf_type wf_int_type;

/* The type of any value (tagged ints are int). Borrowed. Every static type starts with
 * WF_TYPE_HEAD, so every object, types included, has its ob_type set. */
static inline wf_type *wf_type_of(wf_value v)
{
    return wf_is_smallint(v) ? &wf_int_type : wf_to_object(v)->ob_type;
}

static inline wf_value wf_type_value(wf_type *type)
{
    return wf_from_object(&type->ob_base);
}

/* Readies every built-in type (each registered in type.c's table) and the
 * interned strings they need. Called once by the first thread, before any code runs. */
void wf_types_init(wf_thread *t);
/* Readies one static type: base defaults, MRO, dict. false with the exception set.
 * Inline because every abstract operation asks; the slow path takes the lock. */
bool wf_type_ready_slow(wf_thread *t, wf_type *type);
static inline bool wf_type_ready(wf_thread *t, wf_type *type)
{
    /* acquire: pairs with the release that publishes READY after the dict and MRO */
    if (WF_LIKELY(__atomic_load_n(&type->tp_flags, __ATOMIC_ACQUIRE) & WF_TPFLAG_READY))
        return true;
    return wf_type_ready_slow(t, type);
}

bool wf_type_is_subtype(wf_type *a, wf_type *b);
static inline bool wf_isinstance_type(wf_value v, wf_type *type)
{
    wf_type *vt = wf_type_of(v);
    return vt == type || wf_type_is_subtype(vt, type);
}

/* Set while wf_type_ready works on a type (a nested call treats it as ready). */
#define WF_TPFLAG_READYING (1u << 4)
/* The class has abstract methods (a non-empty __abstractmethods__, set by abc):
 * object() refuses to instantiate it. */
#define WF_TPFLAG_IS_ABSTRACT (1u << 5)
/* The class (or a base) defines __del__. */
#define WF_TPFLAG_HAS_DEL (1u << 6)
/* A heap type some other class derives from (assignments re-derive their slots). */
#define WF_TPFLAG_HAS_SUBCLASSES (1u << 7)
/* Instances keep their __dict__ in a side table (a subclass of int, str or tuple,
 * whose items leave no fixed place for a dict slot). */
#define WF_TPFLAG_SIDE_DICT (1u << 16)

/* The attribute `name` (a str) found along type's MRO, a new reference, or 0 when absent
 * (no exception set). */
wf_value wf_type_lookup_ref(wf_thread *t, wf_type *type, wf_value name);
/* Call after changing a type's dict other than through setattr on the class (a
 * static type's dict must otherwise not change once readied): lookups are cached by
 * tp_version, which this renews for the type and its subclasses. */
void wf_type_modified(wf_thread *t, wf_type *type);

/* The attribute `name` (a str) found along type's MRO, borrowed, or 0 when absent (no
 * exception is set). */
wf_value wf_type_lookup(wf_thread *t, wf_type *type, wf_value name);

/* object.__getattribute__ / __setattr__: data descriptors of the type, then the
 * instance __dict__, then other attributes of the type; AttributeError with CPython's
 * message ("'X' object has no attribute 'y'") when absent. value 0 deletes. */
wf_value wf_generic_getattr(wf_thread *t, wf_value self, wf_value name);
int wf_generic_setattr(wf_thread *t, wf_value self, wf_value name, wf_value value);

/* The instance __dict__ of self (created on first use), borrowed; 0 if self's type has
 * none (no exception set). */
wf_value wf_object_dict(wf_thread *t, wf_value self);

/* type(name, bases, dict): a new heap type. bases is a tuple (empty: object); dict is
 * copied. 0 with TypeError etc. on a bad layout or MRO conflict. */
wf_value wf_type_new(wf_thread *t, wf_value name, wf_value bases, wf_value dict);

/* super(type, obj): the two-argument form; the interpreter calls it for the
 * zero-argument form with the function's first argument and its __class__ cell. */
extern wf_type wf_super_type;
wf_value wf_super_new(wf_thread *t, wf_value type, wf_value obj);
/* For `super()` called without arguments: the running function's __class__ cell
 * contents and first argument (borrowed), registered by the interpreter. false with
 * RuntimeError ("super(): __class__ cell not found", "super(): no arguments") set. */
extern bool (*wf_super_frame_args)(wf_thread *t, wf_value *type, wf_value *obj);

/* The globals dict of the running Python frame (for type(name, bases, dict)'s
 * __module__), registered by the interpreter; NULL or returning 0 means none. Borrowed. */
extern wf_value (*wf_type_caller_globals)(wf_thread *t);

/* The name as CPython shows it in messages: tp_name for built-ins ("int"), __name__
 * for heap types. */
const char *wf_type_name(wf_type *type);

#endif
