/* Compiling statements: assignments, control flow (with the block unwinding that
 * break/continue/return need inside try, with and except), exception handling,
 * functions, classes and imports. The stack and block layouts of try/except/finally
 * and with are described in interp/opcode.h and at each function below. */
#include <string.h>

#include "interp/code.h"
#include "interp/compile.h"
#include "interp/opcode.h"
#include "runtime/abstract.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

#define EMIT(op, arg)   WF_C_TRY(wf_c_emit(c, WF_I_##op, (arg)))
#define JUMP(op, label) WF_C_TRY(wf_c_emit_jump(c, WF_I_##op, (label)))
#define VISIT(e)        WF_C_TRY(wf_c_expr(c, (e)))
#define LABEL(l)        WF_C_TRY(wf_c_place_label(c, (l)))
#define NEW_LABEL(l)                                                                               \
    int l = wf_c_new_label(c);                                                                     \
    if (l < 0)                                                                                     \
    return false

static bool load_name_const(wf_compiler *c, const char *s)
{
    wf_value v = wf_str_intern_cstr(c->t, s);
    return v && wf_c_load_const(c, v);
}

static bool store_plain_name(wf_compiler *c, const char *name)
{
    return wf_c_name_op(c, name, WF_STORE);
}

/* The docstring of a body: its first statement when that is a string literal. */
static const wf_expr *docstring(const wf_stmt_seq *body)
{
    if (body->n == 0)
        return NULL;
    const wf_stmt *s = body->items[0];
    if (s->kind != WF_EXPR)
        return NULL;
    const wf_expr *e = s->u.expr.value;
    return e->kind == WF_CONSTANT && e->u.constant.kind == WF_CONST_STR ? e : NULL;
}

/* ---- Unwinding blocks for break, continue and return --------------------------------- */

static bool compile_finalbody(wf_compiler *c, const wf_stmt *try_stmt);

/* Undo one block on the way out. preserve_tos: a return value sits on top of the stack
 * and must stay there. */
static bool unwind_fblock(wf_compiler *c, const wf_fblock *fb, bool preserve_tos)
{
    switch (fb->kind) {
    case WF_FB_WHILE:
        return true;
    case WF_FB_FOR:
    case WF_FB_POP_VALUE:
        if (preserve_tos)
            EMIT(SWAP, 2);
        EMIT(POP_TOP, 0);
        return true;
    case WF_FB_TRY_EXCEPT:
        EMIT(POP_BLOCK, 0);
        return true;
    case WF_FB_FINALLY_TRY:
        EMIT(POP_BLOCK, 0);
        if (!preserve_tos)
            return compile_finalbody(c, fb->datum);
        /* a break/continue/return inside the finally body must drop the value kept
         * for this return */
        WF_C_TRY(wf_c_push_fblock(c, fb->datum ? ((const wf_stmt *)fb->datum)->loc : c->u->loc,
                                  WF_FB_POP_VALUE, -1, -1, NULL));
        WF_C_TRY(compile_finalbody(c, fb->datum));
        wf_c_pop_fblock(c);
        return true;
    case WF_FB_FINALLY_END: /* [prev, exc] */
        EMIT(POP_BLOCK, 0);
        if (preserve_tos)
            EMIT(SWAP, 2);
        EMIT(POP_TOP, 0);
        if (preserve_tos)
            EMIT(SWAP, 2);
        EMIT(POP_EXCEPT, 0);
        return true;
    case WF_FB_WITH: /* [exit] */
        EMIT(POP_BLOCK, 0);
        if (preserve_tos)
            EMIT(SWAP, 2);
        EMIT(WITH_EXIT_NONE, 0);
        return true;
    case WF_FB_HANDLER: /* [prev] */
        if (fb->datum)
            EMIT(POP_BLOCK, 0);
        EMIT(POP_BLOCK, 0);
        if (preserve_tos)
            EMIT(SWAP, 2);
        EMIT(POP_EXCEPT, 0);
        if (fb->datum) {
            WF_C_TRY(wf_c_load_const(c, WF_NONE));
            WF_C_TRY(wf_c_name_op(c, fb->datum, WF_STORE));
            WF_C_TRY(wf_c_name_op(c, fb->datum, WF_DEL));
        }
        return true;
    }
    return false;
}

/* Unwind blocks from the innermost outwards. With loop != NULL, stop at the innermost
 * loop and return it in *loop (NULL if there is none). Each block is popped while its
 * unwind code is compiled, so a finally body inside it sees the right context. */
