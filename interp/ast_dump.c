/* wf_ast_dump: the tree as text, in the format of tests/parser/expected.py (the ast
 * module's dump with locations), for the differential parser tests and debugging. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "runtime/unicode_db.h"
#include "runtime/utf8.h"

typedef struct out {
    char *s;
    size_t n, cap;
    bool nomem;
} out;

static void put(out *o, const char *s, size_t n)
{
    if (o->nomem)
        return;
    if (o->n + n + 1 > o->cap) {
        size_t cap = (o->n + n + 1) * 2;
        char *ns = realloc(o->s, cap);
        if (!ns) {
            o->nomem = true;
            return;
        }
        o->s = ns;
        o->cap = cap;
    }
    memcpy(o->s + o->n, s, n);
    o->n += n;
    o->s[o->n] = '\0';
}

static void puts_(out *o, const char *s)
{
    put(o, s, strlen(s));
}

static void printf_(out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void printf_(out *o, const char *fmt, ...)
{
    char buf[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    put(o, buf, (size_t)n);
}

/* Python's repr() of a str (UTF-8) or bytes value. */
static void repr_string(out *o, const char *s, size_t n, bool bytes)
{
    bool squote = memchr(s, '\'', n) != NULL, dquote = memchr(s, '"', n) != NULL;
    char q = squote && !dquote ? '"' : '\'';
    if (bytes)
        puts_(o, "b");
    put(o, &q, 1);
    const char *end = s + n;
    while (s < end) {
        uint32_t cp = (unsigned char)*s;
        int len = 1;
        if (!bytes && cp >= 0x80) {
            len = wf_utf8_decode_str(s, end, &cp);
            if (len == 0) /* not produced by the parser; show the byte rather than loop */
                len = 1, cp = (unsigned char)*s;
        }
        if (cp == '\\' || cp == (uint32_t)q)
            printf_(o, "\\%c", (char)cp);
        else if (cp == '\t')
            puts_(o, "\\t");
        else if (cp == '\n')
            puts_(o, "\\n");
        else if (cp == '\r')
            puts_(o, "\\r");
        else if (cp < 0x20 || cp == 0x7F || (bytes && cp >= 0x80))
            printf_(o, "\\x%02x", cp);
        else if (cp < 0x80 || wf_unicode_is_printable(cp))
            put(o, s, (size_t)len);
        else if (cp < 0x100)
            printf_(o, "\\x%02x", cp);
        else if (cp < 0x10000)
            printf_(o, "\\u%04x", cp);
        else
            printf_(o, "\\U%08x", cp);
        s += len;
    }
    put(o, &q, 1);
}

static void dump_expr(out *o, const wf_expr *e, bool in_fstring);
static void dump_stmt(out *o, const wf_stmt *s);

static void loc(out *o, wf_loc l)
{
    printf_(o, "@%d:%d-%d:%d", l.lineno, l.col, l.end_lineno, l.end_col);
}

static void name_or_none(out *o, const char *s)
{
    if (s)
        repr_string(o, s, strlen(s), false);
    else
        puts_(o, "None");
}

static void expr_or_none(out *o, const wf_expr *e, bool in_fstring)
{
    if (e)
        dump_expr(o, e, in_fstring);
    else
        puts_(o, "None");
}

static void exprs(out *o, const wf_expr_seq *seq, bool in_fstring)
{
    puts_(o, "[");
    for (size_t i = 0; i < seq->n; i++) {
        if (i)
            puts_(o, ", ");
        expr_or_none(o, seq->items[i], in_fstring);
    }
    puts_(o, "]");
}

static void stmts(out *o, const wf_stmt_seq *seq)
{
    puts_(o, "[");
    for (size_t i = 0; i < seq->n; i++) {
        if (i)
            puts_(o, ", ");
        dump_stmt(o, seq->items[i]);
    }
    puts_(o, "]");
}

static const char *const ctx_names[] = {"Load()", "Store()", "Del()"};
static const char *const binop_names[] = {
    "Add()",    "Sub()",    "Mult()",  "MatMult()", "Div()",    "Mod()",     "Pow()",
    "LShift()", "RShift()", "BitOr()", "BitXor()",  "BitAnd()", "FloorDiv()"};
