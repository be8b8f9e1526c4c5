/* The compiler's core: units, instruction emission, constants and names, and the
 * assembler that lays out the bytecode (interp/opcode.h).
 *
 * A unit collects a flat list of instructions whose jumps name labels. The assembler
 * then (1) sizes each instruction (EXTENDED_ARG prefixes, inline cache units) until
 * the jump offsets stop growing, (2) computes the maximum stack depth by walking every
 * path from the entry and every exception handler, and (3) writes the code units and
 * the location table. */
#include "interp/compile.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp/code.h"
#include "interp/opcode.h"
#include "runtime/abstract.h"
#include "runtime/alloc.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/complex.h"
#include "runtime/float.h"
#include "runtime/list.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

/* ---- Errors -------------------------------------------------------------------------- */

bool wf_c_syntax_error(wf_compiler *c, wf_loc loc, const char *fmt, ...)
{
    wf_syntax_error *err = c->err;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    err->type = WF_TOKERR_SYNTAX;
    err->lineno = loc.lineno;
    err->offset = loc.col + 1;
    err->end_lineno = loc.end_lineno;
    err->end_offset = loc.end_col + 1;
    return false;
}

const char *wf_c_mangle(wf_compiler *c, const char *name)
{
    const char *priv = c->u ? c->u->private_name : NULL;
    if (!priv)
        return name;
    const char *m = wf_mangle(c->arena, priv, name);
    if (!m)
        wf_err_no_memory(c->t);
    return m;
}

/* ---- Emission ------------------------------------------------------------------------ */

static bool grow(wf_compiler *c, void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return true;
    size_t n = *cap ? *cap * 2 : 32;
    while (n < need)
        n *= 2;
    void *q = wf_raw_realloc(*p, n * size);
    if (!q) {
        wf_err_no_memory(c->t);
        return false;
    }
    *p = q;
    *cap = n;
    return true;
}

static bool emit_full(wf_compiler *c, int op, int arg, int target)
{
    wf_unit *u = c->u;
    if (!grow(c, (void **)&u->instrs, &u->capinstrs, u->ninstrs + 1, sizeof(wf_instr)))
        return false;
    u->instrs[u->ninstrs++] =
        (wf_instr){.op = (uint8_t)op, .arg = arg, .target = target, .loc = u->loc};
    return true;
}

bool wf_c_emit(wf_compiler *c, int op, int arg)
{
    WF_ASSERT(!wf_op_is_jump(op));
    return emit_full(c, op, arg, -1);
}

bool wf_c_emit_jump(wf_compiler *c, int op, int label)
{
    WF_ASSERT(wf_op_is_jump(op) && label >= 0);
    return emit_full(c, op, 0, label);
}

int wf_c_new_label(wf_compiler *c)
{
    wf_unit *u = c->u;
    if (!grow(c, (void **)&u->labels, &u->caplabels, u->nlabels + 1, sizeof(int)))
        return -1;
    u->labels[u->nlabels] = -1;
    return (int)u->nlabels++;
}

bool wf_c_place_label(wf_compiler *c, int label)
{
    WF_ASSERT(c->u->labels[label] == -1);
    c->u->labels[label] = (int)c->u->ninstrs;
    return true;
}

/* ---- Constants and names ------------------------------------------------------------- */

/* Two constants may share a slot only if they are the same value of the same type:
 * 1, 1.0 and True are equal in Python but distinct constants, as are 0.0 and -0.0. */
static bool same_const(wf_value a, wf_value b)
{
    if (a == b)
        return true;
    if (wf_type_of(a) != wf_type_of(b))
        return false;
    if (wf_str_check_exact(a))
        return wf_str_equal(a, b);
    if (wf_type_of(a) == &wf_float_type) {
        double x = wf_float_value(a), y = wf_float_value(b);
        return memcmp(&x, &y, sizeof x) == 0;
    }
    if (wf_type_of(a) == &wf_complex_type) {
        double x[2] = {wf_complex_real(a), wf_complex_imag(a)};
        double y[2] = {wf_complex_real(b), wf_complex_imag(b)};
        return memcmp(x, y, sizeof x) == 0;
    }
    return false;
}

