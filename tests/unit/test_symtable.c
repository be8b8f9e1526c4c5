/* Symbol-table behaviour that the differential corpus (tests/symtable/) cannot show:
 * the lookups the compiler uses (scope by AST node, name scope in a scope), mangling,
 * interning, and the tree links. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp/parser.h"
#include "interp/symtable.h"

typedef struct built {
    wf_arena arena;
    wf_module *module;
    wf_symtable *st;
    wf_syntax_error err;
} built;

static built *build(const char *src)
{
    built *b = calloc(1, sizeof *b);
    wf_arena_init(&b->arena);
    b->module = wf_parse_module(&b->arena, src, strlen(src), "t.py", &b->err);
    assert_non_null(b->module);
    b->st = wf_symtable_build(&b->arena, b->module, &b->err);
    return b;
}

static void destroy(built *b)
{
    wf_arena_fini(&b->arena);
    free(b);
}

static const char closures[] = "def outer(p):\n"
                               "    c = 1\n"
                               "    def inner():\n"
                               "        return c + g\n"
                               "    return inner, lambda: p, [i for i in p]\n"
                               "class K:\n"
                               "    __x = 1\n"
                               "    def m(self):\n"
                               "        return super()\n";

static void
test_scope_of_finds_the_scope_each_def_class_lambda_and_comprehension_opens(void **state)
{
    (void)state;
    built *b = build(closures);
    assert_non_null(b->st);
    const wf_stmt *outer = b->module->body.items[0], *k = b->module->body.items[1];
    wf_scope *so = wf_symtable_scope_of(b->st, outer);
    assert_non_null(so);
    assert_ptr_equal(so, b->st->top->children[0]);
    assert_string_equal(so->name, "outer");
    assert_ptr_equal(so->node, outer);
    assert_ptr_equal(so->parent, b->st->top);

    const wf_stmt *inner = outer->u.funcdef.body.items[1];
    wf_scope *si = wf_symtable_scope_of(b->st, inner);
    assert_non_null(si);
    assert_ptr_equal(si->parent, so);
    assert_true(si->nested);

    const wf_expr *ret = outer->u.funcdef.body.items[2]->u.return_.value;
    const wf_expr *lambda = ret->u.tuple.elts.items[1], *comp = ret->u.tuple.elts.items[2];
    assert_string_equal(wf_symtable_scope_of(b->st, lambda)->name, "lambda");
    wf_scope *sc = wf_symtable_scope_of(b->st, comp);
    assert_string_equal(sc->name, "listcomp");
    assert_int_equal(sc->comprehension, WF_COMP_LIST);

    assert_int_equal(wf_symtable_scope_of(b->st, k)->kind, WF_SCOPE_CLASS);
    assert_ptr_equal(wf_symtable_scope_of(b->st, b->module), b->st->top);
    /* nodes that open no scope */
    assert_null(wf_symtable_scope_of(b->st, ret));
    assert_null(wf_symtable_scope_of(b->st, outer->u.funcdef.body.items[0]));
    destroy(b);
}

static void test_name_scope_reports_cells_frees_globals_and_absent_names(void **state)
{
    (void)state;
    built *b = build(closures);
    wf_scope *so = b->st->top->children[0], *si = so->children[0];
    assert_int_equal(wf_scope_name_scope(so, "c"), WF_NAME_CELL);
    assert_int_equal(wf_scope_name_scope(so, "p"), WF_NAME_CELL);
    assert_int_equal(wf_scope_name_scope(so, "inner"), WF_NAME_LOCAL);
    assert_int_equal(wf_scope_name_scope(si, "c"), WF_NAME_FREE);
    assert_int_equal(wf_scope_name_scope(si, "g"), WF_NAME_GLOBAL_IMPLICIT);
    assert_int_equal(wf_scope_name_scope(si, "nothing"), WF_NAME_NONE);
    assert_null(wf_scope_lookup(si, "nothing"));
    const wf_symbol *p = wf_scope_lookup(so, "p");
    assert_non_null(p);
    assert_true(p->flags & WF_SYM_PARAM);
    assert_int_equal(so->nparams, 1);
    assert_string_equal(so->params[0], "p");
    destroy(b);
}