static const char *const unop_names[] = {"Invert()", "Not()", "UAdd()", "USub()"};
static const char *const cmp_names[] = {"Eq()",  "NotEq()", "Lt()",    "LtE()", "Gt()",
                                        "GtE()", "Is()",    "IsNot()", "In()",  "NotIn()"};

static void arg(out *o, const wf_arg *a)
{
    if (!a) {
        puts_(o, "None");
        return;
    }
    puts_(o, "arg");
    loc(o, a->loc);
    puts_(o, "(arg=");
    name_or_none(o, a->name);
    puts_(o, ", annotation=");
    expr_or_none(o, a->annotation, false);
    puts_(o, ")");
}

static void args_list(out *o, const wf_arg_seq *seq)
{
    puts_(o, "[");
    for (size_t i = 0; i < seq->n; i++) {
        if (i)
            puts_(o, ", ");
        arg(o, seq->items[i]);
    }
    puts_(o, "]");
}

static void arguments(out *o, const wf_arguments *a)
{
    puts_(o, "arguments(posonlyargs=");
    args_list(o, &a->posonlyargs);
    puts_(o, ", args=");
    args_list(o, &a->args);
    puts_(o, ", vararg=");
    arg(o, a->vararg);
    puts_(o, ", kwonlyargs=");
    args_list(o, &a->kwonlyargs);
    puts_(o, ", kw_defaults=");
    exprs(o, &a->kw_defaults, false);
    puts_(o, ", kwarg=");
    arg(o, a->kwarg);
    puts_(o, ", defaults=");
    exprs(o, &a->defaults, false);
    puts_(o, ")");
}

static void keywords(out *o, const wf_keyword_seq *seq, bool in_fstring)
{
    puts_(o, "[");
    for (size_t i = 0; i < seq->n; i++) {
        const wf_keyword *k = seq->items[i];
        if (i)
            puts_(o, ", ");
        puts_(o, "keyword");
        if (!in_fstring)
            loc(o, k->loc);
        puts_(o, "(arg=");
        name_or_none(o, k->arg);
        puts_(o, ", value=");
        dump_expr(o, k->value, in_fstring);
        puts_(o, ")");
    }
    puts_(o, "]");
}

static void generators(out *o, const wf_comprehension_seq *seq, bool in_fstring)
{
    puts_(o, "[");
    for (size_t i = 0; i < seq->n; i++) {
        const wf_comprehension *c = seq->items[i];
        if (i)
            puts_(o, ", ");
        puts_(o, "comprehension(target=");
        dump_expr(o, c->target, in_fstring);
        puts_(o, ", iter=");
        dump_expr(o, c->iter, in_fstring);
        puts_(o, ", ifs=");
        exprs(o, &c->ifs, in_fstring);
        printf_(o, ", is_async=%d)", c->is_async);
    }
    puts_(o, "]");
}

static void constant(out *o, const wf_expr *e)
{
    switch (e->u.constant.kind) {
    case WF_CONST_NONE:
        puts_(o, "None");
        break;
    case WF_CONST_TRUE:
        puts_(o, "True");
        break;
    case WF_CONST_FALSE:
        puts_(o, "False");
        break;
    case WF_CONST_ELLIPSIS:
        puts_(o, "Ellipsis");
        break;
    case WF_CONST_INT:
    case WF_CONST_FLOAT:
    case WF_CONST_IMAG:
        put(o, e->u.constant.text, e->u.constant.len);
        break;
    case WF_CONST_STR:
    case WF_CONST_BYTES:
        repr_string(o, e->u.constant.text, e->u.constant.len, e->u.constant.kind == WF_CONST_BYTES);
        break;
    }
}

/* Write "Name@loc(" (or "Name(" inside an f-string). */
static void head(out *o, const char *name, wf_loc l, bool in_fstring)
{
    puts_(o, name);
    if (!in_fstring)
        loc(o, l);
    puts_(o, "(");
}

