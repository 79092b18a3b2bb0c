/*
 * The C test program of liboxpar: runs every group and ends with the line
 * "N passed, M failed" (N and M count checks); exits 1 if anything failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static void usage(const char *argv0) {
    fprintf(stderr, "usage: %s [--skip-known-bugs]\n", argv0);
    exit(2);
}

int main(int argc, char **argv) {
    /* before any call has failed, the message is "" (and never NULL) */
    const char *msg = oxpar_last_error_message();
    int i;
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--skip-known-bugs") == 0) {
            skip_known_bugs(1);
        } else {
            usage(argv[0]);
        }
    }
    CHECK(msg != NULL && strcmp(msg, "") == 0, "initial last error message is \"%s\"",
          msg ? msg : "(NULL)");

    test_version_and_status();
    test_contexts();
    test_omp_num_threads_and_info();
    test_last_error_per_thread();
    test_fork();
    test_blas();
    test_blas_bad_input();
    test_structured();
    test_banded();
    test_parallel_for();
    test_parallel_reduce();
    test_loops_bad_input();
    test_parallel_for_extremes();
    test_opencl();
    test_farm();
    test_reproducible();
    test_complex();
    test_lapack();
    test_inverse();
    test_qr();
    test_svd();
    test_eigh();
    return check_summary();
}