static bool unwind_fblock_stack(wf_compiler *c, bool preserve_tos, const wf_fblock **loop)
{
    wf_unit *u = c->u;
    if (u->nfblocks == 0)
        return true;
    wf_fblock *top = &u->fblocks[u->nfblocks - 1];
    if (loop && (top->kind == WF_FB_WHILE || top->kind == WF_FB_FOR)) {
        *loop = top;
        return true;
    }
    wf_fblock saved = *top;
    u->nfblocks--;
    bool ok = unwind_fblock(c, &saved, preserve_tos) && unwind_fblock_stack(c, preserve_tos, loop);
    u->fblocks[u->nfblocks++] = saved;
    return ok;
}

static bool compile_return(wf_compiler *c, const wf_stmt *s)
{
    if (c->u->scope->kind != WF_SCOPE_FUNCTION)
        return wf_c_syntax_error(c, s->loc, "'return' outside function");
    const wf_expr *v = s->u.return_.value;
    if (v)
        VISIT(v);
    else
        WF_C_TRY(wf_c_load_const(c, WF_NONE));
    WF_C_TRY(unwind_fblock_stack(c, true, NULL));
    return wf_c_emit(c, WF_I_RETURN_VALUE, 0);
}

static bool compile_break_continue(wf_compiler *c, const wf_stmt *s, bool is_break)
{
    const wf_fblock *loop = NULL;
    WF_C_TRY(unwind_fblock_stack(c, false, &loop));
    if (!loop)
        return wf_c_syntax_error(
            c, s->loc, is_break ? "'break' outside loop" : "'continue' not properly in loop");
    if (is_break) {
        WF_C_TRY(unwind_fblock(c, loop, false));
        return wf_c_emit_jump(c, WF_I_JUMP, loop->break_label);
    }
    return wf_c_emit_jump(c, WF_I_JUMP, loop->continue_label);
}

/* ---- Control flow -------------------------------------------------------------------- */

static bool compile_if(wf_compiler *c, const wf_stmt *s)
{
    NEW_LABEL(orelse);
    NEW_LABEL(end);
    WF_C_TRY(wf_c_jump_if(c, s->u.if_.test, orelse, false));
    WF_C_TRY(wf_c_body(c, &s->u.if_.body));
    if (s->u.if_.orelse.n)
        JUMP(JUMP, end);
    LABEL(orelse);
    WF_C_TRY(wf_c_body(c, &s->u.if_.orelse));
    LABEL(end);
    return true;
}

static bool compile_while(wf_compiler *c, const wf_stmt *s)
{
    NEW_LABEL(start);
    NEW_LABEL(orelse);
    NEW_LABEL(end);
    LABEL(start);
    WF_C_TRY(wf_c_jump_if(c, s->u.while_.test, orelse, false));
    WF_C_TRY(wf_c_push_fblock(c, s->loc, WF_FB_WHILE, start, end, NULL));
    WF_C_TRY(wf_c_body(c, &s->u.while_.body));
    wf_c_pop_fblock(c);
    JUMP(JUMP, start);
    LABEL(orelse);
    WF_C_TRY(wf_c_body(c, &s->u.while_.orelse));
    LABEL(end);
    return true;
}

static bool compile_for(wf_compiler *c, const wf_stmt *s)
{
    NEW_LABEL(start);
    NEW_LABEL(cleanup);
    NEW_LABEL(end);
    VISIT(s->u.for_.iter);
    EMIT(GET_ITER, 0);
    LABEL(start);
    JUMP(FOR_ITER, cleanup);
    WF_C_TRY(wf_c_store_target(c, s->u.for_.target));
    WF_C_TRY(wf_c_push_fblock(c, s->loc, WF_FB_FOR, start, end, NULL));
    WF_C_TRY(wf_c_body(c, &s->u.for_.body));
    wf_c_pop_fblock(c);
    JUMP(JUMP, start);
    LABEL(cleanup);
    WF_C_TRY(wf_c_body(c, &s->u.for_.orelse));
    LABEL(end);
    return true;
}

/* ---- Exceptions ---------------------------------------------------------------------- */

static bool compile_finalbody(wf_compiler *c, const wf_stmt *try_stmt)
{
    return wf_c_body(c, &try_stmt->u.try_.finalbody);
}

/* try/except/else. Layout:
 *     SETUP_FINALLY h; body; POP_BLOCK; orelse; JUMP end
 * h:  [exc] PUSH_EXC_INFO [prev, exc]; SETUP_CLEANUP cleanup
 *     per handler: type; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE next;
 *       store or pop exc [prev]; (SETUP_FINALLY clear_name); body; (POP_BLOCK);
 *       POP_BLOCK; POP_EXCEPT; (name = None; del name); JUMP end
 *     no match: RERAISE (through cleanup)
 * cleanup: [prev, exc2] POP_EXCEPT_AND_RERAISE */
