/* Types: classes made at run time (C3 MRO, layout, reprs), attribute lookup, slots that
 * dispatch to dunder methods (defined as method descriptors of C functions, which bind
 * like Python functions do), singletons and bool, super and property. */
#include "harness.h"

#include <string.h>

#include "runtime/abstract.h"
#include "runtime/callable.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

static wf_thread *t;

static int setup(void **state)
{
    (void)state;
    t = test_thread_begin();
    wf_types_init(t);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    test_thread_end(t);
    return 0;
}

static void assert_text(wf_value s, const char *want)
{
    assert_non_null((void *)s);
    assert_string_equal(wf_str_utf8(s), want);
    wf_value_decref(t, s);
}

/* The pending exception is `type` with message `msg`; clears it. */
static void assert_raised(wf_type *type, const char *msg)
{
    wf_value e = wf_err_fetch(t);
    assert_non_null((void *)e);
    assert_string_equal(wf_type_name(wf_type_of(e)), type->tp_name);
    assert_text(wf_str(t, e), msg);
    wf_value_decref(t, e);
}

static wf_value name(const char *s)
{
    return wf_str_intern_cstr(t, s);
}

/* type(cls_name, bases, {"__module__": "__main__", key: value...}) */
static wf_value make_class(const char *cls_name, size_t nbases, const wf_value *bases, size_t n,
                           const char *const *keys, const wf_value *values)
{
    wf_value dict = wf_dict_new(t);
    wf_value mod = wf_str_from_cstr(t, "__main__");
    wf_dict_set_cstr(t, dict, "__module__", mod);
    wf_value_decref(t, mod);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(wf_dict_set_cstr(t, dict, keys[i], values[i]), 0);
    wf_value tb = wf_tuple_from_array(t, bases, nbases);
    wf_value cls = wf_type_new(t, name(cls_name), tb, dict);
    wf_value_decref(t, tb);
    wf_value_decref(t, dict);
    return cls;
}

static wf_value simple_class(const char *cls_name, size_t nbases, const wf_value *bases)
{
    wf_value cls = make_class(cls_name, nbases, bases, 0, NULL, NULL);
    assert_non_null((void *)cls);
    return cls;
}

static wf_value instance(wf_value cls)
{
    wf_value obj = wf_call(t, cls, NULL, 0, 0);
    assert_non_null((void *)obj);
    return obj;
}

/* ---- "Python" methods written in C: bound through method descriptors ------------------ */

static wf_value m_repr(wf_thread *t_, wf_value self, const wf_value *args, size_t nargs,
                       wf_value kw)
{
    (void)self, (void)args, (void)nargs, (void)kw;
    return wf_str_from_cstr(t_, "custom repr");
}

static wf_value m_const100(wf_thread *t_, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kw)
{
    (void)t_, (void)self, (void)args, (void)nargs, (void)kw;
    return wf_smallint_box(100);
}

static wf_value m_const200(wf_thread *t_, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kw)
{
    (void)t_, (void)self, (void)args, (void)nargs, (void)kw;
    return wf_smallint_box(200);
}

static wf_value m_len3(wf_thread *t_, wf_value self, const wf_value *args, size_t nargs,
                       wf_value kw)
{
    (void)t_, (void)self, (void)args, (void)nargs, (void)kw;
    return wf_smallint_box(3);
}

static wf_value m_true(wf_thread *t_, wf_value self, const wf_value *args, size_t nargs,
                       wf_value kw)
{
    (void)t_, (void)self, (void)args, (void)nargs, (void)kw;
    return WF_TRUE;
}

/* __getattr__(self, name): the name itself */
static wf_value m_getattr(wf_thread *t_, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kw)
{
    (void)self, (void)kw;
    assert_int_equal(nargs, 1);
    return wf_newref(t_, args[0]);
}

static wf_value m_who_p(wf_thread *t_, wf_value self, const wf_value *args, size_t nargs,
                        wf_value kw)
{
    (void)self, (void)args, (void)nargs, (void)kw;
    return wf_str_from_cstr(t_, "P");
}

static wf_value m_who_q(wf_thread *t_, wf_value self, const wf_value *args, size_t nargs,
                        wf_value kw)
{
    (void)self, (void)args, (void)nargs, (void)kw;
    return wf_str_from_cstr(t_, "Q");
}

