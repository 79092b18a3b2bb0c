/* The counters and helpers behind check.h. */
#include "check.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static long passed;
static long failed;

static void report(const char *file, int line, const char *fmt, va_list ap) {
    fprintf(stderr, "FAIL %s:%d: ", file, line);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

int check_true(int ok, const char *file, int line, const char *fmt, ...) {
    if (ok) {
        passed++;
        return 1;
    }
    failed++;
    {
        va_list ap;
        va_start(ap, fmt);
        report(file, line, fmt, ap);
        va_end(ap);
    }
    return 0;
}

int check_ok(oxpar_status status, const char *file, int line, const char *fmt, ...) {
    if (status == OXPAR_STATUS_OK) {
        passed++;
        return 1;
    }
    failed++;
    {
        va_list ap;
        va_start(ap, fmt);
        report(file, line, fmt, ap);
        va_end(ap);
    }
    fprintf(stderr, "     status %d (%s): %s\n", (int)status,
            oxpar_status_str(status), oxpar_last_error_message());
    return 0;
}

/* Whether `msg` names its function twice ("f: f: ..."): every message must
 * start with the function's name exactly once. */
static int repeats_prefix(const char *msg) {
    const char *colon = msg != NULL ? strstr(msg, ": ") : NULL;
    size_t n;
    if (colon == NULL) {
        return 0;
    }
    n = (size_t)(colon - msg);
    return strncmp(colon + 2, msg, n) == 0 && colon[2 + n] == ':';
}

int check_err(oxpar_status status, oxpar_status want, const char *function,
              const char *arg, const char *file, int line) {
    const char *msg = oxpar_last_error_message();
    char prefix[256];
    int ok;
    if (arg != NULL) {
        snprintf(prefix, sizeof prefix, "%s: %s:", function, arg);
    } else {
        snprintf(prefix, sizeof prefix, "%s: ", function);
    }
    ok = status == want && msg != NULL && strncmp(msg, prefix, strlen(prefix)) == 0 &&
         !repeats_prefix(msg);
    if (ok) {
        passed++;
        return 1;
    }
    failed++;
    fprintf(stderr,
            "FAIL %s:%d: %s (%s): expected status %d (%s) and a message starting "
            "with \"%s\" (once)\n     got status %d (%s), message \"%s\"\n",
            file, line, function, arg ? arg : "-", (int)want, oxpar_status_str(want), prefix,
            (int)status, oxpar_status_str(status), msg ? msg : "(NULL)");
    return 0;
}

static int skipping;
static const char *skipped[16];
static int nskipped;

void skip_known_bugs(int skip) {
    skipping = skip;
}

int known_bug(const char *id) {
    int i;
    if (!skipping) {
        return 1;
    }
    for (i = 0; i < nskipped; i++) {
        if (strcmp(skipped[i], id) == 0) {
            return 0;
        }
    }
    if (nskipped < 16) {
        skipped[nskipped++] = id;
    }
    return 0;
}

int check_overlap(oxpar_status status, const char *function, const char *arg,
                  const char *file, int line) {
    /* Documented in oxpar.h: an output sharing memory with an input is an
       invalid argument. */
    return check_err(status, OXPAR_STATUS_INVALID_ARGUMENT, function, arg, file, line);
}

int last_error_contains(const char *text) {
    const char *msg = oxpar_last_error_message();
    return msg != NULL && strstr(msg, text) != NULL;
}

int check_summary(void) {
    if (nskipped > 0) {
        int i;
        printf("skipped the checks of known bugs (--skip-known-bugs):");
        for (i = 0; i < nskipped; i++) {
            printf(" %s", skipped[i]);
        }
        printf("\n");
    }
    printf("%ld passed, %ld failed\n", passed, failed);
    fflush(stdout);
    return failed == 0 ? 0 : 1;
}

static unsigned long state = 12345;

void rnd_seed(unsigned long seed) {
    state = seed;
}

double rnd(void) {
    /* A 32-bit LCG (Numerical Recipes); the top bits are good enough here. */
    state = (state * 1664525UL + 1013904223UL) & 0xffffffffUL;
    return (double)((long)(state >> 24) - 128) / 64.0;
}

double test_nan(void) {
    volatile double zero = 0.0;
    return zero / zero;
}
