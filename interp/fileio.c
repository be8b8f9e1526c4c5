/* Text file objects (_io.TextIOWrapper): open(), sys.stdin/stdout/stderr.
 *
 * A file owns an fd, a write buffer and a read buffer.
 *
 * Locking: every operation that touches the buffers or the fd holds the file's
 * io_lock, a wf_mutex separate from the object's own ob_mutex. A critical section on
 * the object would not do: a blocking read or write detaches the thread, which
 * suspends its critical sections, so another thread could change the buffer under a
 * syscall in progress. io_lock stays held across the syscall (as CPython's buffered
 * objects hold their lock), which also keeps writes from several threads in order.
 * Waiting for io_lock detaches (wf_mutex_lock), and the holder never runs Python code
 * while holding it, so it cannot deadlock with a stop-the-world.
 *
 * The read buffer holds raw bytes (so tell() and switching to writing know exact
 * offsets); results are cut from it at line ends or character counts (scan) and then
 * decoded as UTF-8, strictly. With newline=None (the default) "\r\n" and "\r" become
 * "\n" in the result; a "\r" at the end of the buffer waits for the next byte. Writing
 * encodes UTF-8 and translates "\n" to the newline argument when it is "\r" or
 * "\r\n".
 *
 * Positions follow CPython's: an append-mode file starts at its end; a binary file
 * gives back its read-ahead before writing (the write lands at the logical position),
 * a text file forgets it (the write lands after the chunk read, as CPython's text
 * layer). A FileIO (buffering=0) uses the same read buffer; only writes go straight
 * out, so positions are exact but a FileIO may read more of the fd than asked. */
#include "interp/fileio.h"

#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/abstract.h"
#include "runtime/alloc.h"
#include "runtime/bytes.h"
#include "runtime/callable.h"
#include "runtime/critical_section.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/text_codecs.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "runtime/utf8.h"
#include "threading/threads.h"

#define CHUNK 8192 /* bytes per read(2), and the write buffer's flush threshold */

enum {
    F_READABLE = 1u << 0,
    F_WRITABLE = 1u << 1,
    F_APPEND = 1u << 2,
    F_CLOSEFD = 1u << 3,
    F_LINEBUF = 1u << 4,
    F_TRANSLATE = 1u << 5, /* newline=None: translate \r and \r\n on read */
    F_SEEKABLE = 1u << 6,
    F_BINARY = 1u << 7,     /* bytes in and out, no newline translation */
    F_UNBUFFERED = 1u << 8, /* buffering=0 / stderr: every write goes out at once */
    F_RAW = 1u << 9,        /* an _io.FileIO (buffering=0, or a buffered file's .raw) */
    F_SHARED = 1u << 10,    /* .raw / .buffer: the fd belongs to the file it came from */
};

/* Kinds of line end a universal-newlines text file has read (its .newlines). */
enum { NL_LF = 1, NL_CR = 2, NL_CRLF = 4 };

typedef struct wf_file_object {
    wf_object ob;
    wf_mutex io_lock;        /* guards everything below except the immutable fields */
    _Atomic bool closed;     /* read without the lock by `closed` and repr */
    int fd;                  /* immutable while open */
    unsigned flags;          /* F_*, immutable */
    wf_value name;           /* str or int, immutable */
    wf_value mode;           /* str as given to open(), immutable */
    wf_value encoding;       /* str, immutable */
    wf_value errors;         /* str, immutable */
    const char *newline;     /* NULL (None), "", "\n", "\r" or "\r\n"; static strings */
    const wf_codec *codec;   /* text files: utf-8 or a single-byte codec (file_codec) */
    _Atomic wf_value buffer; /* text files: the binary file of .buffer, 0 until asked */
    struct wf_file_object *live_prev, *live_next; /* the live-files list, under live_lock */
    char *wbuf;                                   /* pending output (encoded, translated) */
    size_t wlen, wcap;
    char *rbuf; /* input read ahead (translated), rbuf[rpos..rlen) unread */
    size_t rpos, rlen, rcap;
    bool eof;        /* read(2) returned 0 */
    unsigned seen;   /* NL_* kinds read so far (universal-newline text files) */
    bool pending_cr; /* the last byte read was "\r": "\r\n" or "\r" decided next */
} wf_file_object;

#define FILE_OF(v) ((wf_file_object *)wf_to_object(v))

/* ---- Errors ------------------------------------------------------------------------ */

/* The OSError subclass CPython's OSError constructor maps errno to. */
static wf_type *errno_type(int err)
{
    switch (err) {
    case EAGAIN:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
    case EALREADY:
    case EINPROGRESS:
        return &wf_exc_BlockingIOError;
    case ECHILD:
        return &wf_exc_ChildProcessError;
    case EPIPE:
    case ESHUTDOWN:
        return &wf_exc_BrokenPipeError;
    case ECONNABORTED:
        return &wf_exc_ConnectionAbortedError;
    case ECONNREFUSED:
        return &wf_exc_ConnectionRefusedError;
    case ECONNRESET:
        return &wf_exc_ConnectionResetError;
    case EEXIST:
        return &wf_exc_FileExistsError;
    case ENOENT:
        return &wf_exc_FileNotFoundError;
    case EINTR:
        return &wf_exc_InterruptedError;
    case EISDIR:
        return &wf_exc_IsADirectoryError;
    case ENOTDIR:
        return &wf_exc_NotADirectoryError;
    case EACCES:
    case EPERM:
        return &wf_exc_PermissionError;
    case ESRCH:
        return &wf_exc_ProcessLookupError;
    case ETIMEDOUT:
        return &wf_exc_TimeoutError;
    default:
        return &wf_exc_OSError;
    }
}

/* OSError(errno, strerror[, filename]): the exception type formats the message
 * "[Errno 2] No such file or directory: 'x'" and sets errno/strerror/filename. */
wf_value wf_err_set_from_errno(wf_thread *t, int err, wf_value filename)
{
    wf_value msg = wf_str_from_cstr(t, strerror(err));
    if (!msg)
        return WF_NULL;
    wf_value num = wf_smallint_box(err);
    wf_value args =
        filename ? wf_tuple_pack(t, 3, num, msg, filename) : wf_tuple_pack(t, 2, num, msg);
    wf_value_decref(t, msg);
    if (!args)
        return WF_NULL;
    wf_value exc = wf_exception_new(t, errno_type(err), args);
    wf_value_decref(t, args);
    if (!exc)
        return WF_NULL;
    wf_err_set_object(t, exc);
    wf_value_decref(t, exc);
    return WF_NULL;
}

static _Atomic(wf_type *) unsupported_type;

wf_type *wf_unsupported_operation_type(wf_thread *t)
{
    /* acquire: pairs with the release store below; the type is fully built */
    wf_type *type = atomic_load_explicit(&unsupported_type, memory_order_acquire);
    if (type)
        return type;
    wf_value name = wf_str_from_cstr(t, "UnsupportedOperation");
    wf_value bases =
        wf_tuple_pack(t, 2, wf_type_value(&wf_exc_OSError), wf_type_value(&wf_exc_ValueError));
    wf_value dict = wf_dict_new(t);
    wf_value module = wf_str_from_cstr(t, "io");
    wf_value made = WF_NULL;
    if (name && bases && dict && module && wf_dict_set_cstr(t, dict, "__module__", module) == 0)
        made = wf_type_new(t, name, bases, dict);
    wf_value parts[] = {name, bases, dict, module};
    for (size_t i = 0; i < 4; i++)
        if (parts[i])
            wf_value_decref(t, parts[i]);
    if (!made)
        return NULL;
    wf_object_set_immortal(wf_to_object(made));
    wf_type *expected = NULL;
    /* release: the type's contents before its pointer; a losing thread's type stays
     * immortal but unused (a few hundred bytes, once) */
    if (!atomic_compare_exchange_strong_explicit(&unsupported_type, &expected,
                                                 (wf_type *)wf_to_object(made),
                                                 memory_order_acq_rel, memory_order_acquire))
        return expected;
    return (wf_type *)wf_to_object(made);
}

static wf_value unsupported(wf_thread *t, const char *what)
{
    wf_type *type = wf_unsupported_operation_type(t);
    return type ? wf_err_set(t, type, "%s", what) : WF_NULL;
}

/* ValueError for an operation on a closed file, worded as CPython's layer that
 * notices it: the raw-file checks (fileno, isatty, readable, ...) have no period, the
 * buffered binary layer names the operation, the text layer says the rest. */
static wf_value closed_error(wf_thread *t, const struct wf_file_object *f, const char *op)
{
    static const char *const raw_ops[] = {"fileno", "isatty", "readable", "writable", "seekable"};
    static const struct {
        const char *op, *msg;
    } binary[] = {
        {"read", "read of closed file"},         {"readline", "readline of closed file"},
        {"seek", "seek of closed file"},         {"write", "write to closed file"},
        {"truncate", "truncate of closed file"}, {"tell", "I/O operation on closed file"},
    };
    for (size_t i = 0; i < sizeof raw_ops / sizeof raw_ops[0]; i++)
        if (strcmp(op, raw_ops[i]) == 0)
            return wf_err_set(t, &wf_exc_ValueError, "I/O operation on closed file");
    if (f->flags & F_BINARY) {
        for (size_t i = 0; i < sizeof binary / sizeof binary[0]; i++)
            if (strcmp(op, binary[i].op) == 0)
                return wf_err_set(t, &wf_exc_ValueError, "%s", binary[i].msg);
        if (strcmp(op, "flush") == 0 && (f->flags & F_WRITABLE))
            return wf_err_set(t, &wf_exc_ValueError, "flush of closed file");
    }
    return wf_err_set(t, &wf_exc_ValueError, "I/O operation on closed file.");
}

