/* Compiling expressions: names, operators (with constant folding as CPython's AST
 * optimizer does it), calls, displays, comprehensions, lambdas, f-strings, and the
 * store/delete forms of assignment targets. */
#include <string.h>

#include "interp/code.h"
#include "interp/compile.h"
#include "interp/opcode.h"
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/complex.h"
#include "runtime/dtoa.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/set.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

#define EMIT(op, arg)   WF_C_TRY(wf_c_emit(c, WF_I_##op, (arg)))
#define JUMP(op, label) WF_C_TRY(wf_c_emit_jump(c, WF_I_##op, (label)))
#define VISIT(e)        WF_C_TRY(wf_c_expr(c, (e)))
#define LABEL(l)        WF_C_TRY(wf_c_place_label(c, (l)))
#define NEW_LABEL(l)                                                                               \
    int l = wf_c_new_label(c);                                                                     \
    if (l < 0)                                                                                     \
    return false

/* ---- Constants and folding ----------------------------------------------------------- */

/* Short identifier-like strings are interned, as CPython interns such constants. */
static bool all_name_chars(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (!(ch == '_' || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') ||
              (ch >= 'A' && ch <= 'Z')))
            return false;
    }
    return true;
}

static wf_value constant_value(wf_compiler *c, const wf_expr *e)
{
    wf_thread *t = c->t;
    const char *s = e->u.constant.text;
    size_t n = e->u.constant.len;
    switch (e->u.constant.kind) {
    case WF_CONST_NONE:
        return WF_NONE;
    case WF_CONST_TRUE:
        return WF_TRUE;
    case WF_CONST_FALSE:
        return WF_FALSE;
    case WF_CONST_ELLIPSIS:
        return WF_ELLIPSIS;
    case WF_CONST_INT:
        return wf_int_from_string(t, s, n, 0);
    case WF_CONST_FLOAT:
        return wf_float_from_string(t, s, n);
    case WF_CONST_STR: {
        wf_value v = wf_str_from_utf8(t, s, n);
        if (v && n <= 40 && all_name_chars(s, n)) {
            wf_value iv = wf_str_intern(t, v);
            wf_value_decref(t, v);
            v = iv;
        }
        return v;
    }
    case WF_CONST_IMAG: {
        /* 2.5j: the text before the j read as a float literal, as the imaginary part */
        double imag;
        if (n < 2 || !wf_float_parse(s, n - 1, &imag))
            return wf_err_set(t, &wf_exc_SystemError, "malformed imaginary literal");
        return wf_complex_new(t, 0.0, imag);
    }
    case WF_CONST_BYTES:
        return wf_bytes_from_data(t, s, n);
    }
    return wf_err_set(t, &wf_exc_SystemError, "unknown constant kind");
}

static int ast_to_binop(enum wf_binop op)
{
    static const int map[] = {
        [WF_ADD] = WF_NB_ADD,
        [WF_SUB] = WF_NB_SUBTRACT,
        [WF_MULT] = WF_NB_MULTIPLY,
        [WF_MATMULT] = WF_NB_MATRIX_MULTIPLY,
        [WF_DIV] = WF_NB_TRUE_DIVIDE,
        [WF_MOD] = WF_NB_REMAINDER,
        [WF_POW] = WF_NB_POWER,
        [WF_LSHIFT] = WF_NB_LSHIFT,
        [WF_RSHIFT] = WF_NB_RSHIFT,
        [WF_BITOR] = WF_NB_OR,
        [WF_BITXOR] = WF_NB_XOR,
        [WF_BITAND] = WF_NB_AND,
        [WF_FLOORDIV] = WF_NB_FLOOR_DIVIDE,
    };
    return map[op];
}

/* Bits of an int constant's magnitude (for CPython's folding limits). */
static int64_t int_bits(wf_value v)
{
    wf_bigint64 tmp;
    const wf_bigint *b = wf_int_bigint(v, &tmp);
    return (int64_t)wf_bigint_bit_length(b);
}

#define MAX_INT_BITS        128 /* CPython's MAX_INT_SIZE */
#define MAX_COLLECTION_SIZE 256
#define MAX_STR_SIZE        4096

/* CPython's safe_multiply/safe_power/safe_lshift: do not fold an operation whose
 * result would be huge (the program may never evaluate it). */
static bool fold_is_safe(wf_thread *t, int op, wf_value a, wf_value b)
{
    bool ia = wf_type_of(a) == &wf_int_type, ib = wf_type_of(b) == &wf_int_type;
    if (op == WF_NB_POWER && ia && ib) {
        int64_t e;
        if (wf_int_sign(b) < 0)
            return true;
        if (!wf_int_as_int64(t, b, &e)) {
            wf_err_clear(t);
            return false;
        }
        return int_bits(a) <= 1 || int_bits(a) * e <= MAX_INT_BITS;
    }
    if (op == WF_NB_LSHIFT && ia && ib) {
        int64_t s;
        if (!wf_int_as_int64(t, b, &s)) {
            wf_err_clear(t);
            return false;
        }
        return s < 0 || wf_int_sign(a) == 0 || int_bits(a) + s <= MAX_INT_BITS;
    }
    if (op == WF_NB_MULTIPLY) {
        if (ia && ib)
            return int_bits(a) + int_bits(b) <= MAX_INT_BITS;
        wf_value seq = ia ? b : a, num = ia ? a : b;
        if (wf_type_of(num) != &wf_int_type)
            return true;
        int64_t k;
        if (!wf_int_as_int64(t, num, &k)) {
            wf_err_clear(t);
            return false;
        }
        if (wf_str_check_exact(seq))
            return k <= 0 || wf_str_length(seq) * k <= MAX_STR_SIZE;
        if (wf_type_of(seq) == &wf_tuple_type)
            return k <= 0 || (int64_t)wf_tuple_size(seq) * k <= MAX_COLLECTION_SIZE;
    }
    return true;
}