static bool compile_handler(wf_compiler *c, const wf_excepthandler *h, int cleanup, int end)
{
    NEW_LABEL(next);
    c->u->loc = h->loc;
    if (h->type) {
        VISIT(h->type);
        EMIT(CHECK_EXC_MATCH, 0);
        JUMP(POP_JUMP_IF_FALSE, next);
    }
    if (h->name) {
        NEW_LABEL(clear_name);
        WF_C_TRY(store_plain_name(c, h->name));
        JUMP(SETUP_FINALLY, clear_name);
        WF_C_TRY(wf_c_push_fblock(c, h->loc, WF_FB_HANDLER, -1, -1, h->name));
        WF_C_TRY(wf_c_body(c, &h->body));
        wf_c_pop_fblock(c);
        EMIT(POP_BLOCK, 0);
        EMIT(POP_BLOCK, 0);
        EMIT(POP_EXCEPT, 0);
        WF_C_TRY(wf_c_load_const(c, WF_NONE));
        WF_C_TRY(wf_c_name_op(c, h->name, WF_STORE));
        WF_C_TRY(wf_c_name_op(c, h->name, WF_DEL));
        JUMP(JUMP, end);
        /* [prev, exc2]: unbind the name, then the cleanup block restores `prev` */
        LABEL(clear_name);
        WF_C_TRY(wf_c_load_const(c, WF_NONE));
        WF_C_TRY(wf_c_name_op(c, h->name, WF_STORE));
        WF_C_TRY(wf_c_name_op(c, h->name, WF_DEL));
        EMIT(RERAISE, 0);
    } else {
        EMIT(POP_TOP, 0);
        WF_C_TRY(wf_c_push_fblock(c, h->loc, WF_FB_HANDLER, -1, -1, NULL));
        WF_C_TRY(wf_c_body(c, &h->body));
        wf_c_pop_fblock(c);
        EMIT(POP_BLOCK, 0);
        EMIT(POP_EXCEPT, 0);
        JUMP(JUMP, end);
    }
    (void)cleanup;
    LABEL(next);
    return true;
}

static bool compile_try_except(wf_compiler *c, const wf_stmt *s)
{
    NEW_LABEL(handlers);
    NEW_LABEL(cleanup);
    NEW_LABEL(end);
    JUMP(SETUP_FINALLY, handlers);
    WF_C_TRY(wf_c_push_fblock(c, s->loc, WF_FB_TRY_EXCEPT, -1, -1, NULL));
    WF_C_TRY(wf_c_body(c, &s->u.try_.body));
    wf_c_pop_fblock(c);
    EMIT(POP_BLOCK, 0);
    WF_C_TRY(wf_c_body(c, &s->u.try_.orelse));
    JUMP(JUMP, end);
    LABEL(handlers);
    EMIT(PUSH_EXC_INFO, 0);
    JUMP(SETUP_CLEANUP, cleanup);
    for (size_t i = 0; i < s->u.try_.handlers.n; i++) {
        const wf_excepthandler *h = s->u.try_.handlers.items[i];
        if (!h->type && i + 1 < s->u.try_.handlers.n)
            return wf_c_syntax_error(c, h->loc, "default 'except:' must be last");
        WF_C_TRY(compile_handler(c, h, cleanup, end));
    }
    EMIT(RERAISE, 0);
    LABEL(cleanup);
    EMIT(POP_EXCEPT_AND_RERAISE, 0);
    LABEL(end);
    return true;
}

/* try/finally (around try/except when both are present). Layout:
 *     SETUP_FINALLY h; body; POP_BLOCK; finalbody; JUMP end
 * h:  [exc] PUSH_EXC_INFO; SETUP_CLEANUP cleanup; finalbody; RERAISE
 * cleanup: POP_EXCEPT_AND_RERAISE */
static bool compile_try_finally(wf_compiler *c, const wf_stmt *s)
{
    NEW_LABEL(handler);
    NEW_LABEL(cleanup);
    NEW_LABEL(end);
    JUMP(SETUP_FINALLY, handler);
    WF_C_TRY(wf_c_push_fblock(c, s->loc, WF_FB_FINALLY_TRY, -1, -1, s));
    if (s->u.try_.handlers.n)
        WF_C_TRY(compile_try_except(c, s));
    else
        WF_C_TRY(wf_c_body(c, &s->u.try_.body));
    wf_c_pop_fblock(c);
    EMIT(POP_BLOCK, 0);
    WF_C_TRY(compile_finalbody(c, s));
    JUMP(JUMP, end);
    LABEL(handler);
    EMIT(PUSH_EXC_INFO, 0);
    JUMP(SETUP_CLEANUP, cleanup);
    WF_C_TRY(wf_c_push_fblock(c, s->loc, WF_FB_FINALLY_END, -1, -1, NULL));
    WF_C_TRY(compile_finalbody(c, s));
    wf_c_pop_fblock(c);
    EMIT(RERAISE, 0);
    LABEL(cleanup);
    EMIT(POP_EXCEPT_AND_RERAISE, 0);
    LABEL(end);
    return true;
}

