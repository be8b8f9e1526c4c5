/* Struct sequences (runtime/structseq.h): the shared getters, repr and constructor.
 * The field names live only in the type's getset table, in position order, so the repr
 * reads them from there. */
#include "runtime/structseq.h"

#include "runtime/abstract.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/type.h"

/* Item i of the struct sequence; the getset table only names positions that exist. */
#define WF_STRUCTSEQ_GETTER(i)                                                                     \
    wf_value wf_structseq_get##i(wf_thread *t, wf_value self)                                      \
    {                                                                                              \
        WF_ASSERT(i < wf_tuple_size(self));                                                        \
        return wf_newref(t, WF_TUPLE_ITEMS(self)[i]);                                              \
    }
WF_STRUCTSEQ_GETTER(0)
WF_STRUCTSEQ_GETTER(1) WF_STRUCTSEQ_GETTER(2) WF_STRUCTSEQ_GETTER(3) WF_STRUCTSEQ_GETTER(4)
    WF_STRUCTSEQ_GETTER(5) WF_STRUCTSEQ_GETTER(6) WF_STRUCTSEQ_GETTER(7) WF_STRUCTSEQ_GETTER(8)
        WF_STRUCTSEQ_GETTER(9) WF_STRUCTSEQ_GETTER(10) WF_STRUCTSEQ_GETTER(11)
            WF_STRUCTSEQ_GETTER(12) WF_STRUCTSEQ_GETTER(13) WF_STRUCTSEQ_GETTER(14)
                WF_STRUCTSEQ_GETTER(15) WF_STRUCTSEQ_GETTER(16) WF_STRUCTSEQ_GETTER(17)
                    WF_STRUCTSEQ_GETTER(18) WF_STRUCTSEQ_GETTER(19)

    /* The first static type up the chain that carries the field table (a Python subclass
     * of a struct sequence type has none of its own). */
    static const wf_getset_def *fields_of(wf_type *tp)
{
    while (tp && tp->tp_repr == wf_structseq_repr && !tp->tp_getset)
        tp = tp->tp_base;
    return tp ? tp->tp_getset : NULL;
}

/* "sys.version_info(major=3, minor=11, ...)". */
wf_value wf_structseq_repr(wf_thread *t, wf_value self)
{
    wf_type *tp = wf_type_of(self);
    const wf_getset_def *f = fields_of(tp);
    wf_value parts = wf_list_new(t, 0);
    if (!parts)
        return WF_NULL;
    size_t n = wf_tuple_size(self);
    for (size_t i = 0; i < n && f && f[i].name; i++) {
        wf_value r = wf_repr(t, WF_TUPLE_ITEMS(self)[i]);
        wf_value s = r ? wf_str_printf(t, "%s=%s", f[i].name, wf_str_utf8(r)) : WF_NULL;
        if (r)
            wf_value_decref(t, r);
        if (!s || wf_list_append(t, parts, s) < 0) {
            if (s)
                wf_value_decref(t, s);
            wf_value_decref(t, parts);
            return WF_NULL;
        }
        wf_value_decref(t, s);
    }
    wf_value sep = wf_str_from_cstr(t, ", ");
    wf_value body = sep ? wf_str_join(t, sep, parts) : WF_NULL;
    wf_value r = body ? wf_str_printf(t, "%s(%s)", tp->tp_name, wf_str_utf8(body)) : WF_NULL;
    if (sep)
        wf_value_decref(t, sep);
    if (body)
        wf_value_decref(t, body);
    wf_value_decref(t, parts);
    return r;
}

int wf_structseq_readonly(wf_thread *t, wf_value self, wf_value value)
{
    (void)self, (void)value;
    wf_err_set(t, &wf_exc_AttributeError, "readonly attribute");
    return -1;
}

wf_value wf_structseq_no_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    return wf_err_set(t, &wf_exc_TypeError, "cannot create '%s' instances", type->tp_name);
}

wf_value wf_structseq_new(wf_thread *t, wf_type *type, const wf_value *items, size_t n)
{
    WF_ASSERT(n <= WF_STRUCTSEQ_MAX_FIELDS);
    wf_value tup = wf_tuple_from_array(t, items, n);
    if (!tup)
        return WF_NULL;
    wf_value r = wf_tuple_subtype_new(t, type, tup);
    wf_value_decref(t, tup);
    return r;
}