static const wf_method_def def_repr = {"__repr__", m_repr, 0};
static const wf_method_def def_add = {"__add__", m_const100, 0};
static const wf_method_def def_radd = {"__radd__", m_const200, 0};
static const wf_method_def def_sub = {"__sub__", m_const200, 0};
static const wf_method_def def_len = {"__len__", m_len3, 0};
static const wf_method_def def_eq = {"__eq__", m_true, 0};
static const wf_method_def def_getattr = {"__getattr__", m_getattr, 0};
static const wf_method_def def_who_p = {"who", m_who_p, 0};
static const wf_method_def def_who_q = {"who", m_who_q, 0};
static const wf_method_def def_getx = {"getx", m_const100, 0};

/* A function-like value that binds to instances: a method descriptor of object. */
static wf_value method(const wf_method_def *def)
{
    wf_value d = wf_method_descr_new(t, &wf_object_type, def);
    assert_non_null((void *)d);
    return d;
}

/* ---- Classes -------------------------------------------------------------------------- */

static void test_diamond_mro_is_c3(void **state)
{
    (void)state;
    wf_value obj = wf_type_value(&wf_object_type);
    wf_value a = simple_class("A", 1, &obj);
    wf_value b = simple_class("B", 1, &a);
    wf_value c = simple_class("C", 1, &a);
    wf_value bc[2] = {b, c};
    wf_value d = simple_class("D", 2, bc);
    wf_value mro = wf_getattr_cstr(t, d, "__mro__");
    wf_value want[5] = {d, b, c, a, obj};
    assert_int_equal(wf_tuple_size(mro), 5);
    for (int i = 0; i < 5; i++)
        assert_true(WF_TUPLE_ITEMS(mro)[i] == want[i]);
    wf_value_decref(t, mro);
}

static void test_inconsistent_mro_is_a_type_error(void **state)
{
    (void)state;
    wf_value a = simple_class("A", 0, NULL);
    wf_value b = simple_class("B", 1, &a);
    wf_value ab[2] = {a, b};
    assert_true(make_class("X", 2, ab, 0, NULL, NULL) == 0);
    assert_raised(&wf_exc_TypeError,
                  "Cannot create a consistent method resolution\norder (MRO) for bases A, B");
}

static void test_bool_cannot_be_subclassed(void **state)
{
    (void)state;
    wf_value b = wf_type_value(&wf_bool_type);
    assert_true(make_class("X", 1, &b, 0, NULL, NULL) == 0);
    assert_raised(&wf_exc_TypeError, "type 'bool' is not an acceptable base type");
}

static void test_class_and_instance_reprs(void **state)
{
    (void)state;
    wf_value a = simple_class("A", 0, NULL);
    assert_text(wf_repr(t, a), "<class '__main__.A'>");
    assert_text(wf_repr(t, wf_type_value(&wf_int_type)), "<class 'int'>");
    wf_value x = instance(a);
    wf_value r = wf_repr(t, x);
    assert_true(strncmp(wf_str_utf8(r), "<__main__.A object at 0x", 24) == 0);
    wf_value_decref(t, r);
    wf_value_decref(t, x);
}

static void test_instance_attributes_and_missing_ones(void **state)
{
    (void)state;
    wf_value a = simple_class("A", 0, NULL);
    wf_value x = instance(a);
    assert_int_equal(wf_setattr(t, x, name("y"), wf_smallint_box(7)), 0);
    assert_true(wf_getattr(t, x, name("y")) == wf_smallint_box(7));
    assert_true(wf_getattr(t, x, name("z")) == 0);
    assert_raised(&wf_exc_AttributeError, "'A' object has no attribute 'z'");
    assert_true(wf_getattr(t, a, name("z")) == 0);
    assert_raised(&wf_exc_AttributeError, "type object 'A' has no attribute 'z'");
    wf_value o = instance(wf_type_value(&wf_object_type));
    assert_int_equal(wf_setattr(t, o, name("y"), wf_smallint_box(1)), -1);
    assert_raised(&wf_exc_AttributeError, "'object' object has no attribute 'y'");
    wf_value_decref(t, o);
    wf_value_decref(t, x);
}