static bool is_closed(wf_file_object *f)
{
    /* relaxed: a racing close is reported by the operation itself under io_lock */
    return atomic_load_explicit(&f->closed, memory_order_relaxed);
}

/* ---- Raw I/O (detached) -------------------------------------------------------------- */

/* write(2) all of buf[0..n): retries EINTR and partial writes. 0 or an errno. */
static int write_all(wf_thread *t, int fd, const char *buf, size_t n)
{
    int err = 0;
    wf_thread_detach(t);
    while (n > 0) {
        ssize_t w = write(fd, buf, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            err = errno;
            break;
        }
        buf += w;
        n -= (size_t)w;
    }
    wf_thread_attach(t);
    return err;
}

/* read(2) up to n bytes into buf: the count, 0 at EOF, -errno on error. */
static ssize_t read_some(wf_thread *t, int fd, char *buf, size_t n)
{
    ssize_t r;
    wf_thread_detach(t);
    do
        r = read(fd, buf, n);
    while (r < 0 && errno == EINTR);
    int err = errno;
    wf_thread_attach(t);
    return r < 0 ? -err : r;
}

/* ---- Buffers (io_lock held) ---------------------------------------------------------- */

static bool reserve(wf_thread *t, char **buf, size_t *cap, size_t need)
{
    if (need <= *cap)
        return true;
    size_t ncap = *cap ? *cap : CHUNK;
    while (ncap < need)
        ncap *= 2;
    char *nb = wf_mem_realloc(t, *buf, ncap);
    if (!nb) {
        wf_err_no_memory(t);
        return false;
    }
    *buf = nb;
    *cap = ncap;
    return true;
}

/* Write out the pending output. -1 with OSError set. */
static int flush_locked(wf_thread *t, wf_file_object *f)
{
    if (f->wlen == 0)
        return 0;
    int err = write_all(t, f->fd, f->wbuf, f->wlen);
    f->wlen = 0; /* CPython drops nothing on EAGAIN; weft's fds are blocking */
    if (err) {
        wf_err_set_from_errno(t, err, WF_NULL);
        return -1;
    }
    return 0;
}

/* Switching from reading to writing in a '+' file: give back what was read ahead (the
 * buffer holds raw bytes, so the offset is exact). */
static int drop_readahead(wf_thread *t, wf_file_object *f)
{
    size_t unread = f->rlen - f->rpos;
    f->rpos = f->rlen = 0;
    f->eof = false;
    if (unread && lseek(f->fd, -(off_t)unread, SEEK_CUR) < 0) {
        wf_err_set_from_errno(t, errno, WF_NULL);
        return -1;
    }
    return 0;
}

/* Record the kinds of line end in newly read bytes p[0..n) (n == 0 at EOF), for
 * .newlines: as CPython's decoder, which sees each chunk as it is read. A "\r" at the
 * end of a chunk is decided by the next one. */
static void note_newlines(wf_file_object *f, const char *p, size_t n)
{
    if ((f->flags & F_BINARY) || (f->newline && f->newline[0]))
        return;
    size_t i = 0;
    if (f->pending_cr) {
        f->pending_cr = false;
        if (n > 0 && p[0] == '\n') {
            f->seen |= NL_CRLF;
            i = 1;
        } else {
            f->seen |= NL_CR;
        }
    }
    for (; i < n; i++) {
        if (p[i] == '\n') {
            f->seen |= NL_LF;
        } else if (p[i] == '\r') {
            if (i + 1 == n)
                f->pending_cr = true;
            else if (p[i + 1] == '\n' && ++i)
                f->seen |= NL_CRLF;
            else
                f->seen |= NL_CR;
        }
    }
}

/* Read one chunk (raw bytes) into rbuf. 1 read, 0 EOF, -1 error. */
static int fill(wf_thread *t, wf_file_object *f)
{
    if (f->eof)
        return 0;
    if (f->rpos > 0) { /* compact: keep only the unread part */
        memmove(f->rbuf, f->rbuf + f->rpos, f->rlen - f->rpos);
        f->rlen -= f->rpos;
        f->rpos = 0;
    }
    if (!reserve(t, &f->rbuf, &f->rcap, f->rlen + CHUNK))
        return -1;
    ssize_t n = read_some(t, f->fd, f->rbuf + f->rlen, CHUNK);
    if (n < 0) {
        wf_err_set_from_errno(t, (int)-n, WF_NULL);
        return -1;
    }
    if (n == 0)
        f->eof = true;
    note_newlines(f, f->rbuf + f->rlen, (size_t)n);
    f->rlen += (size_t)n;
    return n > 0;
}

/* The text of n encoded bytes, decoded with the file's codec and error handler
 * (runtime/text_codecs.h; UnicodeDecodeError as CPython's codecs). */
static wf_value decode(wf_thread *t, wf_file_object *f, const char *p, size_t n)
{
    if (f->codec->kind == WF_CODEC_UTF8 && strcmp(wf_str_utf8(f->errors), "strict") == 0) {
        /* the common case: valid UTF-8 is already a weft str */
        const char *q = p, *end = p + n;
        uint32_t cp;
        int len = 1;
        while (q < end && len > 0)
            q += (len = (unsigned char)*q < 0x80 ? 1 : wf_utf8_decode(q, end, &cp));
        if (len > 0)
            return wf_str_from_utf8(t, p, n);
    }
    return wf_codec_decode(t, f->codec, p, n, wf_str_utf8(f->errors));
}

/* Take the raw bytes rbuf[rpos..rpos+n) as the result: bytes for a binary file, else a
 * str, with "\r\n" and "\r" made "\n" when translating. */
static wf_value take(wf_thread *t, wf_file_object *f, size_t n)
{
    const char *p = f->rbuf + f->rpos;
    wf_value r;
    if (f->flags & F_BINARY) {
        r = wf_bytes_from_data(t, p, n);
    } else if (!(f->flags & F_TRANSLATE) || !memchr(p, '\r', n)) {
        r = decode(t, f, p, n);
    } else {
        char *tmp = wf_mem_alloc(t, n ? n : 1);
        if (!tmp)
            return wf_err_no_memory(t);
        size_t out = 0;
        for (size_t i = 0; i < n; i++) {
            if (p[i] == '\r' && i + 1 < n && p[i + 1] == '\n')
                continue; /* the \n that follows makes the line end */
            tmp[out++] = p[i] == '\r' ? '\n' : p[i];
        }
        r = decode(t, f, tmp, out);
        wf_mem_free(tmp);
    }
    if (r)
        f->rpos += n;
    return r;
}

/* Length of a str or bytes result in its units (characters or bytes). */
static int64_t result_length(wf_value v)
{
    return wf_str_check(v) ? wf_str_length(v) : (int64_t)wf_bytes_size(v);
}

/* Where the next result ends in the unread raw bytes: after `max` units (characters
 * for text, bytes for binary; -1 = no limit), or after the first line end when `line`.
 * Line ends: "\n" for binary files and newline="\n"; "\r", "\n" or "\r\n" for
 * newline=None and ""; "\r" or "\r\n" for those newline values. Returns the raw length,
 * or SIZE_MAX when more input is needed to decide (a character or "\r\n" cut by the
 * end of the buffer, or no end found before EOF). */
static size_t scan(wf_file_object *f, int64_t max, bool line)
{
    const char *p = f->rbuf + f->rpos;
    size_t n = f->rlen - f->rpos, i = 0;
    const char *nl = f->newline;
    bool universal = !(f->flags & F_BINARY) && (!nl || !nl[0]);
    for (int64_t units = 0; i < n; units++) {
        if (max >= 0 && units == max)
            return i;
        char c = p[i];
        /* "\r\n" is one unit only where it becomes "\n" or ends a line */
        bool cr_end =
            c == '\r' && (universal || (nl && nl[0] == '\r')) && (line || (f->flags & F_TRANSLATE));
        if (cr_end) {
            bool need_lf = nl && nl[0] == '\r' && nl[1] == '\n';
            if (i + 1 == n && !f->eof && (universal || need_lf))
                return SIZE_MAX; /* is it "\r\n"? */
            bool lf = i + 1 < n && p[i + 1] == '\n';
            if (need_lf && !lf) {
                i++; /* a lone \r is not a line end for newline="\r\n" */
                continue;
            }
            i += 1 + (lf && (universal || need_lf));
            if (line)
                return i;
            continue;
        }
        if (c == '\n' && line && (universal || !nl || nl[0] == '\n'))
            return i + 1;
        size_t len = 1;
        if (!(f->flags & F_BINARY) && f->codec->kind == WF_CODEC_UTF8) {
            unsigned lead = (unsigned char)c;
            len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        }
        if (i + len > n)
            return f->eof ? n : SIZE_MAX; /* at EOF, decode reports the cut character */
        i += len;
    }
    return f->eof ? n : SIZE_MAX;
}

