/* Shared helpers for the unit tests: a counted test type, thread states, and a way to
 * run N threads that start together behind a barrier. */
#ifndef WF_TEST_HARNESS_H
#define WF_TEST_HARNESS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "runtime/alloc.h"
#include "runtime/object.h"
#include "threading/threads.h"

/* Instances of test_type count their deallocations in test_frees. */
extern wf_type test_type;
extern _Atomic int test_frees;
wf_object *test_object_new(wf_thread *t);

/* A new thread state for the calling OS thread, attached. */
wf_thread *test_thread_begin(void);
/* Detach-free deletion of the calling thread's state (it must be attached). */
void test_thread_end(wf_thread *t);

/* Run fn(index, arg) on n new OS threads released together; returns when all ended.
 * Each thread gets no thread state: fn makes its own if it needs one. */
typedef void (*test_thread_fn)(int index, void *arg);
void test_run_threads(int n, test_thread_fn fn, void *arg);

/* Sleep for ms milliseconds. */
void test_sleep_ms(int ms);

/* Spin (yielding) until *flag becomes nonzero or ms milliseconds pass; returns the
 * final value. Used only to wait for another thread to reach a point. */
int test_wait_flag(_Atomic int *flag, int ms);

#endif