/* with a as x, b: one level per item. Layout of one level:
 *     mgr; BEFORE_WITH [exit, value]; store x or POP_TOP [exit]; SETUP_FINALLY h;
 *     body (next level); POP_BLOCK; WITH_EXIT_NONE; JUMP end
 * h:  [exit, exc] PUSH_EXC_INFO [exit, prev, exc]; SETUP_CLEANUP cleanup;
 *     WITH_EXCEPT_START; POP_JUMP_IF_TRUE suppress; RERAISE
 * cleanup: POP_EXCEPT_AND_RERAISE
 * suppress: [exit, prev, exc] POP_BLOCK; POP_TOP; POP_EXCEPT; POP_TOP */
static bool compile_with_item(wf_compiler *c, const wf_stmt *s, size_t i)
{
    if (i == s->u.with.items.n)
        return wf_c_body(c, &s->u.with.body);
    const wf_withitem *item = s->u.with.items.items[i];
    NEW_LABEL(handler);
    NEW_LABEL(cleanup);
    NEW_LABEL(suppress);
    NEW_LABEL(end);
    VISIT(item->context_expr);
    c->u->loc = s->loc;
    EMIT(BEFORE_WITH, 0);
    if (item->optional_vars)
        WF_C_TRY(wf_c_store_target(c, item->optional_vars));
    else
        EMIT(POP_TOP, 0);
    JUMP(SETUP_FINALLY, handler);
    WF_C_TRY(wf_c_push_fblock(c, s->loc, WF_FB_WITH, -1, -1, NULL));
    WF_C_TRY(compile_with_item(c, s, i + 1));
    wf_c_pop_fblock(c);
    c->u->loc = s->loc;
    EMIT(POP_BLOCK, 0);
    EMIT(WITH_EXIT_NONE, 0);
    JUMP(JUMP, end);
    LABEL(handler);
    EMIT(PUSH_EXC_INFO, 0);
    JUMP(SETUP_CLEANUP, cleanup);
    EMIT(WITH_EXCEPT_START, 0);
    JUMP(POP_JUMP_IF_TRUE, suppress);
    EMIT(RERAISE, 0);
    LABEL(cleanup);
    EMIT(POP_EXCEPT_AND_RERAISE, 0);
    LABEL(suppress);
    EMIT(POP_BLOCK, 0);
    EMIT(POP_TOP, 0);
    EMIT(POP_EXCEPT, 0);
    EMIT(POP_TOP, 0);
    LABEL(end);
    return true;
}

static bool compile_raise(wf_compiler *c, const wf_stmt *s)
{
    int n = 0;
    if (s->u.raise.exc) {
        VISIT(s->u.raise.exc);
        n++;
        if (s->u.raise.cause) {
            VISIT(s->u.raise.cause);
            n++;
        }
    }
    c->u->loc = s->loc;
    return wf_c_emit(c, WF_I_RAISE_VARARGS, n);
}

static bool compile_assert(wf_compiler *c, const wf_stmt *s)
{
    NEW_LABEL(end);
    WF_C_TRY(wf_c_jump_if(c, s->u.assert_.test, end, true));
    /* the traceback points at the test, as CPython 3.11's */
    c->u->loc = s->u.assert_.test->loc;
    EMIT(LOAD_ASSERTION_ERROR, 0);
    if (s->u.assert_.msg) {
        EMIT(PUSH_NULL, 0);
        VISIT(s->u.assert_.msg);
        c->u->loc = s->u.assert_.test->loc;
        EMIT(CALL, 1);
    }
    EMIT(RAISE_VARARGS, 1);
    LABEL(end);
    return true;
}

/* ---- Imports ------------------------------------------------------------------------- */