/* read(n) / readline(limit): fill until scan can decide, then take. */
static wf_value read_until(wf_thread *t, wf_file_object *f, int64_t max, bool line)
{
    for (;;) {
        size_t avail = f->rlen - f->rpos;
        /* for read(n), a unit takes at least one byte: fewer bytes than n cannot be
         * enough, so skip the scan (it would make a large read quadratic). Not for
         * readline: a line end may already be there. */
        bool short_read = !line && max >= 0 && avail < (uint64_t)max && !f->eof;
        size_t end = short_read || (max < 0 && !line && !f->eof) ? SIZE_MAX
                     : (max < 0 && !line)                        ? avail
                                                                 : scan(f, max, line);
        if (end != SIZE_MAX)
            return take(t, f, end);
        if (fill(t, f) < 0)
            return WF_NULL;
    }
}

static wf_value read_locked(wf_thread *t, wf_file_object *f, int64_t n)
{
    return read_until(t, f, n, false);
}

static wf_value readline_locked(wf_thread *t, wf_file_object *f, int64_t limit)
{
    return read_until(t, f, limit, true);
}

/* Common prologue of operations: open, and readable/writable as needed. On success
 * io_lock is held. */
static bool begin_op(wf_thread *t, wf_file_object *f, unsigned need, const char *op)
{
    if (is_closed(f)) {
        closed_error(t, f, op);
        return false;
    }
    if ((need & F_READABLE) && !(f->flags & F_READABLE)) {
        unsupported(t, !(f->flags & F_BINARY)     ? "not readable"
                       : (f->flags & F_RAW)       ? "File not open for reading"
                       : strcmp(op, "read1") == 0 ? "read1"
                                                  : "read");
        return false;
    }
    if ((need & F_WRITABLE) && !(f->flags & F_WRITABLE)) {
        unsupported(t, !(f->flags & F_BINARY) ? "not writable"
                       : (f->flags & F_RAW)   ? "File not open for writing"
                                              : "write");
        return false;
    }
    wf_mutex_lock(&f->io_lock);
    if (is_closed(f)) { /* closed by another thread while we waited */
        wf_mutex_unlock(&f->io_lock);
        closed_error(t, f, op);
        return false;
    }
    return true;
}

static void end_op(wf_file_object *f)
{
    wf_mutex_unlock(&f->io_lock);
}

/* Before reading: pending output goes first (a '+' file reads what it wrote). */
static int prepare_read(wf_thread *t, wf_file_object *f)
{
    return flush_locked(t, f);
}

/* ---- Methods --------------------------------------------------------------------------- */

/* An optional size argument: None or missing is -1. */
static bool size_arg(wf_thread *t, const char *fname, const wf_value *args, size_t nargs,
                     wf_value kwnames, int64_t *out)
{
    *out = -1;
    if (!wf_check_no_kwargs(t, fname, kwnames) || !wf_check_nargs(t, fname, nargs, 0, 1))
        return false;
    if (nargs == 0 || args[0] == WF_NONE)
        return true;
    if (!wf_int_check(args[0])) {
        wf_err_set(t, &wf_exc_TypeError, "argument should be integer or None, not '%s'",
                   wf_type_name(wf_type_of(args[0])));
        return false;
    }
    return wf_int_as_int64(t, args[0], out);
}

static wf_value file_read(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    wf_file_object *f = FILE_OF(self);
    int64_t n;
    if (!size_arg(t, "read", args, nargs, kwnames, &n) || !begin_op(t, f, F_READABLE, "read"))
        return WF_NULL;
    wf_value r = prepare_read(t, f) < 0 ? WF_NULL : read_locked(t, f, n);
    end_op(f);
    return r;
}

static wf_value file_readline(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    wf_file_object *f = FILE_OF(self);
    int64_t n;
    if (!(f->flags & F_BINARY) && nargs == 1 && !wf_int_check(args[0])) /* None too */
        return wf_err_set(t, &wf_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          wf_type_name(wf_type_of(args[0])));
    if (!size_arg(t, "readline", args, nargs, kwnames, &n) ||
        !begin_op(t, f, F_READABLE, "readline"))
        return WF_NULL;
    wf_value r = prepare_read(t, f) < 0 ? WF_NULL : readline_locked(t, f, n);
    end_op(f);
    return r;
}

/* readlines(hint=-1): lines until EOF, or until their total size reaches hint. */
static wf_value file_readlines(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                               wf_value kwnames)
{
    wf_file_object *f = FILE_OF(self);
    int64_t hint;
    if (!size_arg(t, "readlines", args, nargs, kwnames, &hint))
        return WF_NULL;
    wf_value list = wf_list_new(t, 0);
    if (!list || !begin_op(t, f, F_READABLE, "readlines")) {
        if (list)
            wf_value_decref(t, list);
        return WF_NULL;
    }
    int64_t total = 0;
    bool ok = prepare_read(t, f) == 0;
    while (ok) {
        wf_value line = readline_locked(t, f, -1);
        if (!line) {
            ok = false;
            break;
        }
        if (result_length(line) == 0) {
            wf_value_decref(t, line);
            break;
        }
        total += result_length(line);
        ok = wf_list_append(t, list, line) == 0;
        wf_value_decref(t, line);
        if (hint > 0 && total >= hint)
            break;
    }
    end_op(f);
    if (!ok) {
        wf_value_decref(t, list);
        return WF_NULL;
    }
    return list;
}

/* UTF-8 for a lone surrogate under an error handler other than strict, appended to
 * out (at most 6 bytes); false with the exception set for strict, an unknown handler,
 * or a surrogate the handler refuses. */
static bool encode_surrogate(wf_thread *t, const char *errors, uint32_t cp, size_t pos, char *out,
                             size_t *len)
{
    if (strcmp(errors, "ignore") == 0)
        return true;
    if (strcmp(errors, "replace") == 0) {
        out[(*len)++] = '?';
        return true;
    }
    if (strcmp(errors, "backslashreplace") == 0) {
        *len += (size_t)snprintf(out + *len, 7, "\\u%04x", (unsigned)cp);
        return true;
    }
    if (strcmp(errors, "surrogateescape") == 0 && cp >= 0xDC80 && cp <= 0xDCFF) {
        out[(*len)++] = (char)(cp - 0xDC00);
        return true;
    }
    if (strcmp(errors, "strict") != 0 && strcmp(errors, "surrogateescape") != 0) {
        wf_err_set(t, &wf_exc_LookupError, "unknown error handler name '%s'", errors);
        return false;
    }
    wf_err_set(t, &wf_exc_UnicodeEncodeError,
               "'utf-8' codec can't encode character '\\u%04x' in position %zu: surrogates not "
               "allowed",
               (unsigned)cp, pos);
    return false;
}

/* The bytes to write for s: *owned is 0 when s's own UTF-8 is used (no lone
 * surrogates), else a bytes object holding the encoding (the caller drops it). */
static bool encode_text(wf_thread *t, wf_file_object *f, wf_value s, const char **p, size_t *n,
                        wf_value *owned)
{
    *owned = WF_NULL;
    *p = wf_str_utf8(s);
    *n = wf_str_size(s);
    const unsigned char *u = (const unsigned char *)*p;
    if (f->codec->kind != WF_CODEC_UTF8) {
        *owned = wf_codec_encode(t, f->codec, s, wf_str_utf8(f->errors));
    } else {
        size_t i = 0;
        while (i + 2 < *n && !(u[i] == 0xED && u[i + 1] >= 0xA0))
            i++;
        if (i + 2 >= *n)
            return true; /* no surrogate: the str's bytes are its UTF-8 */
        /* a surrogate's 3 bytes become at most 6 ("\udc80") */
        wf_bytes_object *b = wf_bytes_alloc(t, *n * 2);
        if (!b) {
            wf_err_no_memory(t);
            return false;
        }
        size_t len = 0;
        for (i = 0; i < *n;) {
            if (u[i] == 0xED && i + 2 < *n && u[i + 1] >= 0xA0) {
                uint32_t cp = 0xD000 | ((uint32_t)(u[i + 1] & 0x3F) << 6) | (u[i + 2] & 0x3F);
                size_t pos = wf_utf8_length(*p, *p + i);
                if (!encode_surrogate(t, wf_str_utf8(f->errors), cp, pos, b->data, &len)) {
                    wf_decref(t, &b->ob);
                    return false;
                }
                i += 3;
                continue;
            }
            b->data[len++] = (char)u[i++];
        }
        b->size = len; /* not yet published: shrinking in place is safe */
        b->data[len] = 0;
        *owned = wf_from_object(&b->ob);
    }
    if (!*owned)
        return false;
    *p = wf_bytes_data(*owned);
    *n = wf_bytes_size(*owned);
    return true;
}

/* Append encoded text to the write buffer, translating '\n' to the newline argument
 * (the codecs weft has all encode '\n' as the one byte 0x0A). */
static int buffer_text(wf_thread *t, wf_file_object *f, const char *p, size_t n)
{
    const char *nl = f->newline;
    bool translate = nl && nl[0] == '\r';
    if (n == 0) /* write(''): p may be NULL, and there is nothing to buffer */
        return 0;
    if (!reserve(t, &f->wbuf, &f->wcap, f->wlen + (translate ? 2 * n : n)))
        return -1;
    if (!translate) {
        memcpy(f->wbuf + f->wlen, p, n);
        f->wlen += n;
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        if (p[i] != '\n') {
            f->wbuf[f->wlen++] = p[i];
            continue;
        }
        for (const char *q = nl; *q; q++)
            f->wbuf[f->wlen++] = *q;
    }
    return 0;
}

/* Before buffering output. A binary file gives back what it read ahead, so the write
 * lands at the logical position; a text file forgets it: CPython's text layer has
 * decoded the whole chunk it read, so its write lands where that chunk ended. An
 * append-mode file's output goes to the end, which tell() then counts from. */
