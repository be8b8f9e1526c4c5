/* A disassembler for tests and debugging: one line per instruction, in the spirit of
 * CPython's dis module ("  12 LOAD_CONST 1 (None)"), jump targets marked with ">>". */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp/code.h"
#include "interp/opcode.h"
#include "runtime/abstract.h"
#include "runtime/alloc.h"
#include "runtime/error.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

typedef struct text {
    char *s;
    size_t len, cap;
} text;

static void add(text *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(text *o, const char *fmt, ...)
{
    va_list ap;
    for (;;) {
        va_start(ap, fmt);
        int n = vsnprintf(o->s ? o->s + o->len : NULL, o->s ? o->cap - o->len : 0, fmt, ap);
        va_end(ap);
        if (n < 0)
            return;
        if (o->s && o->len + (size_t)n < o->cap) {
            o->len += (size_t)n;
            return;
        }
        size_t cap = o->cap ? o->cap * 2 : 4096;
        while (cap < o->len + (size_t)n + 1)
            cap *= 2;
        char *p = realloc(o->s, cap);
        if (!p)
            return;
        o->s = p;
        o->cap = cap;
    }
}

/* What an argument means: a constant's repr, a name, a slot name, a target. */
static void describe_arg(wf_thread *t, text *o, const wf_code *co, int op, unsigned arg)
{
    wf_value v = 0;
    switch (op) {
    case WF_I_LOAD_CONST:
    case WF_I_KW_NAMES:
        v = WF_TUPLE_ITEMS(co->consts)[arg];
        break;
    case WF_I_LOAD_GLOBAL:
        add(o, " (%s%s)", arg & 1 ? "NULL + " : "",
            wf_str_utf8(WF_TUPLE_ITEMS(co->names)[arg >> 1]));
        return;
    case WF_I_LOAD_NAME:
    case WF_I_STORE_NAME:
    case WF_I_DELETE_NAME:
    case WF_I_STORE_GLOBAL:
    case WF_I_DELETE_GLOBAL:
    case WF_I_LOAD_ATTR:
    case WF_I_LOAD_METHOD:
    case WF_I_STORE_ATTR:
    case WF_I_DELETE_ATTR:
    case WF_I_IMPORT_NAME:
    case WF_I_IMPORT_FROM:
        add(o, " (%s)", wf_str_utf8(WF_TUPLE_ITEMS(co->names)[arg]));
        return;
    case WF_I_LOAD_FAST:
    case WF_I_STORE_FAST:
    case WF_I_DELETE_FAST:
    case WF_I_LOAD_DEREF:
    case WF_I_STORE_DEREF:
    case WF_I_DELETE_DEREF:
    case WF_I_LOAD_CLASSDEREF:
    case WF_I_LOAD_CLOSURE:
    case WF_I_MAKE_CELL:
        add(o, " (%s)", wf_str_utf8(WF_TUPLE_ITEMS(co->localsplusnames)[arg]));
        return;
    default:
        if (wf_op_is_jump(op))
            add(o, " (to %u)", arg);
        return;
    }
    wf_value r = wf_repr(t, v);
    if (!r) {
        wf_err_clear(t);
        add(o, " (?)");
        return;
    }
    add(o, " (%s)", wf_str_utf8(r));
    wf_value_decref(t, r);
}

char *wf_dis(wf_thread *t, const wf_code *co)
{
    text o = {0};
    bool *target = calloc(co->nunits + 1, 1);
    if (!target)
        return NULL;
    for (size_t i = 0; i < co->nunits;) {
        unsigned arg = 0;
        size_t start = i;
        while (WF_UNIT_OP(co->units[i]) == WF_I_EXTENDED_ARG)
            arg = arg << 8 | WF_UNIT_ARG(co->units[i++]);
        int op = WF_UNIT_OP(co->units[i]);
        arg = arg << 8 | WF_UNIT_ARG(co->units[i]);
        if (wf_op_is_jump(op) && arg <= co->nunits)
            target[arg] = true;
        i += 1 + wf_op_caches[op];
        (void)start;
    }
    int line = -1;
    for (size_t i = 0; i < co->nunits;) {
        size_t start = i;
        unsigned arg = 0;
        while (WF_UNIT_OP(co->units[i]) == WF_I_EXTENDED_ARG)
            arg = arg << 8 | WF_UNIT_ARG(co->units[i++]);
        int op = WF_UNIT_OP(co->units[i]);
        arg = arg << 8 | WF_UNIT_ARG(co->units[i]);
        int l = co->locations[start].lineno;
        if (l != line)
            add(&o, "%s%4d ", line == -1 ? "" : "\n", l);
        else
            add(&o, "     ");
        line = l;
        add(&o, "%s%6zu %-22s %u", target[start] ? ">>" : "  ", start, wf_op_names[op], arg);
        describe_arg(t, &o, co, op, arg);
        add(&o, "\n");
        i += 1 + wf_op_caches[op];
    }
    free(target);
    return o.s;
}