static void test_calling_a_class_without_init_rejects_arguments(void **state)
{
    (void)state;
    wf_value a = simple_class("A", 0, NULL);
    wf_value one = wf_smallint_box(1);
    assert_true(wf_call(t, a, &one, 1, 0) == 0);
    assert_raised(&wf_exc_TypeError, "A() takes no arguments");
    assert_true(wf_call(t, wf_type_value(&wf_object_type), &one, 1, 0) == 0);
    assert_raised(&wf_exc_TypeError, "object() takes no arguments");
}

/* ---- Slots from dunders --------------------------------------------------------------- */

static void test_repr_slot_calls_the_dunder(void **state)
{
    (void)state;
    const char *keys[] = {"__repr__"};
    wf_value vals[] = {method(&def_repr)};
    wf_value a = make_class("R", 0, NULL, 1, keys, vals);
    wf_value x = instance(a);
    assert_text(wf_repr(t, x), "custom repr");
    assert_text(wf_str(t, x), "custom repr"); /* object.__str__ is repr */
    wf_value_decref(t, x);
    wf_value_decref(t, vals[0]);
}

static void test_binary_operator_and_reflected_form(void **state)
{
    (void)state;
    const char *keys[] = {"__add__", "__radd__"};
    wf_value vals[] = {method(&def_add), method(&def_radd)};
    wf_value a = make_class("N", 0, NULL, 2, keys, vals);
    wf_value x = instance(a);
    assert_true(wf_binary_op(t, x, WF_NONE, WF_NB_ADD) == wf_smallint_box(100));
    assert_true(wf_binary_op(t, WF_NONE, x, WF_NB_ADD) == wf_smallint_box(200));
    /* no __iadd__: += falls back to __add__ */
    assert_true(wf_binary_op(t, x, WF_NONE, WF_NB_INPLACE + WF_NB_ADD) == wf_smallint_box(100));
    assert_true(wf_binary_op(t, x, WF_NONE, WF_NB_SUBTRACT) == 0);
    assert_raised(&wf_exc_TypeError, "unsupported operand type(s) for -: 'N' and 'NoneType'");
    wf_value_decref(t, x);
    wf_value_decref(t, vals[0]);
    wf_value_decref(t, vals[1]);
}

static void test_assigning_a_dunder_later_updates_the_slot(void **state)
{
    (void)state;
    wf_value a = simple_class("L", 0, NULL);
    wf_value b = simple_class("M", 1, &a);
    wf_value x = instance(b);
    assert_true(wf_binary_op(t, x, WF_NONE, WF_NB_SUBTRACT) == 0);
    wf_err_clear(t);
    uint32_t before = atomic_load(&((wf_type *)wf_to_object(b))->tp_version);
    wf_value sub = method(&def_sub);
    assert_int_equal(wf_setattr(t, a, name("__sub__"), sub), 0);
    assert_true(wf_binary_op(t, x, WF_NONE, WF_NB_SUBTRACT) == wf_smallint_box(200));
    assert_true(atomic_load(&((wf_type *)wf_to_object(b))->tp_version) != before);
    wf_value_decref(t, sub);
    wf_value_decref(t, x);
}

static void test_eq_without_hash_makes_instances_unhashable(void **state)
{
    (void)state;
    const char *keys[] = {"__eq__"};
    wf_value vals[] = {method(&def_eq)};
    wf_value a = make_class("E", 0, NULL, 1, keys, vals);
    wf_value x = instance(a);
    assert_int_equal(wf_hash(t, x), -1);
    assert_raised(&wf_exc_TypeError, "unhashable type: 'E'");
    assert_int_equal(wf_richcompare_bool(t, x, WF_NONE, WF_CMP_EQ), 1);
    /* __ne__ is object's: the inverse of __eq__ */
    assert_int_equal(wf_richcompare_bool(t, x, WF_NONE, WF_CMP_NE), 0);
    wf_value_decref(t, x);
    wf_value_decref(t, vals[0]);
}

static void test_len_gives_len_and_truth(void **state)
{
    (void)state;
    const char *keys[] = {"__len__"};
    wf_value vals[] = {method(&def_len)};
    wf_value a = make_class("S", 0, NULL, 1, keys, vals);
    wf_value x = instance(a);
    assert_int_equal(wf_len(t, x), 3);
    assert_int_equal(wf_truth(t, x), 1);
    wf_value_decref(t, x);
    wf_value_decref(t, vals[0]);
}

