/*
 * The cost of the C call path: oxpar_ddot with n = 1 (almost nothing but the
 * boundary: argument checks, the panic guard, the backend call) and n = 1000,
 * on a serial and a threads context, next to a plain C loop.
 *
 * Build and run: make c-bench (against target/release), or
 *   cc -std=c99 -O2 c_overhead.c -o c_overhead $(pkg-config --cflags --libs oxpar)
 *   ./c_overhead [batches]                       (default 30 batches)
 *
 * Calls are timed in batches of about 2 ms each; the program prints, per
 * case, the best and the mean time per call over the batches, in
 * nanoseconds. Nothing is subtracted (the loop around the calls costs a
 * nanosecond or so). One line per case:
 *   ctx=serial n=1 calls_per_batch=... batches=30 best_ns=... mean_ns=...
 */
#define _POSIX_C_SOURCE 199309L /* clock_gettime */

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "oxpar.h"

#define BATCH_SECONDS 2e-3

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* The peer: the same dot product as a plain loop (not vectorised across
 * calls: the result feeds the next call through `sink`). */
static double plain_dot(size_t n, const double *x, const double *y) {
    double s = 0;
    size_t i;
    for (i = 0; i < n; i++) {
        s += x[i] * y[i];
    }
    return s;
}

static volatile double sink;

static double run_batch(const oxpar_context *ctx, size_t n, const double *x, const double *y,
                        long calls) {
    double t0 = now(), acc = 0, r = 0;
    long k;
    for (k = 0; k < calls; k++) {
        if (ctx != NULL) {
            if (oxpar_ddot(ctx, n, x, 1, y, 1, &r) != OXPAR_STATUS_OK) {
                fprintf(stderr, "oxpar_ddot: %s\n", oxpar_last_error_message());
                exit(1);
            }
        } else {
            r = plain_dot(n, x, y);
        }
        acc += r;
    }
    sink = acc;
    return (now() - t0) / (double)calls;
}

static void bench(const char *name, const oxpar_context *ctx, size_t n, const double *x,
                  const double *y, int batches) {
    long calls = 16;
    double best = 1e30, sum = 0;
    int b;
    /* calibrate: double the batch until it takes about BATCH_SECONDS */
    while (run_batch(ctx, n, x, y, calls) * (double)calls < BATCH_SECONDS && calls < (1L << 30)) {
        calls *= 2;
    }
    for (b = 0; b < batches; b++) {
        double t = run_batch(ctx, n, x, y, calls);
        best = t < best ? t : best;
        sum += t;
    }
    printf("ctx=%s n=%lu calls_per_batch=%ld batches=%d best_ns=%.1f mean_ns=%.1f\n", name,
           (unsigned long)n, calls, batches, best * 1e9, sum / batches * 1e9);
}

int main(int argc, char **argv) {
    static const size_t sizes[] = {1, 1000};
    static const char *const specs[] = {"serial", "threads"};
    int batches = argc > 1 ? atoi(argv[1]) : 30;
    double *x = (double *)malloc(1000 * sizeof(double));
    double *y = (double *)malloc(1000 * sizeof(double));
    size_t i, s, c;
    if (batches < 1 || x == NULL || y == NULL) {
        fprintf(stderr, "usage: %s [batches >= 1]\n", argv[0]);
        return 2;
    }
    for (i = 0; i < 1000; i++) {
        x[i] = 1.0 / (double)(i + 1);
        y[i] = (double)(i % 7);
    }
    printf("oxpar %s, oxpar_ddot per call\n", oxpar_version());
    for (c = 0; c < 2; c++) {
        oxpar_context *ctx = NULL;
        size_t threads = 0;
        if (oxpar_context_create(specs[c], &ctx) != OXPAR_STATUS_OK ||
            oxpar_context_num_threads(ctx, &threads) != OXPAR_STATUS_OK) {
            fprintf(stderr, "%s: %s\n", specs[c], oxpar_last_error_message());
            return 1;
        }
        for (s = 0; s < 2; s++) {
            char name[64];
            snprintf(name, sizeof name, "%s(%lu)", specs[c], (unsigned long)threads);
            bench(name, ctx, sizes[s], x, y, batches);
        }
        oxpar_context_free(ctx);
    }
    for (s = 0; s < 2; s++) {
        bench("plain-C-loop", NULL, sizes[s], x, y, batches);
    }
    free(x);
    free(y);
    return 0;
}
