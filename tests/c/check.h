/*
 * A tiny assertion helper for the C tests of liboxpar.
 *
 * Every CHECK counts as one check; a failed one prints where and why and the
 * run goes on, so one run lists every failure. check_summary() prints the
 * final "N passed, M failed" line and returns the process exit status.
 */
#ifndef OXPAR_TEST_CHECK_H
#define OXPAR_TEST_CHECK_H

#include <stddef.h>

#include "oxpar.h"

/* CHECK(condition, printf-format, args...): the format is required. */
#define CHECK(cond, ...) check_true((cond) ? 1 : 0, __FILE__, __LINE__, __VA_ARGS__)

/* The status must be OXPAR_STATUS_OK (prints the last error message if not). */
#define CHECK_OK(status, ...) check_ok((status), __FILE__, __LINE__, __VA_ARGS__)

/*
 * A failing call: `status` must be `want`, and oxpar_last_error_message()
 * must start with "<function>: <arg>:" (the routine, then the argument at
 * fault), or, when `arg` is NULL, merely start with "<function>: ".
 */
#define CHECK_ERR(status, want, function, arg)                                \
    check_err((status), (want), (function), (arg), __FILE__, __LINE__)

int check_true(int ok, const char *file, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
int check_ok(oxpar_status status, const char *file, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
int check_err(oxpar_status status, oxpar_status want, const char *function,
              const char *arg, const char *file, int line);

/*
 * Checks of a bug found in liboxpar and reported to its owner run inside
 * `if (known_bug("id")) { ... }`: they expect the documented behaviour, so
 * they fail until the bug is fixed. Started with --skip-known-bugs, the
 * program skips them instead (and says so before the summary line).
 */
int known_bug(const char *id);
void skip_known_bugs(int skip);

/*
 * An output overlapping an input: the header documents
 * OXPAR_STATUS_INVALID_STRIDE (known bug "overlap-status": liboxpar returns
 * OXPAR_STATUS_INVALID_ARGUMENT; skipped, either status is accepted). The
 * message must name `arg` either way.
 */
#define CHECK_OVERLAP(status, function, arg)                                  \
    check_overlap((status), (function), (arg), __FILE__, __LINE__)
int check_overlap(oxpar_status status, const char *function, const char *arg,
                  const char *file, int line);

/* Whether the calling thread's last error message contains `text`. */
int last_error_contains(const char *text);

/* Prints "N passed, M failed"; returns 0 when nothing failed, else 1. */
int check_summary(void);

/* Deterministic pseudo-random numbers: multiples of 1/64 in [-2, 2). Such
 * values and their products are exact in float and double, so references
 * only differ from results by the rounding of long sums. */
double rnd(void);
void rnd_seed(unsigned long seed);

/* A quiet NaN (C99 has NAN in math.h, but not every libm marks it constant). */
double test_nan(void);

#endif /* OXPAR_TEST_CHECK_H */
