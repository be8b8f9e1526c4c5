/* The compiler: AST + symbol table -> code objects.
 *
 * compile.c holds the unit (one per code object being built), instruction emission,
 * constants and names, and the assembler (jump sizes, inline caches, stack depth,
 * location table); compile_expr.c and compile_stmt.c walk expressions and statements.
 * The part below "Internal" is shared by those three files only. */
#ifndef WF_COMPILE_H
#define WF_COMPILE_H

#include "interp/arena.h"
#include "interp/ast.h"
#include "interp/parser.h"
#include "interp/symtable.h"
#include "runtime/object.h"

enum wf_compile_mode { WF_MODE_EXEC, WF_MODE_EVAL, WF_MODE_SINGLE };

/* Compile a module's AST (its symbol table already built) to a code object. For "eval"
 * mode the module must hold one expression statement. A SyntaxError the compiler
 * detects ('return' outside function, ...) returns 0 with err->msg set and no exception
 * (err->offset is the 1-based *byte* column: the caller converts it); any other failure
 * returns 0 with the exception set and err->msg empty. */
wf_value wf_compile_ast(wf_thread *t, wf_arena *arena, const wf_module *m, wf_symtable *st,
                        const char *filename, enum wf_compile_mode mode, wf_syntax_error *err);

/* ---- Internal ------------------------------------------------------------------------ */

typedef struct wf_instr {
    uint8_t op;
    int arg;
    int target; /* label id for jumps, else -1 */
    wf_loc loc;
} wf_instr;

/* What a break, continue or return has to undo on its way out of a block. */
enum wf_fblock_kind {
    WF_FB_WHILE,
    WF_FB_FOR,         /* the iterator is on the stack */
    WF_FB_TRY_EXCEPT,  /* inside `try:` of try/except: a SETUP_FINALLY block */
    WF_FB_FINALLY_TRY, /* inside `try:` of try/finally: run the finally body */
    WF_FB_FINALLY_END, /* inside the finally handler: [prev, exc] and a cleanup block */
    WF_FB_WITH,        /* [exit] and a SETUP_FINALLY block */
    WF_FB_HANDLER,     /* inside `except`: [prev], a cleanup block; datum: the `as` name or NULL */
    WF_FB_POP_VALUE,   /* one value to pop (a comprehension's iterator...) */
};

typedef struct wf_fblock {
    enum wf_fblock_kind kind;
    int continue_label, break_label;
    const void *datum; /* FINALLY_TRY: the try statement; HANDLER: the name */
} wf_fblock;

#define WF_MAX_FBLOCKS 20 /* CPython's limit: "too many statically nested blocks" */

typedef struct wf_unit {
    struct wf_unit *parent;
    wf_scope *scope;
    wf_instr *instrs;
    size_t ninstrs, capinstrs;
    int *labels; /* label id -> instruction index, -1 until placed */
    size_t nlabels, caplabels;
    wf_value consts;       /* list */
    wf_value names;        /* list of interned str */
    const char **lp_names; /* localsplus */
    uint8_t *lp_kinds;
    int nlp, nlocals, ncells, nfrees;
    wf_fblock fblocks[WF_MAX_FBLOCKS];
    int nfblocks;
    const char *name, *qualname;
    const char *private_name; /* the enclosing class, for name mangling */
    int firstlineno;
    int argcount, posonlyargcount, kwonlyargcount;
    wf_loc loc;                 /* location given to emitted instructions */
    bool in_handler_or_finally; /* for bare `raise` checks (none needed at compile time) */
} wf_unit;

typedef struct wf_compiler {
    wf_thread *t;
    wf_arena *arena;
    wf_symtable *st;
    const char *filename;
    wf_value filename_str;
    enum wf_compile_mode mode;
    wf_syntax_error *err;
    wf_unit *u;
    int depth; /* nesting of expressions/statements, bounded */
} wf_compiler;

#define WF_COMPILER_MAX_DEPTH 2000

/* compile.c */
bool wf_c_emit(wf_compiler *c, int op, int arg);
bool wf_c_emit_jump(wf_compiler *c, int op, int label);
int wf_c_new_label(wf_compiler *c); /* -1 on failure (exception set) */
bool wf_c_place_label(wf_compiler *c, int label);
/* Index of value in the unit's constants (the reference is consumed), -1 on failure. */
int wf_c_add_const(wf_compiler *c, wf_value v);
bool wf_c_load_const(wf_compiler *c, wf_value v); /* consumes v */
int wf_c_add_name(wf_compiler *c, const char *name);
/* The localsplus slot of a local/cell/free name, -1 if none. */
int wf_c_slot(wf_compiler *c, const char *name);
/* Raise a compiler SyntaxError at loc (always returns false). */
bool wf_c_syntax_error(wf_compiler *c, wf_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
const char *wf_c_mangle(wf_compiler *c, const char *name);
/* A new unit for the scope of node; pops with wf_c_exit_unit which returns the code. */
bool wf_c_enter_unit(wf_compiler *c, const void *node, const char *name, int firstlineno);
wf_value wf_c_exit_unit(wf_compiler *c);
bool wf_c_push_fblock(wf_compiler *c, wf_loc loc, enum wf_fblock_kind kind, int cont, int brk,
                      const void *datum);
void wf_c_pop_fblock(wf_compiler *c);

/* compile_expr.c */
bool wf_c_expr(wf_compiler *c, const wf_expr *e);
bool wf_c_name_op(wf_compiler *c, const char *name, enum wf_ctx ctx);
bool wf_c_store_target(wf_compiler *c, const wf_expr *e); /* value on top of the stack */
bool wf_c_delete_target(wf_compiler *c, const wf_expr *e);
bool wf_c_jump_if(wf_compiler *c, const wf_expr *e, int label, bool cond);
/* Push a new function for a def/lambda: defaults, kwdefaults, closure, code. */
bool wf_c_make_closure(wf_compiler *c, wf_value code, int flags);
bool wf_c_defaults(wf_compiler *c, const wf_arguments *args, int *flags);
bool wf_c_call_helper(wf_compiler *c, size_t npushed, const wf_expr_seq *args,
                      const wf_keyword_seq *kws);
/* Constant value of e if it is a literal (after folding), else 0 (no exception). */
wf_value wf_c_fold(wf_compiler *c, const wf_expr *e);

/* compile_stmt.c */
bool wf_c_stmt(wf_compiler *c, const wf_stmt *s);
bool wf_c_body(wf_compiler *c, const wf_stmt_seq *body);
/* The function body for def and lambda units: arguments set up by the caller. */
bool wf_c_function_body(wf_compiler *c, const wf_stmt *def);

#define WF_C_TRY(x)                                                                                \
    do {                                                                                           \
        if (!(x))                                                                                  \
            return false;                                                                          \
    } while (0)

#endif
