/* The bytecode: 16-bit code units, each an 8-bit opcode and an 8-bit argument, with
 * EXTENDED_ARG prefixes for wider arguments. Instructions the specializer will adapt
 * are followed by WF_CACHE_ENTRIES(op) zero-filled cache units, reserved now so that
 * specialization never changes the layout; the evaluation loop skips them.
 *
 * Jump arguments are absolute code-unit offsets (of the target's first unit,
 * EXTENDED_ARG prefixes included). A jump whose target is not after it is a backward
 * jump: the evaluation loop checks the eval breaker there.
 *
 * Exceptions use a block stack in the frame: SETUP_FINALLY/SETUP_CLEANUP push a block
 * (handler offset, stack level), POP_BLOCK pops it. When an exception is raised the
 * innermost block is popped, the value stack cut back to its level, the exception
 * pushed, and execution continues at the handler.
 *
 * Stack notation below: [before] -> [after], top on the right. */
#ifndef WF_OPCODE_H
#define WF_OPCODE_H

/* X(name, cache units) */
#define WF_OPCODES(X)                                                                              \
    X(CACHE, 0) /* never executed: an inline cache unit */                                         \
    X(NOP, 0)                                                                                      \
    X(EXTENDED_ARG, 0) /* arg becomes the high bits of the next argument */                        \
    X(POP_TOP, 0)                                                                                  \
    X(PUSH_NULL, 0) /* [] -> [NULL] */                                                             \
    X(COPY, 0)      /* [.., x (arg-th from top)..] -> [.., x] */                                   \
    X(SWAP, 0)      /* swap top and the arg-th item */                                             \
    X(LOAD_CONST, 0)                                                                               \
    X(LOAD_FAST, 0) /* UnboundLocalError when unset */                                             \
    X(STORE_FAST, 0)                                                                               \
    X(DELETE_FAST, 0)                                                                              \
    X(LOAD_DEREF, 0) /* cell or free variable arg (a localsplus index) */                          \
    X(STORE_DEREF, 0)                                                                              \
    X(DELETE_DEREF, 0)                                                                             \
    X(LOAD_CLASSDEREF, 0) /* class body: locals dict first, then the cell */                       \
    X(LOAD_CLOSURE, 0)    /* the cell object itself */                                             \
    X(MAKE_CELL, 0)       /* localsplus[arg] = cell(localsplus[arg]) */                            \
    X(LOAD_NAME, 0)                                                                                \
    X(STORE_NAME, 0)                                                                               \
    X(DELETE_NAME, 0)                                                                              \
    X(LOAD_GLOBAL, 5) /* arg>>1 name; arg&1: push NULL after */                                    \
    X(STORE_GLOBAL, 0)                                                                             \
    X(DELETE_GLOBAL, 0)                                                                            \
    X(LOAD_ATTR, 4)                                                                                \
    X(LOAD_METHOD, 10) /* [o] -> [meth, o] or [attr, NULL] */                                      \
    X(STORE_ATTR, 4)   /* [v, o] -> [] */                                                          \
    X(DELETE_ATTR, 0)                                                                              \
    X(BINARY_OP, 1)   /* arg: enum wf_binop (+ WF_NB_INPLACE) */                                   \
    X(COMPARE_OP, 2)  /* arg: enum wf_cmp_op */                                                    \
    X(IS_OP, 0)       /* arg 1: is not */                                                          \
    X(CONTAINS_OP, 0) /* arg 1: not in */                                                          \
    X(UNARY_NEGATIVE, 0)                                                                           \
    X(UNARY_POSITIVE, 0)                                                                           \
    X(UNARY_INVERT, 0)                                                                             \
    X(UNARY_NOT, 0)                                                                                \
    X(BINARY_SUBSCR, 4) /* [o, k] -> [o[k]] */                                                     \
    X(STORE_SUBSCR, 1)  /* [v, o, k] -> [] */                                                      \
    X(DELETE_SUBSCR, 0)                                                                            \
    X(BUILD_TUPLE, 0)                                                                              \
    X(BUILD_LIST, 0)                                                                               \
    X(BUILD_SET, 0)                                                                                \
    X(BUILD_MAP, 0)           /* arg pairs k, v */                                                 \
    X(BUILD_CONST_KEY_MAP, 0) /* [v1..vn, keys tuple] */                                           \
    X(BUILD_STRING, 0)                                                                             \
    X(BUILD_SLICE, 0) /* arg 2 or 3 */                                                             \
    X(LIST_APPEND, 0) /* list at arg-th from top (after popping) */                                \
    X(SET_ADD, 0)                                                                                  \
    X(MAP_ADD, 0) /* [.., k, v] */                                                                 \
    X(LIST_EXTEND, 0)                                                                              \
    X(SET_UPDATE, 0)                                                                               \
    X(DICT_UPDATE, 0)                                                                              \
    X(DICT_MERGE, 0) /* for f(**m): duplicate keys are an error */                                 \
    X(LIST_TO_TUPLE, 0)                                                                            \
    X(UNPACK_SEQUENCE, 1) /* [seq] -> [x_n .. x_1] (x_1 on top) */                                 \
    X(UNPACK_EX, 0)       /* arg: before | after << 8 */                                           \
    X(FORMAT_VALUE, 0)    /* arg&3: conversion (0 none, 1 str, 2 repr, 3 ascii); 4: spec */        \
    X(JUMP, 0)            /* absolute */                                                           \
    X(POP_JUMP_IF_FALSE, 0)                                                                        \
    X(POP_JUMP_IF_TRUE, 0)                                                                         \
    X(POP_JUMP_IF_NONE, 0)                                                                         \
    X(POP_JUMP_IF_NOT_NONE, 0)                                                                     \
    X(JUMP_IF_FALSE_OR_POP, 0)                                                                     \
    X(JUMP_IF_TRUE_OR_POP, 0)                                                                      \
    X(GET_ITER, 0)                                                                                 \
    X(FOR_ITER, 0)         /* [it] -> [it, x], or pop it and jump when exhausted */                \
    X(KW_NAMES, 0)         /* the next CALL's keyword names: consts[arg] */                        \
    X(CALL, 4)             /* [f, self|NULL, args..] -> [result] */                                \
    X(CALL_FUNCTION_EX, 0) /* [f, NULL, args tuple, (kwargs dict if arg&1)] */                     \
    X(MAKE_FUNCTION, 0)    /* [defaults?, kwdefaults?, annotations?, closure?, code] */            \
    X(RETURN_VALUE, 0)                                                                             \
    X(LOAD_BUILD_CLASS, 0)                                                                         \
    X(SETUP_FINALLY, 0) /* block: handler arg, level = stack depth */                              \
    X(SETUP_CLEANUP, 0) /* block: handler arg, level = stack depth - 1 */                          \
    X(POP_BLOCK, 0)                                                                                \
    X(PUSH_EXC_INFO, 0)          /* [exc] -> [previous handled, exc]; handled = exc */             \
    X(POP_EXCEPT, 0)             /* [prev] -> []; handled = prev */                                \
    X(POP_EXCEPT_AND_RERAISE, 0) /* [prev, exc] -> []; handled = prev; raise exc */                \
    X(RERAISE, 0)                /* [exc] -> raise exc, traceback unchanged */                     \
    X(CHECK_EXC_MATCH, 0)        /* [exc, type] -> [exc, bool] */                                  \
    X(RAISE_VARARGS, 0)          /* arg 0: bare raise; 1: [exc]; 2: [exc, cause] */                \
    X(LOAD_ASSERTION_ERROR, 0)                                                                     \
    X(BEFORE_WITH, 0)       /* [mgr] -> [exit, enter()] */                                         \
    X(WITH_EXIT_NONE, 0)    /* [exit] -> []: exit(None, None, None) */                             \
    X(WITH_EXCEPT_START, 0) /* [exit, prev, exc] -> [.., exc, exit(type, exc, tb)] */              \
    X(IMPORT_NAME, 0)       /* [level, fromlist] -> [module] */                                    \
    X(IMPORT_FROM, 0)       /* [module] -> [module, attr] */                                       \
    X(IMPORT_STAR, 0)                                                                              \
    X(SETUP_ANNOTATIONS, 0)                                                                        \
    X(YIELD_VALUE, 0)                                                                              \
    X(GET_YIELD_FROM_ITER, 0)                                                                      \
    X(SEND, 0)       /* [it, v] -> [it, yielded] or pop, push result, jump */                      \
    X(PRINT_EXPR, 0) /* "single" mode */