static bool compile_import(wf_compiler *c, const wf_stmt *s)
{
    for (size_t i = 0; i < s->u.import.names.n; i++) {
        const wf_alias *a = s->u.import.names.items[i];
        c->u->loc = a->loc;
        WF_C_TRY(wf_c_load_const(c, wf_smallint_box(0)));
        WF_C_TRY(wf_c_load_const(c, WF_NONE));
        int k = wf_c_add_name(c, a->name);
        if (k < 0)
            return false;
        EMIT(IMPORT_NAME, k);
        if (a->asname) {
            /* import a.b.c as d: d is the innermost module */
            const char *dot = strchr(a->name, '.');
            while (dot) {
                const char *next = strchr(dot + 1, '.');
                size_t len = next ? (size_t)(next - dot - 1) : strlen(dot + 1);
                char *part = wf_arena_strndup(c->arena, dot + 1, len);
                if (!part)
                    return wf_err_no_memory(c->t), false;
                int pk = wf_c_add_name(c, part);
                if (pk < 0)
                    return false;
                EMIT(IMPORT_FROM, pk);
                EMIT(SWAP, 2);
                EMIT(POP_TOP, 0);
                dot = next;
            }
            WF_C_TRY(store_plain_name(c, a->asname));
        } else {
            /* import a.b binds a */
            const char *dot = strchr(a->name, '.');
            const char *top =
                dot ? wf_arena_strndup(c->arena, a->name, (size_t)(dot - a->name)) : a->name;
            if (!top)
                return wf_err_no_memory(c->t), false;
            WF_C_TRY(store_plain_name(c, top));
        }
    }
    return true;
}

static bool compile_import_from(wf_compiler *c, const wf_stmt *s)
{
    size_t n = s->u.importfrom.names.n;
    wf_value fromlist = wf_tuple_new(c->t, n);
    if (!fromlist)
        return false;
    for (size_t i = 0; i < n; i++) {
        wf_value name = wf_str_intern_cstr(c->t, s->u.importfrom.names.items[i]->name);
        WF_TUPLE_ITEMS(fromlist)[i] = name ? name : WF_NONE;
        if (!name) {
            wf_value_decref(c->t, fromlist);
            return false;
        }
    }
    WF_C_TRY(wf_c_load_const(c, wf_smallint_box(s->u.importfrom.level)));
    WF_C_TRY(wf_c_load_const(c, fromlist));
    int k = wf_c_add_name(c, s->u.importfrom.module ? s->u.importfrom.module : "");
    if (k < 0)
        return false;
    EMIT(IMPORT_NAME, k);
    for (size_t i = 0; i < n; i++) {
        const wf_alias *a = s->u.importfrom.names.items[i];
        c->u->loc = a->loc;
        if (strcmp(a->name, "*") == 0) {
            if (c->u->scope->kind != WF_SCOPE_MODULE)
                return wf_c_syntax_error(c, s->loc, "import * only allowed at module level");
            EMIT(IMPORT_STAR, 0);
            return true;
        }
        int nk = wf_c_add_name(c, a->name);
        if (nk < 0)
            return false;
        EMIT(IMPORT_FROM, nk);
        WF_C_TRY(store_plain_name(c, a->asname ? a->asname : a->name));
    }
    EMIT(POP_TOP, 0);
    return true;
}

/* ---- Functions and classes ----------------------------------------------------------- */

static bool visit_decorators(wf_compiler *c, const wf_expr_seq *decorators)
{
    for (size_t i = 0; i < decorators->n; i++) {
        VISIT(decorators->items[i]);
        EMIT(PUSH_NULL, 0);
    }
    return true;
}

static bool apply_decorators(wf_compiler *c, const wf_expr_seq *decorators)
{
    for (size_t i = decorators->n; i-- > 0;) {
        c->u->loc = decorators->items[i]->loc;
        EMIT(CALL, 1);
    }
    return true;
}

static int first_line(const wf_stmt *s, const wf_expr_seq *decorators)
{
    return decorators->n ? decorators->items[0]->loc.lineno : s->loc.lineno;
}

bool wf_c_function_body(wf_compiler *c, const wf_stmt *s)
{
    const wf_arguments *a = s->u.funcdef.args;
    c->u->posonlyargcount = (int)a->posonlyargs.n;
    c->u->argcount = (int)(a->posonlyargs.n + a->args.n);
    c->u->kwonlyargcount = (int)a->kwonlyargs.n;
    const wf_expr *doc = docstring(&s->u.funcdef.body);
    /* co_consts[0] is the docstring, or None (CPython 3.11's convention) */
    wf_value first = WF_NONE;
    if (doc) {
        first = wf_str_from_utf8(c->t, doc->u.constant.text, doc->u.constant.len);
        if (!first)
            return false;
    }
    if (wf_c_add_const(c, first) < 0)
        return false;
    wf_stmt_seq body = s->u.funcdef.body;
    if (doc) {
        body.items++;
        body.n--;
    }
    WF_C_TRY(wf_c_body(c, &body));
    WF_C_TRY(wf_c_load_const(c, WF_NONE));
    return wf_c_emit(c, WF_I_RETURN_VALUE, 0);
}