static void test_getattr_runs_after_normal_lookup_fails(void **state)
{
    (void)state;
    const char *keys[] = {"__getattr__"};
    wf_value vals[] = {method(&def_getattr)};
    wf_value a = make_class("G", 0, NULL, 1, keys, vals);
    wf_value x = instance(a);
    assert_text(wf_getattr(t, x, name("anything")), "anything");
    assert_int_equal(wf_setattr(t, x, name("real"), wf_smallint_box(5)), 0);
    assert_true(wf_getattr(t, x, name("real")) == wf_smallint_box(5));
    wf_value_decref(t, x);
    wf_value_decref(t, vals[0]);
}

static void test_exception_subclass_keeps_exception_behaviour(void **state)
{
    (void)state;
    wf_value base = wf_type_value(&wf_exc_Exception);
    wf_value cls = simple_class("MyErr", 1, &base);
    wf_value msg = wf_str_from_cstr(t, "boom");
    wf_value e = wf_call(t, cls, &msg, 1, 0);
    assert_non_null((void *)e);
    assert_true(wf_exception_check(e));
    assert_text(wf_str(t, e), "boom");
    assert_text(wf_repr(t, e), "MyErr('boom')");
    assert_int_equal(wf_setattr(t, e, name("extra"), wf_smallint_box(1)), 0);
    wf_value_decref(t, e);
    wf_value_decref(t, msg);
}

static void test_super_skips_to_the_next_class_in_the_mro(void **state)
{
    (void)state;
    const char *keys[] = {"who"};
    wf_value pv[] = {method(&def_who_p)}, qv[] = {method(&def_who_q)};
    wf_value p = make_class("P", 0, NULL, 1, keys, pv);
    wf_value q = make_class("Q", 1, &p, 1, keys, qv);
    wf_value x = instance(q);
    assert_text(wf_call_method(t, x, name("who"), NULL, 0), "Q");
    wf_value s = wf_super_new(t, q, x);
    assert_non_null((void *)s);
    assert_text(wf_call_method(t, s, name("who"), NULL, 0), "P");
    wf_value_decref(t, s);
    wf_value_decref(t, x);
    wf_value_decref(t, pv[0]);
    wf_value_decref(t, qv[0]);
}

static void test_property_getter_and_missing_setter(void **state)
{
    (void)state;
    wf_value getx = method(&def_getx);
    wf_value prop = wf_call(t, wf_type_value(&wf_property_type), &getx, 1, 0);
    assert_non_null((void *)prop);
    const char *keys[] = {"x"};
    wf_value vals[] = {prop};
    wf_value a = make_class("PA", 0, NULL, 1, keys, vals);
    wf_value x = instance(a);
    assert_true(wf_getattr(t, x, name("x")) == wf_smallint_box(100));
    assert_int_equal(wf_setattr(t, x, name("x"), wf_smallint_box(1)), -1);
    assert_raised(&wf_exc_AttributeError, "property 'x' of 'PA' object has no setter");
    wf_value_decref(t, x);
    wf_value_decref(t, prop);
    wf_value_decref(t, getx);
}

static void test_slot_wrappers_call_the_c_slot(void **state)
{
    (void)state;
    wf_value add = wf_getattr(t, wf_type_value(&wf_int_type), name("__add__"));
    assert_text(wf_repr(t, add), "<slot wrapper '__add__' of 'int' objects>");
    wf_value args[2] = {wf_smallint_box(1), wf_smallint_box(2)};
    assert_true(wf_call(t, add, args, 2, 0) == wf_smallint_box(3));
    assert_true(wf_call(t, add, args, 1, 0) == 0);
    assert_raised(&wf_exc_TypeError, "expected 1 argument, got 0");
    wf_value_decref(t, add);
    wf_value a = simple_class("W", 0, NULL);
    wf_value x = instance(a);
    wf_value init = wf_getattr(t, x, name("__init__"));
    wf_value r = wf_repr(t, init);
    assert_true(strncmp(wf_str_utf8(r), "<method-wrapper '__init__' of W object at 0x", 44) == 0);
    assert_true(wf_call(t, init, NULL, 0, 0) == WF_NONE);
    wf_value_decref(t, r);
    wf_value_decref(t, init);
    wf_value_decref(t, x);
}

