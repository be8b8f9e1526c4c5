/* None, NotImplemented, Ellipsis and bool (runtime/singletons.h).
 *
 * The five objects are static and immortal. True and False are int objects of type bool
 * holding 1 and 0 as one-digit and zero-digit big ints, so every int operation reads
 * them without knowing about bool; bool only changes repr and the bitwise operators
 * (True & False is a bool, True & 3 an int). bool cannot be subclassed. */
#include "singletons.h"

#include "abstract.h"
#include "callable.h"
#include "error.h"
#include "exceptions.h"
#include "int.h"
#include "str.h"
#include "type.h"

/* ---- The three singletons ----------------------------------------------------------- */

/* Calling NoneType(), ellipsis() or NotImplementedType() gives the singleton back. */
static wf_value singleton_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    (void)args;
    if (nargs || kwnames)
        return wf_err_set(t, &wf_exc_TypeError, "%s takes no arguments", type->tp_name);
    if (type == &wf_none_type)
        return WF_NONE;
    if (type == &wf_ellipsis_type)
        return WF_ELLIPSIS;
    return WF_NOTIMPLEMENTED;
}

static wf_value none_repr(wf_thread *t, wf_value self)
{
    (void)self;
    return wf_str_intern_cstr(t, "None");
}

static int none_truth(wf_thread *t, wf_value self)
{
    (void)t;
    (void)self;
    return 0;
}

static const wf_number_methods none_as_number = {.truth = none_truth};

static wf_value notimplemented_repr(wf_thread *t, wf_value self)
{
    (void)self;
    return wf_str_intern_cstr(t, "NotImplemented");
}

static wf_value ellipsis_repr(wf_thread *t, wf_value self)
{
    (void)self;
    return wf_str_intern_cstr(t, "Ellipsis");
}

/* Static, immortal: nothing to release. */
static void singleton_dealloc(wf_thread *t, wf_object *o)
{
    (void)t;
    (void)o;
    wf_fatal("deallocating an immortal singleton");
}

wf_type wf_none_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "NoneType",
    .tp_basicsize = sizeof(wf_object),
    .tp_dealloc = singleton_dealloc,
    .tp_repr = none_repr,
    .tp_new = singleton_new,
    .tp_as_number = &none_as_number,
};

wf_type wf_notimplemented_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "NotImplementedType",
    .tp_basicsize = sizeof(wf_object),
    .tp_dealloc = singleton_dealloc,
    .tp_repr = notimplemented_repr,
    .tp_new = singleton_new,
};

wf_type wf_ellipsis_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "ellipsis",
    .tp_basicsize = sizeof(wf_object),
    .tp_dealloc = singleton_dealloc,
    .tp_repr = ellipsis_repr,
    .tp_new = singleton_new,
};

wf_object wf_none_object = WF_STATIC_OBJECT_HEAD(&wf_none_type);
wf_object wf_notimplemented_object = WF_STATIC_OBJECT_HEAD(&wf_notimplemented_type);
wf_object wf_ellipsis_object = WF_STATIC_OBJECT_HEAD(&wf_ellipsis_type);

/* ---- bool ----------------------------------------------------------------------------- */

/* True's one digit must follow the int header, and C cannot initialise a nested
 * flexible array: the digit is a member of its own right, landing exactly on
 * head.big.digits[0]. */
#ifdef __clang__
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wgnu-variable-sized-type-not-at-end"
#endif
struct wf_bool_object {
    struct wf_int_object head;
    wf_digit digit;
};
#ifdef __clang__
#pragma clang diagnostic pop
#endif
_Static_assert(offsetof(struct wf_bool_object, digit) == offsetof(struct wf_int_object, big.digits),
               "the digit of True lands on big.digits[0]");

struct wf_bool_object wf_true_object = {
    .head = {.ob = WF_STATIC_OBJECT_HEAD(&wf_bool_type), .big = {.size = 1}},
    .digit = 1,
};
struct wf_bool_object wf_false_object = {
    .head = {.ob = WF_STATIC_OBJECT_HEAD(&wf_bool_type), .big = {.size = 0}},
};

static wf_value bool_repr(wf_thread *t, wf_value self)
{
    return wf_str_intern_cstr(t, self == WF_TRUE ? "True" : "False");
}

/* bool(x): the truth of x. */
static wf_value bool_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                         wf_value kwnames)
{
    (void)type;
    if (!wf_check_no_kwargs(t, "bool", kwnames))
        return WF_NULL;
    if (nargs > 1)
        return wf_err_set(t, &wf_exc_TypeError, "bool expected at most 1 argument, got %zu", nargs);
    if (nargs == 0)
        return WF_FALSE;
    int truth = wf_truth(t, args[0]);
    return truth < 0 ? WF_NULL : wf_bool(truth);
}

static bool is_bool(wf_value v)
{
    return v == WF_TRUE || v == WF_FALSE;
}

/* &, |, ^ of two bools is a bool; anything else is int's business. */
static wf_value bool_bitop(wf_thread *t, wf_value a, wf_value b, int op)
{
    if (is_bool(a) && is_bool(b)) {
        bool x = a == WF_TRUE, y = b == WF_TRUE;
        return wf_bool(op == WF_NB_AND ? (x & y) : op == WF_NB_OR ? (x | y) : (x ^ y));
    }
    wf_binary_fn int_op = wf_int_type.tp_as_number->binop[op];
    return int_op ? int_op(t, a, b) : WF_NOTIMPLEMENTED;
}

static wf_value bool_and(wf_thread *t, wf_value a, wf_value b)
{
    return bool_bitop(t, a, b, WF_NB_AND);
}

static wf_value bool_or(wf_thread *t, wf_value a, wf_value b)
{
    return bool_bitop(t, a, b, WF_NB_OR);
}

static wf_value bool_xor(wf_thread *t, wf_value a, wf_value b)
{
    return bool_bitop(t, a, b, WF_NB_XOR);
}

/* The other number slots are int's, merged in by wf_type_ready. */
static const wf_number_methods bool_as_number = {
    .binop = {[WF_NB_AND] = bool_and, [WF_NB_OR] = bool_or, [WF_NB_XOR] = bool_xor},
};

wf_type wf_bool_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "bool",
    .tp_flags = WF_TPFLAG_INT_SUBCLASS, /* no BASETYPE: bool cannot be subclassed */
    .tp_dealloc = singleton_dealloc,
    .tp_base = &wf_int_type,
    .tp_repr = bool_repr,
    .tp_str = bool_repr,
    .tp_new = bool_new,
    .tp_as_number = &bool_as_number,
    .tp_doc = "bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.\n"
              "The builtins True and False are the only two instances of the class bool.\n"
              "The class bool is a subclass of the class int, and cannot be subclassed.",
};