static bool arg_annotations(wf_compiler *c, const wf_arg_seq *args, size_t *n)
{
    for (size_t i = 0; i < args->n; i++) {
        const wf_arg *a = args->items[i];
        if (!a->annotation)
            continue;
        const char *m = wf_c_mangle(c, a->name);
        if (!m)
            return false;
        WF_C_TRY(load_name_const(c, m));
        VISIT(a->annotation);
        (*n)++;
    }
    return true;
}

/* The __annotations__ dict of a def (MAKE_FUNCTION flag 0x04), in CPython's order:
 * parameters, positional-only parameters, *args, keyword-only, **kwargs, return. */
static bool function_annotations(wf_compiler *c, const wf_stmt *s, int *flags)
{
    const wf_arguments *a = s->u.funcdef.args;
    size_t n = 0;
    WF_C_TRY(arg_annotations(c, &a->args, &n));
    WF_C_TRY(arg_annotations(c, &a->posonlyargs, &n));
    wf_arg_seq one = {1, NULL};
    wf_arg *single[1];
    one.items = single;
    if (a->vararg) {
        single[0] = a->vararg;
        WF_C_TRY(arg_annotations(c, &one, &n));
    }
    WF_C_TRY(arg_annotations(c, &a->kwonlyargs, &n));
    if (a->kwarg) {
        single[0] = a->kwarg;
        WF_C_TRY(arg_annotations(c, &one, &n));
    }
    if (s->u.funcdef.returns) {
        WF_C_TRY(load_name_const(c, "return"));
        VISIT(s->u.funcdef.returns);
        n++;
    }
    if (n) {
        EMIT(BUILD_MAP, (int)n);
        *flags |= 0x04;
    }
    return true;
}

static bool compile_funcdef(wf_compiler *c, const wf_stmt *s)
{
    if (s->kind == WF_ASYNCFUNCTIONDEF)
        return wf_err_set(c->t, &wf_exc_NotImplementedError, "'async def' is not supported yet"),
               false;
    WF_C_TRY(visit_decorators(c, &s->u.funcdef.decorators));
    int flags = 0;
    WF_C_TRY(wf_c_defaults(c, s->u.funcdef.args, &flags));
    WF_C_TRY(function_annotations(c, s, &flags));
    WF_C_TRY(wf_c_enter_unit(c, s, s->u.funcdef.name, first_line(s, &s->u.funcdef.decorators)));
    if (!wf_c_function_body(c, s))
        return false;
    wf_value code = wf_c_exit_unit(c);
    if (!code)
        return false;
    c->u->loc = s->loc;
    WF_C_TRY(wf_c_make_closure(c, code, flags));
    WF_C_TRY(apply_decorators(c, &s->u.funcdef.decorators));
    return store_plain_name(c, s->u.funcdef.name);
}

/* The class body runs as a function whose locals are the namespace __build_class__
 * gives it; it records __module__ and __qualname__ first and, when a method uses
 * super() or __class__, returns the __class__ cell so type creation can fill it. */
static bool class_body(wf_compiler *c, const wf_stmt *s)
{
    WF_C_TRY(wf_c_name_op(c, "__name__", WF_LOAD));
    WF_C_TRY(store_plain_name(c, "__module__"));
    WF_C_TRY(load_name_const(c, c->u->qualname));
    WF_C_TRY(store_plain_name(c, "__qualname__"));
    WF_C_TRY(wf_c_body(c, &s->u.classdef.body));
    int cell = wf_c_slot(c, "__class__");
    if (c->u->scope->needs_class_closure && cell >= 0) {
        EMIT(LOAD_CLOSURE, cell);
        EMIT(COPY, 1);
        WF_C_TRY(store_plain_name(c, "__classcell__"));
    } else {
        WF_C_TRY(wf_c_load_const(c, WF_NONE));
    }
    return wf_c_emit(c, WF_I_RETURN_VALUE, 0);
}

static bool compile_classdef(wf_compiler *c, const wf_stmt *s)
{
    WF_C_TRY(visit_decorators(c, &s->u.classdef.decorators));
    EMIT(LOAD_BUILD_CLASS, 0);
    EMIT(PUSH_NULL, 0);
    WF_C_TRY(wf_c_enter_unit(c, s, s->u.classdef.name, first_line(s, &s->u.classdef.decorators)));
    if (!class_body(c, s))
        return false;
    wf_value code = wf_c_exit_unit(c);
    if (!code)
        return false;
    c->u->loc = s->loc;
    WF_C_TRY(wf_c_make_closure(c, code, 0));
    WF_C_TRY(load_name_const(c, s->u.classdef.name));
    WF_C_TRY(wf_c_call_helper(c, 2, &s->u.classdef.bases, &s->u.classdef.keywords));
    WF_C_TRY(apply_decorators(c, &s->u.classdef.decorators));
    return store_plain_name(c, s->u.classdef.name);
}