static void dump_expr(out *o, const wf_expr *e, bool f)
{
    static const char *const names[] = {
        "BoolOp",    "NamedExpr", "BinOp",     "UnaryOp",   "Lambda",   "IfExp",
        "Dict",      "Set",       "ListComp",  "SetComp",   "DictComp", "GeneratorExp",
        "Await",     "Yield",     "YieldFrom", "Compare",   "Call",     "FormattedValue",
        "JoinedStr", "Constant",  "Attribute", "Subscript", "Starred",  "Name",
        "List",      "Tuple",     "Slice"};
    head(o, names[e->kind], e->loc, f);
    bool inner = f || e->kind == WF_JOINEDSTR;
    switch (e->kind) {
    case WF_BOOLOP:
        printf_(o, "op=%s, values=", e->u.boolop.op == WF_AND ? "And()" : "Or()");
        exprs(o, &e->u.boolop.values, f);
        break;
    case WF_NAMEDEXPR:
        puts_(o, "target=");
        dump_expr(o, e->u.namedexpr.target, f);
        puts_(o, ", value=");
        dump_expr(o, e->u.namedexpr.value, f);
        break;
    case WF_BINOP:
        puts_(o, "left=");
        dump_expr(o, e->u.binop.left, f);
        printf_(o, ", op=%s, right=", binop_names[e->u.binop.op]);
        dump_expr(o, e->u.binop.right, f);
        break;
    case WF_UNARYOP:
        printf_(o, "op=%s, operand=", unop_names[e->u.unaryop.op]);
        dump_expr(o, e->u.unaryop.operand, f);
        break;
    case WF_LAMBDA:
        puts_(o, "args=");
        arguments(o, e->u.lambda.args);
        puts_(o, ", body=");
        dump_expr(o, e->u.lambda.body, f);
        break;
    case WF_IFEXP:
        puts_(o, "test=");
        dump_expr(o, e->u.ifexp.test, f);
        puts_(o, ", body=");
        dump_expr(o, e->u.ifexp.body, f);
        puts_(o, ", orelse=");
        dump_expr(o, e->u.ifexp.orelse, f);
        break;
    case WF_DICT:
        puts_(o, "keys=");
        exprs(o, &e->u.dict.keys, f);
        puts_(o, ", values=");
        exprs(o, &e->u.dict.values, f);
        break;
    case WF_SET:
        puts_(o, "elts=");
        exprs(o, &e->u.set.elts, f);
        break;
    case WF_LISTCOMP:
    case WF_SETCOMP:
    case WF_GENERATOREXP:
    case WF_DICTCOMP:
        puts_(o, e->kind == WF_DICTCOMP ? "key=" : "elt=");
        dump_expr(o, e->u.comp.elt, f);
        if (e->kind == WF_DICTCOMP) {
            puts_(o, ", value=");
            dump_expr(o, e->u.comp.value, f);
        }
        puts_(o, ", generators=");
        generators(o, &e->u.comp.generators, f);
        break;
    case WF_AWAIT:
    case WF_YIELD:
    case WF_YIELDFROM:
        puts_(o, "value=");
        expr_or_none(o, e->u.yield.value, f);
        break;
    case WF_COMPARE:
        puts_(o, "left=");
        dump_expr(o, e->u.compare.left, f);
        puts_(o, ", ops=[");
        for (size_t i = 0; i < e->u.compare.n; i++)
            printf_(o, "%s%s", i ? ", " : "", cmp_names[e->u.compare.ops[i]]);
        puts_(o, "], comparators=[");
        for (size_t i = 0; i < e->u.compare.n; i++) {
            if (i)
                puts_(o, ", ");
            dump_expr(o, e->u.compare.comparators[i], f);
        }
        puts_(o, "]");
        break;
    case WF_CALL:
        puts_(o, "func=");
        dump_expr(o, e->u.call.func, f);
        puts_(o, ", args=");
        exprs(o, &e->u.call.args, f);
        puts_(o, ", keywords=");
        keywords(o, &e->u.call.keywords, f);
        break;
    case WF_FORMATTEDVALUE:
        puts_(o, "value=");
        dump_expr(o, e->u.formatted.value, f);
        printf_(o, ", conversion=%d, format_spec=", e->u.formatted.conversion);
        expr_or_none(o, e->u.formatted.format_spec, f);
        break;
    case WF_JOINEDSTR:
        puts_(o, "values=");
        exprs(o, &e->u.joinedstr.values, inner);
        break;
    case WF_CONSTANT:
        puts_(o, "value=");
        constant(o, e);
        puts_(o, e->u.constant.u_prefix ? ", kind='u'" : ", kind=None");
        break;
    case WF_ATTRIBUTE:
        puts_(o, "value=");
        dump_expr(o, e->u.attribute.value, f);
        puts_(o, ", attr=");
        name_or_none(o, e->u.attribute.attr);
        printf_(o, ", ctx=%s", ctx_names[e->u.attribute.ctx]);
        break;
    case WF_SUBSCRIPT:
        puts_(o, "value=");
        dump_expr(o, e->u.subscript.value, f);
        puts_(o, ", slice=");
        dump_expr(o, e->u.subscript.slice, f);
        printf_(o, ", ctx=%s", ctx_names[e->u.subscript.ctx]);
        break;
    case WF_STARRED:
        puts_(o, "value=");
        dump_expr(o, e->u.starred.value, f);
        printf_(o, ", ctx=%s", ctx_names[e->u.starred.ctx]);
        break;
    case WF_NAME:
        puts_(o, "id=");
        name_or_none(o, e->u.name.id);
        printf_(o, ", ctx=%s", ctx_names[e->u.name.ctx]);
        break;
    case WF_LIST:
    case WF_TUPLE:
        puts_(o, "elts=");
        exprs(o, &e->u.tuple.elts, f);
        printf_(o, ", ctx=%s", ctx_names[e->u.tuple.ctx]);
        break;
    case WF_SLICE:
        puts_(o, "lower=");
        expr_or_none(o, e->u.slice.lower, f);
        puts_(o, ", upper=");
        expr_or_none(o, e->u.slice.upper, f);
        puts_(o, ", step=");
        expr_or_none(o, e->u.slice.step, f);
        break;
    }
    puts_(o, ")");
}

