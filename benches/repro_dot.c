/*
 * Reproducible ddot (issue 9): oxpar_ddot in reproducible mode against the
 * ordinary oxpar_ddot and OpenBLAS's cblas_ddot, at n = 10^3, 4096 (the
 * point ReproBLAS reports about 4x at), 10^5 and 10^7, on 1 and 2 threads;
 * and whether each one's results on 1 and 2 threads are bitwise identical.
 * The goal: reproducible at most 1.5x the ordinary ddot's time for
 * n >= 10^5.
 *
 * Build and run: make repro-bench (against target/release), or
 *   cc -std=c99 -O2 repro_dot.c -o repro_dot $(pkg-config --cflags --libs oxpar) -ldl
 *   ./repro_dot [--quick] [--batches K]
 *
 * --batches  timed batches per case (default 15; the best counts)
 * --quick    5 batches
 *
 * Contexts are "threads:1" and "threads:2". Reproducible mode is switched on
 * with oxpar_context_set_reproducible when liboxpar has it (looked up at run
 * time), else by creating the context with OXPAR_REPRODUCIBLE=1 in the
 * environment; a known case (1e100 + 1 - 1e100 = 1) checks that it took.
 * OpenBLAS is loaded with dlopen("libopenblas.so.0") and its thread count set
 * with openblas_set_num_threads; without it its columns show "-". Where it
 * does not recognise the CPU (virtual machines with a generic CPU model) it
 * falls back to old generic kernels, and its config line below says
 * "Prescott": set OPENBLAS_CORETYPE (SkylakeX, Haswell, ...) for a fair
 * comparison.
 *
 * All three read the same two arrays (one allocation of 10^7 doubles each,
 * written before any timing; smaller n use their first n elements), uniform
 * random in [-1, 1) from a fixed seed. Calls are timed in batches of at least
 * about 2 ms (one call per batch where a call takes longer); the best batch
 * gives the time per call in microseconds, also the median ratio. oxpar's
 * two modes alternate batch by batch; OpenBLAS runs after all of oxpar's
 * cases (its idle threads spin for a long while and would slow oxpar down).
 *
 * Exits 1 if reproducible mode is on and its results on 1 and 2 threads
 * differ.
 *
 * OXPAR_CERTIFIED_DOT=0 in the environment makes the reproducible ddot skip
 * its certified compensated fast path (AVX-512 CPUs), so that the exact
 * kernels alone can be compared with it, run after run, with one build.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime, nanosleep, setenv, posix_memalign */

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "oxpar.h"

#define NMAX 10000000
#define NUM_SIZES 4
#define NUM_THREADS 2
#define BATCH_SECONDS 2e-3
#define MAX_BATCHES 101

static const size_t SIZES[NUM_SIZES] = {1000, 4096, 100000, NMAX};
static const int THREADS[NUM_THREADS] = {1, 2};

/* What a timed case runs: one of the oxpar contexts, or OpenBLAS. */
typedef double (*cblas_ddot_fn)(int n, const double *x, int incx, const double *y, int incy);
typedef void (*openblas_set_num_threads_fn)(int n);
typedef char *(*openblas_get_config_fn)(void);
typedef oxpar_status (*set_reproducible_fn)(oxpar_context *ctx, int on);

static cblas_ddot_fn openblas_ddot;
static openblas_set_num_threads_fn openblas_set_threads;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* Lets the other side's idle threads finish spinning and park. */
static void pause_ms(long ms) {
    struct timespec t;
    t.tv_sec = 0;
    t.tv_nsec = ms * 1000000L;
    nanosleep(&t, NULL);
}

static void die(const char *what) {
    fprintf(stderr, "repro_dot: %s: %s\n", what, oxpar_last_error_message());
    exit(2);
}

/* splitmix64: a fixed, portable stream. */
static unsigned long long rng_state = 0x0123456789abcdefULL;
static double uniform(void) {
    unsigned long long z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    return (double)(z >> 11) / 9007199254740992.0 * 2.0 - 1.0; /* [-1, 1) */
}

static double *alloc_doubles(size_t n) {
    void *p = NULL;
    if (posix_memalign(&p, 64, n * sizeof(double)) != 0) {
        fprintf(stderr, "repro_dot: out of memory (%zu doubles)\n", n);
        exit(2);
    }
    return p;
}

