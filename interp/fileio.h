/* File objects: what open() returns and what sys.stdin/stdout/stderr are.
 *
 * One object type per kind CPython shows: _io.TextIOWrapper for text files (str in and
 * out, UTF-8, universal newlines on read), and _io.BufferedReader / BufferedWriter /
 * BufferedRandom for binary files (bytes in and out), _io.FileIO for buffering=0 and a
 * binary file's .raw (sharing its fd). Each file owns an fd and a
 * buffer; blocking system calls detach the thread (DESIGN "Threads and the world"). */
#ifndef WF_FILEIO_H
#define WF_FILEIO_H

#include "runtime/object.h"

extern wf_type wf_textio_type;          /* _io.TextIOWrapper */
extern wf_type wf_buffered_reader_type; /* _io.BufferedReader: open(x, 'rb') */
extern wf_type wf_buffered_writer_type; /* _io.BufferedWriter: 'wb', 'ab', 'xb' */
extern wf_type wf_buffered_random_type; /* _io.BufferedRandom: '+' with 'b' */
extern wf_type wf_fileio_type;          /* _io.FileIO: buffering=0, and a binary file's .raw */

/* open(file, mode, buffering, encoding, errors, newline, closefd) with CPython's
 * argument checks and errors; any argument after file may be 0 for its default. */
wf_value wf_file_open(wf_thread *t, wf_value file, wf_value mode, wf_value buffering,
                      wf_value encoding, wf_value errors, wf_value newline, wf_value closefd);

/* The same with open()'s opener argument (a callable (file, flags) -> fd, or 0). */
wf_value wf_file_open_ex(wf_thread *t, wf_value file, wf_value mode, wf_value buffering,
                         wf_value encoding, wf_value errors, wf_value newline, wf_value closefd,
                         wf_value opener);

/* A UTF-8 text file on an already open fd, not closing it (sys.stdin/stdout/stderr).
 * mode is "r" or "w"; line_buffering flushes at each newline written, write_through
 * at every write (CPython's sys.stderr); errors is the error handler ("strict",
 * "backslashreplace", ...). */
wf_value wf_file_from_fd(wf_thread *t, int fd, const char *name, const char *mode,
                         bool line_buffering, bool write_through, const char *errors);

/* Raise the OSError subclass CPython picks for errno err ("[Errno 2] No such file or
 * directory: 'x'"); filename may be 0. Returns WF_NULL. */
wf_value wf_err_set_from_errno(wf_thread *t, int err, wf_value filename);

/* Flush every writable file still open (at exit: a file nobody closed or freed keeps
 * its pending output otherwise). Errors are ignored, as CPython's at shutdown. */
void wf_files_flush_all(wf_thread *t);

/* io.UnsupportedOperation (a subclass of OSError and ValueError), made on first use. */
wf_type *wf_unsupported_operation_type(wf_thread *t);

#endif
