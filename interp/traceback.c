/* Traceback objects and the printing of uncaught exceptions, as CPython 3.11's
 * default excepthook writes them: chained exceptions first, each traceback entry with
 * its source line (read again from the file, as linecache does) and the caret line
 * under the failing range — `~` under the operands and `^` under the operator of a
 * binary operation or subscript, `^` everywhere else, and no caret line when it would
 * underline the whole line. The exception line is followed by its __notes__; an
 * exception group prints its sub-exceptions in indented boxes. */
#include "interp/traceback.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp/arena.h"
#include "interp/module.h"
#include "interp/parser.h"
#include "interp/run.h"
#include "runtime/abstract.h"
#include "runtime/alloc.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/singletons.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

/* ---- Traceback objects --------------------------------------------------------------- */

bool wf_traceback_add(wf_thread *t, wf_value exc, wf_code *code, int lasti, wf_value globals,
                      wf_value builtins)
{
    if (!wf_exception_check(exc))
        return true;
    wf_traceback *tb = (wf_traceback *)wf_object_alloc(t, &wf_traceback_type, sizeof(wf_traceback));
    if (!tb)
        return wf_err_no_memory(t), false;
    wf_exception *e = (wf_exception *)wf_to_object(exc);
    tb->next = e->traceback; /* the reference moves to the new head */
    tb->code = code;
    tb->lasti = lasti;
    tb->lineno = wf_code_line(code, (size_t)lasti);
    tb->globals = globals ? wf_newref(t, globals) : 0;
    tb->builtins = builtins ? wf_newref(t, builtins) : 0;
    e->traceback = wf_from_object(&tb->ob);
    return true;
}

static void tb_dealloc(wf_thread *t, wf_object *o)
{
    wf_traceback *tb = (wf_traceback *)o;
    wf_value refs[] = {tb->next, tb->globals, tb->builtins};
    for (size_t i = 0; i < 3; i++)
        if (refs[i])
            wf_value_decref(t, refs[i]);
    wf_object_free(t, o);
}

#define TB(v) ((wf_traceback *)wf_to_object(v))

static wf_value tb_get_next(wf_thread *t, wf_value self)
{
    return wf_newref(t, TB(self)->next ? TB(self)->next : WF_NONE);
}
static wf_value tb_get_lineno(wf_thread *t, wf_value self)
{
    return wf_int_from_int64(t, TB(self)->lineno);
}
static wf_value tb_get_lasti(wf_thread *t, wf_value self)
{
    return wf_int_from_int64(t, TB(self)->lasti * 2); /* in bytes, as CPython */
}

/* ---- Frame summaries ------------------------------------------------------------------
 *
 * tb.tb_frame and generator.gi_frame give a summary of the frame (weft's frames live in
 * per-thread stacks and are not objects): its code, line, globals and builtins. */

typedef struct wf_frame_summary {
    wf_object ob;
    wf_code *code;
    int lineno;
    wf_value globals, builtins;
} wf_frame_summary;

#define FS(v) ((wf_frame_summary *)wf_to_object(v))

wf_value wf_frame_summary_new(wf_thread *t, wf_code *code, int lineno, wf_value globals,
                              wf_value builtins)
{
    wf_frame_summary *fs =
        (wf_frame_summary *)wf_object_alloc(t, &wf_frame_summary_type, sizeof(wf_frame_summary));
    if (!fs)
        return wf_err_no_memory(t);
    fs->code = code;
    fs->lineno = lineno;
    fs->globals = globals ? wf_newref(t, globals) : 0;
    fs->builtins = builtins ? wf_newref(t, builtins) : 0;
    return wf_from_object(&fs->ob);
}

static void fs_dealloc(wf_thread *t, wf_object *o)
{
    wf_frame_summary *fs = (wf_frame_summary *)o;
    if (fs->globals)
        wf_value_decref(t, fs->globals);
    if (fs->builtins)
        wf_value_decref(t, fs->builtins);
    wf_object_free(t, o);
}

static wf_value fs_get_code(wf_thread *t, wf_value self)
{
    return wf_newref(t, wf_from_object(&FS(self)->code->ob));
}
static wf_value fs_get_lineno(wf_thread *t, wf_value self)
{
    return wf_int_from_int64(t, FS(self)->lineno);
}
static wf_value fs_get_globals(wf_thread *t, wf_value self)
{
    return wf_newref(t, FS(self)->globals ? FS(self)->globals : WF_NONE);
}
static wf_value fs_get_builtins(wf_thread *t, wf_value self)
{
    return wf_newref(t, FS(self)->builtins ? FS(self)->builtins : WF_NONE);
}
static wf_value fs_get_back(wf_thread *t, wf_value self)
{
    (void)self;
    return wf_newref(t, WF_NONE);
}

