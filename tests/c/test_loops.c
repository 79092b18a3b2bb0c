/*
 * oxpar_parallel_for (every schedule covers every index exactly once, with
 * per-index counters) and oxpar_parallel_reduce (struct accumulators against
 * serial loops), on serial and threads contexts; then their bad input.
 */
#define _POSIX_C_SOURCE 200809L /* pthreads */

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "oxpar.h"
#include "tests.h"

static const char *const loop_specs[] = {"serial", "threads:1", "threads:2", "threads:3"};

struct schedule_case {
    int32_t schedule;
    size_t chunk;
};

static const struct schedule_case schedules[] = {
    {OXPAR_SCHEDULE_STATIC, 0},  {OXPAR_SCHEDULE_STATIC, 1},  {OXPAR_SCHEDULE_STATIC, 3},
    {OXPAR_SCHEDULE_STATIC, 64}, {OXPAR_SCHEDULE_DYNAMIC, 0}, {OXPAR_SCHEDULE_DYNAMIC, 5},
    {OXPAR_SCHEDULE_GUIDED, 0},  {OXPAR_SCHEDULE_GUIDED, 2},  {OXPAR_SCHEDULE_GUIDED, 1000},
};

/* What a loop body records: one counter per index, and sub-ranges that are
 * empty or leave [lo, hi) (counted under a lock: they should never happen). */
struct coverage {
    size_t lo, hi;
    unsigned char *hits; /* hits[i - lo] */
    pthread_mutex_t lock;
    unsigned long bad_ranges;
    unsigned long calls;
};

static void cover_body(size_t b, size_t e, void *user) {
    struct coverage *c = (struct coverage *)user;
    size_t i;
    pthread_mutex_lock(&c->lock);
    c->calls++;
    if (b >= e || b < c->lo || e > c->hi) {
        c->bad_ranges++;
        pthread_mutex_unlock(&c->lock);
        return;
    }
    pthread_mutex_unlock(&c->lock);
    for (i = b; i < e; i++) {
        c->hits[i - c->lo]++;
    }
}

/* Runs one parallel_for and checks every index of [lo, hi) was run once. */
static void check_cover(const oxpar_context *ctx, const char *cname, size_t lo, size_t hi,
                        int32_t schedule, size_t chunk) {
    struct coverage c;
    size_t i, wrong = 0, n = hi - lo;
    oxpar_status st;
    c.lo = lo;
    c.hi = hi;
    c.hits = (unsigned char *)xmalloc(n > 0 ? n : 1);
    memset(c.hits, 0, n > 0 ? n : 1);
    pthread_mutex_init(&c.lock, NULL);
    c.bad_ranges = 0;
    c.calls = 0;
    st = oxpar_parallel_for(ctx, lo, hi, schedule, chunk, cover_body, &c);
    CHECK_OK(st, "%s parallel_for [%lu, %lu) schedule %d chunk %lu", cname, (unsigned long)lo,
             (unsigned long)hi, (int)schedule, (unsigned long)chunk);
    for (i = 0; i < n; i++) {
        wrong += c.hits[i] != 1;
    }
    CHECK(wrong == 0 && c.bad_ranges == 0 && (n > 0 || c.calls == 0),
          "%s parallel_for [%lu, %lu) schedule %d chunk %lu: %lu indices not run exactly once, "
          "%lu bad sub-ranges, %lu calls",
          cname, (unsigned long)lo, (unsigned long)hi, (int)schedule, (unsigned long)chunk,
          (unsigned long)wrong, c.bad_ranges, c.calls);
    pthread_mutex_destroy(&c.lock);
    free(c.hits);
}

/* Which threads ran the blocks of a static schedule (one block per thread). */
struct threads_seen {
    pthread_t who[64];
    int seen[64];
};