int wf_c_add_const(wf_compiler *c, wf_value v)
{
    wf_thread *t = c->t;
    int64_t n = wf_list_size(c->u->consts);
    for (int64_t i = 0; i < n; i++) {
        wf_value k = wf_list_get(t, c->u->consts, i);
        bool same = same_const(k, v);
        wf_value_decref(t, k);
        if (same) {
            wf_value_decref(t, v);
            return (int)i;
        }
    }
    int r = wf_list_append(t, c->u->consts, v);
    wf_value_decref(t, v);
    return r < 0 ? -1 : (int)n;
}

bool wf_c_load_const(wf_compiler *c, wf_value v)
{
    int i = wf_c_add_const(c, v);
    return i >= 0 && wf_c_emit(c, WF_I_LOAD_CONST, i);
}

int wf_c_add_name(wf_compiler *c, const char *name)
{
    wf_thread *t = c->t;
    wf_value s = wf_str_intern_cstr(t, name);
    if (!s)
        return -1;
    int64_t n = wf_list_size(c->u->names);
    for (int64_t i = 0; i < n; i++) {
        wf_value k = wf_list_get(t, c->u->names, i);
        wf_value_decref(t, k);
        if (k == s) /* interned: equal names are one object */
            return (int)i;
    }
    return wf_list_append(t, c->u->names, s) < 0 ? -1 : (int)n;
}

int wf_c_slot(wf_compiler *c, const char *name)
{
    for (int i = 0; i < c->u->nlp; i++)
        if (strcmp(c->u->lp_names[i], name) == 0)
            return i;
    return -1;
}

/* ---- Units --------------------------------------------------------------------------- */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool lp_add(wf_compiler *c, wf_unit *u, const char *name, uint8_t kind, size_t *cap)
{
    if (!grow(c, (void **)&u->lp_names, cap, (size_t)u->nlp + 1, sizeof(char *)))
        return false;
    uint8_t *k = wf_raw_realloc(u->lp_kinds, *cap);
    if (!k) {
        wf_err_no_memory(c->t);
        return false;
    }
    u->lp_kinds = k;
    u->lp_names[u->nlp] = name;
    u->lp_kinds[u->nlp++] = kind;
    return true;
}

/* The frame layout of a scope, as CPython 3.11 orders it: parameters, other locals (in
 * order of first appearance), cells that are not parameters (sorted), free variables
 * (sorted). */
static bool layout_locals(wf_compiler *c, wf_unit *u)
{
    wf_scope *s = u->scope;
    size_t cap = 0;
    bool fn = s->kind == WF_SCOPE_FUNCTION;
    for (size_t i = 0; i < s->nparams; i++)
        WF_C_TRY(lp_add(c, u, s->params[i], WF_KIND_LOCAL, &cap));
    for (size_t i = 0; fn && i < s->nsymbols; i++) {
        const wf_symbol *sym = &s->symbols[i];
        if (sym->scope == WF_NAME_LOCAL && !(sym->flags & WF_SYM_PARAM))
            WF_C_TRY(lp_add(c, u, sym->name, WF_KIND_LOCAL, &cap));
    }
    u->nlocals = u->nlp;
    const char **tmp = wf_arena_alloc(c->arena, (s->nsymbols + 1) * sizeof(char *));
    if (!tmp)
        return wf_err_no_memory(c->t), false;
    size_t n = 0;
    for (size_t i = 0; i < s->nsymbols; i++)
        if (s->symbols[i].scope == WF_NAME_CELL)
            tmp[n++] = s->symbols[i].name;
    if (s->kind == WF_SCOPE_CLASS && s->needs_class_closure) {
        bool have = false;
        for (size_t i = 0; i < n; i++)
            have |= strcmp(tmp[i], "__class__") == 0;
        if (!have)
            tmp[n++] = "__class__";
    }
    qsort(tmp, n, sizeof(char *), cmp_str);
    for (size_t i = 0; i < n; i++) {
        int slot = wf_c_slot(c, tmp[i]);
        if (slot >= 0 && slot < u->nlocals) {
            u->lp_kinds[slot] |= WF_KIND_CELL; /* a parameter that is also a cell */
        } else {
            WF_C_TRY(lp_add(c, u, tmp[i], WF_KIND_CELL, &cap));
            u->ncells++;
        }
    }
    n = 0;
    for (size_t i = 0; i < s->nsymbols; i++) {
        const wf_symbol *sym = &s->symbols[i];
        if (sym->scope == WF_NAME_FREE ||
            (s->kind == WF_SCOPE_CLASS && (sym->flags & WF_SYM_FREE_CLASS)))
            tmp[n++] = sym->name;
    }
    qsort(tmp, n, sizeof(char *), cmp_str);
    for (size_t i = 0; i < n; i++)
        WF_C_TRY(lp_add(c, u, tmp[i], WF_KIND_FREE, &cap));
    u->nfrees = (int)n;
    return true;
}

