/* Shared basics for every layer: assertions, branch hints, cache-line size.
 *
 * WF_ASSERT states an invariant; debug builds (NDEBUG unset) check it. */
#ifndef WF_COMMON_H
#define WF_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WF_LIKELY(x)   __builtin_expect(!!(x), 1)
#define WF_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define WF_CACHE_LINE  64

_Noreturn void wf_assert_failed(const char *expr, const char *file, int line);
#ifdef NDEBUG
#define WF_ASSERT(cond) ((void)sizeof(cond)) /* not evaluated; keeps names used */
#else
#define WF_ASSERT(cond) ((cond) ? (void)0 : wf_assert_failed(#cond, __FILE__, __LINE__))
#endif

/* Sanitizer detection: WF_TSAN / WF_ASAN are 1 when that sanitizer is on. */
#if defined(__SANITIZE_THREAD__)
#define WF_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define WF_TSAN 1
#endif
#endif
#ifndef WF_TSAN
#define WF_TSAN 0
#endif

#if defined(__SANITIZE_ADDRESS__)
#define WF_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WF_ASAN 1
#endif
#endif
#ifndef WF_ASAN
#define WF_ASAN 0
#endif

/* Fatal internal error: a broken invariant of weft itself, never bad user input. */
_Noreturn void wf_fatal(const char *msg);

/* Monotonic clock in nanoseconds. */
int64_t wf_monotonic_ns(void);

#endif