static wf_value fold_binop(wf_compiler *c, const wf_expr *e)
{
    wf_thread *t = c->t;
    wf_value a = wf_c_fold(c, e->u.binop.left);
    if (!a)
        return 0;
    wf_value b = wf_c_fold(c, e->u.binop.right);
    if (!b) {
        wf_value_decref(t, a);
        return 0;
    }
    int op = ast_to_binop(e->u.binop.op);
    wf_value r = 0;
    if (fold_is_safe(t, op, a, b)) {
        r = wf_binary_op(t, a, b, op);
        if (!r) /* 1/0 and friends raise at run time, not at compile time */
            wf_err_clear(t);
    }
    wf_value_decref(t, a);
    wf_value_decref(t, b);
    return r;
}

static wf_value fold_unary(wf_compiler *c, const wf_expr *e)
{
    wf_thread *t = c->t;
    if (e->u.unaryop.op == WF_NOT)
        return 0;
    wf_value v = wf_c_fold(c, e->u.unaryop.operand);
    if (!v)
        return 0;
    wf_type *ty = wf_type_of(v);
    wf_value r = 0;
    if (ty == &wf_int_type || ty == &wf_float_type || ty == &wf_bool_type ||
        ty == &wf_complex_type) {
        switch (e->u.unaryop.op) {
        case WF_USUB:
            r = wf_negative(t, v);
            break;
        case WF_UADD:
            r = wf_positive(t, v);
            break;
        case WF_INVERT:
            r = ty == &wf_float_type || ty == &wf_complex_type ? 0 : wf_invert(t, v);
            break;
        case WF_NOT:
            break;
        }
        if (!r)
            wf_err_clear(t);
    }
    wf_value_decref(t, v);
    return r;
}

/* The items of elts folded into one tuple constant, or 0 if one does not fold. */
static wf_value fold_items(wf_compiler *c, const wf_expr_seq *elts)
{
    wf_thread *t = c->t;
    size_t n = elts->n;
    wf_value tup = wf_tuple_new(t, n);
    if (!tup)
        return 0;
    for (size_t i = 0; i < n; i++) {
        wf_value v = wf_c_fold(c, elts->items[i]);
        if (!v) {
            for (size_t j = i; j < n; j++) /* fill the rest so the tuple can be freed */
                WF_TUPLE_ITEMS(tup)[j] = WF_NONE;
            wf_value_decref(t, tup);
            return 0;
        }
        WF_TUPLE_ITEMS(tup)[i] = v;
    }
    return tup;
}

wf_value wf_c_fold(wf_compiler *c, const wf_expr *e)
{
    if (wf_err_occurred(c->t))
        return 0;
    switch (e->kind) {
    case WF_CONSTANT: {
        wf_value v = constant_value(c, e);
        if (!v)
            wf_err_clear(c->t); /* reported when compiled for real */
        return v;
    }
    case WF_BINOP:
        return fold_binop(c, e);
    case WF_UNARYOP:
        return fold_unary(c, e);
    case WF_TUPLE:
        return e->u.tuple.ctx == WF_LOAD ? fold_items(c, &e->u.tuple.elts) : 0;
    default:
        return 0;
    }
}

/* ---- Names --------------------------------------------------------------------------- */

enum name_kind { NK_FAST, NK_DEREF, NK_GLOBAL, NK_NAME };