/* CPython's qualname: nested in a function or lambda, "outer.<locals>.name"; in a
 * class or a comprehension, "Class.name" / "<listcomp>.name"; else just name. */
static const char *make_qualname(wf_compiler *c, wf_unit *parent, const char *name)
{
    if (!parent || parent->scope->kind == WF_SCOPE_MODULE)
        return name;
    /* `global name` in the enclosing function or class keeps the bare name */
    const char *mangled =
        wf_mangle(c->arena, parent->private_name ? parent->private_name : "", name);
    if (mangled && wf_scope_name_scope(parent->scope, mangled) == WF_NAME_GLOBAL_EXPLICIT)
        return name;
    bool function =
        parent->scope->kind == WF_SCOPE_FUNCTION && parent->scope->comprehension == WF_COMP_NONE;
    const char *sep = function ? ".<locals>." : ".";
    size_t n = strlen(parent->qualname) + strlen(sep) + strlen(name) + 1;
    char *q = wf_arena_alloc(c->arena, n);
    if (!q)
        return NULL;
    snprintf(q, n, "%s%s%s", parent->qualname, sep, name);
    return q;
}

bool wf_c_enter_unit(wf_compiler *c, const void *node, const char *name, int firstlineno)
{
    wf_scope *scope = wf_symtable_scope_of(c->st, node);
    WF_ASSERT(scope);
    wf_unit *u = wf_arena_alloc(c->arena, sizeof(wf_unit));
    if (!u)
        return wf_err_no_memory(c->t), false;
    u->parent = c->u;
    u->scope = scope;
    u->name = name;
    u->firstlineno = firstlineno;
    u->loc = (wf_loc){firstlineno, 0, firstlineno, 0};
    u->private_name = c->u ? c->u->private_name : NULL;
    if (scope->kind == WF_SCOPE_CLASS)
        u->private_name = name;
    u->qualname = make_qualname(c, c->u, name);
    if (!u->qualname)
        return wf_err_no_memory(c->t), false;
    u->consts = wf_list_new(c->t, 0);
    if (!u->consts)
        return false;
    u->names = wf_list_new(c->t, 0);
    if (!u->names) {
        wf_value_decref(c->t, u->consts);
        return false;
    }
    c->u = u;
    if (!layout_locals(c, u))
        return false;
    /* Cells of parameters and of the class's __class__ are made before the body runs. */
    for (int i = 0; i < u->nlp; i++)
        if ((u->lp_kinds[i] & WF_KIND_CELL) && !(u->lp_kinds[i] & WF_KIND_FREE))
            WF_C_TRY(wf_c_emit(c, WF_I_MAKE_CELL, i));
    return true;
}

static void free_unit(wf_compiler *c, wf_unit *u)
{
    wf_raw_free(u->instrs);
    wf_raw_free(u->labels);
    wf_raw_free(u->lp_names);
    wf_raw_free(u->lp_kinds);
    if (u->consts)
        wf_value_decref(c->t, u->consts);
    if (u->names)
        wf_value_decref(c->t, u->names);
    u->instrs = NULL;
    u->labels = NULL;
    u->lp_names = NULL;
    u->lp_kinds = NULL;
    u->consts = u->names = 0;
}

