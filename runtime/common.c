/* Fatal errors, assertion failures and the monotonic clock. */
#include "common.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

_Noreturn void wf_assert_failed(const char *expr, const char *file, int line)
{
    fprintf(stderr, "weft: assertion failed: %s (%s:%d)\n", expr, file, line);
    abort();
}

_Noreturn void wf_fatal(const char *msg)
{
    fprintf(stderr, "weft: fatal internal error: %s\n", msg);
    abort();
}

int64_t wf_monotonic_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}