/* ---- Assignments --------------------------------------------------------------------- */

static bool compile_assign(wf_compiler *c, const wf_stmt *s)
{
    VISIT(s->u.assign.value);
    size_t n = s->u.assign.targets.n;
    for (size_t i = 0; i < n; i++) {
        if (i + 1 < n)
            EMIT(COPY, 1);
        WF_C_TRY(wf_c_store_target(c, s->u.assign.targets.items[i]));
    }
    return true;
}

static int inplace_op(enum wf_binop op)
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
    return WF_NB_INPLACE + map[op];
}

/* x op= v: the target's container and key are evaluated once (COPY), as CPython. */
static bool compile_augassign(wf_compiler *c, const wf_stmt *s)
{
    const wf_expr *t = s->u.augassign.target;
    int op = inplace_op(s->u.augassign.op);
    switch (t->kind) {
    case WF_NAME:
        WF_C_TRY(wf_c_name_op(c, t->u.name.id, WF_LOAD));
        VISIT(s->u.augassign.value);
        EMIT(BINARY_OP, op);
        return wf_c_name_op(c, t->u.name.id, WF_STORE);
    case WF_ATTRIBUTE: {
        const char *m = wf_c_mangle(c, t->u.attribute.attr);
        int k = m ? wf_c_add_name(c, m) : -1;
        if (k < 0)
            return false;
        VISIT(t->u.attribute.value);
        EMIT(COPY, 1);
        c->u->loc = t->loc;
        EMIT(LOAD_ATTR, k);
        VISIT(s->u.augassign.value);
        c->u->loc = s->loc;
        EMIT(BINARY_OP, op);
        EMIT(SWAP, 2);
        c->u->loc = t->loc;
        EMIT(STORE_ATTR, k);
        return true;
    }
    case WF_SUBSCRIPT:
        VISIT(t->u.subscript.value);
        VISIT(t->u.subscript.slice);
        EMIT(COPY, 2);
        EMIT(COPY, 2);
        c->u->loc = t->loc;
        EMIT(BINARY_SUBSCR, 0);
        VISIT(s->u.augassign.value);
        c->u->loc = s->loc;
        EMIT(BINARY_OP, op);
        EMIT(SWAP, 3);
        EMIT(SWAP, 2);
        c->u->loc = t->loc;
        EMIT(STORE_SUBSCR, 0);
        return true;
    default:
        return wf_c_syntax_error(c, t->loc, "illegal expression for augmented assignment");
    }
}

/* x: T = v. In a module or class a simple name's annotation is evaluated and stored in
 * __annotations__ (after the value is assigned); functions do not evaluate it. */
static bool compile_annassign(wf_compiler *c, const wf_stmt *s)
{
    const wf_expr *target = s->u.annassign.target;
    if (s->u.annassign.value) {
        VISIT(s->u.annassign.value);
        WF_C_TRY(wf_c_store_target(c, target));
    }
    enum wf_scope_kind sk = c->u->scope->kind;
    if (target->kind != WF_NAME || !s->u.annassign.simple || sk == WF_SCOPE_FUNCTION)
        return true;
    const char *m = wf_c_mangle(c, target->u.name.id);
    if (!m)
        return false;
    VISIT(s->u.annassign.annotation);
    WF_C_TRY(wf_c_name_op(c, "__annotations__", WF_LOAD));
    WF_C_TRY(load_name_const(c, m));
    return wf_c_emit(c, WF_I_STORE_SUBSCR, 0);
}

/* Whether a module or class body has annotated assignments (outside nested scopes),
 * so it needs SETUP_ANNOTATIONS first (CPython's find_ann). */
static bool find_ann(const wf_stmt_seq *body)
{
    for (size_t i = 0; i < body->n; i++) {
        const wf_stmt *s = body->items[i];
        switch (s->kind) {
        case WF_ANNASSIGN:
            return true;
        case WF_FOR:
        case WF_ASYNCFOR:
            if (find_ann(&s->u.for_.body) || find_ann(&s->u.for_.orelse))
                return true;
            break;
        case WF_WHILE:
            if (find_ann(&s->u.while_.body) || find_ann(&s->u.while_.orelse))
                return true;
            break;
        case WF_IF:
            if (find_ann(&s->u.if_.body) || find_ann(&s->u.if_.orelse))
                return true;
            break;
        case WF_WITH:
        case WF_ASYNCWITH:
            if (find_ann(&s->u.with.body))
                return true;
            break;
        case WF_TRY:
            if (find_ann(&s->u.try_.body) || find_ann(&s->u.try_.orelse) ||
                find_ann(&s->u.try_.finalbody))
                return true;
            for (size_t j = 0; j < s->u.try_.handlers.n; j++)
                if (find_ann(&s->u.try_.handlers.items[j]->body))
                    return true;
            break;
        default:
            break;
        }
    }
    return false;
}

