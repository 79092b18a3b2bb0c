/*
 * Version and ABI, status strings, contexts, and the per-thread last error
 * message (including use of one context from several threads at once).
 */
#define _POSIX_C_SOURCE 200809L /* setenv, pthreads */

#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "oxpar.h"
#include "tests.h"

void test_version_and_status(void) {
    static const struct {
        int32_t code;
        const char *text;
    } statuses[] = {
        {OXPAR_STATUS_OK, "ok"},
        {OXPAR_STATUS_NULL_POINTER, "null pointer"},
        {OXPAR_STATUS_INVALID_ARGUMENT, "invalid argument"},
        {OXPAR_STATUS_SHAPE_MISMATCH, "shape mismatch"},
        {OXPAR_STATUS_INVALID_STRIDE, "invalid stride"},
        {OXPAR_STATUS_UNSUPPORTED, "unsupported"},
        {OXPAR_STATUS_BACKEND_UNAVAILABLE, "backend unavailable"},
        {OXPAR_STATUS_DEVICE_ERROR, "device error"},
        {OXPAR_STATUS_OUT_OF_MEMORY, "out of memory"},
        {OXPAR_STATUS_COMM_ERROR, "communication error"},
        {OXPAR_STATUS_SINGULAR, "singular matrix"},
        {OXPAR_STATUS_NOT_POSITIVE_DEFINITE, "not positive definite"},
        {OXPAR_STATUS_NO_CONVERGENCE, "no convergence"},
        {OXPAR_STATUS_PANIC, "internal error (panic)"},
        {OXPAR_STATUS_INTERNAL, "internal error"},
    };
    static const int32_t unknown[] = {1, -1, 99, 105, 199, 204, 899, 902, INT32_MAX, INT32_MIN};
    char expected[32];
    const char *v = oxpar_version();
    size_t i;

    CHECK(v != NULL && strcmp(v, OXPAR_VERSION_STRING) == 0,
          "oxpar_version() is \"%s\", the header says \"%s\"", v ? v : "(NULL)",
          OXPAR_VERSION_STRING);
    snprintf(expected, sizeof expected, "%d.%d.%d", OXPAR_VERSION_MAJOR, OXPAR_VERSION_MINOR,
             OXPAR_VERSION_PATCH);
    CHECK(strcmp(expected, OXPAR_VERSION_STRING) == 0,
          "OXPAR_VERSION_STRING \"%s\" disagrees with MAJOR.MINOR.PATCH \"%s\"",
          OXPAR_VERSION_STRING, expected);
    CHECK(OXPAR_VERSION_NUMBER ==
              OXPAR_VERSION_MAJOR * 10000 + OXPAR_VERSION_MINOR * 100 + OXPAR_VERSION_PATCH,
          "OXPAR_VERSION_NUMBER is %d", OXPAR_VERSION_NUMBER);
    CHECK(oxpar_abi_version() == OXPAR_ABI_VERSION, "oxpar_abi_version() is %lu, header %d",
          (unsigned long)oxpar_abi_version(), OXPAR_ABI_VERSION);
    CHECK(OXPAR_INDEX_NONE == SIZE_MAX, "OXPAR_INDEX_NONE is not SIZE_MAX");
    CHECK(sizeof(oxpar_status) == 4, "oxpar_status has %lu bytes",
          (unsigned long)sizeof(oxpar_status));

    for (i = 0; i < sizeof statuses / sizeof statuses[0]; i++) {
        const char *s = oxpar_status_str(statuses[i].code);
        CHECK(s != NULL && strcmp(s, statuses[i].text) == 0,
              "oxpar_status_str(%d) is \"%s\", want \"%s\"", (int)statuses[i].code,
              s ? s : "(NULL)", statuses[i].text);
    }
    for (i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        const char *s = oxpar_status_str(unknown[i]);
        CHECK(s != NULL && strcmp(s, "unknown status") == 0,
              "oxpar_status_str(%ld) is \"%s\", want \"unknown status\"", (long)unknown[i],
              s ? s : "(NULL)");
    }
}

/* Restores OXPAR_NUM_THREADS as the test found it. */
static char *saved_num_threads;

static void save_env(void) {
    const char *v = getenv("OXPAR_NUM_THREADS");
    saved_num_threads = NULL;
    if (v != NULL) {
        saved_num_threads = (char *)xmalloc(strlen(v) + 1);
        strcpy(saved_num_threads, v);
    }
}