/* A symbol from `handle` as a function pointer (memcpy: ISO C has no cast
 * from void * to a function pointer). */
static void lookup(void *handle, const char *name, void *fn_ptr, size_t size) {
    void *sym = handle != NULL ? dlsym(handle, name) : NULL;
    memset(fn_ptr, 0, size);
    if (sym != NULL) memcpy(fn_ptr, &sym, size);
}

static double call(const oxpar_context *ctx, size_t n, const double *x, const double *y) {
    double r = 0;
    if (ctx == NULL) return openblas_ddot((int)n, x, 1, y, 1);
    if (oxpar_ddot(ctx, n, x, 1, y, 1, &r) != OXPAR_STATUS_OK) die("oxpar_ddot");
    return r;
}

static volatile double sink;

/* Seconds per call over one batch of `calls` calls; *result gets the last. */
static double batch(const oxpar_context *ctx, size_t n, const double *x, const double *y,
                    long calls, double *result) {
    double t0 = now(), acc = 0, r = 0;
    long k;
    for (k = 0; k < calls; k++) {
        r = call(ctx, n, x, y);
        acc += r;
    }
    t0 = now() - t0;
    sink = acc;
    *result = r;
    return t0 / (double)calls;
}

/* Calls per batch: enough for BATCH_SECONDS, from a few warm-up calls. */
static long calls_per_batch(const oxpar_context *ctx, size_t n, const double *x, const double *y) {
    double r, t = 1e30, s;
    int w;
    for (w = 0; w < 3; w++) {
        s = batch(ctx, n, x, y, 1, &r);
        if (s < t) t = s;
    }
    if (t >= BATCH_SECONDS) return 1;
    return (long)(BATCH_SECONDS / (t > 1e-9 ? t : 1e-9)) + 1;
}

static int cmp_double(const void *a, const void *b) {
    double u = *(const double *)a, v = *(const double *)b;
    return u < v ? -1 : u > v;
}

static double median(double *v, int k) {
    qsort(v, (size_t)k, sizeof *v, cmp_double);
    return k % 2 ? v[k / 2] : 0.5 * (v[k / 2 - 1] + v[k / 2]);
}

/* One cell of the table: best and median microseconds per call, the result
 * (the same for every call: checked). */
typedef struct {
    double best_us, median_us, result;
    int have, stable;
} cell;

static int same_bits(double a, double b) {
    return memcmp(&a, &b, sizeof a) == 0;
}

/* Times `count` cases (an oxpar context each, NULL for OpenBLAS) at size n,
 * alternating batch by batch. */
static void time_cases(oxpar_context *const *ctx, cell *out, int count, size_t n,
                       const double *x, const double *y, int batches) {
    long calls[2];
    double times[2][MAX_BATCHES];
    int c, b;
    for (c = 0; c < count; c++) {
        calls[c] = calls_per_batch(ctx[c], n, x, y);
        out[c].stable = 1;
        out[c].have = 1;
    }
    for (b = 0; b < batches; b++) {
        for (c = 0; c < count; c++) {
            double r;
            if (count > 1) pause_ms(1);
            times[c][b] = batch(ctx[c], n, x, y, calls[c], &r);
            if (b == 0) out[c].result = r;
            else if (!same_bits(r, out[c].result)) out[c].stable = 0;
        }
    }
    for (c = 0; c < count; c++) {
        double best = times[c][0];
        for (b = 1; b < batches; b++)
            if (times[c][b] < best) best = times[c][b];
        out[c].best_us = best * 1e6;
        out[c].median_us = median(times[c], batches) * 1e6;
    }
}

static void fmt_us(char *buf, size_t size, const cell *c) {
    if (c->have) snprintf(buf, size, "%.2f", c->best_us);
    else snprintf(buf, size, "-");
}

static const char *yes_no(int same) {
    return same ? "yes" : "NO";
}