bool wf_c_name_op(wf_compiler *c, const char *name, enum wf_ctx ctx)
{
    wf_unit *u = c->u;
    const char *mangled = wf_c_mangle(c, name);
    if (!mangled)
        return false;
    enum wf_scope_kind sk = u->scope->kind;
    enum name_kind nk = NK_NAME;
    switch (wf_scope_name_scope(u->scope, mangled)) {
    case WF_NAME_FREE:
    case WF_NAME_CELL:
        nk = NK_DEREF;
        break;
    case WF_NAME_LOCAL:
        nk = sk == WF_SCOPE_FUNCTION ? NK_FAST : NK_NAME;
        break;
    case WF_NAME_GLOBAL_IMPLICIT:
        nk = sk == WF_SCOPE_FUNCTION ? NK_GLOBAL : NK_NAME;
        break;
    case WF_NAME_GLOBAL_EXPLICIT:
        nk = NK_GLOBAL;
        break;
    case WF_NAME_NONE:
        break;
    }
    /* __class__ and friends may be cells without a symbol of that scope kind */
    int slot = wf_c_slot(c, mangled);
    if (nk == NK_NAME && slot >= 0 && (u->lp_kinds[slot] & (WF_KIND_CELL | WF_KIND_FREE)) &&
        sk != WF_SCOPE_CLASS)
        nk = NK_DEREF;
    if (nk == NK_DEREF && slot < 0)
        nk = NK_NAME;
    switch (nk) {
    case NK_FAST:
        if (slot < 0)
            break;
        return wf_c_emit(c,
                         ctx == WF_LOAD    ? WF_I_LOAD_FAST
                         : ctx == WF_STORE ? WF_I_STORE_FAST
                                           : WF_I_DELETE_FAST,
                         slot);
    case NK_DEREF:
        if (ctx == WF_LOAD && sk == WF_SCOPE_CLASS)
            return wf_c_emit(c, WF_I_LOAD_CLASSDEREF, slot);
        return wf_c_emit(c,
                         ctx == WF_LOAD    ? WF_I_LOAD_DEREF
                         : ctx == WF_STORE ? WF_I_STORE_DEREF
                                           : WF_I_DELETE_DEREF,
                         slot);
    case NK_GLOBAL: {
        int i = wf_c_add_name(c, mangled);
        if (i < 0)
            return false;
        if (ctx == WF_LOAD)
            return wf_c_emit(c, WF_I_LOAD_GLOBAL, i << 1);
        return wf_c_emit(c, ctx == WF_STORE ? WF_I_STORE_GLOBAL : WF_I_DELETE_GLOBAL, i);
    }
    case NK_NAME:
        break;
    }
    int i = wf_c_add_name(c, mangled);
    if (i < 0)
        return false;
    return wf_c_emit(c,
                     ctx == WF_LOAD    ? WF_I_LOAD_NAME
                     : ctx == WF_STORE ? WF_I_STORE_NAME
                                       : WF_I_DELETE_NAME,
                     i);
}

static int attr_name(wf_compiler *c, const char *attr)
{
    const char *m = wf_c_mangle(c, attr);
    return m ? wf_c_add_name(c, m) : -1;
}

/* ---- Operators ----------------------------------------------------------------------- */

static bool compile_compare_op(wf_compiler *c, enum wf_cmpop op)
{
    switch (op) {
    case WF_EQ:
        return wf_c_emit(c, WF_I_COMPARE_OP, WF_CMP_EQ);
    case WF_NOTEQ:
        return wf_c_emit(c, WF_I_COMPARE_OP, WF_CMP_NE);
    case WF_LT:
        return wf_c_emit(c, WF_I_COMPARE_OP, WF_CMP_LT);
    case WF_LTE:
        return wf_c_emit(c, WF_I_COMPARE_OP, WF_CMP_LE);
    case WF_GT:
        return wf_c_emit(c, WF_I_COMPARE_OP, WF_CMP_GT);
    case WF_GTE:
        return wf_c_emit(c, WF_I_COMPARE_OP, WF_CMP_GE);
    case WF_IS:
        return wf_c_emit(c, WF_I_IS_OP, 0);
    case WF_ISNOT:
        return wf_c_emit(c, WF_I_IS_OP, 1);
    case WF_IN:
        return wf_c_emit(c, WF_I_CONTAINS_OP, 0);
    case WF_NOTIN:
        return wf_c_emit(c, WF_I_CONTAINS_OP, 1);
    }
    return false;
}

/* a < b < c: each middle operand is evaluated once and kept (COPY) for the next
 * comparison; the first false result short-circuits and drops the kept operand. */
static bool compile_compare(wf_compiler *c, const wf_expr *e)
{
    size_t n = e->u.compare.n;
    VISIT(e->u.compare.left);
    if (n == 1) {
        VISIT(e->u.compare.comparators[0]);
        return compile_compare_op(c, e->u.compare.ops[0]);
    }
    NEW_LABEL(cleanup);
    NEW_LABEL(end);
    for (size_t i = 0; i + 1 < n; i++) {
        VISIT(e->u.compare.comparators[i]);
        EMIT(SWAP, 2);
        EMIT(COPY, 2);
        WF_C_TRY(compile_compare_op(c, e->u.compare.ops[i]));
        JUMP(JUMP_IF_FALSE_OR_POP, cleanup);
    }
    VISIT(e->u.compare.comparators[n - 1]);
    WF_C_TRY(compile_compare_op(c, e->u.compare.ops[n - 1]));
    JUMP(JUMP, end);
    LABEL(cleanup);
    EMIT(SWAP, 2);
    EMIT(POP_TOP, 0);
    LABEL(end);
    return true;
}

static bool compile_boolop(wf_compiler *c, const wf_expr *e)
{
    NEW_LABEL(end);
    int op = e->u.boolop.op == WF_AND ? WF_I_JUMP_IF_FALSE_OR_POP : WF_I_JUMP_IF_TRUE_OR_POP;
    size_t n = e->u.boolop.values.n;
    for (size_t i = 0; i + 1 < n; i++) {
        VISIT(e->u.boolop.values.items[i]);
        WF_C_TRY(wf_c_emit_jump(c, op, end));
    }
    VISIT(e->u.boolop.values.items[n - 1]);
    LABEL(end);
    return true;
}