static void restore_env(void) {
    if (saved_num_threads != NULL) {
        setenv("OXPAR_NUM_THREADS", saved_num_threads, 1);
        free(saved_num_threads);
        saved_num_threads = NULL;
    } else {
        unsetenv("OXPAR_NUM_THREADS");
    }
}

static void expect_context(const char *spec, int32_t backend, size_t threads) {
    oxpar_context *ctx = NULL;
    size_t n = 0;
    int32_t b = -1;
    if (!CHECK_OK(oxpar_context_create(spec, &ctx), "create \"%s\"", spec ? spec : "(NULL)")) {
        return;
    }
    CHECK(ctx != NULL, "create \"%s\" stored NULL", spec ? spec : "(NULL)");
    CHECK_OK(oxpar_context_backend(ctx, &b), "backend of \"%s\"", spec ? spec : "(NULL)");
    CHECK(b == backend, "backend of \"%s\" is %d, want %d", spec ? spec : "(NULL)", (int)b,
          (int)backend);
    CHECK_OK(oxpar_context_num_threads(ctx, &n), "num_threads of \"%s\"", spec ? spec : "(NULL)");
    if (threads == 0) {
        CHECK(n >= 1, "\"%s\" has %lu threads", spec ? spec : "(NULL)", (unsigned long)n);
    } else {
        CHECK(n == threads, "\"%s\" has %lu threads, want %lu", spec ? spec : "(NULL)",
              (unsigned long)n, (unsigned long)threads);
    }
    oxpar_context_free(ctx);
}

static void expect_create_error(const char *spec, oxpar_status want, const char *arg,
                                const char *contains) {
    static double marker;
    oxpar_context *sentinel = (oxpar_context *)(void *)&marker;
    oxpar_context *ctx = sentinel;
    oxpar_status st = oxpar_context_create(spec, &ctx);
    CHECK_ERR(st, want, "oxpar_context_create", arg);
    if (contains != NULL) {
        CHECK(last_error_contains(contains), "create \"%s\": message \"%s\" lacks \"%s\"", spec,
              oxpar_last_error_message(), contains);
    }
    CHECK(ctx == sentinel, "create \"%s\" failed but wrote its output", spec);
    if (st == OXPAR_STATUS_OK && ctx != sentinel) {
        oxpar_context_free(ctx);
    }
}

/* oxpar_info_text's thread line, which must contain `want`. */
static void expect_info_threads(const char *want) {
    const char *text = oxpar_info_text();
    CHECK(text != NULL && strstr(text, want) != NULL, "oxpar_info_text lacks \"%s\": %s", want,
          text ? text : "(NULL)");
}

/* OMP_NUM_THREADS sizes "threads" when OXPAR_NUM_THREADS is unset (its first
 * entry; a value that is no count is ignored), and oxpar_info_text says
 * where the count came from. */
void test_omp_num_threads_and_info(void) {
    const char *omp = getenv("OMP_NUM_THREADS");
    char *saved_omp = NULL;
    const char *text;
    if (omp != NULL) {
        saved_omp = (char *)xmalloc(strlen(omp) + 1);
        strcpy(saved_omp, omp);
    }
    save_env();
    unsetenv("OXPAR_NUM_THREADS");
    setenv("OMP_NUM_THREADS", "3", 1);
    expect_context("threads", OXPAR_BACKEND_THREADS, 3);
    expect_context("threads:2", OXPAR_BACKEND_THREADS, 2);
    expect_info_threads("threads: 3 (from OMP_NUM_THREADS=3 (OXPAR_NUM_THREADS is not set))\n");
    setenv("OMP_NUM_THREADS", "2,4", 1);
    expect_context(NULL, OXPAR_BACKEND_THREADS, 2);
    setenv("OMP_NUM_THREADS", "99999", 1); /* another library's value: lowered, not an error */
    expect_info_threads("threads: 4096 (from OMP_NUM_THREADS=99999 ");
    setenv("OMP_NUM_THREADS", "lots", 1); /* ignored: the CPUs */
    expect_context("threads", OXPAR_BACKEND_THREADS, 0);
    expect_info_threads("OMP_NUM_THREADS=\"lots\" is not a thread count and is ignored");
    setenv("OXPAR_NUM_THREADS", "1", 1); /* wins */
    setenv("OMP_NUM_THREADS", "3", 1);
    expect_context("threads", OXPAR_BACKEND_THREADS, 1);
    expect_info_threads("threads: 1 (from OXPAR_NUM_THREADS=1)\n");
    setenv("OXPAR_NUM_THREADS", "lots", 1); /* reported in the text, never a failure */
    expect_info_threads("threads: unknown (");
    text = oxpar_info_text();
    CHECK(strncmp(text, "oxpar " OXPAR_VERSION_STRING "\n", strlen("oxpar " OXPAR_VERSION_STRING "\n")) == 0,
          "oxpar_info_text starts \"%.20s\"", text);
    restore_env();
    if (saved_omp != NULL) {
        setenv("OMP_NUM_THREADS", saved_omp, 1);
        free(saved_omp);
    } else {
        unsetenv("OMP_NUM_THREADS");
    }
}