static int prepare_write(wf_thread *t, wf_file_object *f)
{
    if (f->rlen > f->rpos && (f->flags & F_BINARY)) {
        if (drop_readahead(t, f) < 0)
            return -1;
    } else if (f->rlen > f->rpos) {
        f->rpos = f->rlen = 0;
        f->eof = false;
    }
    if ((f->flags & (F_APPEND | F_SEEKABLE)) == (F_APPEND | F_SEEKABLE) && f->wlen == 0 &&
        lseek(f->fd, 0, SEEK_END) < 0) {
        wf_err_set_from_errno(t, errno, WF_NULL);
        return -1;
    }
    return 0;
}

static int write_locked(wf_thread *t, wf_file_object *f, const char *p, size_t n)
{
    if (prepare_write(t, f) < 0)
        return -1;
    if (buffer_text(t, f, p, n) < 0)
        return -1;
    bool newline = memchr(p, '\n', n) || memchr(p, '\r', n);
    if (f->wlen >= CHUNK || (f->flags & F_UNBUFFERED) || ((f->flags & F_LINEBUF) && newline))
        return flush_locked(t, f);
    return 0;
}

/* Binary write of data[0..n): buffered unless the file is unbuffered. */
static int write_bytes_locked(wf_thread *t, wf_file_object *f, const char *data, size_t n)
{
    if (prepare_write(t, f) < 0)
        return -1;
    if (!reserve(t, &f->wbuf, &f->wcap, f->wlen + n))
        return -1;
    memcpy(f->wbuf + f->wlen, data, n);
    f->wlen += n;
    if (f->wlen >= CHUNK || (f->flags & F_UNBUFFERED))
        return flush_locked(t, f);
    return 0;
}

/* write(b) of a binary file: bytes or bytearray; returns the byte count. The
 * bytearray's contents are copied under its lock before the file's lock is taken. */
static wf_value binary_write(wf_thread *t, wf_file_object *f, wf_value b)
{
    wf_value copy;
    if (wf_bytes_check(b)) {
        copy = wf_newref(t, b);
    } else if (wf_bytearray_check(b)) {
        wf_bytearray_object *ba = (wf_bytearray_object *)wf_to_object(b);
        WF_BEGIN_CRITICAL_SECTION(t, &ba->ob);
        copy = wf_bytes_from_data(t, atomic_load(&ba->data), atomic_load(&ba->size));
        WF_END_CRITICAL_SECTION(t);
        if (!copy)
            return WF_NULL;
    } else {
        return wf_err_set(t, &wf_exc_TypeError, "a bytes-like object is required, not '%s'",
                          wf_type_name(wf_type_of(b)));
    }
    wf_value r = WF_NULL;
    if (begin_op(t, f, F_WRITABLE, "write")) {
        int rc = write_bytes_locked(t, f, wf_bytes_data(copy), wf_bytes_size(copy));
        end_op(f);
        if (rc == 0)
            r = wf_int_from_uint64(t, wf_bytes_size(copy));
    }
    wf_value_decref(t, copy);
    return r;
}

static wf_value file_write(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    wf_file_object *f = FILE_OF(self);
    if (!wf_check_no_kwargs(t, "write", kwnames) || !wf_check_nargs(t, "write", nargs, 1, 1))
        return WF_NULL;
    if (f->flags & F_BINARY)
        return binary_write(t, f, args[0]);
    if (!wf_str_check(args[0]))
        return wf_err_set(t, &wf_exc_TypeError, "write() argument must be str, not %s",
                          wf_type_name(wf_type_of(args[0])));
    const char *p;
    size_t n;
    wf_value owned;
    if (!encode_text(t, f, args[0], &p, &n, &owned)) /* outside the lock: may raise */
        return WF_NULL;
    int rc = -1;
    if (begin_op(t, f, F_WRITABLE, "write")) {
        rc = write_locked(t, f, p, n);
        end_op(f);
    }
    if (owned)
        wf_value_decref(t, owned);
    return rc < 0 ? WF_NULL : wf_int_from_int64(t, wf_str_length(args[0]));
}

/* writelines(lines): each item must be a str; nothing is added between them. */
static wf_value file_writelines(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                wf_value kwnames)
{
    if (!wf_check_no_kwargs(t, "writelines", kwnames) ||
        !wf_check_nargs(t, "writelines", nargs, 1, 1))
        return WF_NULL;
    if (is_closed(FILE_OF(self)))
        return closed_error(t, FILE_OF(self), "writelines");
    wf_value it = wf_iter(t, args[0]);
    if (!it)
        return WF_NULL;
    wf_value line;
    while ((line = wf_iter_next(t, it))) {
        wf_value r = file_write(t, self, &line, 1, WF_NULL);
        wf_value_decref(t, line);
        if (!r)
            break;
        wf_value_decref(t, r);
    }
    wf_value_decref(t, it);
    return wf_err_occurred(t) ? WF_NULL : WF_NONE;
}

static wf_value file_flush(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    (void)args;
    wf_file_object *f = FILE_OF(self);
    if (!wf_check_no_kwargs(t, "flush", kwnames) || !wf_check_nargs(t, "flush", nargs, 0, 0) ||
        !begin_op(t, f, 0, "flush"))
        return WF_NULL;
    int rc = flush_locked(t, f);
    end_op(f);
    return rc < 0 ? WF_NULL : WF_NONE;
}

/* Flush and close (once); the first error is reported but the fd is closed anyway. */
static int close_file(wf_thread *t, wf_file_object *f)
{
    wf_mutex_lock(&f->io_lock);
    if (is_closed(f)) {
        wf_mutex_unlock(&f->io_lock);
        return 0;
    }
    int rc = flush_locked(t, f);
    atomic_store_explicit(&f->closed, true, memory_order_relaxed);
    if ((f->flags & F_CLOSEFD) && close(f->fd) < 0 && rc == 0) {
        wf_err_set_from_errno(t, errno, WF_NULL);
        rc = -1;
    }
    wf_mutex_unlock(&f->io_lock);
    return rc;
}

static wf_value file_close(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    (void)args;
    if (!wf_check_no_kwargs(t, "close", kwnames) || !wf_check_nargs(t, "close", nargs, 0, 0))
        return WF_NULL;
    return close_file(t, FILE_OF(self)) < 0 ? WF_NULL : WF_NONE;
}

static wf_value file_fileno(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    (void)args;
    if (!wf_check_no_kwargs(t, "fileno", kwnames) || !wf_check_nargs(t, "fileno", nargs, 0, 0))
        return WF_NULL;
    if (is_closed(FILE_OF(self)))
        return closed_error(t, FILE_OF(self), "fileno");
    return wf_smallint_box(FILE_OF(self)->fd);
}

static wf_value file_isatty(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                            wf_value kwnames)
{
    (void)args;
    if (!wf_check_no_kwargs(t, "isatty", kwnames) || !wf_check_nargs(t, "isatty", nargs, 0, 0))
        return WF_NULL;
    if (is_closed(FILE_OF(self)))
        return closed_error(t, FILE_OF(self), "isatty");
    return wf_bool(isatty(FILE_OF(self)->fd));
}

/* readable() / writable() / seekable(): the mode's answer, ValueError once closed. */
static wf_value flag_query(wf_thread *t, wf_value self, const char *fname, size_t nargs,
                           wf_value kwnames, unsigned flag)
{
    if (!wf_check_no_kwargs(t, fname, kwnames) || !wf_check_nargs(t, fname, nargs, 0, 0))
        return WF_NULL;
    if (is_closed(FILE_OF(self)))
        return closed_error(t, FILE_OF(self), fname);
    return wf_bool(FILE_OF(self)->flags & flag);
}

static wf_value file_readable(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    (void)args;
    return flag_query(t, self, "readable", nargs, kwnames, F_READABLE);
}

static wf_value file_writable(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    (void)args;
    return flag_query(t, self, "writable", nargs, kwnames, F_WRITABLE);
}

static wf_value file_seekable(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    (void)args;
    return flag_query(t, self, "seekable", nargs, kwnames, F_SEEKABLE);
}

/* seek(cookie, whence=0): text files accept seek(0, 1) / seek(0, 2) / absolute
 * positions from tell(), as CPython; binary files any offset, a negative result being
 * the lseek's EINVAL. */