int main(int argc, char **argv) {
    int batches = 15, a, t, s, repro_on = 1, mismatch = 0, goal_met = 1;
    oxpar_context *ord[NUM_THREADS], *rep[NUM_THREADS];
    cell ord_c[NUM_THREADS][NUM_SIZES], rep_c[NUM_THREADS][NUM_SIZES], obl_c[NUM_THREADS][NUM_SIZES];
    set_reproducible_fn set_reproducible;
    openblas_get_config_fn openblas_config;
    void *self, *openblas;
    const char *how;
    char openblas_error[256] = "no cblas_ddot or openblas_set_num_threads";
    double *x, *y;
    size_t i;

    for (a = 1; a < argc; a++) {
        if (strcmp(argv[a], "--quick") == 0) {
            batches = 5;
        } else if (strcmp(argv[a], "--batches") == 0 && a + 1 < argc) {
            batches = atoi(argv[++a]);
            if (batches < 1 || batches > MAX_BATCHES) {
                fprintf(stderr, "repro_dot: --batches must be 1..%d\n", MAX_BATCHES);
                return 2;
            }
        } else {
            fprintf(stderr, "usage: repro_dot [--quick] [--batches K]\n");
            return 2;
        }
    }

    /* The same arrays for everyone, written (so touched) before any timing. */
    x = alloc_doubles(NMAX);
    y = alloc_doubles(NMAX);
    for (i = 0; i < NMAX; i++) {
        x[i] = uniform();
        y[i] = uniform();
    }

    /* The setter if this liboxpar has it, else the variable creation reads. */
    self = dlopen(NULL, RTLD_NOW);
    lookup(self, "oxpar_context_set_reproducible", &set_reproducible, sizeof set_reproducible);
    how = set_reproducible != NULL ? "oxpar_context_set_reproducible(ctx, 1)"
                                   : "OXPAR_REPRODUCIBLE=1 at context creation";
    unsetenv("OXPAR_REPRODUCIBLE"); /* ordinary contexts must be ordinary */
    for (t = 0; t < NUM_THREADS; t++) {
        char spec[32];
        snprintf(spec, sizeof spec, "threads:%d", THREADS[t]);
        if (oxpar_context_create(spec, &ord[t]) != OXPAR_STATUS_OK) die(spec);
        if (set_reproducible != NULL) {
            if (oxpar_context_create(spec, &rep[t]) != OXPAR_STATUS_OK) die(spec);
            if (set_reproducible(ord[t], 0) != OXPAR_STATUS_OK) die("set_reproducible(0)");
            if (set_reproducible(rep[t], 1) != OXPAR_STATUS_OK) die("set_reproducible(1)");
        } else {
            setenv("OXPAR_REPRODUCIBLE", "1", 1);
            if (oxpar_context_create(spec, &rep[t]) != OXPAR_STATUS_OK) die(spec);
            unsetenv("OXPAR_REPRODUCIBLE");
        }
        {
            /* 1e100 + 1 - 1e100: 1 when reproducible (correctly rounded). */
            const double kx[3] = {1e100, 1.0, -1e100}, ky[3] = {1.0, 1.0, 1.0};
            if (call(rep[t], 3, kx, ky) != 1.0) repro_on = 0;
        }
    }

    openblas = dlopen("libopenblas.so.0", RTLD_NOW | RTLD_LOCAL);
    if (openblas == NULL) openblas = dlopen("libopenblas.so", RTLD_NOW | RTLD_LOCAL);
    if (openblas == NULL) {
        const char *e = dlerror();
        snprintf(openblas_error, sizeof openblas_error, "%s", e != NULL ? e : "dlopen failed");
    }
    lookup(openblas, "cblas_ddot", &openblas_ddot, sizeof openblas_ddot);
    lookup(openblas, "openblas_set_num_threads", &openblas_set_threads, sizeof openblas_set_threads);
    lookup(openblas, "openblas_get_config", &openblas_config, sizeof openblas_config);
    if (openblas_ddot == NULL || openblas_set_threads == NULL) openblas_ddot = NULL;

    printf("repro_dot: reproducible oxpar_ddot vs ordinary oxpar_ddot vs OpenBLAS cblas_ddot\n");
    printf("oxpar %s; reproducible mode via %s: %s\n", oxpar_version(), how,
           repro_on ? "on (1e100 + 1 - 1e100 = 1)" : "NOT ON (known case failed)");
    if (!repro_on)
        printf("WARNING: this liboxpar ignores the switch: the repro column is the ordinary ddot\n");
    if (openblas_ddot != NULL)
        printf("OpenBLAS: %s\n", openblas_config != NULL ? openblas_config() : "(loaded)");
    else
        printf("OpenBLAS: not available (%s): its columns show -\n", openblas_error);
    printf("x, y uniform in [-1, 1), same arrays for all; best of %d batches (>= ~2 ms each)\n\n",
           batches);
    fflush(stdout);

    /* oxpar: both modes, alternating; then OpenBLAS. */
    for (t = 0; t < NUM_THREADS; t++) {
        for (s = 0; s < NUM_SIZES; s++) {
            oxpar_context *pair[2];
            cell out[2];
            pair[0] = ord[t];
            pair[1] = rep[t];
            time_cases(pair, out, 2, SIZES[s], x, y, batches);
            ord_c[t][s] = out[0];
            rep_c[t][s] = out[1];
        }
    }
    for (t = 0; t < NUM_THREADS; t++) {
        if (openblas_ddot != NULL) openblas_set_threads(THREADS[t]);
        for (s = 0; s < NUM_SIZES; s++) {
            oxpar_context *none[1];
            none[0] = NULL;
            memset(&obl_c[t][s], 0, sizeof obl_c[t][s]);
            if (openblas_ddot != NULL) time_cases(none, &obl_c[t][s], 1, SIZES[s], x, y, batches);
        }
        if (t + 1 < NUM_THREADS) pause_ms(200);
    }

    printf("time per call, microseconds (best batch)\n");
    printf("%7s %9s %11s %11s %11s %10s %10s %10s\n", "threads", "n", "repro", "ordinary",
           "OpenBLAS", "repro/ord", "(median)", "repro/OBL");
    for (t = 0; t < NUM_THREADS; t++) {
        for (s = 0; s < NUM_SIZES; s++) {
            const cell *r = &rep_c[t][s], *o = &ord_c[t][s], *b = &obl_c[t][s];
            char tr[32], to[32], tb[32], rb[32];
            double ratio = r->best_us / o->best_us;
            fmt_us(tr, sizeof tr, r);
            fmt_us(to, sizeof to, o);
            fmt_us(tb, sizeof tb, b);
            if (b->have) snprintf(rb, sizeof rb, "%.2f", r->best_us / b->best_us);
            else snprintf(rb, sizeof rb, "-");
            printf("%7d %9zu %11s %11s %11s %10.2f %10.2f %10s\n", THREADS[t], SIZES[s], tr, to, tb,
                   ratio, r->median_us / o->median_us, rb);
            if (SIZES[s] >= 100000 && ratio > 1.5) goal_met = 0;
        }
    }
    printf("goal (issue 9): repro/ord <= 1.5 for n >= 10^5: %s\n\n", goal_met ? "met" : "NOT met");

    printf("same bits on 1 and 2 threads?\n");
    printf("%9s %6s %9s %9s   %-25s %-25s %-25s\n", "n", "repro", "ordinary", "OpenBLAS",
           "repro (1 thread)", "OpenBLAS 1 thread", "OpenBLAS 2 threads");
    for (s = 0; s < NUM_SIZES; s++) {
        int rs = same_bits(rep_c[0][s].result, rep_c[1][s].result) && rep_c[0][s].stable &&
                 rep_c[1][s].stable;
        int os = same_bits(ord_c[0][s].result, ord_c[1][s].result);
        char ob[8], b1[32], b2[32];
        if (!rs && repro_on) mismatch = 1;
        if (obl_c[0][s].have) {
            snprintf(ob, sizeof ob, "%s", yes_no(same_bits(obl_c[0][s].result, obl_c[1][s].result)));
            snprintf(b1, sizeof b1, "%.17g", obl_c[0][s].result);
            snprintf(b2, sizeof b2, "%.17g", obl_c[1][s].result);
        } else {
            snprintf(ob, sizeof ob, "-");
            snprintf(b1, sizeof b1, "-");
            snprintf(b2, sizeof b2, "-");
        }
        printf("%9zu %6s %9s %9s   %-25.17g %-25s %-25s\n", SIZES[s], yes_no(rs), yes_no(os), ob,
               rep_c[0][s].result, b1, b2);
    }
    if (mismatch) printf("FAILED: reproducible results differ between 1 and 2 threads\n");

    for (t = 0; t < NUM_THREADS; t++) {
        oxpar_context_free(ord[t]);
        oxpar_context_free(rep[t]);
    }
    if (openblas != NULL) dlclose(openblas);
    if (self != NULL) dlclose(self);
    free(x);
    free(y);
    return mismatch;
}