static const wf_method_def def_instancecheck = {"__instancecheck__", m_true, 0};

static void test_metaclass_instancecheck_is_honoured(void **state)
{
    (void)state;
    wf_value type = wf_type_value(&wf_type_type);
    const char *keys[] = {"__instancecheck__"};
    wf_value vals[] = {method(&def_instancecheck)};
    wf_value meta = make_class("Meta", 1, &type, 1, keys, vals);
    assert_non_null((void *)meta);
    wf_value dict = wf_dict_new(t);
    wf_value args[3] = {name("X"), wf_tuple_empty(), dict};
    wf_value x = wf_call(t, meta, args, 3, 0);
    assert_non_null((void *)x);
    assert_true(wf_type_of(x) == (wf_type *)wf_to_object(meta));
    assert_int_equal(wf_isinstance(t, WF_NONE, x), 1);
    assert_int_equal(wf_isinstance(t, WF_NONE, wf_type_value(&wf_int_type)), 0);
    wf_value_decref(t, dict);
    wf_value_decref(t, vals[0]);
}

static void test_abstract_class_cannot_be_instantiated(void **state)
{
    (void)state;
    wf_value a = simple_class("Abs", 0, NULL);
    wf_value f = wf_str_from_cstr(t, "f"), b = wf_str_from_cstr(t, "b");
    wf_value names = wf_tuple_pack(t, 2, f, b);
    assert_int_equal(wf_setattr(t, a, name("__abstractmethods__"), names), 0);
    assert_true(wf_call(t, a, NULL, 0, 0) == 0);
    assert_raised(&wf_exc_TypeError,
                  "Can't instantiate abstract class Abs with abstract methods b, f");
    assert_int_equal(wf_setattr(t, a, name("__abstractmethods__"), wf_tuple_empty()), 0);
    wf_value x = instance(a);
    wf_value_decref(t, x);
    assert_true(wf_getattr(t, wf_type_value(&wf_int_type), name("__abstractmethods__")) == 0);
    assert_raised(&wf_exc_AttributeError, "__abstractmethods__");
    wf_value_decref(t, names);
    wf_value_decref(t, f);
    wf_value_decref(t, b);
}

static void test_slots_hold_values_without_a_dict(void **state)
{
    (void)state;
    const char *keys[] = {"__slots__"};
    wf_value vals[] = {wf_tuple_pack(t, 1, name("x"))};
    wf_value cls = make_class("Sl", 0, NULL, 1, keys, vals);
    assert_non_null((void *)cls);
    wf_value obj = instance(cls);
    assert_true(wf_getattr(t, obj, name("x")) == 0);
    assert_raised(&wf_exc_AttributeError, "'Sl' object has no attribute 'x'");
    wf_value v = wf_str_from_cstr(t, "v");
    assert_int_equal(wf_setattr(t, obj, name("x"), v), 0);
    assert_text(wf_getattr(t, obj, name("x")), "v");
    assert_int_equal(wf_setattr(t, obj, name("y"), v), -1);
    assert_raised(&wf_exc_AttributeError, "'Sl' object has no attribute 'y'");
    assert_true(wf_object_dict(t, obj) == 0);
    assert_text(wf_repr(t, wf_getattr(t, cls, name("x"))), "<member 'x' of 'Sl' objects>");
    assert_int_equal(wf_setattr(t, obj, name("x"), 0), 0);
    assert_int_equal(wf_setattr(t, obj, name("x"), 0), -1);
    assert_raised(&wf_exc_AttributeError, "'Sl' object has no attribute 'x'");
    assert_int_equal(wf_setattr(t, obj, name("x"), v), 0); /* released by the instance */
    wf_value_decref(t, obj);
    wf_value_decref(t, v);
    wf_value_decref(t, vals[0]);
}

