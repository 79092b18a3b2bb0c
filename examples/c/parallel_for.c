/*
 * Parallel loops over your own C code: oxpar_parallel_for fills an array,
 * oxpar_parallel_reduce sums it into a struct accumulator.
 *
 *   cc -std=c99 parallel_for.c -o parallel_for $(pkg-config --cflags --libs oxpar)
 */
#include <stdio.h>
#include <stdlib.h>

#include <oxpar.h>

/* Called with sub-ranges [begin, end) on the context's threads, concurrently:
 * each index belongs to exactly one call, so the writes never collide. */
static void fill_squares(size_t begin, size_t end, void *user_data) {
    double *v = (double *)user_data;
    size_t i;
    for (i = begin; i < end; i++) {
        v[i] = (double)i * (double)i;
    }
}

/* The accumulator: each thread gets its own copy of the identity. */
struct sum_count {
    double sum;
    size_t count;
};

static void add_range(size_t begin, size_t end, void *acc, void *user_data) {
    struct sum_count *s = (struct sum_count *)acc;
    const double *v = (const double *)user_data;
    size_t i;
    for (i = begin; i < end; i++) {
        s->sum += v[i];
        s->count++;
    }
}

static void combine(void *acc, const void *other, void *user_data) {
    struct sum_count *a = (struct sum_count *)acc;
    const struct sum_count *b = (const struct sum_count *)other;
    (void)user_data;
    a->sum += b->sum;
    a->count += b->count;
}

int main(void) {
    const size_t n = 100000;
    double *v = (double *)malloc(n * sizeof(double));
    struct sum_count total = {0.0, 0}; /* the identity on entry, the result on return */
    size_t threads = 0;
    double expected = (double)(n - 1) * (double)n * (double)(2 * n - 1) / 6.0;
    oxpar_context *ctx = NULL;
    oxpar_status st;

    if (v == NULL) {
        return 1;
    }
    st = oxpar_context_create("threads", &ctx);
    if (st == OXPAR_STATUS_OK) {
        st = oxpar_context_num_threads(ctx, &threads);
    }
    if (st == OXPAR_STATUS_OK) {
        st = oxpar_parallel_for(ctx, 0, n, OXPAR_SCHEDULE_STATIC, 0, fill_squares, v);
    }
    if (st == OXPAR_STATUS_OK) {
        st = oxpar_parallel_reduce(ctx, 0, n, OXPAR_SCHEDULE_DYNAMIC, 1024, add_range, combine,
                                   &total, sizeof total, v);
    }
    if (st != OXPAR_STATUS_OK) {
        fprintf(stderr, "oxpar failed (%s): %s\n", oxpar_status_str(st),
                oxpar_last_error_message());
        oxpar_context_free(ctx);
        free(v);
        return 1;
    }
    printf("%lu threads: sum of i*i for i < %lu = %.0f over %lu elements (expected %.0f)\n",
           (unsigned long)threads, (unsigned long)n, total.sum, (unsigned long)total.count,
           expected);
    oxpar_context_free(ctx);
    free(v);
    if (total.sum != expected || total.count != n) {
        printf("parallel_for: WRONG\n");
        return 1;
    }
    printf("parallel_for: ok\n");
    return 0;
}