bool wf_c_push_fblock(wf_compiler *c, wf_loc loc, enum wf_fblock_kind kind, int cont, int brk,
                      const void *datum)
{
    wf_unit *u = c->u;
    if (u->nfblocks >= WF_MAX_FBLOCKS)
        return wf_c_syntax_error(c, loc, "too many statically nested blocks");
    u->fblocks[u->nfblocks++] =
        (wf_fblock){.kind = kind, .continue_label = cont, .break_label = brk, .datum = datum};
    return true;
}

void wf_c_pop_fblock(wf_compiler *c)
{
    WF_ASSERT(c->u->nfblocks > 0);
    c->u->nfblocks--;
}

/* ---- Assembler ----------------------------------------------------------------------- */

/* Units an argument needs: the instruction plus one EXTENDED_ARG per extra byte. */
static int arg_units(int arg)
{
    unsigned a = (unsigned)arg;
    return a <= 0xff ? 1 : a <= 0xffff ? 2 : a <= 0xffffff ? 3 : 4;
}

static bool is_terminator(int op)
{
    return op == WF_I_JUMP || op == WF_I_RETURN_VALUE || op == WF_I_RERAISE ||
           op == WF_I_RAISE_VARARGS || op == WF_I_POP_EXCEPT_AND_RERAISE;
}

