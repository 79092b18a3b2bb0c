/*
 * Fork-join overhead of an OpenMP `parallel for`, EPCC syncbench style: the
 * peer of `oxpar bench --kernels parallel_for` in benches/compare.py.
 *
 * Each region is `#pragma omp parallel for schedule(static)` over one
 * iteration per thread (2 with OMP_NUM_THREADS=2) whose body stores to a
 * volatile slot on its own cache line. Regions are timed in batches of about
 * 2 ms; the program prints the best and the mean time per region over all
 * batches, in microseconds. Nothing is subtracted (the body costs a few
 * nanoseconds). The batch length comes from the median of regions timed one
 * by one for about 1 ms, 3 at least (as `oxpar bench` does), so one preempted region does
 * not shrink the batches.
 *
 * Build: cc -O2 -fopenmp omp_overhead.c -o omp_overhead
 * Run:   OMP_NUM_THREADS=2 ./omp_overhead [batches]      (default 50 batches)
 *
 * Output (one line):
 *   threads=2 iterations=2 inner=1024 batches=50 best_us=0.812 mean_us=0.905
 */
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define SLOT_STRIDE 16 /* 16 ints = 64 bytes: one cache line per iteration */
#define MAX_ITERS 1024
#define BATCH_SECONDS 2e-3
#define MAX_SAMPLES 100000

static volatile int sink[MAX_ITERS * SLOT_STRIDE];

/* One fork-join region with a near-empty body. */
static void region(int iterations) {
#pragma omp parallel for schedule(static)
    for (int i = 0; i < iterations; i++) {
        sink[i * SLOT_STRIDE] = i;
    }
}

static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Seconds per region over a batch of `inner` regions. */
static double batch(long inner, int iterations) {
    double t = omp_get_wtime();
    for (long k = 0; k < inner; k++) {
        region(iterations);
    }
    return (omp_get_wtime() - t) / (double)inner;
}

int main(int argc, char **argv) {
    int batches = argc > 1 ? atoi(argv[1]) : 50;
    if (batches < 1) {
        fprintf(stderr, "usage: %s [batches >= 1]\n", argv[0]);
        return 2;
    }
    int threads = omp_get_max_threads();
    int iterations = threads < MAX_ITERS ? threads : MAX_ITERS;

    /* Warm-up for about 10 ms: the first regions start the thread team. */
    double warm = omp_get_wtime();
    do {
        region(iterations);
    } while (omp_get_wtime() - warm < 5 * BATCH_SECONDS);

    /* Calibrate the batch length to about BATCH_SECONDS. */
    static double samples[MAX_SAMPLES];
    int count = 0;
    double start = omp_get_wtime();
    while (count < MAX_SAMPLES && (count < 3 || omp_get_wtime() - start < BATCH_SECONDS / 2)) {
        double t = omp_get_wtime();
        region(iterations);
        samples[count++] = omp_get_wtime() - t;
    }
    qsort(samples, (size_t)count, sizeof samples[0], compare_doubles);
    double median = samples[count / 2] > 1e-9 ? samples[count / 2] : 1e-9;
    long inner = (long)(BATCH_SECONDS / median) + 1;

    double best = 1e300, sum = 0.0;
    for (int r = 0; r < batches; r++) {
        double per = batch(inner, iterations);
        if (per < best) {
            best = per;
        }
        sum += per;
    }
    printf("threads=%d iterations=%d inner=%ld batches=%d best_us=%.4f mean_us=%.4f\n", threads,
           iterations, inner, batches, best * 1e6, sum / batches * 1e6);
    return 0;
}