static void record_thread(size_t b, size_t e, void *user) {
    struct threads_seen *t = (struct threads_seen *)user;
    (void)e;
    if (b < 64) {
        t->who[b] = pthread_self();
        t->seen[b] = 1;
    }
}

static int distinct_threads(const oxpar_context *ctx) {
    struct threads_seen t;
    int i, j, distinct = 0;
    memset(&t, 0, sizeof t);
    if (oxpar_parallel_for(ctx, 0, 30, OXPAR_SCHEDULE_STATIC, 0, record_thread, &t) !=
        OXPAR_STATUS_OK) {
        return -1;
    }
    for (i = 0; i < 30; i++) {
        int fresh = t.seen[i];
        for (j = 0; j < i && fresh; j++) {
            if (t.seen[j] && pthread_equal(t.who[i], t.who[j])) {
                fresh = 0;
            }
        }
        distinct += fresh;
    }
    return distinct;
}

void test_parallel_for(void) {
    static const size_t ranges[][2] = {{0, 0}, {7, 7}, {5, 6}, {0, 2}, {3, 100}, {10, 1007},
                                       {0, 20000}};
    size_t s, k, r;
    for (s = 0; s < sizeof loop_specs / sizeof loop_specs[0]; s++) {
        oxpar_context *ctx = NULL;
        if (!CHECK_OK(oxpar_context_create(loop_specs[s], &ctx), "create %s", loop_specs[s])) {
            continue;
        }
        for (k = 0; k < sizeof schedules / sizeof schedules[0]; k++) {
            for (r = 0; r < sizeof ranges / sizeof ranges[0]; r++) {
                check_cover(ctx, loop_specs[s], ranges[r][0], ranges[r][1],
                            schedules[k].schedule, schedules[k].chunk);
            }
        }
        oxpar_context_free(ctx);
    }
    /* threads:3 runs a static schedule's three blocks on three threads */
    {
        oxpar_context *ctx = NULL;
        if (CHECK_OK(oxpar_context_create("threads:3", &ctx), "create threads:3")) {
            int d = distinct_threads(ctx);
            CHECK(d == 3, "threads:3 ran the static blocks on %d distinct threads", d);
            oxpar_context_free(ctx);
        }
    }
}

/*
 * Chunks near SIZE_MAX and ranges ending near SIZE_MAX: the header accepts
 * any chunk and any begin <= end. Known bug "loop-extremes": on a threads
 * context the schedules' index arithmetic overflows (a panic, status 900, in
 * debug builds; wrong or missing sub-ranges in release builds).
 */
void test_parallel_for_extremes(void) {
    static const size_t chunks[] = {SIZE_MAX, SIZE_MAX / 2 + 1, SIZE_MAX / 3 + 1};
    static const int32_t kinds[] = {OXPAR_SCHEDULE_STATIC, OXPAR_SCHEDULE_DYNAMIC,
                                    OXPAR_SCHEDULE_GUIDED};
    size_t s, k, c;
    for (s = 0; s < sizeof loop_specs / sizeof loop_specs[0]; s++) {
        oxpar_context *ctx = NULL;
        if (!CHECK_OK(oxpar_context_create(loop_specs[s], &ctx), "create %s", loop_specs[s])) {
            continue;
        }
        for (k = 0; k < 3; k++) {
            for (c = 0; c < sizeof chunks / sizeof chunks[0]; c++) {
                check_cover(ctx, loop_specs[s], 5, 10, kinds[k], chunks[c]);
            }
            if (kinds[k] != OXPAR_SCHEDULE_DYNAMIC) {
                /* Not run for dynamic: its shared counter wraps around and the
                 * loop then runs (nearly) forever, see the report. */
                check_cover(ctx, loop_specs[s], SIZE_MAX - 10, SIZE_MAX, kinds[k], 4);
                check_cover(ctx, loop_specs[s], SIZE_MAX - 100, SIZE_MAX, kinds[k], 0);
            }
        }
        oxpar_context_free(ctx);
    }
    /* whatever happened above, a fresh threads:3 context still uses 3 threads,
     * and so does one that ran the extreme loops */
    {
        oxpar_context *ctx = NULL;
        if (CHECK_OK(oxpar_context_create("threads:3", &ctx), "create threads:3")) {
            int d;
            check_cover(ctx, "threads:3", 5, 10, OXPAR_SCHEDULE_DYNAMIC, SIZE_MAX);
            d = distinct_threads(ctx);
            CHECK(d == 3, "after a loop with chunk SIZE_MAX, threads:3 runs on %d threads", d);
            oxpar_context_free(ctx);
        }
    }
}