static void test_class_names_are_stored_mangled_and_super_makes_a_class_cell(void **state)
{
    (void)state;
    built *b = build(closures);
    wf_scope *k = b->st->top->children[1];
    assert_int_equal(wf_scope_name_scope(k, "_K__x"), WF_NAME_LOCAL);
    assert_int_equal(wf_scope_name_scope(k, "__x"), WF_NAME_NONE);
    assert_true(k->needs_class_closure);
    assert_int_equal(wf_scope_name_scope(k->children[0], "__class__"), WF_NAME_FREE);
    destroy(b);
}

static void test_equal_names_share_one_pointer_across_scopes(void **state)
{
    (void)state;
    built *b = build(closures);
    wf_scope *so = b->st->top->children[0], *si = so->children[0];
    assert_ptr_equal(wf_scope_lookup(so, "c")->name, wf_scope_lookup(si, "c")->name);
    destroy(b);
}

static void test_mangle_follows_cpython(void **state)
{
    (void)state;
    wf_arena a;
    wf_arena_init(&a);
    assert_string_equal(wf_mangle(&a, "Foo", "__x"), "_Foo__x");
    assert_string_equal(wf_mangle(&a, "__Foo", "__x"), "_Foo__x");
    const char *same[] = {"__x__", "_x", "x", "__", "___", "__a.b"};
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++)
        assert_ptr_equal(wf_mangle(&a, "Foo", same[i]), same[i]);
    const char *name = "__x";
    assert_ptr_equal(wf_mangle(&a, "___", name), name);
    assert_ptr_equal(wf_mangle(&a, NULL, name), name);
    wf_arena_fini(&a);
}

static void test_errors_return_null_and_fill_the_error(void **state)
{
    (void)state;
    built *b = build("def f():\n    nonlocal x\n");
    assert_null(b->st);
    assert_false(b->err.no_memory);
    assert_string_equal(b->err.msg, "no binding for nonlocal 'x' found");
    assert_int_equal(b->err.lineno, 2);
    assert_int_equal(b->err.offset, 5);
    assert_int_equal(b->err.end_lineno, 2);
    assert_int_equal(b->err.end_offset, 15);
    destroy(b);
}

static void test_future_annotations_is_reported(void **state)
{
    (void)state;
    built *b = build("'''doc'''\nfrom __future__ import annotations\nx: T\n");
    assert_non_null(b->st);
    assert_true(b->st->future_features & WF_FUTURE_ANNOTATIONS);
    assert_int_equal(wf_scope_name_scope(b->st->top, "T"), WF_NAME_NONE);
    destroy(b);
}

/* Many names and scopes: the symbol indexes and node index grow without losing any. */
static void test_large_modules_keep_every_name_and_scope(void **state)
{
    (void)state;
    enum { N = 3000 };
    char *src = malloc(N * 64);
    size_t n = 0;
    for (int i = 0; i < N; i++)
        n += (size_t)sprintf(src + n, "def f%d(a%d):\n    return v%d\n", i, i, i);
    built *b = build(src);
    assert_non_null(b->st);
    assert_int_equal(b->st->top->nchildren, N);
    for (int i = 0; i < N; i += 97) {
        char name[32];
        snprintf(name, sizeof name, "f%d", i);
        assert_int_equal(wf_scope_name_scope(b->st->top, name), WF_NAME_LOCAL);
        wf_scope *s = wf_symtable_scope_of(b->st, b->module->body.items[i]);
        assert_string_equal(s->name, name);
        snprintf(name, sizeof name, "v%d", i);
        assert_int_equal(wf_scope_name_scope(s, name), WF_NAME_GLOBAL_IMPLICIT);
    }
    destroy(b);
    free(src);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(
            test_scope_of_finds_the_scope_each_def_class_lambda_and_comprehension_opens),
        cmocka_unit_test(test_name_scope_reports_cells_frees_globals_and_absent_names),
        cmocka_unit_test(test_class_names_are_stored_mangled_and_super_makes_a_class_cell),
        cmocka_unit_test(test_equal_names_share_one_pointer_across_scopes),
        cmocka_unit_test(test_mangle_follows_cpython),
        cmocka_unit_test(test_errors_return_null_and_fill_the_error),
        cmocka_unit_test(test_future_annotations_is_reported),
        cmocka_unit_test(test_large_modules_keep_every_name_and_scope),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