/* <frame at 0x..., file 'x.py', line 3, code f> */
static wf_value fs_repr(wf_thread *t, wf_value self)
{
    wf_frame_summary *fs = FS(self);
    return wf_str_printf(t, "<frame at %p, file '%s', line %d, code %s>", (void *)fs,
                         wf_str_utf8(fs->code->filename), fs->lineno, wf_str_utf8(fs->code->name));
}

static const wf_getset_def fs_getset[] = {
    {"f_code", fs_get_code, NULL},       {"f_lineno", fs_get_lineno, NULL},
    {"f_globals", fs_get_globals, NULL}, {"f_builtins", fs_get_builtins, NULL},
    {"f_back", fs_get_back, NULL},       {NULL},
};

wf_type wf_frame_summary_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "frame",
    .tp_basicsize = sizeof(wf_frame_summary),
    .tp_dealloc = fs_dealloc,
    .tp_repr = fs_repr,
    .tp_getset = fs_getset,
};

static wf_value tb_get_frame(wf_thread *t, wf_value self)
{
    wf_traceback *tb = TB(self);
    return wf_frame_summary_new(t, tb->code, tb->lineno, tb->globals, tb->builtins);
}

static const wf_getset_def tb_getset[] = {
    {"tb_frame", tb_get_frame, NULL},
    {"tb_next", tb_get_next, NULL},
    {"tb_lineno", tb_get_lineno, NULL},
    {"tb_lasti", tb_get_lasti, NULL},
    {NULL},
};

wf_type wf_traceback_type = {
    .ob_base = WF_TYPE_HEAD,
    .tp_name = "traceback",
    .tp_basicsize = sizeof(wf_traceback),
    .tp_flags = WF_TPFLAG_TRACKED,
    .tp_dealloc = tb_dealloc,
    .tp_getset = tb_getset,
};

/* ---- Output buffer ------------------------------------------------------------------- */

typedef struct outbuf {
    char *s;
    size_t len, cap;
} outbuf;

static void out_add(outbuf *o, const char *s, size_t n)
{
    if (o->len + n + 1 > o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 1024;
        while (cap < o->len + n + 1)
            cap *= 2;
        char *p = wf_raw_realloc(o->s, cap);
        if (!p)
            return; /* out of memory: the report is truncated */
        o->s = p;
        o->cap = cap;
    }
    memcpy(o->s + o->len, s, n);
    o->len += n;
    o->s[o->len] = 0;
}