static wf_value file_seek(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    wf_file_object *f = FILE_OF(self);
    int64_t off, whence = 0;
    if (!wf_check_no_kwargs(t, "seek", kwnames) || !wf_check_nargs(t, "seek", nargs, 1, 2))
        return WF_NULL;
    if (!wf_int_check(args[0]) || (nargs == 2 && !wf_int_check(args[1])))
        return wf_err_set(t, &wf_exc_TypeError, "an integer is required");
    if (!wf_int_as_int64(t, args[0], &off) || (nargs == 2 && !wf_int_as_int64(t, args[1], &whence)))
        return WF_NULL;
    bool binary = f->flags & F_BINARY;
    if ((whence < 0 || whence > 2) && binary)
        return wf_err_set(t, &wf_exc_ValueError, "whence value %lld unsupported",
                          (long long)whence);
    if (whence < 0 || whence > 2)
        return wf_err_set(t, &wf_exc_ValueError, "invalid whence (%lld, should be 0, 1 or 2)",
                          (long long)whence);
    if (whence != 0 && off != 0 && !binary)
        return unsupported(t, whence == 1 ? "can't do nonzero cur-relative seeks"
                                          : "can't do nonzero end-relative seeks");
    if (whence == 0 && off < 0 && !binary)
        return wf_err_set(t, &wf_exc_ValueError, "negative seek position %lld", (long long)off);
    if (!(f->flags & F_SEEKABLE)) {
        if (is_closed(f))
            return closed_error(t, f, "seek");
        return unsupported(t, "underlying stream is not seekable");
    }
    if (!begin_op(t, f, 0, "seek"))
        return WF_NULL;
    off_t pos = -1;
    if (flush_locked(t, f) == 0 && (whence != 1 || drop_readahead(t, f) == 0)) {
        pos = lseek(f->fd, (off_t)off, (int)whence);
        if (pos < 0) { /* the position did not move: what was read ahead stays valid */
            wf_err_set_from_errno(t, errno, WF_NULL);
        } else {
            f->rpos = f->rlen = 0;
            f->eof = false;
        }
    }
    end_op(f);
    return pos < 0 ? WF_NULL : wf_int_from_int64(t, pos);
}

/* tell(): the fd's offset, less what was read ahead, plus what waits to be written. */
static wf_value file_tell(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    (void)args;
    wf_file_object *f = FILE_OF(self);
    if (!wf_check_no_kwargs(t, "tell", kwnames) || !wf_check_nargs(t, "tell", nargs, 0, 0))
        return WF_NULL;
    if (!(f->flags & F_SEEKABLE)) {
        if (is_closed(f))
            return closed_error(t, f, "tell");
        return unsupported(t, "underlying stream is not seekable");
    }
    if (!begin_op(t, f, 0, "tell"))
        return WF_NULL;
    off_t pos = lseek(f->fd, 0, SEEK_CUR);
    if (pos < 0)
        wf_err_set_from_errno(t, errno, WF_NULL);
    else
        pos = pos - (off_t)(f->rlen - f->rpos) + (off_t)f->wlen;
    end_op(f);
    return pos < 0 ? WF_NULL : wf_int_from_int64(t, pos);
}

/* truncate(size=None): the file cut (or extended) to size bytes, by default at the
 * descriptor's position (which, as in CPython's buffered layer, includes what was read
 * ahead). The position itself does not move. */
static wf_value file_truncate(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    wf_file_object *f = FILE_OF(self);
    int64_t size;
    if (!size_arg(t, "truncate", args, nargs, kwnames, &size))
        return WF_NULL;
    bool given = nargs == 1 && args[0] != WF_NONE; /* a negative size is ftruncate's EINVAL */
    if (!(f->flags & F_WRITABLE)) {
        if (is_closed(f))
            return closed_error(t, f, "truncate");
        return unsupported(t, (f->flags & F_RAW) ? "File not open for writing" : "truncate");
    }
    if (!begin_op(t, f, 0, "truncate"))
        return WF_NULL;
    off_t pos = -1;
    if (flush_locked(t, f) == 0) {
        pos = given ? (off_t)size : lseek(f->fd, 0, SEEK_CUR);
        if (pos < 0 || ftruncate(f->fd, pos) < 0) {
            if (pos < 0 && given)
                errno = EINVAL;
            wf_err_set_from_errno(t, errno, WF_NULL);
            pos = -1;
        }
    }
    end_op(f);
    return pos < 0 ? WF_NULL : wf_int_from_int64(t, pos);
}

/* readinto(b): read up to len(b) bytes into the bytearray b; the count. The file's
 * lock and b's critical section are never held together. */
static wf_value file_readinto(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames)
{
    wf_file_object *f = FILE_OF(self);
    if (!wf_check_no_kwargs(t, "readinto", kwnames) || !wf_check_nargs(t, "readinto", nargs, 1, 1))
        return WF_NULL;
    wf_value b = args[0];
    if (!wf_bytearray_check(b))
        return wf_err_set(t, &wf_exc_TypeError,
                          "readinto() argument must be read-write bytes-like object, not %s",
                          wf_type_name(wf_type_of(b)));
    if (!begin_op(t, f, F_READABLE, "readinto"))
        return WF_NULL;
    wf_value data =
        prepare_read(t, f) < 0 ? WF_NULL : read_locked(t, f, (int64_t)wf_bytearray_size(b));
    end_op(f);
    if (!data)
        return WF_NULL;
    wf_bytearray_object *ba = (wf_bytearray_object *)wf_to_object(b);
    size_t n = wf_bytes_size(data);
    WF_BEGIN_CRITICAL_SECTION(t, &ba->ob);
    size_t room = atomic_load(&ba->size);
    if (n > room) /* b shrank meanwhile */
        n = room;
    memcpy(atomic_load(&ba->data), wf_bytes_data(data), n);
    WF_END_CRITICAL_SECTION(t);
    wf_value_decref(t, data);
    return wf_int_from_uint64(t, n);
}

/* read1(n=-1) / peek(n=0) of a buffered binary file: what the buffer holds, after at
 * most one read(2) when it is empty. read1 takes up to n bytes of it; peek returns all
 * of it and takes nothing. */
static wf_value buffered_take(wf_thread *t, wf_value self, const char *fname, const wf_value *args,
                              size_t nargs, wf_value kwnames, bool consume)
{
    wf_file_object *f = FILE_OF(self);
    int64_t n;
    if (!size_arg(t, fname, args, nargs, kwnames, &n) || !begin_op(t, f, F_READABLE, fname))
        return WF_NULL;
    wf_value r = WF_NULL;
    if (prepare_read(t, f) == 0 && (f->rlen > f->rpos || fill(t, f) >= 0)) {
        size_t avail = f->rlen - f->rpos;
        if (!consume)
            r = wf_bytes_from_data(t, f->rbuf + f->rpos, avail);
        else
            r = take(t, f, n >= 0 && (uint64_t)n < avail ? (size_t)n : avail);
    }
    end_op(f);
    return r;
}

static wf_value file_read1(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    return buffered_take(t, self, "read1", args, nargs, kwnames, true);
}

static wf_value file_peek(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    return buffered_take(t, self, "peek", args, nargs, kwnames, false);
}

/* readall() of a FileIO: everything to EOF. */
static wf_value file_readall(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                             wf_value kwnames)
{
    (void)args;
    wf_file_object *f = FILE_OF(self);
    if (!wf_check_no_kwargs(t, "readall", kwnames) || !wf_check_nargs(t, "readall", nargs, 0, 0) ||
        !begin_op(t, f, F_READABLE, "readall"))
        return WF_NULL;
    wf_value r = prepare_read(t, f) < 0 ? WF_NULL : read_locked(t, f, -1);
    end_op(f);
    return r;
}

static wf_value file_enter(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                           wf_value kwnames)
{
    (void)args;
    if (!wf_check_no_kwargs(t, "__enter__", kwnames) ||
        !wf_check_nargs(t, "__enter__", nargs, 0, 0))
        return WF_NULL;
    if (is_closed(FILE_OF(self)))
        return closed_error(t, FILE_OF(self), "__enter__");
    return wf_newref(t, self);
}

static wf_value file_exit(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                          wf_value kwnames)
{
    (void)args;
    (void)nargs;
    if (!wf_check_no_kwargs(t, "__exit__", kwnames))
        return WF_NULL;
    return close_file(t, FILE_OF(self)) < 0 ? WF_NULL : WF_NONE;
}

/* ---- Slots and attributes ------------------------------------------------------------ */

static wf_value file_iter(wf_thread *t, wf_value self)
{
    if (is_closed(FILE_OF(self)))
        return closed_error(t, FILE_OF(self), "__iter__");
    return wf_newref(t, self);
}

static wf_value file_iternext(wf_thread *t, wf_value self)
{
    wf_value line = file_readline(t, self, NULL, 0, WF_NULL);
    if (line && result_length(line) == 0) {
        wf_value_decref(t, line);
        return WF_NULL;
    }
    return line;
}

/* A FileIO's mode, as CPython's FileIO reports it ('rb', 'wb', 'rb+', 'ab', 'xb'...). */
static const char *raw_mode(const wf_file_object *f)
{
    bool rd = f->flags & F_READABLE, wr = f->flags & F_WRITABLE;
    if (strchr(wf_str_utf8(f->mode), 'x'))
        return rd ? "xb+" : "xb";
    if (f->flags & F_APPEND)
        return rd ? "ab+" : "ab";
    return rd && wr ? "rb+" : rd ? "rb" : "wb";
}

static wf_value file_repr(wf_thread *t, wf_value self)
{
    wf_file_object *f = FILE_OF(self);
    if (f->flags & F_RAW) { /* <_io.FileIO name='x' mode='rb' closefd=True> */
        if (is_closed(f))
            return wf_str_from_cstr(t, "<_io.FileIO [closed]>");
        wf_value n = wf_repr(t, f->name);
        wf_value r =
            n ? wf_str_printf(t, "<_io.FileIO name=%s mode='%s' closefd=%s>", wf_str_utf8(n),
                              raw_mode(f), (f->flags & (F_CLOSEFD | F_SHARED)) ? "True" : "False")
              : WF_NULL;
        if (n)
            wf_value_decref(t, n);
        return r;
    }
    if (f->flags & F_BINARY) { /* <_io.BufferedReader name='x'> */
        wf_value n = wf_repr(t, f->name);
        wf_value r =
            n ? wf_str_printf(t, "<%s name=%s>", f->ob.ob_type->tp_name, wf_str_utf8(n)) : WF_NULL;
        if (n)
            wf_value_decref(t, n);
        return r;
    }
    wf_value name = wf_repr(t, f->name);
    wf_value mode = name ? wf_repr(t, f->mode) : WF_NULL;
    wf_value enc = mode ? wf_repr(t, f->encoding) : WF_NULL;
    wf_value r = enc ? wf_str_printf(t, "<_io.TextIOWrapper name=%s mode=%s encoding=%s>",
                                     wf_str_utf8(name), wf_str_utf8(mode), wf_str_utf8(enc))
                     : WF_NULL;
    wf_value parts[] = {name, mode, enc};
    for (size_t i = 0; i < 3; i++)
        if (parts[i])
            wf_value_decref(t, parts[i]);
    return r;
}