/* ---- parallel_reduce ---- */

/* A struct accumulator: sum, count, smallest and largest index seen. */
struct stats {
    double sum;
    unsigned long count;
    size_t min_i, max_i;
};

static double term(size_t i, const double *weights) {
    return weights[i % 17] * (double)(i % 5);
}

static void stats_body(size_t b, size_t e, void *acc, void *user) {
    struct stats *s = (struct stats *)acc;
    const double *weights = (const double *)user;
    size_t i;
    for (i = b; i < e; i++) {
        s->sum += term(i, weights);
        s->count++;
        if (i < s->min_i) {
            s->min_i = i;
        }
        if (i > s->max_i) {
            s->max_i = i;
        }
    }
}

static void stats_combine(void *acc, const void *other, void *user) {
    struct stats *a = (struct stats *)acc;
    const struct stats *o = (const struct stats *)other;
    (void)user;
    a->sum += o->sum;
    a->count += o->count;
    if (o->min_i < a->min_i) {
        a->min_i = o->min_i;
    }
    if (o->max_i > a->max_i) {
        a->max_i = o->max_i;
    }
}

/* A bigger accumulator (more than one 64-byte line): a histogram. */
#define BINS 24
struct histogram {
    unsigned long bins[BINS];
    double total;
};

static void histogram_body(size_t b, size_t e, void *acc, void *user) {
    struct histogram *h = (struct histogram *)acc;
    size_t i;
    (void)user;
    for (i = b; i < e; i++) {
        h->bins[(i * 7) % BINS]++;
        h->total += 1.0 / (double)(i + 1);
    }
}

static void histogram_combine(void *acc, const void *other, void *user) {
    struct histogram *h = (struct histogram *)acc;
    const struct histogram *o = (const struct histogram *)other;
    int k;
    (void)user;
    for (k = 0; k < BINS; k++) {
        h->bins[k] += o->bins[k];
    }
    h->total += o->total;
}