static bool compile_expr_stmt(wf_compiler *c, const wf_stmt *s)
{
    const wf_expr *e = s->u.expr.value;
    if (c->mode == WF_MODE_SINGLE && c->u->scope->kind == WF_SCOPE_MODULE) {
        VISIT(e);
        return wf_c_emit(c, WF_I_PRINT_EXPR, 0);
    }
    if (e->kind == WF_CONSTANT) /* a docstring or a bare literal: no effect */
        return true;
    VISIT(e);
    return wf_c_emit(c, WF_I_POP_TOP, 0);
}

/* ---- Dispatch ------------------------------------------------------------------------ */

static bool compile_stmt_kind(wf_compiler *c, const wf_stmt *s)
{
    switch (s->kind) {
    case WF_FUNCTIONDEF:
    case WF_ASYNCFUNCTIONDEF:
        return compile_funcdef(c, s);
    case WF_CLASSDEF:
        return compile_classdef(c, s);
    case WF_RETURN:
        return compile_return(c, s);
    case WF_DELETE:
        for (size_t i = 0; i < s->u.delete_.targets.n; i++)
            WF_C_TRY(wf_c_delete_target(c, s->u.delete_.targets.items[i]));
        return true;
    case WF_ASSIGN:
        return compile_assign(c, s);
    case WF_AUGASSIGN:
        return compile_augassign(c, s);
    case WF_ANNASSIGN:
        return compile_annassign(c, s);
    case WF_FOR:
        return compile_for(c, s);
    case WF_WHILE:
        return compile_while(c, s);
    case WF_IF:
        return compile_if(c, s);
    case WF_WITH:
        return compile_with_item(c, s, 0);
    case WF_ASYNCFOR:
    case WF_ASYNCWITH:
        return wf_err_set(c->t, &wf_exc_NotImplementedError,
                          "async statements are not supported yet"),
               false;
    case WF_RAISE:
        return compile_raise(c, s);
    case WF_TRY:
        return s->u.try_.finalbody.n ? compile_try_finally(c, s) : compile_try_except(c, s);
    case WF_ASSERT:
        return compile_assert(c, s);
    case WF_IMPORT:
        return compile_import(c, s);
    case WF_IMPORTFROM:
        return compile_import_from(c, s);
    case WF_GLOBAL:
    case WF_NONLOCAL:
    case WF_PASS:
        return true;
    case WF_EXPR:
        return compile_expr_stmt(c, s);
    case WF_BREAK:
        return compile_break_continue(c, s, true);
    case WF_CONTINUE:
        return compile_break_continue(c, s, false);
    }
    return wf_err_set(c->t, &wf_exc_SystemError, "compiler: unknown statement"), false;
}

bool wf_c_stmt(wf_compiler *c, const wf_stmt *s)
{
    if (++c->depth > WF_COMPILER_MAX_DEPTH) {
        c->depth--;
        return wf_err_set(c->t, &wf_exc_RecursionError,
                          "maximum recursion depth exceeded during compilation"),
               false;
    }
    c->u->loc = s->loc;
    bool ok = compile_stmt_kind(c, s);
    c->depth--;
    return ok;
}

/* A statement list; a module's or class's docstring is stored as __doc__. */
bool wf_c_body(wf_compiler *c, const wf_stmt_seq *body)
{
    size_t start = 0;
    const wf_scope *sc = c->u->scope;
    const wf_stmt_seq *own = NULL; /* the body of the unit itself */
    if (sc->kind == WF_SCOPE_MODULE)
        own = &((const wf_module *)sc->node)->body;
    else if (sc->kind == WF_SCOPE_CLASS)
        own = &((const wf_stmt *)sc->node)->u.classdef.body;
    if (body == own && find_ann(body))
        EMIT(SETUP_ANNOTATIONS, 0);
    const wf_expr *doc = body == own && c->mode != WF_MODE_SINGLE ? docstring(body) : NULL;
    if (doc) {
        c->u->loc = body->items[0]->loc;
        wf_value v = wf_str_from_utf8(c->t, doc->u.constant.text, doc->u.constant.len);
        if (!v || !wf_c_load_const(c, v))
            return false;
        WF_C_TRY(store_plain_name(c, "__doc__"));
        start = 1;
    }
    for (size_t i = start; i < body->n; i++)
        WF_C_TRY(wf_c_stmt(c, body->items[i]));
    return true;
}