static wf_value get_closed(wf_thread *t, wf_value self)
{
    (void)t;
    return wf_bool(is_closed(FILE_OF(self)));
}

static wf_value get_name(wf_thread *t, wf_value self)
{
    return wf_newref(t, FILE_OF(self)->name);
}

static wf_value get_mode(wf_thread *t, wf_value self)
{
    if (FILE_OF(self)->flags & F_RAW)
        return wf_str_from_cstr(t, raw_mode(FILE_OF(self)));
    return wf_newref(t, FILE_OF(self)->mode);
}

/* text.newlines: None until a line end was read, then the kind seen ("\n", "\r",
 * "\r\n") or a tuple of the kinds, as CPython's universal-newline decoder. */
static wf_value get_newlines(wf_thread *t, wf_value self)
{
    static const char *const kinds[] = {"\r", "\n", "\r\n"};
    static const unsigned bits[] = {NL_CR, NL_LF, NL_CRLF};
    wf_file_object *f = FILE_OF(self);
    wf_mutex_lock(&f->io_lock);
    unsigned seen = f->seen;
    wf_mutex_unlock(&f->io_lock);
    wf_value items[3];
    size_t n = 0;
    for (size_t i = 0; i < 3; i++) {
        if (!(seen & bits[i]))
            continue;
        items[n] = wf_str_from_cstr(t, kinds[i]);
        if (!items[n]) {
            while (n > 0)
                wf_value_decref(t, items[--n]);
            return WF_NULL;
        }
        n++;
    }
    if (n == 0)
        return WF_NONE;
    if (n == 1)
        return items[0];
    wf_value r = n == 2 ? wf_tuple_pack(t, 2, items[0], items[1])
                        : wf_tuple_pack(t, 3, items[0], items[1], items[2]);
    for (size_t i = 0; i < n; i++)
        wf_value_decref(t, items[i]);
    return r;
}

static wf_value get_encoding(wf_thread *t, wf_value self)
{
    return wf_newref(t, FILE_OF(self)->encoding);
}

static wf_value get_errors(wf_thread *t, wf_value self)
{
    return wf_newref(t, FILE_OF(self)->errors);
}

static wf_value get_line_buffering(wf_thread *t, wf_value self)
{
    (void)t;
    return wf_bool(FILE_OF(self)->flags & F_LINEBUF);
}

static wf_value file_new(wf_thread *t, int fd, unsigned flags, wf_value name, wf_value mode,
                         wf_value encoding, wf_value errors, const char *newline);

/* text.buffer: the binary file under a text file (sys.stdout.buffer.write(b"...")).
 * It shares the fd and writes through, so nothing waits in it at exit; the text
 * file's pending output is flushed first, so text written before comes out before. */
static wf_value get_buffer(wf_thread *t, wf_value self)
{
    wf_file_object *f = FILE_OF(self);
    bool raw = f->flags & F_BINARY; /* a binary file's .raw: the FileIO under it */
    if ((f->flags & F_WRITABLE) && !is_closed(f)) {
        wf_mutex_lock(&f->io_lock);
        int rc = flush_locked(t, f);
        wf_mutex_unlock(&f->io_lock);
        if (rc < 0)
            return WF_NULL;
    }
    /* acquire: pairs with the release CAS below; the binary file is fully made */
    wf_value b = atomic_load_explicit(&f->buffer, memory_order_acquire);
    if (b)
        return wf_newref(t, b);
    unsigned keep = F_READABLE | F_WRITABLE | F_APPEND;
    b = file_new(t, f->fd,
                 (f->flags & keep) | F_BINARY | F_UNBUFFERED | (raw ? F_RAW : 0) | F_SHARED,
                 f->name, f->mode, f->encoding, f->errors, NULL);
    if (!b)
        return WF_NULL;
    if (is_closed(f)) /* the fd may already be reused: the buffer is closed too */
        atomic_store_explicit(&FILE_OF(b)->closed, true, memory_order_relaxed);
    wf_value expected = 0;
    if (!atomic_compare_exchange_strong_explicit(&f->buffer, &expected, b, memory_order_acq_rel,
                                                 memory_order_acquire)) {
        wf_value_decref(t, b); /* another thread made it first */
        b = expected;
    }
    return wf_newref(t, b);
}

/* ---- Live writable files, flushed at exit --------------------------------------------
 *
 * A file that is never closed and never freed (kept by a module's globals, which the
 * functions of the module keep alive, or by a cycle) would lose its pending output at
 * exit; CPython flushes such files when it tears the interpreter down. Writable files
 * are therefore kept on one list, and wf_files_flush_all flushes them. The list lock
 * is held only to link, unlink, or take references, never across I/O. */
static wf_mutex live_lock;
static wf_file_object *live_head; /* guarded by live_lock */

static void live_add(wf_file_object *f)
{
    wf_mutex_lock(&live_lock);
    f->live_prev = NULL;
    f->live_next = live_head;
    if (live_head)
        live_head->live_prev = f;
    live_head = f;
    wf_mutex_unlock(&live_lock);
}

static void live_remove(wf_file_object *f)
{
    wf_mutex_lock(&live_lock);
    if (f->live_prev)
        f->live_prev->live_next = f->live_next;
    else if (live_head == f)
        live_head = f->live_next;
    if (f->live_next)
        f->live_next->live_prev = f->live_prev;
    f->live_prev = f->live_next = NULL;
    wf_mutex_unlock(&live_lock);
}

void wf_files_flush_all(wf_thread *t)
{
    /* take references under the lock (a file being freed fails the conditional
     * incref and is flushed by its own dealloc), then flush without it */
    size_t n = 0, cap = 16;
    wf_file_object **files = wf_mem_alloc(t, cap * sizeof *files);
    if (!files)
        return;
    wf_mutex_lock(&live_lock);
    for (wf_file_object *f = live_head; f; f = f->live_next) {
        if (n == cap) {
            wf_file_object **more = wf_mem_realloc(t, files, 2 * cap * sizeof *files);
            if (!more)
                break;
            files = more;
            cap *= 2;
        }
        if (wf_try_incref(t, &f->ob))
            files[n++] = f;
    }
    wf_mutex_unlock(&live_lock);
    for (size_t i = 0; i < n; i++) {
        wf_file_object *f = files[i];
        if (!is_closed(f)) {
            wf_mutex_lock(&f->io_lock);
            if (!is_closed(f) && flush_locked(t, f) < 0)
                wf_err_clear(t); /* as CPython at shutdown: nothing to report it to */
            wf_mutex_unlock(&f->io_lock);
        }
        wf_decref(t, &f->ob);
    }
    wf_mem_free(files);
}

/* Buffers hold no objects; the strings the file refers to are released here. Output
 * still pending is written out, as CPython's finalizer does. */
static void file_dealloc(wf_thread *t, wf_object *o)
{
    wf_file_object *f = (wf_file_object *)o;
    if (f->flags & F_WRITABLE)
        live_remove(f);
    if (close_file(t, f) < 0)
        wf_err_clear(t);
    wf_value_decref(t, f->name);
    wf_value_decref(t, f->mode);
    wf_value_decref(t, f->encoding);
    wf_value_decref(t, f->errors);
    wf_value buffer = atomic_load_explicit(&f->buffer, memory_order_relaxed);
    if (buffer)
        wf_value_decref(t, buffer);
    wf_mem_free(f->wbuf);
    wf_mem_free(f->rbuf);
    wf_object_free(t, o);
}

static const wf_method_def file_methods[] = {
    {"read", file_read, 0},
    {"readline", file_readline, 0},
    {"readlines", file_readlines, 0},
    {"write", file_write, 0},
    {"writelines", file_writelines, 0},
    {"flush", file_flush, 0},
    {"close", file_close, 0},
    {"fileno", file_fileno, 0},
    {"isatty", file_isatty, 0},
    {"readable", file_readable, 0},
    {"writable", file_writable, 0},
    {"seekable", file_seekable, 0},
    {"seek", file_seek, 0},
    {"tell", file_tell, 0},
    {"truncate", file_truncate, 0},
    {"__enter__", file_enter, 0},
    {"__exit__", file_exit, 0},
    {NULL, NULL, 0},
};

/* Binary files: the text file's methods and readinto, then those of each kind. */
#define BINARY_FILE_METHODS                                                                        \
    {"read", file_read, 0}, {"readline", file_readline, 0}, {"readlines", file_readlines, 0},      \
        {"write", file_write, 0}, {"writelines", file_writelines, 0}, {"flush", file_flush, 0},    \
        {"close", file_close, 0}, {"fileno", file_fileno, 0}, {"isatty", file_isatty, 0},          \
        {"readable", file_readable, 0}, {"writable", file_writable, 0},                            \
        {"seekable", file_seekable, 0}, {"seek", file_seek, 0}, {"tell", file_tell, 0},            \
        {"truncate", file_truncate, 0}, {"__enter__", file_enter, 0}, {"__exit__", file_exit, 0},  \
        {"readinto", file_readinto, 0},