static void aliases(out *o, const wf_alias_seq *seq)
{
    puts_(o, "[");
    for (size_t i = 0; i < seq->n; i++) {
        if (i)
            puts_(o, ", ");
        head(o, "alias", seq->items[i]->loc, false);
        puts_(o, "name=");
        name_or_none(o, seq->items[i]->name);
        puts_(o, ", asname=");
        name_or_none(o, seq->items[i]->asname);
        puts_(o, ")");
    }
    puts_(o, "]");
}

static void dump_stmt(out *o, const wf_stmt *s)
{
    static const char *const names[] = {
        "FunctionDef", "AsyncFunctionDef", "ClassDef", "Return",   "Delete", "Assign",
        "AugAssign",   "AnnAssign",        "For",      "AsyncFor", "While",  "If",
        "With",        "AsyncWith",        "Raise",    "Try",      "Assert", "Import",
        "ImportFrom",  "Global",           "Nonlocal", "Expr",     "Pass",   "Break",
        "Continue"};
    head(o, names[s->kind], s->loc, false);
    switch (s->kind) {
    case WF_FUNCTIONDEF:
    case WF_ASYNCFUNCTIONDEF:
        puts_(o, "name=");
        name_or_none(o, s->u.funcdef.name);
        puts_(o, ", args=");
        arguments(o, s->u.funcdef.args);
        puts_(o, ", body=");
        stmts(o, &s->u.funcdef.body);
        puts_(o, ", decorator_list=");
        exprs(o, &s->u.funcdef.decorators, false);
        puts_(o, ", returns=");
        expr_or_none(o, s->u.funcdef.returns, false);
        break;
    case WF_CLASSDEF:
        puts_(o, "name=");
        name_or_none(o, s->u.classdef.name);
        puts_(o, ", bases=");
        exprs(o, &s->u.classdef.bases, false);
        puts_(o, ", keywords=");
        keywords(o, &s->u.classdef.keywords, false);
        puts_(o, ", body=");
        stmts(o, &s->u.classdef.body);
        puts_(o, ", decorator_list=");
        exprs(o, &s->u.classdef.decorators, false);
        break;
    case WF_RETURN:
    case WF_EXPR:
        puts_(o, "value=");
        expr_or_none(o, s->u.expr.value, false);
        break;
    case WF_DELETE:
        puts_(o, "targets=");
        exprs(o, &s->u.delete_.targets, false);
        break;
    case WF_ASSIGN:
        puts_(o, "targets=");
        exprs(o, &s->u.assign.targets, false);
        puts_(o, ", value=");
        dump_expr(o, s->u.assign.value, false);
        break;
    case WF_AUGASSIGN:
        puts_(o, "target=");
        dump_expr(o, s->u.augassign.target, false);
        printf_(o, ", op=%s, value=", binop_names[s->u.augassign.op]);
        dump_expr(o, s->u.augassign.value, false);
        break;
    case WF_ANNASSIGN:
        puts_(o, "target=");
        dump_expr(o, s->u.annassign.target, false);
        puts_(o, ", annotation=");
        dump_expr(o, s->u.annassign.annotation, false);
        puts_(o, ", value=");
        expr_or_none(o, s->u.annassign.value, false);
        printf_(o, ", simple=%d", s->u.annassign.simple);
        break;
    case WF_FOR:
    case WF_ASYNCFOR:
        puts_(o, "target=");
        dump_expr(o, s->u.for_.target, false);
        puts_(o, ", iter=");
        dump_expr(o, s->u.for_.iter, false);
        puts_(o, ", body=");
        stmts(o, &s->u.for_.body);
        puts_(o, ", orelse=");
        stmts(o, &s->u.for_.orelse);
        break;
    case WF_WHILE:
    case WF_IF:
        puts_(o, "test=");
        dump_expr(o, s->u.if_.test, false);
        puts_(o, ", body=");
        stmts(o, &s->u.if_.body);
        puts_(o, ", orelse=");
        stmts(o, &s->u.if_.orelse);
        break;
    case WF_WITH:
    case WF_ASYNCWITH:
        puts_(o, "items=[");
        for (size_t i = 0; i < s->u.with.items.n; i++) {
            puts_(o, i ? ", withitem(context_expr=" : "withitem(context_expr=");
            dump_expr(o, s->u.with.items.items[i]->context_expr, false);
            puts_(o, ", optional_vars=");
            expr_or_none(o, s->u.with.items.items[i]->optional_vars, false);
            puts_(o, ")");
        }
        puts_(o, "], body=");
        stmts(o, &s->u.with.body);
        break;
    case WF_RAISE:
        puts_(o, "exc=");
        expr_or_none(o, s->u.raise.exc, false);
        puts_(o, ", cause=");
        expr_or_none(o, s->u.raise.cause, false);
        break;
    case WF_TRY:
        puts_(o, "body=");
        stmts(o, &s->u.try_.body);
        puts_(o, ", handlers=[");
        for (size_t i = 0; i < s->u.try_.handlers.n; i++) {
            const wf_excepthandler *h = s->u.try_.handlers.items[i];
            if (i)
                puts_(o, ", ");
            head(o, "ExceptHandler", h->loc, false);
            puts_(o, "type=");
            expr_or_none(o, h->type, false);
            puts_(o, ", name=");
            name_or_none(o, h->name);
            puts_(o, ", body=");
            stmts(o, &h->body);
            puts_(o, ")");
        }
        puts_(o, "], orelse=");
        stmts(o, &s->u.try_.orelse);
        puts_(o, ", finalbody=");
        stmts(o, &s->u.try_.finalbody);
        break;
    case WF_ASSERT:
        puts_(o, "test=");
        dump_expr(o, s->u.assert_.test, false);
        puts_(o, ", msg=");
        expr_or_none(o, s->u.assert_.msg, false);
        break;
    case WF_IMPORT:
        puts_(o, "names=");
        aliases(o, &s->u.import.names);
        break;
    case WF_IMPORTFROM:
        puts_(o, "module=");
        name_or_none(o, s->u.importfrom.module);
        puts_(o, ", names=");
        aliases(o, &s->u.importfrom.names);
        printf_(o, ", level=%d", s->u.importfrom.level);
        break;
    case WF_GLOBAL:
    case WF_NONLOCAL:
        puts_(o, "names=[");
        for (size_t i = 0; i < s->u.global.names.n; i++) {
            if (i)
                puts_(o, ", ");
            name_or_none(o, s->u.global.names.items[i]);
        }
        puts_(o, "]");
        break;
    case WF_PASS:
    case WF_BREAK:
    case WF_CONTINUE:
        break;
    }
    puts_(o, ")");
}

char *wf_ast_dump(const wf_module *m)
{
    out o = {0};
    for (size_t i = 0; i < m->body.n; i++) {
        dump_stmt(&o, m->body.items[i]);
        puts_(&o, "\n");
    }
    if (o.nomem || !o.s) {
        free(o.s);
        return o.nomem ? NULL : calloc(1, 1);
    }
    return o.s;
}
