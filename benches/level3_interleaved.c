/* Level-3 routines on several BLAS libraries in one process, interleaved:
 * each library is loaded with dlopen (RTLD_LOCAL, so each keeps its own
 * symbols), and every timed run goes through the libraries in turn, so a
 * busy machine slows them all alike and the ratios stay fair.
 *
 *   level3_interleaved [--n N] [--reps R] [--cpu-time] [--complex] LIB...
 *
 * LIB is a path to a shared library exporting CBLAS (liboxpar_blas.so,
 * OpenBLAS's or BLIS's libblas.so.3). Routines: dtrmm, dtrsm (left, lower,
 * no transpose, non-unit), dsyrk, dsyr2k (lower, no transpose), dsymm (left,
 * lower) and, as the ceiling, dgemm; n x n (default 2048), best of R runs (default 5) per library, with
 * a pause between runs so that spinning threads of one library go idle
 * before the next runs. Thread counts come from the environment. Prints one
 * line per routine: GFLOP/s per library, then each library's ratio to the
 * first. Every result is compared with the first library's (16 entries).
 * With --complex the routines are zgemm and cgemm instead (no transposes,
 * alpha = 1 + 0.5i, beta = 0; 8 real flops per complex multiply-add). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef void (*tri_fn)(int, int, int, int, int, int, int, double, const double *, int, double *, int);
typedef void (*syrk_fn)(int, int, int, int, int, double, const double *, int, double, double *, int);
typedef void (*syr2k_fn)(int, int, int, int, int, double, const double *, int, const double *, int,
                         double, double *, int);
typedef void (*gemm_fn)(int, int, int, int, int, int, double, const double *, int, const double *,
                        int, double, double *, int);
typedef void (*symm_fn)(int, int, int, int, int, double, const double *, int, const double *, int,
                        double, double *, int);

typedef void (*cgemm_fn)(int, int, int, int, int, int, const void *, const void *, int, const void *,
                         int, const void *, void *, int);

struct lib {
    const char *path;
    cgemm_fn zgemm, cgemm;
    tri_fn trmm, trsm;
    syrk_fn syrk;
    syr2k_fn syr2k;
    symm_fn symm;
    gemm_fn gemm;
};

/* Wall time, or with --cpu-time the process's CPU time: on a busy machine
 * a single-threaded run's CPU time leaves out the time other processes
 * held the core (not their effect on shared caches). Meaningless where a
 * library's threads spin while idle, so for one thread only. */
static clockid_t clock_used = CLOCK_MONOTONIC;