void test_parallel_reduce(void) {
    static const size_t ranges[][2] = {{0, 0}, {5, 6}, {0, 3}, {3, 100}, {10, 1007},
                                       {0, 50000}};
    double weights[17];
    size_t s, k, r, i;
    for (i = 0; i < 17; i++) {
        weights[i] = (double)i - 8.0; /* integers: every grouping sums exactly */
    }
    for (s = 0; s < sizeof loop_specs / sizeof loop_specs[0]; s++) {
        oxpar_context *ctx = NULL;
        if (!CHECK_OK(oxpar_context_create(loop_specs[s], &ctx), "create %s", loop_specs[s])) {
            continue;
        }
        for (k = 0; k < sizeof schedules / sizeof schedules[0]; k++) {
            for (r = 0; r < sizeof ranges / sizeof ranges[0]; r++) {
                size_t lo = ranges[r][0], hi = ranges[r][1];
                struct stats got = {0.0, 0, SIZE_MAX, 0}, want = {0.0, 0, SIZE_MAX, 0};
                stats_body(lo, hi, &want, weights); /* the serial loop */
                CHECK_OK(oxpar_parallel_reduce(ctx, lo, hi, schedules[k].schedule,
                                               schedules[k].chunk, stats_body, stats_combine,
                                               &got, sizeof got, weights),
                         "%s parallel_reduce [%lu, %lu) schedule %d chunk %lu", loop_specs[s],
                         (unsigned long)lo, (unsigned long)hi, (int)schedules[k].schedule,
                         (unsigned long)schedules[k].chunk);
                CHECK(got.sum == want.sum && got.count == want.count &&
                          got.min_i == want.min_i && got.max_i == want.max_i,
                      "%s parallel_reduce [%lu, %lu) schedule %d chunk %lu: got sum %g count "
                      "%lu min %lu max %lu, want %g %lu %lu %lu",
                      loop_specs[s], (unsigned long)lo, (unsigned long)hi,
                      (int)schedules[k].schedule, (unsigned long)schedules[k].chunk, got.sum,
                      got.count, (unsigned long)got.min_i, (unsigned long)got.max_i, want.sum,
                      want.count, (unsigned long)want.min_i, (unsigned long)want.max_i);
            }
        }
        /* the histogram, and reproducibility with the static schedule */
        {
            struct histogram h1, h2, want;
            memset(&h1, 0, sizeof h1);
            memset(&h2, 0, sizeof h2);
            memset(&want, 0, sizeof want);
            histogram_body(0, 30000, &want, NULL);
            CHECK_OK(oxpar_parallel_reduce(ctx, 0, 30000, OXPAR_SCHEDULE_STATIC, 0,
                                           histogram_body, histogram_combine, &h1, sizeof h1,
                                           NULL),
                     "%s histogram", loop_specs[s]);
            CHECK_OK(oxpar_parallel_reduce(ctx, 0, 30000, OXPAR_SCHEDULE_STATIC, 0,
                                           histogram_body, histogram_combine, &h2, sizeof h2,
                                           NULL),
                     "%s histogram again", loop_specs[s]);
            CHECK(memcmp(h1.bins, want.bins, sizeof want.bins) == 0,
                  "%s histogram bins differ from the serial loop", loop_specs[s]);
            CHECK(h1.total > want.total * (1 - 1e-12) && h1.total < want.total * (1 + 1e-12),
                  "%s histogram total %.17g, serial %.17g", loop_specs[s], h1.total, want.total);
            CHECK(memcmp(&h1, &h2, sizeof h1) == 0,
                  "%s static-schedule reduction is not reproducible (%.17g vs %.17g)",
                  loop_specs[s], h1.total, h2.total);
        }
        oxpar_context_free(ctx);
    }
}

/* ---- bad input ---- */

static unsigned long never_calls;

static void must_not_run(size_t b, size_t e, void *user) {
    (void)b;
    (void)e;
    (void)user;
    never_calls++;
}

static void must_not_fold(size_t b, size_t e, void *acc, void *user) {
    (void)b;
    (void)e;
    (void)acc;
    (void)user;
    never_calls++;
}

static void must_not_combine(void *acc, const void *other, void *user) {
    (void)acc;
    (void)other;
    (void)user;
    never_calls++;
}