/* Jump to label when e's truth equals cond; `not` and and/or are compiled to jumps. */
bool wf_c_jump_if(wf_compiler *c, const wf_expr *e, int label, bool cond)
{
    if (e->kind == WF_UNARYOP && e->u.unaryop.op == WF_NOT)
        return wf_c_jump_if(c, e->u.unaryop.operand, label, !cond);
    if (e->kind == WF_BOOLOP) {
        /* (a and b) true: both true; false: either false. Dual for or. */
        bool is_and = e->u.boolop.op == WF_AND;
        size_t n = e->u.boolop.values.n;
        if (cond == is_and) {
            NEW_LABEL(skip);
            for (size_t i = 0; i + 1 < n; i++)
                WF_C_TRY(wf_c_jump_if(c, e->u.boolop.values.items[i], skip, !cond));
            WF_C_TRY(wf_c_jump_if(c, e->u.boolop.values.items[n - 1], label, cond));
            LABEL(skip);
        } else {
            for (size_t i = 0; i < n; i++)
                WF_C_TRY(wf_c_jump_if(c, e->u.boolop.values.items[i], label, cond));
        }
        return true;
    }
    VISIT(e);
    return wf_c_emit_jump(c, cond ? WF_I_POP_JUMP_IF_TRUE : WF_I_POP_JUMP_IF_FALSE, label);
}

static bool compile_ifexp(wf_compiler *c, const wf_expr *e)
{
    NEW_LABEL(orelse);
    NEW_LABEL(end);
    WF_C_TRY(wf_c_jump_if(c, e->u.ifexp.test, orelse, false));
    VISIT(e->u.ifexp.body);
    JUMP(JUMP, end);
    LABEL(orelse);
    VISIT(e->u.ifexp.orelse);
    LABEL(end);
    return true;
}

static bool compile_unary(wf_compiler *c, const wf_expr *e)
{
    VISIT(e->u.unaryop.operand);
    static const int ops[] = {[WF_INVERT] = WF_I_UNARY_INVERT,
                              [WF_NOT] = WF_I_UNARY_NOT,
                              [WF_UADD] = WF_I_UNARY_POSITIVE,
                              [WF_USUB] = WF_I_UNARY_NEGATIVE};
    return wf_c_emit(c, ops[e->u.unaryop.op], 0);
}

/* ---- Displays ------------------------------------------------------------------------ */

static bool has_starred(const wf_expr_seq *s)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->items[i]->kind == WF_STARRED)
            return true;
    return false;
}

/* The items of a list or set display of more than two items, all constants, as one
 * constant (a tuple, or for a set a frozenset), or 0 (no error set) if it does not fold.
 * CPython rebuilds a frozenset constant from its own iteration order when it merges
 * constants; doing the same gives the set display CPython's iteration order. */
static wf_value fold_display(wf_compiler *c, const wf_expr_seq *elts, enum wf_expr_kind kind)
{
    wf_thread *t = c->t;
    wf_value tup = elts->n > 2 ? fold_items(c, elts) : 0;
    if (!tup || kind != WF_SET)
        return tup;
    wf_value first = wf_frozenset_new(t, tup);
    wf_value_decref(t, tup);
    wf_value order = first ? wf_list_new(t, elts->n) : 0;
    wf_value fs = 0;
    if (order && wf_list_extend(t, order, first) == 0)
        fs = wf_frozenset_new(t, order);
    if (order)
        wf_value_decref(t, order);
    if (first)
        wf_value_decref(t, first);
    return fs;
}

/* [a, *b, c] and friends: build with the plain opcode when nothing is starred, else
 * start empty and append/extend item by item. kind: WF_LIST, WF_TUPLE or WF_SET. */
static bool compile_sequence(wf_compiler *c, const wf_expr_seq *elts, enum wf_expr_kind kind)
{
    int build = kind == WF_SET    ? WF_I_BUILD_SET
                : kind == WF_LIST ? WF_I_BUILD_LIST
                                  : WF_I_BUILD_TUPLE;
    wf_value folded = kind != WF_TUPLE ? fold_display(c, elts, kind) : 0;
    if (folded) {
        WF_C_TRY(wf_c_emit(c, build, 0));
        WF_C_TRY(wf_c_load_const(c, folded));
        return wf_c_emit(c, kind == WF_SET ? WF_I_SET_UPDATE : WF_I_LIST_EXTEND, 1);
    }
    if (wf_err_occurred(c->t))
        return false;
    if (!has_starred(elts)) {
        for (size_t i = 0; i < elts->n; i++)
            VISIT(elts->items[i]);
        return wf_c_emit(c, build, (int)elts->n);
    }
    WF_C_TRY(wf_c_emit(c, kind == WF_SET ? WF_I_BUILD_SET : WF_I_BUILD_LIST, 0));
    for (size_t i = 0; i < elts->n; i++) {
        const wf_expr *it = elts->items[i];
        bool star = it->kind == WF_STARRED;
        VISIT(star ? it->u.starred.value : it);
        if (kind == WF_SET)
            WF_C_TRY(wf_c_emit(c, star ? WF_I_SET_UPDATE : WF_I_SET_ADD, 1));
        else
            WF_C_TRY(wf_c_emit(c, star ? WF_I_LIST_EXTEND : WF_I_LIST_APPEND, 1));
    }
    if (kind == WF_TUPLE)
        EMIT(LIST_TO_TUPLE, 0);
    return true;
}

