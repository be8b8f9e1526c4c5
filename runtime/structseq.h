/* Struct sequences: tuple subtypes whose items are also named, read-only attributes,
 * like sys.version_info or sys.float_info. A struct sequence type is a static type
 * made with WF_STRUCTSEQ_TYPE over a field table of WF_STRUCTSEQ_FIELD entries; its
 * instances are made with wf_structseq_new and behave as tuples in every other way
 * (indexing, comparison, hashing, iteration). */
#ifndef WEFT_RUNTIME_STRUCTSEQ_H
#define WEFT_RUNTIME_STRUCTSEQ_H

#include "runtime/object.h"
#include "runtime/tuple.h"

/* The getter of item i; one per position up to WF_STRUCTSEQ_MAX_FIELDS. */
#define WF_STRUCTSEQ_MAX_FIELDS 20
#define WF_STRUCTSEQ_GETTER(i)  wf_value wf_structseq_get##i(wf_thread *t, wf_value self);
WF_STRUCTSEQ_GETTER(0)
WF_STRUCTSEQ_GETTER(1) WF_STRUCTSEQ_GETTER(2) WF_STRUCTSEQ_GETTER(3) WF_STRUCTSEQ_GETTER(4)
    WF_STRUCTSEQ_GETTER(5) WF_STRUCTSEQ_GETTER(6) WF_STRUCTSEQ_GETTER(7) WF_STRUCTSEQ_GETTER(8)
        WF_STRUCTSEQ_GETTER(9) WF_STRUCTSEQ_GETTER(10) WF_STRUCTSEQ_GETTER(11)
            WF_STRUCTSEQ_GETTER(12) WF_STRUCTSEQ_GETTER(13) WF_STRUCTSEQ_GETTER(14)
                WF_STRUCTSEQ_GETTER(15) WF_STRUCTSEQ_GETTER(16) WF_STRUCTSEQ_GETTER(17)
                    WF_STRUCTSEQ_GETTER(18) WF_STRUCTSEQ_GETTER(19)
#undef WF_STRUCTSEQ_GETTER

/* Field i of a struct sequence is named `name`: entries in position order, the table
 * ended by {NULL}. */
#define WF_STRUCTSEQ_FIELD(i, name)                                                                \
    {                                                                                              \
        name, wf_structseq_get##i, wf_structseq_readonly                                           \
    }

    /* The setter of every field: AttributeError "readonly attribute", as CPython's. */
    int wf_structseq_readonly(wf_thread *t, wf_value self, wf_value value);

wf_value wf_structseq_repr(wf_thread *t, wf_value self);
wf_value wf_structseq_no_new(wf_thread *t, wf_type *type, const wf_value *args, size_t nargs,
                             wf_value kwnames);

/* A struct sequence type named `qualified` ("sys.version_info": __module__ is the part
 * before the dot) with the given field table. Python code cannot create instances. */
#define WF_STRUCTSEQ_TYPE(qualified, fields)                                                       \
    {                                                                                              \
        .ob_base = WF_TYPE_HEAD, .tp_name = qualified, .tp_basicsize = sizeof(wf_tuple_object),    \
        .tp_base = &wf_tuple_type, .tp_repr = wf_structseq_repr, .tp_new = wf_structseq_no_new,    \
        .tp_getset = fields,                                                                       \
    }

/* An instance of the struct sequence `type` holding the n values (borrowed); n is the
 * number of fields. */
wf_value wf_structseq_new(wf_thread *t, wf_type *type, const wf_value *items, size_t n);

#endif