/* Stack effect of an instruction; `jump`: along its jump edge. */
static int stack_effect(int op, int arg, bool jump)
{
    switch (op) {
    case WF_I_NOP:
    case WF_I_EXTENDED_ARG:
    case WF_I_SWAP:
    case WF_I_DELETE_FAST:
    case WF_I_DELETE_DEREF:
    case WF_I_DELETE_NAME:
    case WF_I_DELETE_GLOBAL:
    case WF_I_MAKE_CELL:
    case WF_I_LOAD_ATTR:
    case WF_I_UNARY_NEGATIVE:
    case WF_I_UNARY_POSITIVE:
    case WF_I_UNARY_INVERT:
    case WF_I_UNARY_NOT:
    case WF_I_LIST_TO_TUPLE:
    case WF_I_JUMP:
    case WF_I_GET_ITER:
    case WF_I_KW_NAMES:
    case WF_I_POP_BLOCK:
    case WF_I_CHECK_EXC_MATCH:
    case WF_I_SETUP_ANNOTATIONS:
    case WF_I_YIELD_VALUE:
    case WF_I_GET_YIELD_FROM_ITER:
    case WF_I_SETUP_CLEANUP:
        return 0;
    case WF_I_PUSH_NULL:
    case WF_I_COPY:
    case WF_I_LOAD_CONST:
    case WF_I_LOAD_FAST:
    case WF_I_LOAD_DEREF:
    case WF_I_LOAD_CLASSDEREF:
    case WF_I_LOAD_CLOSURE:
    case WF_I_LOAD_NAME:
    case WF_I_LOAD_METHOD:
    case WF_I_LOAD_BUILD_CLASS:
    case WF_I_PUSH_EXC_INFO:
    case WF_I_LOAD_ASSERTION_ERROR:
    case WF_I_BEFORE_WITH:
    case WF_I_WITH_EXCEPT_START:
    case WF_I_IMPORT_FROM:
        return 1;
    case WF_I_POP_TOP:
    case WF_I_STORE_FAST:
    case WF_I_STORE_DEREF:
    case WF_I_STORE_NAME:
    case WF_I_STORE_GLOBAL:
    case WF_I_DELETE_ATTR:
    case WF_I_BINARY_OP:
    case WF_I_COMPARE_OP:
    case WF_I_IS_OP:
    case WF_I_CONTAINS_OP:
    case WF_I_BINARY_SUBSCR:
    case WF_I_LIST_APPEND:
    case WF_I_SET_ADD:
    case WF_I_LIST_EXTEND:
    case WF_I_SET_UPDATE:
    case WF_I_DICT_UPDATE:
    case WF_I_DICT_MERGE:
    case WF_I_POP_JUMP_IF_FALSE:
    case WF_I_POP_JUMP_IF_TRUE:
    case WF_I_POP_JUMP_IF_NONE:
    case WF_I_POP_JUMP_IF_NOT_NONE:
    case WF_I_RETURN_VALUE:
    case WF_I_POP_EXCEPT:
    case WF_I_RERAISE:
    case WF_I_WITH_EXIT_NONE:
    case WF_I_IMPORT_NAME:
    case WF_I_IMPORT_STAR:
    case WF_I_PRINT_EXPR:
        return -1;
    case WF_I_STORE_ATTR:
    case WF_I_DELETE_SUBSCR:
    case WF_I_MAP_ADD:
    case WF_I_POP_EXCEPT_AND_RERAISE:
        return -2;
    case WF_I_STORE_SUBSCR:
        return -3;
    case WF_I_LOAD_GLOBAL:
        return 1 + (arg & 1);
    case WF_I_BUILD_TUPLE:
    case WF_I_BUILD_LIST:
    case WF_I_BUILD_SET:
    case WF_I_BUILD_STRING:
    case WF_I_BUILD_SLICE:
        return 1 - arg;
    case WF_I_BUILD_MAP:
        return 1 - 2 * arg;
    case WF_I_BUILD_CONST_KEY_MAP:
        return -arg;
    case WF_I_UNPACK_SEQUENCE:
        return arg - 1;
    case WF_I_UNPACK_EX:
        return (arg & 0xff) + (arg >> 8);
    case WF_I_FORMAT_VALUE:
        return (arg & 4) ? -1 : 0;
    case WF_I_JUMP_IF_FALSE_OR_POP:
    case WF_I_JUMP_IF_TRUE_OR_POP:
        return jump ? 0 : -1;
    case WF_I_FOR_ITER:
        return jump ? -1 : 1;
    case WF_I_CALL:
        return -(arg + 1);
    case WF_I_CALL_FUNCTION_EX:
        return -2 - (arg & 1);
    case WF_I_MAKE_FUNCTION:
        return -__builtin_popcount((unsigned)arg & 0xf);
    case WF_I_SETUP_FINALLY:
        return jump ? 1 : 0;
    case WF_I_RAISE_VARARGS:
        return -arg;
    case WF_I_SEND:
        return jump ? -1 : 0;
    }
    WF_ASSERT(!"unknown opcode");
    return 0;
}

/* Maximum stack depth over all paths, by a worklist over instruction indices; the
 * depth reaching an instruction must be the same along every path (checked in debug
 * builds: a mismatch is a compiler bug). */
static int max_stack_depth(wf_compiler *c, wf_unit *u)
{
    size_t n = u->ninstrs;
    int *depth = wf_raw_alloc((n + 1) * sizeof(int));
    size_t *work = wf_raw_alloc((n + 1) * 2 * sizeof(size_t));
    if (!depth || !work) {
        wf_raw_free(depth);
        wf_raw_free(work);
        wf_err_no_memory(c->t);
        return -1;
    }
    for (size_t i = 0; i <= n; i++)
        depth[i] = -1;
    size_t nwork = 0;
    int maxd = 0;
#define VISIT(idx, d)                                                                              \
    do {                                                                                           \
        size_t i_ = (idx);                                                                         \
        if (depth[i_] < 0) {                                                                       \
            depth[i_] = (d);                                                                       \
            work[nwork++] = i_;                                                                    \
        } else {                                                                                   \
            WF_ASSERT(depth[i_] == (d));                                                           \
        }                                                                                          \
    } while (0)
    VISIT(0, 0);
    while (nwork) {
        size_t i = work[--nwork];
        int d = depth[i];
        for (; i < n; i++) {
            const wf_instr *in = &u->instrs[i];
            if (in->target >= 0) {
                int jd = d + stack_effect(in->op, in->arg, true);
                if (jd > maxd)
                    maxd = jd;
                VISIT((size_t)u->labels[in->target], jd);
            }
            d += stack_effect(in->op, in->arg, false);
            WF_ASSERT(d >= 0);
            if (d > maxd)
                maxd = d;
            if (is_terminator(in->op))
                break;
            if (i + 1 < n && depth[i + 1] >= 0) {
                WF_ASSERT(depth[i + 1] == d);
                break;
            }
            if (i + 1 < n)
                depth[i + 1] = d;
        }
    }
#undef VISIT
    wf_raw_free(depth);
    wf_raw_free(work);
    return maxd;
}