static bool compile_dict(wf_compiler *c, const wf_expr *e)
{
    size_t n = e->u.dict.keys.n;
    bool unpack = false;
    for (size_t i = 0; i < n; i++)
        unpack |= e->u.dict.keys.items[i] == NULL;
    if (!unpack) {
        for (size_t i = 0; i < n; i++) {
            VISIT(e->u.dict.keys.items[i]);
            VISIT(e->u.dict.values.items[i]);
        }
        return wf_c_emit(c, WF_I_BUILD_MAP, (int)n);
    }
    EMIT(BUILD_MAP, 0);
    for (size_t i = 0; i < n; i++) {
        if (e->u.dict.keys.items[i]) {
            VISIT(e->u.dict.keys.items[i]);
            VISIT(e->u.dict.values.items[i]);
            EMIT(MAP_ADD, 1);
        } else {
            VISIT(e->u.dict.values.items[i]);
            EMIT(DICT_UPDATE, 1);
        }
    }
    return true;
}

static bool compile_joinedstr(wf_compiler *c, const wf_expr *e)
{
    size_t n = e->u.joinedstr.values.n;
    if (n == 0)
        return wf_c_load_const(c, wf_str_intern_cstr(c->t, ""));
    for (size_t i = 0; i < n; i++)
        VISIT(e->u.joinedstr.values.items[i]);
    if (n == 1 && e->u.joinedstr.values.items[0]->kind == WF_FORMATTEDVALUE)
        return true;
    return wf_c_emit(c, WF_I_BUILD_STRING, (int)n);
}

static bool compile_formatted(wf_compiler *c, const wf_expr *e)
{
    VISIT(e->u.formatted.value);
    int conv = e->u.formatted.conversion;
    int arg = conv == 's' ? 1 : conv == 'r' ? 2 : conv == 'a' ? 3 : 0;
    if (e->u.formatted.format_spec) {
        VISIT(e->u.formatted.format_spec);
        arg |= 4;
    }
    return wf_c_emit(c, WF_I_FORMAT_VALUE, arg);
}

static bool compile_slice(wf_compiler *c, const wf_expr *e)
{
    const wf_expr *parts[] = {e->u.slice.lower, e->u.slice.upper, e->u.slice.step};
    int n = e->u.slice.step ? 3 : 2;
    for (int i = 0; i < n; i++) {
        if (parts[i])
            VISIT(parts[i]);
        else
            WF_C_TRY(wf_c_load_const(c, WF_NONE));
    }
    return wf_c_emit(c, WF_I_BUILD_SLICE, n);
}

/* ---- Calls --------------------------------------------------------------------------- */

/* The arguments of a call whose callable (and self or NULL) and npushed leading
 * positional arguments are already on the stack. */
bool wf_c_call_helper(wf_compiler *c, size_t npushed, const wf_expr_seq *args,
                      const wf_keyword_seq *kws)
{
    bool ex = has_starred(args);
    for (size_t i = 0; i < kws->n; i++)
        ex |= kws->items[i]->arg == NULL;
    if (!ex) {
        for (size_t i = 0; i < args->n; i++)
            VISIT(args->items[i]);
        if (kws->n) {
            wf_value names = wf_tuple_new(c->t, kws->n);
            if (!names)
                return false;
            for (size_t i = 0; i < kws->n; i++) {
                wf_value s = wf_str_intern_cstr(c->t, kws->items[i]->arg);
                WF_TUPLE_ITEMS(names)[i] = s ? s : WF_NONE;
                if (!s) {
                    wf_value_decref(c->t, names);
                    return false;
                }
            }
            for (size_t i = 0; i < kws->n; i++)
                VISIT(kws->items[i]->value);
            int k = wf_c_add_const(c, names);
            if (k < 0)
                return false;
            EMIT(KW_NAMES, k);
        }
        return wf_c_emit(c, WF_I_CALL, (int)(npushed + args->n + kws->n));
    }
    /* f(*a, **k): one tuple of positional arguments and one dict of keywords; the
     * LIST_EXTEND flag WF_EXTEND_FOR_CALL words its error for a call */
    EMIT(BUILD_LIST, (int)npushed);
    for (size_t i = 0; i < args->n; i++) {
        const wf_expr *a = args->items[i];
        bool star = a->kind == WF_STARRED;
        VISIT(star ? a->u.starred.value : a);
        WF_C_TRY(star ? wf_c_emit(c, WF_I_LIST_EXTEND, 1 | WF_EXTEND_FOR_CALL)
                      : wf_c_emit(c, WF_I_LIST_APPEND, 1));
    }
    EMIT(LIST_TO_TUPLE, 0);
    if (kws->n == 0)
        return wf_c_emit(c, WF_I_CALL_FUNCTION_EX, 0);
    EMIT(BUILD_MAP, 0);
    for (size_t i = 0; i < kws->n; i++) {
        const wf_keyword *k = kws->items[i];
        if (k->arg) {
            WF_C_TRY(wf_c_load_const(c, wf_str_intern_cstr(c->t, k->arg)));
            VISIT(k->value);
            EMIT(BUILD_MAP, 1);
        } else {
            VISIT(k->value);
        }
        EMIT(DICT_MERGE, 1);
    }
    return wf_c_emit(c, WF_I_CALL_FUNCTION_EX, 1);
}