static const wf_method_def reader_methods[] = {
    BINARY_FILE_METHODS{"read1", file_read1, 0},
    {"peek", file_peek, 0},
    {NULL, NULL, 0},
};
static const wf_method_def writer_methods[] = {
    BINARY_FILE_METHODS{"read1", file_read1, 0},
    {NULL, NULL, 0},
};
static const wf_method_def raw_methods[] = {
    BINARY_FILE_METHODS{"readall", file_readall, 0},
    {NULL, NULL, 0},
};

static const wf_getset_def file_getset[] = {
    {"closed", get_closed, NULL}, {"name", get_name, NULL},
    {"mode", get_mode, NULL},     {"encoding", get_encoding, NULL},
    {"errors", get_errors, NULL}, {"line_buffering", get_line_buffering, NULL},
    {"buffer", get_buffer, NULL}, {"newlines", get_newlines, NULL},
    {NULL, NULL, NULL},
};

wf_type wf_textio_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "_io.TextIOWrapper",
    .tp_basicsize = sizeof(wf_file_object),
    .tp_dealloc = file_dealloc,
    .tp_repr = file_repr,
    .tp_iter = file_iter,
    .tp_iternext = file_iternext,
    .tp_methods = file_methods,
    .tp_getset = file_getset,
    .tp_doc = "Character and line based layer over a file descriptor.",
};

static const wf_getset_def binary_getset[] = {
    {"closed", get_closed, NULL}, {"name", get_name, NULL}, {"mode", get_mode, NULL},
    {"raw", get_buffer, NULL},    {NULL, NULL, NULL},
};

static const wf_getset_def raw_getset[] = {
    {"closed", get_closed, NULL},
    {"name", get_name, NULL},
    {"mode", get_mode, NULL},
    {NULL, NULL, NULL},
};

#define BINARY_FILE_TYPE(cname, pyname, methods, getset, doc)                                      \
    wf_type cname = {                                                                              \
        .ob_base = WF_TYPE_HEAD,                                                                   \
        .tp_name = pyname,                                                                         \
        .tp_basicsize = sizeof(wf_file_object),                                                    \
        .tp_dealloc = file_dealloc,                                                                \
        .tp_repr = file_repr,                                                                      \
        .tp_iter = file_iter,                                                                      \
        .tp_iternext = file_iternext,                                                              \
        .tp_methods = methods,                                                                     \
        .tp_getset = getset,                                                                       \
        .tp_doc = doc,                                                                             \
    }
BINARY_FILE_TYPE(wf_buffered_reader_type, "_io.BufferedReader", reader_methods, binary_getset,
                 "A buffered binary file.");
BINARY_FILE_TYPE(wf_buffered_writer_type, "_io.BufferedWriter", writer_methods, binary_getset,
                 "A buffered binary file.");
BINARY_FILE_TYPE(wf_buffered_random_type, "_io.BufferedRandom", reader_methods, binary_getset,
                 "A buffered binary file.");
BINARY_FILE_TYPE(wf_fileio_type, "_io.FileIO", raw_methods, raw_getset,
                 "An unbuffered binary file (raw I/O on a file descriptor).");

/* ---- Creation -------------------------------------------------------------------------- */

/* A file object around fd (owned when closefd). Takes new references to the strs. */
static wf_value file_new(wf_thread *t, int fd, unsigned flags, wf_value name, wf_value mode,
                         wf_value encoding, wf_value errors, const char *newline)
{
    wf_type *type = &wf_textio_type;
    if (flags & F_RAW)
        type = &wf_fileio_type;
    else if (flags & F_BINARY)
        type = (flags & F_READABLE) && (flags & F_WRITABLE) ? &wf_buffered_random_type
               : (flags & F_READABLE)                       ? &wf_buffered_reader_type
                                                            : &wf_buffered_writer_type;
    wf_file_object *f = (wf_file_object *)wf_object_alloc(t, type, sizeof *f);
    if (!f)
        return wf_err_no_memory(t);
    memset((char *)f + sizeof(wf_object), 0, sizeof *f - sizeof(wf_object));
    f->fd = fd;
    struct stat st;
    if (lseek(fd, 0, SEEK_CUR) >= 0 && fstat(fd, &st) == 0 && !S_ISCHR(st.st_mode))
        flags |= F_SEEKABLE;
    f->flags = flags;
    f->name = wf_newref(t, name);
    f->mode = wf_newref(t, mode);
    f->encoding = wf_newref(t, encoding);
    f->errors = wf_newref(t, errors);
    f->newline = newline;
    f->codec = (flags & F_BINARY) ? NULL : wf_codec_find("utf-8");
    if (flags & F_WRITABLE)
        live_add(f);
    return wf_from_object(&f->ob);
}

wf_value wf_file_from_fd(wf_thread *t, int fd, const char *name, const char *mode,
                         bool line_buffering, bool write_through, const char *errors)
{
    wf_value n = wf_str_from_cstr(t, name);
    wf_value m = wf_str_from_cstr(t, mode);
    wf_value e = wf_str_from_cstr(t, "utf-8");
    wf_value s = wf_str_from_cstr(t, errors);
    wf_value f = WF_NULL;
    unsigned flags = (mode[0] == 'r' ? F_READABLE : F_WRITABLE);
    if (line_buffering)
        flags |= F_LINEBUF;
    if (write_through)
        flags |= F_UNBUFFERED;
    if (n && m && e && s)
        f = file_new(t, fd, flags, n, m, e, s,
                     "\n"); /* POSIX CPython: lines split at "\n", no translation */
    wf_value parts[] = {n, m, e, s};
    for (size_t i = 0; i < 4; i++)
        if (parts[i])
            wf_value_decref(t, parts[i]);
    return f;
}

/* Parsed open() mode. */
typedef struct open_mode {
    int oflags;     /* for open(2) */
    unsigned flags; /* F_* */
    bool binary;
} open_mode;

/* Validate mode as CPython's io.open does, with its messages. */
static bool parse_mode(wf_thread *t, const char *mode, open_mode *m)
{
    bool r = false, w = false, a = false, x = false, plus = false, b = false, tx = false;
    for (const char *p = mode; *p; p++) {
        bool *flag = NULL;
        switch (*p) {
        case 'r':
            flag = &r;
            break;
        case 'w':
            flag = &w;
            break;
        case 'a':
            flag = &a;
            break;
        case 'x':
            flag = &x;
            break;
        case '+':
            flag = &plus;
            break;
        case 'b':
            flag = &b;
            break;
        case 't':
            flag = &tx;
            break;
        default:
            break;
        }
        if (!flag || *flag) {
            wf_err_set(t, &wf_exc_ValueError, "invalid mode: '%s'", mode);
            return false;
        }
        *flag = true;
    }
    if (b && tx) {
        wf_err_set(t, &wf_exc_ValueError, "can't have text and binary mode at once");
        return false;
    }
    if (r + w + a + x != 1) {
        wf_err_set(t, &wf_exc_ValueError, "must have exactly one of create/read/write/append mode");
        return false;
    }
    m->binary = b;
    m->flags = 0;
    if (r)
        m->oflags = plus ? O_RDWR : O_RDONLY;
    else
        m->oflags = (plus ? O_RDWR : O_WRONLY) | O_CREAT | (w ? O_TRUNC : a ? O_APPEND : O_EXCL);
    m->oflags |= O_CLOEXEC;
    if (r || plus)
        m->flags |= F_READABLE;
    if (!r || plus)
        m->flags |= F_WRITABLE;
    if (a)
        m->flags |= F_APPEND;
    return true;
}

/* The newline argument as one of the static strings (NULL for None). */
static bool parse_newline(wf_thread *t, wf_value v, const char **out)
{
    static const char *const allowed[] = {"", "\n", "\r", "\r\n"};
    *out = NULL;
    if (!v || v == WF_NONE)
        return true;
    if (!wf_str_check(v)) {
        wf_err_set(t, &wf_exc_TypeError, "open() argument 'newline' must be str or None, not %s",
                   wf_type_name(wf_type_of(v)));
        return false;
    }
    for (size_t i = 0; i < 4; i++)
        if (strcmp(wf_str_utf8(v), allowed[i]) == 0) {
            *out = allowed[i];
            return true;
        }
    wf_err_set(t, &wf_exc_ValueError, "illegal newline value: %s", wf_str_utf8(v));
    return false;
}

/* Whether the single-byte codec c keeps the ASCII line ends: "\n" and "\r" are the
 * bytes 0x0A and 0x0D and no other byte decodes to them, so the byte-level newline
 * handling of text files holds. */
static bool ascii_line_ends(const wf_codec *c)
{
    for (int b = 0; b < 256; b++) {
        bool line_byte = b == '\n' || b == '\r';
        bool line_char = c->table[b] == '\n' || c->table[b] == '\r';
        if (line_byte ? c->table[b] != b : line_char)
            return false;
    }
    return true;
}