/* Lay out the code units: returns the units and their locations, or false. */
static bool assemble(wf_compiler *c, wf_unit *u, wf_code_parts *p)
{
    size_t n = u->ninstrs;
    size_t *offset = wf_raw_alloc((n + 1) * sizeof(size_t));
    if (!offset)
        return wf_err_no_memory(c->t), false;
    /* Jump arguments depend on offsets, which depend on argument sizes: iterate until
     * nothing grows (sizes only grow, so this ends). */
    for (bool changed = true; changed;) {
        changed = false;
        size_t off = 0;
        for (size_t i = 0; i < n; i++) {
            wf_instr *in = &u->instrs[i];
            offset[i] = off;
            off += (size_t)arg_units(in->arg) + wf_op_caches[in->op];
        }
        offset[n] = off;
        for (size_t i = 0; i < n; i++) {
            wf_instr *in = &u->instrs[i];
            if (in->target < 0)
                continue;
            int arg = (int)offset[u->labels[in->target]];
            if (arg != in->arg) {
                changed |= arg_units(arg) != arg_units(in->arg);
                in->arg = arg;
            }
        }
    }
    p->nunits = offset[n];
    p->units = wf_raw_alloc((p->nunits + 1) * sizeof(uint16_t));
    p->locations = wf_raw_alloc((p->nunits + 1) * sizeof(wf_loc));
    if (!p->units || !p->locations) {
        wf_raw_free(offset);
        return wf_err_no_memory(c->t), false;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const wf_instr *in = &u->instrs[i];
        int nu = arg_units(in->arg);
        for (int j = nu - 1; j >= 1; j--) {
            p->locations[k] = in->loc;
            p->units[k++] = WF_UNIT(WF_I_EXTENDED_ARG, ((unsigned)in->arg >> (8 * j)) & 0xff);
        }
        p->locations[k] = in->loc;
        p->units[k++] = WF_UNIT(in->op, (unsigned)in->arg & 0xff);
        for (int j = 0; j < wf_op_caches[in->op]; j++) {
            p->locations[k] = in->loc;
            p->units[k++] = WF_UNIT(WF_I_CACHE, 0);
        }
    }
    WF_ASSERT(k == p->nunits);
    wf_raw_free(offset);
    return true;
}

static wf_value names_tuple(wf_compiler *c, const char **names, int n)
{
    wf_value tup = wf_tuple_new(c->t, (size_t)n);
    if (!tup)
        return 0;
    for (int i = 0; i < n; i++) {
        wf_value s = wf_str_intern_cstr(c->t, names[i]);
        if (!s) {
            wf_value_decref(c->t, tup);
            return 0;
        }
        WF_TUPLE_ITEMS(tup)[i] = s;
    }
    return tup;
}

static int code_flags(wf_unit *u)
{
    wf_scope *s = u->scope;
    int flags = 0;
    if (s->kind == WF_SCOPE_FUNCTION) {
        flags |= WF_CO_OPTIMIZED | WF_CO_NEWLOCALS;
        if (s->nested)
            flags |= WF_CO_NESTED;
        if (s->generator)
            flags |= WF_CO_GENERATOR;
        if (s->varargs)
            flags |= WF_CO_VARARGS;
        if (s->varkeywords)
            flags |= WF_CO_VARKEYWORDS;
    }
    if (u->ncells == 0 && u->nfrees == 0)
        flags |= WF_CO_NOFREE;
    return flags;
}