static bool compile_call(wf_compiler *c, const wf_expr *e)
{
    const wf_expr *f = e->u.call.func;
    bool ex = has_starred(&e->u.call.args);
    for (size_t i = 0; i < e->u.call.keywords.n; i++)
        ex |= e->u.call.keywords.items[i]->arg == NULL;
    if (f->kind == WF_ATTRIBUTE && f->u.attribute.ctx == WF_LOAD && !ex) {
        VISIT(f->u.attribute.value);
        wf_loc saved = c->u->loc;
        c->u->loc = f->loc;
        int i = attr_name(c, f->u.attribute.attr);
        if (i < 0)
            return false;
        EMIT(LOAD_METHOD, i);
        c->u->loc = saved;
    } else {
        VISIT(f);
        EMIT(PUSH_NULL, 0);
    }
    return wf_c_call_helper(c, 0, &e->u.call.args, &e->u.call.keywords);
}

/* ---- Functions, lambdas, comprehensions ---------------------------------------------- */

/* Defaults tuple and kw-defaults dict for MAKE_FUNCTION (flags 0x01, 0x02). */
bool wf_c_defaults(wf_compiler *c, const wf_arguments *args, int *flags)
{
    if (args->defaults.n) {
        for (size_t i = 0; i < args->defaults.n; i++)
            VISIT(args->defaults.items[i]);
        EMIT(BUILD_TUPLE, (int)args->defaults.n);
        *flags |= 0x01;
    }
    size_t nkw = 0;
    for (size_t i = 0; i < args->kwonlyargs.n; i++) {
        const wf_expr *d = args->kw_defaults.items[i];
        if (!d)
            continue;
        const char *m = wf_c_mangle(c, args->kwonlyargs.items[i]->name);
        if (!m)
            return false;
        WF_C_TRY(wf_c_load_const(c, wf_str_intern_cstr(c->t, m)));
        VISIT(d);
        nkw++;
    }
    if (nkw) {
        EMIT(BUILD_MAP, (int)nkw);
        *flags |= 0x02;
    }
    return true;
}

/* Push the closure tuple (if the code has free variables) and MAKE_FUNCTION. */
bool wf_c_make_closure(wf_compiler *c, wf_value code, int flags)
{
    wf_code *co = wf_code_of(code);
    if (co->nfrees) {
        for (int i = co->nlocalsplus - co->nfrees; i < co->nlocalsplus; i++) {
            const char *name = wf_str_utf8(WF_TUPLE_ITEMS(co->localsplusnames)[i]);
            int slot = wf_c_slot(c, name);
            if (slot < 0)
                return wf_err_set(c->t, &wf_exc_SystemError,
                                  "compiler: no cell for free variable '%s'", name),
                       false;
            EMIT(LOAD_CLOSURE, slot);
        }
        EMIT(BUILD_TUPLE, co->nfrees);
        flags |= 0x08;
    }
    WF_C_TRY(wf_c_load_const(c, code));
    return wf_c_emit(c, WF_I_MAKE_FUNCTION, flags);
}

static void set_argcounts(wf_compiler *c, const wf_arguments *a)
{
    c->u->posonlyargcount = (int)a->posonlyargs.n;
    c->u->argcount = (int)(a->posonlyargs.n + a->args.n);
    c->u->kwonlyargcount = (int)a->kwonlyargs.n;
}

static bool compile_lambda(wf_compiler *c, const wf_expr *e)
{
    int flags = 0;
    WF_C_TRY(wf_c_defaults(c, e->u.lambda.args, &flags));
    WF_C_TRY(wf_c_enter_unit(c, e, "<lambda>", e->loc.lineno));
    set_argcounts(c, e->u.lambda.args);
    /* None first: a lambda has no docstring */
    if (wf_c_add_const(c, WF_NONE) < 0)
        return false;
    c->u->loc = e->u.lambda.body->loc;
    VISIT(e->u.lambda.body);
    EMIT(RETURN_VALUE, 0);
    wf_value code = wf_c_exit_unit(c);
    if (!code)
        return false;
    return wf_c_make_closure(c, code, flags);
}

/* One `for ... in ... if ...` level of a comprehension, then the next level or the
 * element. `depth` is the number of iterators on the stack above the result. */
static bool comprehension_level(wf_compiler *c, const wf_expr *e, size_t gen, int depth)
{
    const wf_comprehension *g = e->u.comp.generators.items[gen];
    NEW_LABEL(start);
    NEW_LABEL(end);
    if (gen == 0) {
        EMIT(LOAD_FAST, 0); /* the ".0" parameter: the outermost iterator */
    } else {
        VISIT(g->iter);
        EMIT(GET_ITER, 0);
    }
    LABEL(start);
    JUMP(FOR_ITER, end);
    WF_C_TRY(wf_c_store_target(c, g->target));
    for (size_t i = 0; i < g->ifs.n; i++)
        WF_C_TRY(wf_c_jump_if(c, g->ifs.items[i], start, false));
    if (gen + 1 < e->u.comp.generators.n) {
        WF_C_TRY(comprehension_level(c, e, gen + 1, depth + 1));
    } else {
        switch (e->kind) {
        case WF_LISTCOMP:
            VISIT(e->u.comp.elt);
            EMIT(LIST_APPEND, depth + 1);
            break;
        case WF_SETCOMP:
            VISIT(e->u.comp.elt);
            EMIT(SET_ADD, depth + 1);
            break;
        case WF_DICTCOMP:
            VISIT(e->u.comp.elt);
            VISIT(e->u.comp.value);
            EMIT(MAP_ADD, depth + 1);
            break;
        default: /* generator expression */
            VISIT(e->u.comp.elt);
            EMIT(YIELD_VALUE, 0);
            EMIT(POP_TOP, 0);
            break;
        }
    }
    JUMP(JUMP, start);
    LABEL(end);
    return true;
}