void test_loops_bad_input(void) {
    oxpar_context *ctx = NULL;
    struct stats result = {42.0, 7, 3, 9}, keep = {42.0, 7, 3, 9};
    size_t s;
    for (s = 0; s < sizeof loop_specs / sizeof loop_specs[0]; s++) {
        if (!CHECK_OK(oxpar_context_create(loop_specs[s], &ctx), "create %s", loop_specs[s])) {
            continue;
        }
        never_calls = 0;
        CHECK_ERR(oxpar_parallel_for(NULL, 0, 10, OXPAR_SCHEDULE_STATIC, 0, must_not_run, NULL),
                  OXPAR_STATUS_NULL_POINTER, "oxpar_parallel_for", "ctx");
        CHECK_ERR(oxpar_parallel_for(ctx, 0, 10, OXPAR_SCHEDULE_STATIC, 0, NULL, NULL),
                  OXPAR_STATUS_NULL_POINTER, "oxpar_parallel_for", "body");
        CHECK_ERR(oxpar_parallel_for(ctx, 11, 10, OXPAR_SCHEDULE_STATIC, 0, must_not_run, NULL),
                  OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_parallel_for", "begin");
        CHECK_ERR(oxpar_parallel_for(ctx, SIZE_MAX, 0, OXPAR_SCHEDULE_DYNAMIC, 1, must_not_run,
                                     NULL),
                  OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_parallel_for", "begin");
        CHECK_ERR(oxpar_parallel_for(ctx, 0, 10, 3, 0, must_not_run, NULL),
                  OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_parallel_for", "schedule");
        CHECK_ERR(oxpar_parallel_for(ctx, 0, 10, -1, 0, must_not_run, NULL),
                  OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_parallel_for", "schedule");
        CHECK(never_calls == 0, "%s: a failing parallel_for called its body %lu times",
              loop_specs[s], never_calls);

        CHECK_ERR(oxpar_parallel_reduce(NULL, 0, 10, 0, 0, must_not_fold, must_not_combine,
                                        &result, sizeof result, NULL),
                  OXPAR_STATUS_NULL_POINTER, "oxpar_parallel_reduce", "ctx");
        CHECK_ERR(oxpar_parallel_reduce(ctx, 0, 10, 0, 0, NULL, must_not_combine, &result,
                                        sizeof result, NULL),
                  OXPAR_STATUS_NULL_POINTER, "oxpar_parallel_reduce", "body");
        CHECK_ERR(oxpar_parallel_reduce(ctx, 0, 10, 0, 0, must_not_fold, NULL, &result,
                                        sizeof result, NULL),
                  OXPAR_STATUS_NULL_POINTER, "oxpar_parallel_reduce", "combine");
        CHECK_ERR(oxpar_parallel_reduce(ctx, 0, 10, 0, 0, must_not_fold, must_not_combine, NULL,
                                        sizeof result, NULL),
                  OXPAR_STATUS_NULL_POINTER, "oxpar_parallel_reduce", "result");
        CHECK_ERR(oxpar_parallel_reduce(ctx, 0, 10, 0, 0, must_not_fold, must_not_combine,
                                        &result, 0, NULL),
                  OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_parallel_reduce", "acc_size");
        CHECK_ERR(oxpar_parallel_reduce(ctx, 10, 9, 0, 0, must_not_fold, must_not_combine,
                                        &result, sizeof result, NULL),
                  OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_parallel_reduce", "begin");
        CHECK_ERR(oxpar_parallel_reduce(ctx, 0, 10, 17, 0, must_not_fold, must_not_combine,
                                        &result, sizeof result, NULL),
                  OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_parallel_reduce", "schedule");
        CHECK(never_calls == 0, "%s: a failing parallel_reduce called a callback %lu times",
              loop_specs[s], never_calls);
        CHECK(memcmp(&result, &keep, sizeof result) == 0,
              "%s: a failing parallel_reduce modified its result", loop_specs[s]);
        /* an empty range calls nothing and stores the identity */
        CHECK_OK(oxpar_parallel_for(ctx, 4, 4, OXPAR_SCHEDULE_GUIDED, 0, must_not_run, NULL),
                 "%s empty parallel_for", loop_specs[s]);
        CHECK_OK(oxpar_parallel_reduce(ctx, 4, 4, OXPAR_SCHEDULE_DYNAMIC, 0, must_not_fold,
                                       stats_combine, &result, sizeof result, NULL),
                 "%s empty parallel_reduce", loop_specs[s]);
        CHECK(never_calls == 0, "%s: an empty loop called its body", loop_specs[s]);
        CHECK(memcmp(&result, &keep, sizeof result) == 0,
              "%s: an empty parallel_reduce did not store the identity", loop_specs[s]);
        oxpar_context_free(ctx);
    }
}