wf_value wf_c_exit_unit(wf_compiler *c)
{
    wf_unit *u = c->u;
    wf_thread *t = c->t;
    c->u = u->parent;
    wf_code_parts p = {0};
    for (size_t i = 0; i < u->nlabels; i++)
        WF_ASSERT(u->labels[i] >= 0);
    int stacksize = max_stack_depth(c, u);
    if (stacksize < 0 || !assemble(c, u, &p))
        goto fail;
    p.stacksize = stacksize;
    p.consts = wf_list_as_tuple(t, u->consts);
    p.names = wf_list_as_tuple(t, u->names);
    p.localsplusnames = names_tuple(c, u->lp_names, u->nlp);
    p.localspluskinds = wf_raw_alloc((size_t)u->nlp + 1);
    p.name = wf_str_from_cstr(t, u->name);
    p.qualname = wf_str_from_cstr(t, u->qualname);
    p.filename = wf_newref(t, c->filename_str);
    if (!p.consts || !p.names || !p.localsplusnames || !p.localspluskinds || !p.name ||
        !p.qualname) {
        if (!wf_err_occurred(t))
            wf_err_no_memory(t);
        wf_raw_free(p.units);
        wf_raw_free(p.locations);
        wf_raw_free(p.localspluskinds);
        wf_value vals[] = {p.consts, p.names, p.localsplusnames, p.name, p.qualname, p.filename};
        for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++)
            if (vals[i])
                wf_value_decref(t, vals[i]);
        goto fail;
    }
    if (u->nlp)
        memcpy(p.localspluskinds, u->lp_kinds, (size_t)u->nlp);
    p.nlocalsplus = u->nlp;
    p.nlocals = u->nlocals;
    p.ncells = u->ncells;
    p.nfrees = u->nfrees;
    p.argcount = u->argcount;
    p.posonlyargcount = u->posonlyargcount;
    p.kwonlyargcount = u->kwonlyargcount;
    p.flags = code_flags(u);
    p.firstlineno = u->firstlineno;
    free_unit(c, u);
    return wf_code_new(t, &p);
fail:
    wf_raw_free(p.units);
    wf_raw_free(p.locations);
    free_unit(c, u);
    return 0;
}

/* ---- Entry --------------------------------------------------------------------------- */

/* The module body: statements, and for "eval" the expression's value returned; for
 * "single" each expression statement's value printed (PRINT_EXPR). */
static bool module_body(wf_compiler *c, const wf_module *m)
{
    if (c->mode == WF_MODE_EVAL) {
        WF_ASSERT(m->body.n == 1 && m->body.items[0]->kind == WF_EXPR);
        WF_C_TRY(wf_c_expr(c, m->body.items[0]->u.expr.value));
        return wf_c_emit(c, WF_I_RETURN_VALUE, 0);
    }
    WF_C_TRY(wf_c_body(c, &m->body));
    WF_C_TRY(wf_c_load_const(c, WF_NONE));
    return wf_c_emit(c, WF_I_RETURN_VALUE, 0);
}

wf_value wf_compile_ast(wf_thread *t, wf_arena *arena, const wf_module *m, wf_symtable *st,
                        const char *filename, enum wf_compile_mode mode, wf_syntax_error *err)
{
    wf_compiler c = {
        .t = t, .arena = arena, .st = st, .filename = filename, .mode = mode, .err = err};
    err->msg[0] = 0;
    c.filename_str = wf_str_from_cstr(t, filename);
    if (!c.filename_str)
        return 0;
    wf_value code = 0;
    if (wf_c_enter_unit(&c, m, "<module>", 1)) {
        if (module_body(&c, m))
            code = wf_c_exit_unit(&c);
    }
    while (c.u) { /* failed part-way: release every open unit */
        wf_unit *u = c.u;
        c.u = u->parent;
        free_unit(&c, u);
    }
    wf_value_decref(t, c.filename_str);
    return code;
}