static bool compile_comprehension(wf_compiler *c, const wf_expr *e)
{
    const char *name = e->kind == WF_LISTCOMP   ? "<listcomp>"
                       : e->kind == WF_SETCOMP  ? "<setcomp>"
                       : e->kind == WF_DICTCOMP ? "<dictcomp>"
                                                : "<genexpr>";
    const wf_comprehension *outer = e->u.comp.generators.items[0];
    WF_C_TRY(wf_c_enter_unit(c, e, name, e->loc.lineno));
    c->u->argcount = 1;
    c->u->loc = e->loc;
    if (e->kind == WF_LISTCOMP)
        EMIT(BUILD_LIST, 0);
    else if (e->kind == WF_SETCOMP)
        EMIT(BUILD_SET, 0);
    else if (e->kind == WF_DICTCOMP)
        EMIT(BUILD_MAP, 0);
    WF_C_TRY(comprehension_level(c, e, 0, e->kind == WF_GENERATOREXP ? 0 : 1));
    if (e->kind == WF_GENERATOREXP)
        WF_C_TRY(wf_c_load_const(c, WF_NONE));
    EMIT(RETURN_VALUE, 0);
    wf_value code = wf_c_exit_unit(c);
    if (!code)
        return false;
    WF_C_TRY(wf_c_make_closure(c, code, 0));
    EMIT(PUSH_NULL, 0);
    VISIT(outer->iter);
    EMIT(GET_ITER, 0);
    return wf_c_emit(c, WF_I_CALL, 1);
}

/* ---- Targets ------------------------------------------------------------------------- */

/* a, *b, c = v: UNPACK_EX with the counts before and after the starred target. */
static bool unpack_targets(wf_compiler *c, const wf_expr_seq *elts, wf_loc loc)
{
    size_t star = (size_t)-1;
    for (size_t i = 0; i < elts->n; i++) {
        if (elts->items[i]->kind != WF_STARRED)
            continue;
        if (star != (size_t)-1)
            return wf_c_syntax_error(c, loc, "multiple starred expressions in assignment");
        star = i;
    }
    if (star == (size_t)-1) {
        EMIT(UNPACK_SEQUENCE, (int)elts->n);
    } else {
        size_t after = elts->n - star - 1;
        if (star >= 256 || after >= (1u << 24))
            return wf_c_syntax_error(c, loc, "too many expressions in star-unpacking assignment");
        EMIT(UNPACK_EX, (int)(star | (after << 8)));
    }
    for (size_t i = 0; i < elts->n; i++) {
        const wf_expr *t = elts->items[i];
        WF_C_TRY(wf_c_store_target(c, t->kind == WF_STARRED ? t->u.starred.value : t));
    }
    return true;
}

bool wf_c_store_target(wf_compiler *c, const wf_expr *e)
{
    wf_loc saved = c->u->loc;
    c->u->loc = e->loc;
    bool ok;
    switch (e->kind) {
    case WF_NAME:
        ok = wf_c_name_op(c, e->u.name.id, WF_STORE);
        break;
    case WF_ATTRIBUTE: {
        ok = wf_c_expr(c, e->u.attribute.value);
        int i = ok ? attr_name(c, e->u.attribute.attr) : -1;
        ok = i >= 0 && wf_c_emit(c, WF_I_STORE_ATTR, i);
        break;
    }
    case WF_SUBSCRIPT:
        ok = wf_c_expr(c, e->u.subscript.value) && wf_c_expr(c, e->u.subscript.slice) &&
             wf_c_emit(c, WF_I_STORE_SUBSCR, 0);
        break;
    case WF_TUPLE:
        ok = unpack_targets(c, &e->u.tuple.elts, e->loc);
        break;
    case WF_LIST:
        ok = unpack_targets(c, &e->u.list.elts, e->loc);
        break;
    case WF_STARRED:
        ok = wf_c_syntax_error(c, e->loc, "starred assignment target must be in a list or tuple");
        break;
    default:
        wf_err_set(c->t, &wf_exc_SystemError, "compiler: bad assignment target");
        ok = false;
    }
    c->u->loc = saved;
    return ok;
}

bool wf_c_delete_target(wf_compiler *c, const wf_expr *e)
{
    wf_loc saved = c->u->loc;
    c->u->loc = e->loc;
    bool ok = true;
    switch (e->kind) {
    case WF_NAME:
        ok = wf_c_name_op(c, e->u.name.id, WF_DEL);
        break;
    case WF_ATTRIBUTE: {
        ok = wf_c_expr(c, e->u.attribute.value);
        int i = ok ? attr_name(c, e->u.attribute.attr) : -1;
        ok = i >= 0 && wf_c_emit(c, WF_I_DELETE_ATTR, i);
        break;
    }
    case WF_SUBSCRIPT:
        ok = wf_c_expr(c, e->u.subscript.value) && wf_c_expr(c, e->u.subscript.slice) &&
             wf_c_emit(c, WF_I_DELETE_SUBSCR, 0);
        break;
    case WF_TUPLE:
    case WF_LIST: {
        const wf_expr_seq *s = e->kind == WF_TUPLE ? &e->u.tuple.elts : &e->u.list.elts;
        for (size_t i = 0; ok && i < s->n; i++)
            ok = wf_c_delete_target(c, s->items[i]);
        break;
    }
    default:
        wf_err_set(c->t, &wf_exc_SystemError, "compiler: bad delete target");
        ok = false;
    }
    c->u->loc = saved;
    return ok;
}