static void test_lookup_cache_sees_assignments_on_a_base(void **state)
{
    (void)state;
    wf_value a = simple_class("CA", 0, NULL);
    wf_value b = simple_class("CB", 1, &a);
    wf_type *tb = (wf_type *)wf_to_object(b);
    /* twice: the second lookup is answered by the cache */
    assert_true(wf_type_lookup(t, tb, name("foo")) == 0);
    assert_true(wf_type_lookup(t, tb, name("foo")) == 0);
    assert_int_equal(wf_setattr(t, a, name("foo"), wf_smallint_box(1)), 0);
    assert_true(wf_type_lookup(t, tb, name("foo")) == wf_smallint_box(1));
    assert_int_equal(wf_setattr(t, a, name("foo"), wf_smallint_box(2)), 0);
    assert_true(wf_type_lookup(t, tb, name("foo")) == wf_smallint_box(2));
    assert_int_equal(wf_setattr(t, a, name("foo"), 0), 0);
    assert_true(wf_type_lookup(t, tb, name("foo")) == 0);
}

static void test_int_subclass_instances_get_a_side_dict(void **state)
{
    (void)state;
    wf_value base = wf_type_value(&wf_int_type);
    wf_value cls = simple_class("MyInt", 1, &base);
    wf_value five = wf_smallint_box(5);
    wf_value x = wf_call(t, cls, &five, 1, 0);
    assert_non_null((void *)x);
    assert_int_equal(wf_setattr(t, x, name("label"), five), 0);
    assert_true(wf_getattr(t, x, name("label")) == five);
    assert_int_equal(wf_dict_size(wf_object_dict(t, x)), 1);
    assert_int_equal(wf_richcompare_bool(t, x, five, WF_CMP_EQ), 1);
    wf_value_decref(t, x); /* the side dict goes with it (ASan checks for a leak) */
}

/* ---- Singletons ------------------------------------------------------------------------ */

static void test_singleton_reprs_and_bool_ops(void **state)
{
    (void)state;
    assert_text(wf_repr(t, WF_NONE), "None");
    assert_text(wf_repr(t, WF_NOTIMPLEMENTED), "NotImplemented");
    assert_text(wf_repr(t, WF_ELLIPSIS), "Ellipsis");
    assert_text(wf_repr(t, WF_TRUE), "True");
    assert_text(wf_str(t, WF_FALSE), "False");
    assert_true(wf_binary_op(t, WF_TRUE, WF_FALSE, WF_NB_OR) == WF_TRUE);
    assert_true(wf_binary_op(t, WF_TRUE, WF_TRUE, WF_NB_XOR) == WF_FALSE);
    assert_true(wf_isinstance_type(WF_TRUE, &wf_int_type));
    assert_int_equal(wf_truth(t, WF_NONE), 0);
    wf_value one = wf_smallint_box(1);
    assert_true(wf_call(t, wf_type_value(&wf_bool_type), &one, 1, 0) == WF_TRUE);
    assert_true(wf_call(t, wf_type_value(&wf_none_type), NULL, 0, 0) == WF_NONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_diamond_mro_is_c3),
        cmocka_unit_test(test_inconsistent_mro_is_a_type_error),
        cmocka_unit_test(test_bool_cannot_be_subclassed),
        cmocka_unit_test(test_class_and_instance_reprs),
        cmocka_unit_test(test_instance_attributes_and_missing_ones),
        cmocka_unit_test(test_calling_a_class_without_init_rejects_arguments),
        cmocka_unit_test(test_repr_slot_calls_the_dunder),
        cmocka_unit_test(test_binary_operator_and_reflected_form),
        cmocka_unit_test(test_assigning_a_dunder_later_updates_the_slot),
        cmocka_unit_test(test_eq_without_hash_makes_instances_unhashable),
        cmocka_unit_test(test_len_gives_len_and_truth),
        cmocka_unit_test(test_getattr_runs_after_normal_lookup_fails),
        cmocka_unit_test(test_exception_subclass_keeps_exception_behaviour),
        cmocka_unit_test(test_super_skips_to_the_next_class_in_the_mro),
        cmocka_unit_test(test_property_getter_and_missing_setter),
        cmocka_unit_test(test_slot_wrappers_call_the_c_slot),
        cmocka_unit_test(test_metaclass_instancecheck_is_honoured),
        cmocka_unit_test(test_abstract_class_cannot_be_instantiated),
        cmocka_unit_test(test_slots_hold_values_without_a_dict),
        cmocka_unit_test(test_lookup_cache_sees_assignments_on_a_base),
        cmocka_unit_test(test_int_subclass_instances_get_a_side_dict),
        cmocka_unit_test(test_singleton_reprs_and_bool_ops),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