enum wf_opcode {
#define WF_I_ENUM(name, caches) WF_I_##name,
    WF_OPCODES(WF_I_ENUM)
#undef WF_I_ENUM
        WF_I_COUNT
};

_Static_assert(WF_I_COUNT <= 256, "opcodes fit in 8 bits");

/* WF_CACHES_<name>: the cache units of each opcode, as constants for the eval loop. */
enum {
#define WF_I_CACHES_ENUM(name, caches) WF_CACHES_##name = caches,
    WF_OPCODES(WF_I_CACHES_ENUM)
#undef WF_I_CACHES_ENUM
};

/* Cache units following each opcode. */
extern const unsigned char wf_op_caches[WF_I_COUNT];
extern const char *const wf_op_names[WF_I_COUNT];

/* LIST_EXTEND's argument flag: the list holds a call's positional arguments (the
 * callable sits two slots below it), for the error message. */
#define WF_EXTEND_FOR_CALL 0x100

/* Opcodes whose argument is an absolute jump target. */
static inline int wf_op_is_jump(int op)
{
    return op == WF_I_JUMP || op == WF_I_POP_JUMP_IF_FALSE || op == WF_I_POP_JUMP_IF_TRUE ||
           op == WF_I_POP_JUMP_IF_NONE || op == WF_I_POP_JUMP_IF_NOT_NONE ||
           op == WF_I_JUMP_IF_FALSE_OR_POP || op == WF_I_JUMP_IF_TRUE_OR_POP ||
           op == WF_I_FOR_ITER || op == WF_I_SETUP_FINALLY || op == WF_I_SETUP_CLEANUP ||
           op == WF_I_SEND;
}

/* A code unit: opcode in the low byte, argument in the high byte. */
#define WF_UNIT(op, arg) ((uint16_t)((op) | ((arg) << 8)))
#define WF_UNIT_OP(u)    ((u)&0xff)
#define WF_UNIT_ARG(u)   ((u) >> 8)

#endif