/* The codec of a text file opened with encoding=name (runtime/codecs.h), or NULL with
 * the error set: CPython's LookupError for a name that is no text codec, and
 * NotImplementedError for a codec whose files weft cannot read and write yet. A text
 * file works on its bytes (line ends, a character's bytes whole within one read), so
 * only UTF-8 and the single-byte codecs that keep the ASCII line ends qualify: not
 * UTF-16/32, utf-8-sig (the BOM is state), the escape codecs or EBCDIC. "locale" is
 * UTF-8: weft assumes a UTF-8 locale. */
static const wf_codec *file_codec(wf_thread *t, const char *name)
{
    const wf_codec *c = wf_codec_find(strcmp(name, "locale") == 0 ? "utf-8" : name);
    if (!c) {
        wf_err_set(t, &wf_exc_LookupError, "unknown encoding: %s", name);
        return NULL;
    }
    if (c->kind == WF_CODEC_NOT_TEXT) {
        wf_err_set(t, &wf_exc_LookupError,
                   "'%s' is not a text encoding; use codecs.open() to handle arbitrary codecs",
                   name);
        return NULL;
    }
    if (c->kind == WF_CODEC_UTF8 ||
        (c->table && c->kind != WF_CODEC_UNDEFINED && ascii_line_ends(c)))
        return c;
    wf_err_set(t, &wf_exc_NotImplementedError, "weft cannot read or write text files in '%s' yet",
               c->name);
    return NULL;
}

/* Check the optional str arguments of open(): "open() argument 'x' must be str or
 * None, not int". */
static bool str_or_none_arg(wf_thread *t, const char *name, wf_value v)
{
    if (!v || v == WF_NONE || wf_str_check(v))
        return true;
    wf_err_set(t, &wf_exc_TypeError, "open() argument '%s' must be str or None, not %s", name,
               wf_type_name(wf_type_of(v)));
    return false;
}

/* open(2) the path (detached: it may block on a FIFO or a network file system). */
static int open_path(wf_thread *t, const char *path, int oflags)
{
    wf_thread_detach(t);
    int fd;
    do
        fd = open(path, oflags, 0666);
    while (fd < 0 && errno == EINTR);
    int err = errno;
    wf_thread_attach(t);
    errno = err;
    return fd;
}

/* os.fspath(file) for an object with __fspath__ (pathlib paths): open() accepts
 * str, bytes, an fd, or such an object. */
static wf_value fspath(wf_thread *t, wf_value file)
{
    wf_value name = wf_str_intern_cstr(t, "__fspath__");
    if (!wf_type_lookup(t, wf_type_of(file), name))
        return wf_err_set(t, &wf_exc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                          wf_type_name(wf_type_of(file)));
    wf_value path = wf_call_method(t, file, name, NULL, 0);
    if (path && !wf_str_check(path) && !wf_bytes_check(path)) {
        wf_err_set(t, &wf_exc_TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                   wf_type_name(wf_type_of(file)), wf_type_name(wf_type_of(path)));
        wf_value_decref(t, path);
        return WF_NULL;
    }
    return path;
}

wf_value wf_file_open(wf_thread *t, wf_value file, wf_value mode, wf_value buffering,
                      wf_value encoding, wf_value errors, wf_value newline, wf_value closefd)
{
    return wf_file_open_ex(t, file, mode, buffering, encoding, errors, newline, closefd, WF_NULL);
}

/* opener(file, flags) -> fd, for open(..., opener=). -1 with the exception set. */
static int call_opener(wf_thread *t, wf_value opener, wf_value file, int oflags)
{
    wf_value args[] = {file, wf_smallint_box(oflags)};
    wf_value r = wf_call(t, opener, args, 2, WF_NULL);
    if (!r)
        return -1;
    int64_t fd = -1;
    bool ok = wf_int_check(r) && wf_int_as_int64(t, r, &fd);
    if (!ok && !wf_err_occurred(t))
        wf_err_set(t, &wf_exc_TypeError, "expected integer from opener");
    wf_value_decref(t, r);
    if (ok && (fd < 0 || fd > INT32_MAX)) {
        wf_err_set(t, &wf_exc_ValueError, "opener returned %lld", (long long)fd);
        ok = false;
    }
    return ok ? (int)fd : -1;
}

wf_value wf_file_open_ex(wf_thread *t, wf_value file, wf_value mode, wf_value buffering,
                         wf_value encoding, wf_value errors, wf_value newline, wf_value closefd,
                         wf_value opener)
{
    bool is_fd = wf_int_check(file) && !wf_isinstance_type(file, &wf_bool_type);
    if (!wf_str_check(file) && !wf_bytes_check(file) && !is_fd) {
        wf_value path = fspath(t, file);
        if (!path)
            return WF_NULL;
        wf_value f =
            wf_file_open_ex(t, path, mode, buffering, encoding, errors, newline, closefd, opener);
        wf_value_decref(t, path);
        return f;
    }
    if (mode && !wf_str_check(mode))
        return wf_err_set(t, &wf_exc_TypeError, "open() argument 'mode' must be str, not %s",
                          wf_type_name(wf_type_of(mode)));
    if (!str_or_none_arg(t, "encoding", encoding) || !str_or_none_arg(t, "errors", errors))
        return WF_NULL;
    const char *mode_s = mode ? wf_str_utf8(mode) : "r";
    open_mode m;
    const char *nl;
    int64_t buf = -1;
    if (!parse_mode(t, mode_s, &m))
        return WF_NULL;
    if (buffering && !wf_int_check(buffering))
        return wf_err_set(t, &wf_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          wf_type_name(wf_type_of(buffering)));
    if (buffering && !wf_int_as_int64(t, buffering, &buf))
        return WF_NULL;
    bool has_enc = encoding && encoding != WF_NONE, has_err = errors && errors != WF_NONE;
    bool has_nl = newline && newline != WF_NONE;
    if (m.binary && has_enc)
        return wf_err_set(t, &wf_exc_ValueError, "binary mode doesn't take an encoding argument");
    if (m.binary && has_err)
        return wf_err_set(t, &wf_exc_ValueError, "binary mode doesn't take an errors argument");
    if (m.binary && has_nl)
        return wf_err_set(t, &wf_exc_ValueError, "binary mode doesn't take a newline argument");
    if (!m.binary && buf == 0)
        return wf_err_set(t, &wf_exc_ValueError, "can't have unbuffered text I/O");
    if (!parse_newline(t, newline, &nl))
        return WF_NULL;
    int close_it = closefd ? wf_truth(t, closefd) : 1;
    if (close_it < 0)
        return WF_NULL;
    if (!close_it && !is_fd)
        return wf_err_set(t, &wf_exc_ValueError, "Cannot use closefd=False with file name");
    int fd;
    if (is_fd) {
        int64_t n;
        if (!wf_int_as_int64(t, file, &n))
            return WF_NULL;
        if (n < 0 || n > INT32_MAX)
            return wf_err_set(t, &wf_exc_ValueError, "negative file descriptor");
        fd = (int)n;
        struct stat st;
        if (fstat(fd, &st) < 0)
            return wf_err_set_from_errno(t, errno, WF_NULL);
    } else {
        const char *path = wf_str_check(file) ? wf_str_utf8(file) : wf_bytes_data(file);
        if (strlen(path) != (wf_str_check(file) ? wf_str_size(file) : wf_bytes_size(file)))
            return wf_err_set(t, &wf_exc_ValueError, "embedded null character");
        if (opener && opener != WF_NONE) {
            fd = call_opener(t, opener, file, m.oflags);
            if (fd < 0)
                return WF_NULL;
        } else {
            fd = open_path(t, path, m.oflags);
            if (fd < 0)
                return wf_err_set_from_errno(t, errno, file);
        }
        struct stat st; /* open(2) gives a directory for O_RDONLY; Python refuses it */
        if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            close(fd);
            return wf_err_set_from_errno(t, EISDIR, file);
        }
    }
    const wf_codec *codec = m.binary  ? NULL
                            : has_enc ? file_codec(t, wf_str_utf8(encoding))
                                      : wf_codec_find("utf-8");
    if (!m.binary && !codec) {
        if (close_it)
            close(fd);
        return WF_NULL;
    }
    /* as CPython's FileIO: an append-mode file starts at its end (tell() is its size) */
    if ((m.flags & F_APPEND) && lseek(fd, 0, SEEK_END) < 0 && errno != ESPIPE) {
        int err = errno;
        if (close_it)
            close(fd);
        return wf_err_set_from_errno(t, err, file);
    }
    unsigned flags = m.flags | (close_it ? F_CLOSEFD : 0);
    if (m.binary)
        flags |= F_BINARY | (buf == 0 ? F_UNBUFFERED | F_RAW : 0);
    else if (!nl)
        flags |= F_TRANSLATE;
    if (!m.binary && (buf == 1 || (buf < 0 && isatty(fd))))
        flags |= F_LINEBUF;
    wf_value enc = has_enc ? wf_newref(t, encoding) : wf_str_from_cstr(t, "UTF-8");
    wf_value err = has_err ? wf_newref(t, errors) : wf_str_from_cstr(t, "strict");
    wf_value md = mode ? wf_newref(t, mode) : wf_str_from_cstr(t, "r");
    wf_value f = (enc && err && md) ? file_new(t, fd, flags, file, md, enc, err, nl) : WF_NULL;
    if (f && codec)
        FILE_OF(f)->codec = codec; /* before anyone else sees the file */
    wf_value parts[] = {enc, err, md};
    for (size_t i = 0; i < 3; i++)
        if (parts[i])
            wf_value_decref(t, parts[i]);
    if (!f && close_it)
        close(fd);
    return f;
}