static void out_printf(outbuf *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void out_printf(outbuf *o, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof buf) {
        out_add(o, buf, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big)
        return;
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    out_add(o, big, (size_t)n);
    free(big);
}

static void out_repeat(outbuf *o, char ch, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out_add(o, &ch, 1);
}

/* ---- Source lines -------------------------------------------------------------------- */

/* Line `lineno` of the file (malloc'd, without the newline), or NULL. */
static char *read_line(const char *filename, int lineno)
{
    if (filename[0] == '<')
        return NULL;
    FILE *fp = fopen(filename, "rb");
    if (!fp)
        return NULL;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = 0;
    for (int i = 0; i < lineno && (n = getline(&line, &cap, fp)) >= 0; i++) {
    }
    fclose(fp);
    if (n < 0) {
        free(line);
        return NULL;
    }
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
        line[--n] = 0;
    return line;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\n' || c == '\r';
}

/* Code points in the first `bytes` bytes of s. */
static size_t chars_in(const char *s, size_t bytes)
{
    size_t n = 0;
    for (size_t i = 0; i < bytes && s[i]; i++)
        n += ((unsigned char)s[i] & 0xc0) != 0x80;
    return n;
}

/* ---- Caret anchors ------------------------------------------------------------------- */

typedef struct anchors {
    size_t left_end, right_start; /* byte offsets within the segment */
} anchors;

/* traceback._extract_caret_anchors_from_line_segment: for a binary operation the
 * operator, for a subscript the brackets and what they hold. */
static bool find_anchors(const char *seg, size_t len, anchors *out)
{
    wf_arena arena;
    wf_arena_init(&arena);
    wf_syntax_error err;
    wf_module *m = wf_parse_module(&arena, seg, len, "<anchors>", &err);
    bool ok = false;
    if (m && m->body.n == 1 && m->body.items[0]->kind == WF_EXPR) {
        const wf_expr *e = m->body.items[0]->u.expr.value;
        if (e->kind == WF_BINOP && e->loc.lineno == 1 && e->loc.end_lineno == 1) {
            size_t op_start = (size_t)e->u.binop.left->loc.end_col;
            size_t op_end = (size_t)e->u.binop.right->loc.col;
            size_t off = 0;
            while (op_start + off < op_end && is_space(seg[op_start + off]))
                off++;
            size_t left = op_start + off, right = left + 1;
            if (left + 1 < op_end && !is_space(seg[left + 1]))
                right++;
            while (left < len && (is_space(seg[left]) || seg[left] == ')' || seg[left] == '#')) {
                left++;
                right++;
            }
            *out = (anchors){left, right};
            ok = true;
        } else if (e->kind == WF_SUBSCRIPT && e->loc.lineno == 1) {
            size_t left = (size_t)e->u.subscript.value->loc.end_col;
            size_t right = (size_t)e->u.subscript.slice->loc.end_col + 1;
            while (left < len && seg[left] != '[')
                left++;
            while (right < len && seg[right] != ']')
                right++;
            if (right < len)
                right++;
            *out = (anchors){left, right};
            ok = true;
        }
    }
    wf_arena_fini(&arena);
    return ok;
}

/* The caret line for an instruction's range on `line` (3.11's format_frame_summary). */
static void caret_line(outbuf *o, const char *line, wf_loc loc)
{
    size_t linelen = strlen(line), lead = 0;
    while (lead < linelen && is_space(line[lead]))
        lead++;
    size_t end_trim = linelen;
    while (end_trim > lead && is_space(line[end_trim - 1]))
        end_trim--;
    if (loc.col < 0 || loc.end_col < 0 || (size_t)loc.col > linelen)
        return;
    size_t start = (size_t)loc.col;
    size_t end = loc.lineno == loc.end_lineno ? (size_t)loc.end_col : end_trim;
    if (end > linelen)
        end = linelen;
    if (end < start)
        return;
    anchors a;
    bool has = loc.lineno == loc.end_lineno && find_anchors(line + start, end - start, &a);
    size_t start_c = chars_in(line, start), end_c = chars_in(line, end);
    size_t lead_c = chars_in(line, lead), stripped_c = chars_in(line + lead, end_trim - lead);
    size_t left_c = has ? chars_in(line + start, a.left_end) : 0;
    size_t right_c = has ? chars_in(line + start, a.right_start) : 0;
    if (!(end_c - start_c < stripped_c || (has && right_c > left_c)))
        return;
    out_add(o, "    ", 4);
    out_repeat(o, ' ', start_c - lead_c);
    if (has) {
        out_repeat(o, '~', left_c);
        out_repeat(o, '^', right_c - left_c);
        out_repeat(o, '~', end_c - start_c - right_c);
    } else {
        out_repeat(o, '^', end_c - start_c);
    }
    out_add(o, "\n", 1);
}

/* ---- Printing ------------------------------------------------------------------------ */

static void print_tb_entry(outbuf *o, const wf_traceback *tb)
{
    const wf_code *co = tb->code;
    const char *filename = wf_str_utf8(co->filename);
    out_printf(o, "  File \"%s\", line %d, in %s\n", filename, tb->lineno, wf_str_utf8(co->name));
    char *line = read_line(filename, tb->lineno);
    if (!line)
        return;
    const char *s = line;
    while (is_space(*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && is_space(s[n - 1]))
        n--;
    if (n) {
        out_add(o, "    ", 4);
        out_add(o, s, n);
        out_add(o, "\n", 1);
        wf_loc loc = co->locations[tb->lasti];
        if (loc.lineno == tb->lineno)
            caret_line(o, line, loc);
    }
    free(line);
}

/* ---- "Did you mean" ------------------------------------------------------------------ */

#define MAX_CANDIDATES  750
#define MAX_STRING_SIZE 40
#define MOVE_COST       2
#define CASE_COST       1

/* CPython's suggestions.c: edit costs where a change of case is cheaper. */
static size_t substitution_cost(char a, char b)
{
    if ((a & 31) != (b & 31))
        return MOVE_COST;
    if (a == b)
        return 0;
    if (a >= 'A' && a <= 'Z')
        a = (char)(a + ('a' - 'A'));
    if (b >= 'A' && b <= 'Z')
        b = (char)(b + ('a' - 'A'));
    return a == b ? CASE_COST : MOVE_COST;
}

/* Levenshtein distance with those costs, giving up above max_cost. */
static size_t levenshtein(const char *a, size_t an, const char *b, size_t bn, size_t max_cost)
{
    while (an && bn && a[0] == b[0]) {
        a++;
        b++;
        an--;
        bn--;
    }
    while (an && bn && a[an - 1] == b[bn - 1]) {
        an--;
        bn--;
    }
    if (an == 0 || bn == 0)
        return (an + bn) * MOVE_COST;
    if (an > MAX_STRING_SIZE || bn > MAX_STRING_SIZE)
        return max_cost + 1;
    if (bn < an) {
        const char *ts = a;
        a = b;
        b = ts;
        size_t tn = an;
        an = bn;
        bn = tn;
    }
    if ((bn - an) * MOVE_COST > max_cost)
        return max_cost + 1;
    size_t buffer[MAX_STRING_SIZE];
    for (size_t i = 0; i < an; i++)
        buffer[i] = (i + 1) * MOVE_COST;
    size_t result = 0;
    for (size_t bi = 0; bi < bn; bi++) {
        size_t distance = result = bi * MOVE_COST;
        size_t minimum = SIZE_MAX;
        for (size_t i = 0; i < an; i++) {
            size_t substitute = distance + substitution_cost(b[bi], a[i]);
            distance = buffer[i];
            size_t insert_delete = (result < distance ? result : distance) + MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            buffer[i] = result;
            if (result < minimum)
                minimum = result;
        }
        if (minimum > max_cost)
            return max_cost + 1;
    }
    return result;
}

typedef struct suggestion {
    const char *name;
    size_t name_len;
    char *best; /* malloc'd */
    size_t best_distance;
} suggestion;

static void consider(suggestion *sg, wf_value item)
{
    if (!wf_str_check(item))
        return;
    const char *s = wf_str_utf8(item);
    size_t n = wf_str_size(item);
    if (n == sg->name_len && memcmp(s, sg->name, n) == 0)
        return;
    size_t max = (sg->name_len + n + 3) * MOVE_COST / 6;
    if (sg->best && sg->best_distance - 1 < max)
        max = sg->best_distance - 1;
    size_t d = levenshtein(sg->name, sg->name_len, s, n, max);
    if (d > max)
        return;
    if (!sg->best || d < sg->best_distance) {
        free(sg->best);
        sg->best = strdup(s);
        sg->best_distance = d;
    }
}

/* Consider every item of an iterable of names (dir() output, a dict's keys). */
static void consider_all(wf_thread *t, suggestion *sg, wf_value names)
{
    wf_value list = wf_dict_check(names) ? wf_dict_items(t, names) : wf_newref(t, names);
    if (!list || wf_len(t, list) > MAX_CANDIDATES) {
        if (list)
            wf_value_decref(t, list);
        wf_err_clear(t);
        return;
    }
    wf_value it = wf_iter(t, list);
    for (wf_value v; it && (v = wf_iter_next(t, it));) {
        consider(sg, wf_tuple_check(v) && wf_tuple_size(v) == 2 ? WF_TUPLE_ITEMS(v)[0] : v);
        wf_value_decref(t, v);
    }
    if (it)
        wf_value_decref(t, it);
    wf_value_decref(t, list);
    wf_err_clear(t);
}

static wf_value dir_of(wf_thread *t, wf_value obj)
{
    wf_value b = wf_builtins_module(t);
    wf_value dir = b ? wf_getattr_cstr(t, b, "dir") : 0;
    wf_value r = dir ? wf_call(t, dir, &obj, 1, 0) : 0;
    if (dir)
        wf_value_decref(t, dir);
    return r;
}

/* The innermost traceback entry. */
static const wf_traceback *last_entry(wf_value tb)
{
    const wf_traceback *last = NULL;
    for (; tb; tb = TB(tb)->next)
        last = TB(tb);
    return last;
}

char *wf_suggest_for_exception(wf_thread *t, wf_value exc)
{
    bool name_error = wf_isinstance_type(exc, &wf_exc_NameError);
    if (!name_error && !wf_isinstance_type(exc, &wf_exc_AttributeError))
        return NULL;
    wf_value saved = wf_err_occurred(t) ? wf_err_fetch(t) : 0;
    wf_value name = wf_getattr_cstr(t, exc, "name");
    suggestion sg = {0};
    if (name && wf_str_check(name)) {
        sg.name = wf_str_utf8(name);
        sg.name_len = wf_str_size(name);
        if (name_error) {
            const wf_traceback *tb = last_entry(((wf_exception *)wf_to_object(exc))->traceback);
            if (tb) {
                wf_value locals = wf_code_varnames(t, tb->code);
                if (locals) {
                    consider_all(t, &sg, locals);
                    wf_value_decref(t, locals);
                }
                if (!sg.best && tb->globals)
                    consider_all(t, &sg, tb->globals);
                if (!sg.best && tb->builtins)
                    consider_all(t, &sg, tb->builtins);
            }
        } else {
            wf_value obj = wf_getattr_cstr(t, exc, "obj");
            wf_value d = obj && obj != WF_NONE ? dir_of(t, obj) : 0;
            if (d) {
                consider_all(t, &sg, d);
                wf_value_decref(t, d);
            }
            if (obj)
                wf_value_decref(t, obj);
        }
    }
    if (name)
        wf_value_decref(t, name);
    wf_err_clear(t);
    if (saved)
        wf_err_restore(t, saved);
    return sg.best;
}

/* "ValueError: msg", "ValueError" for an empty message, "mod.Name: msg" for classes
 * outside builtins and __main__. */
static void print_exception_line(wf_thread *t, outbuf *o, wf_value exc)
{
    wf_type *ty = wf_type_of(exc);
    wf_value mod = wf_getattr_cstr(t, wf_type_value(ty), "__module__");
    if (!mod) {
        wf_err_clear(t);
        out_add(o, "<unknown>.", 10);
    } else {
        if (wf_str_check(mod) && strcmp(wf_str_utf8(mod), "builtins") != 0 &&
            strcmp(wf_str_utf8(mod), "__main__") != 0)
            out_printf(o, "%s.", wf_str_utf8(mod));
        wf_value_decref(t, mod);
    }
    const char *name = wf_type_name(ty);
    const char *dot = (ty->tp_flags & WF_TPFLAG_HEAPTYPE) ? NULL : strrchr(name, '.');
    out_printf(o, "%s", dot ? dot + 1 : name);
    /* a SyntaxError shows its msg: the location was printed above */
    wf_value s = 0;
    if (wf_isinstance_type(exc, &wf_exc_SyntaxError)) {
        s = wf_getattr_cstr(t, exc, "msg");
        if (s && !wf_str_check(s)) {
            wf_value_decref(t, s);
            s = 0;
        }
        wf_err_clear(t);
    }
    if (!s)
        s = wf_str(t, exc);
    if (!s) {
        wf_err_clear(t);
        out_add(o, ": <exception str() failed>\n", 27);
        return;
    }
    if (wf_str_size(s))
        out_printf(o, ": %s", wf_str_utf8(s));
    wf_value_decref(t, s);
    char *hint = wf_suggest_for_exception(t, exc);
    if (hint) {
        out_printf(o, ". Did you mean: '%s'?", hint);
        free(hint);
    }
    out_add(o, "\n", 1);
}

/* A SyntaxError's own lines: where it is, the text and a caret. */
static void print_syntax_error_location(wf_thread *t, outbuf *o, wf_value exc)
{
    wf_value fn = wf_getattr_cstr(t, exc, "filename");
    wf_value ln = fn ? wf_getattr_cstr(t, exc, "lineno") : 0;
    if (!fn || !ln || !wf_str_check(fn) || !wf_is_smallint(ln)) {
        wf_err_clear(t);
        if (fn)
            wf_value_decref(t, fn);
        if (ln)
            wf_value_decref(t, ln);
        return;
    }
    out_printf(o, "  File \"%s\", line %ld\n", wf_str_utf8(fn), (long)wf_smallint_unbox(ln));
    wf_value text = wf_getattr_cstr(t, exc, "text");
    wf_value off = text ? wf_getattr_cstr(t, exc, "offset") : 0;
    wf_value eoff = off ? wf_getattr_cstr(t, exc, "end_offset") : 0;
    if (text && wf_str_check(text)) {
        const char *s = wf_str_utf8(text);
        size_t n = strlen(s);
        while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
            n--;
        size_t lead = 0;
        while (lead < n && is_space(s[lead]))
            lead++;
        out_add(o, "    ", 4);
        out_add(o, s + lead, n - lead);
        out_add(o, "\n", 1);
        if (off && wf_is_smallint(off)) {
            long col = (long)wf_smallint_unbox(off) - 1 - (long)chars_in(s, lead);
            long ecol = eoff && wf_is_smallint(eoff)
                            ? (long)wf_smallint_unbox(eoff) - 1 - (long)chars_in(s, lead)
                            : col + 1;
            long width = (long)chars_in(s + lead, n - lead);
            if (ecol <= col || wf_isinstance_type(exc, &wf_exc_IndentationError))
                ecol = col + 1; /* CPython marks an indentation error with one caret */
            if (ecol > width + 1)
                ecol = width + 1;
            if (col < 0) /* pointing into the stripped indentation: no caret line */
                goto done;
            out_add(o, "    ", 4);
            out_repeat(o, ' ', (size_t)col);
            out_repeat(o, '^', (size_t)(ecol - col));
            out_add(o, "\n", 1);
        }
    }
done:
    wf_err_clear(t);
    wf_value vals[] = {fn, ln, text, off, eoff};
    for (size_t i = 0; i < 5; i++)
        if (vals[i])
            wf_value_decref(t, vals[i]);
}

#define RECURSIVE_CUTOFF 3 /* CPython's TB_RECURSIVE_CUTOFF */

static bool same_place(const wf_traceback *a, const wf_traceback *b)
{
    return a && b && a->code == b->code && a->lineno == b->lineno;
}

static void print_repeats(outbuf *o, int repeated)
{
    if (repeated > RECURSIVE_CUTOFF) {
        int more = repeated - RECURSIVE_CUTOFF;
        out_printf(o, "  [Previous line repeated %d more time%s]\n", more, more > 1 ? "s" : "");
    }
}

/* The entries, outermost first; a run of identical entries (recursion) is cut after
 * three with a "[Previous line repeated N more times]" line. */
static void print_tb(outbuf *o, wf_value tb)
{
    const wf_traceback *prev = NULL;
    int repeated = 0;
    for (; tb; tb = TB(tb)->next) {
        const wf_traceback *cur = TB(tb);
        if (!same_place(prev, cur)) {
            print_repeats(o, repeated);
            repeated = 0;
        }
        prev = cur;
        if (++repeated <= RECURSIVE_CUTOFF)
            print_tb_entry(o, cur);
    }
    print_repeats(o, repeated);
}

/* ---- Exception groups and chains -----------------------------------------------------
 *
 * Inside an exception group every line is indented two spaces per level and carries a
 * "| " margin (3.11's _ExceptionPrintContext): the sub-exceptions are boxed by
 * "+-+---- 1 ----" separators and closed by a "+-----" line after the last one. As the
 * C excepthook does, a message's own newlines are not re-indented, note lines are. */

#define MAX_GROUP_WIDTH 15 /* sub-exceptions shown per group */
#define MAX_GROUP_DEPTH 10 /* nested groups shown */
#define MAX_SEEN        4096

typedef struct print_ctx {
    outbuf *o;
    int depth;       /* exception group nesting: indent 2 * depth, margin when > 0 */
    bool need_close; /* the last sub-exception's box still needs its closing line */
    wf_value *seen;  /* exceptions already printed (cycles, shared causes); borrowed */
    size_t nseen, capseen;
} print_ctx;

static void emit_margin(print_ctx *c, char margin)
{
    out_repeat(c->o, ' ', 2 * (size_t)c->depth);
    if (c->depth) {
        out_add(c->o, &margin, 1);
        out_add(c->o, " ", 1);
    }
}

/* Every line of text with the indent and margin in front. */
static void emit_lines(print_ctx *c, const char *text, size_t n, char margin)
{
    while (n) {
        const char *nl = memchr(text, '\n', n);
        size_t len = nl ? (size_t)(nl - text) + 1 : n;
        emit_margin(c, margin);
        out_add(c->o, text, len);
        text += len;
        n -= len;
    }
}

static void emit_buf(print_ctx *c, outbuf *b)
{
    if (b->s)
        emit_lines(c, b->s, b->len, '|');
    wf_raw_free(b->s);
    *b = (outbuf){0};
}

/* Whether v is a sequence as PySequence_Check sees it: it has item access and is not
 * a dict. */
static bool is_sequence(wf_value v)
{
    wf_type *ty = wf_type_of(v);
    return ty->tp_as_mapping && ty->tp_as_mapping->getitem &&
           !(ty->tp_flags & WF_TPFLAG_DICT_SUBCLASS);
}

/* exc.__notes__ after the message line, as 3.11's excepthook: each note of a sequence on
 * its own line(s) (str() of a non-str note), the repr of anything else without a
 * newline. */
static void print_notes(wf_thread *t, print_ctx *c, wf_value exc)
{
    wf_value notes = wf_getattr_opt(t, exc, wf_str_intern_cstr(t, "__notes__"));
    if (!notes) {
        wf_err_clear(t);
        return;
    }
    if (!is_sequence(notes)) {
        wf_value r = wf_repr(t, notes);
        emit_margin(c, '|');
        if (r) {
            out_add(c->o, wf_str_utf8(r), wf_str_size(r));
            wf_value_decref(t, r);
        } else {
            wf_err_clear(t);
            out_printf(c->o, "<__notes__ repr() failed>");
        }
        wf_value_decref(t, notes);
        return;
    }
    int64_t n = wf_len(t, notes);
    for (int64_t i = 0; i < n; i++) {
        wf_value idx = wf_int_from_int64(t, i);
        wf_value note = idx ? wf_getitem(t, notes, idx) : 0;
        if (idx)
            wf_value_decref(t, idx);
        wf_value s = note ? (wf_str_check(note) ? wf_newref(t, note) : wf_str(t, note)) : 0;
        if (s) {
            emit_lines(c, wf_str_utf8(s), wf_str_size(s), '|');
            out_add(c->o, "\n", 1);
            wf_value_decref(t, s);
        } else {
            wf_err_clear(t);
            emit_lines(c, "<note str() failed>\n", 20, '|');
        }
        if (note)
            wf_value_decref(t, note);
    }
    wf_err_clear(t);
    wf_value_decref(t, notes);
}

/* The "Type: message" part: a SyntaxError's location, the line itself, the notes. */
static void print_exception_only(wf_thread *t, print_ctx *c, wf_value exc)
{
    outbuf b = {0};
    if (wf_isinstance_type(exc, &wf_exc_SyntaxError))
        print_syntax_error_location(t, &b, exc);
    emit_buf(c, &b);
    print_exception_line(t, &b, exc);
    if (b.s) {
        emit_margin(c, '|');
        out_add(c->o, b.s, b.len);
    }
    wf_raw_free(b.s);
    print_notes(t, c, exc);
}

static wf_value traceback_of(wf_value exc)
{
    return wf_exception_check(exc) ? ((wf_exception *)wf_to_object(exc))->traceback : 0;
}

static void print_with_chain(wf_thread *t, print_ctx *c, wf_value exc);

/* A group: its traceback and line, then each sub-exception (with its chain) in a box;
 * past MAX_GROUP_WIDTH a "and N more exceptions" box, past MAX_GROUP_DEPTH one line. */
static void print_group(wf_thread *t, print_ctx *c, wf_value exc)
{
    if (c->depth > MAX_GROUP_DEPTH) {
        outbuf b = {0};
        out_printf(&b, "... (max_group_depth is %d)\n", MAX_GROUP_DEPTH);
        emit_buf(c, &b);
        return;
    }
    bool toplevel = c->depth == 0;
    if (toplevel)
        c->depth++;
    wf_value tb = traceback_of(exc);
    if (tb) {
        static const char head[] = "Exception Group Traceback (most recent call last):\n";
        emit_lines(c, head, sizeof head - 1, toplevel ? '+' : '|');
        outbuf b = {0};
        print_tb(&b, tb);
        emit_buf(c, &b);
    }
    print_exception_only(t, c, exc);
    wf_value excs = wf_exception_group_exceptions(exc);
    size_t count = wf_tuple_size(excs);
    size_t n = count <= MAX_GROUP_WIDTH ? count : MAX_GROUP_WIDTH + 1;
    c->need_close = false;
    for (size_t i = 0; i < n; i++) {
        bool last = i == n - 1, truncated = i >= MAX_GROUP_WIDTH;
        if (last)
            c->need_close = true; /* unless a nested group closes its own box */
        out_repeat(c->o, ' ', 2 * (size_t)c->depth);
        out_add(c->o, i == 0 ? "+-" : "  ", 2);
        if (truncated)
            out_printf(c->o, "+---------------- ... ----------------\n");
        else
            out_printf(c->o, "+---------------- %zu ----------------\n", i + 1);
        c->depth++;
        if (!truncated) {
            print_with_chain(t, c, WF_TUPLE_ITEMS(excs)[i]);
        } else {
            size_t more = count - MAX_GROUP_WIDTH;
            outbuf b = {0};
            out_printf(&b, "and %zu more exception%s\n", more, more > 1 ? "s" : "");
            emit_buf(c, &b);
        }
        if (last && c->need_close) {
            out_repeat(c->o, ' ', 2 * (size_t)c->depth);
            out_printf(c->o, "+------------------------------------\n");
            c->need_close = false;
        }
        c->depth--;
    }
    if (toplevel)
        c->depth = 0;
}

static void print_one(wf_thread *t, print_ctx *c, wf_value exc)
{
    if (wf_isinstance_type(exc, &wf_exc_BaseExceptionGroup)) {
        print_group(t, c, exc);
        return;
    }
    wf_value tb = traceback_of(exc);
    if (tb) {
        outbuf b = {0};
        out_add(&b, "Traceback (most recent call last):\n", 35);
        print_tb(&b, tb);
        emit_buf(c, &b);
    }
    print_exception_only(t, c, exc);
}

static bool seen_before(const print_ctx *c, wf_value exc)
{
    for (size_t i = 0; i < c->nseen; i++)
        if (c->seen[i] == exc)
            return true;
    return false;
}

/* Causes and contexts first (each exception printed once), then exc. */
static void print_with_chain(wf_thread *t, print_ctx *c, wf_value exc)
{
    if (c->nseen == c->capseen) {
        size_t cap = c->capseen ? 2 * c->capseen : 64;
        wf_value *p = cap <= MAX_SEEN ? wf_raw_realloc(c->seen, cap * sizeof *p) : NULL;
        if (!p)
            return; /* out of memory or absurdly many: the report is truncated */
        c->seen = p;
        c->capseen = cap;
    }
    c->seen[c->nseen++] = exc;
    if (wf_exception_check(exc)) {
        wf_exception *e = (wf_exception *)wf_to_object(exc);
        const char *msg = NULL;
        wf_value chained = 0;
        if (e->cause && e->cause != WF_NONE && !seen_before(c, e->cause)) {
            chained = e->cause;
            msg = "\nThe above exception was the direct cause of the following exception:\n\n";
        } else if (e->context && !e->suppress_context && !seen_before(c, e->context)) {
            chained = e->context;
            msg = "\nDuring handling of the above exception, another exception occurred:\n\n";
        }
        if (chained) {
            print_with_chain(t, c, chained);
            emit_lines(c, msg, strlen(msg), '|');
        }
    }
    print_one(t, c, exc);
}

/* Write to sys.stderr (its write method), or to the C stderr when there is none. */
static void write_stderr(wf_thread *t, const char *s, size_t n)
{
    wf_value sys = wf_sys_module(t);
    wf_value err = sys ? wf_getattr_cstr(t, sys, "stderr") : 0;
    bool done = false;
    if (err && err != WF_NONE) {
        wf_value text = wf_str_from_utf8(t, s, n);
        wf_value r = text ? wf_call_method(t, err, wf_str_intern_cstr(t, "write"), &text, 1) : 0;
        done = r != 0;
        if (r)
            wf_value_decref(t, r);
        if (text)
            wf_value_decref(t, text);
    }
    if (err)
        wf_value_decref(t, err);
    wf_err_clear(t);
    if (!done)
        fwrite(s, 1, n, stderr);
    wf_sys_flush_std(t);
    wf_err_clear(t);
}

void wf_print_exception(wf_thread *t, wf_value exc)
{
    wf_value saved = wf_err_occurred(t) ? wf_err_fetch(t) : 0;
    wf_sys_flush_std(t);
    wf_err_clear(t);
    outbuf o = {0};
    print_ctx c = {.o = &o};
    print_with_chain(t, &c, exc);
    if (o.s)
        write_stderr(t, o.s, o.len);
    wf_raw_free(o.s);
    wf_raw_free(c.seen);
    if (saved)
        wf_err_restore(t, saved);
}
