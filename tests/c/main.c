/*
 * The C test program of liboxpar: runs every group and ends with the line
 * "N passed, M failed" (N and M count checks); exits 1 if anything failed.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "oxpar.h"
#include "tests.h"


void *xmalloc(size_t bytes) {
    void *p = malloc(bytes > 0 ? bytes : 1);
    if (p == NULL) {
        fprintf(stderr, "out of memory (%lu bytes)\n", (unsigned long)bytes);
        exit(2);
    }
    return p;
}

/* Every group, in the order they run; `--skip` and `--time` name them. */
static const struct {
    const char *name;
    void (*run)(void);
} groups[] = {
    {"version_and_status", test_version_and_status},
    {"contexts", test_contexts},
    {"omp_num_threads_and_info", test_omp_num_threads_and_info},
    {"last_error_per_thread", test_last_error_per_thread},
    {"fork", test_fork},
    {"blas", test_blas},
    {"blas_bad_input", test_blas_bad_input},
    {"structured", test_structured},
    {"banded", test_banded},
    {"parallel_for", test_parallel_for},
    {"parallel_reduce", test_parallel_reduce},
    {"loops_bad_input", test_loops_bad_input},
    {"parallel_for_extremes", test_parallel_for_extremes},
    {"opencl", test_opencl},
    {"farm", test_farm},
    {"reproducible", test_reproducible},
    {"complex", test_complex},
    {"lapack", test_lapack},
    {"inverse", test_inverse},
    {"qr", test_qr},
    {"svd", test_svd},
    {"eigh", test_eigh},
};

static void usage(const char *argv0) {
    fprintf(stderr, "usage: %s [--skip-known-bugs] [--time] [--skip GROUP[,GROUP...]]\n", argv0);
    exit(2);
}

/* Whether `name` is one of the comma-separated names in `list`. */
static int listed(const char *list, const char *name) {
    size_t len = strlen(name);
    const char *p = list;
    while (p != NULL && *p != '\0') {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n == len && strncmp(p, name, n) == 0) {
            return 1;
        }
        p = end ? end + 1 : NULL;
    }
    return 0;
}

static double seconds_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

int main(int argc, char **argv) {
    /* before any call has failed, the message is "" (and never NULL) */
    const char *msg = oxpar_last_error_message();
    const char *skip = "";
    int time_groups = 0;
    size_t g;
    int i;
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--skip-known-bugs") == 0) {
            skip_known_bugs(1);
        } else if (strcmp(argv[i], "--time") == 0) {
            time_groups = 1;
        } else if (strcmp(argv[i], "--skip") == 0 && i + 1 < argc) {
            skip = argv[++i];
        } else {
            usage(argv[0]);
        }
    }
    for (i = 0; skip[i] != '\0';) {
        /* every skipped name must be a group: a typo must not pass silently */
        const char *end = strchr(skip + i, ',');
        size_t n = end ? (size_t)(end - (skip + i)) : strlen(skip + i);
        int known = 0;
        for (g = 0; g < sizeof groups / sizeof groups[0]; g++) {
            known |= strlen(groups[g].name) == n && strncmp(groups[g].name, skip + i, n) == 0;
        }
        if (!known) {
            fprintf(stderr, "--skip: no group named \"%.*s\"\n", (int)n, skip + i);
            usage(argv[0]);
        }
        i += (int)n + (end ? 1 : 0);
    }
    CHECK(msg != NULL && strcmp(msg, "") == 0, "initial last error message is \"%s\"",
          msg ? msg : "(NULL)");

    for (g = 0; g < sizeof groups / sizeof groups[0]; g++) {
        double t0 = seconds_now();
        if (listed(skip, groups[g].name)) {
            printf("skipped group %s\n", groups[g].name);
            continue;
        }
        groups[g].run();
        if (time_groups) {
            fprintf(stderr, "group %s: %.2f s\n", groups[g].name, seconds_now() - t0);
        }
    }
    return check_summary();
}