void test_contexts(void) {
    oxpar_context *ctx = NULL;
    size_t n = 777;
    int32_t b = 777;
    size_t i;

    save_env();
    unsetenv("OXPAR_NUM_THREADS");
    expect_context("serial", OXPAR_BACKEND_SERIAL, 1);
    expect_context("threads", OXPAR_BACKEND_THREADS, 0);
    expect_context(NULL, OXPAR_BACKEND_THREADS, 0);
    expect_context("threads:3", OXPAR_BACKEND_THREADS, 3);
    expect_context("threads:1", OXPAR_BACKEND_THREADS, 1);
    /* OXPAR_NUM_THREADS sizes "threads" and NULL, not "threads:N" */
    setenv("OXPAR_NUM_THREADS", "2", 1);
    expect_context("threads", OXPAR_BACKEND_THREADS, 2);
    expect_context(NULL, OXPAR_BACKEND_THREADS, 2);
    expect_context("threads:3", OXPAR_BACKEND_THREADS, 3);
    setenv("OXPAR_NUM_THREADS", "lots", 1);
    expect_create_error("threads", OXPAR_STATUS_INVALID_ARGUMENT, "OXPAR_NUM_THREADS", NULL);
    expect_create_error(NULL, OXPAR_STATUS_INVALID_ARGUMENT, "OXPAR_NUM_THREADS", NULL);
    setenv("OXPAR_NUM_THREADS", "0", 1);
    expect_create_error("threads", OXPAR_STATUS_INVALID_ARGUMENT, "OXPAR_NUM_THREADS", NULL);
    /* above OXPAR_MAX_THREADS: a named error, never an attempt to start them */
    setenv("OXPAR_NUM_THREADS", "1099511627776", 1);
    expect_create_error("threads", OXPAR_STATUS_INVALID_ARGUMENT, "OXPAR_NUM_THREADS", "4096");
    setenv("OXPAR_NUM_THREADS", "4097", 1);
    expect_create_error(NULL, OXPAR_STATUS_INVALID_ARGUMENT, "OXPAR_NUM_THREADS", "4096");
    setenv("OXPAR_NUM_THREADS", "18446744073709551616", 1); /* SIZE_MAX + 1 */
    expect_create_error("threads", OXPAR_STATUS_INVALID_ARGUMENT, "OXPAR_NUM_THREADS", "4096");
    restore_env();
    CHECK(OXPAR_MAX_THREADS == 4096, "OXPAR_MAX_THREADS is %lu", (unsigned long)OXPAR_MAX_THREADS);
    expect_create_error("threads:4294967296", OXPAR_STATUS_INVALID_ARGUMENT, "spec", "4096");
    expect_create_error("threads:4097", OXPAR_STATUS_INVALID_ARGUMENT, "spec", "4096");
    expect_create_error("threads:18446744073709551615", OXPAR_STATUS_INVALID_ARGUMENT, "spec",
                        "4096");
    expect_create_error("threads:99999999999999999999999", OXPAR_STATUS_INVALID_ARGUMENT, "spec",
                        "4096");

    /* unknown or malformed specs */
    expect_create_error("cuda", OXPAR_STATUS_INVALID_ARGUMENT, "spec", "cuda");
    expect_create_error("", OXPAR_STATUS_INVALID_ARGUMENT, "spec", NULL);
    expect_create_error("threads:0", OXPAR_STATUS_INVALID_ARGUMENT, "spec", NULL);
    expect_create_error("threads:-2", OXPAR_STATUS_INVALID_ARGUMENT, "spec", NULL);
    expect_create_error("threads:many", OXPAR_STATUS_INVALID_ARGUMENT, "spec", NULL);
    expect_create_error("serial:2", OXPAR_STATUS_INVALID_ARGUMENT, "spec", NULL);
    expect_create_error("\xff\xfe", OXPAR_STATUS_INVALID_ARGUMENT, "spec", NULL);
    {
        /* NULL out */
        CHECK_ERR(oxpar_context_create("serial", NULL), OXPAR_STATUS_NULL_POINTER,
                  "oxpar_context_create", "out");
    }

    /* backends that may be compiled out: available iff a context can be made */
    {
        static const struct {
            int32_t backend;
            const char *spec;
        } optional[] = {{OXPAR_BACKEND_OPENCL, "opencl"}, {OXPAR_BACKEND_MPI, "mpi"}};
        for (i = 0; i < 2; i++) {
            /* Under valgrind MPI_Init's own allocations would be reported;
               tests/c-mpi covers MPI contexts under mpiexec. */
            if (optional[i].backend == OXPAR_BACKEND_MPI && getenv("OXPAR_TEST_SKIP_MPI")) {
                continue;
            }
            if (oxpar_backend_available(optional[i].backend)) {
                expect_context(optional[i].spec, optional[i].backend, 0);
            } else {
                expect_create_error(optional[i].spec, OXPAR_STATUS_BACKEND_UNAVAILABLE, NULL,
                                    optional[i].spec);
            }
        }
    }
    CHECK(oxpar_backend_available(OXPAR_BACKEND_SERIAL), "serial backend unavailable");
    CHECK(oxpar_backend_available(OXPAR_BACKEND_THREADS), "threads backend unavailable");
    CHECK(!oxpar_backend_available(-1) && !oxpar_backend_available(4) &&
              !oxpar_backend_available(1000) && !oxpar_backend_available(INT32_MIN),
          "an unknown backend value is reported available");

    /* set_num_threads */
    if (CHECK_OK(oxpar_context_create("threads:3", &ctx), "create threads:3")) {
        CHECK_OK(oxpar_context_set_num_threads(ctx, 2), "set_num_threads(2)");
        CHECK_OK(oxpar_context_num_threads(ctx, &n), "num_threads");
        CHECK(n == 2, "after set_num_threads(2): %lu", (unsigned long)n);
        CHECK_OK(oxpar_context_set_num_threads(ctx, 1), "set_num_threads(1)");
        CHECK_OK(oxpar_context_num_threads(ctx, &n), "num_threads");
        CHECK(n == 1, "after set_num_threads(1): %lu", (unsigned long)n);
        CHECK_OK(oxpar_context_set_num_threads(ctx, 4), "set_num_threads(4)");
        CHECK_OK(oxpar_context_num_threads(ctx, &n), "num_threads");
        CHECK(n == 4, "after set_num_threads(4): %lu", (unsigned long)n);
        CHECK_ERR(oxpar_context_set_num_threads(ctx, 0), OXPAR_STATUS_INVALID_ARGUMENT,
                  "oxpar_context_set_num_threads", "num_threads");
        n = 777;
        CHECK_OK(oxpar_context_num_threads(ctx, &n), "num_threads");
        CHECK(n == 4, "a failed set_num_threads(0) changed the count to %lu", (unsigned long)n);
        {
            /* above OXPAR_MAX_THREADS: refused, the context keeps its threads */
            static const size_t huge[] = {OXPAR_MAX_THREADS + 1, (size_t)1 << 32, SIZE_MAX};
            size_t h;
            for (h = 0; h < sizeof huge / sizeof huge[0]; h++) {
                CHECK_ERR(oxpar_context_set_num_threads(ctx, huge[h]),
                          OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_context_set_num_threads",
                          "num_threads");
                CHECK(last_error_contains("4096"), "set_num_threads(%lu): message \"%s\"",
                      (unsigned long)huge[h], oxpar_last_error_message());
            }
            n = 777;
            CHECK_OK(oxpar_context_num_threads(ctx, &n), "num_threads");
            CHECK(n == 4, "a refused set_num_threads changed the count to %lu", (unsigned long)n);
        }
        CHECK_OK(oxpar_context_backend(ctx, &b), "backend");
        CHECK(b == OXPAR_BACKEND_THREADS, "backend after set_num_threads is %d", (int)b);
        /* the new threads work */
        {
            double x[100], y[100], d = 0;
            for (i = 0; i < 100; i++) {
                x[i] = 1;
                y[i] = (double)i;
            }
            CHECK_OK(oxpar_ddot(ctx, 100, x, 1, y, 1, &d), "ddot after set_num_threads");
            CHECK(d == 4950, "ddot after set_num_threads: %g", d);
        }
        oxpar_context_free(ctx);
    }
    if (CHECK_OK(oxpar_context_create("serial", &ctx), "create serial")) {
        CHECK_OK(oxpar_context_set_num_threads(ctx, 1), "serial set_num_threads(1)");
        CHECK_ERR(oxpar_context_set_num_threads(ctx, 2), OXPAR_STATUS_UNSUPPORTED,
                  "oxpar_context_set_num_threads", "num_threads");
        CHECK_ERR(oxpar_context_set_num_threads(ctx, SIZE_MAX), OXPAR_STATUS_INVALID_ARGUMENT,
                  "oxpar_context_set_num_threads", "num_threads");
        CHECK_ERR(oxpar_context_set_num_threads(ctx, 0), OXPAR_STATUS_INVALID_ARGUMENT,
                  "oxpar_context_set_num_threads", "num_threads");
        n = 777;
        CHECK_OK(oxpar_context_num_threads(ctx, &n), "serial num_threads");
        CHECK(n == 1, "serial has %lu threads", (unsigned long)n);
        CHECK_ERR(oxpar_context_num_threads(ctx, NULL), OXPAR_STATUS_NULL_POINTER,
                  "oxpar_context_num_threads", "out");
        CHECK_ERR(oxpar_context_backend(ctx, NULL), OXPAR_STATUS_NULL_POINTER,
                  "oxpar_context_backend", "out");
        oxpar_context_free(ctx);
    }
    /* NULL handles */
    n = 777;
    b = 777;
    CHECK_ERR(oxpar_context_num_threads(NULL, &n), OXPAR_STATUS_NULL_POINTER,
              "oxpar_context_num_threads", "ctx");
    CHECK_ERR(oxpar_context_backend(NULL, &b), OXPAR_STATUS_NULL_POINTER,
              "oxpar_context_backend", "ctx");
    CHECK_ERR(oxpar_context_set_num_threads(NULL, 2), OXPAR_STATUS_NULL_POINTER,
              "oxpar_context_set_num_threads", "ctx");
    CHECK(n == 777 && b == 777, "a failing call wrote its output (%lu, %d)", (unsigned long)n,
          (int)b);
    oxpar_context_free(NULL); /* a no-op */
    CHECK(1, "oxpar_context_free(NULL) returned");

    /* oxpar_context_reject communicates nothing on a context that is not MPI */
    {
        oxpar_context *t = NULL;
        if (CHECK_OK(oxpar_context_create("threads:2", &t), "create threads:2")) {
            CHECK_OK(oxpar_context_reject(t, OXPAR_ROUTINE_GEMM, OXPAR_STATUS_SHAPE_MISMATCH,
                                          "c: checked by the caller"),
                     "oxpar_context_reject on a threads context");
            CHECK_ERR(oxpar_context_reject(t, -1, OXPAR_STATUS_SHAPE_MISMATCH, NULL),
                      OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_context_reject", "routine");
            CHECK_ERR(oxpar_context_reject(t, OXPAR_ROUTINE_DOT, 12345, NULL),
                      OXPAR_STATUS_INVALID_ARGUMENT, "oxpar_context_reject", "status");
            oxpar_context_free(t);
        }
    }
}

/* ---- the last error message belongs to the calling thread ---- */

struct thread_result {
    int initially_empty;
    int status;
    int named_transa;
};

static void *fail_in_thread(void *arg) {
    struct thread_result *r = (struct thread_result *)arg;
    oxpar_context *ctx = NULL;
    double a = 1, b = 1, c = 0, one = 1;
    const char *msg = oxpar_last_error_message();
    r->initially_empty = msg != NULL && msg[0] == '\0';
    if (oxpar_context_create("serial", &ctx) != OXPAR_STATUS_OK) {
        r->status = -1;
        return NULL;
    }
    r->status = oxpar_dgemm(ctx, 7, OXPAR_TRANS_NO, 1, 1, 1, &one, &a, 1, 1, &b, 1, 1, &one, &c,
                            1, 1);
    msg = oxpar_last_error_message();
    r->named_transa = strncmp(msg, "oxpar_dgemm: transa:", 20) == 0;
    oxpar_context_free(ctx);
    return NULL;
}

/* Several threads computing on one shared context at once. */
struct shared_work {
    const oxpar_context *ctx;
    const double *x;
    size_t n;
    int failures;
};

static void count_body(size_t b, size_t e, void *user) {
    unsigned char *hits = (unsigned char *)user;
    size_t i;
    for (i = b; i < e; i++) {
        hits[i]++;
    }
}

static void *work_on_shared(void *arg) {
    struct shared_work *w = (struct shared_work *)arg;
    unsigned char *hits = (unsigned char *)xmalloc(1000);
    int round;
    size_t i;
    for (round = 0; round < 10; round++) {
        double d = -1;
        if (oxpar_ddot(w->ctx, w->n, w->x, 1, w->x, 1, &d) != OXPAR_STATUS_OK ||
            d != (double)w->n) {
            w->failures++;
        }
        memset(hits, 0, 1000);
        if (oxpar_parallel_for(w->ctx, 0, 1000, OXPAR_SCHEDULE_DYNAMIC, 7, count_body, hits) !=
            OXPAR_STATUS_OK) {
            w->failures++;
        }
        for (i = 0; i < 1000; i++) {
            w->failures += hits[i] != 1;
        }
    }
    free(hits);
    return NULL;
}

void test_last_error_per_thread(void) {
    oxpar_context *ctx = NULL;
    double x = 1, out = 5;
    char before[512];
    pthread_t t;
    struct thread_result r = {0, 0, 0};

    /* a failure here, then one on another thread: ours stays */
    CHECK_ERR(oxpar_ddot(NULL, 1, &x, 1, &x, 1, &out), OXPAR_STATUS_NULL_POINTER, "oxpar_ddot",
              "ctx");
    snprintf(before, sizeof before, "%s", oxpar_last_error_message());
    if (CHECK(pthread_create(&t, NULL, fail_in_thread, &r) == 0, "pthread_create")) {
        pthread_join(t, NULL);
        CHECK(r.initially_empty, "a new thread's last error message is not empty");
        CHECK(r.status == OXPAR_STATUS_INVALID_ARGUMENT && r.named_transa,
              "the other thread's failure: status %d, message named transa: %d", r.status,
              r.named_transa);
        CHECK(strcmp(before, oxpar_last_error_message()) == 0,
              "another thread's failure changed this thread's message to \"%s\"",
              oxpar_last_error_message());
    }
    /* successful calls leave the message alone */
    if (CHECK_OK(oxpar_context_create("serial", &ctx), "create serial")) {
        CHECK_OK(oxpar_ddot(ctx, 1, &x, 1, &x, 1, &out), "ddot");
        CHECK(out == 1, "ddot of [1] and [1] is %g", out);
        CHECK(strcmp(before, oxpar_last_error_message()) == 0,
              "a successful call changed the message to \"%s\"", oxpar_last_error_message());
        oxpar_context_free(ctx);
    }

    /* one context shared by several threads at once (documented as safe) */
    if (CHECK_OK(oxpar_context_create("threads:2", &ctx), "create threads:2")) {
        enum { WORKERS = 3 };
        size_t n = 40000, i;
        double *xs = (double *)xmalloc(n * sizeof(double));
        struct shared_work w[WORKERS];
        pthread_t ts[WORKERS];
        int k, started[WORKERS];
        for (i = 0; i < n; i++) {
            xs[i] = (i % 2) ? 1.0 : -1.0;
        }
        for (k = 0; k < WORKERS; k++) {
            w[k].ctx = ctx;
            w[k].x = xs;
            w[k].n = n;
            w[k].failures = 0;
            started[k] = pthread_create(&ts[k], NULL, work_on_shared, &w[k]) == 0;
        }
        for (k = 0; k < WORKERS; k++) {
            if (started[k]) {
                pthread_join(ts[k], NULL);
            }
            CHECK(started[k] && w[k].failures == 0,
                  "thread %d sharing a context: started %d, %d failures", k, started[k],
                  w[k].failures);
        }
        free(xs);
        oxpar_context_free(ctx);
    }
}

/* A body that counts its iterations into the slot of each (no two calls
 * share a slot). */
static void count_range(size_t begin, size_t end, void *user_data) {
    int *hits = (int *)user_data;
    size_t i;
    for (i = begin; i < end; i++) {
        hits[i]++;
    }
}

enum { FORK_N = 100000 };

/* In the child of a fork: uses the parent's context (whose threads did not
 * survive the fork), then a new one. Returns a bit mask of what failed. */
static int use_after_fork(oxpar_context *old, const double *x) {
    static int hits[FORK_N];
    oxpar_context *fresh = NULL;
    double d = 0;
    size_t threads = 0, i;
    int failed = 0, ok = 1;

    oxpar_status st = oxpar_ddot(old, FORK_N, x, 1, x, 1, &d);
    if (st != OXPAR_STATUS_OK || d != (double)FORK_N) {
        fprintf(stderr, "forked child: ddot: status %d (%s), %.17g\n", (int)st,
                oxpar_last_error_message(), d);
        failed |= 1;
    }
    if (oxpar_parallel_for(old, 0, FORK_N, OXPAR_SCHEDULE_DYNAMIC, 7, count_range, hits) !=
        OXPAR_STATUS_OK) {
        failed |= 2;
    }
    for (i = 0; i < FORK_N; i++) {
        ok = ok && hits[i] == 1;
    }
    if (!ok) {
        failed |= 4;
    }
    if (oxpar_context_num_threads(old, &threads) != OXPAR_STATUS_OK || threads != 3) {
        failed |= 8;
    }
    if (oxpar_context_create("threads:2", &fresh) != OXPAR_STATUS_OK ||
        oxpar_ddot(fresh, FORK_N, x, 1, x, 1, &d) != OXPAR_STATUS_OK || d != (double)FORK_N) {
        failed |= 16;
    }
    oxpar_context_free(fresh);
    oxpar_context_free(old);
    return failed;
}

/* fork(): a context created before it works in the child (on the calling
 * thread), a new one there gets threads of its own, and the parent's keeps
 * working; a deadlock in the child is caught by an alarm. */
void test_fork(void) {
    static double x[FORK_N];
    oxpar_context *ctx = NULL;
    double d = 0;
    size_t i;
    pid_t pid;
    int status = 0, fds[2], failed = -1;

    for (i = 0; i < FORK_N; i++) {
        x[i] = 1.0;
    }
    if (!CHECK_OK(oxpar_context_create("threads:3", &ctx), "create threads:3")) {
        return;
    }
    /* the parent's threads are running when it forks */
    CHECK_OK(oxpar_ddot(ctx, FORK_N, x, 1, x, 1, &d), "ddot before fork");
    /* The child reports through a pipe: its exit status may be a memory
     * checker's (the parent's threads, gone in the child, are left alone on
     * purpose, which such a tool counts as a leak). */
    if (!CHECK(pipe(fds) == 0, "pipe")) {
        oxpar_context_free(ctx);
        return;
    }
    fflush(NULL);
    pid = fork();
    if (pid == 0) {
        alarm(60);
        failed = use_after_fork(ctx, x);
        if (write(fds[1], &failed, sizeof failed) != (ssize_t)sizeof failed) {
            _exit(2);
        }
        _exit(0);
    }
    close(fds[1]);
    if (!CHECK(pid > 0, "fork failed")) {
        close(fds[0]);
        oxpar_context_free(ctx);
        return;
    }
    if (read(fds[0], &failed, sizeof failed) != (ssize_t)sizeof failed) {
        failed = -1;
    }
    close(fds[0]);
    CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
    CHECK(failed == 0 && !WIFSIGNALED(status),
          "the forked child: failed %d (bits: 1 ddot, 2 parallel_for, 4 coverage, 8 num_threads, "
          "16 a new context; -1: no report), %s %d (signal 14: it hung)",
          failed, WIFSIGNALED(status) ? "signal" : "exit",
          WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
    d = 0;
    CHECK(oxpar_ddot(ctx, FORK_N, x, 1, x, 1, &d) == OXPAR_STATUS_OK && d == (double)FORK_N,
          "the parent's context after the fork: %g", d);
    oxpar_context_free(ctx);
}