/* ---- Dispatch ------------------------------------------------------------------------ */

static bool compile_yield_from(wf_compiler *c, const wf_expr *e)
{
    NEW_LABEL(loop);
    NEW_LABEL(end);
    VISIT(e->u.yieldfrom.value);
    EMIT(GET_YIELD_FROM_ITER, 0);
    WF_C_TRY(wf_c_load_const(c, WF_NONE));
    LABEL(loop);
    JUMP(SEND, end);
    EMIT(YIELD_VALUE, 0);
    JUMP(JUMP, loop);
    LABEL(end);
    return true;
}

static bool compile_expr_kind(wf_compiler *c, const wf_expr *e)
{
    switch (e->kind) {
    case WF_BOOLOP:
        return compile_boolop(c, e);
    case WF_NAMEDEXPR:
        VISIT(e->u.namedexpr.value);
        EMIT(COPY, 1);
        return wf_c_store_target(c, e->u.namedexpr.target);
    case WF_BINOP:
        VISIT(e->u.binop.left);
        VISIT(e->u.binop.right);
        return wf_c_emit(c, WF_I_BINARY_OP, ast_to_binop(e->u.binop.op));
    case WF_UNARYOP:
        return compile_unary(c, e);
    case WF_LAMBDA:
        return compile_lambda(c, e);
    case WF_IFEXP:
        return compile_ifexp(c, e);
    case WF_DICT:
        return compile_dict(c, e);
    case WF_SET:
        return compile_sequence(c, &e->u.set.elts, WF_SET);
    case WF_LISTCOMP:
    case WF_SETCOMP:
    case WF_DICTCOMP:
    case WF_GENERATOREXP:
        return compile_comprehension(c, e);
    case WF_AWAIT:
        return wf_err_set(c->t, &wf_exc_NotImplementedError, "'await' is not supported yet"), false;
    case WF_YIELD:
        if (c->u->scope->kind != WF_SCOPE_FUNCTION)
            return wf_c_syntax_error(c, e->loc, "'yield' outside function");
        if (e->u.yield.value)
            VISIT(e->u.yield.value);
        else
            WF_C_TRY(wf_c_load_const(c, WF_NONE));
        return wf_c_emit(c, WF_I_YIELD_VALUE, 0);
    case WF_YIELDFROM:
        if (c->u->scope->kind != WF_SCOPE_FUNCTION)
            return wf_c_syntax_error(c, e->loc, "'yield' outside function");
        return compile_yield_from(c, e);
    case WF_COMPARE:
        return compile_compare(c, e);
    case WF_CALL:
        return compile_call(c, e);
    case WF_FORMATTEDVALUE:
        return compile_formatted(c, e);
    case WF_JOINEDSTR:
        return compile_joinedstr(c, e);
    case WF_CONSTANT: {
        wf_value v = constant_value(c, e);
        return v && wf_c_load_const(c, v);
    }
    case WF_ATTRIBUTE: {
        VISIT(e->u.attribute.value);
        int i = attr_name(c, e->u.attribute.attr);
        return i >= 0 && wf_c_emit(c, WF_I_LOAD_ATTR, i);
    }
    case WF_SUBSCRIPT:
        VISIT(e->u.subscript.value);
        VISIT(e->u.subscript.slice);
        return wf_c_emit(c, WF_I_BINARY_SUBSCR, 0);
    case WF_STARRED:
        return wf_c_syntax_error(c, e->loc, "can't use starred expression here");
    case WF_NAME:
        return wf_c_name_op(c, e->u.name.id, WF_LOAD);
    case WF_LIST:
        return compile_sequence(c, &e->u.list.elts, WF_LIST);
    case WF_TUPLE:
        return compile_sequence(c, &e->u.tuple.elts, WF_TUPLE);
    case WF_SLICE:
        return compile_slice(c, e);
    }
    return wf_err_set(c->t, &wf_exc_SystemError, "compiler: unknown expression"), false;
}

/* Compile e; instructions get e's location, as CPython 3.11 gives each node's
 * instructions that node's range (tracebacks point at the failing operation). */
bool wf_c_expr(wf_compiler *c, const wf_expr *e)
{
    if (++c->depth > WF_COMPILER_MAX_DEPTH) {
        c->depth--;
        return wf_err_set(c->t, &wf_exc_RecursionError,
                          "maximum recursion depth exceeded during compilation"),
               false;
    }
    wf_loc saved = c->u->loc;
    c->u->loc = e->loc;
    bool ok;
    wf_value folded =
        (e->kind == WF_BINOP || e->kind == WF_UNARYOP || e->kind == WF_TUPLE) ? wf_c_fold(c, e) : 0;
    if (folded)
        ok = wf_c_load_const(c, folded);
    else
        ok = !wf_err_occurred(c->t) && compile_expr_kind(c, e);
    c->u->loc = saved;
    c->depth--;
    return ok;
}
