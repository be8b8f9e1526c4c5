/* Formatting: the format-spec mini-language (format(), f-strings, str.format), the
 * str.format and str.format_map methods, and printf-style `%` formatting of str (and of
 * bytes: wf_bytes_percent_format in runtime/bytes.h, the same engine).
 *
 * Every function follows CPython 3.11's results and error messages, e.g.
 * "Unknown format code 'd' for object of type 'str'", "Cannot specify ',' with 's'.",
 * "not all arguments converted during string formatting". */
#ifndef WF_FORMAT_H
#define WF_FORMAT_H

#include "object.h"

/* format(v, spec) for the built-in kinds; spec is a str. */
wf_value wf_format_int(wf_thread *t, wf_value v, wf_value spec);
wf_value wf_format_float(wf_thread *t, double x, wf_value spec);
wf_value wf_format_str(wf_thread *t, wf_value s, wf_value spec);

/* str.format(*args, **kwargs), str.format_map(mapping), str.__format__(spec). */
wf_value wf_str_method_format(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                              wf_value kwnames);
wf_value wf_str_method_format_map(wf_thread *t, wf_value self, const wf_value *args, size_t nargs,
                                  wf_value kwnames);
wf_value wf_str_method_dunder_format(wf_thread *t, wf_value self, const wf_value *args,
                                     size_t nargs, wf_value kwnames);

#endif