static double now(void) {
    struct timespec ts;
    clock_gettime(clock_used, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static void *sym(void *h, const char *path, const char *name) {
    void *p = dlsym(h, name);
    if (!p) {
        fprintf(stderr, "level3_interleaved: %s has no %s\n", path, name);
        exit(2);
    }
    return p;
}

/* CBLAS constants: column-major 102, no-trans 111, lower 122, non-unit 131, left 141. */
static void call(const struct lib *l, int r, int n, const double *a, const double *b, double *c) {
    switch (r) {
    case 0: l->trmm(102, 141, 122, 111, 131, n, n, 1.0, a, n, c, n); break;
    case 1: l->trsm(102, 141, 122, 111, 131, n, n, 1.0, a, n, c, n); break;
    case 2: l->syrk(102, 122, 111, n, n, 1.0, a, n, 0.0, c, n); break;
    case 3: l->syr2k(102, 122, 111, n, n, 1.0, a, n, b, n, 0.0, c, n); break;
    case 4: l->symm(102, 141, 122, n, n, 1.0, a, n, b, n, 0.0, c, n); break;
    default: l->gemm(102, 111, 111, n, n, n, 1.0, a, n, b, n, 0.0, c, n); break;
    }
}

/* Routine r of the complex set: 0 zgemm, 1 cgemm, on n x n matrices whose
 * interleaved (re, im) parts are the first 2*n*n doubles of a, b and c
 * (cgemm: the same values rounded to float, in fa, fb, fc). */
static void call_complex(const struct lib *l, int r, int n, const double *a, const double *b, double *c,
                         const float *fa, const float *fb, float *fc) {
    static const double alpha[2] = {1.0, 0.5}, beta[2] = {0.0, 0.0};
    static const float falpha[2] = {1.0f, 0.5f}, fbeta[2] = {0.0f, 0.0f};
    if (r == 0) l->zgemm(102, 111, 111, n, n, n, alpha, a, n, b, n, beta, c, n);
    else l->cgemm(102, 111, 111, n, n, n, falpha, fa, n, fb, n, fbeta, fc, n);
}

/* The --complex run: zgemm and cgemm, interleaved as the real routines. */
static int run_complex(const struct lib *libs, int nlibs, int n, int reps) {
    size_t nn = 2 * (size_t)n * (size_t)n;
    double *a = malloc(nn * sizeof *a), *b = malloc(nn * sizeof *b);
    double *c = malloc(nn * sizeof *c), *first = malloc(nn * sizeof *first);
    float *fa = malloc(nn * sizeof *fa), *fb = malloc(nn * sizeof *fb);
    float *fc = malloc(nn * sizeof *fc), *ffirst = malloc(nn * sizeof *ffirst);
    if (!a || !b || !c || !first || !fa || !fb || !fc || !ffirst) return 2;
    for (int k = 0; k < nlibs; k++) {
        if (!libs[k].zgemm || !libs[k].cgemm) {
            fprintf(stderr, "level3_interleaved: %s has no cblas_zgemm or cblas_cgemm\n", libs[k].path);
            return 2;
        }
    }
    unsigned long long s = 0x2545f4914f6cdd1dULL;
    for (size_t i = 0; i < nn; i++) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        a[i] = (double)(s >> 11) / 9007199254740992.0 - 0.5;
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        b[i] = (double)(s >> 11) / 9007199254740992.0 - 0.5;
        fa[i] = (float)a[i];
        fb[i] = (float)b[i];
    }
    static const char *names[] = {"zgemm", "cgemm"};
    int failed = 0;
    for (int k = 0; k < nlibs; k++) printf("lib%d %s\n", k, libs[k].path);
    for (int r = 0; r < 2; r++) {
        double best[8];
        for (int k = 0; k < nlibs; k++) best[k] = 1e30;
        for (int rep = 0; rep <= reps; rep++) { /* rep 0 is the warm-up */
            for (int k = 0; k < nlibs; k++) {
                memset(c, 0, nn * sizeof *c);
                memset(fc, 0, nn * sizeof *fc);
                struct timespec pause = {0, 200000000};
                nanosleep(&pause, NULL);
                double t = now();
                call_complex(&libs[k], r, n, a, b, c, fa, fb, fc);
                t = now() - t;
                if (rep > 0 && t < best[k]) best[k] = t;
                if (rep == 0 && k == 0) {
                    memcpy(first, c, nn * sizeof *c);
                    memcpy(ffirst, fc, nn * sizeof *fc);
                }
                if (rep == 0 && k > 0) {
                    for (int q = 0; q < 16; q++) {
                        size_t i = (size_t)(q * 7919 + 13) % nn;
                        double x = r == 0 ? c[i] : fc[i], y = r == 0 ? first[i] : ffirst[i];
                        double tol = (r == 0 ? 1e-9 : 1e-3) * (fabs(y) + 1.0);
                        if (!(fabs(x - y) <= tol)) failed = 1;
                    }
                }
            }
        }
        printf("%-7s n=%d GFLOP/s", names[r], n);
        for (int k = 0; k < nlibs; k++) printf(" %8.2f", 8.0 * n * (double)n * n / best[k] * 1e-9);
        printf("   ratio to lib0:");
        for (int k = 1; k < nlibs; k++) printf(" %6.3f", best[0] / best[k]);
        printf("\n");
        fflush(stdout);
    }
    if (failed) printf("results differ between libraries\n");
    return failed;
}

int main(int argc, char **argv) {
    int n = 2048, reps = 5, nlibs = 0, complex_set = 0;
    struct lib libs[8];
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--n") == 0 && i + 1 < argc) n = atoi(argv[++i]);
        else if (strcmp(argv[i], "--reps") == 0 && i + 1 < argc) reps = atoi(argv[++i]);
        else if (strcmp(argv[i], "--cpu-time") == 0) clock_used = CLOCK_PROCESS_CPUTIME_ID;
        else if (strcmp(argv[i], "--complex") == 0) complex_set = 1;
        else if (nlibs < 8) {
            void *h = dlopen(argv[i], RTLD_NOW | RTLD_LOCAL);
            if (!h) {
                fprintf(stderr, "level3_interleaved: %s\n", dlerror());
                return 2;
            }
            struct lib *l = &libs[nlibs++];
            l->path = argv[i];
            l->trmm = (tri_fn)sym(h, argv[i], "cblas_dtrmm");
            l->trsm = (tri_fn)sym(h, argv[i], "cblas_dtrsm");
            l->syrk = (syrk_fn)sym(h, argv[i], "cblas_dsyrk");
            l->syr2k = (syr2k_fn)sym(h, argv[i], "cblas_dsyr2k");
            l->symm = (symm_fn)sym(h, argv[i], "cblas_dsymm");
            l->gemm = (gemm_fn)sym(h, argv[i], "cblas_dgemm");
            /* Looked up without failing: only --complex needs them. */
            l->zgemm = (cgemm_fn)dlsym(h, "cblas_zgemm");
            l->cgemm = (cgemm_fn)dlsym(h, "cblas_cgemm");
        }
    }
    if (nlibs == 0 || n <= 0 || reps <= 0) {
        fprintf(stderr, "usage: %s [--n N] [--reps R] [--cpu-time] [--complex] LIB...\n", argv[0]);
        return 2;
    }
    if (complex_set) return run_complex(libs, nlibs, n, reps);
    size_t nn = (size_t)n * (size_t)n;
    double *a = malloc(nn * sizeof *a), *b = malloc(nn * sizeof *b);
    double *c = malloc(nn * sizeof *c), *first = malloc(nn * sizeof *first);
    if (!a || !b || !c || !first) return 2;
    unsigned long long s = 0x2545f4914f6cdd1dULL;
    for (size_t i = 0; i < nn; i++) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        a[i] = (double)(s >> 11) / 9007199254740992.0 - 0.5;
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        b[i] = (double)(s >> 11) / 9007199254740992.0 - 0.5;
    }
    for (int i = 0; i < n; i++) a[i + (size_t)i * n] = 1.0 + 0.5 * n;
    static const char *names[] = {"dtrmm", "dtrsm", "dsyrk", "dsyr2k", "dsymm", "dgemm"};
    static const double flops[] = {1.0, 1.0, 1.0, 2.0, 2.0, 2.0};
    int failed = 0;
    for (int k = 0; k < nlibs; k++) printf("lib%d %s\n", k, libs[k].path);
    for (int r = 0; r < 6; r++) {
        double best[8];
        for (int k = 0; k < nlibs; k++) best[k] = 1e30;
        for (int rep = 0; rep <= reps; rep++) { /* rep 0 is the warm-up */
            for (int k = 0; k < nlibs; k++) {
                memcpy(c, b, nn * sizeof *c);
                struct timespec pause = {0, 200000000};
                nanosleep(&pause, NULL);
                double t = now();
                call(&libs[k], r, n, a, b, c);
                t = now() - t;
                if (rep > 0 && t < best[k]) best[k] = t;
                if (rep == 0 && k == 0) memcpy(first, c, nn * sizeof *c);
                if (rep == 0 && k > 0) {
                    for (int q = 0; q < 16; q++) {
                        size_t i = (size_t)(q * 7919 + 13) % (size_t)n, j = (size_t)(q * 104729 + 7) % (size_t)n;
                        if (r == 2 || r == 3) {
                            if (i < j) { size_t t2 = i; i = j; j = t2; }
                        }
                        double x = c[i + j * n], y = first[i + j * n];
                        if (!(fabs(x - y) <= 1e-9 * (fabs(y) + 1.0))) failed = 1;
                    }
                }
            }
        }
        printf("%-7s n=%d GFLOP/s", names[r], n);
        for (int k = 0; k < nlibs; k++) printf(" %8.2f", flops[r] * n * (double)n * n / best[k] * 1e-9);
        printf("   ratio to lib0:");
        for (int k = 1; k < nlibs; k++) printf(" %6.3f", best[0] / best[k]);
        printf("\n");
        fflush(stdout);
    }
    if (failed) printf("results differ between libraries\n");
    return failed;
}
