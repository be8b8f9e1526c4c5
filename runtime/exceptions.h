/* Built-in exception types and the exception object.
 *
 * WF_EXCEPTIONS lists every built-in exception type with its base, in CPython 3.11's
 * hierarchy; each becomes a static type `wf_exc_<Name>` (runtime/exceptions.c).
 * ExceptionGroup is listed under its layout base BaseExceptionGroup; its second base,
 * Exception, is in its static __bases__ and __mro__. except* is not supported. */
#ifndef WF_EXCEPTIONS_H
#define WF_EXCEPTIONS_H

#include "object.h"

#define WF_EXCEPTIONS(X)                                                                           \
    X(BaseException, object)                                                                       \
    X(GeneratorExit, BaseException)                                                                \
    X(KeyboardInterrupt, BaseException)                                                            \
    X(SystemExit, BaseException)                                                                   \
    X(BaseExceptionGroup, BaseException)                                                           \
    X(Exception, BaseException)                                                                    \
    X(ExceptionGroup, BaseExceptionGroup)                                                          \
    X(ArithmeticError, Exception)                                                                  \
    X(FloatingPointError, ArithmeticError)                                                         \
    X(OverflowError, ArithmeticError)                                                              \
    X(ZeroDivisionError, ArithmeticError)                                                          \
    X(AssertionError, Exception)                                                                   \
    X(AttributeError, Exception)                                                                   \
    X(BufferError, Exception)                                                                      \
    X(EOFError, Exception)                                                                         \
    X(ImportError, Exception)                                                                      \
    X(ModuleNotFoundError, ImportError)                                                            \
    X(LookupError, Exception)                                                                      \
    X(IndexError, LookupError)                                                                     \
    X(KeyError, LookupError)                                                                       \
    X(MemoryError, Exception)                                                                      \
    X(NameError, Exception)                                                                        \
    X(UnboundLocalError, NameError)                                                                \
    X(OSError, Exception)                                                                          \
    X(BlockingIOError, OSError)                                                                    \
    X(ChildProcessError, OSError)                                                                  \
    X(ConnectionError, OSError)                                                                    \
    X(BrokenPipeError, ConnectionError)                                                            \
    X(ConnectionAbortedError, ConnectionError)                                                     \
    X(ConnectionRefusedError, ConnectionError)                                                     \
    X(ConnectionResetError, ConnectionError)                                                       \
    X(FileExistsError, OSError)                                                                    \
    X(FileNotFoundError, OSError)                                                                  \
    X(InterruptedError, OSError)                                                                   \
    X(IsADirectoryError, OSError)                                                                  \
    X(NotADirectoryError, OSError)                                                                 \
    X(PermissionError, OSError)                                                                    \
    X(ProcessLookupError, OSError)                                                                 \
    X(TimeoutError, OSError)                                                                       \
    X(ReferenceError, Exception)                                                                   \
    X(RuntimeError, Exception)                                                                     \
    X(NotImplementedError, RuntimeError)                                                           \
    X(RecursionError, RuntimeError)                                                                \
    X(StopAsyncIteration, Exception)                                                               \
    X(StopIteration, Exception)                                                                    \
    X(SyntaxError, Exception)                                                                      \
    X(IndentationError, SyntaxError)                                                               \
    X(TabError, IndentationError)                                                                  \
    X(SystemError, Exception)                                                                      \
    X(TypeError, Exception)                                                                        \
    X(ValueError, Exception)                                                                       \
    X(UnicodeError, ValueError)                                                                    \
    X(UnicodeDecodeError, UnicodeError)                                                            \
    X(UnicodeEncodeError, UnicodeError)                                                            \
    X(UnicodeTranslateError, UnicodeError)                                                         \
    X(Warning, Exception)                                                                          \
    X(BytesWarning, Warning)                                                                       \
    X(DeprecationWarning, Warning)                                                                 \
    X(EncodingWarning, Warning)                                                                    \
    X(FutureWarning, Warning)                                                                      \
    X(ImportWarning, Warning)                                                                      \
    X(PendingDeprecationWarning, Warning)                                                          \
    X(ResourceWarning, Warning)                                                                    \
    X(RuntimeWarning, Warning)                                                                     \
    X(SyntaxWarning, Warning)                                                                      \
    X(UnicodeWarning, Warning)                                                                     \
    X(UserWarning, Warning)

#define WF_DECLARE_EXCEPTION(name, base) extern wf_type wf_exc_##name;
WF_EXCEPTIONS(WF_DECLARE_EXCEPTION)
#undef WF_DECLARE_EXCEPTION

/* An exception instance. Subclasses with more state (StopIteration.value, SystemExit
 * .code, SyntaxError's location, OSError's errno, ...) extend it in exceptions.c.
 * Fields are written by the raising thread before the exception is visible to others. */
typedef struct wf_exception {
    wf_object ob;
    wf_value dict;      /* instance __dict__ (0 until first needed) */
    wf_value args;      /* tuple */
    wf_value traceback; /* traceback object or 0 (None) */
    wf_value cause;     /* __cause__ or 0 */
    wf_value context;   /* __context__ or 0 */
    bool suppress_context;
} wf_exception;

/* Every type of WF_EXCEPTIONS, bases before subclasses, then NULL. */
extern wf_type *const wf_exception_types[];

/* Record name and obj on the pending AttributeError (its .name and .obj, which
 * tracebacks use for "Did you mean" suggestions); nothing if another error is pending. */
void wf_attribute_error_set_info(wf_thread *t, wf_value obj, wf_value name);

/* A new instance of exception type `type` with args tuple `args` (borrowed). */
wf_value wf_exception_new(wf_thread *t, wf_type *type, wf_value args);

/* The exceptions of a BaseExceptionGroup instance: a non-empty tuple (borrowed). */
wf_value wf_exception_group_exceptions(wf_value group);

static inline bool wf_exception_check(wf_value v)
{
    return wf_is_object(v) && (wf_to_object(v)->ob_type->tp_flags & WF_TPFLAG_EXC_SUBCLASS);
}

#endif
